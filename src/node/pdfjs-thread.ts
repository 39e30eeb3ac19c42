/**
 * pdf.js on a thread of its own, for the verification of PDF releases (pdf/verify.ts reads every
 * release PDF back with pdf.js before anything is written). That reading is about a quarter of an
 * in-thread PDF batch's time; on its own thread it overlaps the next document's reading and
 * redaction, and pdf.js's garbage is collected on that thread's heap, not the batch's. pdf.js is
 * then never loaded on the batch's thread.
 *
 * The thread runs the same functions as the batch's thread would ({@link readPdfText}, and for a
 * release's verification pdf/verify.ts `checkRelease` on what it read): the same pdf.js, the same
 * options, the same bytes (pdf.js's own data files read once for the thread: ./pdfjs-data.ts).
 * What it returns is plain data copied back: the text runs, or only the checks' result (a few
 * numbers: the runs of a whole document crossing threads cost the batch's thread about as much as
 * the checks themselves). Requests are read one at a time, in the order sent.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfText } from '../pdf/pdfjs.js';
import type { CheckInput, ReleaseChecker, VerifyResult } from '../pdf/verify.js';

/** What the thread is sent: a request number, the PDF (its own copy, moved) and, to check a release, what the checks need. */
export interface PdfTextRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly check?: CheckInput;
}

/** What it answers: the text, the checks' result, or the one-line message of what pdf.js threw. */
export type PdfTextReply = { readonly id: number; readonly text: PdfText } | { readonly id: number; readonly result: VerifyResult } | { readonly id: number; readonly error: string };

const WORKER_FILE = fileURLToPath(new URL('./pdfjs-worker.js', import.meta.url));

interface Waiting {
  resolve(answer: PdfText | VerifyResult): void;
  reject(e: Error): void;
}

export class PdfTextThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;
  private failure: Error | null = null;

  private constructor() {
    this.worker = new Worker(WORKER_FILE);
    this.worker.on('message', (r: PdfTextReply) => this.settle(r));
    // The thread died (it never should): every reading waiting fails, and so does every later one
    // (each fails its document closed: nothing of it is written).
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', (code) => this.failAll(new Error(`the pdf.js thread stopped (exit code ${code})`)));
  }

  /** A pdf.js thread, or null where there is none to start (sources run by vitest: no compiled worker next to them). */
  static start(): PdfTextThread | null {
    return existsSync(WORKER_FILE) ? new PdfTextThread() : null;
  }

  /** True once the thread has stopped (died, or closed): every reading then fails, and a batch starts another. */
  get failed(): boolean {
    return this.failure !== null;
  }

  /** {@link readPdfText} of `bytes`, on the thread. `bytes` stays the caller's (the thread gets a copy). */
  read(bytes: Uint8Array): Promise<PdfText> {
    return this.send(bytes) as Promise<PdfText>;
  }

  /**
   * pdf/verify.ts `checkRelease` of the release `bytes` as pdf.js reads it, both on the thread (a
   * {@link ReleaseChecker}): only the result comes back, not the text runs.
   */
  check(bytes: Uint8Array, input: CheckInput): Promise<VerifyResult> {
    return this.send(bytes, input) as Promise<VerifyResult>;
  }

  private send(bytes: Uint8Array, check?: CheckInput): Promise<PdfText | VerifyResult> {
    if (this.failure) return Promise.reject(new Error(`cannot read the PDF with pdf.js: ${this.failure.message}`));
    const id = this.next++;
    const done = new Promise<PdfText | VerifyResult>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // A copy of its own (a Buffer's slice would share, and moving it would detach, the caller's bytes).
    const copy = new Uint8Array(bytes);
    const request: PdfTextRequest = check ? { id, bytes: copy, check } : { id, bytes: copy };
    this.worker.postMessage(request, [copy.buffer as ArrayBuffer]);
    return done;
  }

  /** Stops the thread (readings still waiting fail). */
  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
    this.failAll(new Error('the pdf.js thread was closed'));
  }

  private settle(reply: PdfTextReply): void {
    const w = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if ('text' in reply) w?.resolve(reply.text);
    else if ('result' in reply) w?.resolve(reply.result);
    else w?.reject(new Error(reply.error));
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiting) w.reject(new Error(`cannot read the PDF with pdf.js: ${error.message}`, { cause: error }));
  }
}
