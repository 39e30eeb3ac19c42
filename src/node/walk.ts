/**
 * Walking folders. Symbolic links are never followed, so a walk never leaves the tree it was
 * given; names are visited in code-unit order, so every listing is the same on every machine.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from './errors.js';

/** A path the user named that could not be used, with a one-line reason. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Expands paths into a sorted list of files: a folder is walked (recursively, not following
 * symbolic links out of it) for `*.txt` and `*.md` files (cables and documents); a file is taken
 * as given. Paths that do not exist are reported, never thrown.
 */
export async function collectInputs(paths: readonly string[]): Promise<{ files: string[]; errors: InputProblem[] }> {
  const files: string[] = [];
  const errors: InputProblem[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (error) {
      errors.push({ path: p, message: describeFsError(error) });
      continue;
    }
    if (info.isDirectory()) files.push(...(await textFilesUnder(p)));
    else files.push(p);
  }
  return { files: [...new Set(files)], errors };
}

/** The names a folder walk takes as inputs: text (`.txt`, cables and documents) and Markdown (`.md`). */
const INPUT_NAME = /\.(?:txt|md)$/i;

async function textFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await sortedEntries(dir)) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await textFilesUnder(full)));
    else if (entry.isFile() && INPUT_NAME.test(entry.name)) out.push(full);
  }
  return out;
}

/** A file found by {@link listTree}: its path relative to the root, with `/`. */
export interface TreeEntry {
  readonly rel: string;
  /** False for a symbolic link, device, socket or other non-regular file. */
  readonly regular: boolean;
}

/**
 * Every file under `root/sub` (not following symbolic links), depth first in name order, with
 * paths relative to `root` (`release/x.txt`). A missing or unreadable `sub` lists nothing.
 */
export async function listTree(root: string, sub: string): Promise<TreeEntry[]> {
  const out: TreeEntry[] = [];
  const visit = async (rel: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await sortedEntries(path.join(root, rel));
    } catch {
      return;
    }
    for (const e of entries) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) await visit(child);
      else out.push({ rel: child, regular: e.isFile() });
    }
  };
  await visit(sub);
  return out;
}

/** The names in a folder (not recursive); throws when it cannot be read. */
export async function listFolder(dir: string): Promise<string[]> {
  return readdir(dir);
}

/** The names in a folder (not recursive), or none when it cannot be read. */
export async function listNames(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [] as string[]);
}

async function sortedEntries(dir: string): Promise<Dirent[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
