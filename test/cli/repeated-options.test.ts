/**
 * A single-value option given twice is a usage error (probe 10, F13): commander kept the last, so
 * `-p public -p us-secret` released for another audience without a word. Repeatable options
 * (`audit --against`) still collect.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runBin, tmp } from '../helpers/bin.js';

const BERLIN = path.join(REPO, 'samples', '08BERLIN173.txt');

describe('a single-value option given twice', () => {
  it.each([
    ['--profile', ['release', BERLIN, '-p', 'public', '-p', 'us-secret', '-o', 'OUT', '--as-of', '2015-01-01'], "option '-p, --profile <name|file>' given more than once ('public', then 'us-secret')"],
    ['--out', ['release', BERLIN, '-p', 'public', '-o', 'A', '-o', 'B', '--as-of', '2015-01-01'], "option '-o, --out <dir>' given more than once ('A', then 'B')"],
    ['--as-of', ['explain', BERLIN, '-p', 'public', '--as-of', '2015-01-01', '--as-of', '2019-01-01'], "option '--as-of <YYYY-MM-DD>' given more than once"],
  ])('%s: exit 64, nothing written', (_name, args, message) => {
    const dir = tmp('repeated');
    const r = runBin(args, { cwd: dir });
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(message);
  });

  it('a repeatable option (audit --against) is not refused', () => {
    const r = runBin(['audit', path.join(tmp('none'), 'missing'), '--against', 'a', '--against', 'b']);
    expect(r.stderr).not.toContain('given more than once');
  });
});
