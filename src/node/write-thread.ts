/**
 * Output files written on a thread of their own, so that the file system's work overlaps the
 * next document's. Creating a file is the largest single cost of an in-thread batch (0.25-0.45 ms
 * of kernel time per file on the machine of the measurements, five files per document: 20% of
 * a batch's time in a profile); on the batch's own thread it stops everything else.
 * The thread only opens, writes, closes and renames (no module of declass beyond node/write.ts).
 *
 * Each document goes to the thread as soon as it is asked for (one message, its bytes moved in one
 * buffer). Holding what is asked while the thread writes until it answers was tried: the answer is
 * a message, which the batch's thread only reads when its work runs out, so the two threads took
 * turns instead of working at the same time (10% of the batch's thread idle).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OutputError } from '../errors.js';

/** A file to write: absolute path and bytes. */
export interface OutputFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** One document's files, all or none: their bytes end to end in `data`, file i ending at `ends[i]`. */
export interface WriteRequest {
  readonly paths: readonly string[];
  readonly ends: readonly number[];
  readonly data: Uint8Array;
}

/** null when every file was written, else the first failure's message (none of the document's files is left). */
export type WriteReply = string | null;

const WORKER_FILE = fileURLToPath(new URL('./write-worker.js', import.meta.url));

interface Waiting {
  resolve(): void;
  reject(e: Error): void;
}

export class FileWriterThread {
  private readonly worker: Worker;
  /** Sent, not yet answered, in the order sent (the thread answers in that order). */
  private sent: Waiting[] = [];
  /** Writes not yet answered (close waits for them). */
  private readonly pending = new Set<Promise<void>>();
  private failure: Error | null = null;

  private constructor() {
    this.worker = new Worker(WORKER_FILE);
    this.worker.on('message', (r: WriteReply) => this.settle(r));
    // The thread died (it never should): every write waiting fails, and so does every later one.
    // Files it renamed before dying stay; `audit` reports them as unrecorded.
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', (code) => this.failAll(new Error(`the file writer thread stopped (exit code ${code})`)));
  }

  /** A writer thread, or null where there is none to start (sources run by vitest: no compiled worker next to them). */
  static start(): FileWriterThread | null {
    return existsSync(WORKER_FILE) ? new FileWriterThread() : null;
  }

  /**
   * Writes `files` atomically on the thread, all or none; resolves once they are on disk.
   * @throws OutputError with the first failure's message.
   */
  write(files: readonly OutputFile[]): Promise<void> {
    if (this.failure) return Promise.reject(new OutputError(`cannot write ${files[0]?.path ?? 'outputs'}: ${this.failure.message}`));
    // Packed first: should it throw, nothing is left waiting for an answer that never comes (close would wait forever).
    // One buffer, moved rather than copied: a view posted as it is copies the whole buffer beneath it.
    let request: WriteRequest;
    try {
      request = packed(files);
    } catch (error) {
      return Promise.reject(new OutputError(`cannot write ${files[0]?.path ?? 'outputs'}: ${(error as Error).message}`, { cause: error }));
    }
    const done = new Promise<void>((resolve, reject) => this.sent.push({ resolve, reject }));
    const settled = done.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
    this.worker.postMessage(request, [request.data.buffer as ArrayBuffer]);
    return done;
  }

  /** Stops the thread once the writes asked for are done. */
  async close(): Promise<void> {
    await Promise.all(this.pending);
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private settle(reply: WriteReply): void {
    const w = this.sent.shift();
    if (reply === null) w?.resolve();
    else w?.reject(new OutputError(reply));
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    const waiting = this.sent;
    this.sent = [];
    for (const w of waiting) w.reject(new OutputError(`cannot write the outputs: ${error.message}`, { cause: error }));
  }
}

function packed(files: readonly OutputFile[]): WriteRequest {
  const ends: number[] = [];
  let total = 0;
  for (const f of files) ends.push((total += f.bytes.length));
  const data = new Uint8Array(total);
  files.forEach((f, i) => data.set(f.bytes, i === 0 ? 0 : ends[i - 1]!));
  return { paths: files.map((f) => f.path), ends, data };
}
