/**
 * An object defined twice, the cross-reference table pointing to the first (probe 64b, F3). The
 * parser reads front to back, so the last definition won: declass read and released another page
 * than every viewer shows (pdf.js, pdftotext, Ghostscript), and nothing said. Such a file is refused
 * in one line naming the object; an ordinary file (one definition each) is read as before.
 */
import { describe, expect, it } from 'vitest';
import { PDFName, PDFRef } from 'pdf-lib';
import { readPdfLayout } from '../../src/pdf/layout/index.js';
import { PdfInputError } from '../../src/pdf/errors.js';
import { memoLines, TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

const esc = (s: string): string => s.replace(/[()\\]/g, '\\$&');
const content = (lines: string[]): string => lines.map((l, i) => `BT /F1 11 Tf 60 ${740 - 18 * i} Td (${esc(l)}) Tj ET`).join('\n');

/** The memo, with a second definition of its content stream (other text) put after the first, before `xref`. */
async function swapped(): Promise<{ bytes: Uint8Array; num: number }> {
  const t = await TestPdf.create();
  const page = t.page(content(memoLines('ZQHERON')));
  const ref = page.node.get(PDFName.of('Contents')) as PDFRef;
  const plain = Buffer.from(await t.save()).toString('latin1');
  const body = content(['SECRET//NOFORN', '(U) UQ78 harmless line here.', '(S//NF) ZQ79 other secret.', 'Classified By: John Smith, Director', 'Derived From: Multiple Sources', 'Declassify On: 20301231']);
  const second = `${ref.objectNumber} 0 obj\n<< /Length ${body.length} >>\nstream\n${body}\nendstream\nendobj\n`;
  const xref = plain.lastIndexOf('\nxref') + 1;
  const out = plain.slice(0, xref) + second + plain.slice(xref).replace(/startxref\s+\d+/, `startxref\n${xref + second.length}`);
  return { bytes: Buffer.from(out, 'latin1'), num: ref.objectNumber };
}

describe('an object defined twice, the table pointing to the first', () => {
  it('is refused in one line naming the object, and nothing is released', async () => {
    const { bytes, num } = await swapped();
    const err = await readPdfLayout(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfInputError);
    expect((err as Error).message).toBe(`object ${num} is defined more than once and the cross-reference table points to an earlier definition than the last: viewers and declass would read different documents`);
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(1);
    expect(pdf).toBeNull();
    expect(text).toBeNull();
  });

  it('an ordinary file of the same memo is read', async () => {
    const t = await TestPdf.create();
    t.page(content(memoLines('ZQHERON')));
    const layout = await readPdfLayout(await t.save());
    expect(layout.text).toContain('(U) This memorandum summarizes');
  });
});
