/**
 * A table's cell under a `(U)` heading cell when the rows do not both open with marks (probe 66b,
 * F1): an unmarked `Class` heading, a blank corner cell, an unmarked row label. `Class | (U) Status
 * UQ2` over `(S//NF) | Active ZQ2` released `(U) Status UQ2 Active ZQ2`: the lower cell was read as
 * the heading cell's wrap. A drawn border between the rows (Chromium: a 1 pt filled rectangle per
 * cell edge; a stroked line), or a row that opens with a mark above U under a row whose first cell
 * lies at the same left edge, opens a new table row: the cell is a portion of its own (unmarked:
 * withheld in a SECRET document). An underlined `(U)` line's wrap stays with it.
 * Release text, pdftotext and pdf.js of the release PDF are checked.
 */
import { describe, expect, it } from 'vitest';
import { TestPdf } from './helpers/make.js';
import { releaseShown } from './helpers/release-memo.js';

const lit = (s: string): string => `(${s.replace(/[()\\]/g, '\\$&')})`;

/** Column left edges (pt) and each column's right edge; rows 18 pt apart from y = 660. */
const COLS = [72, 130, 250];
const RIGHT = [124, 244, 360];

/**
 * A SECRET//NOFORN memo with a table of `rows` (a cell per column, '' for none), 11 pt Helvetica,
 * its borders drawn as `borders` says: 'filled' (1 pt rectangles per cell edge, as Chromium), 'stroked'
 * (one grid path, `m l … S`), or 'none'; each cell's text `pad` pt right of its left border.
 */
async function table(rows: string[][], borders: 'filled' | 'stroked' | 'none', pad = 3): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const out = ['BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET', `BT /F1 11 Tf 1 0 0 1 72 700 Tm ${lit('(U) The table below lists the sites.')} Tj ET`];
  rows.forEach((cells, r) => {
    const y = 660 - 18 * r;
    cells.forEach((s, c) => { if (s) out.push(`BT /F1 11 Tf 1 0 0 1 ${COLS[c]! + pad} ${y} Tm ${lit(s)} Tj ET`); });
  });
  const top = 660 + 13;
  const lines = rows.length + 1;
  if (borders === 'filled') {
    out.push('0.6 g');
    for (let r = 0; r < lines; r++) for (let c = 0; c < COLS.length; c++) out.push(`${COLS[c]} ${top - 18 * r} ${RIGHT[c]! - COLS[c]!} 1 re f`);
    for (let r = 0; r < rows.length; r++) for (const x of [...COLS, RIGHT[2]!]) out.push(`${x} ${top - 18 * (r + 1)} 1 18 re f`);
    out.push('0 g');
  } else if (borders === 'stroked') {
    const grid: string[] = [];
    for (let r = 0; r < lines; r++) grid.push(`${COLS[0]} ${top - 18 * r} m ${RIGHT[2]} ${top - 18 * r} l`);
    for (const x of [...COLS, RIGHT[2]!]) grid.push(`${x} ${top} m ${x} ${top - 18 * rows.length} l`);
    out.push(`0.5 w ${grid.join(' ')} S`);
  }
  out.push(
    `BT /F1 11 Tf 1 0 0 1 72 560 Tm ${lit('(S//NF) ZQSECRETPARA other secret text.')} Tj ET`,
    'BT /F1 10 Tf 1 0 0 1 72 130 Tm (Classified By: John Smith, Director) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 118 Tm (Reason: 1.4\\(c\\)) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET',
    'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET',
  );
  t.page(out.join('\n'));
  return t.doc.save({ useObjectStreams: false });
}

describe('a cell under a (U) heading cell, the rows not both opening with marks (probe 66b, F1)', () => {
  it.each([
    ['filled'], ['stroked'], ['none'],
  ] as const)('an unmarked `Class` heading over an (S//NF) row, borders %s: the cells under (U) headings are withheld', async (borders) => {
    const { shown } = await releaseShown(await table([
      ['Class', '(U) Status UQ2', '(U) Owner UQ3'],
      ['(S//NF)', 'Active ZQ2', 'Team ZQ3'],
    ], borders), /ZQ/);
    for (const s of shown) expect(s).toMatch(/Status UQ2[\s\S]*Owner UQ3/);
  });

  it.each([['filled'], ['stroked']] as const)('a blank corner cell, borders %s: the cells under the (U) headings are withheld', async (borders) => {
    const { shown } = await releaseShown(await table([
      ['', '(U) Q1 UQ1', '(U) Q2 UQ2'],
      ['(S) ZQ1', 'Value ZQ2', 'Value ZQ3'],
    ], borders), /ZQ/);
    for (const s of shown) expect(s).toMatch(/Q1 UQ1[\s\S]*Q2 UQ2/);
  });

  it.each([
    ['filled', 0.75], ['filled', 0], ['stroked', 0.75], ['stroked', 0],
  ] as const)('a blank corner cell, borders %s, cell padding %s pt (Chromium: 1px, probe 66f F1): the cells under the (U) headings are withheld', async (borders, pad) => {
    const { shown } = await releaseShown(await table([
      ['', '(U) Q1 UQ1', '(U) Q2 UQ2'],
      ['(S) label ZQ1', 'Value ZQ2', 'Value ZQ3'],
    ], borders, pad), /ZQ/);
    for (const s of shown) expect(s).toMatch(/Q1 UQ1[\s\S]*Q2 UQ2/);
  });

  it.each([['filled'], ['stroked']] as const)('an unmarked second row under (S) | (U) cells, borders %s: withheld', async (borders) => {
    const { shown } = await releaseShown(await table([
      ['(S) ZQ1', '(U) Public UQ1', ''],
      ['cont ZQ2', 'continued ZQ3', ''],
    ], borders), /ZQ/);
    for (const s of shown) expect(s).toMatch(/Public UQ1/);
  });

  it('control: a (U) cell wrapping inside its bordered cell (no border between its lines) is released whole', async () => {
    const t = await TestPdf.create();
    const out = ['BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET'];
    out.push(`BT /F1 11 Tf 1 0 0 1 75 660 Tm ${lit('(U) Public cell text UQ1 that')} Tj 0 -13 Td ${lit('wraps in its cell UQ2')} Tj ET`);
    out.push('0.6 g 72 673 200 1 re f 72 640 200 1 re f 72 640 1 34 re f 271 640 1 34 re f 0 g');
    out.push(`BT /F1 11 Tf 1 0 0 1 72 560 Tm ${lit('(S//NF) ZQSECRETPARA other secret text.')} Tj ET`, 'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET', 'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET');
    t.page(out.join('\n'));
    const { shown } = await releaseShown(await t.doc.save({ useObjectStreams: false }), /ZQ/);
    for (const s of shown) expect(s).toMatch(/that\s+wraps in its cell UQ2/);
  });

  it.each([
    ['an hr from the text\'s left edge, no cell wall (probe 66f, e3)', 72, '72 653 400 0.75 re f'],
    // The underline under its words end to end (Helvetica 11 pt: 124.465 pt), the cell's walls 0.75 pt left of them.
    ['an underline in a bordered cell with 1px padding', 72.75, '72.75 657 124.465 0.7 re f 0.6 g 72 673 300 1 re f 72 640 300 1 re f 72 640 1 34 re f 371 640 1 34 re f 0 g'],
  ] as const)('control: %s: the (U) line\'s wrap is released with it', async (_, x, drawn) => {
    const t = await TestPdf.create();
    const out = ['BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET'];
    out.push(`BT /F1 11 Tf 1 0 0 1 ${x} 660 Tm ${lit('(U) Public cell UQ1 which')} Tj 0 -13 Td ${lit('goes on here UQ2.')} Tj ET`, drawn);
    out.push(`BT /F1 11 Tf 1 0 0 1 72 560 Tm ${lit('(S//NF) ZQSECRETPARA other secret text.')} Tj ET`, 'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET', 'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET');
    t.page(out.join('\n'));
    const { shown } = await releaseShown(await t.doc.save({ useObjectStreams: false }), /ZQ/);
    for (const s of shown) expect(s).toMatch(/which\s+goes on here UQ2/);
  });

  it('control: an underlined (U) line\'s wrap is released with it', async () => {
    const t = await TestPdf.create();
    const out = ['BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET'];
    out.push(`BT /F1 11 Tf 1 0 0 1 72 660 Tm ${lit('(U) Public paragraph UQ1 whose first line is underlined all along')} Tj 0 -13 Td ${lit('and goes on here UQ2.')} Tj ET`);
    out.push('72 657 312 0.7 re f'); // under its words from end to end (Helvetica 11 pt: 312 pt), as a renderer draws it
    out.push(`BT /F1 11 Tf 1 0 0 1 72 560 Tm ${lit('(S//NF) ZQSECRETPARA other secret text.')} Tj ET`, 'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET', 'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET');
    t.page(out.join('\n'));
    const { shown } = await releaseShown(await t.doc.save({ useObjectStreams: false }), /ZQ/);
    for (const s of shown) expect(s).toMatch(/all along\s+and goes on here UQ2/);
  });
});
