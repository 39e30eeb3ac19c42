/** Loading what the fuzzer starts from: seed cables and the bundled profiles. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_RULES_DIR } from '../node/profiles.js';
import { readBytes, readText } from '../node/read.js';
import { listFolder, listNames } from '../node/walk.js';
import { loadProfile, type Profile } from '../rules/load.js';
import type { SeedCable } from './loop.js';

/** The package root (holds `rules/`), from `src/fuzz/` or `dist/fuzz/` alike. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled profiles, from `rules/`, in file-name order. */
export async function loadBundledProfiles(): Promise<Profile[]> {
  const names = (await listNames(BUNDLED_RULES_DIR)).filter((f) => f.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (f) => loadProfile(await readText(path.join(BUNDLED_RULES_DIR, f)), `rules/${f}`)));
}

/**
 * The `*.txt` cables of a folder, sorted by name (so a seed means the same run on every
 * machine); throws when the folder cannot be read.
 */
export async function loadSeeds(dir: string): Promise<SeedCable[]> {
  const names = (await listFolder(dir)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(names.map(async (f) => ({ name: f, bytes: new Uint8Array(await readBytes(path.join(dir, f))) })));
}
