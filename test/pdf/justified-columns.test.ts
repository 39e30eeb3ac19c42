/**
 * A justified line of a narrow column set beside another column (probe 63b, finding 3): its
 * stretched word spaces, each wider than a column gutter, were cut as gutters, so a (U)
 * paragraph's first line fell apart: its mark released alone as `(U)`, its words and the rest of
 * the paragraph withheld as unmarked text under B1. A wide gap that the lines above and below do
 * not repeat is a word space; a table's columns, which repeat, still cut (fail closed).
 * Built with pdf-lib: each column drawn whole, the left one first (two flows side by side).
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdfLayout } from '../../src/pdf/index.js';
import { TestPdf } from './helpers/make.js';
import { releaseShown } from './helpers/release-memo.js';

const SIZE = 11;
const WIDTH = 200;

const lit = (s: string): string => `(${s.replace(/[()\\]/g, '\\$&')})`;

/** One line at (x, y), its spaces stretched (Tw) so that it ends at x + WIDTH when `justify`. */
function line(font: PDFFont, text: string, x: number, y: number, justify: boolean): string {
  const spaces = text.split(' ').length - 1;
  const tw = !justify || spaces === 0 ? 0 : (WIDTH - font.widthOfTextAtSize(text, SIZE)) / spaces;
  return `BT /F1 ${SIZE} Tf ${tw.toFixed(3)} Tw 60 0 Td ${x - 60} ${y} Td ${lit(text)} Tj ET`;
}

const HEAD = ['SECRET//NOFORN', 'Classified By: John Smith, Director', 'Derived From: Multiple Sources', 'Declassify On: 20411231'];
const LEFT = ['(S//NF) ZQJC7 covert liaison reporting on the', 'convoy ZQJC8 covert liaison reporting on', 'the convoy ZQJC9 covert liaison reporting', 'on the convoy ZQJC10 in full.'];

/** A SECRET memo: an (S//NF) column on the left, drawn first, then `right` 215 pt on; lines that end no sentence are justified. */
async function columns(right: string[], extra = ''): Promise<Uint8Array> {
  const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  const out = HEAD.map((t, i) => line(font, t, 60, 740 - 14 * i, false));
  LEFT.forEach((t, i) => out.push(line(font, t, 60, 670 - 13 * i, !t.endsWith('.'))));
  right.forEach((t, i) => out.push(line(font, t, 275, 670 - 13 * i, !t.endsWith('.'))));
  out.push(extra, line(font, 'SECRET//NOFORN', 60, 40, false));
  const t = await TestPdf.create();
  t.page(out.join('\n'));
  return t.doc.save({ useObjectStreams: false });
}

describe('a justified line beside another column', () => {
  it('keeps its stretched word spaces: the (U) paragraph is released whole, its mark with its words', async () => {
    const bytes = await columns(['(U) UQJC1 public harbor', 'schedule review for shipping at the port and', 'the harbor master office each week during', 'the season.']);
    expect((await readPdfLayout(bytes)).text).toMatch(/\(U\) UQJC1 public harbor schedule review/);
    const { text, shown } = await releaseShown(bytes, /ZQJC/);
    expect(text.match(/\[WITHHELD/g)).toHaveLength(1);
    expect(text).not.toMatch(/^\(U\)\s*$/m);
    for (const s of shown) expect(s.replace(/\s+/g, ' ')).toMatch(/UQJC1 public harbor schedule review for shipping/);
  });

  it('is cut where the row below repeats its gaps (a table), even when they are alike (fail closed)', async () => {
    const bytes = await columns(['(U) UQJC2 ZQJC3 ZQJC4', '(U) UQJC5 ZQJC6 ZQJC2']);
    const { text, shown } = await releaseShown(bytes, /ZQJC/);
    expect(text).toContain('UQJC2');
    for (const s of shown) expect(s).toContain('UQJC5');
  });

  it('keeps the stretched space of a two-word line over a last line with a footnote reference', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    // `patterns.` then a raised 7 pt `1`: the reference's row lies nearer than its line's.
    const ref = `BT /F1 7 Tf 4 Ts ${275 + font.widthOfTextAtSize('patterns.', SIZE)} ${670 - 26} Td (1) Tj ET`;
    const bytes = await columns(['(U) UQJC11 the quarter noting a very', 'consistent representational', 'patterns.'], ref);
    expect((await readPdfLayout(bytes)).text).toMatch(/very consistent representational patterns/);
    const { text } = await releaseShown(bytes, /ZQJC/);
    expect(text.match(/\[WITHHELD/g)).toHaveLength(1);
  });
});
