/**
 * Probe 63 (fix63b), released through the CLI: no `ZQ…` word in the release text or the release
 * PDF (read back by pdf.js), every released `UQ…` word there.
 * - Cable labels (cable-labels.ts nextMilitaryLabel): `2.B`, `2.b`, `2 B.`, `2 B`, `2.B:` under
 *   `2.A. (U) …` open a portion of their own, as `2.B.` does; they were the (U) paragraph's text.
 * - Aligned tables in a memo (aligned-table.ts): an unmarked line right under a table's last row,
 *   and a cell's wrap under a table of one row, are rows of their own.
 */
import { describe, expect, it } from 'vitest';
import { releaseOneText } from '../helpers/released-texts.js';
import { probeCable } from '../helpers/probe-cable.js';

const LONG = 'text that is long enough to fill the line of the cable';
const cable = (body: string): string => probeCable('(C)', body);
const memo = (block: string) =>
  `SECRET//NOFORN\n\nSUBJECT: (U) UQSUBJ tables\n\n(U) UQLEAD The table lists contacts.\n\n(S//NF) ZQBODY The source is secret.\n\n${block}\n\n(U) UQTAIL end.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20400101\n\nSECRET//NOFORN\n`;

const words = (text: string, prefix: string): string[] => [...new Set(text.match(new RegExp(`\\b${prefix}[A-Z0-9]+\\b`, 'g')) ?? [])];

const CASES: [name: string, input: string, released: string[]][] = [
  // Leaked at 80ffc91.
  ['2.B under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2.B ZQB unmarked next label.`), ['UQA']],
  ['2.b under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2.b ZQB unmarked next label.`), ['UQA']],
  ['2 B. under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2 B. ZQB unmarked next label.`), ['UQA']],
  ['2 B under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2 B ZQB unmarked next label.`), ['UQA']],
  ['2.B: under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2.B: ZQB unmarked next label.`), ['UQA']],
  ['2.B under 2.A. (U) inside paragraph 2', cable(`2. (U) UQP2 points follow.\n2.A. (U) UQA ${LONG}.\n2.B ZQB unmarked next label.`), ['UQP2', 'UQA']],
  ['a memo: a line under an aligned table', memo('(U) UQA1\t(U) UQB1\n(U) UQA2\t(U) UQB2\nZQROW unmarked line'), ['UQA1', 'UQB1', 'UQA2', 'UQB2', 'UQTAIL']],
  ['a memo: a wrap under a table of one row', memo('(U) UQA1          (U) UQB1\n                  ZQWRAP wrapped'), ['UQA1', 'UQB1', 'UQTAIL']],
  // Controls: the (U) text under a loose label is released; a loose label is no label alone.
  ['2.B (U) under 2.A. (C)', cable(`2.A. (C) ZQA ${LONG}.\n2.B (U) UQB public next label.`), ['UQB']],
  ['2 B. (U) under 2.A. (C)', cable(`2.A. (C) ZQA ${LONG}.\n2 B. (U) UQB public next label.`), ['UQB']],
  // Probe 63a (fix64b): a skipped letter, or a doubled one after Z, with the number's stop is a label.
  ['2.C under 2.A. (U): a letter skipped, a label', cable(`2.A. (U) UQA ${LONG}.\n2.C ZQC unmarked later label.`), ['UQA']],
  ['2.AA under 2.Z. (U): a label', cable(`2. (U) UQP2 points follow.\n2.Z. (U) UQZ ${LONG}.\n2.AA ZQAA unmarked later label.`), ['UQP2', 'UQZ']],
  ['2 C under 2.A. (U): no stop, the wrap', cable(`2.A. (U) UQA ${LONG} and\n2 C UQC goes on.`), ['UQA', 'UQC']],
  ['3 B under 2.A. (U): not its number, the wrap', cable(`2.A. (U) UQA ${LONG} and\n3 B UQC goes on.`), ['UQA', 'UQC']],
];

describe('probe 63: released through the CLI', () => {
  it.each(CASES)('%s', async (_name, input, released) => {
    const files = await releaseOneText(input);
    expect([...files.keys()].some((f) => f.startsWith('release/'))).toBe(true);
    for (const [file, text] of files) {
      for (const w of words(input, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
      if (!file.startsWith('release/')) continue;
      for (const w of released) expect(text, `${file}: ${w}`).toContain(w);
    }
  });
});
