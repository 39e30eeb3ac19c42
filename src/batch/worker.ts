/**
 * The worker-thread entry of the release pool (loaded by piscina from dist/batch/worker.js). One
 * cache per thread, so each thread loads the profile once.
 */
import { searchIndexed, type IndexedDocument, type LeakHit } from '../audit/cross.js';
import type { RunSet } from '../leak/shingle-hash.js';
import { JobCache, runReleaseJob, type JobResult, type ReleaseJob } from './job.js';

/** A batch's cross-document search: its indexed documents and the released texts to search. */
export interface CrossSearch {
  readonly indexed: readonly IndexedDocument[];
  readonly released: readonly { readonly runs: RunSet; readonly stem: string | null }[];
}

const cache = new JobCache();

export default function releaseInWorker(job: ReleaseJob): Promise<JobResult> {
  return runReleaseJob(job, cache);
}

/**
 * The batch's cross-document search, run by a pool thread idle at the batch's end while the main
 * thread writes the manifest and the Vaughn index (see ./run.ts).
 */
export function crossSearch(task: CrossSearch): LeakHit[][] {
  return searchIndexed(task.indexed, task.released);
}
