/**
 * Output names never repeat withheld words, for text inputs as for PDFs: a memo saved as
 * `zulu-operation.md` whose SECRET paragraph names the zulu operation was released as
 * `release/zulu-operation.md.txt` and listed so in the Vaughn index (checked through the CLI before
 * the change). Its outputs are now named `doc-<12 hex of its sha256>`, with a warning; a re-run
 * over a folder an older version wrote under the revealing name removes those files, and audit
 * passes.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/hash.js';
import { runCli } from '../helpers/memory-io.js';
import { tmp } from '../helpers/bin.js';

const MEMO = [
  'SECRET',
  '',
  'Classified By: J. Doe, Director',
  'Derived From: Multiple Sources',
  'Declassify On: 20400101',
  '',
  '(U) This paragraph may be released to anyone.',
  '',
  '(S) The zulu operation begins at dawn on the northern ridge.',
  '',
  'SECRET',
  '',
].join('\n');

/** Every file name under `dir`, and the text of the Vaughn index files. */
function namesAndIndex(dir: string): { names: string[]; index: string } {
  const names: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else names.push(path.relative(dir, path.join(d, e.name)));
    }
  };
  walk(dir);
  const index = ['index.csv', 'index.json'].map((f) => readFileSync(path.join(dir, 'release', f), 'utf8')).join('\n');
  return { names, index };
}

describe('output names of text inputs', () => {
  const dir = tmp('names');
  const input = path.join(dir, 'in');
  const out = path.join(dir, 'out');
  mkdirSync(input, { recursive: true });
  writeFileSync(path.join(input, 'zulu-operation.md'), MEMO);
  const neutral = `doc-${sha256Hex(new TextEncoder().encode(MEMO)).slice(0, 12)}`;

  it('a name that repeats withheld words is replaced, with a warning; nothing under release/ names it', async () => {
    const run = await runCli(['release', input, '--profile', 'public', '--out', out, '--as-of', '2026-12-01', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`its outputs are named ${neutral} [output-renamed]`);
    const { names, index } = namesAndIndex(out);
    expect(names).toContain(`release/${neutral}.txt`);
    expect(names.filter((n) => /zulu|operation/i.test(n))).toEqual([]);
    expect(index).not.toMatch(/zulu|operation/i);
    expect(readFileSync(path.join(out, 'release', `${neutral}.txt`), 'utf8')).not.toContain('zulu');
    const audit = await runCli(['audit', out, '--originals', input, '--json']);
    expect(JSON.parse(audit.stdout).ok).toBe(true);
  });

  it('a name that repeats a withheld run of words is replaced, though every word of it is released elsewhere', async () => {
    // A SIDtoday article named after its (S//SI) title, whose words its released paragraphs use:
    // under us-secret the release PDF's title held the withheld run and its check refused the PDF.
    const memo = [
      'SECRET',
      '',
      '(S//SI) Installation of Big Dish at Intelligence HQ in Budapest',
      '',
      '(U) The installation team flew to Budapest; the big dish reached the intelligence headquarters in June.',
      '',
      'SECRET',
      '',
    ].join('\n');
    const dir2 = tmp('names-run');
    const input2 = path.join(dir2, 'in');
    mkdirSync(input2, { recursive: true });
    writeFileSync(path.join(input2, 'Installation_of_Big_Dish_at_Intelligence_HQ_in_Budapest.txt'), memo);
    const out2 = path.join(dir2, 'out');
    const run = await runCli(['release', input2, '--profile', 'public', '--out', out2, '--as-of', '2026-12-01', '--quiet']);
    expect(run.code).toBe(0);
    const renamed = `doc-${sha256Hex(new TextEncoder().encode(memo)).slice(0, 12)}`;
    expect(run.stderr).toContain(`its outputs are named ${renamed} [output-renamed]`);
    expect(namesAndIndex(out2).names.filter((n) => /dish|budapest/i.test(n))).toEqual([]);
  });

  it('so is a name that is a short withheld piece whole (a title withheld alone, its words released elsewhere)', async () => {
    const memo = ['SECRET', '', 'GEO Build-Out', '', '(U) The GEO team will build out the new site.', '', '(S) The site is in the north.', '', 'SECRET', ''].join('\n');
    const dir3 = tmp('names-short');
    const input3 = path.join(dir3, 'in');
    mkdirSync(input3, { recursive: true });
    writeFileSync(path.join(input3, 'GEO_Build-Out.txt'), memo);
    const run = await runCli(['release', input3, '--profile', 'public', '--out', path.join(dir3, 'out'), '--as-of', '2026-12-01', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('[output-renamed]');
    expect(namesAndIndex(path.join(dir3, 'out')).names.filter((n) => /geo|build/i.test(n))).toEqual([]);
  });

  it('a re-run with the same settings finds it up to date under the neutral name', async () => {
    const run = await runCli(['release', input, '--profile', 'public', '--out', out, '--as-of', '2026-12-01', '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { skipped: number }).skipped).toBe(1);
  });

  it('files an older version wrote under the revealing name are removed when the document is released again', async () => {
    // What a folder released before this rule holds: the same files under the input's own name.
    for (const [from, to] of [
      [`release/${neutral}.txt`, 'release/zulu-operation.md.txt'],
      [`release/${neutral}.pdf`, 'release/zulu-operation.md.pdf'],
      [`review/${neutral}.audit.json`, 'review/zulu-operation.md.audit.json'],
      [`review/${neutral}.diff`, 'review/zulu-operation.md.diff'],
      [`review/${neutral}.review.pdf`, 'review/zulu-operation.md.review.pdf'],
    ] as const) {
      writeFileSync(path.join(out, to), readFileSync(path.join(out, from)));
      rmSync(path.join(out, from));
    }
    const run = await runCli(['release', input, '--profile', 'public', '--out', out, '--as-of', '2026-12-01', '--quiet']);
    expect(run.code).toBe(0);
    const { names, index } = namesAndIndex(out);
    expect(names.filter((n) => /zulu|operation/i.test(n))).toEqual([]);
    expect(names).toContain(`release/${neutral}.txt`);
    expect(index).not.toMatch(/zulu|operation/i);
    const audit = await runCli(['audit', out, '--originals', input, '--json']);
    expect(JSON.parse(audit.stdout).ok).toBe(true);
  });
});
