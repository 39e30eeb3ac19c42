/**
 * Where the bench's outputs go: a section on its own deletes its folder when done; inside a whole
 * run every section writes into one folder that is deleted once, at the end (src/bench/scratch.ts).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BENCH_OUTPUTS_ENV, scratchFolder, withBenchOutputs } from '../../src/bench/scratch.js';

describe('bench outputs folder', () => {
  afterEach(() => {
    delete process.env[BENCH_OUTPUTS_ENV];
  });

  it('deletes a section folder when done, outside a whole run', async () => {
    const s = await scratchFolder('declass-bench-test-');
    writeFileSync(path.join(s.dir, 'x.txt'), 'x');
    await s.done();
    expect(existsSync(s.dir)).toBe(false);
  });

  it('keeps every section folder until the whole run ends, then deletes them all', async () => {
    let root = '';
    await withBenchOutputs(async () => {
      root = process.env[BENCH_OUTPUTS_ENV]!;
      for (const name of ['a', 'c']) {
        const s = await scratchFolder(`declass-bench-${name}-`);
        expect(path.dirname(s.dir)).toBe(root);
        writeFileSync(path.join(s.dir, 'x.txt'), name);
        await s.done();
        expect(existsSync(path.join(s.dir, 'x.txt'))).toBe(true);
      }
    });
    expect(root).not.toBe('');
    expect(existsSync(root)).toBe(false);
    expect(process.env[BENCH_OUTPUTS_ENV]).toBeUndefined();
  });

  it('deletes the run folder when a section throws', async () => {
    let root = '';
    await expect(
      withBenchOutputs(async () => {
        root = process.env[BENCH_OUTPUTS_ENV]!;
        await scratchFolder('declass-bench-a-');
        throw new Error('section failed');
      }),
    ).rejects.toThrow('section failed');
    expect(existsSync(root)).toBe(false);
  });
});
