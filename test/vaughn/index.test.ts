/**
 * The Vaughn index (issue 15): one row per withholding of the audit records, authorities in
 * words, no withheld text in any cell (independent 8-word check), every row in the PDF read back
 * by pdftotext, byte-identical on re-run, checked by `audit`.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/node/profiles.js';
import { describeAuthority, describeCode } from '../../src/vaughn/index.js';
import { fixZipTimes } from '../../src/vaughn/xlsx.js';
import { REPO, runBin, tmp } from '../helpers/bin.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';
import { inspectIndex } from '../helpers/vaughn.js';

const SAMPLES = path.join(REPO, 'samples');
const AS_OF = '2010-12-01';
const originals = new Map(readdirSync(SAMPLES).filter((n) => /\.(txt|md)$/.test(n)).map((n) => [n.replace(/\.txt$/, ''), path.join(SAMPLES, n)]));
/** What a release writes by default; the spreadsheet on request (`declass index --format xlsx`). */
const INDEX_FILES = ['index.csv', 'index.json', 'index.pdf'];
const bytesOf = (out: string) => INDEX_FILES.map((f) => readFileSync(path.join(out, 'release', f)).toString('base64'));

describe('authorities in words', () => {
  it.each<[string, string]>([
    ['1.4(B)', '1.4(b) foreign government information'],
    ['1.4(D)', '1.4(d) foreign relations or foreign activities of the United States, including confidential sources'],
    ['1.4(H)', '1.4(h) the development, production, or use of weapons of mass destruction'],
    ['1.5(C)', '1.5(c) intelligence activities (including special activities), intelligence sources or methods, or cryptology'],
    ['B1', '(b)(1) classified national security information'],
    ['B6', '(b)(6) personal privacy'],
    ['B7(C)', '(b)(7)(C) records compiled for law enforcement purposes'],
    ['SBU - PENDING FOIA REVIEW', 'SBU - PENDING FOIA REVIEW'],
  ])('%s', (code, words) => expect(describeCode(code)).toBe(words));

  it('as the issue spells them', () => {
    expect(describeAuthority(['1.4(B)', '1.4(D)'])).toBe('1.4(b) foreign government information; 1.4(d) foreign relations or foreign activities of the United States, including confidential sources');
  });
});

describe('fixZipTimes', () => {
  it('refuses what is not a zip', () => expect(() => fixZipTimes(new Uint8Array(40))).toThrow(/not a zip/));
});

describe('the index of the samples (public, as of 2010-12-01, case F-2026-00123)', () => {
  let out: string;
  beforeAll(() => {
    out = path.join(tmp('vaughn'), 'out');
    const r = runBin(['release', SAMPLES, '-p', 'public', '-o', out, '--as-of', AS_OF, '--case', 'F-2026-00123', '--formats', 'text,pdf', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/release\/index\.csv, release\/index\.json, release\/index\.pdf: Vaughn index of \d+ withholding\(s\)/);
    expect(readdirSync(path.join(out, 'release')).filter((n) => n.startsWith('index.')).sort()).toEqual(INDEX_FILES);
  });

  it('has one row per withheld portion and redacted span, no cell holding withheld text, every row in the PDF', async () => {
    const found = inspectIndex(out, originals, await resolveProfile('public'), AS_OF);
    expect(found.rows).toBe(found.withholdings);
    expect(found.rows).toBeGreaterThan(200);
    expect(found.notOnce).toEqual([]);
    expect(found.leakingCells).toEqual([]);
    if (found.missingInPdf !== null) expect(found.missingInPdf).toEqual([]);
    await expectNoLeaksInFolder(out, originals, await resolveProfile('public'), AS_OF);
  });

  it('spells the row out: location, exemptions in words, rule, justification from the facts, segregability', () => {
    const index = JSON.parse(readFileSync(path.join(out, 'release/index.json'), 'utf8')) as { case: string; rows: Record<string, unknown>[] };
    expect(index.case).toBe('F-2026-00123');
    const row = index.rows.find((r) => r['document'] === '05BOGOTA3726' && r['portion'] === 'p1')!;
    expect(row, JSON.stringify(index.rows.filter((r) => r['document'] === '05BOGOTA3726').map((r) => r['portion']))).toBeDefined();
    expect(row).toMatchObject({ docNumber: expect.stringMatching(/^C\d{8}$/), disposition: 'release-in-part', kind: 'withheld', rule: 'public/classified' });
    expect(row['exemptions']).toMatch(/^\(b\)\(1\) classified national security information; 1\.4\(\w\) /);
    expect(row['location']).toEqual({ page: expect.any(Number), paragraph: '¶1', line: expect.any(Number) });
    expect(row['justification']).toMatch(/^Paragraph ¶1 is portion-marked CONFIDENTIAL and was classified CONFIDENTIAL when the cable originated on 2005-04-19, classified by Ambassador William B. Wood\. /);
    expect(row['segregability']).toMatch(/^All reasonably segregable information has been released: \d+ of \d+ portion\(s\) are released/);
    const denied = index.rows.find((r) => r['document'] === '08BERLIN173')!;
    expect(denied['disposition']).toBe('denied-in-full');
    expect(denied['subject']).toBe('[subject withheld]');
    expect(denied['segregability']).toMatch(/^No reasonably segregable information could be released/);
  });

  it('lists the index files in the manifest, the audit passes; asked for, the xlsx is written, audited and reads back', async () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'review/manifest.json'), 'utf8')) as { index: { path: string }[] };
    expect(manifest.index.map((f) => f.path)).toEqual(INDEX_FILES.map((f) => `release/${f}`));
    const audit = runBin(['audit', out, '-q']);
    expect(audit.code, audit.stdout).toBe(0);
    expect(audit.stdout).toMatch(/^pass\s+index\s/m);
    const copy = path.join(tmp('vaughn-xlsx'), 'out');
    cpSync(out, copy, { recursive: true });
    expect(runBin(['index', copy, '--format', 'csv,json,pdf,xlsx']).code).toBe(0);
    const withXlsx = JSON.parse(readFileSync(path.join(copy, 'review/manifest.json'), 'utf8')) as { index: { path: string }[] };
    expect(withXlsx.index.map((f) => f.path)).toEqual([...INDEX_FILES, 'index.xlsx'].map((f) => `release/${f}`));
    expect(bytesOf(copy)).toEqual(bytesOf(out));
    const audited = runBin(['audit', copy, '-q']);
    expect(audited.code, audited.stdout).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path.join(copy, 'release/index.xlsx')) as unknown as ArrayBuffer);
    const index = JSON.parse(readFileSync(path.join(copy, 'release/index.json'), 'utf8')) as { rows: unknown[] };
    expect(workbook.worksheets[0]!.rowCount).toBe(index.rows.length + 1);
  });

  it('is byte-identical when written again, by declass index or by release', () => {
    const before = bytesOf(out);
    expect(runBin(['index', out]).code).toBe(0);
    expect(bytesOf(out)).toEqual(before);
    const again = path.join(tmp('vaughn-again'), 'out');
    expect(runBin(['release', SAMPLES, '-p', 'public', '-o', again, '--as-of', AS_OF, '--case', 'F-2026-00123', '--formats', 'text,pdf', '-q', '--jobs', '1']).code).toBe(0);
    expect(bytesOf(again)).toEqual(before);
  });

  it('audit fails an index that drops, repeats or moves a withholding', () => {
    const copy = path.join(tmp('vaughn-tamper'), 'out');
    cpSync(out, copy, { recursive: true });
    const file = path.join(copy, 'release/index.json');
    const index = JSON.parse(readFileSync(file, 'utf8')) as { rows: { location: { line: number }; authority: string[] }[] };
    index.rows[1]!.location.line += 1;
    index.rows[2]!.authority = ['B6'];
    index.rows.push(index.rows[3]!);
    index.rows.splice(0, 1);
    writeFileSync(file, JSON.stringify(index));
    const r = runBin(['audit', copy, '-q']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^release\/index\.json: index: \S+ \S+ \(withheld\) is withheld by its record but not in the index$/m);
    expect(r.stdout).toMatch(/^release\/index\.json: index: \S+ \S+ \(withheld\) is in the index 2 times$/m);
    expect(r.stdout).toMatch(/^release\/index\.json: index: row \d+ .* is located at .*; the record places it at /m);
    expect(r.stdout).toMatch(/^release\/index\.json: index: row \d+ .* states B6; the record gives B1/m);
    expect(r.stdout).toMatch(/^release\/index\.json: index: sha256 differs from review\/manifest\.json$/m);
  });

  it('a portion with several redacted spans has a row for each, and the folder audits clean (audit counted one per portion)', () => {
    // foia-intel redacts every office symbol inside released text: SIDtoday paragraphs name several.
    const dir = tmp('vaughn-spans');
    const doc = path.join(dir, 'memo.txt');
    writeFileSync(doc, 'UNCLASSIFIED\n\nSUBJECT: (U) Offices\n\n(U) The S12 and S2I4 offices met with F611 staff in March.\n\n(U) Nothing else happened.\n\nUNCLASSIFIED\n');
    const out = path.join(dir, 'out');
    expect(runBin(['release', doc, '-p', 'foia-intel', '-o', out, '--as-of', AS_OF, '--formats', 'text', '-q']).code).toBe(0);
    const index = JSON.parse(readFileSync(path.join(out, 'release/index.json'), 'utf8')) as { rows: { portion: string; kind: string }[] };
    expect(index.rows.filter((r) => r.kind === 'redacted').map((r) => r.portion)).toEqual(['p1', 'p1', 'p1']);
    const r = runBin(['audit', out, '--originals', dir, '-q']);
    expect(r.stdout).not.toMatch(/index:/);
    expect(r.code).toBe(0);
  });

  it('index --case must be the case the folder was released under; --format writes only some', () => {
    const copy = path.join(tmp('vaughn-case'), 'out');
    cpSync(out, copy, { recursive: true });
    const wrong = runBin(['index', copy, '--case', 'F-2026-99999']);
    expect(wrong.code).toBe(64);
    expect(wrong.stderr).toMatch(/released under case F-2026-00123/);
    const some = runBin(['index', copy, '--format', 'csv,json']);
    expect(some.code).toBe(0);
    // Said, not done quietly (probe 17: `--format xlsx` removed the other index files without a word).
    expect(some.stdout).toContain('note: removed release/index.pdf: not among the formats asked for (--format csv,json)');
    expect(readdirSync(path.join(copy, 'release')).filter((n) => n.startsWith('index.')).sort()).toEqual(['index.csv', 'index.json']);
    expect(runBin(['audit', copy, '-q']).code).toBe(0);
  });

  it('release --no-index writes none and removes an old one', () => {
    const copy = path.join(tmp('vaughn-noindex'), 'out');
    cpSync(out, copy, { recursive: true });
    expect(runBin(['release', SAMPLES, '-p', 'public', '-o', copy, '--as-of', AS_OF, '--case', 'F-2026-00123', '--formats', 'text,pdf', '-q', '--no-index']).code).toBe(0);
    expect(readdirSync(path.join(copy, 'release')).filter((n) => n.startsWith('index.'))).toEqual([]);
    expect(runBin(['audit', copy, '-q']).code).toBe(0);
  });
});
