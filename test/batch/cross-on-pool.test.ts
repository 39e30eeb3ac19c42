/**
 * A pool's batch searches itself for cross-document leaks on one of its threads, idle once the
 * documents are done, while the main thread writes the manifest and the Vaughn index: the same
 * hits as the search on the main thread, which a batch in one thread still runs. Through
 * dist/ (the pool runs only from the build: under vitest the worker is TypeScript).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Against from '../../src/audit/against.js';
import type * as Batch from '../../src/batch/run.js';
import type * as Profiles from '../../src/node/profiles.js';
import type * as Rerun from '../../src/release/rerun.js';
import { CORPUS_CABLES } from '../helpers/corpus.js';

const dist = (p: string) => new URL(`../../dist/${p}`, import.meta.url).href;
const { runReleaseBatch } = (await import(dist('batch/run.js'))) as typeof Batch;
const { findBatchCrossLeaks } = (await import(dist('audit/against.js'))) as typeof Against;
const { resolveProfile } = (await import(dist('node/profiles.js'))) as typeof Profiles;
const { rerunRelease } = (await import(dist('release/rerun.js'))) as typeof Rerun;

// 08MEXICO1487 releases text 08MEXICO1082 withholds (57 runs of 8 words), and some of 08MEXICO2160's; 07REYKJAVIK22 some of 07BERN881's.
const CABLES = ['08MEXICO1082', '08MEXICO1487', '08MEXICO2160', '07BERN881', '07REYKJAVIK22'].map((c) => path.join(CORPUS_CABLES, `${c}.txt`));
const dir = mkdtempSync(path.join(os.tmpdir(), 'declass-cross-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function batch(jobs: number): Promise<Batch.BatchResult> {
  const profile = await resolveProfile('public');
  return runReleaseBatch({
    files: CABLES, out: path.join(dir, `jobs${jobs}`), profile, profileRef: 'public', overrides: null, overridesFile: null, asOf: '2010-12-01',
    formats: ['text'], pageSize: 'letter', force: true, jobs, maxInputBytes: 1 << 24, crossCheck: true, cwd: dir,
  });
}

describe.skipIf(!CABLES.every((f) => existsSync(f)))('the cross-document search of a pool batch', () => {
  it('runs on a pool thread and finds what the main thread finds', async () => {
    const r = await batch(2);
    expect(r.summary.threads).toBe(2);
    const cross = r.cross!;
    expect(cross.found).toBeDefined();
    expect(cross.found).toEqual(cross.index.findAll(cross.released));
    const { found: _, ...unsearched } = cross;
    const opts = { cwd: dir, rerun: rerunRelease };
    const leaks = await findBatchCrossLeaks(cross, [], opts);
    expect(leaks.map((l) => `${path.basename(l.file)} ${l.from} ${l.runs}`)).toEqual(expect.arrayContaining(['08MEXICO1487.txt 08MEXICO1082 57']));
    expect(leaks).toEqual(await findBatchCrossLeaks(unsearched, [], opts));
  });

  it('in one thread is searched after the batch, with the same hits', async () => {
    const [one, pool] = [await batch(1), await batch(2)];
    expect(one.cross!.found).toBeUndefined();
    const opts = { cwd: dir, rerun: rerunRelease };
    const strip = (ls: readonly Against.CrossLeak[]) => ls.map((l) => ({ ...l, file: path.basename(l.file) }));
    expect(strip(await findBatchCrossLeaks(one.cross!, [], opts))).toEqual(strip(await findBatchCrossLeaks(pool.cross!, [], opts)));
  });
});
