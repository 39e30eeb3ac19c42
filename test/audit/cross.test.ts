import { describe, expect, it } from 'vitest';
import { COMMON_DOCUMENTS, findSelfLeak, WithheldIndex } from '../../src/audit/cross.js';

const quote = 'The minister said privately that the government would recognise the new coalition within a week.';

describe('WithheldIndex', () => {
  it('finds a paragraph withheld in one document in the released text of another, not of itself', () => {
    const index = new WithheldIndex();
    index.add('A', [{ portionId: 'p2', text: quote }], 'Header of A.');
    index.add('B', [], `Header of B.\n${quote}`);
    expect(index.find(`Header of B.\n${quote.toUpperCase().replace(/ /g, '\n')}`, 'B')).toEqual([{ from: 'A', portions: ['p2'], runs: 8 }]);
    expect(index.find(quote, 'A')).toEqual([]);
  });

  it('skips text the withholding document also shows, short phrases, and boilerplate shared by many originals', () => {
    const index = new WithheldIndex();
    index.add('A', [{ portionId: 'p2', text: quote }], `Also shown: ${quote}`);
    index.add('C', [{ portionId: 'p1', text: 'a short piece' }], '');
    expect(index.find(`${quote} a short piece`, 'B')).toEqual([]);
    const boiler = 'Visit our classified web site at http://www.state.sgov.gov/p/wha/mexicocity and see more';
    const many = new WithheldIndex();
    many.add('W', [{ portionId: 'p9', text: boiler }], '');
    for (let i = 0; i < COMMON_DOCUMENTS; i++) many.add(`D${i}`, [], boiler);
    expect(many.find(boiler, 'D0')).toEqual([]);
  });

  it('findSelfLeak finds short redacted pieces whole and long ones by runs', () => {
    expect(findSelfLeak('A', [{ portionId: 'p1', text: 'John Q. Smith' }], 'Visible.', 'Call john q smith today')).toEqual({ from: 'A', portions: ['p1'], runs: 1 });
    expect(findSelfLeak('A', [{ portionId: 'p1', text: 'John Q. Smith' }], 'Met John Q. Smith.', 'Met John Q. Smith.')).toBeNull();
    expect(findSelfLeak('A', [{ portionId: 'p2', text: quote }], '', `x ${quote}`)?.runs).toBe(8);
  });
});
