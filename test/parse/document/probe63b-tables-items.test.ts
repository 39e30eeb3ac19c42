/**
 * Probe 63 (fix63b), the document reader: gaps where an unmarked line of a classified document was
 * released as part of a (U) portion.
 * - Aligned tables (aligned-table.ts): an unmarked line with no gap right under a table's last row
 *   was read as that row's wrap; a cell's text wrapped under its column below a table of one row
 *   (which was no table) was read as the row's text. Both are now rows of their own (unmarked,
 *   withheld), and a row of one table row and a wrap whose first cell alone is marked is pending.
 * - Lettered items (item-sequence.ts): after `i. (U) …` an unmarked `j.` (after `h.`) or `ii.` (i
 *   alone) is the next item, whichever way the i/v/x letter-or-roman reading goes (held already;
 *   kept here as a regression test).
 * - A single line `(U) Name<TAB>value` is no table: its mark covers the whole line (README,
 *   "Aligned tables"), so the value is released with it; with a wrap under its second column it is.
 */
import { describe, expect, it } from 'vitest';
import { decideWord } from '../../helpers/decide-word.js';


const memo = (block: string) =>
  `SECRET//NOFORN\n\nSUBJECT: (U) UQSUBJ tables\n\n(U) UQLEAD The table lists contacts.\n\n(S//NF) ZQBODY The source is secret.\n\n${block}\n\n(U) UQTAIL end.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20400101\n\nSECRET//NOFORN\n`;

const decide = decideWord;

const TAB2 = '(U) UQA1\t(U) UQB1\n(U) UQA2\t(U) UQB2';
const SP2 = '(U) UQA1          (U) UQB1\n(U) UQA2          (U) UQB2';

describe('probe 63: an unmarked line under an aligned table is no row\'s wrap', () => {
  it.each([
    // Leaked at 80ffc91: read as the last row's wrap, released with its (U).
    ['tabs, a line at the first column under the last row', `${TAB2}\nZQT1 unmarked line`, 'ZQT1', 'UQB2'],
    ['spaces, a line at the first column under the last row', `${SP2}\nZQT2 unmarked line`, 'ZQT2', 'UQB2'],
    ['spaces, a line indented off the columns under the last row', `${SP2}\n  ZQT3 unmarked line`, 'ZQT3', 'UQB2'],
    ['one row, a wrap under its (U) second cell', '(U) UQA1          (U) UQB1\n                  ZQT4 wrap', 'ZQT4', 'UQB1'],
    ['one row, a wrap under a tab', '(U) UQA1\t(U) UQB1\n\tZQT5 wrap', 'ZQT5', 'UQB1'],
    ['one row, a wrap under its unmarked second cell', '(U) UQA1          ZQC6\n                  ZQT6 wrap', 'ZQT6', 'ZQC6'],
    // Withheld at 80ffc91 too (the second, as the (S) cell's text).
    ['a line indented to a column under the last row', `${SP2}\n                  ZQT7 unmarked line`, 'ZQT7', 'UQB2'],
    ['one row, a wrap under its (S) second cell', '(U) UQA1          (S) ZQC8\n                  ZQT8 wrap', 'ZQT8', 'ZQC8'],
  ])('%s: a portion of its own, withheld', (_name, block, secret, above) => {
    const { d, portion, text } = decide(memo(block), secret);
    expect(d.action).toBe('withhold');
    expect(portion.markingSource).toBe('unmarked');
    expect(text).not.toContain(above);
  });

  it('one row whose second cell is unmarked, with a wrap under it: the row is pending (its first cell alone is marked)', () => {
    const { d, portion } = decide(memo('(U) UQA1          ZQC6\n                  ZQT6 wrap'), 'ZQC6');
    expect(d.ruleId).toBe('public/unknown-marking');
    expect(portion.markFirstCellOnly).toBe(true);
  });

  it.each([
    ['a marked paragraph right under the table, and its wrap', `${SP2}\n(U) UQN1 next paragraph that\nUQN2 goes on.`, ['UQN1', 'UQN2', 'UQA2', 'UQB2']],
    ['a table of two rows whose cells are all (U)', TAB2, ['UQA1', 'UQB2']],
    ['a single line with a tab: its mark covers the line (no table)', '(U) UQS1 Name\tUQS2 value', ['UQS1', 'UQS2']],
    ['a single line with a wide gap: its mark covers the line', '(U) UQS3 Name          UQS4 value', ['UQS3', 'UQS4']],
    ['a single line and a line at the first column: its wrap', '(U) UQS5 Report of the meeting          12 May 2010\nUQS6 held in Paris.', ['UQS5', 'UQS6']],
  ])('control, %s: released', (_name, block, words) => {
    for (const w of words) expect(decide(memo(block), w).d.action, w).toBe('release');
  });
});

describe('probe 63: after i. (U), an unmarked next label is the next item', () => {
  it.each([
    ['j. after h. and i. (i a letter)', 'h. (U) UQH item.\ni. (U) UQI item.\nj. ZQJ1 unmarked item.', 'ZQJ1'],
    ['ii. after h. and i.', 'h. (U) UQH item.\ni. (U) UQI item.\nii. ZQJ2 unmarked item.', 'ZQJ2'],
    ['ii. after i. alone (i roman)', 'i. (U) UQI item.\nii. ZQJ3 unmarked item.', 'ZQJ3'],
    ['j. after i. alone', 'i. (U) UQI item.\nj. ZQJ4 unmarked item.', 'ZQJ4'],
    ['j. after i. whose line ends no sentence', 'h. (U) UQH item\ni. (U) UQI item going on\nj. ZQJ5 unmarked item.', 'ZQJ5'],
    ['J. after H. and I.', 'H. (U) UQH item.\nI. (U) UQI item.\nJ. ZQJ6 unmarked item.', 'ZQJ6'],
    ['w. after u. and v.', 'u. (U) UQU item.\nv. (U) UQV item.\nw. ZQJ7 unmarked item.', 'ZQJ7'],
    ['vi. after iv. and v.', 'iv. (U) UQU item.\nv. (U) UQV item.\nvi. ZQJ8 unmarked item.', 'ZQJ8'],
    ['y. after w. and x.', 'w. (U) UQW item.\nx. (U) UQX item.\ny. ZQJ9 unmarked item.', 'ZQJ9'],
    ['xi. after ix. and x.', 'ix. (U) UQU item.\nx. (U) UQV item.\nxi. ZQJA unmarked item.', 'ZQJA'],
    ['(j) after (h) and (i)', '(h) (U) UQH item.\n(i) (U) UQI item.\n(j) ZQJB unmarked item.', 'ZQJB'],
    ['(ii) after (i) alone', '(i) (U) UQI item.\n(ii) ZQJC unmarked item.', 'ZQJC'],
    ['j) after h) and i), no stops', 'h) (U) UQH item\ni) (U) UQI item\nj) ZQJD unmarked item.', 'ZQJD'],
  ])('%s: withheld, its own portion', (_name, block, secret) => {
    const { d, portion, text } = decide(memo(block), secret);
    expect(d.action).toBe('withhold');
    expect(portion.markingSource).toBe('unmarked');
    expect(text).not.toMatch(/UQ/);
  });
});
