import { inflateSync } from 'node:zlib';

/**
 * The one way pdf.js is loaded. pdfjs-dist's legacy build (the one that runs on Node 20) carries
 * core-js polyfills that *replace* three built-ins for the rest of the process, not only for pdf.js:
 * `Array.prototype.push` (a V8 11 corner case: pushing onto an array whose length is read-only),
 * `JSON.stringify` (for `JSON.rawJSON`) and `JSON.parse` (for reviver source text). Each becomes a
 * JavaScript function that V8 cannot inline; after pdf.js was loaded every `push` and every record
 * written or read in the process went through them (measured: 5–10% of a batch's time).
 * Neither pdf.js nor declass uses those corner cases, so the native functions are put back as soon
 * as pdf.js and its worker module have been evaluated. The worker module is loaded here too (pdf.js
 * in Node runs its "worker" in the same thread and would otherwise import it, and re-apply the
 * polyfills, on the first `getDocument`).
 *
 * pdf.js's worker also inflates every Flate stream (content, fonts, CMaps) through `new
 * DecompressionStream('deflate')` when that global exists, which in Node is a web stream over
 * zlib's thread pool: per stream a writer, a reader, a transform and a round trip to another
 * thread (about 8% of a PDF release's time in profiles). The loader makes the global an accessor
 * that gives pdf.js's worker module, and only it, a DecompressionStream that inflates at once with
 * `zlib.inflateSync` (the same zlib, the same bytes; on an error pdf.js falls back to its own
 * inflate, as with the native class). Every other reader gets the global's own value at every
 * moment: nothing is removed or swapped while pdf.js runs, so library users' code running between
 * pdf.js's awaits is not affected (see {@link pdfjsInflate}). What is left visible: the global's
 * property descriptor is this accessor, where Node's own lazy accessor was before first use.
 */
type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
/** pdf.js's worker module (it ships no type declarations; only its presence matters here). */
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

let loading: Promise<PdfjsModule> | undefined;
/** Set by {@link dedicateThreadToPdfjs}: every reader of the global in this thread is pdf.js. */
let threadIsPdfjs = false;

/**
 * Declares the calling thread pdf.js's alone (node/pdfjs-worker.ts, before pdf.js is loaded): no
 * other code reads `DecompressionStream` there, so pdf.js's inflating class becomes the thread's
 * global outright and no read needs its caller told (a captured stack a stream; measured: 3% of
 * that thread's time over the corpus PDFs).
 */
export function dedicateThreadToPdfjs(): void {
  threadIsPdfjs = true;
}

/** pdf.js, loaded once, with the process's native built-ins kept. */
export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= loadOnce();
  return loading;
}

async function loadOnce(): Promise<PdfjsModule> {
  const natives = captureNatives();
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    import(WORKER_MODULE) as Promise<unknown>,
  ]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  restoreNatives(natives);
  pdfjsInflate();
  return pdfjs;
}

interface Natives {
  readonly push: typeof Array.prototype.push;
  readonly stringify: typeof JSON.stringify;
  readonly parse: typeof JSON.parse;
}

function captureNatives(): Natives {
  return { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
}

/** Put back the built-ins as they were before pdf.js was evaluated (no-ops where it changed nothing). */
function restoreNatives(natives: Natives): void {
  const keep = { writable: true, configurable: true, enumerable: false };
  Object.defineProperty(Array.prototype, 'push', { ...keep, value: natives.push });
  Object.defineProperty(JSON, 'stringify', { ...keep, value: natives.stringify });
  Object.defineProperty(JSON, 'parse', { ...keep, value: natives.parse });
}

/** The URL of pdf.js's worker module, as stack frames name it. */
const WORKER_URL: string = import.meta.resolve(WORKER_MODULE);

/**
 * The file of the function that called `fn` (one frame, no text formatted). Error's stack settings
 * are changed and put back synchronously: no other code runs in between.
 */
function callerFile(fn: () => unknown): string | undefined {
  const { prepareStackTrace, stackTraceLimit } = Error;
  try {
    Error.stackTraceLimit = 1;
    Error.prepareStackTrace = (_error, frames) => frames[0]?.getFileName() ?? undefined;
    const probe: { stack?: unknown } = {};
    Error.captureStackTrace(probe, fn);
    return typeof probe.stack === 'string' ? probe.stack : undefined;
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * A DecompressionStream for what pdf.js's worker does with one (`asyncGetBytesFromDecompressionStream`:
 * one write of the whole stream, close, read to the end): 'deflate' is inflated synchronously when
 * the writer is closed; an error ends the reading with that error (pdf.js then inflates the stream
 * itself). Other formats get the native class.
 */
function syncDeflate(native: typeof DecompressionStream): typeof DecompressionStream {
  // A plain function called with `new` returns the object it builds.
  function SyncDecompressionStream(format: string): object {
    if (format !== 'deflate') return new native(format as ConstructorParameters<typeof DecompressionStream>[0]);
    const chunks: Uint8Array[] = [];
    let closed!: () => void;
    const done = new Promise<void>((resolve) => (closed = resolve));
    const writer = {
      ready: Promise.resolve(),
      write: async (chunk: Uint8Array): Promise<void> => void chunks.push(chunk),
      close: async (): Promise<void> => closed(),
    };
    const readable = {
      async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
        await done;
        yield inflateSync(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
      },
    };
    return { writable: { getWriter: () => writer }, readable };
  }
  return SyncDecompressionStream as unknown as typeof DecompressionStream;
}

/**
 * Makes the global `DecompressionStream` an accessor that gives {@link syncDeflate}'s class to a
 * read from pdf.js's worker module and the global's own value to any other read; a value assigned
 * later by anyone is returned to everyone unchanged. The caller is told by the first frame of a
 * captured stack (a few microseconds, once per stream). The native class is read first (Node
 * loads it lazily, and its lazy getter would replace this accessor on first use). Not installed
 * when the global is missing or cannot be redefined (pdf.js then behaves as without it).
 */
function pdfjsInflate(): void {
  const desc = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
  if (!desc?.configurable) return;
  const native = (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
  if (typeof native !== 'function') return;
  const forPdfjs = syncDeflate(native as typeof DecompressionStream);
  if (threadIsPdfjs) {
    Object.defineProperty(globalThis, 'DecompressionStream', { value: forPdfjs, writable: true, enumerable: desc.enumerable ?? false, configurable: true });
    return;
  }
  let value: unknown = native;
  const get = function (): unknown {
    return value === native && callerFile(get) === WORKER_URL ? forPdfjs : value;
  };
  const set = (v: unknown): void => {
    value = v;
  };
  Object.defineProperty(globalThis, 'DecompressionStream', { get, set, enumerable: desc.enumerable ?? false, configurable: true });
}
