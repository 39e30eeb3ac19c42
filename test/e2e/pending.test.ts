/**
 * Documents pending review (issue 12): a release whose document still has a portion awaiting a
 * reviewer (SBU here) goes to pending/, stamped PENDING REVIEW - NOT FOR RELEASE on every page of
 * its text and PDF, never to release/; the summary says how many and why; an overrides file that
 * decides those portions moves it to release/ (with --replace: another overrides file is another
 * release); audit checks that nothing pending sits in release/.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { parseCable } from '../../src/parse/index.js';
import { loadOverrides } from '../../src/rules/overrides.js';
import { loadProfile } from '../../src/rules/load.js';
import { runCli } from '../helpers/memory-io.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { documentFiles, expectNoLeaksInFolder } from '../helpers/release-folder.js';

const BERLIN = path.resolve('samples/08BERLIN173.txt');
const OTTAWA = path.resolve('samples/04OTTAWA3115.txt');
const AS_OF = '2010-12-01';
const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
const originals = new Map([['08BERLIN173', BERLIN], ['04OTTAWA3115', OTTAWA]]);

describe('release with a document pending review', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'declass-pending-'));
  let run: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    run = await runCli(['release', BERLIN, OTTAWA, '--profile', 'public', '--out', out, '--as-of', AS_OF]);
  });

  it('writes the final document to release/ and the pending one to pending/, and says why', async () => {
    expect(run.code).toBe(0);
    expect(documentFiles(path.join(out, 'release')).sort()).toEqual(['08BERLIN173.pdf', '08BERLIN173.txt']);
    expect(readdirSync(path.join(out, 'pending')).sort()).toEqual(['04OTTAWA3115.pdf', '04OTTAWA3115.txt']);
    expect(run.stdout + run.stderr).toMatch(/1 document\(s\) pending review, in pending\/ \(not release\/\): 7 portion\(s\) SBU\/FOUO handling/);
    const record = JSON.parse(readFileSync(path.join(out, 'review/04OTTAWA3115.audit.json'), 'utf8'));
    expect(record.stamp).toBe('PENDING REVIEW - NOT FOR RELEASE');
    expect(record.disposition.kind).toBe('pending-review');
    // Everything of the seed cable is withheld as of 2010-12-01: denied, never `RELEASE IN PART`.
    const berlin = JSON.parse(readFileSync(path.join(out, 'review/08BERLIN173.audit.json'), 'utf8'));
    expect([berlin.disposition.kind, berlin.stamp]).toEqual(['denied-in-full', 'DENIED IN FULL B1, 1.4(B), 1.4(D)']);
    expect(await expectNoLeaksInFolder(out, originals, profile, AS_OF)).toBe(4);
  });

  it('stamps every page of the pending text and PDF', async () => {
    expect(readFileSync(path.join(out, 'pending/04OTTAWA3115.txt'), 'utf8')).toMatch(/\nUNCLASSIFIED SECTION 01 OF 04 OTTAWA 003115\nPENDING REVIEW - NOT FOR RELEASE\n/);
    const pdf = await extractPdfText(readFileSync(path.join(out, 'pending/04OTTAWA3115.pdf')));
    expect(pdf.pages.length).toBeGreaterThan(1);
    for (const page of pdf.pages) expect(page).toContain('PENDING REVIEW - NOT FOR RELEASE');
  });

  it('audit passes, and fails when the pending document is moved into release/', async () => {
    expect((await runCli(['audit', out, '--originals', BERLIN, OTTAWA])).code).toBe(0);
    const tampered = mkdtempSync(path.join(tmpdir(), 'declass-pending-tampered-'));
    expect((await runCli(['release', OTTAWA, '--profile', 'public', '--out', tampered, '--as-of', AS_OF])).code).toBe(0);
    const recordFile = path.join(tampered, 'review/04OTTAWA3115.audit.json');
    writeFileSync(recordFile, readFileSync(recordFile, 'utf8').replaceAll('"pending/04OTTAWA3115.', '"release/04OTTAWA3115.'));
    for (const ext of ['txt', 'pdf']) renameSync(path.join(tampered, `pending/04OTTAWA3115.${ext}`), path.join(tampered, `release/04OTTAWA3115.${ext}`));
    const audit = await runCli(['audit', tampered, '--json']);
    expect(audit.code).toBe(1);
    const findings = JSON.parse(audit.stdout).failures as { file: string; check: string; message: string }[];
    expect(findings.filter((f) => f.check === 'pending').map((f) => f.file).sort()).toEqual(['release/04OTTAWA3115.pdf', 'release/04OTTAWA3115.txt']);
  });

  it('an overrides file that decides the pending portions moves the document to release/', async () => {
    const plan = evaluate(parseCable(readFileSync(OTTAWA, 'utf8')), profile, { asOf: AS_OF });
    const pending = plan.disposition.pending.map((p) => p.portionId);
    expect(pending.length).toBe(7);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'declass-pending-ov-')), 'decisions.yaml');
    writeFileSync(file, `overrides:\n${pending.map((p) => `  - { ref: 04OTTAWA3115, portion: ${p}, action: release, reviewer: J. Smith, date: 2026-11-20, note: SBU reviewed }\n`).join('')}`);
    const again = await runCli(['release', BERLIN, OTTAWA, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--overrides', file, '--replace']);
    expect(again.code).toBe(0);
    expect(documentFiles(path.join(out, 'release')).sort()).toEqual(['04OTTAWA3115.pdf', '04OTTAWA3115.txt', '08BERLIN173.pdf', '08BERLIN173.txt']);
    expect(existsSync(path.join(out, 'pending')) ? readdirSync(path.join(out, 'pending')) : []).toEqual([]);
    expect(readFileSync(path.join(out, 'release/04OTTAWA3115.txt'), 'utf8')).toMatch(/\nUNCLASSIFIED SECTION 01 OF 04 OTTAWA 003115\nRELEASE IN FULL\n/);
    expect((await runCli(['audit', out, '--originals', BERLIN, OTTAWA])).code).toBe(0);
    expect(await expectNoLeaksInFolder(out, originals, profile, AS_OF, loadOverrides(readFileSync(file, 'utf8'), file))).toBe(4);
  });
});

describe('declass explain', () => {
  it('names the portions pending review and why; the seed cable, declassified, is released in full', async () => {
    const pending = await runCli(['explain', OTTAWA, '--profile', 'public', '--as-of', AS_OF]);
    expect(pending.stdout).toMatch(/^Profile public: banner UNCLASSIFIED; PENDING REVIEW - NOT FOR RELEASE\nPending review \(goes to pending\/, not release\/\): p5, p7, p8, p12, p13, p14, p15 \(SBU\/FOUO handling\)\n/m);
    const seed = await runCli(['explain', BERLIN, '--profile', 'public', '--as-of', '2026-11-26']);
    expect(seed.stdout).toMatch(/^Profile public: banner UNCLASSIFIED; RELEASE IN FULL\n\n/m);
    expect(seed.stdout).toMatch(/^25:1 +subject +\(unmarked\) +RELEASED +\[public\/unmarked-in-declassified\]$/m);
    expect(seed.stdout).not.toMatch(/B1/);
  });
});
