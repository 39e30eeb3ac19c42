/**
 * Probe 59a of `declass audit`: records edited in review/ with the manifest chain made again passed
 * `audit --originals` (F2: the re-run compared only part of each record; F3: the marking
 * diagnostics were read from the record); a document removed whole passed `--require-originals`
 * (F5); a manifest without its `run` passed (F7). Each tamper below is made on a fresh copy of a
 * release and must fail with its check and exit 1; the controls pass.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { resolveProfile } from '../../src/node/profiles.js';
import { parseCable } from '../../src/parse/index.js';
import { withheldTexts } from '../../src/release/index.js';
import { buildManifest, serializeManifest } from '../../src/release/manifest.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';
import { runCli } from '../helpers/memory-io.js';

const SAMPLES = path.resolve('samples');
const STEMS = ['08BERLIN173', '89PANAMA8545', 'SYNTH-UNCLAS-BADMARK'];
const AS_OF = '2010-12-01';
const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
let root = '';
let base = '';
let originals = '';

/** A fresh copy of the release, to tamper with. */
function fresh(name: string): string {
  const dir = path.join(root, name);
  cpSync(base, dir, { recursive: true });
  return dir;
}

/** Rewrites review/manifest.json over the records as they now are (what a careful forger does). */
function rechain(dir: string): void {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'review/manifest.json'), 'utf8'));
  const stems: string[] = manifest.entries.map((e: { stem: string }) => e.stem).filter((s: string) => {
    try {
      readFileSync(path.join(dir, `review/${s}.audit.json`));
      return true;
    } catch {
      return false;
    }
  });
  const records = stems.map((stem) => ({ stem, sha256: sha(readFileSync(path.join(dir, `review/${stem}.audit.json`))) }));
  writeFileSync(path.join(dir, 'review/manifest.json'), serializeManifest({ ...buildManifest(records, manifest.run), ...(manifest.index ? { index: manifest.index } : {}) }));
}

/** Edits a record of `dir` and makes the chain again. */
function editRecord(dir: string, stem: string, edit: (r: any) => void): void {
  const file = path.join(dir, `review/${stem}.audit.json`);
  const record = JSON.parse(readFileSync(file, 'utf8'));
  edit(record);
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  rechain(dir);
}

/** The first withheld paragraph of 08BERLIN173 under public as of AS_OF. */
async function withheldParagraph(): Promise<string> {
  const doc = parseCable(readFileSync(path.join(SAMPLES, '08BERLIN173.txt'), 'utf8'));
  const texts = withheldTexts(evaluate(doc, await resolveProfile('public'), { asOf: AS_OF }));
  return texts.find((t) => t.split(/\s+/).length > 12)!;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'declass-audit-59-'));
  originals = path.join(root, 'in');
  mkdirSync(originals);
  for (const s of STEMS) copyFileSync(path.join(SAMPLES, `${s}.txt`), path.join(originals, `${s}.txt`));
  base = path.join(root, 'out');
  const run = await runCli(['release', originals, '--profile', 'public', '--out', base, '--as-of', AS_OF, '--quiet']);
  expect(run.code).toBe(0);
  const profile = await resolveProfile('public');
  expect(await expectNoLeaksInFolder(base, new Map(STEMS.map((s) => [s, path.join(originals, `${s}.txt`)])), profile, AS_OF)).toBe(6);
});

const B = 'review/08BERLIN173.audit.json';

/** Each tamper of a record (the chain made again): the line the audit gives for it. */
const RECORD_TAMPERS: readonly [string, (r: any) => void, string][] = [
  ['declassification status', (r) => (r.declassification.status = 'declassified'), 'declassification.status differs from a re-run: recorded "declassified", re-run "classified"'],
  ['declassify-on date', (r) => (r.declassification.declassifyOn = '2009-01-01'), 'declassification.declassifyOn differs from a re-run: recorded "2009-01-01", re-run "2018-02-13"'],
  ['a decision\'s mark', (r) => (r.decisions.find((d: any) => d.portionId === 'p1').mark = '(U)'), 'decisions[p1].mark differs from a re-run: recorded "(U)", re-run "(C)"'],
  ['a decision\'s level', (r) => (r.decisions.find((d: any) => d.portionId === 'p1').level = 'U'), 'decisions[p1].level differs from a re-run: recorded "U", re-run "C"'],
  ['a decision\'s marking source', (r) => (r.decisions.find((d: any) => d.portionId === 'p1').markingSource = 'inherited'), 'decisions[p1].markingSource differs from a re-run: recorded "inherited", re-run "marked"'],
  ['a decision\'s start line', (r) => (r.decisions.find((d: any) => d.portionId === 'p1').start.line += 1), 'decisions[p1].start.line differs from a re-run: recorded'],
  ['the disposition\'s authorities', (r) => (r.disposition.authorities = ['B5']), 'disposition.authorities differs from a re-run: recorded ["B5"], re-run ["B1", "1.4(B)", "1.4(D)"]'],
  ['the date the document originated', (r) => (r.input.originated = '2001-01-01'), 'input.originated differs from a re-run: recorded "2001-01-01", re-run "2008-02-13"'],
  ['the error-level diagnostics removed', (r) => (r.diagnostics = r.diagnostics.filter((d: any) => d.severity !== 'error')), 'diagnostics differs from a re-run: the re-run gives error unmarked-portion line 38, which the record lacks'],
  ['a decision\'s reason', (r) => (r.decisions.find((d: any) => d.portionId === 'p1').reason = 'Released after review.'), 'decisions[p1].reason differs from a re-run: recorded text (sha256 '],
];

describe('audit --originals: a record edited, the chain made again (probe 59a)', () => {
  it('a clean copy, and one whose chain was only made again, pass; the marking errors are warned of from the re-run', async () => {
    const dir = fresh('control');
    rechain(dir);
    for (const extra of [[], ['--require-originals']]) {
      const run = await runCli(['audit', dir, '--originals', originals, ...extra]);
      expect(run.stdout.split('\n').filter((l) => /^review|^release|^\.:/.test(l))).toEqual([]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('warning: .: record: 1 original(s) give the error-level diagnostic unmarked-portion (08BERLIN173), read again with --originals');
    }
  });

  it.each(RECORD_TAMPERS)('%s: rerun fails, naming the field', async (name, edit, expected) => {
    const dir = fresh(`t-${name.replace(/\W+/g, '-')}`);
    editRecord(dir, '08BERLIN173', edit);
    const run = await runCli(['audit', dir, '--originals', originals]);
    expect(run.code).toBe(1);
    const line = run.stdout.split('\n').find((l) => l.startsWith(`${B}: rerun: `));
    expect(line).toBeDefined();
    expect(line!.slice(`${B}: rerun: `.length)).toContain(expected);
    expect(run.stdout).toMatch(/^fail +rerun /m);
  });

  it('a withheld paragraph written into a text field is named by its field and a hash, never quoted', async () => {
    const text = await withheldParagraph();
    const dir = fresh('t-withheld-reason');
    editRecord(dir, '08BERLIN173', (r) => (r.declassification.reason = text));
    const run = await runCli(['audit', dir, '--originals', originals]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^review\/08BERLIN173\.audit\.json: rerun: declassification\.reason differs from a re-run: recorded text \(sha256 [0-9a-f]{12}…\), re-run text \(sha256 [0-9a-f]{12}…\)$/m);
    const words = text.split(/\s+/).slice(0, 4).join(' ');
    expect(run.stdout).not.toContain(words);
    expect(run.stderr).not.toContain(words);
  });

  it('without the error-level diagnostics in its record, the warning still comes, from the original', async () => {
    const dir = fresh('t-diag-warning');
    editRecord(dir, '08BERLIN173', (r) => (r.diagnostics = r.diagnostics.filter((d: any) => d.severity !== 'error')));
    const run = await runCli(['audit', dir, '--originals', originals]);
    expect(run.stdout).toContain('warning: .: record: 1 original(s) give the error-level diagnostic unmarked-portion (08BERLIN173)');
    // Without the originals there is nothing to read again: the record is all there is (and it no longer says).
    expect((await runCli(['audit', dir])).stdout).not.toContain('unmarked-portion');
  });
});

describe('audit: a document removed, a manifest without its run, a wrong --against (probe 59a)', () => {
  it('a document removed whole is a warning with --originals, a failure with --require-originals', async () => {
    const dir = fresh('t-removed');
    for (const f of ['release/89PANAMA8545.txt', 'release/89PANAMA8545.pdf', 'review/89PANAMA8545.audit.json', 'review/89PANAMA8545.diff', 'review/89PANAMA8545.review.pdf']) rmSync(path.join(dir, f), { force: true });
    rechain(dir);
    expect((await runCli(['index', dir])).code).toBe(0);
    const lax = await runCli(['audit', dir, '--originals', originals]);
    expect(lax.code).toBe(0);
    expect(lax.stdout).toMatch(/^warning: \.: rerun: original .*89PANAMA8545\.txt \(sha256 [0-9a-f]{12}…\) has no record in the folder/m);
    const strict = await runCli(['audit', dir, '--originals', originals, '--require-originals']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^\.: rerun: original .*89PANAMA8545\.txt \(sha256 [0-9a-f]{12}…\) has no record in the folder: .*\(--require-originals: every original given must have its record\)$/m);
  });

  it('a manifest whose run is removed fails consistency; one that is not JSON does not blame --no-index', async () => {
    const dir = fresh('t-no-run');
    const file = path.join(dir, 'review/manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    delete manifest.run;
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    for (const extra of [[], ['--originals', originals]]) {
      const run = await runCli(['audit', dir, ...extra]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^review\/manifest\.json: consistency: names no run \(the profile, as-of date and overrides the release was made with\)/m);
    }
    const bad = fresh('t-bad-manifest');
    writeFileSync(path.join(bad, 'review/manifest.json'), '{');
    const run = await runCli(['audit', bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^review\/manifest\.json: chain: not valid JSON$/m);
    expect(run.stdout).toMatch(/^skipped index .*\[not checked: the manifest cannot be read \(see chain\)\]$/m);
    expect(run.stdout).not.toContain('--no-index');
  });

  it('--against a folder that is not there names the option', async () => {
    const run = await runCli(['audit', base, '--against', path.join(root, 'nosuch')]);
    expect(run.code).toBe(66);
    expect(run.stderr).toBe(`declass: --against ${path.join(root, 'nosuch')}: no such file or folder\n`);
    expect(run.stdout).toBe('');
  });

  it('a profile changed since the release is one rerun failure for the folder, not one per record', async () => {
    const profileFile = path.join(root, 'mine.yaml');
    writeFileSync(profileFile, readFileSync('rules/public.yaml', 'utf8'));
    const out = path.join(root, 'out-mine');
    expect((await runCli(['release', originals, '--profile', profileFile, '--out', out, '--as-of', AS_OF, '--quiet'])).code).toBe(0);
    expect((await runCli(['audit', out, '--originals', originals])).code).toBe(0);
    writeFileSync(profileFile, `${readFileSync(profileFile, 'utf8')}\n# edited after the release\n`);
    const run = await runCli(['audit', out, '--originals', originals]);
    expect(run.code).toBe(1);
    const reruns = run.stdout.split('\n').filter((l) => / rerun: /.test(l) && !l.startsWith('warning'));
    expect(reruns).toEqual([`.: rerun: profile ${profileFile} has changed since the release (sha256 differs); give the one used with --profile: 3 record(s) not released again (08BERLIN173, 89PANAMA8545, SYNTH-UNCLAS-BADMARK)`]);
  });
});
