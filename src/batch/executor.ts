/**
 * Where release jobs run: a piscina worker-thread pool when more than one job may run at once
 * and the compiled worker exists, else in this thread. (Under vitest the sources are TypeScript
 * and no compiled worker sits next to them; the in-thread executor runs the same job code.)
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { JobCache, runReleaseJob, type JobResult, type ReleaseJob } from './job.js';

export interface Executor {
  /** How many jobs run at the same time. */
  readonly threads: number;
  run(job: ReleaseJob): Promise<JobResult>;
  close(): Promise<void>;
}

/** The default `--jobs`: the cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

/** An executor for `jobs` parallel jobs (1: in this thread). */
export function createExecutor(jobs: number): Executor {
  if (jobs <= 1 || !existsSync(WORKER_FILE)) {
    const cache = new JobCache();
    return { threads: 1, run: (job) => runReleaseJob(job, cache), close: async () => {} };
  }
  const pool = new Piscina<ReleaseJob, JobResult>({
    filename: WORKER_FILE,
    minThreads: jobs,
    maxThreads: jobs,
    // No queue limit here: the batch runner keeps only a few jobs in flight.
    idleTimeout: 1000,
    // A worker waiting on the disk for one document renders the next meanwhile.
    concurrentTasksPerWorker: 3,
    // A small young generation keeps each thread's RSS down (about 20 MB less per thread at no
    // measurable cost in speed): the 20,000-document run must stay under 300 MB.
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  return {
    threads: jobs,
    run: (job) => pool.run(job),
    close: () => pool.destroy(),
  };
}
