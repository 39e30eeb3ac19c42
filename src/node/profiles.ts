/**
 * Release profiles and reviewer overrides on disk: the bundled `rules/` folder, a profile named
 * on the command line (`public` or a file), and the profile or overrides file an audit record
 * names (found again and checked against its recorded sha256).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import { compileProfile, type Profile, type ValidatedProfile } from '../rules/compile.js';
import type { OverrideSet } from '../rules/overrides.js';
import { describeFsError } from './errors.js';

/**
 * The validating loaders, imported when used: yaml and zod take 150-200 ms to load, more than a
 * small release takes to run (a bundled profile validated at build time needs neither).
 */
async function loadProfile(text: string, file: string): Promise<Profile> {
  return (await import('../rules/load.js')).loadProfile(text, file);
}

async function loadOverrides(text: string, file: string): Promise<OverrideSet> {
  return (await import('../rules/overrides.js')).loadOverrides(text, file);
}

/**
 * The bundled profiles as validated when the package was built (scripts/write-profiles.mjs), by
 * recorded name (`rules/public.yaml`); empty when there is no such file (sources run by vitest).
 */
const BUILT_PROFILES = new URL('../rules/bundled-profiles.json', import.meta.url);
let builtProfiles: Promise<Readonly<Record<string, ValidatedProfile>>> | undefined;

/**
 * The bundled profile `text` read from `rules/<name>`: compiled from its build-time validation
 * when its bytes are the ones validated then, else validated now (an edited file is checked as
 * any profile is).
 */
export async function loadBundledProfile(text: string, file: string): Promise<Profile> {
  // A missing or unreadable file only means every bundled profile is validated on load.
  builtProfiles ??= readFile(BUILT_PROFILES, 'utf8')
    .then((t) => JSON.parse(t) as Record<string, ValidatedProfile>)
    .catch(() => ({}));
  const built = (await builtProfiles)[file];
  return built && built.sha256 === sha256Hex(text) ? compileProfile(built, file) : loadProfile(text, file);
}

/** The bundled `rules/` folder (next to `src/` and `dist/`). */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** Names of the bundled profiles (`public`, `nato`, …), sorted. */
export async function bundledProfileNames(): Promise<string[]> {
  const entries = await readdir(BUNDLED_RULES_DIR);
  return entries
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => f.replace(/\.(ya?ml|json)$/, ''))
    .sort();
}

/** True when `--profile` was given a name (`public`) rather than a path to a file. */
export function isProfileName(nameOrFile: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(nameOrFile);
}

/** The sha256 of the bundled profile `id` (`rules/public.yaml` for `public`), or null when there is none of that name. */
export async function bundledProfileSha256(id: string): Promise<string | null> {
  if (!isProfileName(id)) return null;
  for (const ext of ['yaml', 'yml', 'json']) {
    const text = await readFile(path.join(BUNDLED_RULES_DIR, `${id}.${ext}`), 'utf8').catch(() => null);
    if (text !== null) return sha256Hex(text);
  }
  return null;
}

/**
 * True when `--profile NAME` names a bundled profile and a file of that name is also in `cwd`:
 * the bundled one is used (a name wins), which the user may not have meant (`-p public` beside
 * a profile file `public`); they write `-p ./public` for the file.
 */
export async function bundledShadowsFile(nameOrFile: string, cwd: string): Promise<boolean> {
  if (!isProfileName(nameOrFile) || !(await bundledProfileNames()).includes(nameOrFile)) return false;
  return stat(path.resolve(cwd, nameOrFile)).then((s) => s.isFile(), () => false);
}

/**
 * Resolves `--profile NAME|FILE`: a bundled profile's name, or a path to a profile file. The file
 * name recorded in audits is `rules/<name>.yaml` for bundled profiles (stable across machines).
 */
export async function resolveProfile(nameOrFile: string): Promise<Profile> {
  if (isProfileName(nameOrFile)) {
    const names = await bundledProfileNames();
    if (names.includes(nameOrFile)) {
      for (const ext of ['yaml', 'yml', 'json']) {
        const file = path.join(BUNDLED_RULES_DIR, `${nameOrFile}.${ext}`);
        const text = await readFile(file, 'utf8').catch(() => null);
        if (text !== null) return loadBundledProfile(text, `rules/${nameOrFile}.${ext}`);
      }
    }
  }
  let text: string;
  try {
    text = await readFile(nameOrFile, 'utf8');
  } catch (error) {
    // A missing profile is a missing input (66), like any other file named on the command line.
    const names = await bundledProfileNames();
    throw new InputError(`profile "${nameOrFile}": ${describeFsError(error)} (bundled profiles: ${names.join(', ')})`, { cause: error });
  }
  return loadProfile(text, nameOrFile);
}

/**
 * Reads and validates a profile file (`declass rules check`); errors name the file. A file that
 * cannot be read is an InputError (exit 66), an invalid one a ConfigurationError (78).
 */
export async function readProfileFile(file: string): Promise<Profile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: ${describeFsError(error)}`, { cause: error });
  }
  return loadProfile(text, file);
}

/** Reads and validates a reviewer overrides file. */
export async function readOverrides(file: string): Promise<OverrideSet> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`overrides file "${file}": ${describeFsError(error)}`, { cause: error });
  }
  return loadOverrides(text, file);
}

/** A profile or overrides file as an audit record names it: path as recorded, and sha256. */
export interface RecordedFile {
  readonly file: string;
  readonly sha256: string;
}

/**
 * The profile a record names, or a one-line reason it cannot be had. Looked for, in order: the
 * file given (`--profile`), the bundled profile of that name (`rules/public.yaml`), the recorded
 * path from `cwd`; the first with the recorded sha256 wins.
 */
export async function findRecordedProfile(recorded: RecordedFile, opts: { cwd: string; given?: string | undefined }): Promise<Profile | string> {
  const { file, sha256 } = recorded;
  const candidates: string[] = [];
  if (opts.given) candidates.push(path.resolve(opts.cwd, opts.given));
  const bundled = /^rules\/([a-z0-9][a-z0-9-]*\.(?:ya?ml|json))$/.exec(file);
  if (bundled) candidates.push(path.join(BUNDLED_RULES_DIR, bundled[1]!));
  candidates.push(path.resolve(opts.cwd, file));
  let got: Profile | string = `profile ${file} (sha256 ${sha256.slice(0, 12)}…) not found; give it with --profile`;
  for (const c of candidates) {
    const text = await readFile(c, 'utf8').catch(() => null);
    if (text === null) continue;
    try {
      const p = await loadProfile(text, file);
      if (p.source.sha256 === sha256) return p;
      got = `profile ${file} has changed since the release (sha256 differs); give the one used with --profile`;
    } catch (error) {
      got = `profile ${c}: ${(error as Error).message}`;
    }
  }
  return got;
}

/** The overrides file a record names (at `given`, else its recorded path), or a one-line reason it cannot be had. */
export async function findRecordedOverrides(recorded: RecordedFile, opts: { cwd: string; given?: string | undefined }): Promise<OverrideSet | string> {
  const { file, sha256 } = recorded;
  const text = await readFile(path.resolve(opts.cwd, opts.given ?? file), 'utf8').catch(() => null);
  if (text === null) return `overrides file ${file} not found; give it with --overrides`;
  try {
    const o = await loadOverrides(text, file);
    return o.sha256 === sha256 ? o : `overrides file ${file} has changed since the release (sha256 differs)`;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The sha256 of a file's bytes, or null when it cannot be read (audit's check of --profile and --overrides). */
export async function fileSha256OrNull(file: string): Promise<string | null> {
  const bytes = await readFile(file).catch(() => null);
  return bytes === null ? null : sha256Hex(bytes);
}
