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

describe('matching the text as it reads', () => {
  const names = compileMatcher({ terms: ['Ducoffre'] });
  const phone = compileMatcher({ patterns: ['\\d{3}-\\d{3}-\\d{4}'] });
  const mail = compileMatcher({ patterns: ['[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}'] });
  it.each([
    ['a zero-width space inside a name', names, 'We met Du\u200bcoffre today.', 'Du\u200bcoffre'],
    ['a soft hyphen inside a name', names, 'We met Du\u00adcoffre today.', 'Du\u00adcoffre'],
    ['non-breaking hyphens in a number', phone, 'Call 202\u2011647\u20114000 now.', '202\u2011647\u20114000'],
    ['an address broken at a line end', mail, 'Mail jane.doe@exam-\nple.gov today.', 'jane.doe@exam-\nple.gov'],
  ])('%s is matched, its span in the original text', (_what, m, text, expected) => {
    const found = (m as ReturnType<typeof compileMatcher>).find(text as string);
    expect(found.map((r) => (text as string).slice(r.start, r.end))).toEqual([expected]);
  });

  it('plain text matches as before, once', () => {
    expect(names.find('Ducoffre and Ducoffre')).toEqual([{ start: 0, end: 8 }, { start: 13, end: 21 }]);
  });
});
