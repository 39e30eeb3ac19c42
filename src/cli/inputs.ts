import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeInput } from '../parse/decode.js';
import { parseCable } from '../parse/index.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Diagnostic, Document } from '../types.js';

/** A path the user named that could not be used, with a one-line reason. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Expands the paths given on the command line into a sorted list of files: a folder is walked
 * (recursively, not following symbolic links out of it) for `*.txt` files; a file is taken as
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
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.txt')) out.push(full);
  }
  return out;
}

/** A cable read from disk: its bytes (for hashing), its parsed Document and decoding diagnostics. */
export type CableRead =
  | { readonly ok: true; readonly doc: Document; readonly bytes: Uint8Array; readonly decodeDiagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly message: string };

/** Reads, decodes and parses one cable; every failure (including a parser bug) becomes a one-line message. */
export async function readCable(file: string): Promise<CableRead> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, message: describeFsError(error) };
  }
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  try {
    const doc = parseCable(decoded.text);
    return { ok: true, doc, bytes, decodeDiagnostics: decoded.diagnostics };
  } catch (error) {
    // A parser bug must cost one file, never the batch.
    return { ok: false, message: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
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
 * Expands the command line's paths for a command: reports each unusable path on one line of
 * standard error and returns the files with the number of paths that failed. When there is
 * nothing to process it returns `exitCode` instead: 66 when every path failed; a usage error is
 * thrown when the paths exist but hold no `.txt` cable.
 */
export async function expandInputs(
  paths: readonly string[],
  stderr: (text: string) => void,
): Promise<{ files: string[]; failed: number; exitCode?: undefined } | { exitCode: number }> {
  const { files, errors } = await collectInputs(paths);
  for (const e of errors) stderr(`declass: ${e.path}: ${e.message}\n`);
  if (files.length === 0) {
    if (errors.length > 0) return { exitCode: ExitCode.noInput };
    throw new UsageError('no .txt cables found in the given paths');
  }
  return { files, failed: errors.length };
}
