/**
 * Probe 66f's over-withholdings by the row rules of fix66e, and its silent charts. 3: two newspaper
 * columns, the right one's `(S)` paragraph starting under its `(U)` paragraph's unmarked wrap, cut
 * the left `(U)` paragraph's last lines off as a table's new row: withheld under B1; released now,
 * while a table's cells under an unmarked heading stay cut (controls here; table-rows-66e,
 * table-cell-rules). 4: a rule that starts left of the text across one `(U)` sentence still cuts it
 * (fail closed: a ruled one-column list's unmarked next row looks the same).
 * 5 (and 66b F2): a vector chart under its `(S//NF) Figure` caption, or of bars thinner than the
 * caption's type, was kept with nothing said; a `pdf-unread` warning names it now (console and
 * record). Release text, pdftotext and pdf.js of the release PDF are checked for the ZQ tokens.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestPdf } from './helpers/make.js';
import { releaseMemoPdf, releaseShown } from './helpers/release-memo.js';

const lit = (s: string): string => `(${s.replace(/[()\\]/g, '\\$&')})`;
const at = (x: number, y: number, s: string, size = 11): string => `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm ${lit(s)} Tj ET`;

/** A SECRET//NOFORN memo with `body` (content operators) between its banners and authority block. */
async function memo(body: string[]): Promise<Uint8Array> {
  const t = await TestPdf.create();
  t.page(['BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET', at(72, 720, '(U) The memo opens here UQ0.'), ...body,
    at(72, 560, '(S//NF) ZQSECRETPARA other secret text.'),
    'BT /F1 10 Tf 1 0 0 1 72 130 Tm (Classified By: John Smith, Director) Tj ET', 'BT /F1 10 Tf 1 0 0 1 72 118 Tm (Reason: 1.4\\(c\\)) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET', 'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET'].join('\n'));
  return t.doc.save({ useObjectStreams: false });
}

describe('running text the row rules cut (probe 66f, 3 and 4)', () => {
  it('two columns: the left (U) paragraph\'s last lines beside the right column\'s (S) paragraph are released with it', async () => {
    const { text, shown } = await releaseShown(await memo([
      at(72, 690, '(U) Left public paragraph UQ1 runs on'), at(72, 677, 'over several lines of plain text so it'),
      at(72, 664, 'wraps UQ2 and wraps again UQ3 and'), at(72, 651, 'again UQ4 to the end UQ5.'),
      at(330, 690, '(U) Right public paragraph UQ6 two lines'), at(330, 677, 'long here ok.'), at(330, 664, '(S) Secret right ZQ1 para.'),
    ]), /ZQ/);
    expect(text).toMatch(/so it\s+wraps UQ2 and wraps again UQ3 and\s+again UQ4 to the end UQ5/);
    for (const s of shown) expect(s).toMatch(/UQ5/);
  });

  it.each([
    ['an hr from the page\'s text edge, 12 pt left of the text (filled)', '72 668 468 0.75 re f'],
    ['a block\'s border-bottom (stroked)', '0.75 w 72 668 m 540 668 l S'],
  ] as const)('fail closed: a lower-case line across %s from a (U) line with no stop stays cut (a ruled list\'s unmarked row looks the same)', async (_, rule) => {
    const { shown } = await releaseShown(await memo([at(84, 676, '(U) First row of a ruled list UQ1, no stop'), rule, at(84, 656, 'zqrow unmarked second row of the list.')]), /ZQ|zqrow/);
    for (const s of shown) expect(s).toMatch(/First row of a ruled list UQ1, no stop/);
  });

  it('control: a table ruled across only (no walls), lower-case cells under (U) heading cells, a blank first cell: withheld', async () => {
    const { shown } = await releaseShown(await memo([
      at(72, 690, 'Class'), at(130, 690, '(U) Status UQ2'), at(250, 690, '(U) Owner UQ3'), '0.5 w 66 684 m 380 684 l S',
      at(130, 672, 'active ZQ2'), at(250, 672, 'team ZQ3'),
    ]), /ZQ/);
    for (const s of shown) expect(s).toMatch(/Status UQ2[\s\S]*Owner UQ3/);
  });

  it('control: a (U) sentence\'s rest across a rule that ends it (a full stop) stays cut: withheld as unmarked', async () => {
    const { shown } = await releaseShown(await memo([at(84, 676, '(U) First part of the public paragraph UQ1.'), '72 668 468 0.75 re f', at(84, 656, 'and ZQ2 unmarked text after the rule.')]), /ZQ/);
    for (const s of shown) expect(s).toMatch(/UQ1/);
  });
});

/** Releases `bytes`: what is shown (release text, pdftotext) and the pdf-unread warnings of the record. */
async function unread(bytes: Uint8Array): Promise<string[]> {
  const { text, failed, out } = await releaseMemoPdf(bytes);
  expect(failed).toBe(0);
  expect(text).not.toMatch(/ZQ/);
  const record = JSON.parse(readFileSync(path.join(out, 'review', 'memo.audit.json'), 'utf8')) as { diagnostics: { code: string; message: string }[] };
  return record.diagnostics.filter((d) => d.code === 'pdf-unread').map((d) => d.message);
}

describe('a vector chart beside a withheld caption (probe 66f, 5; 66b F2)', () => {
  it.each([
    // Columns 40 pt wide, the tallest 17 pt under the caption line's foot.
    ['under its caption (a slide title over its chart)', '100 380 40 120 re f 160 380 40 60 re f 220 380 40 105 re f', 520, /^page 1: 3 drawn shape\(s\) under a withheld caption/],
    // Bars 7.5 pt high under a 14 pt caption, the lowest 39 pt over its line (an SVG's plot area leaves room).
    ['of bars thinner than the caption\'s type, over it', '72 300 225 7.5 re f 72 270 150 7.5 re f 72 240 262 7.5 re f 72 210 90 7.5 re f', 160, /^page 1: 4 drawn shape\(s\) over a withheld caption/],
  ] as const)('a chart %s: a pdf-unread warning names it', async (_, bars, y, said) => {
    const warnings = await unread(await memo([`0.8 0.3 0.3 rg ${bars} 0 g`, at(90, y, '(S//NF) Figure 2: Vector collection ZQ2', 14)]));
    expect(warnings).toEqual([expect.stringMatching(said)]);
  });

  it('control: a rule under a withheld caption is no chart: no such warning', async () => {
    const warnings = await unread(await memo(['72 395 300 0.75 re f', at(90, 400, '(S//NF) Figure 2: Vector collection ZQ2', 14)]));
    expect(warnings.filter((w) => /drawn shape/.test(w))).toEqual([]);
  });
});
