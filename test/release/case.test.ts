/**
 * Case stamps (issue 15): State's footer on every release page and in the release text,
 * document numbers sorted by reference, recorded, stable on re-run and resume, and the case as
 * part of what makes a folder one release.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/node/profiles.js';
import { assignDocNumbers, caseFooter, formatDocNumber, stateDate } from '../../src/release/case.js';
import { safeStem, type AuditRecord } from '../../src/release/folder.js';
import { REPO, runBin, tmp } from '../helpers/bin.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';

const SAMPLES = path.join(REPO, 'samples');
const AS_OF = '2010-12-01';
const CASE = 'F-2026-00123';

describe('document numbers and the footer', () => {
  it.each<[number, string]>([
    [1, 'C00000001'],
    [6685763, 'C06685763'],
    [99_999_999, 'C99999999'],
  ])('%i is %s', (n, s) => expect(formatDocNumber(n)).toBe(s));

  it('refuses numbers it cannot write in eight digits', () => {
    expect(() => formatDocNumber(100_000_000)).toThrow(RangeError);
    expect(() => assignDocNumbers([{ stem: 'a', ref: 'A' }, { stem: 'b', ref: 'B' }], 99_999_999)).toThrow(RangeError);
  });

  it('numbers by reference (the stem when there is none), whatever the order given', () => {
    const docs = [
      { stem: 'x', ref: '09QUITO1' },
      { stem: 'memo', ref: null },
      { stem: 'y', ref: '01VATICAN1' },
      { stem: 'z', ref: '08BERLIN1' },
    ];
    const expected = new Map([
      ['y', 'C00000010'],
      ['z', 'C00000011'],
      ['x', 'C00000012'],
      ['memo', 'C00000013'],
    ]);
    expect(assignDocNumbers(docs, 10)).toEqual(expected);
    expect(assignDocNumbers([...docs].reverse(), 10)).toEqual(expected);
  });

  it("is State's form", () => {
    expect(stateDate('2021-05-04')).toBe('05/04/2021');
    expect(caseFooter({ number: 'F-2017-13804', docNumber: 'C06685763' }, 'UNCLASSIFIED', '2021-05-04')).toBe(
      'UNCLASSIFIED U.S. Department of State Case No. F-2017-13804 Doc No. C06685763 Date: 05/04/2021',
    );
  });
});

describe('release --case', () => {
  let out: string;
  const record = (stem: string) => JSON.parse(readFileSync(path.join(out, 'review', `${stem}.audit.json`), 'utf8')) as AuditRecord;
  const stems = () => readdirSync(path.join(out, 'review')).filter((n) => n.endsWith('.audit.json')).map((n) => n.replace('.audit.json', '')).sort();

  beforeAll(() => {
    out = path.join(tmp('case'), 'out');
    const r = runBin(['release', SAMPLES, '-p', 'public', '-o', out, '--as-of', AS_OF, '--case', CASE, '--doc-start', '101', '--formats', 'text,pdf', '-q']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('records a document number per document, in order of reference, from --doc-start', () => {
    // Documents without a reference by their input's name (a renamed one's too: NEWSLETTER-REGIONAL-CENTER).
    const byRef = stems()
      .map((s) => ({ s, ref: record(s).input.ref ?? safeStem(record(s).input.path) }))
      .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : a.s < b.s ? -1 : 1));
    expect(byRef.map(({ s }) => record(s).case)).toEqual(byRef.map((_, i) => ({ number: CASE, docNumber: formatDocNumber(101 + i) })));
    const manifest = JSON.parse(readFileSync(path.join(out, 'review', 'manifest.json'), 'utf8')) as { run: { case?: string } };
    expect(manifest.run.case).toBe(CASE);
  });

  it('ends every release text with the footer, and prints it on every PDF page', () => {
    for (const s of stems()) {
      const footer = `UNCLASSIFIED U.S. Department of State Case No. ${CASE} Doc No. ${record(s).case!.docNumber} Date: 12/01/2010`;
      // A document pending review is in pending/: its record names where.
      const at = (kind: string) => path.join(out, record(s).outputs.find((o) => o.kind === kind)!.path);
      const text = readFileSync(at('text'), 'utf8');
      expect(text.endsWith(`\n\n${footer}\n`), s).toBe(true);
      const pdf = pdftotext(readFileSync(at('pdf')));
      if (pdf === null) continue; // no poppler here: the audit below reads the PDFs with pdf.js
      const pages = pdf.split('\f').filter((p) => p.trim() !== '');
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) expect(page.replace(/\s+/g, ' '), s).toContain(footer);
    }
  });

  it('leaks nothing, and the audit (re-run included) passes', async () => {
    const originals = new Map(readdirSync(SAMPLES).filter((n) => /\.(txt|md)$/.test(n)).map((n) => [n.replace(/\.txt$/, ''), path.join(SAMPLES, n)]));
    await expectNoLeaksInFolder(out, originals, await resolveProfile('public'), AS_OF);
    const r = runBin(['audit', out, '--originals', SAMPLES, '-q']);
    expect(r.code, r.stdout).toBe(0);
  });

  it('is stable: the same command again skips every document; another --doc-start releases them again', () => {
    const again = JSON.parse(runBin(['release', SAMPLES, '-p', 'public', '-o', out, '--as-of', AS_OF, '--case', CASE, '--doc-start', '101', '--formats', 'text,pdf', '--json']).stdout) as { skipped: number; documents: number };
    expect(again.skipped).toBe(again.documents);
    expect(again.documents).toBe(stems().length);
  });

  it('is part of what makes a folder one release: no case, or another, is refused (73)', () => {
    const none = runBin(['release', SAMPLES, '-p', 'public', '-o', out, '--as-of', AS_OF, '--formats', 'text,pdf']);
    expect(none.code).toBe(73);
    expect(none.stderr).toContain(`case ${CASE} there, no case here`);
    const other = runBin(['release', SAMPLES, '-p', 'public', '-o', out, '--as-of', AS_OF, '--case', 'F-2026-00999', '--formats', 'text,pdf']);
    expect(other.code).toBe(73);
  });

  it.each<[string[], RegExp]>([
    [['--doc-start', '5'], /--doc-start numbers the documents of a case/],
    [['--case', 'F 2026'], /--case.*letters, digits and hyphens/],
  ])('usage errors: %j', (args, message) => {
    const r = runBin(['release', SAMPLES, '-p', 'public', '-o', path.join(tmp('case-usage'), 'out'), '--as-of', AS_OF, ...args]);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(message);
  });
});
