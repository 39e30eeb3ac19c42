import { mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';

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
 * Refuses an output folder that is, or lies inside, an input folder, or that contains an input file:
 * outputs must never mix with or overwrite inputs.
 */
export async function checkOutputFolder(outDir: string, inputs: readonly string[]): Promise<void> {
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

/**
 * Writes `bytes` to `file` atomically: a temporary file in the same folder, flushed, then renamed
 * over the target, so a failure or interruption never leaves a partial file under the final name.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const handle = await open(tmp, 'w', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw new OutputError(`cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
}
