/** Loading what the fuzzer starts from: seed cables and the bundled profiles. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProfile, type Profile } from '../rules/load.js';
import type { SeedCable } from './loop.js';

/** The package root (holds `rules/`), from `src/fuzz/` or `dist/fuzz/` alike. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled profiles, from `rules/`. */
export function loadBundledProfiles(): Profile[] {
  const dir = path.join(ROOT, 'rules');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => loadProfile(readFileSync(path.join(dir, f), 'utf8'), `rules/${f}`));
}

/** The `*.txt` cables of a folder, sorted by name (so a seed means the same run on every machine). */
export function loadSeeds(dir: string): SeedCable[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(dir, f))) }));
}
