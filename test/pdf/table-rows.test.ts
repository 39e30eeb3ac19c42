/**
 * A table's unmarked cell under a (U) cell (probe 58f, F3). A cell on a row whose other cell opens
 * with its own mark (`(U) Bravo Jones` | `ZQCELLD unmarked role`) begins a new table row: it was
 * read as the wrap of the (U) cell above (or, 1 em from its row's (U) cell, as that cell's words)
 * and released. It is a portion of its own now: unmarked, withheld in a SECRET document. A (U)
 * cell that really wraps onto a second line, the cells beside that line empty, is released whole.
 * Release PDFs are checked with pdftotext and pdf.js.
 */
import { describe, expect, it } from 'vitest';
import { TestPdf } from './helpers/make.js';
import { pdfjsText, popplerText } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

/** PDF string literal of `s`. */
const lit = (s: string): string => `(${s.replace(/[()\\]/g, '\\$&')})`;

/** A SECRET//NOFORN memo with a table: `rows` of [x, text] cells, 14 pt apart from y = 670, then an (S//NF) line. */
async function table(rows: [number, string][][]): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const out = ['BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET', `BT /F1 12 Tf 1 0 0 1 72 700 Tm ${lit('(U) The table below lists the delegation members.')} Tj ET`];
  rows.forEach((cells, r) => out.push(`BT /F1 12 Tf ${cells.map(([x, s]) => `1 0 0 1 ${x} ${670 - 14 * r} Tm ${lit(s)} Tj`).join(' ')} ET`));
  out.push(
    `BT /F1 12 Tf 1 0 0 1 72 600 Tm ${lit('(S//NF) ZQSECRETPARA other secret text.')} Tj ET`,
    'BT /F1 10 Tf 1 0 0 1 72 130 Tm (Classified By: John Smith, Director) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 118 Tm (Reason: 1.4\\(c\\)) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET',
    'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET',
  );
  t.page(out.join('\n'));
  return t.doc.save({ useObjectStreams: false });
}

async function released(bytes: Uint8Array): Promise<string[]> {
  const { pdf, text, failed } = await releaseMemoPdf(bytes);
  expect(failed).toBe(0);
  return [(await pdfjsText(pdf!)).pages.join('\n'), popplerText(pdf!) ?? '', text!];
}

describe('an unmarked cell on a table row whose first cell opens with a mark', () => {
  it('cells 1 em apart: the unmarked cell is withheld, the (U) cells released', async () => {
    const shown = await released(await table([
      [[72, '(U) Alpha Roberts'], [171, '(U) public spokesman']],
      [[72, '(U) Bravo Jones'], [171, 'ZQCELLD unmarked role']],
    ]));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ|unmarked role/);
      expect(s).toMatch(/public spokesman/);
      expect(s).toMatch(/Bravo Jones/);
    }
  });

  it('with list labels, the cells a gutter apart: the unmarked cell is withheld', async () => {
    const shown = await released(await table([
      [[72, '1.'], [100, '(S//NF) ZQLABELS source name'], [300, '(U) public role']],
      [[72, '2.'], [100, '(U) Public name'], [300, 'ZQLABELU unmarked role']],
    ]));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ|unmarked role/);
      expect(s).toMatch(/public role/);
      expect(s).toMatch(/Public name/);
    }
  });

  it.each([171, 300])('control: a (U) cell at x = %d wrapping onto a second line, the cell beside it empty, is released whole', async (x) => {
    const shown = await released(await table([
      [[72, '(U) Alpha Roberts'], [x, '(U) public spokesman for']],
      [[x, 'the delegation abroad']],
      [[72, '(U) Bravo Jones'], [x, '(U) press officer']],
    ]));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ/);
      expect(s).toMatch(/public spokesman for\s+the delegation abroad/);
      expect(s).toMatch(/press officer/);
    }
  });
});

describe('the cell cut beside a (U) cell, and the new-row test, after probe 59b', () => {
  it.each([
    ['a trailing space glyph', '(U) Bravo Jones ', 170],
    ['two trailing space glyphs', '(U) Bravo Jones  ', 170],
    ['the cell 0.17 em right of the mark above', '(U) Bravo Jones', 172],
    ['the cell 0.125 em left of the mark above', '(U) Bravo Jones', 168.5],
  ])('%s: the unmarked cell beside the (U) cell is withheld (F2)', async (_, first, x) => {
    const shown = await released(await table([
      [[72, '(U) Alpha Roberts'], [170, '(S//NF) ZQCELLA secret role']],
      [[72, first], [x, 'ZQCELLB unmarked role']],
    ]));
    for (const s of shown) {
      // The first row's cells, 5 pt apart and no mark on a row beside them, read as one (U) line
      // holding an (S//NF) mark: withheld whole, as before.
      expect(s).not.toMatch(/ZQ|unmarked role/);
      expect(s).toMatch(/Bravo Jones/);
    }
  });

  it('a (U) paragraph beside a column of one-line (U) items: its wrap lines are released with it (F5)', async () => {
    const shown = await released(await table([
      [[72, '(U) Item one public.'], [320, '(U) The right column public text']],
      [[72, '(U) Item two public.'], [320, 'PUBWRAPA goes on in the right column']],
      [[72, '(U) Item three public.'], [320, 'PUBWRAPB and ends here in public.']],
    ]));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ/);
      expect(s).toMatch(/PUBWRAPA goes on in the right column/);
      expect(s).toMatch(/PUBWRAPB and ends here in public\./);
      expect(s).toMatch(/Item three public\./);
    }
  });

  it('a (U) paragraph\'s first line, its words after a gap lined up with a mark mid-row above: released whole (F6)', async () => {
    const shown = await released(await table([
      [[72, '(U) Alpha'], [205, '(U) public tail of the line.']],
      [[72, '(U) The public sentence'], [205, 'continues with more public words in the line']],
      [[72, 'and still more public words of the same paragraph to the end.']],
    ]));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ/);
      expect(s).toMatch(/continues with more public words in the line/);
      expect(s).toMatch(/and still more public words of the same paragraph to the end\./);
    }
  });
});
