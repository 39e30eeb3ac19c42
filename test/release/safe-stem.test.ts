import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeOutputStem, stemHidesTextWord, stemWordsIn } from '../../src/release/index.js';
import { safeStem } from '../../src/release/folder.js';

/**
 * The definition, written out apart: a word of the stem (3+ characters, a letter) as a whole word
 * of the text, any case. A word of the stem is a run of letters and figures, and, but in a cable's
 * reference at its start (`08BERLIN173`), each piece of one where lower case meets a capital, a capital begins
 * a word after capitals, or letters meet figures (`KiteOps`, `BLUEHeron`, `2011kite`).
 */
function reference(stem: string, text: string): boolean {
  const parts = stem.split(/[^\p{L}\p{N}]+/u);
  const rest = stem.replace(/^\d{2}[A-Z]+\d+(?=$|[_.-])/, '').split(/[^\p{L}\p{N}]+/u);
  const joints = rest.flatMap((p) => p.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u));
  // Lower case first, then split again: `İ` lower-cases to `i` and a combining dot, which splits.
  const words = [...parts, ...joints].flatMap((w) => w.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3 && /\p{L}/u.test(w));
  return words.some((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').test(text));
}

describe('stemWordsIn: does a word of the input name occur in its text', () => {
  it.each([
    ['zulu-operation', 'The ZULU operation starts.', true],
    ['zulu-operation', 'Zulus operate.', false],
    ['08BERLIN173', 'REF: 08BERLIN173 and more', true],
    ['08BERLIN173', 'REF: 08BERLIN1730', false],
    ['08BERLIN173', 'x08BERLIN173', false],
    ['08BERLIN173_r0', 'REF: 08BERLIN173.', true],
    ['a-b-12', 'a b 12', false], // no word of 3+ characters with a letter
    ['memo', 'memo', true],
    ['memo', 'memo2', false],
    ['memo', '_memo_', true],
    ['café-plan', 'the CAFÉ plan', true],
    ['café-plan', 'the cafés', false],
    ['plan', 'the ÉPLAN', false],
    ['plan', 'the éplan', false],
    ['plan', 'the éPLANs PLAN', true],
    ['plan', 'the 𝐀plan', false],
    ['plan', 'the \ud835plan', true],
    ['kilo', 'the \u212aILO', true], // KELVIN SIGN folds to k
    ['sent', 'the ſENT', true], // LONG S folds to s
    ['xi', 'the XİS', false],
    ['\u{1d400}s\u216b', '\u{1d400}\u017f', true], // a letter then a figure: the piece 𝐀s (fast-check found the reference out of date)
    ['X\u00e9\u0130', 'X\u00c9i', true], // İ lower-cases to i and a combining dot, which ends the word xéi
  ])('%s in %j: %s', (stem, text, expected) => {
    expect(stemWordsIn(stem, text)).toBe(expected);
    expect(reference(stem, text)).toBe(expected);
  });

  it('agrees with the Unicode expression on ASCII and mixed texts', () => {
    // Letters that fold or lower-case unlike ASCII (K KELVIN SIGN, ſ, İ, final sigma), letters and
    // digits beyond ASCII (é, Ⅻ), and a letter written as a surrogate pair (𝐀).
    const char = fc.constantFrom('a', 'b', 'c', 'X', 'Y', 'Z', '0', '1', '9', ' ', '-', '_', '.', 'é', 'É', 'ſ', '\u212a', 'k', 's', 'İ', 'i', 'Σ', 'ς', 'Ⅻ', '𝐀', '\ud835');
    const str = (max: number) => fc.array(char, { maxLength: max }).map((a) => a.join(''));
    fc.assert(
      fc.property(str(12), str(60), (stem, text) => stemWordsIn(stem, text) === reference(stem, text)),
      { numRuns: 1000 },
    );
    // Words drawn from the stem, so that matches are common rather than rare.
    fc.assert(
      fc.property(fc.array(fc.constantFrom('abc', 'XYZ1', 'b0b', 'zz'), { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom('abc', 'ABC', 'xyz1', 'b0b9', 'zz', ' ', '-', 'q', '7'), { maxLength: 12 }), (stem, text) => {
        const s = stem.join('-');
        const t = text.join('');
        return stemWordsIn(s, t) === reference(s, t);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('safeOutputStem: a withheld word hidden in the name', () => {
  const planned = { withheld: [{ text: 'The agency recruited BLUEHERON in the ministry.' }], visible: 'The review was held at headquarters.' } as unknown as Parameters<typeof safeOutputStem>[1];
  it.each([
    ['2026BLUEHERON', true],
    ['memo-BLUEHERON2', true],
    ['blue_heron', true],
    ['Blue-Heron', true],
    ['BlueHeron2', true],
    ['memo', false],
    ['review-2026', false],
    // Withheld words of fewer than five letters are not looked for inside others ("the" in "theory").
    ['theory-notes', false],
    // A cable's reference is its identity: its post is no hidden word.
    ['08MINISTRY173', false],
  ])('%s is renamed: %s', (stem, renamed) => {
    expect(safeOutputStem(stem, planned, 'ab'.repeat(32), 'pdf').stem !== stem).toBe(renamed);
  });
});

describe('safeOutputStem: a short withheld word joined to another in the name', () => {
  // `KiteOps.txt` and `2011kite.txt` kept a withheld `Kite` (four letters: not looked for in the
  // letters run together); the words of a name meet at a capital or a figure too.
  const planned = { withheld: [{ text: '(S) Operation Kite moves north.' }], visible: 'The review was held at headquarters.' } as unknown as Parameters<typeof safeOutputStem>[1];
  it.each([
    ['KiteOps', true],
    ['2011kite', true],
    ['kite2', true],
    ['opsKITEPlan', true],
    ['kite_ops', true],
    ['Kitesurf', false],
    ['ReviewNotes2011', false],
  ])('%s is renamed: %s', (stem, renamed) => {
    expect(safeOutputStem(stem, planned, 'ab'.repeat(32), 'doc').stem !== stem).toBe(renamed);
  });
});

describe('safeOutputStem: a withheld word with figures hidden in the name', () => {
  // `Zebra Leak7 memo.pdf` kept a withheld `ZEBRALEAK7`: words with figures were not looked for in
  // the name's letters run together (the figures dropped), nor found word by word (`zebra`, `leak7`).
  const planned = { withheld: [{ text: '(S//NF) The source ZEBRALEAK7 reported, as 08BERLIN17 had, on the plan.' }], visible: 'The review was held at headquarters.' } as unknown as Parameters<typeof safeOutputStem>[1];
  it.each([
    ['Zebra Leak7 memo', true],
    ['zebra_leak_7', true],
    ['memo-ZEBRALEAK7-final', true],
    ['zebraleak8', false],
    ['Zebra Leak memo', false],
    // A cable's reference is its identity, though its letters and figures hold a withheld 08BERLIN17.
    ['08BERLIN173', false],
    ['08BERLIN173_r0', false],
    // Only the reference: what follows it is searched as any name is.
    ['08MEMO1_Zebra_Leak7', true],
    ['08MEMO1-ZebraLeak7', true],
    ['08MEMO1.zebra.leak7', true],
  ])('%s is renamed: %s', (stem, renamed) => {
    expect(safeOutputStem(stem, planned, 'ab'.repeat(32), 'pdf').stem !== stem).toBe(renamed);
  });
  it('the name folded (NFKC) before it is checked: a full-width or mathematical figure is a figure', () => {
    for (const file of ['in/Zebra Leak７ memo.pdf', 'in/ZEBRALEAK𝟕 memo.pdf']) {
      const stem = safeStem(file);
      expect(stem).toMatch(/^Zebra_?Leak7_memo-[0-9a-f]{8}$/i);
      expect(safeOutputStem(stem, planned, 'ab'.repeat(32), 'pdf').stem).toBe(`pdf-${'ab'.repeat(6)}`);
    }
    // A cable's name is unchanged.
    expect(safeStem('cables/08BERLIN173.txt')).toBe('08BERLIN173');
  });
  it('a text input so named is planned for its name', () => {
    expect(stemHidesTextWord('Zebra Leak7 memo', 'SECRET\n(S) ZEBRALEAK7 moves.')).toBe(true);
    expect(stemHidesTextWord('08BERLIN173', 'SECRET\n(S) See 08BERLIN17.')).toBe(false);
  });
});
