import { describe, expect, it } from 'vitest';
import { compileMatcher, unsafePatternReason } from '../../src/rules/span-match.js';

describe('compileMatcher', () => {
  it('finds terms as whole words, case-insensitively', () => {
    const m = compileMatcher({ terms: ['Ducoffre'] });
    expect(m.find('desk officer Burkhard Ducoffre, and DUCOFFRE; Ducoffres no')).toEqual([
      { start: 22, end: 30 },
      { start: 36, end: 44 },
    ]);
  });
  it('respects ignoreCase: false', () => {
    expect(compileMatcher({ terms: ['Rome'], ignoreCase: false }).find('ROME Rome')).toEqual([{ start: 5, end: 9 }]);
  });
  it('finds patterns', () => {
    expect(compileMatcher({ patterns: ['\\d{3}-\\d{4}'] }).find('call 647-4000 now')).toEqual([{ start: 5, end: 13 }]);
  });
  it.each([
    ['(a+)+', true],
    ['(\\w*\\s?)*', true],
    ['(x|y)\\1', true],
    ['[A-Z]+@[a-z]+', false],
    ['(?:ab)+', false],
    ['(a+)?', false],
  ])('unsafePatternReason(%s) refuses=%s', (pattern, refused) => {
    expect(unsafePatternReason(pattern) !== null).toBe(refused);
  });
  it('rejects invalid and unsafe patterns with a message', () => {
    expect(() => compileMatcher({ patterns: ['(a+)+$'] })).toThrow(/refused/);
    expect(() => compileMatcher({ patterns: ['([a-z'] })).toThrow(/not a valid regular expression/);
  });
});
