import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { OutputError } from '../errors.js';
import { describeFsError } from './inputs.js';

/**
 * A file-name stem derived from an input name: only letters, digits, `.`, `_` and `-`, no leading
 * dot, at most 120 characters, so an output name can never climb out of its folder.
 */
export function safeStem(inputPath: string): string {
  const base = path.basename(inputPath).replace(/\.txt$/i, '');
  const clean = base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 120);
  return clean.length > 0 ? clean : 'document';
}

async function realOrResolved(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    return path.resolve(p);
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Refuses an output folder that is, or lies inside, an input folder, or that contains an input file
 * (outputs must never mix with or overwrite inputs), and one whose release/ or review/ is a
 * symbolic link or a file.
 */
export async function checkOutputFolder(outDir: string, inputs: readonly string[]): Promise<void> {
  // A release/ or review/ that is a link would carry the outputs out of the folder given.
  for (const sub of ['release', 'review']) {
    const info = await lstat(path.join(outDir, sub)).catch(() => null);
    if (info && !info.isDirectory()) {
      throw new OutputError(`${path.join(outDir, sub)} is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}; declass writes only into real folders under --out`);
    }
  }
  const out = await realOrResolved(outDir);
  for (const input of inputs) {
    const real = await realOrResolved(input);
    const info = await stat(real).catch(() => null);
    if (info?.isDirectory() && isInside(out, real)) {
      throw new OutputError(`output folder ${outDir} is, or is inside, the input folder ${input}; choose another --out`);
    }
    if (info?.isFile() && isInside(real, out)) {
      throw new OutputError(`input ${input} lies inside the output folder ${outDir}; choose another --out`);
    }
  }
}

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
  await mkdir(dir, { recursive: true });
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
 * Removes temporary files that an earlier run killed mid-write left in `dir` (not recursive).
 * Returns how many were removed.
 */
export async function removeStaleTemporaries(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => n.startsWith(TEMP_PREFIX) && n.endsWith('.tmp'));
  await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })));
  return stale.length;
}

/**
 * {@link writeFileAtomic} with synchronous calls: for worker threads, where blocking the thread
 * costs nothing and saves the round trips through libuv's shared pool (five per file).
 */
export function writeFileAtomicSync(file: string, bytes: Uint8Array): void {
  const tmp = temporaryFor(file);
  try {
    try {
      writeFileSync(tmp, bytes, { mode: 0o644 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(tmp, bytes, { mode: 0o644 });
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
 * Creates `out/release` and `out/review` and proves they can be written (a probe file written and
 * removed), so an unusable output folder is one error before the batch, not one per document.
 */
export async function prepareOutputFolder(out: string): Promise<void> {
  for (const sub of ['release', 'review']) {
    const dir = path.join(out, sub);
    const probe = path.join(dir, `${TEMP_PREFIX}${process.pid}-probe.tmp`);
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(probe, '');
      await rm(probe, { force: true });
    } catch (error) {
      throw new OutputError(`cannot write into ${dir}: ${describeFsError(error)}`, { cause: error });
    }
  }
}
