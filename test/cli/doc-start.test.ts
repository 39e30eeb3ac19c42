/**
 * `release --case --doc-start N`: numbers past C99999999 are bad input, not a bug. It was an
 * internal error (`1 document(s) from 100000000 run past C99999999`, exit 2); now a usage error
 * in one line (exit 64), found before anything is written.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, REPO, runBin, tmp } from '../helpers/bin.js';

const ONE = path.join(REPO, 'samples/08BERLIN173.txt');
const OTHER = path.join(REPO, 'samples/01VATICAN1261.txt');
const BASE = ['--profile', 'public', '--as-of', '2010-12-01', '--formats', 'text', '--case', 'F-1'];

describe('release --doc-start past the last document number', () => {
  it('a start past C99999999: a usage error in one line, nothing written', () => {
    const out = path.join(tmp('doc-start'), 'out');
    const r = runBin(['release', ONE, ...BASE, '--out', out, '--doc-start', '100000000']);
    expect(r.code).toBe(64);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('--doc-start');
    expect(existsSync(out)).toBe(false);
  });

  it('documents that would run past it: a usage error naming the largest start, nothing written', () => {
    const out = path.join(tmp('doc-start'), 'out');
    const r = runBin(['release', ONE, OTHER, ...BASE, '--out', out, '--doc-start', '99999999']);
    expect(r.code).toBe(64);
    expect(r.stderr).toBe('declass: --doc-start 99999999: 2 document(s) would be numbered up to 100000000, past C99999999; start at 99999998 at most\n');
    expect(existsSync(out)).toBe(false);
  });

  it('with the documents already in the folder: the same, and the folder is left as it was', () => {
    const out = path.join(tmp('doc-start'), 'out');
    expect(runBin(['release', ONE, ...BASE, '--out', out, '--doc-start', '99999999']).code).toBe(0);
    const before = readdirSync(out, { recursive: true }).sort();
    const r = runBin(['release', OTHER, ...BASE, '--out', out, '--doc-start', '99999999']);
    expect(r.code).toBe(64);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('past C99999999; start at 99999998 at most');
    expect(readdirSync(out, { recursive: true }).sort()).toEqual(before);
  });
});
