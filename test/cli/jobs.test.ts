/**
 * `release --jobs N`: no more worker threads than documents (a note says when the request is
 * lowered), and a number of threads no machine has is a usage error: `--jobs 32` on one document
 * took 6.5 s and 469 MB, `--jobs 99999` died of a V8 out-of-memory abort (exit 133).
 * Through the built CLI: only there does the pool run (under vitest the worker is TypeScript).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runBin, tmp } from '../helpers/bin.js';

const ONE = path.join(REPO, 'samples/08BERLIN173.txt');
const TWO = [ONE, path.join(REPO, 'samples/01VATICAN1261.txt')];
const BASE = ['--profile', 'public', '--as-of', '2010-12-01', '--formats', 'text'];

describe('release --jobs', () => {
  it('more than the documents: lowered to their number, with a one-line note', () => {
    const r = runBin(['release', ONE, ...BASE, '--out', path.join(tmp('jobs'), 'out'), '--jobs', '32']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('declass: note: --jobs 32 lowered to 1: one thread per document at most (1 document(s))\n');
    expect(r.stdout).toContain('on 1 thread(s)');
  });

  it('a pool is no larger than the batch', () => {
    const r = runBin(['release', ...TWO, ...BASE, '--out', path.join(tmp('jobs'), 'out'), '--jobs', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--jobs 3 lowered to 2');
    expect(r.stdout).toContain('on 2 thread(s)');
  });

  it('as many as the documents or fewer: no note', () => {
    const r = runBin(['release', ...TWO, ...BASE, '--out', path.join(tmp('jobs'), 'out'), '--jobs', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('on 2 thread(s)');
  });

  it.each(['257', '99999'])('--jobs %s: a usage error in one line, nothing written', (n) => {
    const out = path.join(tmp('jobs'), 'out');
    const r = runBin(['release', ONE, ...BASE, '--out', out, '--jobs', n]);
    expect(r.code).toBe(64);
    expect(r.stderr).toBe(`declass: option '-j, --jobs <n>' argument '${n}' is invalid. expected a whole number from 1 to 256, got "${n}"\n`);
    expect(existsSync(out)).toBe(false);
  });
});
