/**
 * A name the safe-name step had to change (tagged `-<8 hex>`) writes each letter it cannot write as
 * `_`: the pieces on both sides of it must not keep most of a withheld word (probe 69c F2).
 */
import { describe, expect, it } from 'vitest';
import { repeatsWithheld, stemHidesTextWord } from '../../src/leak/name-check.js';

const planned = (word: string) => ({ withheld: [{ portionId: 'p2', text: `(S//NF) The source ${word} ZQ31 reported.` }], visible: '(U) The public paragraph UQ32.' });

describe('letters the safe name wrote as _', () => {
  it.each([
    ['NIGHTJ_R-e3947907', 'NIGHTJAR', true],
    ['PEL_CAN-0232ff24', 'PELICAN', true],
    ['PELICA_-0232ff24', 'PELICAN', true],
    ['_ELICAN-0232ff24', 'PELICAN', true],
    ['memo_NIGHT_-0232ff24', 'NIGHTJAR', true],
    // Too little of the word is left to give it away.
    ['PEL_-0232ff24', 'PELICAN', false],
    ['N_R-e3947907', 'NIGHTJAR', false],
    // A name kept as written: its `_` separates words, and `Iraq` is no withheld IRAQI.
    ['2003-04-11_SIDToday_-_Post-war_Iraq_Plan', 'IRAQI', false],
    ['NIGHTJ_R', 'NIGHTJAR', false],
  ])('%s and a withheld %s: %s', (stem, word, renamed) => {
    expect(repeatsWithheld(stem, planned(word))).toBe(renamed);
    // The release is planned for the name when its text holds the word.
    expect(stemHidesTextWord(stem, planned(word).withheld[0]!.text)).toBe(renamed);
  });
});
