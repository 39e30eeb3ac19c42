/**
 * Probe 63b F1: an unmarked line right under a (U) title, heading or caption, set in another size
 * or aligned otherwise, was read as that line's wrap and released with the (U) portion in a SECRET
 * memo: a 9 pt byline or a right-aligned photo credit under a 14 pt title, a 9 pt `Source:` line
 * under a figure caption, a body paragraph under a 13 pt heading with no space after it. Now such a
 * line opens an unmarked portion of its own (withheld). Controls: a (U) title whose full first line
 * wraps onto a short second line, a centred (U) title that wraps, a caption's lower-case wrap, a
 * (U) paragraph that wraps, names under a (U) lead-in, stay whole. Every release is read back with
 * pdftotext (poppler) and pdf.js.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { secretMemo } from './helpers/make.js';
import { releaseShown } from './helpers/release-memo.js';

const esc = (text: string): string => text.replace(/[()]/g, (c) => `\\${c}`);
/** A line of Helvetica at (x, y), `size` pt (12 unless told). */
const line = (x: number, y: number, text: string, size = 12): string => `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm (${esc(text)}) Tj ET`;

/** Releases `body` in the SECRET//NOFORN memo: the release text and what pdftotext and pdf.js read; no ZQ… marker anywhere. */
const release = async (body: string[]): Promise<{ text: string; shown: string[] }> => releaseShown(await secretMemo(body.join('\n')), /ZQ[A-Z0-9]+/);

/** A (U) paragraph that wraps mid-sentence at about x = 500: it shows the measure. */
const WRAPPING = [
  line(72, 720, '(U) UQBODY public paragraph of the memo that runs on past the right edge of'),
  line(72, 706, 'the column and goes on here to show where the text of the page wraps.'),
];

describe('an unmarked line under a (U) line, set apart from it (probe 63b, F1)', () => {
  const cases: [string, string[]][] = [
    ['a 9 pt byline under a 14 pt title (joined as its wrap)', [line(72, 680, '(U) UQHEAD Harbor review for the quarter', 14), line(72, 668, 'ZQBYLINE By Ivan Petrov, northern station chief and deputy', 9)]],
    ['a right-aligned photo credit under a flush-left title', [...WRAPPING, line(72, 680, '(U) UQHEAD Harbor review for the quarter'), line(380, 666, 'ZQCREDIT Photo: northern relay')]],
    ['a 9 pt Source line under a figure caption', [...WRAPPING, line(72, 680, '(U) UQHEAD Figure 3: Harbor entrance'), line(72, 668, 'ZQSOURCE Source: northern relay station imagery', 9)]],
    ['an 11 pt body paragraph under a 12 pt heading (Word\'s Heading 3)', [...WRAPPING, line(72, 680, '(U) UQHEAD Collection results', 12), line(72, 667, 'ZQBODYC the covert channel carries reports from the source in the harbor and', 11)]],
    ['9 pt words beside a 14 pt dot leader under a 14 pt title', [line(72, 680, '(U) UQHEAD Harbor review for the quarter', 14), `${line(72, 667, 'ZQLEADER secret item', 9)}\n${line(160, 667, '....................', 14)}`]],
    ['a body paragraph under a 14 pt heading with no space after it', [...WRAPPING, line(72, 680, '(U) UQHEAD Background on the channel', 14), line(72, 666, 'ZQBODYA the covert channel carries reports from the source in the harbor and'), line(72, 652, 'the liaison ZQBODYB service meets him monthly at the pier to collect them.')]],
  ];
  it.each(cases)('%s: withheld, the (U) line released', async (_name, body) => {
    const { text, shown } = await release(body);
    expect(text).toContain('UQHEAD');
    for (const s of shown.slice(1)) expect(s).toContain('UQHEAD');
  });
});

describe('controls (probe 63b)', () => {
  const whole = async (body: string[], words: string[]): Promise<void> => {
    const { text, shown } = await release(body);
    for (const w of words) {
      expect(text).toContain(w);
      expect(shown[1]).toContain(w);
    }
  };
  it('a (U) title whose full first line wraps onto a short second line stays whole', () =>
    whole([...WRAPPING, line(72, 680, '(U) UQTITLE Harbor review for the quarter and the year ahead of', 14), line(72, 664, 'UQTWO us all', 14)], ['UQTITLE', 'UQTWO']));
  it('a centred (U) title that wraps stays whole', () => whole([...WRAPPING, line(90, 680, '(U) UQTITLE Harbor review for the quarter and the year', 14), line(215, 664, 'UQTWO ahead', 14)], ['UQTITLE', 'UQTWO']));
  it("a (U) caption's lower-case wrap stays whole", () => whole([line(72, 680, '(U) UQTITLE Table 1: Port calls by'), line(72, 666, 'uqtwo month')], ['UQTITLE', 'uqtwo']));
  it('names under a (U) lead-in with a colon stay with it', () =>
    whole([...WRAPPING, line(72, 680, '(U) UQTITLE The attendees were:'), line(72, 666, 'UQTWO Ivan Petrov of the northern cell')], ['UQTITLE', 'UQTWO']));
  it('a wrap set in small caps with full-size capitals stays whole (probe 63e F4)', () =>
    whole([...WRAPPING, line(72, 680, '(U) UQTITLE The partners met at the offices of the following agencies and'), `${line(72, 666, 'U', 12)}\n${line(80, 666, 'QTWO NSA CSS GCHQ AND OTHERS', 9.6)}`], ['UQTITLE', 'QTWO']));
  it('a (U) paragraph that wraps mid-sentence stays whole', () =>
    whole([...WRAPPING, line(72, 680, '(U) UQTITLE public paragraph of the memo that runs on past the right edge'), line(72, 666, 'UQTWO of the column and ends here.')], ['UQTITLE', 'UQTWO']));
});

/** A line of Helvetica-Bold (/F3) at (x, y), `size` pt (12 unless told). */
const bold = (x: number, y: number, text: string, size = 12): string => `BT /F3 ${size} Tf 1 0 0 1 ${x} ${y} Tm (${esc(text)}) Tj ET`;
/** Releases `body` in the SECRET//NOFORN memo with /F3 Helvetica-Bold (see release). */
const releaseBold = async (body: string[]): Promise<{ text: string; shown: string[] }> =>
  releaseShown(await secretMemo(body.join('\n'), 'text.', {}, { F3: 'Helvetica-Bold' }), /ZQ[A-Z0-9]+/);
/** Two lines of body text at 14 pt pitch from y, opening with the unmarked ZQBODYA. */
const body = (y: number): string[] => [
  line(72, y, 'ZQBODYA The covert channel carries reports from the source in the harbor and'),
  line(72, y - 14, 'the liaison ZQBODYB service meets him monthly at the pier to collect them.'),
];

describe('an unmarked block of the (U) line\'s size at its left edge, set apart by face, gap, caption or table (probe 63b F1 remainder)', () => {
  const cases: [string, string[]][] = [
    ['a body paragraph under a bold (U) heading of its size, no space after it', [...WRAPPING, bold(72, 680, '(U) UQHEAD Background on the channel'), ...body(666)]],
    ['a body paragraph under a (U) heading of its face and size, 3 pt further down than the paragraph\'s lines', [...WRAPPING, line(72, 680, '(U) UQHEAD Background on the channel'), ...body(663)]],
    ['a line under a (U) caption (`Table 1:`) whose wrap ends short', [...WRAPPING, line(72, 680, '(U) Table 1: UQHEAD Port calls of the northern fleet by'), line(72, 666, 'uqhead month'), line(72, 652, 'ZQROWA January 14 cobra visits ZQROWB')]],
    ['a table\'s rows under a short (U) line', [...WRAPPING, line(72, 680, '(U) UQHEAD Port calls by month'), 'BT /F1 12 Tf 1 0 0 1 72 666 Tm [(ZQROWA January) -900 (ZQCELLA cobra 14)] TJ ET', 'BT /F1 12 Tf 1 0 0 1 72 652 Tm [(ZQROWB Februar) -900 (ZQCELLB viper 9)] TJ ET']],
  ];
  it.each(cases)('%s: withheld, the (U) line released', async (_name, lines) => {
    const { text, shown } = await releaseBold(lines);
    expect(text).toContain('UQHEAD');
    for (const s of shown.slice(1)) expect(s).toContain('UQHEAD');
  });

  const whole = async (lines: string[], words: string[]): Promise<void> => {
    const { text, shown } = await releaseBold(lines);
    for (const w of words) {
      expect(text).toContain(w);
      expect(shown[1]).toContain(w);
    }
  };
  // Controls: what the rule by measure alone withheld in SIDtoday (a (U) line a publisher's white
  // space broke short, glossaries under a `(U) Notes:` lead-in) and a bold (U) paragraph.
  it('a (U) line broken short in its face, size and pitch (white space a publisher left) stays whole', () =>
    whole([...WRAPPING, line(72, 680, '(U) UQTITLE The point of contact for the directive is'), line(72, 666, 'UQTWO Acquisitions and Capabilities, and more is found on the website of'), line(72, 652, 'the office.')], ['UQTITLE', 'UQTWO']));
  it('a glossary in regular type under a bold (U) Notes: lead-in stays whole', () =>
    whole([...WRAPPING, bold(72, 680, '(U) UQTITLE Notes:'), line(72, 666, 'UQTWO SIGINT - signals intelligence'), line(72, 652, 'UQTHREE COMINT - communications intelligence')], ['UQTITLE', 'UQTWO', 'UQTHREE']));
  it('a bold (U) paragraph broken short over bold lines stays whole', () =>
    whole([...WRAPPING, bold(72, 680, '(U) UQTITLE Background on the channel'), bold(72, 666, 'UQTWO The covert channel carries reports from the harbor and'), bold(72, 652, 'the pier.')], ['UQTITLE', 'UQTWO']));
  it('a (U) caption that wraps in mid-sentence onto a full line stays whole', () =>
    whole([...WRAPPING, line(72, 680, '(U) Figure 3: UQTITLE Harbor entrance of the northern fleet base seen from the'), line(72, 666, 'UQTWO north pier.')], ['UQTITLE', 'UQTWO']));
});

describe('Chromium: a body paragraph under a (U) <h3> of its size, a table under a (U) caption (probe 63b F1 remainder)', () => {
  const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'chromium');
  it.each([['headgap', 'UQ2'], ['headbold', 'UQ2'], ['captable', 'UQ1']])('%s: the unmarked text withheld, the (U) heading or caption (%s) released', async (name, head) => {
    const { shown } = await releaseShown(new Uint8Array(readFileSync(path.join(DIR, `${name}.pdf`))), /ZQ[1-9]/);
    for (const s of shown) expect(s).toMatch(new RegExp(`${head}[^]*UQ4`));
  });
});
