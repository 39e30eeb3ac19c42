/**
 * A memo of blank-line paragraphs with a block of one-line portions (probe 12, F6): `(S//NF) …` /
 * `(U) Public line one.` / `An unmarked line …` with no blank line between. Every line up to the
 * next blank line went on with the portion before it, so the unmarked line was released as the (U)
 * line's text (the same block in a memo without blank-line paragraphs was split off). In a block of
 * one-line portions, a line the author broke after a (U) sentence, well short of the wrap width,
 * opens an unmarked portion now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/parse/read.js';
import { planRelease } from '../../../src/release/index.js';
import { loadProfile } from '../../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const memo = (block: string) =>
  `SECRET//NOFORN\n\nMEMORANDUM FOR: Director\nFROM: Chief, Analysis\nSUBJECT: (U) Quarterly review\nDATE: 12 March 2024\n\n(S//NF) A secret paragraph before the block.\n\n${block}\n\n(U) End of the review text here, which runs on for a while to set the width of the memo's lines.\n\nClassified By: J. Smith, Chief\nDerived From: Multiple Sources\nDeclassify On: 20491231\n\nSECRET//NOFORN\n`;

function release(block: string): string {
  return planRelease(readDocument(memo(block), { format: 'document' }).doc, PUBLIC, { asOf: '2026-12-01', stem: 'M' }).releaseText;
}

describe('a line broken after a (U) sentence in a memo of blank-line paragraphs', () => {
  it.each([
    ['after a one-line (U) portion under an (S//NF) one', '(S//NF) Secret para ends here.\n(U) Public line one.\nBROKENLEAK an unmarked line after it.'],
    ['after a one-line (U) portion under another (U) one', '(U) First public line.\n(U) Public line one.\nBROKENLEAK an unmarked line after it.'],
    // Probe 13a, F8: the unmarked line opens with a quote, a parenthesis, a capital outside ASCII; the (U) line ends with `;`.
    ['a line opening with a quote', '(S//NF) Secret para ends here.\n(U) Public line one.\n"BROKENLEAK reports weekly."'],
    ['a line opening with a parenthesis', '(S//NF) Secret para ends here.\n(U) Public line one.\n(BROKENLEAK reports weekly.)'],
    ['a line opening with Ü', '(S//NF) Secret para ends here.\n(U) Public line one.\nÜber BROKENLEAK reports weekly.'],
    ['after a (U) line ending with a semicolon', '(S//NF) Secret para ends here.\n(U) Public line one;\nBROKENLEAK reports weekly.'],
  ])('%s: the unmarked line is withheld', (_, block) => {
    const out = release(block);
    expect(out).not.toContain('BROKENLEAK');
    expect(out).toContain('(U) Public line one');
  });

  it.each([
    ['a (U) paragraph wrapped at the width goes on', '(U) Public text that runs on for a while until it reaches the width of\nKEEPWORD the memo and goes on to the end of its sentence.'],
    ['a line in lower case goes on', '(S//NF) Secret line.\n(U) Public line one.\nand KEEPWORD more public text.'],
    ['a line opening with a comma goes on', '(S//NF) Secret line.\n(U) Please contact Mr.\n, KEEPWORD Watch Director, for more.'],
    // After a blank line, or after a (U) paragraph of several lines, a short line is its author's (`(U) Thanks for reading!` / `Cindy`).
    ['a line after a (U) paragraph that opened after a blank line', '(U) Thanks for reading!\nKEEPWORD Cindy'],
    ['a line after a (U) paragraph of two lines', '(U) Public line one, which runs on for a while to the width of the\nmemo and ends here.\nKEEPWORD the author goes on.'],
  ])('%s', (_, block) => {
    expect(release(block)).toContain('KEEPWORD');
  });
});
