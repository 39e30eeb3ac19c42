/**
 * Lines cut wrongly, or read on wrongly (probe 58b, finding 2; probe 58f):
 * - a justified line of two words (`infrastructure           characteristically`), its one
 *   stretched space wider than a column gutter, was cut in two, and the rest of its (U) paragraph
 *   was read as unmarked text, withheld under B1; a real gutter (repeating down the rows) still cuts;
 * - the top of the next column is never read as the rest of the paragraph above (probe 58f: an
 *   unmarked paragraph opening a column of a SECRET document was released as (U)).
 * Release PDFs are checked with pdf.js and pdftotext.
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdfLayout } from '../../src/pdf/index.js';
import { TestPdf } from './helpers/make.js';
import { pdfjsText, popplerText } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

const SIZE = 11;

async function helvetica(): Promise<PDFFont> {
  return (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
}

/** PDF string literal of `s`. */
const lit = (s: string): string => `(${s.replace(/[()\\]/g, '\\$&')})`;

/** One line at (x, y), its spaces stretched (Tw) so that it ends at x + width when `width` is given. */
function line(font: PDFFont, text: string, x: number, y: number, width?: number): string {
  const spaces = text.split(' ').length - 1;
  const tw = width === undefined || spaces === 0 ? 0 : (width - font.widthOfTextAtSize(text, SIZE)) / spaces;
  return `BT /F1 ${SIZE} Tf ${tw.toFixed(3)} Tw 60 0 Td ${x - 60} ${y} Td ${lit(text)} Tj ET`;
}

const HEAD = ['SECRET//NOFORN', 'Classified By: John Smith, Director', 'Derived From: Multiple Sources', 'Declassify On: 20411231'];

async function pdfOf(lines: string[]): Promise<Uint8Array> {
  const t = await TestPdf.create();
  t.page(lines.join('\n'));
  return t.doc.save({ useObjectStreams: false });
}

/** A SECRET memo with a justified (U) paragraph whose third line holds two words, then an (S//NF) paragraph. */
async function justifiedMemo(): Promise<Uint8Array> {
  const font = await helvetica();
  const para = ['(U) The released internationalization of the', 'counterproliferation telecommunications work', 'infrastructure characteristically', 'necessitates comprehensive and careful', 'reviews of the program.'];
  const width = Math.max(...para.map((t) => font.widthOfTextAtSize(t, SIZE))) + 6;
  const out = HEAD.map((t, i) => line(font, t, 60, 740 - 14 * i));
  para.forEach((t, i) => out.push(line(font, t, 60, 670 - 13 * i, i < para.length - 1 ? width : undefined)));
  out.push(line(font, '(S//NF) The ZQJUST41 relay is withheld ZQJUST41X.', 60, 590));
  out.push(line(font, 'SECRET//NOFORN', 60, 40));
  return pdfOf(out);
}

/**
 * Two columns whose rows have one space glyph in the gutter (a trailing space): a (U) paragraph on
 * the left, an (S//NF) one on the right whose further lines carry no mark.
 */
async function twoColumns(): Promise<Uint8Array> {
  const font = await helvetica();
  const left = ['(U) The left column is', 'released in full and', 'reads down its lines'];
  const right = ['(S//NF) The right column', 'ZQGUTTER7 stays withheld', 'ZQGUTTER8 here as well'];
  const out = HEAD.map((t, i) => line(font, t, 60, 740 - 14 * i));
  left.forEach((t, i) => out.push(`BT /F1 ${SIZE} Tf ${60} ${670 - 13 * i} Td ${lit(`${t} `)} Tj ${250 - 60} 0 Td ${lit(right[i]!)} Tj ET`));
  out.push(line(font, 'SECRET//NOFORN', 60, 40));
  return pdfOf(out);
}

/** A table's two rows of two cells each, the cells 2 pt apart; `cells` row by row. */
async function shown(pdf: Uint8Array): Promise<string[]> {
  return [(await pdfjsText(pdf)).pages.join('\n'), popplerText(pdf) ?? ''];
}

describe('a justified line of two words', () => {
  it('stays one line of its paragraph, which is released whole', async () => {
    const bytes = await justifiedMemo();
    expect((await readPdfLayout(bytes)).text).toMatch(/telecommunications work infrastructure characteristically necessitates/);
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(0);
    expect(text).toMatch(/infrastructure characteristically necessitates comprehensive and careful reviews of the program\./);
    expect(text!.match(/\[WITHHELD/g)).toHaveLength(1);
    for (const t of [...(await shown(pdf!)), text!]) {
      expect(t).toContain('characteristically');
      expect(t).not.toMatch(/ZQJUST41/);
    }
  });

  it('is cut at a gutter that repeats down the rows, even with a space glyph in it (fail closed)', async () => {
    const bytes = await twoColumns();
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(0);
    expect(text).toContain('reads down its lines');
    for (const t of [...(await shown(pdf!)), text!]) {
      expect(t).toContain('released in full');
      expect(t).not.toMatch(/ZQGUTTER|right column/);
    }
  });
});

/**
 * A page of two columns: an (U) paragraph in the left one, its last line `last`, that runs on into
 * the right one (`top` its first line), then an (S//NF) paragraph there.
 */
async function runOn(last: string, top: string): Promise<Uint8Array> {
  const font = await helvetica();
  const left = ['(U) Visitors should park in the north lot and', 'bring photo identification to the front desk,', last];
  const right = [top, 'the north lot near the gate.', '', '(S//NF) ZQRUNON5 relay is withheld.'];
  // Both columns justified to one width (the lines that end a paragraph are not stretched).
  const width = Math.max(...[...left, top].map((t) => font.widthOfTextAtSize(t, SIZE))) + 4;
  const out = HEAD.map((t, i) => line(font, t, 60, 740 - 14 * i));
  left.forEach((t, i) => out.push(line(font, t, 60, 670 - 13 * i, t.endsWith('.') ? undefined : width)));
  right.forEach((t, i) => t && out.push(line(font, t, 330, 670 - 13 * i, i === 0 ? width : undefined)));
  out.push(line(font, 'SECRET//NOFORN', 60, 40));
  return pdfOf(out);
}

describe('a paragraph that runs on into the next column', () => {
  // Read on, a lower-case block at the top of the next column was taken for the paragraph's
  // rest: an unmarked paragraph opening a column of a SECRET document was released as (U) (probe
  // 58f). Whether it is the rest or another paragraph cannot be told with certainty: withheld.
  it('is not read on across the column break: the top of the next column is unmarked text, withheld (fail closed)', async () => {
    const bytes = await runOn('where staff will issue a temporary visitor', 'badge ZQRUNON4 for the day. Visitors should park in');
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(0);
    for (const t of [...(await shown(pdf!)), text!]) {
      // Justified lines: pdf.js gives their stretched spaces as runs of blanks.
      expect(t.replace(/\s+/g, ' ')).toContain('photo identification');
      expect(t).not.toMatch(/ZQRUNON|near the gate/);
    }
  });

  it('stays apart after a sentence end: the next column opens unmarked text, withheld (fail closed)', async () => {
    const bytes = await runOn('where staff will issue a badge for the day.', 'badge text ZQRUNON6 of another kind, in');
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(0);
    for (const t of [...(await shown(pdf!)), text!]) {
      expect(t).toContain('photo identification');
      expect(t).not.toMatch(/ZQRUNON|near the gate/);
    }
  });
});
