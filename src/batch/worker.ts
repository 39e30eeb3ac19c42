/**
 * The worker-thread entry of the release pool (loaded by piscina from dist/batch/worker.js). One
 * cache per thread, so each thread loads the profile once.
 */
import { JobCache, runReleaseJob, type JobResult, type ReleaseJob } from './job.js';

const cache = new JobCache();

export default function releaseInWorker(job: ReleaseJob): Promise<JobResult> {
  return runReleaseJob(job, cache);
}
