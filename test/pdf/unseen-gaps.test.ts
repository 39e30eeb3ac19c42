/**
 * What joined an (S) column's lines to the (U) lines beside them (bypass probe 56j):
 * - leader dots no reader sees (white, render mode 3, transparent) drawn down the gutter of a
 *   two-column memo, row by row: read as ink, they filled the gutter, each row was one line, and
 *   the (S) column's words were released in the (U) paragraph. Unseen text now fills no gap: it is
 *   a piece of its own, and the columns stay two;
 * - a table cell's last line justified to a black bar (`lot ■`) with the next cell's words right
 *   after the bar: the box bridged the gap because the (S//NF) paragraph's line 22 pt below (a
 *   paragraph gap, not the line pitch) was taken for the line below.
 * Each release is read back with pdf.js, pdftotext and a raw search of its streams.
 */
import { PDFDocument, PDFName, StandardFonts, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestPdf } from './helpers/make.js';
import { pdfjsText, popplerText, rawAndInflated } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

const SIZE = 10;
let helv: PDFFont;

beforeAll(async () => {
  helv = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
});

/** A PDF string literal of `s` (no brackets or backslashes in the tests' texts but marks' parentheses). */
const lit = (s: string): string => `(${s.replace(/[()\\]/g, (c) => `\\${c}`)})`;
const width = (s: string): number => helv.widthOfTextAtSize(s, SIZE);
const show = (x: number, y: number, s: string, state = ''): string => `BT /F1 ${SIZE} Tf ${state} ${x.toFixed(2)} ${y} Td ${lit(s)} Tj ET`;

const AUTHORITY = [show(72, 560, 'Classified By: John Smith, Director'), show(72, 548, 'Derived From: Multiple Sources'), show(72, 536, 'Declassify On: 20451231'), show(260, 40, 'SECRET//NOFORN')];

/** Releases `content` as a one-page memo and returns the texts an independent reader finds in it. */
async function released(content: string[]): Promise<{ txt: string; shown: string; poppler: string; raw: string }> {
  const t = await TestPdf.create();
  const page = t.page([show(260, 760, 'SECRET//NOFORN'), ...content, ...AUTHORITY].join('\n'));
  // /GSclear paints nothing: fill and stroke alpha 0.
  page.node.Resources()!.set(PDFName.of('ExtGState'), t.doc.context.obj({ GSclear: { Type: 'ExtGState', ca: 0, CA: 0 } }));
  const { pdf, text, failed } = await releaseMemoPdf(await t.doc.save({ useObjectStreams: false }));
  expect(failed).toBe(0);
  expect(pdf).not.toBeNull();
  return { txt: text ?? '', shown: (await pdfjsText(pdf!)).pages.join('\n'), poppler: popplerText(pdf!) ?? '', raw: rawAndInflated(pdf!) };
}

describe('unseen leader dots in a gutter', () => {
  const left = ['(U) The office is open all week', 'and visitors sign in at the desk', 'and parking is in the east lot.', 'and the canteen opens at noon.'];
  // A two-column memo: a (U) column, an (S) column's unmarked words at x 300, and leader dots
  // drawn in `state` (white, invisible) from each left line to the right column.
  const memo = (state: string) =>
    released([
      ...left.flatMap((l, i) => {
        const y = 700 - 12 * i;
        const x = 72 + width(l) + 3;
        let dots = '';
        while (width(`${dots} .`) < 300 - x - 9) dots += ' .';
        return [show(72, y, l), `q ${show(x, y, dots, state)} Q`, show(300, y, `ZEBRA${i + 1} more of the secret column`)];
      }),
      show(72, 600, '(S//NF) ZEBRA0 the source met the minister in the port city.'),
    ]);

  for (const [name, state] of [
    ['white', '1 g'],
    ['white RGB', '1 1 1 rg'],
    ['render mode 3 (invisible)', '3 Tr'],
    ['transparent', '/GSclear gs'],
  ] as const) {
    it(`keeps the columns apart when the dots are ${name}: the (S) column is not released`, async () => {
      const r = await memo(state);
      for (const t of [r.txt, r.shown, r.poppler, r.raw]) expect(t).not.toMatch(/ZEBRA|secret column|named the asset/);
      // The (U) column is released whole, its last line too.
      for (const t of [r.txt, r.shown]) expect(t.replace(/\s+/g, ' ')).toMatch(/The office is open all week.*canteen opens at noon/);
    });
  }

  it('still reads black dot leaders as ink (a table of contents line stays one line)', async () => {
    const r = await released([show(72, 700, '(U) Chapter one . . . . . . . . . . . . . . . . . . . . . . . . . . . . 12'), show(72, 600, '(S//NF) ZEBRA0 the source met the minister.')]);
    expect(r.txt).toMatch(/\(U\) Chapter one[ .]+12/);
    for (const t of [r.txt, r.shown, r.poppler, r.raw]) expect(t).not.toMatch(/ZEBRA/);
  });
});

describe('a box at the end of a table cell’s last line', () => {
  /** Words set from `x0` to `x1` at `y`, spaced evenly (a justified line). */
  const justified = (words: string[], x0: number, x1: number, y: number): string[] => {
    const gap = (x1 - x0 - words.reduce((s, w) => s + width(w), 0)) / (words.length - 1);
    let x = x0;
    return words.map((w) => {
      const op = show(x, y, w);
      x += width(w) + gap;
      return op;
    });
  };
  /** A (U) cell of three justified lines from x 100 to 300, one ending at `bar` in a black bar to the cell's edge with the next cell's words after it. */
  const cell = (bar: 'last' | 'middle', below: number) => {
    const lines = ['(U) The office is open all week and visitors', 'sign in at the desk and parking is in the east', 'lot and the canteen opens at noon on weekdays'];
    const k = bar === 'last' ? 2 : 1;
    const y = 700 - 12 * k;
    return released([
      ...lines.flatMap((l, i) => (i === k ? [] : justified(l.split(' '), 100, 300, 700 - 12 * i))),
      show(100, y, lines[k]!.split(' ')[0]!),
      // The bar (Chromium's inline-block, black) from the word space after the word to the cell's edge.
      `0 g 121.7 ${y - 3} 178 12 re f`,
      show(300, y, 'ZEBRA1 at home and named the asset.'),
      show(100, 676 - below, '(S//NF) ZEBRA0 the source met the minister in the port city of the north.'),
    ]);
  };

  it('does not join the next cell’s words to the (U) line when the line below is a paragraph gap away', async () => {
    const r = await cell('last', 22.5);
    for (const t of [r.txt, r.shown, r.poppler, r.raw]) expect(t).not.toMatch(/ZEBRA|named the asset/);
    expect(r.txt).toContain('(U) The office is open all week');
  });

  it('does not join them when the bar ends a line inside the cell: the words run past the lines above and below', async () => {
    const r = await cell('middle', 22.5);
    for (const t of [r.txt, r.shown, r.poppler, r.raw]) expect(t).not.toMatch(/ZEBRA|named the asset/);
    expect(r.txt).toContain('(U) The office is open all week');
  });
});

describe('a publisher box in a paragraph’s first line', () => {
  it('still bridges the gap: the words after it are the (U) paragraph’s, the paragraph above a paragraph gap away', async () => {
    const r = await released([
      show(72, 700, '(U) The ceremony was held in the main auditorium on Friday and was attended by many.'),
      show(72, 676, '(U) Mr.'),
      `0 g ${(72 + width('(U) Mr.') + 3).toFixed(2)} 673 60 13 re f`,
      show(72 + width('(U) Mr.') + 66, 676, 'welcomed the winners and guests and gave a short history'),
      show(72, 664, 'of the awards and of the people who have won them over the last twenty years.'),
      show(72, 630, '(S//NF) ZEBRA0 the source met the minister.'),
    ]);
    expect(r.txt.replace(/\s+/g, ' ')).toContain('(U) Mr. welcomed the winners and guests and gave a short history of the awards');
    for (const t of [r.txt, r.shown, r.poppler, r.raw]) expect(t).not.toMatch(/ZEBRA/);
  });
});
