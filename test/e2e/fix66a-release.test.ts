/**
 * Probe 65e F1, F7 and F2 (stop 66), released through the CLI. F1: cable subparagraph labels still
 * missed ran on as the (U) subparagraph's text and were released: a label alone on its line with
 * its text on the next (`2.B.` / `ZQX …`), `2.B.(a)`, `2.B.1.a.`, `2.-B.`, `2/B.`, `2:B.`, `2.[B]`,
 * full-width or Greek/Cyrillic look-alike characters. F7: prose opening with `2 C.` after a
 * sentence end was withheld as a label, and stays so (read as prose, an unmarked `2 C. ZQ…` was
 * released: probe 66d). F2: a disguised level alone on a later page's first line
 * (`ⓈⒺⒸⓇⒺⓉ`, `ꜱᴇᴄʀᴇᴛ`, `ѕесrеt`, `S3CRET`, `ЅΕС ЯΕТ`) was read as text (or, circled, as a rule) and
 * the page's unmarked text released under the memo's UNCLASSIFIED banner.
 */
import { describe, it } from 'vitest';
import { probeCable } from '../helpers/probe-cable.js';
import { expectReleasedOrPending } from '../helpers/released-texts.js';

const sub = (line: string): string =>
  probeCable('(C)', `2. (U) UQP2 points follow.\n2.A. (U) UQA text that is long enough to fill the line of the cable.\n${line}\n\n3. (U) UQTHREE end.`);

const LABELS = ['2.B.', '2.B.:', '2.B.(a)', '2.B.1.a.', '2.-B.', '2._B.', '2/B.', '2:B.', '2.[B]', '2\uff0eB\uff0e', '\uff12.B.', '2.\u0392.', '2.\u0412.', '¶2.B.', '2 B.', '2.C.'];
const TEXTS = ['2 C.', '2 C)', '2 D.', '2 B,', '2\tC.', '2 c.', '2 C.ZQY'];

describe('probe 65e F1: labels under 2.A. (U) … . (stop 66)', () => {
  it.each(LABELS)('%j then its text on the line is a label', async (l) => expectReleasedOrPending(sub(`${l} ZQX text.`), ['UQA', 'UQTHREE']));
  it.each(LABELS)('%j alone, its text on the next line, is a label', async (l) => expectReleasedOrPending(sub(`${l}\nZQX text.`), ['UQA', 'UQTHREE']));
  it('a label alone takes the mark on the next line (no B1 on the bare label)', async () => expectReleasedOrPending(sub('2.B.\n(U) UQB text.'), ['UQA', '2.B.', 'UQB', 'UQTHREE']));
});

describe('probe 66d: a line opening with a number and a later letter after a sentence end', () => {
  // Read as prose (probe 65e F7), an unmarked classified subparagraph written so was released.
  it.each(TEXTS)('%j is a label: its text is withheld, fail closed', async (l) => expectReleasedOrPending(sub(`${l} ZQX The river froze.`), ['UQA', 'UQTHREE']));
});

const memo = (line: string): string =>
  `UNCLASSIFIED\n\nMEMORANDUM FOR THE RECORD\nSUBJECT: (U) Quarterly notes UQ0\n\n(U) UQ1 First page text.\n\nUNCLASSIFIED\n\f${line}\n\nZQ14 unmarked text under the disguised banner.\n\n${line}\n`;
const DISGUISED = ['\u24c8\u24ba\u24b8\u24c7\u24ba\u24c9', '\ua731\u1d07\u1d04\u0280\u1d07\u1d1b', '\u0455\u0435\u0441r\u0435t', '\u0405 \u0415 \u0421 R \u0415 \u0422', 'S3CRET', '5ECRET', '$ECRET', '\u0405\u0395\u0421 \u042f\u0395\u0422', '\u13daecret'];

describe('probe 65e F2: a disguised level heading a later page', () => {
  it.each(DISGUISED)('%s: the unmarked text under it is not handed out', async (l) => expectReleasedOrPending(memo(l), ['UQ1']));
  it.each(['SECRETARY', 'Secret Service', 'S3', '\u0411\u042e\u0414\u0416\u0415\u0422'])('%s: text, the memo released', async (l) =>
    expectReleasedOrPending(memo(l).replace('ZQ14', 'UQ14'), ['UQ1', 'UQ14']),
  );
});
