/**
 * A file that bytes are appended to and read back from by offset, for what a batch makes while
 * it runs but needs only at its end, in another order (the Vaughn index rows of each document):
 * held on disk, so that a batch of any size holds none of it in memory. The file is unlinked as
 * soon as it is open, so that nothing is left behind however the process ends; its descriptor
 * keeps it until closed.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { OutputError } from '../errors.js';
import { TEMP_PREFIX } from './write.js';

export class SpillFile {
  private fd: number | null;
  private size = 0;
  private readonly file: string;

  /** Opens a spill file in `dir` (the folder the batch writes into: same disk, never memory). */
  constructor(dir: string) {
    this.file = path.join(dir, `${TEMP_PREFIX}${process.pid}-${threadId}-spill.tmp`);
    try {
      this.fd = openSync(this.file, 'w+', 0o600);
    } catch (error) {
      throw new OutputError(`cannot write ${this.file}: ${(error as Error).message}`, { cause: error });
    }
    try {
      rmSync(this.file);
    } catch {
      // A system that cannot unlink an open file: removed by close() (or as a stale temporary).
    }
  }

  /** Appends `bytes`; returns where they start. */
  append(bytes: Uint8Array): number {
    const at = this.size;
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.openFd(), bytes, done, bytes.length - done, at + done);
    } catch (error) {
      throw new OutputError(`cannot write ${this.file}: ${(error as Error).message}`, { cause: error });
    }
    this.size += bytes.length;
    return at;
  }

  /** The `length` bytes appended at `offset`. */
  read(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const n = readSync(this.openFd(), bytes, done, length - done, offset + done);
      if (n === 0) throw new OutputError(`${this.file}: ended before ${offset + length} bytes`);
      done += n;
    }
    return bytes;
  }

  /** Closes (and so removes) the file. */
  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    rmSync(this.file, { force: true });
  }

  private openFd(): number {
    if (this.fd === null) throw new OutputError(`${this.file}: used after close`);
    return this.fd;
  }
}
