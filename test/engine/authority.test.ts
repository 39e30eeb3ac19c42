import { describe, expect, it } from 'vitest';
import { expandAuthority, formatReason, sortAuthorities } from '../../src/engine/authority.js';

describe('authority', () => {
  it.each([
    [['B1', '{reasons}'], ['1.4(b)', '1.4(d)'], ['B1', '1.4(B)', '1.4(D)']],
    [['B1', '{reasons}'], [], ['B1']],
    [['B6'], ['1.4(b)'], ['B6']],
    [['B1', '{reasons}', 'B1'], ['1.5(d)'], ['B1', '1.5(D)']],
  ])('expandAuthority(%j, %j) = %j', (templates, reasons, expected) => {
    expect(expandAuthority(templates, reasons)).toEqual(expected);
  });
  it('formats reasons as State prints them', () => {
    expect(formatReason('1.4(h)')).toBe('1.4(H)');
  });
  it('sorts exemptions first, then E.O. categories, then the rest', () => {
    expect(sortAuthorities(['1.4(D)', 'NOFORN', 'B6', 'B1', '1.4(B)', 'B1'])).toEqual(['B1', 'B6', '1.4(B)', '1.4(D)', 'NOFORN']);
  });
});
