/**
 * A batch starts its pool's threads before it checks the output folder and the inputs, so that
 * they load their modules meanwhile (issue 18, fixed costs). A batch refused by those checks
 * closes the pool again: no thread is left behind and nothing is written. Through dist/ (the
 * pool runs only from the build: under vitest the worker is TypeScript).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Batch from '../../src/batch/run.js';
import type * as Profiles from '../../src/node/profiles.js';
import { REPO } from '../helpers/bin.js';

const dist = (p: string) => new URL(`../../dist/${p}`, import.meta.url).href;
const { runReleaseBatch } = (await import(dist('batch/run.js'))) as typeof Batch;
const { resolveProfile } = (await import(dist('node/profiles.js'))) as typeof Profiles;

const TWO = ['08BERLIN173', '01VATICAN1261'].map((c) => path.join(REPO, 'samples', `${c}.txt`));
const dir = mkdtempSync(path.join(os.tmpdir(), 'declass-pool-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** This process's threads (a pool's worker threads among them). */
const threads = (): number => readdirSync('/proc/self/task').length;

async function release(out: string, asOf: string): Promise<Batch.BatchResult> {
  const profile = await resolveProfile('public');
  return runReleaseBatch({ files: TWO, out, profile, profileRef: 'public', overrides: null, overridesFile: null, asOf, formats: ['text'], pageSize: 'letter', force: true, jobs: 2, maxInputBytes: 1 << 24, crossCheck: false, cwd: dir });
}

describe.skipIf(!existsSync('/proc/self/task'))('a pool batch refused before its documents', () => {
  it('closes its threads, having written nothing', async () => {
    const out = path.join(dir, 'out');
    expect((await release(out, '2010-12-01')).summary.threads).toBe(2);
    const files = readdirSync(path.join(out, 'release')).sort();
    const before = threads();
    // A folder holds one release: another as-of date is refused before any document.
    await expect(release(out, '2026-12-01')).rejects.toThrow(/other settings/);
    expect(threads()).toBe(before);
    expect(readdirSync(path.join(out, 'release')).sort()).toEqual(files);
  });
});
