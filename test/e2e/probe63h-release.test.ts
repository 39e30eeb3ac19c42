/**
 * Probes 63d and 63a (fix63h), released through the CLI (release text, and the release PDF by
 * pdf.js): no `ZQ…` word in release/, every `UQ…` word the case releases there.
 * - 63d F3 (aligned-table.ts): any unmarked line right under an aligned table's last row that is not
 *   aligned with it (gaps at other columns, a tab) is a row of its own, not the row's text.
 * - 63d F4 (cable-labels.ts): under `2.A. (U) …`, nested `2.A.1.` / `2.A.(1)` and the loose
 *   `2B.`, `2. B.`, `2-B.`, `2.(B)`, `2.B,` open a portion of their own (unmarked: withheld).
 * - 63a F2 (classification-lines.ts): a later page's banner `//FRA SECRET DEFENSE`, `//DEU GEHEIM`,
 *   `//DEU VS-VERTRAULICH`, `TOPSECRET`, `SECRETREL TO USA, GBR` under an UNCLASSIFIED memo is a
 *   classification line: the page's unmarked text is withheld or pending, never released.
 * - 63a F7 (lookalike.ts): a trailing `(S//` with nothing after it is a mark not understood.
 */
import { describe, it } from 'vitest';
import { expectReleasedOrPending } from '../helpers/released-texts.js';
import { probeCable } from '../helpers/probe-cable.js';

const LONG = 'text that is long enough to fill the line of the cable';
const cable = (body: string): string => probeCable('(C)', body);
const memo = (block: string) =>
  `SECRET//NOFORN\n\nSUBJECT: (U) UQSUBJ tables\n\n(U) UQLEAD The table lists contacts.\n\n(S//NF) ZQBODY The source is secret.\n\n${block}\n\n(U) UQTAIL end.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20400101\n\nSECRET//NOFORN\n`;
const attachment = (banner: string) =>
  `UNCLASSIFIED\n\nMEMORANDUM FOR: Director\nFROM: Chief, Division\nSUBJECT: Transmittal UQS\nDATE: 15 March 2012\n\nPlease find the attached report UQA.\n\nAttachment: as stated\n\nUNCLASSIFIED\n\f\n${banner}\n\nThe source ZQ1 reported the plan in detail.\n\nThe meeting ZQ2 is on Friday.\n\n${banner}\n`;
const unclassified = (body: string) => `UNCLASSIFIED\n\nSUBJECT: (U) Test UQS\n\n(U) Public paragraph UQA here.\n\n${body}\n\n(U) Public closing UQB.\n\nUNCLASSIFIED\n`;

const CASES: [name: string, input: string, released: string[]][] = [
  // 63d F3: leaked at b839fe6.
  ['a line with gaps under a tab table', memo('(U) UQA1\t(U) UQB1\n(U) UQA2\t(U) UQB2\nZQ1 unmarked  line with two gaps   here'), ['UQA1', 'UQB2', 'UQTAIL']],
  ['a line with a tab under a space table', memo('(U) UQA1          (U) UQB1\n(U) UQA2          (U) UQB2\nZQ2 unmarked\tline with a tab'), ['UQA1', 'UQB2', 'UQTAIL']],
  ['a line with gaps at other columns', memo('(U) UQA1          (U) UQB1\n(U) UQA2          (U) UQB2\nZQ7 unmarked  text      at other column'), ['UQA1', 'UQB2', 'UQTAIL']],
  // 63d F4: leaked at b839fe6.
  ['2.A.1. under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2.A.1. ZQ6 unmarked nested label.`), ['UQA']],
  ['2.A.(1) under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2.A.(1) ZQ6 unmarked nested label.`), ['UQA']],
  ['2.A.1) under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2.A.1) ZQ6 unmarked nested label.`), ['UQA']],
  ['2.A.2. after 2.A.1. (U)', cable(`2.A. (U) UQA ${LONG}.\n2.A.1. (U) UQA1 ${LONG}.\n2.A.2. ZQ6 unmarked nested label.`), ['UQA', 'UQA1']],
  ['2.A.1. under 2.A. (U) inside paragraph 2', cable(`2. (U) UQP2 points follow.\n2.A. (U) UQA ${LONG}.\n2.A.1. ZQ6 unmarked nested label.`), ['UQP2', 'UQA']],
  ['2B. under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2B. ZQ2 unmarked next label.`), ['UQA']],
  ['2. B. under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2. B. ZQ12 unmarked next label.`), ['UQA']],
  ['2-B. under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2-B. ZQ3 unmarked next label.`), ['UQA']],
  ['2.(B) under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2.(B) ZQ4 unmarked next label.`), ['UQA']],
  ['2.B, under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2.B, ZQ7 unmarked next label.`), ['UQA']],
  // Controls: a marked nested label releases its (U) text; a number in prose is no label.
  ['2.A.1. (U) under 2.A. (C)', cable(`2.A. (C) ZQA ${LONG}.\n2.A.1. (U) UQN public nested label.`), ['UQN']],
  ['2.A.(1) (U) under 2.A. (C)', cable(`2.A. (C) ZQA ${LONG}.\n2.A.(1) (U) UQN public nested label.`), ['UQN']],
  ['2.(B) (U) under 2.A. (C)', cable(`2.A. (C) ZQA ${LONG}.\n2.(B) (U) UQB public next label.`), ['UQB']],
  ['2B (U) under 2.A. (C)', cable(`2.A. (C) ZQA ${LONG}.\n2B. (U) UQB public next label.`), ['UQB']],
  ['2.Q under 2.A. (U): a letter too far (probe 64d F8; 2.C is a label since c24dbbf), the wrap', cable(`2.A. (U) UQA ${LONG}.\n2.Q UQC goes on.`), ['UQA', 'UQC']],
  // 63a F2: leaked at b839fe6.
  ['//FRA SECRET DEFENSE on an attachment page', attachment('//FRA SECRET DEFENSE'), ['UQA']],
  ['//DEU GEHEIM on an attachment page', attachment('//DEU GEHEIM'), ['UQA']],
  ['//DEU VS-VERTRAULICH on an attachment page', attachment('//DEU VS-VERTRAULICH'), ['UQA']],
  ['TOPSECRET on an attachment page', attachment('TOPSECRET'), ['UQA']],
  ['SECRETREL TO USA, GBR on an attachment page', attachment('SECRETREL TO USA, GBR'), ['UQA']],
  // 63a F7: leaked at b839fe6.
  ['a trailing (S//', unclassified('The source ZQ13 met the officer (S//'), ['UQA', 'UQB']],
  ['a trailing (TS// with a blank', unclassified('The source ZQ14 met the officer (TS// '), ['UQA', 'UQB']],
  ['a trailing (S// at the file end', `UNCLASSIFIED\n\nSUBJECT: (U) Test UQS\n\n(U) Public paragraph UQA here.\n\nThe source ZQ15 met the officer (S//`, ['UQA']],
];

/** Released in release/ when `released` is not empty (else release/ or pending/), ZQ nowhere handed out. */
describe('probes 63d F3 F4, 63a F2 F7: released through the CLI', () => {
  it.each(CASES)('%s', async (_name, input, released) => expectReleasedOrPending(input, released));
});
