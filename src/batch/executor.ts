/**
 * Where release jobs run: a piscina worker-thread pool when more than one job may run at once
 * and the compiled worker exists, else in this thread. (Under vitest the sources are TypeScript
 * and no compiled worker sits next to them; the in-thread executor runs the same job code.)
 */
import { fileURLToPath } from 'node:url';
import { PdfTextThread } from '../node/pdfjs-thread.js';
import { pathExists } from '../node/system.js';
import { JobCache, runReleaseJob, type JobResult, type ReleaseJob } from './job.js';

export interface Executor {
  /** How many jobs run at the same time. */
  readonly threads: number;
  /** `onComputed`: called when the job starts waiting on another thread (in-thread executors; never in a pool). */
  run(job: ReleaseJob, onComputed?: () => void): Promise<JobResult>;
  close(): Promise<void>;
}

export { defaultJobs } from './defaults.js';

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

/**
 * The worker entry bundled with the command line (scripts/bundle.mjs): a worker then loads a few
 * files instead of some 150 modules. Absent when the sources run, or in a build without a bundle.
 */
const BUNDLED_WORKER_FILE = fileURLToPath(new URL('../cli/bundle/worker.js', import.meta.url));

/** Old-generation limit of a worker thread: ample for any corpus cable (the largest is 66 KB). */
export const WORKER_OLD_GENERATION_MB = 96;

/**
 * Fewest documents for which an in-thread batch writes its files on a thread of their own (see
 * node/write-thread.ts): starting the thread costs about 30 ms, a document's files 1-2 ms.
 */
export const WRITER_THREAD_MIN_DOCUMENTS = 32;

/**
 * Fewest documents for which an in-thread batch reads its release PDFs back with pdf.js on a
 * thread of their own (see node/pdfjs-thread.ts). Starting it loads pdf.js in a second isolate;
 * over the same corpus PDFs through the CLI (medians of three alternating runs): 1 PDF 1.05 →
 * 1.16 s, 3 and 10 PDFs even, 32 PDFs 2.79 → 2.75 s, 300 PDFs 10.0 → 8.7 s.
 */
export const PDF_TEXT_THREAD_MIN_DOCUMENTS = 32;

/**
 * An executor for `jobs` parallel jobs, at most one per document (1: in this thread, with a file writer thread from
 * {@link WRITER_THREAD_MIN_DOCUMENTS} documents and a pdf.js thread from {@link PDF_TEXT_THREAD_MIN_DOCUMENTS}). piscina is loaded only for a pool (40 ms a run otherwise).
 */
export async function createExecutor(requested: number, documents: number = Infinity): Promise<Executor> {
  // A thread more than there are documents would only start, idle and cost memory.
  const jobs = Math.min(requested, documents);
  if (jobs <= 1 || !pathExists(WORKER_FILE)) {
    const writer = documents >= WRITER_THREAD_MIN_DOCUMENTS ? (await import('../node/write-thread.js')).FileWriterThread.start() : null;
    const cache = new JobCache(writer, documents >= PDF_TEXT_THREAD_MIN_DOCUMENTS ? () => PdfTextThread.start() : null);
    return { threads: 1, run: (job, onComputed) => runReleaseJob(job, cache, onComputed), close: () => cache.close() };
  }
  let inline: JobCache | null = null;
  const runInline = (job: ReleaseJob): Promise<JobResult> => runReleaseJob(job, (inline ??= new JobCache()));
  const { Piscina } = await import('piscina');
  const pool = new Piscina<ReleaseJob, JobResult>({
    filename: pathExists(BUNDLED_WORKER_FILE) ? BUNDLED_WORKER_FILE : WORKER_FILE,
    minThreads: jobs,
    maxThreads: jobs,
    // No queue limit here: the batch runner keeps only a few jobs in flight.
    idleTimeout: 1000,
    // A worker waiting on the disk for one document renders the next meanwhile.
    concurrentTasksPerWorker: 3,
    // Small heaps keep each thread's RSS flat: left alone, V8 lets a worker's old generation
    // grow by some 40 MB over 20,000 documents of garbage (297 MB in all against 209 MB capped).
    // A document too big for this heap kills its worker, and is then done again in this thread.
    resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB },
  });
  return {
    threads: jobs,
    // runReleaseJob never throws: a rejection means the worker died (out of memory, a crash).
    run: (job) => pool.run(job).catch(() => runInline(job)),
    close: () => pool.destroy(),
  };
}
