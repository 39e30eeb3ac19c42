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
