/**
 * Military subparagraph labels under an open one (cable-labels.ts, probe 63d F4): the next letter
 * written loosely and a numbered item of the open subparagraph are labels; prose is not.
 */
import { describe, expect, it } from 'vitest';
import { nestedMilitaryLabel, nextMilitaryLabel } from '../../src/parse/cable-labels.js';

const OPEN = { number: '2', letter: 'A' };

describe('the next military subparagraph label under 2.A.', () => {
  // Probe 65e F1: a stop and a dash or a second stop, a first item, a comma, a bracket, a pilcrow, a no-break space.
  it.each(['2.B.- ZQ', '2.B.. ZQ', '2.B.a. ZQ', '2.B.i. ZQ', '2,B. ZQ', '2.B] ZQ', '2.B.\u00a0ZQ', '¶2.B. ZQ', '¶ 2.B ZQ'])('%j is B (probe 65e)', (text) => {
    expect(nextMilitaryLabel(text, OPEN)?.letter.toUpperCase()).toBe('B');
  });
  // Probe 65e F1 (stop 66): more forms, full-width and look-alike characters, a label alone on its line.
  it.each([
    '2.B.(a) ZQ', '2.B.1.a. ZQ', '2.-B. ZQ', '2._B. ZQ', '2/B. ZQ', '2:B. ZQ', '2.[B] ZQ', '2.B.: ZQ',
    '2\uff0eB\uff0e ZQ', '\uff12.B. ZQ', '2.\u0392. ZQ', '2.\u0412. ZQ', '2.\uff22. ZQ',
    '2.B.', '2.B', '2.B.:', '2.B.(a)', '2.-B.', '2/B.', '2.B)', '2 B.', '¶2.B.', '2.\u0392.', '2.B.\u00a0',
  ])('%j is B (probe 65e, stop 66)', (text) => {
    expect(nextMilitaryLabel(text, OPEN)?.letter.toUpperCase()).toBe('B');
  });
  it('measures a folded label in the source (full-width stops)', () => {
    expect(nextMilitaryLabel('2\uff0eB\uff0e ZQ', OPEN)?.length).toBe(5);
    expect(nextMilitaryLabel('\u00b62.\u0392. ZQ', OPEN)?.length).toBe(6);
    // `2.B.(c) …`: the label is `2.B.`, the (c) its mark.
    expect(nextMilitaryLabel('2.B.(c) ZQ', OPEN)?.length).toBe(4);
  });
  // Probe 65e F7 saw prose in `2 C. The river froze.`; read so, an unmarked `2 C. ZQ…` was released
  // (probe 66d): a label, withheld if it is prose (fail closed).
  it.each([['2 C. ZQ', 'C'], ['2 C) ZQ', 'C'], ['2 D. ZQ', 'D'], ['2 B, ZQ', 'B'], ['2\tC. ZQ', 'C'], ['2 c. ZQ', 'c'], ['2 C.ZQX', 'C']])('%j is %s (fail closed, probe 66d)', (text, letter) => {
    expect(nextMilitaryLabel(text, OPEN)?.letter).toBe(letter);
  });
  it.each(['2 C', '2/B UQ', '2:B UQ', '2_B UQ', '2.5'])('%j is none', (text) => {
    expect(nextMilitaryLabel(text, OPEN)).toBeNull();
  });
  it.each(['2,B ZQ', '2.B.C. ZQ', '2.B.x. ZQ', '2,E. ZQ', '¶2.F. ZQ'])('%j is none (probe 65e)', (text) => {
    expect(nextMilitaryLabel(text, OPEN)).toBeNull();
  });
  it.each(['2.B ZQ', '2.b ZQ', '2.B: ZQ', '2.B, ZQ', '2 B. ZQ', '2 B ZQ', '2B. ZQ', '2B) ZQ', '2. B. ZQ', '2-B. ZQ', '2.(B) ZQ', '2(B) ZQ'])('%j is B', (text) => {
    expect(nextMilitaryLabel(text, OPEN)?.letter.toUpperCase()).toBe('B');
  });
  it.each(['3.B ZQ', '2B ZQ', '20 BATTALIONS', '2.BX ZQ', '2 C ZQ', '2C ZQ', '2.A ZQ', '2.US ZQ', '2.AB ZQ'])('%j is none', (text) => {
    expect(nextMilitaryLabel(text, OPEN)).toBeNull();
  });
  // Probe 63a: a letter skipped, or doubled after Z, written with the number's stop.
  it.each([
    ['2.C ZQ', OPEN, 'C'],
    ['2.c: ZQ', OPEN, 'c'],
    ['2.(D) ZQ', OPEN, 'D'],
    ['2.D. ZQ', OPEN, 'D'],
    ['2.(E) ZQ', { number: '2', letter: 'B' }, 'E'],
    ['2.AA ZQ', { number: '2', letter: 'Z' }, 'AA'],
    ['2.AA. ZQ', { number: '2', letter: 'Z' }, 'AA'],
    ['2.BB ZQ', { number: '2', letter: 'AA' }, 'BB'],
  ])('%j after %j is %s', (text, open, letter) => {
    expect(nextMilitaryLabel(text, open)?.letter).toBe(letter);
  });
  it.each([
    ['2.B ZQ', { number: '2', letter: 'C' }],
    ['2.AA ZQ', { number: '2', letter: 'BB' }],
    ['2.C ZQ', { number: '3', letter: 'A' }],
  ])('%j after %j is none (an earlier letter, another number)', (text, open) => {
    expect(nextMilitaryLabel(text, open)).toBeNull();
  });
  // Probe 64d F1, F2: a letter in parentheses the mark grammar reads is the paragraph's mark.
  it.each([
    ['2.(c) ZQ', OPEN],
    ['2.(s) ZQ', OPEN],
    ['2.(U) UQ', OPEN],
    ['2.(u) UQ', OPEN],
    ['2.(C) ZQ', OPEN],
    ['2.(S) ZQ', { number: '2', letter: 'R' }],
    ['2.(C) ZQ', { number: '2', letter: 'B' }],
    ['2.(c) ZQ', { number: '2', letter: 'B' }],
    ['2.(TS) ZQ', { number: '2', letter: 'R' }],
  ])('%j after %j is none (a mark)', (text, open) => {
    expect(nextMilitaryLabel(text, open)).toBeNull();
  });
  // Probe 64d F8: a roman numeral, or a letter far after the open one, is text.
  it.each([
    ['2.i UQ', OPEN],
    ['2.ii UQ', OPEN],
    ['2.x UQ', OPEN],
    ['2.I UQ', OPEN],
    ['2.iv UQ', OPEN],
    ['2.Q: UQ', OPEN],
    ['2.E UQ', OPEN],
    ['2.(F) UQ', OPEN],
  ])('%j after %j is none (a roman numeral, a letter too far)', (text, open) => {
    expect(nextMilitaryLabel(text, open)).toBeNull();
  });
  // Probe 64d F9: loose forms of a close later letter, read as the (U) text above and released.
  it.each([
    ['2.d- ZQ', 'd'],
    ['2 .C. ZQ', 'C'],
    ['2.C- ZQ', 'C'],
    ['2-C. ZQ', 'C'],
    ['2.C; ZQ', 'C'],
    ['2.C.1. ZQ', 'C'],
    ['2.B.1. ZQ', 'B'],
    ['2. C. ZQ', 'C'],
    ['2C. ZQ', 'C'],
    ['2.C.ZQ', 'C'],
    ['2.B.ZQ', 'B'],
    ['2.b- ZQ', 'b'],
    ['2 .B. ZQ', 'B'],
    ['2.B; ZQ', 'B'],
    ['2-B ZQ', 'B'],
  ])('%j under 2.A. is %s', (text, letter) => {
    expect(nextMilitaryLabel(text, OPEN)?.letter).toBe(letter);
  });
  it.each(['2.5 percent', '2.B.C. UQ', '2.US UQ', '2.Id UQ', '2.am UQ', '2.OK UQ', '2.vs UQ', '2.C-130 UQ', '2 C-130s UQ', '2-C UQ', '2.E- UQ', '2.i- UQ', '2.B.5percent'])(
    '%j under 2.A. is none (text)',
    (text) => {
      expect(nextMilitaryLabel(text, OPEN)).toBeNull();
    },
  );
  it.each([
    ['2.I ZQ', { number: '2', letter: 'H' }, 'I'],
    ['2.x ZQ', { number: '2', letter: 'W' }, 'x'],
    ['2.(B) ZQ', OPEN, 'B'],
  ])('%j after %j is the next letter %s (roman or not)', (text, open, letter) => {
    expect(nextMilitaryLabel(text, open)?.letter).toBe(letter);
  });
});

describe('a numbered item of the open military subparagraph', () => {
  it.each([
    ['2.A.1. ZQ', 1],
    ['2.A.1) ZQ', 1],
    ['2.A.(1) ZQ', 1],
    ['2.A(2) ZQ', 2],
    ['2.a.3 ZQ', 3],
    ['2.A.12. ZQ', 12],
  ])('%j is item %d', (text, n) => {
    expect(nestedMilitaryLabel(text, OPEN)?.number).toBe(n);
  });
  it.each(['2.B.1. ZQ', '3.A.1. ZQ', '2.A. ZQ', '2.A.1.5 percent', '2.A.100. ZQ'])('%j is none', (text) => {
    expect(nestedMilitaryLabel(text, OPEN)).toBeNull();
  });
  it('is none without an open subparagraph', () => {
    expect(nestedMilitaryLabel('2.A.1. ZQ', null)).toBeNull();
  });
});
