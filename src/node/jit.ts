/**
 * How V8's optimising compiler is tuned for a declass process: the command line and the bench
 * call {@link tuneJit} before any document is read (the flag is process-wide, worker threads
 * included; a program that imports the library keeps its own settings).
 *
 * A batch of a few hundred cables runs mostly while TurboFan is still compiling: on 600 cables
 * (text and diff) its background threads took about 1.9 s of CPU against 2.9 s for the main
 * thread, most of it in graph reduction of large functions with their callees inlined
 * (`--trace-opt`: 3.4 s of compile jobs; the document parser alone 0.2 s). Inlining less
 * bytecode per function (V8's default is 920 bytes in total) makes each compile job smaller and
 * the optimised code arrive sooner. Measured here, cold processes run alternately: 600 cables
 * text and diff 4.3-4.7 s of CPU against 5.1-5.6 s; all outputs 6.6-8.1 s against 8.2-10.0 s;
 * the 21 sample documents (all outputs, process start included) median 979 ms against 1078 ms;
 * 3,000 cables with all outputs the same within noise (the steady state does not depend on it).
 */
import { setFlagsFromString } from 'node:v8';

/** Bytecode bytes TurboFan inlines into one function, in total (V8's default: 920). */
export const INLINED_BYTECODE_LIMIT = 115;

let tuned = false;

/** Sets the compiler flags above, once per process. */
export function tuneJit(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_LIMIT}`);
}
