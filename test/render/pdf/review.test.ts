/** The review ("diffed") PDF read back: the whole original, the summary, the marking on every page. */
import { describe, expect, it } from 'vitest';
import { renderReviewPdf } from '../../../src/render/pdf/index.js';
import type { ReviewView } from '../../../src/types.js';
import { firstMissingInOrder, normaliseWords } from '../../helpers/leak.js';
import { extractPdfText, hasPdftotext, pdftotext } from '../../helpers/pdf-text.js';
import { PAGE_HEADER, SEED_REF, SEED_SUMMARY, seedReview, wrappedReview } from './fixtures.js';

const MARK = 'REVIEW COPY - NOT FOR RELEASE';

/** Lines the review copy adds around the original: markings, page numbers, decision notes. */
function isAddedLine(line: string, view: ReviewView): boolean {
  const t = line.trim().replace(/\s+/g, ' ');
  if (t.includes(MARK)) return true;
  if (t === view.ref || /^(\S+ )?Page \d+ of \d+$/.test(t)) return true;
  if (/^\[(WITHHELD|RELEASED IN PART|DECLASSIFIED)\]/.test(t)) return true;
  return view.lines.some((l) => l.note !== undefined && t.startsWith(l.note));
}

/** The text of the pages after the summary, without what the review copy adds. */
function originalPart(pages: readonly string[], view: ReviewView): string {
  return pages
    .slice(1)
    .map((p) => p.split('\n').filter((l) => !isAddedLine(l, view)).join('\n'))
    .join('\n');
}

const lineTexts = (view: ReviewView): string[] => view.lines.map((l) => l.runs.map((r) => r.text).join(''));

describe.each([
  ['08BERLIN173 (seed form), Letter', seedReview, 'letter'],
  ['08BERLIN173 wrapped, with page furniture, A4', wrappedReview, 'a4'],
] as const)('review PDF: %s', (_name, make, pageSize) => {
  const view = make();

  it('holds every line of the original, in order (pdf.js)', async () => {
    const { bytes, pages } = await renderReviewPdf(view, { pageSize });
    const pdf = await extractPdfText(bytes);
    expect(pdf.pages).toHaveLength(pages);
    const lines = lineTexts(view);
    const body = originalPart(pdf.pages, view);
    expect(firstMissingInOrder(lines, body)).toBe(-1);
    // And nothing but those lines: the words match one for one.
    expect(normaliseWords(body)).toEqual(normaliseWords(lines.join('\n')));
  });

  it.skipIf(!hasPdftotext())('holds every line of the original, in order (pdftotext)', async () => {
    const { bytes } = await renderReviewPdf(view, { pageSize });
    const text = pdftotext(bytes)!;
    const body = originalPart(text.split('\f'), view);
    expect(firstMissingInOrder(lineTexts(view), body)).toBe(-1);
  });

  it('starts with a summary page of the view’s summary and a legend', async () => {
    const pdf = await extractPdfText((await renderReviewPdf(view, { pageSize })).bytes);
    const first = pdf.pages[0]!;
    expect(first).toContain(`RELEASE REVIEW: ${SEED_REF}`);
    expect(first).toContain('LEGEND');
    expect(firstMissingInOrder(SEED_SUMMARY.flat(), first)).toBe(-1);
  });

  it('marks every page top and bottom with the classification and REVIEW COPY - NOT FOR RELEASE', async () => {
    const pdf = await extractPdfText((await renderReviewPdf(view, { pageSize })).bytes);
    pdf.pages.forEach((page, i) => {
      const marks = page.split('\n').filter((l) => l.trim() === `CONFIDENTIAL \u2014 ${MARK}`);
      expect(marks, `page ${i + 1}`).toHaveLength(2);
      expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pdf.pages.length}`));
    });
  });

  it('prints each decision note, and has review metadata only', async () => {
    const pdf = await extractPdfText((await renderReviewPdf(view, { pageSize })).bytes);
    for (const l of view.lines) if (l.note) expect(pdf.text).toContain(l.note);
    expect(pdf.info.Title).toBe(`${MARK}: ${view.title}`);
    expect(pdf.info.Subject).toBe(`CONFIDENTIAL - ${MARK}`);
    for (const key of ['Producer', 'Creator', 'CreationDate', 'ModDate']) expect(pdf.info[key]).toBeUndefined();
    expect(pdf.metadata).toBeNull();
  });

  it('is byte-identical when rendered twice', async () => {
    const a = await renderReviewPdf(make(), { pageSize });
    const b = await renderReviewPdf(make(), { pageSize });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});

describe('review PDF details', () => {
  it('shows page furniture of the original and says where a portion continues after it', async () => {
    const pdf = await extractPdfText((await renderReviewPdf(wrappedReview())).bytes);
    const text = pdf.text.replace(/ +/g, ' ');
    const at = text.indexOf(PAGE_HEADER.replace(/ +/g, ' '));
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at)).toMatch(/p2: WITHHELD B1, 1\.4\(B\), 1\.4\(D\) \[public\/classified\] \(continued\)/);
  });

  it('uses the view’s classification, however long, in the marking', async () => {
    const view: ReviewView = { ...seedReview(), classification: 'TOP SECRET//SI//TK//ORCON/NOFORN' };
    const pdf = await extractPdfText((await renderReviewPdf(view)).bytes);
    for (const page of pdf.pages) expect(page).toContain(`TOP SECRET//SI//TK//ORCON/NOFORN \u2014 ${MARK}`);
  });

  it('renders a view with no lines and no summary: the summary page and one empty text page', async () => {
    const view: ReviewView = { classification: 'UNCLASSIFIED', ref: 'X', title: 'X', summary: [], lines: [] };
    const out = await renderReviewPdf(view);
    expect(out.pages).toBe(2);
    expect(out.diagnostics).toEqual([]);
  });
});
