/**
 * Probe 10: a second run does not release a different document over an earlier one's output name
 * (F1: `a/memo.txt` then `b/memo.txt` silently replaced a's release); a FIFO is refused in one line,
 * named or met in a walk, instead of blocking the command forever (F2).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runBin, tmp } from '../helpers/bin.js';

const SAMPLES = path.join(REPO, 'samples');
const AS_OF = '2015-01-01';

describe('a second run into a folder', () => {
  it('refuses another document under an output name an earlier run took, and keeps the earlier one', () => {
    const dir = tmp('reuse');
    for (const [sub, sample] of [['a', 'MEMO-FIELD-OFFICES.txt'], ['b', 'SYNTH-TS-SI-13526.txt']] as const) {
      mkdirSync(path.join(dir, sub));
      copyFileSync(path.join(SAMPLES, sample), path.join(dir, sub, 'memo.txt'));
    }
    const out = path.join(dir, 'out');
    const run = (input: string, ...more: string[]) => runBin(['release', input, '-p', 'public', '-o', out, '--as-of', AS_OF, '-q', ...more], { cwd: dir });
    expect(run('a/memo.txt').code).toBe(0);
    const second = run('b/memo.txt');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('declass: b/memo.txt: output name memo is already taken by a/memo.txt (sha256 ');
    expect(JSON.parse(readFileSync(path.join(out, 'review', 'memo.audit.json'), 'utf8')).input.path).toBe('a/memo.txt');
    expect(existsSync(path.join(out, 'release', 'memo.txt'))).toBe(true);
    // The same document again (also edited, under the same path) is released as before.
    expect(run('a/memo.txt', '--force').code).toBe(0);
  });
});

describe.skipIf(process.platform === 'win32')('a FIFO among the inputs', () => {
  function withFifo(): string {
    const dir = tmp('fifo');
    copyFileSync(path.join(SAMPLES, '08BERLIN173.txt'), path.join(dir, 'ok.txt'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.txt')]);
    return dir;
  }

  it('named: refused in one line, the others released, exit 1 (parse and check too)', () => {
    const dir = withFifo();
    const r = runBin(['release', 'ok.txt', 'fifo.txt', '-p', 'public', '-o', 'out', '--as-of', AS_OF, '-q'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('declass: fifo.txt: not a regular file\n');
    expect(existsSync(path.join(dir, 'out', 'review', 'manifest.json'))).toBe(true);
    expect(runBin(['parse', 'fifo.txt'], { cwd: dir }).stderr).toContain('not a regular file');
    expect(runBin(['check', 'fifo.txt'], { cwd: dir }).stderr).toContain('not a regular file');
  }, 20_000);

  it('in a walked folder: left out with a note', () => {
    const dir = withFifo();
    const r = runBin(['release', '.', '-p', 'public', '-o', path.join(tmp('fifo-out'), 'out'), '--as-of', AS_OF, '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('declass: note: 1 path(s) skipped: not a regular file (a FIFO, socket or device: fifo.txt)');
  }, 20_000);
});
