/**
 * vitest globalSetup: the CLI tests run the built binary (dist/cli/bin.js, as users do), and the
 * package test imports the built package. Build once when dist/ is missing or older than a source
 * file, so a test never runs yesterday's code. A fresh clone's `npm ci` has already built it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function newestUnder(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestUnder(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export default function build(): void {
  const built = path.join(REPO, 'dist/index.js');
  const sources = Math.max(newestUnder(path.join(REPO, 'src')), statSync(path.join(REPO, 'package.json')).mtimeMs, statSync(path.join(REPO, 'tsconfig.build.json')).mtimeMs);
  if (existsSync(built) && existsSync(path.join(REPO, 'dist/cli/bin.js')) && existsSync(path.join(REPO, 'dist/cli/help.txt')) && statSync(built).mtimeMs >= sources) return;
  process.stdout.write('declass: dist/ is older than src/; building it for the CLI and package tests (npm run build)\n');
  execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
}
