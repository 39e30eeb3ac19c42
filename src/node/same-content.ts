/**
 * Which inputs of a batch are byte-for-byte copies of an earlier one, found before the batch runs:
 * copies that get one neutral output name were released by every copy in turn, so the record named
 * whichever copy finished last (a different one from run to run with --jobs 4).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from '../hash.js';
import { readBytesOrNull } from './read.js';

/** The file's sha256, or null when it cannot be read (the batch reports that file itself). */
async function fileSha256(file: string): Promise<string | null> {
  const bytes = await readBytesOrNull(file);
  return bytes === null ? null : sha256Hex(bytes);
}

/** Size of a regular file, or null (a folder, a FIFO, a missing file: never hashed here). */
async function regularSize(file: string): Promise<number | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}

/**
 * For each input that is a copy of an earlier one (same bytes), the index of the first copy in
 * input order. Only files whose size another file shares are read, so a batch of distinct
 * documents costs a stat per file. Standard input (`-`) is never a copy.
 */
export async function firstCopies(files: readonly string[], cwd: string): Promise<Map<number, number>> {
  const bySize = new Map<number, number[]>();
  for (const [i, file] of files.entries()) {
    if (file === '-') continue;
    const size = await regularSize(path.resolve(cwd, file));
    if (size !== null && size > 0) bySize.set(size, [...(bySize.get(size) ?? []), i]);
  }
  const out = new Map<number, number>();
  for (const group of bySize.values()) {
    if (group.length < 2) continue;
    const firstBySha = new Map<string, number>();
    for (const i of group) {
      const sha = await fileSha256(path.resolve(cwd, files[i]!));
      if (sha === null) continue;
      const first = firstBySha.get(sha);
      if (first === undefined) firstBySha.set(sha, i);
      else out.set(i, first);
    }
  }
  return out;
}
