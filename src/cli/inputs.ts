/**
 * The command line's paths: `--from-list` files and standard input, and the expansion of paths
 * into files with one line of standard error per path that cannot be used. The disk is reached
 * through src/node/.
 */
import { ExitCode, InputError, UsageError } from '../errors.js';
import { describeFsError } from '../node/errors.js';
import { readText } from '../node/read.js';
import { collectInputs } from '../node/walk.js';

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
      text = await readText(source);
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
