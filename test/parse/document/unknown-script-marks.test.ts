/**
 * Probe 63a F1 and F7 (fix64a): marks written in letters or symbols of a script or style the
 * reader does not map to Latin ones (Lisu `ꓢ`, Coptic `Ⲥ`, Tifinagh, a negative squared `🆂`, a
 * regional indicator `🇸`), in a portion mark or in a later page's classification line, and marks
 * damaged at a paragraph's end (`(S//`, a bare `(C` as the file's last bytes, `plan(S)` glued).
 * Each was read as unmarked text of an UNCLASSIFIED document and released. A short parenthetical
 * holding such a character where a mark stands is a mark not understood; a line that would be a
 * classification line with such a character in a level word is a classification line not
 * understood. Accented Latin (`(é)`), a Greek or Cyrillic list letter (`(α)`, `(б)`), a plural
 * `plan(s)` and `OFFICER(S)` in capitals stay text.
 */
import { describe, expect, it } from 'vitest';
import { decideWord } from '../../helpers/decide-word.js';

const unclassified = (body: string) => `UNCLASSIFIED\n\nSUBJECT: (U) Test UQS\n\n(U) Public paragraph UQA here.\n\n${body}\n\n(U) Public closing UQB.\n\nUNCLASSIFIED\n`;
const attachment = (banner: string) =>
  `UNCLASSIFIED\n\nMEMORANDUM FOR: Director\nFROM: Chief, Division\nSUBJECT: Transmittal UQS\nDATE: 15 March 2012\n\nPlease find the attached report UQA.\n\nUNCLASSIFIED\n\f\n${banner}\n\nThe source ZQ1 reported the plan in detail.\n\n${banner}\n`;

/** Released before: now never released (withheld, the document pending review). */
const HELD: [name: string, text: string][] = [
  ['Lisu (ꓢ) opening a paragraph', unclassified('(\ua4e2) The source ZQ1 reported the plan.')],
  ['Coptic (Ⲥ) opening a paragraph', unclassified('(\u2ca4) The source ZQ1 reported the plan.')],
  ['negative squared (🆂)', unclassified('(\u{1f182}) The source ZQ1 reported the plan.')],
  ['regional indicator (🇸)', unclassified('(\u{1f1f8}) The source ZQ1 reported the plan.')],
  ['Tifinagh (ⵎ)', unclassified('(\u2d4e) The source ZQ1 reported the plan.')],
  ['Lisu (ꓢ) after a number', unclassified('2. (\ua4e2) The source ZQ1 reported the plan.')],
  ['Lisu (ꓢ) after a sentence end', '(U) Public UQC text. (\ua4e2) The source ZQ1 reported.'],
  ['Lisu (ꓢ) trailing', unclassified('The source ZQ1 reported the plan (\ua4e2).')],
  ['regional indicator trailing', unclassified('The source ZQ1 reported the plan (\u{1f1f8})')],
  ['Lisu (ꓢꓠ) two letters', unclassified('(\ua4e2\ua4e0) The source ZQ1 reported the plan.')],
  ['a level and a symbol (S★)', unclassified('(S\u2605) The source ZQ1 reported the plan.')],
  ['ꓢECRET on a later page', attachment('\ua4e2ECRET')],
  ['ⲤONFIDENTIAL on a later page', attachment('\u2ca4ONFIDENTIAL')],
  ['🆂ECRET on a later page', attachment('\u{1f182}ECRET')],
  ['TOP ꓢECRET//NOFORN on a later page', attachment('TOP \ua4e2ECRET//NOFORN')],
  // Held before too (the look-alike tables, NFKD): kept so.
  ...['\u{1d412}', '\u{1d47a}', '\u13da', '\u054f', '\u03a4S', '\uff33', '\ua731', '\u24c8', '\u02e2', 'S\u0308'].map(
    (m): [string, string] => [`(${m}) opening a paragraph`, unclassified(`(${m}) The source ZQ1 reported the plan.`)],
  ),
  ['(S// trailing', unclassified('The source ZQ1 met the officer (S//')],
  ['a bare (C at the file end', 'UNCLASSIFIED\n\nSUBJECT: (U) Test UQS\n\n(U) Public paragraph UQA here.\n\nThe source ZQ1 met the officer (C'],
  ['a bare (TS at a paragraph end', unclassified('The source ZQ1 met the officer (TS')],
  ['plan(S) glued at a paragraph end', unclassified('The source ZQ1 reported the plan(S)')],
  ['plan(C). glued at a paragraph end', unclassified('The source ZQ1 reported the plan(C).')],
];

/** Controls: text, released as the (U) paragraph it is in or as unmarked text of an UNCLASSIFIED document. */
const TEXT: [name: string, text: string][] = [
  ['accented Latin (é) after a (U) mark', '(U) The letter UQ1 (é) is accented.'],
  ['(é) opening a paragraph', unclassified('(é) The letter UQ1 is accented.')],
  ['a Greek list letter', unclassified('(U) Options:\n\n(α) the first UQ1 option.')],
  ['a Cyrillic list letter', unclassified('(U) Options:\n\n(\u0431) the second UQ1 option.')],
  ['a plural (s)', '(U) The source(s) UQ1 reported the plan(s)'],
  ['a plural in capitals', '(U) THE NOMINEE UQ1 WILL MEET THE OFFICER(S)'],
  ['a currency in parentheses', '(U) Prices UQ1 are in euros (\u20ac)'],
  ['a Chinese word in parentheses inside a (U) paragraph', '(U) The term UQ1 (\u6a5f\u5bc6) means secret.'],
];

describe('marks in letters of scripts the reader does not map, and damaged trailing marks', () => {
  it.each(HELD)('%s: not released', (_name, text) => {
    const { action } = decideWord(text, 'ZQ1');
    expect(action).not.toBe('release');
  });
  it.each(TEXT)('%s: text', (_name, text) => {
    const { action, doc } = decideWord(text, 'UQ1');
    expect(action).toBe('release');
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
