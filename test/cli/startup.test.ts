/**
 * What `declass --version` and `--help` load: both are answered by bin.ts before the command
 * line is loaded, with what commander prints (the help as written at build time); `declass help`,
 * through commander, loads no reader, renderer or heavy package (the commands load those when they run).
 */
import { describe, expect, it } from 'vitest';
import { TOOL } from '../../src/version.js';
import { runBin } from '../helpers/bin.js';
import { loadedBy } from '../helpers/loaded.js';
import { runCli } from '../helpers/memory-io.js';

/** The files and packages a run of the built CLI imports (see test/helpers/loaded.ts). */
function loaded(args: readonly string[]): string[] {
  return loadedBy(args).loaded;
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

  it.each([['--help'], ['-h']])('%s prints the help commander prints (written at build time), exit 0', async (flag) => {
    const bin = runBin([flag]);
    const inProcess = await runCli([flag]);
    expect(inProcess.code).toBe(0);
    expect(inProcess.stdout).toMatch(/^Usage: declass \[options\] \[command\]\n[^]*\nExit codes:\n/);
    expect(bin).toEqual({ code: 0, stdout: inProcess.stdout, stderr: '' });
    // `declass help` goes through commander: the same text.
    expect(runBin(['help']).stdout).toBe(inProcess.stdout);
  });

  it('--help loads nothing but bin.ts, the version and the help written at build time', () => {
    const files = loaded(['--help']);
    expect(files.map((f) => f.replace(/.*\/dist\//, 'dist/')).sort()).toEqual(['dist/cli/bin.js', 'dist/cli/help.js', 'dist/version.js']);
  });

  it('help through commander loads no reader, renderer or heavy package', () => {
    const files = loaded(['help']);
    expect(files.length).toBeGreaterThan(5);
    const heavy = files.filter((f) => /\/node_modules\/(zod|yaml|diff|pdf-lib|pdfjs-dist|piscina|ics|cli-progress)\/|\/dist\/(parse\/index|render|engine|lint|rules)\b/.test(f));
    expect(heavy).toEqual([]);
  });
});
