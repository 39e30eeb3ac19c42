/**
 * The tool as a citizen of the file system: output names derived from input names stay inside
 * the output folder, symbolic links are not followed out of the input tree, inputs are never
 * overwritten, and the output folder may not hold the inputs.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeStem } from '../../src/release/folder.js';
import { runCli } from '../helpers/memory-io.js';
import { documentFiles } from '../helpers/release-folder.js';

const SEED = path.resolve('samples/08BERLIN173.txt');
const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `declass-files-${name}-`));

/** Every file under `dir`, relative. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

describe('safeStem', () => {
  it.each([
    ['08BERLIN173.txt', '08BERLIN173'],
    ['/a/b/08BERLIN173.TXT', '08BERLIN173'],
    ['..txt', 'document-cdb4ee2a'],
    ['.hidden.txt', 'hidden-16924190'],
    ['..\\..\\etc\\passwd.txt', 'etc_passwd-c41af7eb'],
    ['evil name; rm -rf ~.txt', 'evil_name_rm_-rf_-361a7e8c'],
    ['câble été.txt', 'c_ble_t_-f0f0bc36'],
    ['$(reboot).txt', 'reboot_-796c4c55'],
    ['-rf.txt', 'rf-686c39ac'], // a leading dash is stripped (probe 69c F9), the name tagged as changed
    [`${'x'.repeat(300)}.txt`, `${'x'.repeat(111)}-0d4e2ca9`],
    // Names that differ only where they had to change are two stems, not one (probe 57b).
    ['中国.txt', 'document-f0e95216'],
    ['日本.txt', 'document-cf2abf0c'],
    ['Müller.txt', 'M_ller-a7842989'],
  ])('%s → %s', (input, stem) => {
    expect(safeStem(input)).toBe(stem);
    expect(stem).toMatch(/^[A-Za-z0-9-][A-Za-z0-9._-]{0,119}$/);
  });
});

describe('declass release and the file system', () => {
  it('writes the outputs of oddly named inputs inside --out/release and --out/review only', async () => {
    const inDir = tmp('odd-in');
    const out = tmp('odd-out');
    for (const name of ['..\\..\\escape.txt', '.hidden.txt', 'a b;c.txt']) copyFileSync(SEED, path.join(inDir, name));
    // A walk leaves hidden files out (as ripgrep does; `..\\..\\escape.txt` starts with a dot too); named explicitly, they are taken.
    const run = await runCli(['release', inDir, path.join(inDir, '.hidden.txt'), path.join(inDir, '..\\..\\escape.txt'), '--profile', 'public', '--out', out, '--as-of', '2010-12-01', '--formats', 'text']);
    expect(run.code).toBe(0);
    expect(filesUnder(out)).toEqual(
      ['release/a_b_c-ddb90c96.txt', 'release/escape-89034801.txt', 'release/hidden-16924190.txt', 'release/index.csv', 'release/index.json', 'review/a_b_c-ddb90c96.audit.json', 'review/escape-89034801.audit.json', 'review/hidden-16924190.audit.json', 'review/manifest.json'].map((p) => p.split('/').join(path.sep)),
    );
    // Nothing appeared next to the output folder either.
    expect(readdirSync(path.dirname(out)).filter((n) => n === 'escape.txt' || n === 'escape.audit.json')).toEqual([]);
  });

  it('does not follow a symbolic link out of the input tree when walking a folder', async () => {
    const outside = tmp('outside');
    copyFileSync(SEED, path.join(outside, 'SECRET-ELSEWHERE.txt'));
    const inDir = tmp('links-in');
    copyFileSync(SEED, path.join(inDir, 'INSIDE.txt'));
    symlinkSync(path.join(outside, 'SECRET-ELSEWHERE.txt'), path.join(inDir, 'LINKED.txt'));
    symlinkSync(outside, path.join(inDir, 'linked-folder'));
    const out = tmp('links-out');
    const run = await runCli(['release', inDir, '--profile', 'public', '--out', out, '--as-of', '2010-12-01', '--formats', 'text', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).documents).toBe(1);
    expect(documentFiles(path.join(out, 'release'))).toEqual(['INSIDE.txt']);
  });

  it('never writes into an input folder, nor into a folder holding an input file; inputs are unchanged', async () => {
    const inDir = tmp('own-in');
    const input = path.join(inDir, '08BERLIN173.txt');
    copyFileSync(SEED, input);
    const before = readFileSync(input);
    const same = await runCli(['release', inDir, '--profile', 'public', '--out', inDir]);
    expect(same.code).toBe(73);
    const inside = await runCli(['release', inDir, '--profile', 'public', '--out', path.join(inDir, 'out')]);
    expect(inside.code).toBe(73);
    const holding = await runCli(['release', input, '--profile', 'public', '--out', inDir]);
    expect(holding.code).toBe(73);
    expect(holding.stderr).toMatch(/^declass: input .* lies inside the output folder .*; choose another --out\n$/);
    expect(readdirSync(inDir)).toEqual(['08BERLIN173.txt']);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('refuses an --out whose review/ is a file', async () => {
    const out = tmp('review-file');
    writeFileSync(path.join(out, 'review'), 'not a folder');
    const run = await runCli(['release', SEED, '--profile', 'public', '--out', out]);
    expect(run.code).toBe(73);
    expect(run.stderr).toBe(`declass: ${path.join(out, 'review')} is not a folder; declass writes only into real folders under --out\n`);
    expect(existsSync(path.join(out, 'release'))).toBe(false);
  });
});
