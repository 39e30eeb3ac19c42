/**
 * Input names that are not safe output names (probe 57b): `Müller.txt` became `M_ller`, and `中国.txt`
 * and `日本.txt` both `document`, so the second was refused as "output name document is already
 * taken", a name the user never gave. A changed name now gets a tag of the name (`-` and 8 hex of
 * its sha256) and a warning; a file whose name another took is told how to release both.
 */
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/node/profiles.js';
import { safeStem } from '../../src/release/folder.js';
import { lines, REPO, runBin, tmp } from '../helpers/bin.js';
import { documentFiles, expectNoLeaksInFolder } from '../helpers/release-folder.js';

const SAMPLE = path.join(REPO, 'samples/04OTTAWA3115.txt');
const ARGS = ['-p', 'public', '--as-of', '2026-12-01', '--formats', 'text,pdf'];

describe('release: inputs whose names are changed for their outputs', () => {
  it('every such name is said, and no two names become one', async () => {
    const dir = tmp('renamed-inputs');
    const names = ['Müller.txt', '中国.txt', '日本.txt', 'x y é.txt', '08BERLIN173.txt'];
    for (const n of names) copyFileSync(SAMPLE, path.join(dir, n));
    const out = path.join(tmp('renamed-inputs'), 'out');
    const r = runBin(['release', ...names, ...ARGS, '-o', out], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const renamed = lines(r.stderr).filter((l) => l.endsWith('[output-renamed]'));
    expect(renamed).toEqual([
      'declass: Müller.txt: warning: the file name Müller is not a safe output name (ASCII letters, digits, . _ -, at most 120): its outputs are named M_ller-a7842989, with a tag of the name [output-renamed]',
      'declass: 中国.txt: warning: the file name 中国 is not a safe output name (ASCII letters, digits, . _ -, at most 120): its outputs are named document-f0e95216, with a tag of the name [output-renamed]',
      'declass: 日本.txt: warning: the file name 日本 is not a safe output name (ASCII letters, digits, . _ -, at most 120): its outputs are named document-cf2abf0c, with a tag of the name [output-renamed]',
      'declass: x y é.txt: warning: the file name x y é is not a safe output name (ASCII letters, digits, . _ -, at most 120): its outputs are named x_y_-0228fa00, with a tag of the name [output-renamed]',
    ]);
    // Pending review (04OTTAWA3115 holds SBU): pending/, not release/.
    const written = [...documentFiles(path.join(out, 'pending'))].sort();
    expect(written).toEqual(names.flatMap((n) => [`${safeStem(n)}.pdf`, `${safeStem(n)}.txt`]).sort());
    const originals = new Map(names.map((n) => [safeStem(n), path.join(dir, n)]));
    expect(await expectNoLeaksInFolder(out, originals, await resolveProfile('public'), '2026-12-01')).toBe(10);
    expect(runBin(['audit', out, '--originals', dir, '-q']).code).toBe(0);
  });

  it('a name NFD or NFC is one name', () => {
    expect(safeStem('Mu\u0308ller.txt')).toBe(safeStem('M\u00fcller.txt'));
  });

  it('a failed file whose stem another input wants: the other is refused with how to release both', async () => {
    const dir = tmp('renamed-inputs-fail');
    writeFileSync(path.join(dir, 'fake.pdf'), 'not a pdf at all\0\0');
    copyFileSync(SAMPLE, path.join(dir, 'fake.txt'));
    const out = path.join(tmp('renamed-inputs-fail'), 'out');
    const r = runBin(['release', 'fake.pdf', 'fake.txt', ...ARGS, '-o', out], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('declass: fake.txt: output name fake is already taken by fake.pdf; skipped: rename one of the two files to release both');
    expect(readdirSync(dir).sort()).toEqual(['fake.pdf', 'fake.txt']);
  });
});
