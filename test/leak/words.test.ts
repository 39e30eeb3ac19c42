import { describe, expect, it } from 'vitest';
import { findLeaks, normalisedWords, selfLeakRuns, shingles, UNSEEN_CHARACTERS } from '../../src/leak/words.js';
import { createCharMapper } from '../../src/render/pdf/encoding.js';

describe('leak check', () => {
  it('normalises case, punctuation, hyphenation and line breaks', () => {
    expect(normalisedWords('The inter-\noperability ISSUE,  was\nraised.')).toEqual(['the', 'interoperability', 'issue', 'was', 'raised']);
  });
  it('builds shingles', () => {
    expect([...shingles('a b c d', 3)]).toEqual(['a b c', 'b c d']);
    expect([...shingles('a b', 3)]).toEqual(['a b']);
  });
  const withheld = 'Ducoffre countered that a critical mass of both users and producers had already joined the Oslo Process';
  it('finds withheld text re-wrapped and re-cased in the output', () => {
    const output = 'Released text.\nDUCOFFRE countered that a critical mass of both\nusers and producers had already joined';
    // Every 8-word run of the withheld sentence that the output holds, and none it does not.
    expect(findLeaks([withheld], output, 'Released text.')).toEqual([
      'ducoffre countered that a critical mass of both',
      'countered that a critical mass of both users',
      'that a critical mass of both users and',
      'a critical mass of both users and producers',
      'critical mass of both users and producers had',
      'mass of both users and producers had already',
      'of both users and producers had already joined',
    ]);
  });
  it('ignores phrases the visible text legitimately holds', () => {
    const visible = 'a critical mass of both users and producers had already joined the Oslo Process';
    expect(findLeaks([withheld], visible, visible)).toEqual([]);
  });
  it('reads words as a reader sees them: characters no reader sees are dropped, NUL still separates', () => {
    expect(normalisedWords('an\u0080d Teh\u00adran zero\u200bwidth')).toEqual(['and', 'tehran', 'zerowidth']);
    expect(normalisedWords('left\u0000right')).toEqual(['left', 'right']);
    // A released paragraph that holds `an<U+0080>d` shows `and` in its PDF: the phrase is visible, no leak.
    const held = 'regular demarches in Tehran and convocations of Iranian leaders';
    expect(findLeaks([held], 'regular demarches in Tehran and convocations of Iranian leaders', 'regular demarches in Tehran an\u0080d convocations of Iranian leaders')).toEqual([]);
  });
  it('drops exactly what the PDF renderer draws as nothing, but for the separators NUL, VT, FF and CR', () => {
    const disagree: string[] = [];
    for (let cp = 0; cp < 0x3000; cp++) {
      const ch = String.fromCodePoint(cp);
      const drawn = createCharMapper().map(ch);
      const unseen = ch.search(UNSEEN_CHARACTERS) >= 0;
      if (unseen !== (drawn === '' && !['\0', '\v', '\f', '\r'].includes(ch))) disagree.push(cp.toString(16));
    }
    expect(disagree).toEqual([]);
  });
  it('is clean when nothing withheld appears', () => {
    expect(findLeaks([withheld], '¶2. [WITHHELD: B1, 1.4(B), 1.4(D)]', '')).toEqual([]);
  });
});

describe('selfLeakRuns: short withheld pieces', () => {
  const visible = 'See the schedule.1 Next meeting is planned.';
  it.each([
    ['1', false], // a footnote's number, withheld as unmarked text: found anywhere by chance
    ['12', false],
    ['402', false],
    ['Kestrel', true],
    ['x7', false],
    ['202-647-4000', true],
  ])('withheld %j shown elsewhere in the release counts: %s', (text, counts) => {
    const released = [`Page 1 of 12. 402 rooms. Kestrel 202-647-4000 x7`];
    expect(selfLeakRuns([{ portionId: 'p7', text }], visible, released).runs.size > 0).toBe(counts);
  });
});
