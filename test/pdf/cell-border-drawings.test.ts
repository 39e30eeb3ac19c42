/**
 * A table's cell border cuts the row however it is drawn (probe 60e): `(U) UQCELLC open` and an
 * unmarked `ZQCELLD unmarked` 6 pt apart on one row (closer than a column gutter) were one (U)
 * line, and ZQCELLD was released, unless the border between them was a path of its own. Each
 * drawing kind below draws that border otherwise: the grid stroked as one path, a stroked
 * rectangle per cell, a stretched thin image, an even-odd ring per cell (Chromium's inset
 * box-shadow), a ring wound the other way, a thin quad among other subpaths. And a rule that
 * crosses one row's line and nothing else cuts it too: a one-row table's lone column rule draws
 * as a breadcrumb's CSS separator does, and passing it released the unmarked cell (probe 61b);
 * the (U) breadcrumb is withheld after its first piece. Release PDFs are checked with pdftotext
 * and pdf.js.
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

/** A rectangle as a closed subpath of lines, counter-clockwise (or clockwise when `cw`). */
function box(x0: number, y0: number, x1: number, y1: number, cw = false): string {
  return cw ? `${x0} ${y0} m ${x0} ${y1} l ${x1} ${y1} l ${x1} ${y0} l h` : `${x0} ${y0} m ${x1} ${y0} l ${x1} ${y1} l ${x0} ${y1} l h`;
}

/** Where the cells stand: the row's baseline, the cells' left, the border between them, their right; the border's bottom and top. */
interface Grid {
  readonly y: number;
  readonly x0: number;
  readonly mid: number;
  readonly x1: number;
  readonly lo: number;
  readonly hi: number;
}

/** How the border between the two cells (and the others) is drawn. */
const DRAWINGS: Record<string, (g: Grid) => string> = {
  'one stroked segment per edge (control)': (g) => `1 w ${g.mid} ${g.lo} m ${g.mid} ${g.hi} l S`,
  'the grid stroked as one path': (g) => `1 w ${g.x0} ${g.hi} m ${g.x1} ${g.hi} l ${g.x0} ${g.lo} m ${g.x1} ${g.lo} l ${g.x0} ${g.lo} m ${g.x0} ${g.hi} l ${g.mid} ${g.lo} m ${g.mid} ${g.hi} l ${g.x1} ${g.lo} m ${g.x1} ${g.hi} l S`,
  'a stroked rectangle per cell': (g) => `1 w ${g.x0} ${g.lo} ${g.mid - g.x0} ${g.hi - g.lo} re S ${g.mid} ${g.lo} ${g.x1 - g.mid} ${g.hi - g.lo} re S`,
  'a thin image stretched along the border': (g) => `q 0.5 0 0 ${g.hi - g.lo} ${g.mid - 0.25} ${g.lo} cm /Im1 Do Q`,
  'an even-odd ring per cell (inset box-shadow)': (g) => `q 0 g ${box(g.x0, g.lo, g.mid, g.hi)} ${box(g.x0 + 0.75, g.lo, g.mid, g.hi)} f* ${box(g.mid, g.lo, g.x1, g.hi)} ${box(g.mid + 0.75, g.lo, g.x1, g.hi)} f* Q`,
  'a ring wound the other way (nonzero)': (g) => `q 0 g ${box(g.mid, g.lo, g.x1, g.hi)} ${box(g.mid + 0.75, g.lo, g.x1, g.hi, true)} f Q`,
  'a thin quad among other subpaths of one fill': (g) => `q 0 g ${g.x0} ${g.hi} ${g.x1 - g.x0} 0.75 re ${g.mid} ${g.lo} 0.75 ${g.hi - g.lo} re ${g.x0} ${g.lo} ${g.x1 - g.x0} 0.75 re f Q`,
};

/** A SECRET//NOFORN memo around `body` (content-stream text), with a thin gray image /Im1. */
async function memo(body: string[]): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const image = t.grayImage(1, 8, new Uint8Array(8).fill(40));
  t.page([
    'BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET',
    `BT /F1 12 Tf 1 0 0 1 72 720 Tm ${lit('(U) The table below lists the cells.')} Tj ET`,
    ...body,
    `BT /F1 12 Tf 1 0 0 1 72 560 Tm ${lit('(S//NF) ZQSECRETPARA other secret text.')} Tj ET`,
    'BT /F1 10 Tf 1 0 0 1 72 130 Tm (Classified By: John Smith, Director) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 118 Tm (Reason: 1.4\\(c\\)) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET',
    'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET',
  ].join('\n'), { xobjects: { Im1: image } });
  return t.doc.save({ useObjectStreams: false });
}

/** Two cells 6 pt apart on a row at y = 680, the border between them drawn by `draw` from 0.5 em below the baseline to 2 pt above the type. */
async function twoCells(draw: (g: Grid) => string, a: string, b: string): Promise<Uint8Array> {
  const y = 680;
  const mid = 72 + (await widthOf(a)) + 3;
  const x1 = mid + 3 + (await widthOf(b)) + 3;
  return memo([`BT /F1 12 Tf 1 0 0 1 72 ${y} Tm ${lit(a)} Tj 1 0 0 1 ${mid + 3} ${y} Tm ${lit(b)} Tj ET`, draw({ y, x0: 69, mid, x1, lo: y - 6, hi: y + 14 })]);
}

async function released(bytes: Uint8Array): Promise<string[]> {
  const { pdf, text, failed } = await releaseMemoPdf(bytes);
  expect(failed).toBe(0);
  return [(await pdfjsText(pdf!)).pages.join('\n'), popplerText(pdf!) ?? '', text!];
}

describe('a cell border cuts the row however it is drawn', () => {
  it.each(Object.keys(DRAWINGS))('%s: the unmarked cell beside a (U) cell is withheld', async (kind) => {
    const shown = await released(await twoCells(DRAWINGS[kind]!, '(U) UQCELLC open', 'ZQCELLD unmarked'));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ|unmarked/);
      expect(s).toMatch(/UQCELLC open/);
    }
  });
});

/** The breadcrumb's words and where a separator stands before some of them. */
const CRUMBS = ['(U) UQNAV Home', 'Reports', 'Station list', 'uqpublic tail words'];

/**
 * A (U) paragraph at y = 680 set as a breadcrumb: each of CRUMBS after the first 8 pt after the
 * one before, a filled rule 0.75 pt wide 4 pt before it, from 0.2 em below the baseline to 0.86
 * em above it (Chromium's `border-left` on an inline span: the font's content area); `extra`
 * draws more (given the rules' x).
 */
async function breadcrumb(extra: (xs: number[], y: number) => string[] = () => []): Promise<Uint8Array> {
  const y = 680;
  const text: string[] = [];
  const rules: string[] = [];
  const xs: number[] = [];
  let x = 72;
  for (const [k, s] of CRUMBS.entries()) {
    if (k > 0) {
      xs.push(x + 4);
      rules.push(`${x + 4} ${y - 2.5} 0.75 10.3 re`);
      x += 8;
    }
    text.push(`1 0 0 1 ${x.toFixed(2)} ${y} Tm ${lit(s)} Tj`);
    x += await widthOf(s);
  }
  return memo([`BT /F1 12 Tf ${text.join(' ')} ET`, `q 0 g ${rules.join(' ')} f Q`, ...extra(xs, y)]);
}

/**
 * A one-row table at y = 680 whose only border is the rule between its two cells (`border-right`
 * on the first cell, padding 0 2px): a filled rule 0.75 pt wide from 0.2 em below the baseline to
 * 0.86 em above it, 2 pt after cell `a`, cell `b` 2 pt after it. No level rule, no other row.
 */
async function loneRule(a: string, b: string): Promise<Uint8Array> {
  const y = 680;
  const mid = 72 + (await widthOf(a)) + 2;
  return memo([`BT /F1 12 Tf 1 0 0 1 72 ${y} Tm ${lit(a)} Tj 1 0 0 1 ${mid + 2.75} ${y} Tm ${lit(b)} Tj ET`, `q 0 g ${mid} ${y - 2.5} 0.75 10.3 re f Q`]);
}

describe('a rule crossing one row\'s line and nothing else still cuts it (fail closed)', () => {
  it('a one-row table whose only border is the rule between its cells: the unmarked cell is withheld (probe 61b, F1)', async () => {
    const shown = await released(await loneRule('(U) UQPUBLIC cell text here', 'ZQSECRETB hidden cell words'));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ|hidden cell/);
      expect(s).toMatch(/UQPUBLIC cell text here/);
    }
  });

  it('the same with an (S//NF) cell beside the (U) one: the (U) cell is released as its own portion (probe 61b, F2)', async () => {
    for (const [a, b] of [['(U) UQPUBLIC cell words', '(S//NF) ZQSECRETV secret cell'], ['(S//NF) ZQSECRETV secret cell', '(U) UQPUBLIC cell words']]) {
      const shown = await released(await loneRule(a!, b!));
      for (const s of shown) {
        expect(s).not.toMatch(/ZQ|secret cell/);
        expect(s).toMatch(/UQPUBLIC cell words/);
      }
    }
  });

  it('a (U) breadcrumb with CSS borders between its words is cut there too, its pieces after the first withheld as unmarked: its separators cannot be told from that one-row table\'s border (probe 60e c8; over-withholding, not a leak)', async () => {
    const shown = await released(await breadcrumb());
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ/);
      expect(s).toMatch(/UQNAV Home/);
      expect(s).not.toMatch(/Reports|Station|uqpublic/);
    }
  });
});

/**
 * A borderless table at y = 690 down 14 pt a row: each row's cells at 72 and at 6 pt after the
 * widest first cell, each cell one string (its spaces drawn) or, with `words`, a string a word
 * (no space drawn: every word leaves a hole).
 */
async function borderless(rows: [string, string][], words = false): Promise<Uint8Array> {
  let widest = 0;
  for (const [a] of rows) widest = Math.max(widest, await widthOf(a));
  const col = 72 + widest + 6;
  const body: string[] = [];
  for (const [k, cells] of rows.entries()) {
    const y = 690 - 14 * k;
    const shown: string[] = [];
    for (const [x, s] of [[72, cells[0]], [col, cells[1]]] as const) {
      if (!words) shown.push(`1 0 0 1 ${x.toFixed(2)} ${y} Tm ${lit(s)} Tj`);
      else {
        const ws = s.split(' ');
        for (let i = 0; i < ws.length; i++) shown.push(`1 0 0 1 ${(x + (i > 0 ? await widthOf(`${ws.slice(0, i).join(' ')} `) : 0)).toFixed(2)} ${y} Tm ${lit(ws[i]!)} Tj`);
      }
    }
    body.push(`BT /F1 12 Tf ${shown.join(' ')} ET`);
  }
  return memo(body);
}

describe('a borderless table: an unmarked cell after a (U) cell, closer than a gutter, its column lined up with the row above or below', () => {
  it.each([false, true])('words drawn apart: %s: the unmarked cells are withheld, the (U) cells released', async (words) => {
    const shown = await released(await borderless([['(U) UQNAME Name', 'ZQROLE Role'], ['(U) UQCELLC open', 'ZQCELLD unmarked'], ['(U) UQCELLE x', 'ZQCELLF unmarked too']], words));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ|unmarked|Role/);
      expect(s).toMatch(/UQCELLC open/);
      expect(s).toMatch(/UQNAME Name/);
    }
  });

  it.each([false, true])('words drawn apart: %s: (U) label and value rows (a label ending with a colon, its value a tab on) are released whole: a form field, not two cells (probe 61b, F4)', async (words) => {
    const shown = await released(await borderless([['(U) Office:', 'UQPUBLIC Affairs, Room 5'], ['(U) Phone:', 'UQPHONE 555-0100 during the day'], ['(U) Hours:', 'UQHOURS nine to five on weekdays']], words));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ/);
      expect(s).toMatch(/\(U\) Office:\s+UQPUBLIC Affairs, Room 5/);
      expect(s).toMatch(/\(U\) Phone:\s+UQPHONE 555-0100 during the day/);
      expect(s).toMatch(/\(U\) Hours:\s+UQHOURS nine to five on weekdays/);
    }
  });

  it('control: a mark alone before a tab narrower than a gutter (a hanging indent), lined up down the rows, stays with its text', async () => {
    const shown = await released(await borderless([['(U)', 'UQHANG one public item'], ['(U)', 'UQHANG two public item']]));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ/);
      expect(s).toMatch(/\(U\)\s+UQHANG one public item/);
      expect(s).toMatch(/\(U\)\s+UQHANG two public item/);
    }
  });

  it('control: a (U) paragraph whose lines have no wider hole than a word space is released whole', async () => {
    const shown = await released(await borderless([['(U) UQPARA the public team reviewed', 'the harbor visit and'], ['the report of the fleet', 'went out in the spring.']].map(([a, b]) => [`${a} ${b}`, ''] as [string, string]), true));
    for (const s of shown) {
      expect(s).not.toMatch(/ZQ/);
      expect(s).toMatch(/UQPARA the public team reviewed the harbor visit and\s+the report of the fleet went out in the spring\./);
    }
  });
});
