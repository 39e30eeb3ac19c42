import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeInput } from '../parse/decode.js';
import { readDocument, type InputFormat, type ReaderId } from '../parse/read.js';
import { ExitCode, InputError, UsageError } from '../errors.js';
import type { Diagnostic, Document } from '../types.js';

/** A path the user named that could not be used, with a one-line reason. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Expands the paths given on the command line into a sorted list of files: a folder is walked
 * (recursively, not following symbolic links out of it) for `*.txt` and `*.md` files; a file is taken as
 * given. Paths that do not exist are reported, never thrown.
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
    if (info.isDirectory()) files.push(...(await walk(p)));
    else files.push(p);
  }
  return { files: [...new Set(files)], errors };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Note: symbolic links are not followed, so a walk never leaves the input tree.
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile() && /\.(?:txt|md)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

/** A document read from disk: its bytes (for hashing), its parsed Document, the reader that made it and decoding diagnostics. */
export type CableRead =
  | { readonly ok: true; readonly doc: Document; readonly reader: ReaderId; readonly bytes: Uint8Array; readonly decodeDiagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly message: string };

/**
 * Largest input read by default: 10 MiB. The longest cable of the corpus is well under 1 MB; a
 * file far larger is not a cable, and parsing, rendering and the leak check all hold a document
 * (and several copies of it) in memory, so a limit is what keeps memory bounded.
 */
export const DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** `12.3 MB`: a byte count for messages. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/**
 * Reads, decodes and parses one input with the reader `format` names (`auto`: picked from the
 * content, see parse/read.ts); every failure (including a parser bug) becomes a one-line
 * message. A file over `maxBytes` is refused before it is read.
 */
export async function readCable(file: string, maxBytes: number = DEFAULT_MAX_INPUT_BYTES, format: InputFormat = 'auto'): Promise<CableRead> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, message: info.isDirectory() ? 'is a folder' : 'not a regular file' };
    if (info.size > maxBytes) return { ok: false, message: tooLarge(info.size, maxBytes) };
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, message: describeFsError(error) };
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) return { ok: false, message: tooLarge(bytes.length, maxBytes) };
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  try {
    const { doc, reader } = readDocument(decoded.text, { format });
    return { ok: true, doc, reader, bytes, decodeDiagnostics: decoded.diagnostics };
  } catch (error) {
    // A parser bug must cost one file, never the batch.
    return { ok: false, message: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function tooLarge(size: number, max: number): string {
  // Just over the limit would read "2 MB, over the 2 MB limit": then say it in bytes.
  const [a, b] = formatMegabytes(size) === formatMegabytes(max) ? [`${size} bytes`, `${max}-byte`] : [formatMegabytes(size), formatMegabytes(max)];
  return `too large: ${a}, over the ${b} input limit (raise it with --max-input-mb)`;
}

/** One-line description of a file-system error, without a stack trace. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'not a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The paths listed in a `--from-list` file (or standard input for `-`): one per line; blank
 * lines and lines starting with `#` are ignored; relative paths are taken from the working folder.
 */
export async function readPathList(source: string, readStdin: (() => Promise<string>) | undefined): Promise<string[]> {
  let text: string;
  if (source === '-') {
    if (!readStdin) throw new UsageError('--from-list -: standard input is not available here');
    text = await readStdin();
  } else {
    try {
      text = await readFile(source, 'utf8');
    } catch (error) {
      throw new InputError(`--from-list ${source}: ${describeFsError(error)}`, { cause: error });
    }
  }
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

/**
 * Expands the command line's paths for a command: reports each unusable path on one line of
 * standard error and returns the files with the number of paths that failed. When there is
 * nothing to process it returns `exitCode` instead: 66 when every path failed; a usage error is
 * thrown when the paths exist but hold no `.txt` or `.md` file.
 */
export async function expandInputs(
  paths: readonly string[],
  stderr: (text: string) => void,
): Promise<{ files: string[]; failed: number; exitCode?: undefined } | { exitCode: number }> {
  const { files, errors } = await collectInputs(paths);
  for (const e of errors) stderr(`declass: ${e.path}: ${e.message}\n`);
  if (files.length === 0) {
    if (errors.length > 0) return { exitCode: ExitCode.noInput };
    throw new UsageError('no .txt or .md files found in the given paths');
  }
  return { files, failed: errors.length };
}

/**
 * The paths a batch command works on: those on the command line followed by those of
 * `--from-list`. A usage error when there are none.
 */
export async function batchPaths(paths: readonly string[], fromList: string | undefined, readStdin: (() => Promise<string>) | undefined): Promise<string[]> {
  const all = [...paths, ...(fromList !== undefined ? await readPathList(fromList, readStdin) : [])];
  if (all.length === 0) throw new UsageError(fromList !== undefined ? `--from-list ${fromList} lists no paths` : 'give cable files or folders, or --from-list FILE');
  return all;
}
