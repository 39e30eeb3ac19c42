/**
 * `declass audit` end to end: release a few samples into a temporary folder, audit it clean, then
 * tamper with fresh copies of it (each item of the "Done means") and see the audit fail
 * with the right one-line message. Also: cross-document leaks in `release` and `audit`.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadProfile } from '../../src/rules/load.js';
import { withheldTexts } from '../../src/release/index.js';
import { writePdf } from '../../src/render/pdf/write.js';
import { buildManifest, serializeManifest } from '../../src/release/manifest.js';
import { runCli } from '../helpers/memory-io.js';
import { cable } from '../parse/helpers.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';
import { resolveProfile } from '../../src/node/profiles.js';

const SAMPLES = path.resolve('samples');
const STEMS = ['08BERLIN173', '08MADRID308', '89PANAMA8545', 'SYNTH-UNCLAS-BADMARK'];
const ORIGINALS = STEMS.map((s) => path.join(SAMPLES, `${s}.txt`));
const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `declass-audit-${name}-`));
const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

let base: string;
/** A fresh copy of the released folder, to tamper with. */
function fresh(): string {
  const dir = path.join(tmp('copy'), 'out');
  cpSync(base, dir, { recursive: true });
  return dir;
}
const audit = (dir: string, ...extra: string[]) => runCli(['audit', dir, ...extra]);
const lines = (stdout: string) => stdout.split('\n');

/** Rewrites review/manifest.json over the records as they now are (what a careful forger would do). */
function rechain(dir: string): void {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'review/manifest.json'), 'utf8'));
  const records = manifest.entries.map((e: { stem: string }) => ({ stem: e.stem, sha256: sha(readFileSync(path.join(dir, `review/${e.stem}.audit.json`))) }));
  // The index files stay listed as they were (a forger who rebuilt the chain left them alone).
  writeFileSync(path.join(dir, 'review/manifest.json'), serializeManifest({ ...buildManifest(records, manifest.run), ...(manifest.index ? { index: manifest.index } : {}) }));
}

function withheldOf(stem: string): string[] {
  const doc = parseCable(readFileSync(path.join(SAMPLES, `${stem}.txt`), 'utf8'));
  const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
  return withheldTexts(evaluate(doc, profile, { asOf: '2010-12-01' }));
}

beforeAll(async () => {
  base = path.join(tmp('base'), 'out');
  const run = await runCli(['release', ...ORIGINALS, '--profile', 'public', '--out', base, '--as-of', '2010-12-01']);
  // The one sample written after the as-of date says so; nothing else is said.
  expect(run.stderr).toBe(
    `declass: ${path.join(SAMPLES, 'SYNTH-UNCLAS-BADMARK.txt')}: warning: The as-of date 2010-12-01 is before the document's origination on 2011-06-02: it is decided as it stood before it was written. [as-of-before-origin]\n`,
  );
  expect(run.code).toBe(0);
});

describe('release writes a chained manifest', () => {
  it('lists every record sorted by stem, each chaining from the one before', () => {
    const m = JSON.parse(readFileSync(path.join(base, 'review/manifest.json'), 'utf8'));
    expect(m.format).toBe('declass-manifest/1');
    expect(m.run).toMatchObject({ profile: { id: 'public', file: 'rules/public.yaml' }, asOf: '2010-12-01', overrides: null });
    expect(m.entries.map((e: { stem: string }) => e.stem)).toEqual([...STEMS].sort());
    let previous = '';
    for (const e of m.entries) {
      expect(e.record).toBe(`review/${e.stem}.audit.json`);
      expect(e.sha256).toBe(sha(readFileSync(path.join(base, e.record))));
      expect(e.chain).toBe(sha(previous + e.sha256));
      previous = e.chain;
    }
    expect(m.head).toBe(previous);
    expect(JSON.stringify(m)).not.toMatch(/T\d\d:\d\d/); // no wall-clock time
  });

  it('covers the records of earlier runs into the same folder', async () => {
    const dir = fresh();
    const run = await runCli(['release', path.join(SAMPLES, '08QUITO297.txt'), '--profile', 'public', '--out', dir, '--as-of', '2010-12-01', '-q']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/review\/manifest\.json: 5 record\(s\), head [0-9a-f]{64}/);
    expect((await audit(dir)).code).toBe(0);
  });
});

describe('declass audit on an untouched folder', () => {
  it('passes without the originals (re-run and leak checks skipped)', async () => {
    const run = await audit(base);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^pass +hash /m);
    expect(run.stdout).toMatch(/^skipped +rerun /m);
    expect(run.stdout).toContain('audit passed (3 checks skipped: rerun, leak, cross-leak need --originals): 4 document(s)');
  });

  it('passes with the originals: same decisions, same bytes, no leaks', async () => {
    const run = await audit(base, '--originals', ...ORIGINALS);
    expect(run.code).toBe(0);
    for (const check of ['rerun', 'leak', 'cross-leak', 'authority', 'chain']) expect(run.stdout).toMatch(new RegExp(`^pass +${check} `, 'm'));
  });

  it('passes with the originals given as a folder, and with the right --head', async () => {
    const head = JSON.parse(readFileSync(path.join(base, 'review/manifest.json'), 'utf8')).head;
    expect((await audit(base, '--originals', SAMPLES, '--head', head)).code).toBe(0);
  });

  it('--json prints one object with every check', async () => {
    const run = await audit(base, '--json');
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.failures).toEqual([]);
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual(['record', 'hash', 'missing', 'unrecorded', 'pending', 'chain', 'rerun', 'leak', 'cross-leak', 'authority', 'consistency', 'index']);
  });

  it('refuses a folder that is not a release folder (exit 66)', async () => {
    const run = await audit(tmp('empty'));
    expect(run.code).toBe(66);
    expect(run.stderr).toMatch(/not a release folder/);
  });
});

describe('declass audit on a tampered folder', () => {
  it('withheld text appended to a release text: hash, and (with the originals) leak', async () => {
    const dir = fresh();
    const withheld = withheldOf('08BERLIN173');
    appendFileSync(path.join(dir, 'release/08BERLIN173.txt'), `\n${withheld[2]}\n`);
    let run = await audit(dir);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toContain('release/08BERLIN173.txt: hash: sha256 differs from review/08BERLIN173.audit.json');
    run = await audit(dir, '--originals', ...ORIGINALS);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^release\/08BERLIN173\.txt: leak: \d+ run\(s\) of withheld words \(p\d+\) of 08BERLIN173 appear here$/m);
    // The report never quotes withheld text.
    expect(run.stdout).not.toContain(withheld[2]!.slice(0, 40));
  });

  it('one byte of a release PDF changed: hash', async () => {
    const dir = fresh();
    const file = path.join(dir, 'release/08BERLIN173.pdf');
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(file, bytes);
    const run = await audit(dir);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toContain('release/08BERLIN173.pdf: hash: sha256 differs from review/08BERLIN173.audit.json');
  });

  it('withheld text in a release PDF\'s metadata: hash and leak', async () => {
    const dir = fresh();
    const withheld = withheldOf('08BERLIN173');
    const pdf = await writePdf([{ width: 612, height: 792, items: [] }], { title: '08BERLIN173', subject: withheld[2]!.slice(0, 300) });
    writeFileSync(path.join(dir, 'release/08BERLIN173.pdf'), pdf);
    const run = await audit(dir, '--originals', ...ORIGINALS);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toContain('release/08BERLIN173.pdf: hash: sha256 differs from review/08BERLIN173.audit.json');
    expect(run.stdout).toMatch(/^release\/08BERLIN173\.pdf: leak: /m);
  });

  it('an audit record deleted: the manifest lists a missing record, its files are unrecorded', async () => {
    const dir = fresh();
    rmSync(path.join(dir, 'review/08MADRID308.audit.json'));
    const run = await audit(dir);
    expect(run.code).toBe(1);
    const out = lines(run.stdout);
    expect(out).toContain('review/manifest.json: missing: entry 2 (08MADRID308) lists review/08MADRID308.audit.json, which does not exist');
    // 08MADRID308 is pending review (its DECL instruction needs a reviewer): its files are in pending/.
    expect(out).toContain('pending/08MADRID308.txt: unrecorded: not listed in any audit record');
    expect(out).toContain('pending/08MADRID308.pdf: unrecorded: not listed in any audit record');
  });

  it('an audit record deleted and the manifest rewritten: caught by --head', async () => {
    const dir = fresh();
    const head = JSON.parse(readFileSync(path.join(dir, 'review/manifest.json'), 'utf8')).head;
    rmSync(path.join(dir, 'review/SYNTH-UNCLAS-BADMARK.audit.json'));
    for (const f of ['pending/SYNTH-UNCLAS-BADMARK.txt', 'pending/SYNTH-UNCLAS-BADMARK.pdf']) rmSync(path.join(dir, f));
    const m = JSON.parse(readFileSync(path.join(dir, 'review/manifest.json'), 'utf8'));
    m.entries.pop();
    writeFileSync(path.join(dir, 'review/manifest.json'), serializeManifest(buildManifest(m.entries, m.run)));
    const run = await audit(dir, '--head', head);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^review\/manifest\.json: chain: the chain ends at [0-9a-f]{12}…, not at the expected head [0-9a-f]{12}…$/m);
  });

  it('an unrecorded file added to release/', async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'release/extra.txt'), 'nothing to see\n');
    const run = await audit(dir);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toContain('release/extra.txt: unrecorded: not listed in any audit record');
  });

  it('two release files swapped', async () => {
    const dir = fresh();
    const a = path.join(dir, 'release/08BERLIN173.txt');
    const b = path.join(dir, 'pending/08MADRID308.txt');
    renameSync(a, `${a}.tmp`);
    renameSync(b, a);
    renameSync(`${a}.tmp`, b);
    const run = await audit(dir);
    expect(run.code).toBe(1);
    const out = lines(run.stdout);
    expect(out).toContain('release/08BERLIN173.txt: hash: sha256 differs from review/08BERLIN173.audit.json');
    expect(out).toContain('pending/08MADRID308.txt: hash: sha256 differs from review/08MADRID308.audit.json');
  });

  it('two manifest entries swapped: the chain breaks', async () => {
    const dir = fresh();
    const file = path.join(dir, 'review/manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8'));
    [m.entries[1], m.entries[2]] = [m.entries[2], m.entries[1]];
    writeFileSync(file, JSON.stringify(m, null, 2));
    const run = await audit(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^review\/manifest\.json: chain: entry 2 \(89PANAMA8545\) does not chain from entry 1$/m);
    expect(run.stdout).toMatch(/^review\/manifest\.json: chain: entry 3 \(08MADRID308\) is out of order/m);
  });

  it('a release text deleted: the index names it as missing, and does not advise rebuilding the index', async () => {
    const dir = fresh();
    const record = JSON.parse(readFileSync(path.join(dir, 'review/08BERLIN173.audit.json'), 'utf8'));
    const text = record.outputs.find((o: { kind: string }) => o.kind === 'text').path as string;
    rmSync(path.join(dir, text));
    const run = await audit(dir);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toContain(`${text}: missing: recorded in review/08BERLIN173.audit.json but not found`);
    const index = lines(run.stdout).filter((l) => / index: /.test(l));
    expect(index.length).toBeGreaterThan(0);
    for (const l of index) expect(l).toMatch(new RegExp(`differs from the index the audit records and release texts give \\(${text.replace('.', '\\.')}, which it is made from, is missing: see the missing check\\)$`));
  });

  it('a record edited: hash against the manifest; edited and re-chained: caught by the re-run', async () => {
    const dir = fresh();
    const file = path.join(dir, 'review/08BERLIN173.audit.json');
    const record = JSON.parse(readFileSync(file, 'utf8'));
    record.decisions[1].reason = 'Released after review.';
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    let run = await audit(dir);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toContain('review/08BERLIN173.audit.json: hash: sha256 differs from review/manifest.json (entry 1 (08BERLIN173))');
    rechain(dir);
    // The Vaughn index gives each withholding's reason: built before the edit, it no longer matches.
    run = await audit(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^release\/index\.json: index: differs from the index the audit records and release texts give \(rebuild it with declass index\)$/m);
    expect((await runCli(['index', dir])).code).toBe(0);
    expect((await audit(dir)).code).toBe(0); // without the originals a consistent forgery of a reason passes
    run = await audit(dir, '--originals', ...ORIGINALS);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^review\/08BERLIN173\.audit\.json: rerun: decisions\[p\w+\]\.reason differs from a re-run: recorded text \(sha256 [0-9a-f]{12}…\), re-run text \(sha256 [0-9a-f]{12}…\)$/m);
  });

  it('a placeholder without its authority', async () => {
    const dir = fresh();
    // 08MADRID308 is pending review as of 2010-12-01: its text is in pending/.
    const file = path.join(dir, 'pending/08MADRID308.txt');
    const text = readFileSync(file, 'utf8');
    const first = /\[WITHHELD: [^\]]+\]/.exec(text)!;
    writeFileSync(file, text.replace(first[0], '[WITHHELD: ]'));
    const run = await audit(dir);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toContain('pending/08MADRID308.txt: authority: placeholder 1 ([WITHHELD]) states no authority');
  });

  it('a denial that miscounts or drops its marker (08BERLIN173 is denied in full as of 2010-12-01)', async () => {
    const dir = fresh();
    const file = path.join(dir, 'release/08BERLIN173.txt');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('DENIED IN FULL B1, 1.4(B), 1.4(D)');
    writeFileSync(file, text.replace(/\[DENIED IN FULL: \d+ /, '[DENIED IN FULL: 1 '));
    let run = await audit(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^release\/08BERLIN173\.txt: authority: the denial counts 1 portion\(s\) withheld; review\/08BERLIN173\.audit\.json records \d+$/m);
    writeFileSync(file, text.replace(/\[DENIED IN FULL: [^\]]*\]/, ''));
    run = await audit(dir);
    expect(run.stdout).toMatch(/^release\/08BERLIN173\.txt: authority: .* denied in full, but the release text has no \[DENIED IN FULL: …\] line$/m);
  });

  it('a record whose output path leaves the folder is refused', async () => {
    const dir = fresh();
    const file = path.join(dir, 'review/08BERLIN173.audit.json');
    const record = JSON.parse(readFileSync(file, 'utf8'));
    record.outputs[0].path = '../../etc/passwd';
    writeFileSync(file, JSON.stringify(record));
    const run = await audit(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^review\/08BERLIN173\.audit\.json: record: output "\.\.\/\.\.\/etc\/passwd" is not the file release writes for 08BERLIN173/m);
  });

  it('an original that is not the recorded input is not used', async () => {
    const dir = fresh();
    const other = path.join(tmp('orig'), '08BERLIN173.txt');
    writeFileSync(other, `${readFileSync(ORIGINALS[0]!, 'utf8')}\nextra line\n`);
    const run = await audit(dir, '--originals', other, ...ORIGINALS.slice(1));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^review\/08BERLIN173\.audit\.json: rerun: no original with the recorded sha256 among --originals/m);
  });
});

describe('cross-document leaks', () => {
  const paragraph =
    'The minister said privately that the government would recognise the new coalition within a week, whatever the opposition decided at its congress.';
  const A = cable(`¶1. (U) Meeting with the foreign minister.\n\n¶2. (C) ${paragraph}\n`, { subject: 'SUBJECT: (U) MEETING WITH THE MINISTER' });
  const B = cable(`¶1. (U) Press reporting on the coalition.\n\n¶2. (U) ${paragraph}\n`, {
    banner: 'UNCLAS BERLIN 000174',
    eo: 'E.O. 12958: N/A',
    classifiedBy: '',
    subject: 'SUBJECT: (U) PRESS REPORTING',
  });
  let inDir: string;
  beforeAll(() => {
    inDir = tmp('cross-in');
    writeFileSync(path.join(inDir, 'SYNTH-A.txt'), A);
    writeFileSync(path.join(inDir, 'SYNTH-B.txt'), B);
  });

  it('release reports a paragraph withheld in one cable and released in another, as a warning (--cross-leak warn; held by default: e2e/cross-hold)', async () => {
    const out = path.join(tmp('cross-out'), 'o');
    const run = await runCli(['release', inDir, '--profile', 'public', '--out', out, '--as-of', '2010-12-01', '--cross-leak', 'warn']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^warning: release\/SYNTH-B\.txt: cross-leak: 15 run\(s\) of 8 words withheld in SYNTH-A \(p2\) appear here$/m);
    expect(run.stdout).not.toMatch(/SYNTH-A\.txt: cross-leak/);
    const json = await runCli(['release', inDir, '--profile', 'public', '--out', `${out}2`, '--as-of', '2010-12-01', '--json', '--cross-leak', 'warn']);
    expect(JSON.parse(json.stdout).crossDocument.leaks).toEqual([
      { file: 'release/SYNTH-B.txt', stem: 'SYNTH-B', from: 'SYNTH-A', portions: ['p2'], runs: 15, message: '15 run(s) of 8 words withheld in SYNTH-A (p2) appear here' },
    ]);
    // Held (the default), the JSON names the hold and where the files went.
    const heldJson = JSON.parse((await runCli(['release', inDir, '--profile', 'public', '--out', `${out}3`, '--as-of', '2010-12-01', '--json'])).stdout).crossDocument;
    expect(heldJson.mode).toBe('hold');
    expect(heldJson.held).toEqual([{ stem: 'SYNTH-B', moved: ['pending/SYNTH-B.txt', 'pending/SYNTH-B.pdf'], kept: false, hold: { reason: 'cross-document', matches: [{ from: 'SYNTH-A', portions: ['p2'], runs: 15, line: expect.any(Number) }] } }]);
    // audit fails on it with the originals, and cannot see it without them.
    const audited = await audit(out, '--originals', inDir);
    expect(audited.code).toBe(1);
    expect(lines(audited.stdout)).toContain('release/SYNTH-B.txt: cross-leak: 15 run(s) of 8 words withheld in SYNTH-A (p2) appear here');
    expect(audited.stdout).toMatch(/^release\/SYNTH-B\.pdf: cross-leak: /m);
    expect((await audit(out)).code).toBe(0);
  });

  it("names the file where it was written: pending/ for a document pending review (it said release/, where there is none)", async () => {
    const pendingIn = tmp('cross-pending-in');
    writeFileSync(path.join(pendingIn, 'SYNTH-A.txt'), A);
    writeFileSync(path.join(pendingIn, 'SYNTH-C.txt'), B.replace('¶1. (U) Press reporting', '¶1. (SBU) Press reporting'));
    const out = path.join(tmp('cross-pending-out'), 'o');
    const run = await runCli(['release', pendingIn, '--profile', 'public', '--out', out, '--as-of', '2010-12-01']);
    expect(run.stdout).toMatch(/^note: pending\/SYNTH-C\.txt: cross-leak: 15 run\(s\) of 8 words withheld in SYNTH-A \(p2\) appear here \(in pending\/: not handed out\)$/m);
    expect(existsSync(path.join(out, 'pending/SYNTH-C.txt'))).toBe(true);
  });

  it('finds it against an earlier release folder (--against), both ways', async () => {
    const root = tmp('cross-against');
    const first = path.join(root, 'first');
    const second = path.join(root, 'second');
    await runCli(['release', path.join(inDir, 'SYNTH-A.txt'), '--profile', 'public', '--out', first, '--as-of', '2010-12-01']);
    // B released after A: A's withheld paragraph is found in B's release (A's original is at its recorded path).
    const run = await runCli(['release', path.join(inDir, 'SYNTH-B.txt'), '--profile', 'public', '--out', second, '--as-of', '2010-12-01', '--against', first, '--cross-leak', 'warn']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`warning: release/SYNTH-B.txt: cross-leak: 15 run(s) of 8 words withheld in SYNTH-A (released into ${first}) (p2) appear here`);
    const audited = await audit(second, '--originals', inDir, '--against', first);
    expect(audited.code).toBe(1);
    expect(audited.stdout).toMatch(/^release\/SYNTH-B\.txt: cross-leak: 15 run\(s\) of 8 words withheld in SYNTH-A \(released into .*first\) \(p2\) appear here$/m);
    // The other way round: auditing the first folder against the second finds A's paragraph in the second's files.
    const reverse = await audit(first, '--originals', inDir, '--against', second);
    expect(reverse.code).toBe(1);
    expect(reverse.stdout).toMatch(/second\/release\/SYNTH-B\.txt: cross-leak: 15 run\(s\) of 8 words withheld in SYNTH-A \(p2\) appear here$/m);
  });

  it('says which documents of an --against folder it could not compare, and why (no original): release and audit', async () => {
    const root = tmp('cross-against-gone');
    const gone = path.join(root, 'in');
    cpSync(path.join(inDir, 'SYNTH-A.txt'), path.join(gone, 'SYNTH-A.txt'), { recursive: true });
    const first = path.join(root, 'first');
    const second = path.join(root, 'second');
    expect((await runCli(['release', gone, '--profile', 'public', '--out', first, '--as-of', '2010-12-01'])).code).toBe(0);
    rmSync(gone, { recursive: true });
    const run = await runCli(['release', path.join(inDir, 'SYNTH-B.txt'), '--profile', 'public', '--out', second, '--as-of', '2010-12-01', '--against', first]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('cross-leak: 15 run(s)');
    expect(run.stdout).toMatch(/^warning: --against .*first: 1 document\(s\) not compared for cross-document leaks \(SYNTH-A: no original with its recorded sha256 \(not at .*SYNTH-A\.txt, nor given\)\)$/m);
    expect(await expectNoLeaksInFolder(second, new Map([['SYNTH-B', path.join(inDir, 'SYNTH-B.txt')]]), await resolveProfile('public'), '2010-12-01')).toBeGreaterThan(0);
    const audited = await audit(second, '--originals', path.join(inDir, 'SYNTH-B.txt'), '--against', first);
    expect(audited.stdout).toMatch(/SYNTH-A: not compared for cross-document leaks: no original with its recorded sha256/);
  });
});

describe("the tool's own words in a release PDF's title", () => {
  it('a withheld heading that is the profile name (-- NATO --) is not leaked by the title naming the profile', async () => {
    // 07MADRID911 under nato as of 2010: denied in full; its PDF is titled `07MADRID911 - nato
    // release`, and the audit counted the withheld one-word heading found there.
    const text = [
      'VZCZCXRO4693',
      'OO RUEHLA',
      'DE RUEHMD #0911/01 1341744',
      'ZNY CCCCC ZZH',
      'O 141744Z MAY 07',
      'FM AMEMBASSY MADRID',
      'TO RUEHC/SECSTATE WASHDC IMMEDIATE 2514',
      '',
      'C O N F I D E N T I A L MADRID 000911',
      '',
      'SIPDIS',
      '',
      'E.O. 12958: DECL: 05/14/2017',
      'TAGS: PREL MARR SP',
      'SUBJECT: MEETING WITH THE MINISTER',
      '',
      'Classified By: Ambassador Eduardo Aguirre for reasons 1.4 b & d.',
      '',
      '1. (C) The minister raised missile defense at some length.',
      '',
      '-- NATO --',
      '',
      '2. (C) On summit issues, Spain believes that enlargement should wait.',
      '',
    ].join('\n');
    const dir = tmp('title-words');
    writeFileSync(path.join(dir, '07MADRID911.txt'), text);
    const out = path.join(dir, 'out');
    const run = await runCli(['release', path.join(dir, '07MADRID911.txt'), '--profile', 'nato', '--out', out, '--as-of', '2010-12-01', '--quiet']);
    expect(run.code).toBe(0);
    const audit = await runCli(['audit', out, '--originals', dir, '--json']);
    const report = JSON.parse(audit.stdout) as { ok: boolean; checks: { name: string; status: string }[] };
    expect(report.checks.find((c) => c.name === 'leak')?.status).toBe('pass');
    expect(report.ok).toBe(true);
  });
});
