/**
 * Output files written on a thread of their own, so that the file system's work overlaps the
 * next document's. Creating a file is the largest single cost of an in-thread batch (0.25-0.45 ms
 * of kernel time per file on the machine of the measurements, five files per document: 20% of
 * a batch's time in a profile); on the batch's own thread it stops everything else.
 * The thread only opens, writes, closes and renames (no module of declass beyond node/write.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OutputError } from '../errors.js';

export interface WriteRequest {
  readonly id: number;
  readonly files: readonly { readonly path: string; readonly bytes: Uint8Array }[];
}

/** `message` null: every file written; else none is left (the first failure's message). */
export interface WriteReply {
  readonly id: number;
  readonly message: string | null;
}

const WORKER_FILE = fileURLToPath(new URL('./write-worker.js', import.meta.url));

export class FileWriterThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(): void; reject(e: Error): void }>();
  /** Writes not yet answered (close waits for them). */
  private readonly pending = new Set<Promise<void>>();
  private nextId = 0;
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
   * Writes `files` (absolute paths) atomically on the thread, all or none; resolves once they
   * are on disk. @throws OutputError with the first failure's message.
   */
  write(files: readonly { readonly path: string; readonly bytes: Uint8Array }[]): Promise<void> {
    if (this.failure) return Promise.reject(new OutputError(`cannot write ${files[0]?.path ?? 'outputs'}: ${this.failure.message}`));
    const id = this.nextId++;
    const done = new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const request: WriteRequest = { id, files };
      this.worker.postMessage(request);
    });
    const settled = done.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
    return done;
  }

  /** Stops the thread once the writes asked for are done. */
  async close(): Promise<void> {
    await Promise.all(this.pending);
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private settle(reply: WriteReply): void {
    const w = this.waiting.get(reply.id);
    if (!w) return;
    this.waiting.delete(reply.id);
    if (reply.message === null) w.resolve();
    else w.reject(new OutputError(reply.message));
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const [id, w] of this.waiting) {
      this.waiting.delete(id);
      w.reject(new OutputError(`cannot write the outputs: ${error.message}`, { cause: error }));
    }
  }
}
