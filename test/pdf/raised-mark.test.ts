/**
 * A portion mark raised above the line it opens, on the line under a (U) paragraph (probe 63, gap
 * 3): by `Ts` in the line's flow, or drawn as a run of its own a few points above the baseline.
 * Raised 4 pt or more (over the row tolerance of 11 pt type), the mark was a row of its own: the
 * line's text an unmarked paragraph (withheld, a (U) line with it), and the (U) paragraph above cut
 * in two. The mark now opens its line: the marked paragraph is read as the page shows it.
 */
import { describe, expect, it } from 'vitest';
import { TestPdf } from './helpers/make.js';
import { releaseShown } from './helpers/release-memo.js';
import { readPdfLayout } from '../../src/pdf/index.js';

const FIRST = '(U) The quarterly review was held at headquarters last week and it went on to uqwrap the end of the first paragraph.';

/** A SECRET memo: a two-line (U) paragraph, then `line` (11 pt Helvetica, at y 682), a closing (U) and an (S//NF) paragraph. */
async function memo(line: string): Promise<Uint8Array> {
  const t = await TestPdf.create();
  t.page([
    'BT /F1 11 Tf 60 740 Td (SECRET//NOFORN) Tj ET',
    'BT /F1 11 Tf 60 710 Td ((U) The quarterly review was held at headquarters last week and it went on to) Tj ET',
    'BT /F1 11 Tf 60 696 Td (uqwrap the end of the first paragraph.) Tj ET',
    line,
    'BT /F1 11 Tf 60 640 Td ((U) A closing public paragraph about the weather.) Tj ET',
    'BT /F1 11 Tf 60 610 Td ((S//NF) ZQBRAVO the source met the minister.) Tj ET',
    'BT /F1 11 Tf 60 560 Td (Classified By: John Smith, Director) Tj ET',
    'BT /F1 11 Tf 60 546 Td (Derived From: Multiple Sources) Tj ET',
    'BT /F1 11 Tf 60 532 Td (Declassify On: 20301231) Tj ET',
    'BT /F1 11 Tf 60 500 Td (SECRET//NOFORN) Tj ET',
  ].join('\n'));
  return t.save();
}

/** The line at y 682 opening with `mark` raised `rise` pt: by Ts, or as a run of its own (`x` where the text goes on). */
const byTs = (mark: string, rise: number, text: string): string => `BT /F1 11 Tf 60 682 Td ${rise} Ts (${mark}) Tj 0 Ts ( ${text}) Tj ET`;
const apart = (mark: string, rise: number, text: string, x: number): string => `BT /F1 11 Tf 60 ${682 + rise} Td (${mark}) Tj ET\nBT /F1 11 Tf ${x} 682 Td (${text}) Tj ET`;

describe('a portion mark raised at the start of the line under a (U) paragraph (probe 63 gap 3)', () => {
  for (const rise of [2, 4, 5, 6]) {
    it.each([
      ['by Ts', byTs('\\(S//NF\\)', rise, 'ZQSECRET the agent met the minister.')],
      ['as a run of its own', apart('\\(S//NF\\)', rise, 'ZQSECRET the agent met the minister.', 100.3)],
    ])(`an (S//NF) mark raised ${rise} pt %s: its line withheld, the (U) paragraphs released whole`, async (_, line) => {
      const { text } = await releaseShown(await memo(line), /zq/i);
      expect(text).toContain(FIRST);
      expect(text).toContain('(U) A closing public paragraph about the weather.');
    });

    it.each([
      ['by Ts', byTs('\\(U\\)', rise, 'uqsecond public paragraph text here.')],
      ['as a run of its own', apart('\\(U\\)', rise, 'uqsecond public paragraph text here.', 78.4)],
    ])(`a (U) mark raised ${rise} pt %s: its paragraph released`, async (_, line) => {
      const { text } = await releaseShown(await memo(line), /zq/i);
      expect(text).toContain(FIRST);
      expect(text).toMatch(/\(U\) uqsecond public paragraph text here\./);
    });
  }

  it('control: a mark raised inside a line (a word right before it) stays a line of its own', async () => {
    const bytes = await memo('BT /F1 11 Tf 60 682 Td (uqlead words) Tj 5 Ts ( \\(S//NF\\)) Tj 0 Ts ( ZQSECRET the agent met the minister.) Tj ET');
    expect((await readPdfLayout(bytes)).text).toMatch(/\n\(S\/\/NF\)\n/);
    await releaseShown(bytes, /zq/i);
  });

  it('control: a raised mark the line goes on from only 3 em right of it stays a line of its own', async () => {
    const bytes = await memo(apart('\\(S//NF\\)', 5, 'ZQSECRET the agent met the minister.', 130));
    expect((await readPdfLayout(bytes)).text).toMatch(/\n\(S\/\/NF\)\n/);
    await releaseShown(bytes, /zq/i);
  });
});
