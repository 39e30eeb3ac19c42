/**
 * Probe 63c, F1 and F2: page 1 holds a main column and, right of it, a narrower sidebar that ends
 * higher. Read by XY-cut, the sidebar came after the main column, so its last portion was the
 * page's last: when the main column's last paragraph broke across the page, the next page's first
 * text (that paragraph's rest) went on with the sidebar's last portion and took its mark. A (U)
 * sidebar ending in `… for the` released the page-2 rest of an (S//NF) paragraph; an unmarked
 * sidebar (SIDtoday's series lists) withheld the page-2 rest of a (U) paragraph as unmarked text.
 * Now the block that ends the page's text flow (the lowest above the page's foot) is read last, and
 * the page-2 text goes on with the main column's last paragraph, with or without a banner at the
 * foot. Every release is read back with pdftotext (poppler) and pdf.js.
 */
import { describe, expect, it } from 'vitest';
import { TestPdf } from './helpers/make.js';
import { releaseShown } from './helpers/release-memo.js';

const esc = (text: string): string => text.replace(/[()]/g, (c) => `\\${c}`);
/** A line of Helvetica at (x, y), `size` pt (11 unless told). */
const line = (x: number, y: number, text: string, size = 11): string => `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm (${esc(text)}) Tj ET`;

/** Lines of a paragraph at x 72 from `y` down, 13 pt apart. */
const para = (y: number, lines: readonly string[]): string[] => lines.map((t, i) => line(72, y - 13 * i, t));

/** A (U) paragraph of the main column (three lines, about 300 pt wide). */
const filler = (y: number, n: number): string[] =>
  para(y, [`(U) UQP${n} This is a public paragraph about the office picnic and`, 'the schedule of the events that keeps going on for several', 'lines here.']);

/**
 * Two pages: page 1 has (U) paragraphs in a main column (x 72 to about 380) and a sidebar at x 420
 * (about 130 pt wide, from y 600 to 574) whose last line is `sideLast`; the main column's last
 * paragraph opens with `cut` and breaks after its third line at y 92. Page 2 goes on with `rest`
 * at the main column's left edge, then a (U) paragraph and the authority block.
 */
async function sidebarPdf(opts: { cut: string; sideMark: string; sideLast: string; rest: readonly string[]; footBanner: boolean }): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const main: string[] = [];
  for (let k = 0; k < 11; k++) main.push(...filler(690 - 52 * k, k + 1));
  main.push(...para(118, [`${opts.cut} The paragraph begins near the foot of the`, 'first page and its text keeps running on with many words', 'about the convoy route and the source']));
  const side = [line(420, 600, `${opts.sideMark}Related articles`, 10), line(420, 587, 'in this series include the', 10), line(420, 574, opts.sideLast, 10)];
  const banner = (y: number): string => line(250, y, 'SECRET//NOFORN', 12);
  t.page([banner(750), ...main, ...side, ...(opts.footBanner ? [banner(40)] : [])].join('\n'));
  t.page(
    [
      banner(750),
      ...para(716, opts.rest),
      ...para(650, ['(U) UQEND Final public paragraph of the memo.']),
      line(72, 600, 'Classified By: John Smith, Director', 10),
      line(72, 588, 'Reason: 1.4(c)', 10),
      line(72, 576, 'Declassify On: 20501231', 10),
      ...(opts.footBanner ? [banner(40)] : []),
    ].join('\n'),
  );
  return t.save();
}

const SECRET_REST = ['named ZQSTWO so that it must break across the page into', 'the second page where zqsthree the words continue in lower', 'case ZQSFOUR and run on until they end here.'];

describe('the next page goes on with the main column, not the sidebar (probe 63c, F1)', () => {
  const cases: [string, boolean][] = [
    ['no banner at the foot', false],
    ['a banner at each page foot', true],
  ];
  it.each(cases)('%s: the rest of the (S//NF) paragraph is withheld, the (U) sidebar released', async (_name, footBanner) => {
    const pdf = await sidebarPdf({ cut: '(S//NF) ZQSONE', sideMark: '(U) UQSIDE ', sideLast: 'one about writing for the', rest: SECRET_REST, footBanner });
    const { text, shown } = await releaseShown(pdf, /ZQ[A-Z0-9]+|zqsthree/i);
    expect(text).toContain('UQSIDE');
    expect(text).toContain('UQEND');
    for (const s of shown.slice(1)) expect(s).toContain('UQSIDE');
  });
});

describe('the page-2 rest of a (U) paragraph is released with it (probe 63c, F2)', () => {
  it('an unmarked sidebar ending mid-title does not take the rest of the (U) paragraph', async () => {
    const pdf = await sidebarPdf({
      cut: '(U) UQCUT',
      sideMark: 'ZQSIDEBAR ',
      sideLast: '6. The Chisel and the',
      rest: ['an option UQREST so that it must break across the page into', 'the second page where the words continue in lower', 'case and run on until they end here.'],
      footBanner: false,
    });
    const { text } = await releaseShown(pdf, /ZQ[A-Z0-9]+/);
    // The page-2 banner, read as the (U) release's, stands between the two pages' text.
    expect(text.replace(/\s+/g, ' ')).toMatch(/about the convoy route and the source (?:UNCLASSIFIED )?an option UQREST so that/);
    expect(text).toContain('UQEND');
  });
});

describe('two columns of one width: the flow runs on from the right one (probe 63e F1)', () => {
  it('a short (U) line at the foot of a left column that reaches lower does not take the right column\'s (S) paragraph', async () => {
    const t = await TestPdf.create();
    const col = (x: number, y: number, lines: readonly string[]): string[] => lines.map((s, i) => line(x, y - 13 * i, s, 10));
    const left: string[] = [];
    for (let k = 0; k < 6; k++) left.push(...col(72, 700 - 52 * k, [`(U) UQL${k} A public paragraph of the left`, 'column that runs on for a few', 'lines and ends here.']));
    left.push(...col(72, 388, ['(U) UQPOC POC: Jane Doe, 963-5555']));
    const right: string[] = [];
    for (let k = 0; k < 4; k++) right.push(...col(320, 700 - 52 * k, [`(U) UQR${k} A public paragraph of the right`, 'column that runs on for a few', 'lines and ends here.']));
    right.push(...col(320, 492, ['(S//NF) ZQONE The secret paragraph runs', 'on to the foot of the right column', 'and over the page to the']));
    const banner = (y: number): string => line(250, y, 'SECRET//NOFORN', 12);
    t.page([banner(750), ...left, ...right].join('\n'));
    t.page(
      [
        banner(750),
        ...col(72, 716, ['following site, ZQTWO where it ends.']),
        ...col(72, 680, ['(U) UQEND Final public paragraph of the memo.']),
        line(72, 600, 'Classified By: John Smith, Director', 10),
        line(72, 588, 'Reason: 1.4(c)', 10),
        line(72, 576, 'Declassify On: 20501231', 10),
      ].join('\n'),
    );
    const { text } = await releaseShown(await t.save(), /ZQ[A-Z0-9]+/);
    expect(text).toContain('UQPOC');
    expect(text).toContain('UQEND');
  });
});
