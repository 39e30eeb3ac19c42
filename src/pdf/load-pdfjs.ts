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
 */
type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
/** pdf.js's worker module (it ships no type declarations; only its presence matters here). */
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

let loading: Promise<PdfjsModule> | undefined;

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
