/**
 * Military subparagraph labels under an open one (cable-labels.ts, probe 63d F4): the next letter
 * written loosely and a numbered item of the open subparagraph are labels; prose is not.
 */
import { describe, expect, it } from 'vitest';
import { nestedMilitaryLabel, nextMilitaryLabel } from '../../src/parse/cable-labels.js';

const OPEN = { number: '2', letter: 'A' };

describe('the next military subparagraph label under 2.A.', () => {
  it.each(['2.B ZQ', '2.b ZQ', '2.B: ZQ', '2.B, ZQ', '2 B. ZQ', '2 B ZQ', '2B. ZQ', '2B) ZQ', '2. B. ZQ', '2-B. ZQ', '2.(B) ZQ', '2(B) ZQ'])('%j is B', (text) => {
    expect(nextMilitaryLabel(text, OPEN)?.letter.toUpperCase()).toBe('B');
  });
  it.each(['3.B ZQ', '2B ZQ', '2.B.1. ZQ', '20 BATTALIONS', '2.BX ZQ', '2 C ZQ', '2C ZQ', '2.A ZQ', '2.US ZQ', '2.AB ZQ'])('%j is none', (text) => {
    expect(nextMilitaryLabel(text, OPEN)).toBeNull();
  });
  // Probe 63a: a letter skipped, or doubled after Z, written with the number's stop.
  it.each([
    ['2.C ZQ', OPEN, 'C'],
    ['2.c: ZQ', OPEN, 'c'],
    ['2.(D) ZQ', OPEN, 'D'],
    ['2.F. ZQ', OPEN, 'F'],
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
