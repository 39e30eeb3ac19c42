/**
 * Probe 62b, F1: a footnote area (LibreOffice, Word, Chromium `<p style="margin:0">` lines) sets
 * each note as a short line with no paragraph spacing. An unmarked note right under a one-line (U)
 * note was read as that note's wrap (or its next line) and released with it: `1 (U) UQF2C public
 * footnote of the memo text. 2 ZQF2D unmarked footnote source name.` was one (U) portion. The wrap
 * test takes the right edge from the other lines, and notes of like length (or two lines alone)
 * set none. Now, under a (U) line that ends a sentence, a line that opens with a footnote's number
 * at the block's left edge opens a portion of its own, and an unmarked line is no wrap of a
 * one-line (U) line unless the other lines of the page's column show one: unmarked, withheld.
 * Controls: a note that wraps, `1.` / `2.` list items, a (U) paragraph that wraps at a sentence's
 * end, and a (U) paragraph typed with hard line breaks stay as they were.
 * Every release is read back with pdftotext (poppler) and pdf.js.
 */
import { describe, expect, it } from 'vitest';
import { secretMemo } from './helpers/make.js';
import { releaseShown } from './helpers/release-memo.js';

/** The SECRET//NOFORN memo page of helpers/make.ts around `body`. */
const memo = (body: string): Promise<Uint8Array> => secretMemo(body);

const esc = (text: string): string => text.replace(/[()]/g, (c) => `\\${c}`);
/** A line of Helvetica at (x, y), `size` pt (12 unless told). */
const line = (x: number, y: number, text: string, size = 12): string => `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm (${esc(text)}) Tj ET`;
/** A footnote line of 10 pt at (72, y): its number `n` raised 4 pt at 6 pt, then `text`. */
const raised = (y: number, n: string, text: string): string => `BT /F1 6 Tf 1 0 0 1 72 ${y} Tm 4 Ts (${n}) Tj /F1 10 Tf 0 Ts ( ${esc(text)}) Tj ET`;

/** Releases `body`: the release text and what pdftotext and pdf.js read in the release PDF; no ZQ… marker anywhere. */
const release = async (body: string): Promise<{ text: string; shown: string[] }> => releaseShown(await memo(body), /ZQ[A-Z0-9]+/);

/** The body paragraph above the footnote area. */
const BODY = line(72, 700, '(U) Public UQBODY paragraph with notes.');

describe('an unmarked line under a one-line (U) footnote (probe 62b, F1)', () => {
  const areas: [string, string[]][] = [
    ['raised numbers', [raised(300, '1', '(U) UQNOTEONE public footnote one.'), raised(288, '2', 'ZQFND unmarked footnote two names.'), raised(276, '3', '(S//NF) ZQFNE secret footnote three.')]],
    ['plain numbers', [line(72, 300, '1 (U) UQNOTEONE public footnote one.', 10), line(72, 288, '2 ZQFND unmarked footnote two names.', 10), line(72, 276, '3 (S//NF) ZQFNE secret footnote three.', 10)]],
    ['plain numbers, two notes', [line(72, 300, '1 (U) UQNOTEONE public footnote of the memo text.', 10), line(72, 288, '2 ZQNOTETWO unmarked footnote source name.', 10)]],
    ['no numbers', [line(72, 300, '(U) UQNOTEONE public footnote one.', 10), line(72, 288, 'ZQNOTETWO unmarked footnote two names.', 10), line(72, 276, '(S//NF) ZQNOTETHREE secret footnote three.', 10)]],
    ['one-line paragraphs, no spacing', [line(72, 670, '(U) UQNOTEONE public one line paragraph.'), line(72, 656, 'ZQNOTETWO unmarked one line paragraph here.')]],
    ['three one-line paragraphs, no spacing', [line(72, 670, '(U) UQNOTEONE public one line paragraph.'), line(72, 656, 'ZQNOTETWO unmarked one line paragraph.'), line(72, 642, 'ZQNOTETHREE another unmarked line here ok.')]],
  ];
  it.each(areas)('%s: the unmarked line is withheld, the (U) line released', async (_name, lines) => {
    const { text, shown } = await release([BODY, ...lines].join('\n'));
    expect(text).toContain('UQNOTEONE');
    expect(text).toContain('UQBODY');
    for (const s of shown.slice(1)) expect(s).toContain('UQNOTEONE');
  });
});

describe('controls (probe 62b, F1)', () => {
  it('a (U) note that wraps goes on with its wrap; the unmarked note after it is withheld', async () => {
    const { text, shown } = await release(
      [
        BODY,
        line(72, 300, '1 (U) UQNOTEONE public footnote of the memo text that is long enough to wrap onto a', 10),
        line(72, 288, 'second UQWRAPPED line of the footnote area here ok.', 10),
        line(72, 276, '2 ZQNOTETWO unmarked footnote source name and more words.', 10),
      ].join('\n'),
    );
    expect(text.replace(/\s+/g, ' ')).toContain('wrap onto a second UQWRAPPED line');
    expect(shown[1]).toContain('UQWRAPPED');
  });

  it('`1.` / `2.` notes are list items: the unmarked one is withheld', async () => {
    const { text } = await release([BODY, line(72, 300, '1. (U) UQNOTEONE public footnote one.', 10), line(72, 288, '2. ZQNOTETWO unmarked footnote two names.', 10)].join('\n'));
    expect(text).toContain('UQNOTEONE');
  });

  it('a (U) paragraph whose first line ends a sentence where the text wraps is released whole', async () => {
    const { text, shown } = await release(
      [
        line(72, 700, '(U) Public UQWRAPA paragraph text runs on and fills its line out to the edge.'),
        line(72, 686, 'Then UQWRAPB the next sentence goes on and runs out to the right edge as'),
        line(72, 672, 'well, and it ends UQWRAPC here.'),
      ].join('\n'),
    );
    expect(text.replace(/\s+/g, ' ')).toContain('out to the edge. Then UQWRAPB the next sentence goes on and runs out to the right edge as well, and it ends UQWRAPC here.');
    for (const w of ['UQWRAPB', 'UQWRAPC']) expect(shown[1]).toContain(w);
  });

  it('a (U) paragraph typed with hard line breaks whose lines end no sentence stays one paragraph', async () => {
    const { text, shown } = await release(
      [line(72, 700, '(U) UQADDRA Office of the Director,'), line(72, 686, 'Operations UQADDRB Building Room 2,'), line(72, 672, 'Fort UQADDRC Meade, Maryland')].join('\n'),
    );
    for (const w of ['UQADDRA', 'UQADDRB', 'UQADDRC']) {
      expect(text).toContain(w);
      expect(shown[1]).toContain(w);
    }
  });

  it('a (U) paragraph of short questions under a wide line stays one paragraph (SIDtoday)', async () => {
    const { text, shown } = await release(
      [
        line(72, 700, '(U) Public UQWIDE paragraph text runs on and fills its line out to the edge here.'),
        line(72, 680, '(U) "Do you have any UQJOBS jobs for me?"'),
        line(72, 666, '"My major is UQMAJOR what?"'),
        line(72, 652, '"I\'m fluent in UQFLUENT three languages!"'),
      ].join('\n'),
    );
    for (const w of ['UQJOBS', 'UQMAJOR', 'UQFLUENT']) {
      expect(text).toContain(w);
      expect(shown[1]).toContain(w);
    }
  });
});
