import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordHashesOf } from '../../src/leak/word-scan.js';
import { normalisedWords } from '../../src/leak/words.js';

/** The two 32-bit hashes of one word, written out apart from the scan (FNV-1a style, two primes and seeds). */
function hashWord(word: string, out: Uint32Array, i: number): void {
  let a = 0x811c9dc5 ^ 0x9e3779b1;
  let b = 0x01000193 ^ 0x85ebca77;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  out[2 * i] = a >>> 0;
  out[2 * i + 1] = (b ^ (b >>> 15)) >>> 0;
}

/** The hashes the string way gives: normalisedWords, then each word hashed. */
function expected(text: string): number[] {
  const words = normalisedWords(text);
  const pairs = new Uint32Array(words.length * 2);
  words.forEach((w, i) => hashWord(w, pairs, i));
  return [...pairs];
}

function scanned(text: string): number[] {
  const { pairs, count } = wordHashesOf(text);
  return [...pairs.subarray(0, 2 * count)];
}

describe('wordHashesOf', () => {
  it.each([
    ['plain words', 'The inter-\noperability ISSUE,  was\nraised.'],
    ['hyphen then blanks without a line break', 'well- known'],
    ['hyphen, blanks around a line break', 'co-  \n\t operation -\n-\nb'],
    ['non-breaking space and other \\s before the break', 'a-\u00a0\u2003\n\u3000b'],
    ['paragraph sign and accents', '¶3. (C) Élysée ÉTÉ Straße, naïve'],
    ['letters whose lower case is longer', 'İSTANBUL İzmir'],
    ['Kelvin sign and roman numeral', 'K \u212a \u2160 \u2170'],
    ['final sigma (string way)', 'ΟΔΥΣΣΕΥΣ ΣΑΣ'],
    ['astral letters and a lone surrogate', 'x\u{1d400}y \ud800z \u{20000}'],
    ['numbers of other scripts', '٣ ½ ²'],
    ['empty and blanks', '   \n '],
    ['characters no reader sees, inside words and around a hyphenation', 'an\u0080d Teh\u00adran zero\u200bwidth co-\u0007\n op \ufeffx'],
  ])('%s: the same hashes as the string way', (_name, text) => {
    expect(scanned(text)).toEqual(expected(text));
  });

  it('is the string way for any text (property)', () => {
    const pieces = fc.constantFrom('a', 'Z', '9', '-', '\n', ' ', '\t', '\u00a0', '¶', 'É', 'ß', 'İ', 'Σ', 'ς', '\u{1d400}', '\ud800', '.', ',', '٣', '\u2028', '\u0080', '\u00ad', '\u200b', '\u0000', '\ufeff');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(scanned(text)).toEqual(expected(text));
      }),
      { numRuns: 2000 },
    );
  });
});
