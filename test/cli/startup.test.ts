/**
 * What `declass --version` and `--help` load: `--version` is answered by bin.ts before the
 * command line is loaded, with the line commander prints; neither loads the readers, the
 * renderers or the heavy packages (the commands load those when they run).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TOOL } from '../../src/version.js';
import { BIN, runBin } from '../helpers/bin.js';
import { runCli } from '../helpers/memory-io.js';

/** The files and packages a run of the built CLI imports, from node's module loader. */
function loaded(args: readonly string[]): string[] {
  const hook = `data:text/javascript,${encodeURIComponent(
    "import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent(\"export async function resolve(s, c, next) { const r = await next(s, c); if (!r.url.startsWith('node:')) process.stderr.write('LOADED ' + r.url + '\\\\n'); return r; }\"));",
  )}`;
  const r = spawnSync(process.execPath, ['--import', hook, BIN, ...args], { encoding: 'utf8' });
  return r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length));
}

describe('start-up', () => {
  it.each([['--version'], ['-V']])('%s prints the version as commander does, exit 0', async (flag) => {
    const bin = runBin([flag]);
    expect(bin).toEqual({ code: 0, stdout: `${TOOL.version}\n`, stderr: '' });
    const inProcess = await runCli([flag]);
    expect(inProcess.stdout).toBe(bin.stdout);
  });

  it('--version loads nothing but bin.ts and the version', () => {
    const files = loaded(['--version']);
    expect(files.map((f) => f.replace(/.*\/dist\//, 'dist/'))).toEqual(['dist/cli/bin.js', 'dist/version.js']);
  });

  it('--help loads no reader, renderer or heavy package', () => {
    const files = loaded(['--help']);
    expect(files.length).toBeGreaterThan(5);
    const heavy = files.filter((f) => /\/node_modules\/(zod|yaml|diff|pdf-lib|pdfjs-dist|piscina|ics|cli-progress)\/|\/dist\/(parse\/index|render|engine|lint|rules)\b/.test(f));
    expect(heavy).toEqual([]);
  });
});
