/**
 * The command line's paths: `--from-list` files and standard input, `-` for one document on
 * standard input, and the expansion of paths into files with one line of standard error per path
 * that cannot be used. The disk is reached through src/node/.
 */
import { Option } from 'commander';
import { ExitCode, InputError, UsageError } from '../errors.js';
import { describeFsError } from '../node/errors.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../node/limits.js';
import type { InputRead } from '../node/read.js';
import { collectInputs, fileKey, type SkippedPath } from '../node/walk.js';
import type { InputFormat } from '../parse/read.js';
import { NO_COLORS, type Colors } from './color.js';
import type { Io } from './io.js';
import { oneLine } from './format/one-line.js';

/** The path that stands for standard input: one document read from it. */
export const STDIN_PATH = '-';

/** `--no-ignore`: walk hidden folders, `node_modules/` and declass output folders too. */
export function noIgnoreOption(): Option {
  return new Option('--no-ignore', 'also walk hidden files and folders, node_modules/ and the release/, review/, pending/ folders of declass outputs');
}

/**
 * The paths listed in a `--from-list` file (or standard input for `-`): one per line; blank
 * lines and lines starting with `#` are ignored; relative paths are taken from the working folder.
 */
export async function readPathList(source: string, readStdin: (() => Promise<string>) | undefined): Promise<string[]> {
  let text: string;
  if (source === STDIN_PATH) {
    if (!readStdin) throw new UsageError('--from-list -: standard input is not available here');
    text = await readStdin();
  } else {
    try {
      text = await (await import('../node/read.js')).readText(source);
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
 * standard error, and what the walk left out on one more, and returns the files with the number
 * of paths that failed. `-` (standard input) is kept as a file, once. When there is nothing to
 * process it returns `exitCode` instead: 66 when every path failed; a usage error is thrown when
 * the paths exist but hold no `.txt` or `.md` file.
 */
export async function expandInputs(
  paths: readonly string[],
  stderr: (text: string) => void,
  options: { readonly ignore?: boolean; readonly colors?: Colors } = {},
): Promise<{ files: string[]; failed: number; exitCode?: undefined } | { exitCode: number }> {
  const at = paths.indexOf(STDIN_PATH);
  if (at >= 0 && paths.indexOf(STDIN_PATH, at + 1) >= 0) throw new UsageError('- (standard input) may be given once');
  // Standard input keeps its place among the paths given.
  const segments = at < 0 ? [paths] : [paths.slice(0, at), paths.slice(at + 1)];
  const files: string[] = [];
  // By the file named, not its spelling: `a.txt ./a.txt` was two inputs of one output name.
  const seen = new Map<string, string>();
  const repeated: { file: string; first: string }[] = [];
  const errors: { path: string; message: string }[] = [];
  const skipped: SkippedPath[] = [];
  const empty: string[] = [];
  for (const [i, segment] of segments.entries()) {
    if (i === 1) files.push(STDIN_PATH);
    const got = await collectInputs(segment, { ignore: options.ignore ?? true });
    for (const f of got.files) {
      const key = await fileKey(f);
      const first = seen.get(key);
      if (first === undefined) (seen.set(key, f), files.push(f));
      else repeated.push({ file: f, first });
    }
    errors.push(...got.errors);
    skipped.push(...got.skipped);
    empty.push(...got.empty);
  }
  const c = options.colors ?? NO_COLORS;
  for (const e of errors) stderr(`declass: ${oneLine(e.path)}: ${c.red(oneLine(e.message))}\n`);
  if (skipped.length > 0) stderr(formatSkipped(skipped));
  if (repeated.length > 0) stderr(formatRepeated(repeated, c));
  // With no input at all the usage error below says it; beside other inputs, an empty folder is a note (probe 65a, F7).
  if (files.length > 0) for (const d of empty) stderr(`declass: note: ${oneLine(d.replace(/\/+$/, ''))}/: a folder with no .txt, .md or .pdf file\n`);
  if (files.length === 0) {
    if (errors.length > 0) return { exitCode: ExitCode.noInput };
    const links = skipped.some(isLink);
    const ignored = skipped.some(isIgnored);
    const why = [ignored ? 'some were skipped; --no-ignore walks them' : null, links ? 'symbolic links are not followed; name them or their targets' : null].filter(Boolean).join('; ');
    throw new UsageError(`no .txt, .md or .pdf files found in ${namedInputs(paths)}${why ? ` (${why})` : ''}`);
  }
  return { files, failed: errors.length };
}

/**
 * What the walk left out, at most three paths named a line: one line for what `--no-ignore`
 * walks, one for symbolic links (never followed; a link named on the command line is taken), one
 * for files not named as inputs, counted.
 */
export function formatSkipped(skipped: readonly SkippedPath[]): string {
  const ignored = skipped.filter(isIgnored);
  const links = skipped.filter(isLink);
  const others = skipped.filter(isOtherName);
  const special = skipped.filter(isSpecial);
  return (
    (ignored.length > 0 ? `declass: note: not walked (${[...new Set(ignored.map((s) => s.reason))].join(', ')}): ${namedPaths(ignored)}; --no-ignore walks them\n` : '') +
    (links.length > 0 ? `declass: note: symbolic links not followed: ${namedPaths(links)}; name them (or their targets) to take them\n` : '') +
    (others.length > 0 ? `declass: note: ${others.length} file(s) skipped: not .txt, .md or .pdf (${namedPaths(others)}); name a file to take it\n` : '') +
    (special.length > 0 ? `declass: note: ${special.length} path(s) skipped: not a regular file (a FIFO, socket or device: ${namedPaths(special)})\n` : '')
  );
}

/** One line for the files given more than once (a spelling, a link, a folder and a file in it): each is taken once, as first given. */
function formatRepeated(repeated: readonly { file: string; first: string }[], c: Colors): string {
  const byFirst = new Map<string, string[]>();
  for (const r of repeated) byFirst.set(r.first, [...(byFirst.get(r.first) ?? []), r.file]);
  const named = [...byFirst].slice(0, 3).map(([first, again]) => (again.every((a) => a === first) ? first : `${first} (also as ${[...new Set(again.filter((a) => a !== first))].join(', ')})`));
  const more = byFirst.size > 3 ? ` and ${byFirst.size - 3} more` : '';
  return `declass: ${c.yellow('warning')}: ${byFirst.size} file(s) given more than once, taken once: ${oneLine(named.join(', '))}${more}\n`;
}

/** A symbolic link the walk did not follow (`--no-ignore` does not walk it either). */
const isLink = (s: SkippedPath): boolean => s.reason === 'symbolic link';

/** A file the walk left out by its name (not `.txt`, `.md` or `.pdf`; `--no-ignore` leaves it out too). */
const isOtherName = (s: SkippedPath): boolean => s.reason === 'not an input name';

/** A FIFO, socket or device the walk met (never read: a FIFO would block). */
const isSpecial = (s: SkippedPath): boolean => s.reason === 'not a regular file';

/** What `--no-ignore` walks. */
const isIgnored = (s: SkippedPath): boolean => !isLink(s) && !isOtherName(s) && !isSpecial(s);

/** The paths given, named in a message: up to three, then how many more. */
function namedInputs(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).map((p) => (p === '-' ? 'standard input' : p)).join(', ');
  return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown || 'the given paths';
}

function namedPaths(skipped: readonly SkippedPath[]): string {
  const named = skipped.slice(0, 3).map((s) => oneLine(s.folder ? `${s.path}/` : s.path));
  return `${named.join(', ')}${skipped.length > 3 ? ` and ${skipped.length - 3} more` : ''}`;
}

/**
 * Reads one input named on the command line: a file (see node/read.ts), or standard input for `-`.
 * Failures are one-line messages, as for files.
 */
export async function readCliInput(file: string, io: Io, maxBytes: number = DEFAULT_MAX_INPUT_BYTES, format: InputFormat = 'auto'): Promise<InputRead> {
  // The readers (the whole parser) are loaded when the first input is read, not for `--help`.
  const { readInput, readInputData } = await import('../node/read.js');
  if (file !== STDIN_PATH) return readInput(file, maxBytes, format);
  return await readInputData(await readStdinBytes(io), maxBytes, format);
}

/** All of standard input as bytes, or a usage error where there is none. */
export async function readStdinBytes(io: Io): Promise<Uint8Array> {
  if (io.readStdinBytes) return io.readStdinBytes();
  if (io.readStdin) return new TextEncoder().encode(await io.readStdin());
  throw new UsageError('-: standard input is not available here');
}

/**
 * The paths a batch command works on: those on the command line followed by those of
 * `--from-list`. A usage error when there are none, or when both `-` and `--from-list -` want
 * standard input.
 */
export async function batchPaths(paths: readonly string[], fromList: string | undefined, readStdin: (() => Promise<string>) | undefined): Promise<string[]> {
  if (fromList === STDIN_PATH && paths.includes(STDIN_PATH)) throw new UsageError('- and --from-list - cannot both read standard input');
  const all = [...paths, ...(fromList !== undefined ? await readPathList(fromList, readStdin) : [])];
  if (all.length === 0) throw new UsageError(fromList !== undefined ? `--from-list ${fromList} lists no paths` : 'give cable files or folders, or --from-list FILE');
  return all;
}
