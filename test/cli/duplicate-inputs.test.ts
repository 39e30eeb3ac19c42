/**
 * One file given more than once (probe 57b): `samples/X.txt ./samples/X.txt` (or its absolute path)
 * was refused as "output name X is already taken by samples/X.txt" (exit 1), while the same spelling
 * twice, or a folder and a file in it, was merged without a word. Every kind is now the file once,
 * as first given, and one warning line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/node/profiles.js';
import { lines, REPO, runBin, tmp } from '../helpers/bin.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';

const FILE = 'samples/08BERLIN173.txt';
const ARGS = ['-p', 'public', '--as-of', '2026-12-01', '--formats', 'text,pdf'];

describe('release: one file given more than once', () => {
  it.each<[string, string[], string]>([
    ['two spellings', [FILE, `./${FILE}`], `samples/08BERLIN173.txt (also as ./samples/08BERLIN173.txt)`],
    ['its absolute path', [FILE, path.join(REPO, FILE)], `samples/08BERLIN173.txt (also as ${path.join(REPO, FILE)})`],
    ['the same spelling twice', [FILE, FILE], 'samples/08BERLIN173.txt'],
    ['a file and its folder', [FILE, 'samples'], 'samples/08BERLIN173.txt'],
  ])('%s: released once, one warning line', async (_, given, named) => {
    const out = path.join(tmp('duplicate-inputs'), 'out');
    const r = runBin(['release', ...given, ...ARGS, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const warnings = lines(r.stderr).filter((l) => l.includes('given more than once'));
    expect(warnings).toEqual([`declass: warning: 1 file(s) given more than once, taken once: ${named}`]);
    expect(r.stderr).not.toContain('already taken');
    const record = JSON.parse(readFileSync(path.join(out, 'review', '08BERLIN173.audit.json'), 'utf8')) as { input: { path: string } };
    expect(record.input.path).toBe(FILE);
    expect(readdirSync(path.join(out, 'release')).filter((n) => n.startsWith('08BERLIN173'))).toEqual(['08BERLIN173.pdf', '08BERLIN173.txt']);
    const originals = new Map(readdirSync(path.join(REPO, 'samples')).filter((n) => /\.(?:txt|md)$/.test(n)).map((n) => [n.replace(/\.txt$/, ''), path.join(REPO, 'samples', n)]));
    await expectNoLeaksInFolder(out, originals, await resolveProfile('public'), '2026-12-01');
  });
});
