/**
 * Walking folders. Symbolic links are never followed, so a walk never leaves the tree it was
 * given; names are visited in code-unit order, so every listing is the same on every machine.
 * Input walks skip what ripgrep skips and what declass itself wrote (see {@link collectInputs}).
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isOutputSubfolderName, MANIFEST_PATH, REVIEW_DIR } from '../release/folder.js';
import { describeFsError } from './errors.js';

/** A path the user named that could not be used, with a one-line reason. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Why a walk left a folder or file out. A symbolic link (to a folder, or named as an input) is
 * never followed, with or without `--no-ignore`: it is reported, and taken when named itself.
 */
export type SkipReason = 'hidden' | 'node_modules' | 'declass output' | 'symbolic link' | 'not an input name' | 'not a regular file';

/** A folder or file a walk left out, and why (`not an input name`: a file not named `.txt`, `.md` or `.pdf`, with or without `--no-ignore`). */
export interface SkippedPath {
  readonly path: string;
  readonly reason: SkipReason;
  readonly folder: boolean;
}

/** How to walk. */
export interface WalkOptions {
  /**
   * Skip, as ripgrep does, hidden files and folders (names starting with `.`) and `node_modules/`,
   * and the `release/`, `review/` and `pending/` folders of a declass output folder (one whose
   * `review/` holds a manifest or an audit record), so that releases are never read back as
   * inputs. Default true; false (`--no-ignore`) walks everything. Paths given explicitly are
   * always taken.
   */
  readonly ignore?: boolean;
}

/**
 * Expands paths into a sorted list of files: a folder is walked (recursively, not following
 * symbolic links out of it) for `*.txt`, `*.md` and `*.pdf` files (cables, documents, PDFs), leaving out what
 * {@link WalkOptions.ignore} says; a file is taken as given. Paths that do not exist are
 * reported, never thrown; what the walk left out is listed in `skipped`.
 */
export async function collectInputs(paths: readonly string[], options: WalkOptions = {}): Promise<{ files: string[]; errors: InputProblem[]; skipped: SkippedPath[]; empty: string[] }> {
  const files: string[] = [];
  /** Folders named that hold nothing at all the walk found or left out (said, never silently walked past). */
  const empty: string[] = [];
  const errors: InputProblem[] = [];
  const skipped: SkippedPath[] = [];
  const ignore = options.ignore ?? true;
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (error) {
      errors.push({ path: p, message: describeFsError(error) });
      continue;
    }
    if (info.isDirectory()) {
      const before = skipped.length;
      const found = await textFilesUnder(p, ignore, skipped);
      if (found.length === 0 && skipped.length === before) empty.push(p);
      files.push(...found);
    } else files.push(p);
  }
  // Repeats are kept: the command line says which file was given twice (src/cli/inputs.ts), not only some spellings of it.
  return { files, errors, skipped, empty };
}

/** The names a folder walk takes as inputs: text (`.txt`, cables and documents), Markdown (`.md`) and PDF (`.pdf`). */
const INPUT_NAME = /\.(?:txt|md|pdf)$/i;

async function textFilesUnder(dir: string, ignore: boolean, skipped: SkippedPath[]): Promise<string[]> {
  const out: string[] = [];
  const entries = await sortedEntries(dir);
  // Only asked when a child has an output folder's name: most folders never need it.
  let output: boolean | null = null;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const link = entry.isSymbolicLink();
    // A link is not followed (the walk stays in the tree it was given), but never silently: a
    // folder of links to cables would otherwise look empty. Those to a folder or named as an
    // input are reported.
    const isDir = link ? !INPUT_NAME.test(entry.name) && (await stat(full).catch(() => null))?.isDirectory() === true : entry.isDirectory();
    if (!isDir && !((link || entry.isFile()) && INPUT_NAME.test(entry.name))) {
      // Not an input by its name (`b.text`, `c`, `d.txt~`): left out, but counted, never silently.
      if (link || entry.isFile()) skipped.push({ path: full, reason: 'not an input name', folder: false });
      // A FIFO, socket or device: never read (a FIFO blocks the batch), and never left out silently.
      else if (!isDir) skipped.push({ path: full, reason: 'not a regular file', folder: false });
      continue;
    }
    if (ignore || link) {
      let reason: SkipReason | null = null;
      if (ignore && entry.name.startsWith('.')) reason = 'hidden';
      else if (link) reason = 'symbolic link';
      else if (isDir && entry.name === 'node_modules') reason = 'node_modules';
      else if (isDir && isOutputSubfolderName(entry.name) && (output ??= await isDeclassOutput(dir))) reason = 'declass output';
      if (reason) {
        skipped.push({ path: full, reason, folder: isDir });
        continue;
      }
    }
    if (isDir) out.push(...(await textFilesUnder(full, ignore, skipped)));
    else out.push(full);
  }
  return out;
}

/** True when `dir` is a folder declass released into: its `review/` holds the manifest or an audit record. */
export async function isDeclassOutput(dir: string): Promise<boolean> {
  if ((await lstat(path.join(dir, MANIFEST_PATH)).catch(() => null))?.isFile()) return true;
  const names = await readdir(path.join(dir, REVIEW_DIR)).catch(() => [] as string[]);
  return names.some((n) => n.endsWith('.audit.json'));
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

/**
 * The file a path names, with links and `.`/`..` resolved (`realpath`), or the path made absolute
 * when it cannot be resolved: two spellings of one file (`a.txt`, `./a.txt`, its absolute path, a
 * link to it) give one key.
 */
export async function fileKey(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return path.resolve(file);
  }
}
