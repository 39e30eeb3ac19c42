/**
 * Defaults of a release batch, apart from the pool itself so that the command line can show
 * them without loading it.
 */
import { availableParallelism } from 'node:os';

/**
 * Fewest documents for which `release` starts a worker pool by default, for text inputs. Each
 * worker loads and compiles every module again and warms up its own JIT, so a small batch is
 * faster in one thread; a larger one gains from the second core even on two. Measured on this
 * 2-core machine (cables of the corpus, all outputs unless said, cold processes alternately,
 * `--jobs 1` against `--jobs 2`, docs/s): 200 cables 89-109 against 97-102 (two runs of three
 * slower with the pool); 300 cables text and diff 209-252 against 168-211 (both slower); 600
 * cables 111-118 against 124-143 (all three faster), text and diff 198-236 against 210-230 (two
 * of three faster); 1,500 cables 100-119 against 130-145; 5,000 cables 144-175 against 166-186;
 * 20,000 cables text and diff 300-364 against 403-417, with a lower peak RSS (190 MB against
 * 273-282 MB: the main thread no longer holds each document's garbage). The pool costs 10-30%
 * more CPU. (Before the JIT tuning of ../node/jit.ts and the writer thread, `--jobs 2` was never
 * faster on 600 cables.)
 */
export const POOL_MIN_DOCUMENTS = 500;

/** Fewest cores for which `release` starts a worker pool by default (text inputs). */
export const POOL_MIN_CORES = 2;

/**
 * PDF inputs (~170 ms of CPU each, against ~5 ms for a cable) gain nothing from a pool on two
 * cores: in one thread, a batch already reads its release PDFs back with pdf.js on a second
 * thread, and each worker loads pdf.js again and collects its garbage in a small young
 * generation. 150 SIDtoday PDFs through the CLI, alternately: 6.6-7.8 s wall and 10.8-13.1 s of
 * CPU with `--jobs 1`, 9.5-10.6 s and 17.7-19.9 s with `--jobs 2`. So a batch that is mostly PDF
 * work keeps the earlier rule: a pool from 1,000 documents on 3 cores or more (not measured:
 * there is no such machine here; `--jobs` sets it).
 */
export const PDF_POOL_MIN_DOCUMENTS = 1000;
export const PDF_POOL_MIN_CORES = 3;

/** About how many cables' worth of work one PDF input is (see {@link PDF_POOL_MIN_DOCUMENTS}). */
export const PDF_COST_IN_CABLES = 30;

/**
 * The default `--jobs` for a batch of `documents`, `pdfs` of them PDF inputs, on a machine of
 * `cores`: 1 (every document in this thread, no pool) below the thresholds above, else `cores`.
 * A batch is PDF work when its PDFs, at {@link PDF_COST_IN_CABLES} each, outweigh its other
 * documents.
 */
export function defaultJobs(documents: number = Infinity, pdfs = 0, cores: number = availableParallelism()): number {
  const pdfWork = pdfs > 0 && pdfs * PDF_COST_IN_CABLES >= documents - pdfs;
  const [minDocuments, minCores] = pdfWork ? [PDF_POOL_MIN_DOCUMENTS, PDF_POOL_MIN_CORES] : [POOL_MIN_DOCUMENTS, POOL_MIN_CORES];
  return documents < minDocuments || cores < minCores ? 1 : cores;
}

/** True for a path named as a PDF: the estimate {@link defaultJobs} is given (the reader goes by the bytes). */
/**
 * The most worker threads `--jobs` may ask for: each costs some 15 MB and a few tens of ms to
 * start, so thousands exhaust the memory (`--jobs 99999` died of a V8 out-of-memory abort).
 */
export const MAX_JOBS = 256;

export const isPdfPath = (file: string): boolean => /\.pdf$/i.test(file);
