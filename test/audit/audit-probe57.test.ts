/**
 * Probe 57c of `declass audit`: a paragraph withheld as marked text in ten or more documents is
 * no boilerplate (released in one, it is a cross-document leak); a FIFO or folder where a record
 * lists a file is one failure and never waited on; a file over 2 GiB is hashed by streaming; a
 * release/ that is a link fails; a profile posing as a bundled one and the records' serious
 * diagnostics are warnings; a missing --originals path is one line.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFolder, loadProfile, rerunRelease, resolveProfile, runReleaseBatch, type AuditOptions, type Profile } from '../../src/index.js';
import { InputError } from '../../src/errors.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';

const SAMPLES = path.resolve('samples');
const AS_OF = '2010-12-01';
let root = '';
let one = '';

async function release(files: readonly string[], out: string, profile: Profile, profileRef: string): Promise<void> {
  await runReleaseBatch({ files, out, profile, profileRef, overrides: null, overridesFile: null, asOf: AS_OF, formats: ['text'], pageSize: 'letter', force: false, jobs: 1, maxInputBytes: 10 * 1024 * 1024, crossCheck: true, cwd: process.cwd() });
}

const options = (originals: readonly string[]): AuditOptions => ({ cwd: process.cwd(), originals, crossCheckLimit: 2000, rerun: rerunRelease });

/** A copy of the one-document release to break. */
function copy(name: string): string {
  const dir = path.join(root, name);
  cpSync(one, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'declass-audit-57-'));
  one = path.join(root, 'one');
  const profile = await resolveProfile('public');
  await release([path.join(SAMPLES, '08BERLIN173.txt')], one, profile, 'public');
  expect(await expectNoLeaksInFolder(one, new Map([['08BERLIN173', path.join(SAMPLES, '08BERLIN173.txt')]]), profile, AS_OF)).toBe(1);
});

describe('audit (probe 57c)', () => {
  it('a paragraph marked (C) and withheld in eleven cables, released (U) in a twelfth, is a cross-document leak', async () => {
    const text = readFileSync(path.join(SAMPLES, '08BERLIN173.txt'), 'utf8');
    const inputs = path.join(root, 'in12');
    mkdirSync(inputs);
    const files: string[] = [];
    for (let i = 10; i <= 21; i++) {
      let t = text.replace('BERLIN 000173', `BERLIN 0000${i}`).replace('#0173 ', `#00${i} `);
      if (i === 21) t = t.replace(/^¶2\. \(C\)/m, '¶2. (U)');
      const file = path.join(inputs, `08BERLIN${i}.txt`);
      writeFileSync(file, t);
      files.push(file);
    }
    const out = path.join(root, 'out12');
    const profile = await resolveProfile('public');
    await release(files, out, profile, 'public');
    const report = await auditFolder(out, options([inputs]));
    const cross = report.failures.filter((f) => f.check === 'cross-leak');
    expect(cross).toHaveLength(11);
    expect(new Set(cross.map((f) => f.file))).toEqual(new Set(['release/08BERLIN21.txt']));
    expect(cross[0]!.message).toMatch(/run\(s\) of 8 words withheld in 08BERLIN1\d \(p2\)/);
    // The other eleven releases leak nothing of their own (the twelfth shows its (U) ¶2 by its rules).
    const originals = new Map(files.slice(0, 11).map((f) => [path.basename(f, '.txt'), f]));
    rmSync(path.join(out, 'release', '08BERLIN21.txt'));
    expect(await expectNoLeaksInFolder(out, originals, profile, AS_OF)).toBe(11);
  });

  it('a FIFO or a folder where a record lists a file is one failure, not a hang', async () => {
    for (const make of ['fifo', 'folder'] as const) {
      const dir = copy(`shape-${make}`);
      const file = path.join(dir, 'release', '08BERLIN173.txt');
      unlinkSync(file);
      if (make === 'fifo') execFileSync('mkfifo', [file]);
      else {
        mkdirSync(path.join(file, 'inside'), { recursive: true });
        writeFileSync(path.join(file, 'inside', 'x.txt'), 'x');
      }
      const report = await auditFolder(dir, options([]));
      const shape = report.failures.filter((f) => f.file.startsWith('release/08BERLIN173.txt'));
      expect(shape).toEqual([{ file: 'release/08BERLIN173.txt', check: 'missing', severity: 'failure', message: 'not a regular file (a folder, link, FIFO or device) where review/08BERLIN173.audit.json records one' }]);
    }
  }, 30_000);

  it('hashes a file over 2 GiB by streaming: an unrecorded file, not a crash', async () => {
    const dir = copy('big');
    writeFileSync(path.join(dir, 'release', 'notes.txt'), '');
    truncateSync(path.join(dir, 'release', 'notes.txt'), 2 ** 31 + 4096);
    const report = await auditFolder(dir, options([]));
    expect(report.failures).toEqual([{ file: 'release/notes.txt', check: 'unrecorded', severity: 'failure', message: 'not listed in any audit record' }]);
    rmSync(dir, { recursive: true });
  }, 120_000);

  it('fails a release/ that is a link to a folder elsewhere', async () => {
    const dir = copy('linked');
    const elsewhere = path.join(root, 'elsewhere');
    renameSync(path.join(dir, 'release'), elsewhere);
    symlinkSync(elsewhere, path.join(dir, 'release'));
    const report = await auditFolder(dir, options([]));
    expect(report.ok).toBe(false);
    expect(report.failures.map((f) => [f.file, f.check])).toEqual([['release', 'unrecorded']]);
  });

  it('warns when the profile calls itself public but is not the bundled file, and passes on the records\' serious diagnostics', async () => {
    const file = path.join(root, 'evil', 'public.yaml');
    mkdirSync(path.dirname(file));
    writeFileSync(file, `${readFileSync('rules/public.yaml', 'utf8')}\n# edited\n`);
    const out = path.join(root, 'evil-out');
    const profile = loadProfile(readFileSync(file, 'utf8'), file);
    await release([path.join(SAMPLES, '08BERLIN173.txt')], out, profile, file);
    expect(await expectNoLeaksInFolder(out, new Map([['08BERLIN173', path.join(SAMPLES, '08BERLIN173.txt')]]), profile, AS_OF)).toBe(1);
    const report = await auditFolder(out, options([path.join(SAMPLES, '08BERLIN173.txt')]));
    expect(report.ok).toBe(true);
    const messages = report.warnings.map((w) => `${w.check}: ${w.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^consistency: profile public \(.*evil\/public\.yaml, sha256 [0-9a-f]{12}…\) is not the bundled public profile/));
    // With the original given, the diagnostics are those of the original read again, not the record's.
    expect(messages).toContain('record: 1 original(s) give the error-level diagnostic unmarked-portion (08BERLIN173), read again with --originals: the release reported it (see declass explain)');
    expect((await auditFolder(out, options([]))).warnings.map((w) => `${w.check}: ${w.message}`)).toContain('record: 1 record(s) carry the error-level diagnostic unmarked-portion (08BERLIN173): the release reported it (see declass explain)');
    // The bundled profile itself: no such warning.
    const plain = await auditFolder(one, options([]));
    expect(plain.warnings.map((w) => w.message).filter((m) => m.includes('not the bundled'))).toEqual([]);
  });

  it('an original with no record (its document removed from the folder) is released in memory for the cross-document check', async () => {
    const text = readFileSync(path.join(SAMPLES, '08BERLIN173.txt'), 'utf8');
    const inputs = path.join(root, 'in2');
    mkdirSync(inputs);
    const withheld = path.join(inputs, '08BERLIN173.txt');
    const shown = path.join(inputs, '08BERLIN174.txt');
    writeFileSync(withheld, text);
    writeFileSync(shown, text.replace('BERLIN 000173', 'BERLIN 000174').replace('#0173 ', '#0174 ').replace(/^¶2\. \(C\)/m, '¶2. (U)'));
    const out = path.join(root, 'out2');
    const profile = await resolveProfile('public');
    await release([withheld, shown], out, profile, 'public');
    expect(await expectNoLeaksInFolder(out, new Map([['08BERLIN173', withheld], ['08BERLIN174', shown]]), profile, AS_OF)).toBe(2);
    // The withholding document removed whole: its record and release file.
    rmSync(path.join(out, 'review', '08BERLIN173.audit.json'));
    rmSync(path.join(out, 'release', '08BERLIN173.txt'));
    const report = await auditFolder(out, options([inputs]));
    expect(report.failures.filter((f) => f.check === 'cross-leak').map((f) => [f.file, f.message.replace(/^\d+/, 'N')])).toEqual([['release/08BERLIN174.txt', 'N run(s) of 8 words withheld in 08BERLIN173 (p2) appear here']]);
    expect(report.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^original .*08BERLIN173\.txt \(sha256 [0-9a-f]{12}…\) has no record in the folder/));
  });

  it('an --originals path that is not there is one input error', async () => {
    await expect(auditFolder(one, options([path.join(root, 'nonexist')]))).rejects.toThrow(InputError);
    await expect(auditFolder(one, options([path.join(root, 'nonexist')]))).rejects.toThrow(/^--originals .*nonexist: no such file or folder$/);
  });
});
