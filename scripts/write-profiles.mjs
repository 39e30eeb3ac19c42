// Writes dist/rules/bundled-profiles.json: each bundled profile (rules/*.yaml) as validated now,
// with the sha256 of its text. A release with a bundled profile whose bytes are still these
// compiles it from here without loading yaml and zod (150-200 ms); any other profile, or an
// edited bundled one, is validated when loaded. Run by `npm run build` after tsc.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const { validateProfile } = await import(new URL('dist/rules/load.js', root).href);
const built = {};
for (const name of readdirSync(new URL('rules/', root)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
  const file = `rules/${name}`;
  built[file] = validateProfile(readFileSync(new URL(file, root), 'utf8'), file);
}
writeFileSync(new URL('dist/rules/bundled-profiles.json', root), `${JSON.stringify(built)}\n`);
