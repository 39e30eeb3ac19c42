import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '../errors.js';
import { loadProfile, type Profile } from '../rules/load.js';
import { loadOverrides, type OverrideSet } from '../rules/overrides.js';
import { describeFsError } from './inputs.js';

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
        if (text !== null) return loadProfile(text, `rules/${nameOrFile}.${ext}`);
      }
    }
  }
  let text: string;
  try {
    text = await readFile(nameOrFile, 'utf8');
  } catch (error) {
    const names = await bundledProfileNames();
    throw new ConfigurationError(`profile "${nameOrFile}": ${describeFsError(error)} (bundled profiles: ${names.join(', ')})`, { cause: error });
  }
  return loadProfile(text, nameOrFile);
}

/** Reads and validates a reviewer overrides file. */
export async function readOverrides(file: string): Promise<OverrideSet> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`overrides file "${file}": ${describeFsError(error)}`, { cause: error });
  }
  return loadOverrides(text, file);
}
