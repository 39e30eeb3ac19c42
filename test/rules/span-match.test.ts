import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadProfile } from '../../src/rules/load.js';
import { compileMatcher, unsafePatternReason } from '../../src/rules/span-match.js';

/** A redact rule's matcher as the bundled public-pii profile compiles it. */
const piiRule = (id: string): ReturnType<typeof compileMatcher> =>
  loadProfile(readFileSync(new URL('../../rules/public-pii.yaml', import.meta.url), 'utf8'), 'rules/public-pii.yaml').spanRules.find((r) => r.fullId === `public-pii/${id}`)!.matcher;

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
    // Leaks a tester found (adv3 F5): each was released, whole or in part.
    ['a number broken after its hyphen (the hyphen kept)', phone, 'Call the office on 202-647-\n4000 today.', '202-647-\n4000'],
    ['a number broken after its first hyphen', phone, 'Call the office on 202-\n647-4000 today.', '202-\n647-4000'],
    ['a number broken after a hyphen, blanks around the line end', phone, 'Call 202-647- \r\n  4000 today.', '202-647- \r\n  4000'],
    ['a Cyrillic о in a Latin name', names, 'We met Duc\u043effre at the ministry.', 'Duc\u043effre'],
    ['a Greek Ο in a Latin name', names, 'We met DUC\u039fFFRE at the ministry.', 'DUC\u039fFFRE'],
    ['a name in fullwidth letters', names, 'We met \uff24\uff55\uff43\uff4f\uff46\uff46\uff52\uff45 at the ministry.', '\uff24\uff55\uff43\uff4f\uff46\uff46\uff52\uff45'],
    ['a number in fullwidth digits', phone, 'We met \uff12\uff10\uff12-\uff16\uff14\uff17-\uff14\uff10\uff10\uff10 today.', '\uff12\uff10\uff12-\uff16\uff14\uff17-\uff14\uff10\uff10\uff10'],
    ['a name spelled out letter by letter (a letter-spaced PDF)', names, 'We met D u c o f f r e at the ministry.', 'D u c o f f r e'],
    ['a name spelled out after a single-letter word', names, 'We met a D u c o f f r e there.', 'D u c o f f r e'],
  ])('%s is matched, its span in the original text', (_what, m, text, expected) => {
    const found = (m as ReturnType<typeof compileMatcher>).find(text as string);
    expect(found.map((r) => (text as string).slice(r.start, r.end))).toEqual([expected]);
  });

  it('plain text matches as before, once', () => {
    expect(names.find('Ducoffre and Ducoffre')).toEqual([{ start: 0, end: 8 }, { start: 13, end: 21 }]);
  });

  it.each([
    ['a space and a line end', 'Burkhard\nDucoffre'],
    ['two spaces', 'Burkhard  Ducoffre'],
    ['a tab', 'Burkhard\tDucoffre'],
    ['blanks around a CRLF', 'Burkhard \r\n Ducoffre'],
    ['a no-break space', 'Burkhard\u00a0Ducoffre'],
  ])('a listed name of two words is matched whole with %s between them', (_what, name) => {
    const full = compileMatcher({ terms: ['Burkhard Ducoffre'] });
    const text = `We met ${name} at the ministry.`;
    expect(full.find(text).map((r) => text.slice(r.start, r.end))).toEqual([name]);
  });

  it.each([
    ['a number wrapped at its blank', 'Call 202 647\n4000 today.', ['202 647\n4000']],
    ['a number wrapped after its area code (07SANSALVADOR519)', 'tel. numbers (503) \n2339-9282 or', ['(503) \n2339-9282']],
    ['a year at a line end above a line that opens with a number', 'It rose in 2008\n400 of them left.', []],
  ])('a line end inside a number reads as a blank: %s', (_what, text, expected) => {
    expect(piiRule('telephone').find(text).map((r) => text.slice(r.start, r.end))).toEqual(expected);
  });

  it.each([
    ['two blank lines between the words: only the surname', 'We met Burkhard\n\nDucoffre there.', ['Ducoffre']],
    ['Russian text in Cyrillic letters only (ВОВ is no listed Bob)', '\u0412\u041e\u0412 \u0438 \u0421\u0421\u0421\u0420', []],
    ['a name continued by letters after its spaced-out spelling', 'D u c o f f r e s', ['D u c o f f r e']],
    ['words in a list of spaced labels that spell no listed name', 'options a b c d and e f g', []],
    ['a name split by a gap inside it (Duc offre: a compound name can be two ordinary words)', 'We met Duc offre there.', []],
  ])('no over-reach: %s', (_what, text, expected) => {
    const m = compileMatcher({ terms: ['Burkhard Ducoffre', 'Ducoffre', 'Bob'] });
    expect(m.find(text).map((r) => text.slice(r.start, r.end))).toEqual(expected);
  });
});

describe('the public-pii e-mail rule', () => {
  const mail = piiRule('email');
  it.each([
    ['an apostrophe in the local part', "We met john.o'neil@state.gov there.", ["john.o'neil@state.gov"]],
    ['a curly apostrophe in the local part', 'We met john.o\u2019neil@state.gov there.', ['john.o\u2019neil@state.gov']],
    ['a quote before the address stays', "Write to 'jsmith@state.gov' today.", ['jsmith@state.gov']],
    ['letters of other scripts (an internationalised address)', 'We met müller@auswärtiges-amt.de there.', ['müller@auswärtiges-amt.de']],
    ['a Cyrillic о in the local part', 'Mail j\u043ehn@state.gov now.', ['j\u043ehn@state.gov']],
    ['a plain address as before', 'Mail desk@state.gov now.', ['desk@state.gov']],
  ])('%s', (_what, text, expected) => {
    expect(mail.find(text).map((r) => text.slice(r.start, r.end))).toEqual(expected);
  });
});

describe('the public-pii telephone rule: whole numbers, local numbers, extensions (found by a probe)', () => {
  const phone = piiRule('telephone');
  it.each([
    ['a local number', 'at tel. 8305-1234 or', ['8305-1234']],
    ['an area code before a slash', 'or 030/8305-1234 for', ['030/8305-1234']],
    ['country, area and a one-figure last group', 'unit: +49 30 8305 0, ext', ['+49 30 8305 0']],
    ['an extension', 'ext. 4-1234, IVG', ['4-1234']],
    ['a State IVG number and a seven-figure local one', 'IVG 723-4567 or 647-1234.', ['723-4567', '647-1234']],
    ['dialled from the U.S., whole', 'dial 011-49-30-8305-1234; local', ['011-49-30-8305-1234']],
    ['country and area codes in brackets, whole', 'local (49)(30) 8305-1234.', ['(49)(30) 8305-1234']],
    ['a range of years is no number', 'from 1990-2000 and 2007-2008', []],
    ['a range of hours is no number', 'hours are 0800-1645 M-F, polls open 0600-1800', []],
    ['a date is no number', 'DECL: 02/13/2018 and 2008-11-07', []],
  ])('%s', (_what, text, expected) => {
    expect(phone.find(text).map((r) => text.slice(r.start, r.end))).toEqual(expected);
  });
});

describe('the public-pii telephone rule: figures run together after a telephone word (probe 60b F7)', () => {
  const phone = piiRule('telephone');
  it.each([
    ['eleven figures after mobile (04ANKARA9941)', 'fax 90 312 455 5558; mobile 05321234567.', ['90 312 455 5558', '05321234567']],
    ['after Tel: with a plus', 'Tel: +902124555555 or', ['+902124555555']],
    ['after tel. no.', 'tel. no. 2026474000, ask', ['2026474000']],
    ['after phone no:', 'Phone No: 903124555558', ['903124555558']],
    ['after cell, in capitals', 'CELL 053212345678', ['053212345678']],
    ['after FAX:', 'FAX: 903124555558.', ['903124555558']],
    ['fifteen figures', 'mobile 123456789012345', ['123456789012345']],
    ['nine figures are too few', 'mobile 053212345', []],
    ['sixteen figures are too many', 'mobile 0532123456789012', []],
    ['no telephone word: a long number stays', 'account 05321234567 and ref 2026474000', []],
    ['a word that ends in tel is none (hotel)', 'Hotel 05321234567', []],
    ["a cable's reference is no number", 'REF: STATE 0123456789 and 08ANKARA1234', []],
    ['a date after a telephone word is no run of ten figures', 'phone call on 20080601', []],
    ['figures glued to letters stay', 'mobile 05321234567ABC', []],
  ])('%s', (_what, text, expected) => {
    expect(phone.find(text).map((r) => text.slice(r.start, r.end))).toEqual(expected);
  });
});

describe('the public-pii telephone rule: a number later in the list after a telephone word, a local number in two groups (probe62a F9)', () => {
  const phone = piiRule('telephone');
  it.each([
    ['ten figures at the end of a list', 'Phone: (202) 555-0147, +1 202 555 0148, 202.555.0149, +44 20 7946 0958, 2025550150.', ['(202) 555-0147', '+1 202 555 0148', '202.555.0149', '+44 20 7946 0958', '2025550150']],
    ['after or', 'tel 202-555-0147 or 2025550150', ['202-555-0147', '2025550150']],
    ['seven figures in two groups after cell:', 'Ext. 4-5678, cell: 555 0101, fax 202-555-0102.', ['4-5678', '555 0101', '202-555-0102']],
    ['seven figures with a dot after phone', 'phone 555.0101', ['555.0101']],
    ['no telephone word: ten figures stay', 'serial 2025550150 and lot 555 0101', []],
    ['words between the telephone word and the number end the list', 'phone lines were cut; the serial is 2025550150 and 555 0101', []],
    ['a year and a count after the word are no number', 'phone calls in 2008 numbered 555 0101 people', []],
  ])('%s', (_what, text, expected) => {
    expect(phone.find(text).map((r) => text.slice(r.start, r.end))).toEqual(expected);
  });
});

describe('the public-pii e-mail rule: addresses written out (probe62a F9)', () => {
  const email = piiRule('email');
  it.each([
    ['at and dot as words', 'Contact ZQTWO at example dot com or', ['ZQTWO at example dot com']],
    ['[at] and a real dot', 'Email: zq.three [at] state.gov, next', ['zq.three [at] state.gov']],
    ['(at) and (dot), in capitals', 'ZQ.FOUR (AT) MAIL (DOT) STATE (DOT) GOV.', ['ZQ.FOUR (AT) MAIL (DOT) STATE (DOT) GOV']],
    ['[at] and [dot] unspaced', 'write zq[at]example[dot]org today', ['zq[at]example[dot]org']],
    ['an address as written still', 'at zqone@example.com or', ['zqone@example.com']],
    ['a bare at before a web address is none', 'visit us at www.state.gov or meet at embassy.gov today', []],
    ['a bare at and no written dot is none', 'They met at the embassy. Arrived at state.gov offices.', []],
    ['at and dot in a sentence without a domain ending', 'He looked at the dot on the map.', []],
  ])('%s', (_what, text, expected) => {
    expect(email.find(text).map((r) => text.slice(r.start, r.end))).toEqual(expected);
  });
});
