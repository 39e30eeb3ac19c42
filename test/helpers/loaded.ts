/**
 * What a run of the built CLI imports, from node's module loader (a resolve hook): files and
 * packages, each file of the command line's bundle (dist/cli/bundle/, scripts/bundle.mjs)
 * replaced by the modules it holds, as `/dist/...` and `/node_modules/...` paths.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, REPO } from './bin.js';

const HOOK = `data:text/javascript,${encodeURIComponent(
  "import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(\"export async function resolve(s, c, next) { const r = await next(s, c); if (!r.url.startsWith('node:')) process.stderr.write('LOADED ' + r.url + '\\\\n'); return r; }\"));",
)}`;

/** `declass ARGS` with the hook: its exit status and what it loaded. */
export function loadedBy(args: readonly string[]): { readonly status: number | null; readonly loaded: string[] } {
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], { cwd: REPO, encoding: 'utf8' });
  const files = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length));
  let bundle: Record<string, string[]> | null = null;
  const loaded = files.flatMap((f) => {
    const bundled = /\/dist\/cli\/bundle\/([^/]+)$/.exec(f);
    if (!bundled) return [f];
    bundle ??= JSON.parse(readFileSync(path.join(path.dirname(BIN), 'bundle', 'modules.json'), 'utf8')) as Record<string, string[]>;
    const modules = bundle[bundled[1]!];
    if (!modules) throw new Error(`${f}: not in the bundle's modules.json`);
    return modules.map((m) => `/${m}`);
  });
  return { status: r.status, loaded };
}
