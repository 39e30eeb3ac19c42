/**
 * A run of smaller type raised inside a marked line, too high for joinSuperscripts (probe 58f, F4):
 * `ZQBRAVO` then `/F1 6 Tf 9 Ts (ZQDELTA) Tj` in an (S//NF) line 14 pt under a (U) line made a row
 * of its own, read as the next line of the (U) paragraph above and released. It is a portion of
 * its own now (unmarked: withheld in a SECRET memo). Raised digits low enough to be the line's
 * superscript stay in the (S//NF) line. Release PDFs are checked with pdftotext and pdf.js.
 */
import { describe, expect, it } from 'vitest';
import { readPdfLayout } from '../../src/pdf/index.js';
import { TestPdf } from './helpers/make.js';
import { pdfjsText, popplerText } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

/** A SECRET//NOFORN memo: a (U) line, an (S//NF) line drawing `run` at `size` pt raised `rise` pt after ZQBRAVO, a (U) line. */
async function memo(run: string, size: number, rise: number, pitch = 14): Promise<Uint8Array> {
  const t = await TestPdf.create();
  t.page([
    'BT /F1 12 Tf 1 0 0 1 250 760 Tm (SECRET//NOFORN) Tj ET',
    'BT /F1 12 Tf 1 0 0 1 72 700 Tm (\\(U\\) The public report covers the harbor visit by the fleet.) Tj ET',
    `BT /F1 12 Tf 1 0 0 1 72 ${700 - pitch} Tm (\\(S//NF\\) ZQALPHA source said ZQBRAVO) Tj /F1 ${size} Tf ${rise} Ts (${run}) Tj 0 Ts /F1 12 Tf ( more ZQCHARLIE.) Tj ET`,
    `BT /F1 12 Tf 1 0 0 1 72 ${700 - 2 * pitch} Tm (\\(U\\) The second public line about the weather today.) Tj ET`,
    'BT /F1 10 Tf 1 0 0 1 72 130 Tm (Classified By: John Smith, Director) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 118 Tm (Reason: 1.4\\(c\\)) Tj ET',
    'BT /F1 10 Tf 1 0 0 1 72 106 Tm (Declassify On: 20501231) Tj ET',
    'BT /F1 12 Tf 1 0 0 1 250 40 Tm (SECRET//NOFORN) Tj ET',
  ].join('\n'));
  return t.doc.save({ useObjectStreams: false });
}

async function shown(pdf: Uint8Array): Promise<string[]> {
  return [(await pdfjsText(pdf)).pages.join('\n'), popplerText(pdf) ?? ''];
}

describe('a small run raised inside an (S//NF) line', () => {
  it('6 pt raised 9 pt: not read into the (U) paragraph above, withheld', async () => {
    const bytes = await memo('ZQDELTA', 6, 9);
    expect((await readPdfLayout(bytes)).text).not.toMatch(/fleet\.[ \n]ZQDELTA/);
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(0);
    for (const s of [...(await shown(pdf!)), text!]) {
      expect(s).not.toMatch(/ZQ/);
      expect(s).toMatch(/The public report covers the harbor visit by the fleet\./);
      expect(s).toMatch(/The second public line about the weather today\./);
    }
  });

  it('a digit, 6 pt raised 9 pt: not released with the (U) paragraph', async () => {
    const { pdf, text, failed } = await releaseMemoPdf(await memo('7', 6, 9));
    expect(failed).toBe(0);
    for (const s of [...(await shown(pdf!)), text!]) {
      expect(s).not.toMatch(/ZQ|7/);
      expect(s).toMatch(/by the fleet\./);
    }
  });

  it.each([[6, 4], [8, 4], [6, 6], [8, 6]])('controls: a digit %d pt raised %d pt stays in its (S//NF) line', async (size, rise) => {
    const bytes = await memo('7', size, rise);
    expect((await readPdfLayout(bytes)).text).toMatch(/\(S\/\/NF\) ZQALPHA source said ZQBRAVO7 more ZQCHARLIE\./);
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(0);
    for (const s of [...(await shown(pdf!)), text!]) {
      expect(s).not.toMatch(/ZQ|7/);
      expect(s).toMatch(/The second public line about the weather today\./);
    }
  });
});

describe('a raised run near the line size inside an (S//NF) line (probe 59b, F3)', () => {
  it.each([[10.5], [11], [12]])('%d pt raised 5 pt: not read into the (U) paragraph above, withheld', async (size) => {
    const { pdf, text, failed } = await releaseMemoPdf(await memo('ZQECHO', size, 5));
    expect(failed).toBe(0);
    for (const s of [...(await shown(pdf!)), text!]) {
      expect(s).not.toMatch(/ZQ/);
      expect(s).toMatch(/The public report covers the harbor visit by the fleet\./);
      expect(s).toMatch(/The second public line about the weather today\./);
    }
  });
});
