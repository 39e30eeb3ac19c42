/**
 * Modern documents through the CLI: release records the reader, audit re-runs with it, check and
 * lint read the authority block, --input-format overrides the detection; every release file is
 * read back for leaks with independent readers (pdftotext or pdf.js).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/hash.js';
import { DOCUMENT_READER } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';
import { runCli } from '../helpers/memory-io.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';

const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `declass-doc-${name}-`));
const SAMPLES = path.resolve('samples');
const AS_OF = '2026-12-01';
/** The neutral stem of a sample whose name repeats withheld words (`doc-` and 12 hex of its sha256). */
const renamed = (sample: string) => `doc-${sha256Hex(readFileSync(path.join(SAMPLES, sample))).slice(0, 12)}`;

describe('release and audit of documents', () => {
  it('records the document reader and its version (a cable record names none), audits clean with the originals, leaks nothing', async () => {
    const inDir = tmp('in');
    for (const f of ['REPORT-FVEY-LIAISON.md', 'NEWSLETTER-REGIONAL-CENTER.txt', '08BERLIN173.txt']) copyFileSync(path.join(SAMPLES, f), path.join(inDir, f));
    const out = tmp('out');
    const run = await runCli(['release', inDir, '--profile', 'fvey', '--out', out, '--as-of', AS_OF, '--quiet']);
    // The newsletter's title ('… NEWSLETTER') is withheld: its outputs do not repeat it in their names.
    const newsletter = renamed('NEWSLETTER-REGIONAL-CENTER.txt');
    // The report's banner lacks the NOFORN its portions carry and its two-column authority block gives
    // two Declassify On values: release says both (probe 67b F6, probe 68c F5), as lint does.
    const report = path.join(inDir, 'REPORT-FVEY-LIAISON.md');
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `declass: ${path.join(inDir, 'NEWSLETTER-REGIONAL-CENTER.txt')}: warning: the input's file name repeats withheld words: its outputs are named ${newsletter} [output-renamed]`,
      expect.stringMatching(new RegExp(`^declass: ${report.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: warning: Banner .* lacks controls the portions carry; expected TOP SECRET//SI//NOFORN\\. \\[banner-missing-controls\\]$`)),
      expect.stringMatching(/: warning: The document's declassification instructions disagree: .* \[decl-conflict\]$/),
    ]);
    expect(run.code).toBe(0);
    const record = (stem: string) => JSON.parse(readFileSync(path.join(out, 'review', `${stem}.audit.json`), 'utf8'));
    expect(record('REPORT-FVEY-LIAISON.md').input.reader).toEqual({ name: 'document', version: DOCUMENT_READER.version });
    expect(record(newsletter).input.reader).toEqual({ name: 'document', version: DOCUMENT_READER.version });
    expect(record('08BERLIN173').input.reader).toBeUndefined();
    const profile = loadProfile(readFileSync('rules/fvey.yaml', 'utf8'), 'rules/fvey.yaml');
    const originals = new Map([
      ['REPORT-FVEY-LIAISON.md', path.join(inDir, 'REPORT-FVEY-LIAISON.md')],
      [newsletter, path.join(inDir, 'NEWSLETTER-REGIONAL-CENTER.txt')],
      ['08BERLIN173', path.join(inDir, '08BERLIN173.txt')],
    ]);
    expect(await expectNoLeaksInFolder(out, originals, profile, AS_OF)).toBe(6);
    const audit = await runCli(['audit', out, '--originals', inDir, '--json']);
    expect(JSON.parse(audit.stdout).ok).toBe(true);
    expect(audit.code).toBe(0);
  });

  it('--input-format cable forces the cable parser (nothing recorded); the audit re-run reads it the same way', async () => {
    const inDir = tmp('forced');
    copyFileSync(path.join(SAMPLES, 'MEMO-FIELD-OFFICES.txt'), path.join(inDir, 'memo.txt'));
    const out = tmp('forced-out');
    const run = await runCli(['release', inDir, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--quiet', '--input-format', 'cable']);
    expect(run.code).toBe(0);
    const rec = JSON.parse(readFileSync(path.join(out, 'review', 'memo.audit.json'), 'utf8'));
    expect(rec.input.reader).toBeUndefined();
    const audit = await runCli(['audit', out, '--originals', inDir, '--json']);
    expect(JSON.parse(audit.stdout).ok).toBe(true);
    const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
    expect(await expectNoLeaksInFolder(out, new Map([['memo', path.join(inDir, 'memo.txt')]]), profile, AS_OF)).toBeGreaterThan(0);
  });
});

describe('resume with the recorded reader', () => {
  it('a second run skips documents released with the same reader; another reader releases them again', async () => {
    const inDir = tmp('resume');
    for (const f of ['REPORT-FVEY-LIAISON.md', '08BERLIN173.txt']) copyFileSync(path.join(SAMPLES, f), path.join(inDir, f));
    const out = tmp('resume-out');
    const args = ['release', inDir, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--json'];
    const skipped = async (extra: string[] = []) => {
      const r = await runCli([...args, ...extra]);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { skipped: number }).skipped;
    };
    expect(await skipped()).toBe(0);
    expect(await skipped()).toBe(2);
    const record = (stem: string) => JSON.parse(readFileSync(path.join(out, 'review', `${stem}.audit.json`), 'utf8'));
    expect(record('REPORT-FVEY-LIAISON.md').input.reader).toEqual({ name: 'document', version: DOCUMENT_READER.version });
    // Forced to the cable parser, the document is read differently: released again (the cable is
    // not). Read so, it withholds words of its name: its outputs take the neutral name, and those
    // under the old name are gone.
    expect(await skipped(['--input-format', 'cable'])).toBe(1);
    expect(record(renamed('REPORT-FVEY-LIAISON.md')).input.reader).toBeUndefined();
    expect(existsSync(path.join(out, 'review', 'REPORT-FVEY-LIAISON.md.audit.json'))).toBe(false);
    expect(existsSync(path.join(out, 'pending', 'REPORT-FVEY-LIAISON.md.txt')) || existsSync(path.join(out, 'release', 'REPORT-FVEY-LIAISON.md.txt'))).toBe(false);
    const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
    const originals = new Map([
      ['REPORT-FVEY-LIAISON.md', path.join(inDir, 'REPORT-FVEY-LIAISON.md')],
      ['08BERLIN173', path.join(inDir, '08BERLIN173.txt')],
    ]);
    expect(await expectNoLeaksInFolder(out, originals, profile, AS_OF)).toBe(4);
  });
});

describe('check, lint and explain on documents', () => {
  it('check --json shows the authority block and reads Declassify On', async () => {
    const r = await runCli(['check', path.join(SAMPLES, 'REPORT-FVEY-LIAISON.md'), path.join(SAMPLES, 'NOTE-UNCLASSIFIED-FOUO.md'), '--json', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    const [report, note] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(report.authority).toMatchObject({ derivedFrom: 'Partner Engagement Guide 2-10', sourceDate: '2010-01-05', declassifyOn: ['20360630', '25X1, 20610630'] });
    expect(report.status).toBe('classified');
    expect(report.declassifyOn).toBe('2061-06-30');
    expect(note.authority).toBeNull();
    expect(note.status).toBe('unclassified');
  });

  it('check reports a classified document without an authority block as invalid', async () => {
    const dir = tmp('noblock');
    const file = path.join(dir, 'memo.txt');
    writeFileSync(file, 'SECRET\n\n(S) Text with no block.\n\nSECRET\n');
    const r = await runCli(['check', file, '--as-of', AS_OF, '--quiet']);
    expect(r.stdout).toMatch(/\(no authority block\)\s+invalid/);
    const lint = await runCli(['lint', file, '--json', '--as-of', AS_OF]);
    expect(lint.code).toBe(1);
    expect(JSON.parse(lint.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('authority-missing');
  });

  it('explain names the reader-given ids and kinds of a document', async () => {
    const r = await runCli(['explain', path.join(SAMPLES, 'NEWSLETTER-REGIONAL-CENTER.txt'), '--profile', 'public', '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x: { portionId: string }) => x.portionId).slice(0, 3)).toEqual(['title', 'header', 'p1']);
    expect(rows.find((x: { portionId: string }) => x.portionId === 'header').action).toBe('withhold');
  });
});
