/**
 * The index written as its rows come (issue 18: bounded memory at any size): the pieces are the
 * bytes of the whole-index renderers, the PDF reads back with every row, and a release's automatic
 * index leaves the PDF out above its row limit, saying so.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeVaughnIndex } from '../../src/batch/vaughn.js';
import { INDEX_FORMAT, type IndexRow, type VaughnIndex } from '../../src/vaughn/index.js';
import { renderIndexCsv } from '../../src/vaughn/csv.js';
import { renderIndexJson } from '../../src/vaughn/json.js';
import { renderIndexPdf } from '../../src/vaughn/pdf.js';
import { renderRows } from '../../src/vaughn/rendered.js';
import { IndexStreamer } from '../../src/vaughn/stream.js';
import { REPO, runBin, tmp } from '../helpers/bin.js';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', ',', '\n', '¶', 'é', '\\', '=', '1') });
const row = (no: number): fc.Arbitrary<IndexRow> =>
  fc.record({
    no: fc.constant(no),
    document: text,
    stem: fc.constantFrom('a', 'b'),
    docNumber: fc.option(text),
    date: fc.option(text),
    subject: fc.option(text),
    fromTo: fc.option(text),
    pages: fc.option(fc.nat(99)),
    disposition: fc.constantFrom('release-in-full', 'release-in-part', 'denied-in-full', 'pending-review' as const),
    portion: text,
    kind: fc.constantFrom('withheld', 'redacted' as const),
    location: fc.record({ page: fc.option(fc.nat(9)), paragraph: text, line: fc.option(fc.nat(99)) }),
    authority: fc.array(text, { maxLength: 3 }),
    exemptions: text,
    rule: text,
    justification: text,
    segregability: text,
  }) as fc.Arbitrary<IndexRow>;
const index: fc.Arbitrary<VaughnIndex> = fc
  .integer({ min: 0, max: 4 })
  .chain((n) => fc.tuple(fc.option(text), fc.option(text), ...Array.from({ length: n }, (_, i) => row(i + 1))))
  .map(([c, asOf, ...rows]) => ({ format: INDEX_FORMAT, case: c, asOf, profile: 'public', documents: 2, rows }));

async function streamed(ix: VaughnIndex): Promise<Record<'csv' | 'json' | 'pdf', Buffer>> {
  const parts = { csv: [] as Buffer[], json: [] as Buffer[], pdf: [] as Buffer[] };
  const sink = (k: keyof typeof parts) => (c: Uint8Array | string) => parts[k].push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c));
  const { rows, ...head } = ix;
  const s = new IndexStreamer(head, rows.length, { csv: sink('csv'), json: sink('json'), pdf: sink('pdf') });
  s.add(rows.slice(0, 1));
  s.add(rows.slice(1));
  await s.finish();
  return { csv: Buffer.concat(parts.csv), json: Buffer.concat(parts.json), pdf: Buffer.concat(parts.pdf) };
}

/** The CSV and JSON streamed from rows rendered per document (../../src/vaughn/rendered.ts), numbered on in the streamer. */
function streamedRendered(ix: VaughnIndex, cut: number): Record<'csv' | 'json', Buffer> {
  const parts = { csv: [] as Buffer[], json: [] as Buffer[] };
  const sink = (k: keyof typeof parts) => (c: Uint8Array | string) => parts[k].push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c));
  const { rows, ...head } = ix;
  const s = new IndexStreamer(head, rows.length, { csv: sink('csv'), json: sink('json') });
  // Each document's rows are numbered from 1 where they are rendered, as a job numbers them.
  const renumbered = (part: readonly IndexRow[]): IndexRow[] => part.map((r, i) => ({ ...r, no: i + 1 }));
  s.addRendered(renderRows(renumbered(rows.slice(0, cut))), 1);
  s.add(rows.slice(cut, cut + 1));
  s.addRendered(renderRows(renumbered(rows.slice(cut + 1))), cut + 2);
  void s.finish();
  return { csv: Buffer.concat(parts.csv), json: Buffer.concat(parts.json) };
}

describe('the index streamed row by row', () => {
  it('is the same bytes from rows rendered where the documents were released (lone surrogates too)', () => {
    const odd = fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '¶', '\ud83d', '\ude00', '😀', '=', '1') });
    const oddIndex = index.chain((ix) => fc.tuple(fc.constant(ix), fc.array(odd, { minLength: ix.rows.length, maxLength: ix.rows.length }), fc.nat(4)));
    fc.assert(
      fc.property(oddIndex, ([ix, subjects, cut]) => {
        const withOdd = { ...ix, rows: ix.rows.map((r, i) => ({ ...r, subject: subjects[i]!, justification: `${subjects[i]!}${r.justification}` })) };
        const s = streamedRendered(withOdd, Math.min(cut, withOdd.rows.length));
        expect(s.json.equals(Buffer.from(renderIndexJson(withOdd), 'utf8'))).toBe(true);
        expect(s.csv.equals(Buffer.from(renderIndexCsv(withOdd), 'utf8'))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('takes rendered rows only when it writes no PDF or spreadsheet', () => {
    const head: Omit<VaughnIndex, 'rows'> = { format: INDEX_FORMAT, case: null, asOf: null, profile: 'public', documents: 0 };
    expect(new IndexStreamer(head, 0, { csv: () => {}, json: () => {} }).takesRendered).toBe(true);
    const withPdf = new IndexStreamer(head, 0, { csv: () => {}, pdf: () => {} });
    expect(withPdf.takesRendered).toBe(false);
    expect(() => withPdf.addRendered(renderRows([]), 1)).toThrow(/rendered/);
  });

  it('is byte for byte the whole-index CSV, JSON (JSON.stringify of the index) and PDF', async () => {
    await fc.assert(
      fc.asyncProperty(index, async (ix) => {
        const s = await streamed(ix);
        expect(s.json.toString('utf8')).toBe(`${JSON.stringify(ix, null, 2)}\n`);
        expect(s.json.toString('utf8')).toBe(renderIndexJson(ix));
        expect(s.csv.toString('utf8')).toBe(renderIndexCsv(ix));
        expect(s.pdf.equals(Buffer.from(await renderIndexPdf(ix)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('writes a PDF of many pages that pdftotext reads with every row and its page numbers', async () => {
    const rows: IndexRow[] = Array.from({ length: 400 }, (_, i) => ({
      no: i + 1, document: `09DOC${i}`, stem: `s${Math.floor(i / 3)}`, docNumber: null, date: '2009-01-01', subject: 'SUBJECT', fromTo: null, pages: 2,
      disposition: 'release-in-part', portion: `p${i}`, kind: 'withheld', location: { page: 1, paragraph: `¶${i}`, line: i }, authority: ['B1'], exemptions: '(b)(1)', rule: 'public/classified',
      justification: `Justification of row ${i + 1}.`, segregability: 'All reasonably segregable information has been released.',
    }));
    const bytes = await renderIndexPdf({ format: INDEX_FORMAT, case: null, asOf: '2010-12-01', profile: 'public', documents: 134, rows });
    const file = path.join(tmp('vaughn-stream'), 'index.pdf');
    writeFileSync(file, bytes);
    const read = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = read.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
    for (const r of rows) expect(read).toContain(`Justification of row ${r.no}.`);
    expect(read).toContain('400 withholding(s) in 134 document(s)');
  });
});

describe('the index of a release', () => {
  it('comes without a PDF when the release writes no PDFs', () => {
    const out = path.join(tmp('vaughn-text'), 'out');
    const r = runBin(['release', path.join(REPO, 'samples'), '-p', 'public', '-o', out, '--as-of', '2010-12-01', '--formats', 'text,diff']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^  release\/index\.csv, release\/index\.json: Vaughn index of \d+ withholding\(s\)$/m);
    expect(readdirSync(path.join(out, 'release')).filter((n) => n.startsWith('index.')).sort()).toEqual(['index.csv', 'index.json']);
  });
});

describe('a release index above the PDF row limit', () => {
  it('leaves the PDF out with a notice unless asked for; audit passes either way', async () => {
    const out = path.join(tmp('vaughn-limit'), 'out');
    expect(runBin(['release', path.join(REPO, 'samples'), '-p', 'public', '-o', out, '--as-of', '2010-12-01', '--formats', 'text', '-q', '--no-index']).code).toBe(0);
    const written = await writeVaughnIndex(out, { pdfRowLimit: 10 });
    expect(written.files).toEqual(['release/index.csv', 'release/index.json']);
    expect(written.notices).toEqual([expect.stringMatching(new RegExp(`^the Vaughn index has ${written.rows} rows, more than 10: its PDF was left out .*--format pdf writes it\\)$`))]);
    expect(readdirSync(path.join(out, 'release')).filter((n) => n.startsWith('index.')).sort()).toEqual(['index.csv', 'index.json']);
    expect(runBin(['audit', out, '-q']).code).toBe(0);
    const asked = path.join(tmp('vaughn-limit-asked'), 'out');
    cpSync(out, asked, { recursive: true });
    const all = await writeVaughnIndex(asked, { formats: ['csv', 'json', 'pdf'], pdfRowLimit: 10 });
    expect(all.notices).toEqual([]);
    expect(all.files).toEqual(['release/index.csv', 'release/index.json', 'release/index.pdf']);
    expect(readFileSync(path.join(asked, 'release/index.csv'))).toEqual(readFileSync(path.join(out, 'release/index.csv')));
    expect(runBin(['audit', asked, '-q']).code).toBe(0);
  });
});
