import { describe, expect, it } from 'vitest';
import { cableYear, CABLE_YEAR_PIVOT, declYear, DECL_YEAR_PIVOT, isIsoDate, isoDate, MONTH_NUMBERS } from '../src/dates.js';

describe('two-digit years', () => {
  it.each([
    ['08', 2008],
    [String(CABLE_YEAR_PIVOT), 2049],
    ['50', 1950],
    ['89', 1989],
    ['2003', 2003],
  ])('in a cable date, %s is %i', (digits, year) => {
    expect(cableYear(digits)).toBe(year);
  });

  it.each([
    [11, 2011],
    [DECL_YEAR_PIVOT, 2069],
    [70, 1970],
    [97, 1997],
  ])('in a declassification date, %i is %i', (yy, year) => {
    expect(declYear(yy)).toBe(year);
  });
});

describe('isoDate and isIsoDate', () => {
  it.each([
    [2010, 2, 28, '2010-02-28'],
    [2012, 2, 29, '2012-02-29'],
    [2010, 2, 29, null],
    [2010, 13, 1, null],
    [999, 1, 1, null],
  ])('isoDate(%i, %i, %i) is %s', (y, m, d, expected) => {
    expect(isoDate(y, m, d)).toBe(expected);
    if (expected) expect(isIsoDate(expected)).toBe(true);
  });

  it('reads every month by abbreviation and full name', () => {
    expect([MONTH_NUMBERS['SEP'], MONTH_NUMBERS['SEPT'], MONTH_NUMBERS['SEPTEMBER'], MONTH_NUMBERS['JAN'], MONTH_NUMBERS['DECEMBER']]).toEqual([9, 9, 9, 1, 12]);
  });
});
