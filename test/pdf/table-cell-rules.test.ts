/**
 * Table cells closer than a column gutter, and a new table row under a `(U)` cell (probe 60c, F2,
 * F5). A drawn vertical rule crossing a row between two glyphs (a cell border: LibreOffice strokes
 * it, Chromium fills a thin quad) cuts the row: `(U) UQCELLC open | ZQCELLD unmarked`, 6 pt apart,
 * was one (U) line and released the unmarked cell; `(U) UQCELLA | (S//NF) ZQCELLB` was one (U)
 * portion raised to SECRET, and the (U) cell withheld under B1. A white rule cuts nothing. Without
 * borders, a cell under a `(U)` cell at its left edge, on a row whose first cell opens with a
 * classified mark, is a new row's cell, not the `(U)` cell's wrap, even where its first word would
 * not have fitted (the table's last column sets the edge of the page's text). Release PDFs are
 * checked with pdftotext and pdf.js.
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { TestPdf } from './helpers/make.js';
import { pdfjsText, popplerText } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

/** PDF string literal of `s`. */
const lit = (s: string): string => `(${s.replace(/[()\\]/g, '\\$&')})`;

/** The width of `s` in Helvetica at 12 pt. */
async function widthOf(s: string): Promise<number> {
  const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  return font.widthOfTextAtSize(s, 12);
}

/** How a cell border is drawn: stroked lines (LibreOffice), thin filled quads (Chromium), or white stroked lines (seen by no reader). */
type Rule = 'stroked' | 'filled' | 'white';

/** A vertical rule at `x` from `y0` to `y1`, drawn as `rule` says. */
function vertical(rule: Rule, x: number, y0: number, y1: number): string {
  if (rule === 'filled') return `q 0.5 g ${x} ${y0} m ${x} ${y1} l ${x + 0.75} ${y1} l ${x + 0.75} ${y0} l f Q`;
  return `q ${rule === 'white' ? '1 1 1 RG' : '0 0 0 RG'} 0.1 w ${x} ${y0} m ${x} ${y1} l S Q`;
}

/**
 * A SECRET//NOFORN memo with one-row bordered tables: each of `tables` two cells `gap` pt apart (a
 * vertical rule between them, and the table's outline), from y = 680 down 40 pt a table, between
 * (U) paragraphs.
 */
async function borderedMemo(tables: [string, string][], rule: Rule, gap = 6): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const out = ['BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET', `BT /F1 12 Tf 1 0 0 1 72 720 Tm ${lit('(U) The tables below list the cells.')} Tj ET`];
  for (let k = 0; k < tables.length; k++) {
    const [a, b] = tables[k]!;
    const y = 680 - 40 * k;
    const mid = 72 + (await widthOf(a)) + gap / 2;
    const end = mid + gap / 2 + (await widthOf(b)) + 3;
    out.push(
      `BT /F1 12 Tf 1 0 0 1 72 ${y} Tm ${lit(a)} Tj 1 0 0 1 ${mid + gap / 2} ${y} Tm ${lit(b)} Tj ET`,
      `q 0 0 0 RG 0.1 w 69 ${y - 6} m ${end} ${y - 6} l S 69 ${y + 14} m ${end} ${y + 14} l S Q`,
      vertical(rule === 'white' ? 'stroked' : rule, 69, y - 6, y + 14),
      vertical(rule, mid, y - 6, y + 14),
      vertical(rule === 'white' ? 'stroked' : rule, end, y - 6, y + 14),
    );
  }
  out.push(
    `BT /F1 12 Tf 1 0 0 1 72 560 Tm ${lit('(S//NF) ZQSECRETPARA other secret text.')} Tj ET`,
    'BT /F1 10 Tf 1 0 0 1 72 130 Tm (Classified By: John Smith, Director) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 118 Tm (Reason: 1.4\\(c\\)) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET',
    'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET',
  );
  t.page(out.join('\n'));
  return t.doc.save({ useObjectStreams: false });
}

/** A SECRET//NOFORN memo with a table without borders: `rows` of [x, text] cells, 12.6 pt apart from y = 670. */
async function plainTable(rows: [number, string][][]): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const out = ['BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET', `BT /F1 12 Tf 1 0 0 1 72 700 Tm ${lit('(U) UQT1 Table follows.')} Tj ET`];
  rows.forEach((cells, r) => out.push(`BT /F1 12 Tf ${cells.map(([x, s]) => `1 0 0 1 ${x} ${(670 - 12.6 * r).toFixed(1)} Tm ${lit(s)} Tj`).join(' ')} ET`));
  out.push(
    `BT /F1 12 Tf 1 0 0 1 72 600 Tm ${lit('(S//NF) ZQT0 Secret paragraph.')} Tj ET`,
    'BT /F1 10 Tf 1 0 0 1 72 130 Tm (Classified By: Director) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 118 Tm (Reason: 1.4\\(c\\)) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20411231) Tj ET',
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

describe('a drawn vertical rule between two cells closer than a gutter cuts the row', () => {
  it.each<Rule>(['stroked', 'filled'])('%s rules: the unmarked cell beside a (U) cell is withheld (F2)', async (rule) => {
    const shown = await released(await borderedMemo([['(U) UQCELLC open', 'ZQCELLD unmarked']], rule));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ|unmarked/);
      expect(s).toMatch(/UQCELLC open/);
    }
  });

  it.each<Rule>(['stroked', 'filled'])('%s rules: a (U) cell beside a classified one is released, the classified one withheld (F5)', async (rule) => {
    const shown = await released(await borderedMemo([
      ['(U) UQCELLA', '(S//NF) ZQCELLB sensitive'],
      ['(C) ZQCELL3 conf', '(U) UQCELL4'],
    ], rule));
    for (const s of shown) {
      expect(s).toMatch(/UQCELLA/);
      expect(s).toMatch(/UQCELL4/);
      expect(s).not.toMatch(/ZQ|sensitive|conf/);
    }
  });

  // A word space apart: a lone row's wider hole is cut as a borderless cell's (lines.ts loneRow).
  it('control: a white rule cuts nothing (a (U) row with a second run after it is released whole)', async () => {
    const shown = await released(await borderedMemo([['(U) UQCELLC open', 'UQMORE public words']], 'white', 3));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ/);
      expect(s).toMatch(/UQCELLC open\s+UQMORE public words/);
    }
  });
});

describe('a cell under a (U) cell on a row that opens with a classified mark (no borders)', () => {
  it('its first word would not have fitted after the cell above: it is a new row\'s cell, withheld (F2)', async () => {
    const shown = await released(await plainTable([
      [[72, '(U) UQC11 Name'], [306, '(U) UQC12 public']],
      [[72, '(C) ZQC21 conf cell'], [306, 'ZQC22 unmarked cell']],
    ]));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ|unmarked cell|conf cell/);
      expect(s).toMatch(/UQC11 Name/);
      expect(s).toMatch(/UQC12 public/);
    }
  });
});
