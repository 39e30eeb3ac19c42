/**
 * How V8's optimising compiler is tuned for a `declass release` process: the command (and the
 * bench's declass side) calls {@link tuneJit} with the batch's size before any document is read.
 * The flags are process-wide, worker threads included, so a program that imports the library keeps
 * its own settings.
 *
 * A batch of a few hundred cables runs mostly while TurboFan is still compiling: on 600 cables
 * (text and diff) its background threads took about 1.9 s of CPU against 2.9 s for the main
 * thread, most of it in graph reduction of large functions with their callees inlined
 * (`--trace-opt`: 3.4 s of compile jobs; the document parser alone 0.2 s). Inlining less
 * bytecode per function (V8's default is 920 bytes in total) makes each compile job smaller and
 * the optimised code arrive sooner, but the code it makes is slower once warm. Measured here, cold
 * processes run alternately, 115 bytes against the default: 600 cables, all outputs in one thread,
 * median 5.03 s against 5.45 s (six pairs); text and diff 4.3-4.7 s of CPU against 5.1-5.6 s; the
 * 21 sample documents (all outputs, process start included) median 979 ms against 1078 ms;
 * 3,000 cables the same within noise; 20,000 cables text and diff 374-451 docs/s against 447-491
 * (slower: the batch is long enough to run warm). So only batches below
 * {@link SMALL_BATCH_DOCUMENTS} documents get it.
 *
 * Such a batch also waits longer before a function is optimised at all ({@link INTERRUPT_BUDGET}
 * against V8's 67,584): fewer lukewarm functions are compiled, and a pool compiles each of them
 * once per worker, on the same two cores as the work. Cold processes run alternately, 600 cables
 * text and diff (a pool of 2): seven pairs of seven faster, by 5-22% (median 12%), user CPU
 * median 5.87 → 5.07 s; four rounds of 67,584 / 130,000 / 200,000 / 400,000 gave 3.44-3.60 /
 * 3.07-3.53 / 3.02-3.15 / 2.94-3.35 s. All outputs of 600 cables (seven pairs), 300 cables in
 * one thread (four pairs) and 150 SIDtoday PDFs (three pairs) showed no difference beyond the
 * host's noise (±25%).
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode bytes TurboFan inlines into one function, in total, in a small batch (V8's default: 920). */
export const INLINED_BYTECODE_LIMIT = 115;

/** Bytecode a function runs through (in V8's weighting) before it is considered for optimisation, in a small batch (V8's default: 67,584). */
export const INTERRUPT_BUDGET = 200_000;

/** Batches of fewer documents than this get {@link INLINED_BYTECODE_LIMIT} and {@link INTERRUPT_BUDGET}; larger ones V8's defaults. */
export const SMALL_BATCH_DOCUMENTS = 2000;

let tuned = false;

/** Sets the compiler flags above for a batch of `documents`, once per process (the first call decides). */
export function tuneJit(documents: number): void {
  if (tuned) return;
  tuned = true;
  if (documents < SMALL_BATCH_DOCUMENTS) {
    setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_LIMIT}`);
    setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  }
}
