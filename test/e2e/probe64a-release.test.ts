/**
 * Probe 63a F1 and F7 (fix64a), released through the CLI (release text, and the release PDF by
 * pdf.js): no `ZQ…` word in release/ or pending/ text handed out, every `UQ…` word the case
 * releases there.
 * - F1 (unread-script.ts, document/marks.ts): a short parenthetical where a mark stands holding
 *   a letter or symbol of a script the reader does not map to Latin (Lisu, Coptic, Tifinagh, a
 *   negative squared or regional-indicator letter) is a mark not understood; ornate parentheses
 *   `﴾S﴿` are read as parentheses (stand-ins.ts).
 * - F1 (classification-lines.ts): `ꓢECRET`, `ⲤONFIDENTIAL`, `🆂ECRET` on a later page of an
 *   UNCLASSIFIED memo are classification lines not understood.
 * - F7 (document/trailing-marks.ts): `(C` cut at the file's end, `plan(S)` glued at a paragraph's end.
 */
import { describe, it } from 'vitest';
import { expectReleasedOrPending } from '../helpers/released-texts.js';

const attachment = (banner: string) =>
  `UNCLASSIFIED\n\nMEMORANDUM FOR: Director\nFROM: Chief, Division\nSUBJECT: Transmittal UQS\nDATE: 15 March 2012\n\nPlease find the attached report UQA.\n\nAttachment: as stated\n\nUNCLASSIFIED\n\f\n${banner}\n\nThe source ZQ1 reported the plan in detail.\n\nThe meeting ZQ2 is on Friday.\n\n${banner}\n`;
const unclassified = (body: string) => `UNCLASSIFIED\n\nSUBJECT: (U) Test UQS\n\n(U) Public paragraph UQA here.\n\n${body}\n\n(U) Public closing UQB.\n\nUNCLASSIFIED\n`;

const cable = (item: string) => `UNCLASSIFIED\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: MEETING\n\n1. (U) Public paragraph UQA here.\n\n${item}\n\n3. (U) Public closing UQB.\n`;

const CASES: [name: string, input: string, released: string[]][] = [
  // F1: leaked at 3f4fefe.
  ['Lisu (ꓢ) opening a paragraph', unclassified('(\ua4e2) The source ZQ1 reported the plan in detail.'), ['UQA']],
  ['Coptic (Ⲥ)', unclassified('(\u2ca4) The source ZQ1 reported the plan in detail.'), ['UQA']],
  ['negative squared (🆂)', unclassified('(\u{1f182}) The source ZQ1 reported the plan in detail.'), ['UQA']],
  ['regional indicator (🇸)', unclassified('(\u{1f1f8}) The source ZQ1 reported the plan in detail.'), ['UQA']],
  ['Tifinagh (ⵎ)', unclassified('(\u2d4e) The source ZQ1 reported the plan in detail.'), ['UQA']],
  ['ornate parentheses ﴾S﴿', unclassified('\ufd3eS\ufd3f The source ZQ1 reported the plan in detail.'), ['UQA']],
  ['Lisu (ꓢ) after a sentence end', unclassified('(U) Public UQC text. (\ua4e2) The source ZQ1 reported.'), ['UQA']],
  ['Lisu (ꓢ) trailing', unclassified('The source ZQ1 reported the plan (\ua4e2).'), ['UQA']],
  ['ꓢECRET on an attachment page', attachment('\ua4e2ECRET'), ['UQA']],
  ['ⲤONFIDENTIAL on an attachment page', attachment('\u2ca4ONFIDENTIAL'), ['UQA']],
  ['🆂ECRET on an attachment page', attachment('\u{1f182}ECRET'), ['UQA']],
  ['a combining grapheme joiner (C\u034f)', unclassified('(C\u034f) The source ZQ1 reported the plan in detail.'), ['UQA']],
  ['a cable: 2. (ꓢ)', cable('2. (\ua4e2) The source ZQ1 reported the plan in detail.'), ['UQA']],
  ['a cable: 2. (🇸)', cable('2. (\u{1f1f8}) The source ZQ1 reported the plan in detail.'), ['UQA']],
  // F7: leaked at 3f4fefe.
  ['a bare (C at the file end', 'UNCLASSIFIED\n\nSUBJECT: (U) Test UQS\n\n(U) Public paragraph UQA here.\n\nThe source ZQ1 met the officer (C', ['UQA']],
  ['plan(S) glued at a paragraph end', unclassified('The source ZQ1 reported the plan(S)'), ['UQA']],
  // Controls: released as they were.
  ['(é) in a (U) paragraph', unclassified('(U) The letter UQ1 (é) is accented, as is UQ2 (\u00df).'), ['UQA', 'UQ1', 'UQ2']],
  ['a plural (s) at a (U) paragraph end', unclassified('(U) The source(s) UQ1 reported the plan(s)'), ['UQA', 'UQ1']],
];

describe('probe 63a F1 F7 (fix64a): released through the CLI', () => {
  it.each(CASES)('%s', async (_name, input, released) => expectReleasedOrPending(input, released));
});
