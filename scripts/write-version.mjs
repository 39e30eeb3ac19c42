// Writes src/version.ts from package.json, so the version recorded in every audit record and
// manifest is the package's own. Run by `npm run build` (and by `npm version`); a test fails
// when src/version.ts and package.json disagree. Usage: node scripts/write-version.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const { name, version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const quote = (s) => `'${String(s).replace(/[\\']/g, '\\$&')}'`;
const text = `// Generated from package.json by scripts/write-version.mjs (npm run build): do not edit.

/** Tool name and version, recorded in every audit record and manifest. */
export const TOOL = { name: ${quote(name)}, version: ${quote(version)} } as const;
`;
const target = new URL('src/version.ts', root);
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // First run: no file yet.
}
if (current !== text) writeFileSync(target, text);
