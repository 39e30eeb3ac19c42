/**
 * Probe 58f, F6: unmarked text set right under a marked (U) paragraph, no gap between, was read as
 * that paragraph's and released in a SECRET document:
 * - an unmarked bullet or list item under a (U) lead-in (`(U) … below:` / `• ZQYANKEE …`): each
 *   list item is a portion and carries its own mark (CAPCO), so it is unmarked text, withheld;
 * - a line its author broke short under a one-line (U) paragraph (`2(U) Public footnote text.` /
 *   `ZQFOOTC unmarked next line.`: the next line's first word would have fitted on the line above),
 *   a paragraph of its own, unmarked, withheld. A wrap, a paragraph typed with hard line breaks and
 *   a block whose right edge is not known stay as they were.
 * Every release is read back with pdftotext (poppler) and pdf.js.
 */
import { describe, expect, it } from 'vitest';
import { TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { pdfjsText, popplerText } from './helpers/check.js';

/** A SECRET//NOFORN memo page: banners, `body` (content stream), an authority block. */
async function memo(body: string): Promise<Uint8Array> {
  const t = await TestPdf.create();
  t.page(
    [
      'BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET',
      body,
      'BT /F1 12 Tf 1 0 0 1 72 560 Tm (\\(S//NF\\) ZQSECRETPARA other secret text.) Tj ET',
      'BT /F1 10 Tf 1 0 0 1 72 130 Tm (Classified By: John Smith, Director) Tj ET',
      'BT /F1 10 Tf 1 0 0 1 72 118 Tm (Reason: 1.4\\(c\\)) Tj ET',
      'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET',
      'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET',
    ].join('\n'),
  );
  return t.save();
}

/** A line of 12 pt Helvetica at (x, y). */
const line = (x: number, y: number, text: string): string => `BT /F1 12 Tf 1 0 0 1 ${x} ${y} Tm (${text.replace(/[()]/g, (c) => `\\${c}`)}) Tj ET`;
/** A line of 9 pt Helvetica at (72, y). */
const small = (y: number, text: string): string => line(72, y, text).replace('/F1 12 Tf', '/F1 9 Tf');

const LEAD = line(72, 700, '(U) The minister listed the public items below:');

/** Releases `body`: the release text and what pdftotext and pdf.js read in the release PDF; no ZQSECRETPARA anywhere. */
async function release(body: string): Promise<{ text: string; shown: string[] }> {
  const { pdf, text, failed } = await releaseMemoPdf(await memo(body));
  expect(failed).toBe(0);
  expect(pdf).not.toBeNull();
  const shown = [text!, popplerText(pdf!) ?? '', (await pdfjsText(pdf!)).pages.join('\n')];
  for (const s of shown) expect(s).not.toContain('ZQSECRETPARA');
  return { text: text!, shown };
}

describe('an unmarked list item under a marked lead-in is unmarked text', () => {
  const withheld: [string, string][] = [
    ['a bullet glyph', `${line(90, 686, '\u0095')}\n${line(104, 686, 'ZQYANKEE agent names are here.')}`],
    ['a dash', line(90, 686, '- ZQDASH agent names are here.')],
    ['an asterisk', line(90, 686, '* ZQSTAR agent names are here.')],
    ['a number', line(90, 686, '1. ZQNUMBER agent names are here.')],
    ['a number in parentheses', line(90, 686, '(1) ZQPAREN agent names are here.')],
    ['a letter label', line(90, 686, 'a) ZQLETTER agent names are here.')],
    ['a letter in parentheses', line(90, 686, '(a) ZQLETTERB agent names are here.')],
  ];
  it.each(withheld)('%s: withheld, the lead-in released', async (_name, item) => {
    const { text, shown } = await release(`${LEAD}\n${item.replace('\u0095', '\\225')}`);
    expect(text).toContain('(U) The minister listed the public items below:');
    for (const s of shown) expect(s).not.toMatch(/ZQ[A-Z]+/);
  });

  it('a bullet with its own (U) mark is released', async () => {
    const { text, shown } = await release(`${LEAD}\n${line(90, 686, '\\225')}\n${line(104, 686, '(U) Public item is here.')}`);
    expect(text).toContain('(U) Public item is here.');
    expect(shown[1]).toContain('Public item is here.');
  });
});

describe('a line broken short under a one-line (U) paragraph', () => {
  const FOOTNOTE = [small(200, '1(S//NF) ZQFOOTA secret footnote text that is the longest here.'), small(189, 'zqfootb continues the footnote here.')].join('\n');

  it('starts an unmarked paragraph when its first word would have fitted: withheld', async () => {
    const { text, shown } = await release([FOOTNOTE, small(170, '2(U) Public footnote text.'), small(159, 'ZQFOOTC unmarked next line.')].join('\n'));
    expect(text).toContain('2(U) Public footnote text.');
    for (const s of shown) expect(s).not.toMatch(/ZQFOOT|zqfoot/);
  });

  const released: [string, string[], string][] = [
    // The first word of the next line would not have fitted: a wrap.
    ['a wrap', [small(170, '2(U) Public footnote text that runs out to the right edge.'), small(159, 'Publicwordthatislong goes on.')], 'Publicwordthatislong goes on.'],
    // No sentence ends on the (U) line.
    ['no sentence end', [small(170, '2(U) Public footnote text for'), small(159, 'Public readers goes on.')], 'Public readers goes on.'],
    // Lines broken short one after another: a paragraph typed with hard line breaks.
    ['hard line breaks', [small(170, '2(U) Public question one?'), small(159, 'Public question two?'), small(148, 'Public question three?')], 'Public question three?'],
  ];
  it.each(released)('%s: released with the (U) paragraph', async (_name, lines, rest) => {
    const { text, shown } = await release([FOOTNOTE, ...lines].join('\n'));
    expect(text.replace(/\s+/g, ' ')).toContain(rest);
    expect(shown[1]!.replace(/\s+/g, ' ')).toContain(rest);
    for (const s of shown) expect(s).not.toMatch(/ZQFOOT|zqfoot/);
  });

  it('the block right edge not known (only the two lines): a portion of its own, withheld (probe 62b, F1)', async () => {
    const { text, shown } = await release([small(300, '2(U) Public footnote text.'), small(289, 'ZQFOOTD next line.')].join('\n'));
    expect(text).toContain('2(U) Public footnote text.');
    for (const s of shown) expect(s).not.toMatch(/ZQFOOT/);
  });
});
