/**
 * Writing files so that no reader ever sees half of one: a temporary in the same folder, then a
 * rename over the target. Temporaries are named by process and thread, so a run can tell its own
 * from those an earlier, killed run left behind.
 */
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { OutputError } from '../errors.js';
import { Sha256Stream } from '../hash.js';
import { listNames } from './walk.js';

/** Prefix of the temporary files writeFileAtomic leaves only if the process is killed mid-write. */
export const TEMP_PREFIX = '.declass-';

/** The temporary a write of `file` goes through: same folder, named by process and thread. */
function temporaryFor(file: string): string {
  return path.join(path.dirname(file), `${TEMP_PREFIX}${process.pid}-${threadId}-${path.basename(file)}.tmp`);
}

/**
 * Writes `bytes` to `file` atomically: a temporary file in the same folder, then renamed over
 * the target, so a failure or interruption never leaves a partial file under the final name.
 * No fsync per file: it made a batch wait on the disk for most of its time (60% idle in a
 * profile), and what it adds (survival of a power cut) is the file system's business; the
 * rename alone is what keeps readers from ever seeing half a file.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await makeFolders(dir);
  const tmp = temporaryFor(file);
  try {
    const handle = await open(tmp, 'w', 0o644);
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new OutputError(`cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * {@link writeFileAtomic} with synchronous calls: for a batch's jobs, where blocking the thread
 * costs less than the round trips through libuv's shared pool (five per file). Plain
 * open/write/close: `writeFileSync` took twice as long per file (its option handling and
 * checks cost more than the system calls of a small file).
 */
export function writeFileAtomicSync(file: string, bytes: Uint8Array): void {
  const tmp = temporaryFor(file);
  try {
    let fd: number;
    try {
      fd = openSync(tmp, 'w', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(path.dirname(file), { recursive: true });
      fd = openSync(tmp, 'w', 0o644);
    }
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was created (the folder itself is unusable): nothing to remove.
    }
    throw new OutputError(`cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Removes temporary files that an earlier run killed mid-write left in `dir` (not recursive).
 * Returns how many were removed.
 */
export async function removeStaleTemporaries(dir: string): Promise<number> {
  const names = await listNames(dir);
  const stale = names.filter((n) => n.startsWith(TEMP_PREFIX) && n.endsWith('.tmp'));
  await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })));
  return stale.length;
}

/**
 * Removes this process's temporary files from `dirs` at once (synchronously: it runs on a forced
 * stop, when nothing may wait).
 */
export function removeOwnTemporariesSync(dirs: readonly string[]): void {
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) if (n.startsWith(`${TEMP_PREFIX}${process.pid}-`)) rmSync(path.join(dir, n), { force: true });
  }
}

/** Creates a folder and its parents; one that exists is no error. */
export async function makeFolder(dir: string): Promise<void> {
  await makeFolders(dir);
}

/**
 * `mkdir -p`: creates `dir` and the parents it lacks, one at a time from the nearest folder that
 * exists, and returns the outermost folder it created (undefined when `dir` existed), as
 * `mkdir(dir, { recursive: true })` does. Node's recursive mkdir loops for ever at full CPU under
 * /proc (`--out /proc/xx` hung): there, creating the first missing folder fails (ENOENT), and
 * that error is thrown.
 */
export async function makeFolders(dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const info = await stat(d).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (info !== null) break;
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      await mkdir(d);
    } catch (error) {
      // Made meanwhile by another thread of the batch: what was wanted.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await stat(d)).isDirectory()) throw error;
    }
  }
  return missing[0];
}

/** Writes a file as it is (not atomically: for reproducers and other throw-away outputs). */
export async function writeFilePlain(file: string, bytes: Uint8Array | string): Promise<void> {
  await writeFile(file, bytes);
}

/** Removes files; a file that is not there is no error. */
/**
 * Moves `from` to `to` in one rename (the same folder tree, so the same file system): the file is
 * at one of the two names at every moment, never at both nor half written. A file already at `to`
 * is replaced. The folder of `to` is made when missing.
 */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await makeFolders(path.dirname(to));
    await rename(from, to);
  } catch (error) {
    throw new OutputError(`cannot move ${from} to ${to}: ${(error as Error).message}`, { cause: error });
  }
}

export async function removeFiles(files: readonly string[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f, { force: true })));
}

/** Removes a file synchronously; a file that is not there is no error. */
export function removeFileSync(file: string): void {
  rmSync(file, { force: true });
}

/**
 * A file written in pieces, atomically as {@link writeFileAtomicSync} (a temporary, renamed over
 * the target on commit, removed on abort), with the sha256 of what was written. Pieces are
 * gathered in a buffer of {@link STAGED_BYTES} before they go to the disk (and to the hash):
 * an index written row by row gives some 30,000 small pieces over 600 cables, and a buffer per
 * piece, joined before each write, cost more than writing the index.
 */
export class AtomicFileWriter {
  private readonly hash = new Sha256Stream();
  private readonly tmp: string;
  private fd: number | null;
  private readonly staged = Buffer.allocUnsafe(STAGED_BYTES);
  private stagedBytes = 0;
  /** Strings written since the last bytes: encoded together (one conversion per 64 KiB, not per row). */
  private text = '';

  constructor(private readonly file: string) {
    this.tmp = temporaryFor(file);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      this.fd = openSync(this.tmp, 'w', 0o644);
    } catch (error) {
      throw new OutputError(`cannot write ${file}: ${(error as Error).message}`, { cause: error });
    }
  }

  write(chunk: Uint8Array | string): void {
    if (typeof chunk === 'string') {
      this.text += chunk;
      if (this.text.length >= 65536) this.encodeText();
      return;
    }
    this.encodeText();
    this.add(chunk);
  }

  private encodeText(): void {
    const text = this.text;
    if (text === '') return;
    this.text = '';
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a lone surrogate too: U+FFFD, as Buffer.from writes it).
    if (3 * text.length > STAGED_BYTES - this.stagedBytes) this.drain();
    if (3 * text.length <= STAGED_BYTES) this.stagedBytes += this.staged.write(text, this.stagedBytes, 'utf8');
    else this.out(Buffer.from(text, 'utf8'));
  }

  private add(data: Uint8Array): void {
    if (data.length > STAGED_BYTES - this.stagedBytes) this.drain();
    if (data.length >= STAGED_BYTES) this.out(data);
    else {
      this.staged.set(data, this.stagedBytes);
      this.stagedBytes += data.length;
    }
  }

  /** Closes the file under its final name; returns its sha256 and size. */
  commit(): { sha256: string; bytes: number } {
    try {
      this.encodeText();
      this.drain();
      closeSync(this.fd!);
      this.fd = null;
      renameSync(this.tmp, this.file);
    } catch (error) {
      this.abort();
      throw new OutputError(`cannot write ${this.file}: ${(error as Error).message}`, { cause: error });
    }
    return { sha256: this.hash.digest(), bytes: this.hash.bytes };
  }

  /** Removes the temporary (nothing is left under the final name). */
  abort(): void {
    try {
      if (this.fd !== null) closeSync(this.fd);
    } catch {
      // already closed
    }
    this.fd = null;
    rmSync(this.tmp, { force: true });
  }

  /** Writes what is staged. */
  private drain(): void {
    if (this.stagedBytes === 0) return;
    const data = this.staged.subarray(0, this.stagedBytes);
    this.stagedBytes = 0;
    this.out(data);
  }

  /** Hashes and writes `data` (staged bytes, or a piece too large to stage). */
  private out(data: Uint8Array): void {
    this.hash.update(data);
    try {
      for (let at = 0; at < data.length; ) at += writeSync(this.fd!, data, at, data.length - at);
    } catch (error) {
      this.abort();
      throw new OutputError(`cannot write ${this.file}: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** Bytes an {@link AtomicFileWriter} gathers before it writes. */
const STAGED_BYTES = 256 * 1024;

/**
 * How long creating one small file takes in `dir` as a batch creates its outputs (4 KB through
 * {@link writeFileAtomicSync}), in milliseconds: the median of `rounds` rounds of `files` files.
 * For the bench, to say what the disk cost when it ran: on this kind of virtual machine it ranged
 * from 0.04 to 0.9 ms a file within an hour. The files stay (deleting them would slow the next
 * creations: ../bench/scratch.ts).
 */
export function timeFileCreation(dir: string, files = 100, rounds = 3): number {
  const bytes = new Uint8Array(4096).fill(0x41);
  const perFile: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    for (let i = 0; i < files; i++) writeFileAtomicSync(path.join(dir, `probe-${r}-${i}.txt`), bytes);
    perFile.push((performance.now() - started) / files);
  }
  return perFile.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}
