/**
 * Probe 59b, in a SECRET PDF:
 * - F1: an unmarked `o` bullet or `(a)` label line right under a marked list item (`· (U) public
 *   bullet item` / `o ZQ…`) was read as that item's text and released. It is an item of its own,
 *   unmarked, withheld. A wrap of the marked item stays with it.
 * - F4: a line set in by a first-line indent (0.3 to 4 em right of the line above), opening with a
 *   capital, under a (U) line that ends a sentence short of the right edge, was read on as the (U)
 *   paragraph's rest and released. It opens a paragraph of its own, unmarked, withheld. Lower case,
 *   no sentence end, a line out to the left (a hanging list's first line) or set in further stay as they were.
 * Every release is read back with pdftotext (poppler) and pdf.js.
 */
import { describe, expect, it } from 'vitest';
import { secretMemo } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { pdfjsText, popplerText } from './helpers/check.js';

/** The SECRET//NOFORN memo page of helpers/make.ts around `body`. */
const memo = (body: string): Promise<Uint8Array> => secretMemo(body, 'other secret text.');

/** A line of 12 pt Helvetica at (x, y); `\267` is a middle-dot bullet. */
const line = (x: number, y: number, text: string): string => `BT /F1 12 Tf 1 0 0 1 ${x} ${y} Tm (${text.replace(/[()]/g, (c) => `\\${c}`)}) Tj ET`;

/** Releases `body`: the release text and what pdftotext and pdf.js read in the release PDF; no ZQ word anywhere. */
async function release(body: string): Promise<string> {
  const { pdf, text, failed } = await releaseMemoPdf(await memo(body));
  expect(failed).toBe(0);
  expect(pdf).not.toBeNull();
  const poppler = popplerText(pdf!);
  expect(poppler).not.toBeNull();
  for (const s of [text!, poppler!, (await pdfjsText(pdf!)).pages.join('\n')]) expect(s).not.toMatch(/ZQ[A-Z]+/);
  return text!.replace(/\s+/g, ' ');
}

const LEAD = line(72, 700, '(U) The minister listed the items below:');

describe('an unmarked item right under a marked list item (F1)', () => {
  it.each([
    ['an o bullet under a marked bullet', [line(72, 686, '\\267 (U) public bullet item'), line(72, 672, 'o ZQOBUL o bullet after the public one')]],
    ['a label under a marked bullet', [line(72, 686, '\\267 (U) public bullet item'), line(72, 672, '(a) ZQLBLA label item after it'), line(72, 658, '(b) ZQLBLB second label')]],
    ['an o bullet under a full-width marked bullet', [line(72, 686, '\\267 (U) public bullet item that is long enough to run all the way across to the edge'), line(72, 672, 'o ZQOWRAP o bullet after the public one')]],
    ['a label under a marked numbered item', [line(72, 686, '1. (U) public numbered item'), line(90, 672, 'b) ZQLBLC label item after it')]],
  ])('%s: withheld, the marked item released', async (_name, lines) => {
    const text = await release([LEAD, ...lines].join('\n'));
    expect(text).toContain('(U) The minister listed the items below:');
    expect(text).toContain('(U) public');
  });

  it('a wrap of the marked item stays with it', async () => {
    const text = await release([LEAD, line(72, 686, '\\267 (U) public bullet item that is long enough to run all the way across to'), line(72, 672, 'the edge of the page in public words.'), line(72, 640, '(U) Public closing paragraph here.')].join('\n'));
    expect(text).toContain('the edge of the page in public words.');
  });
});

/** A (U) paragraph of three lines that sets the block's right edge, then a one-line (U) paragraph at 640 and `rest` under it. */
const para = (rest: string[]) =>
  [
    line(72, 700, '(U) The public report covers the harbor visit by the fleet and the crew.'),
    line(72, 686, 'The visit lasted three days and the ship left port on the fourth day'),
    line(72, 672, 'after a short ceremony at the pier with local officials attending it.'),
    line(72, 640, '(U) Public footnote text.'),
    ...rest,
  ].join('\n');

describe('a line set in by a first-line indent under a (U) line (F4)', () => {
  it.each([
    ['2 em in, a wrap under it', [line(96, 626, 'ZQFOOTC unmarked next line of a secret sentence that runs on and.'), line(72, 612, 'ZQFOOTD more secret words here.')]],
    ['1 em in', [line(84, 626, 'ZQFOOTC unmarked next line.')]],
    ['4 em in', [line(120, 626, 'ZQFOOTC unmarked next line.')]],
  ])('%s: withheld, the (U) line released', async (_name, rest) => {
    const text = await release(para(rest));
    expect(text).toContain('(U) Public footnote text.');
  });

  it.each([
    ['lower case', [line(72, 640, '(U) Public footnote text.'), line(96, 626, 'public next words of the footnote.')], 'public next words of the footnote.'],
    ['no sentence end', [line(72, 640, '(U) Public footnote text for'), line(96, 626, 'Public readers of the footnote.')], 'Public readers of the footnote.'],
  ])('%s: read on with the (U) paragraph, as before', async (_name, lines, rest) => {
    const body = para([]).split('\n').slice(0, 3).concat(lines).join('\n');
    const text = await release(body);
    expect(text).toContain(rest);
  });

  it('a line out to the left of the (U) line (a hanging list item\'s first line): as before', async () => {
    const body = [line(90, 700, '(U) The public report covers the harbor visit by the fleet and crew.'), line(90, 686, 'The visit lasted three days and the ship left port on the fourth'), line(90, 654, '(U) Public footnote text.'), line(72, 640, 'Public next line of it.')].join('\n');
    expect(await release(body)).toContain('Public next line of it.');
  });
});
