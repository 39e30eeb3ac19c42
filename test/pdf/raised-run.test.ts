/**
 * A run raised above its line right after a portion mark (probe 14, F1): Chromium prints
 * `(S//NF)<sup>RAVEN…</sup> the source reported …` as `(S//NF)` on the line, the raised run 0.45 em
 * above it (drawn in the line's flow), and the rest of the line. The raised run was a row of its
 * own, read as the last line of the (U) paragraph above and released with it. It is the marked
 * line's now. Checked in the release with pdf.js and pdftotext, and a raw search of its streams.
 */
import { describe, expect, it } from 'vitest';
import { TestPdf } from './helpers/make.js';
import { pdfjsText, popplerText, rawAndInflated } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

/** A SECRET memo: a (U) paragraph, then an (S//NF) line whose first words are raised by `rise` points. */
async function memo(rise: number): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const lines = [
    'BT /F1 11 Tf 60 740 Td (SECRET//NOFORN) Tj ET',
    'BT /F1 11 Tf 60 710 Td ((U) The quarterly review was held at headquarters last week.) Tj ET',
    `BT /F1 11 Tf 60 696 Td ((S//NF)) Tj ${rise} Ts ( RAISEDLEAK the agent met the minister) Tj 0 Ts ( and the source reported on it.) Tj ET`,
    'BT /F1 11 Tf 60 660 Td (Classified By: John Smith, Director) Tj ET',
    'BT /F1 11 Tf 60 646 Td (Derived From: Multiple Sources) Tj ET',
    'BT /F1 11 Tf 60 632 Td (Declassify On: 20301231) Tj ET',
    'BT /F1 11 Tf 60 600 Td (SECRET//NOFORN) Tj ET',
  ];
  t.page(lines.join('\n'));
  return t.doc.save({ useObjectStreams: false });
}

describe('a run raised right after a portion mark', () => {
  it.each([4, 5])('raised %d pt over 11 pt text: withheld with its marked line', async (rise) => {
    const { pdf, failed } = await releaseMemoPdf(await memo(rise));
    expect(failed).toBe(0);
    expect(pdf).not.toBeNull();
    const shown = (await pdfjsText(pdf!)).pages.join('\n');
    expect(shown).toContain('quarterly review');
    expect(shown).not.toMatch(/RAISEDLEAK|agent met/);
    expect(popplerText(pdf!) ?? '').not.toMatch(/RAISEDLEAK/);
    expect(rawAndInflated(pdf!)).not.toMatch(/RAISEDLEAK/);
  });
});
