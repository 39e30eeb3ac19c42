/**
 * Defaults of a release batch, apart from the pool itself so that the command line can show
 * them without loading it.
 */
import { availableParallelism } from 'node:os';

/**
 * Fewest documents for which `release` starts a worker pool by default. Each worker loads and
 * compiles every module again and warms up its own JIT: on the 2-core machine of the
 * measurements (README "Measured on the corpus"), `--jobs 2` cost 50-70% more CPU than `--jobs 1` on 600 cables
 * and was never faster, so a pool is left to larger batches on machines with more cores.
 *
 * PDF inputs (~170 ms of CPU each, against ~5 ms for a cable) were measured too, on the same
 * 2 cores shared with other work (load 8-11): 150 SIDtoday PDFs took 28-30 s with `--jobs 1` and
 * 39-58 s with `--jobs 2`, which used 28-37 s of CPU against 18-20 s (each worker's start costs
 * about 1.2 s of CPU with pdf.js loaded, and the workers' 8 MB young generation collects often
 * over pdf.js's garbage: 27-32 s of CPU with 32 MB). So the rule stays the same for every kind
 * of input; whether a pool pays for PDFs from fewer documents on 3 cores or more was not
 * measured (no such machine here), and `--jobs` sets it.
 */
export const POOL_MIN_DOCUMENTS = 1000;

/** Fewest cores for which `release` starts a worker pool by default (see {@link POOL_MIN_DOCUMENTS}). */
export const POOL_MIN_CORES = 3;

/**
 * The default `--jobs` for a batch of `documents`: 1 (every document in this thread, no pool)
 * for fewer than {@link POOL_MIN_DOCUMENTS} documents or fewer than {@link POOL_MIN_CORES}
 * cores; else the cores this process may use.
 */
export function defaultJobs(documents: number = Infinity): number {
  const cores = Math.max(1, availableParallelism());
  return documents < POOL_MIN_DOCUMENTS || cores < POOL_MIN_CORES ? 1 : cores;
}
