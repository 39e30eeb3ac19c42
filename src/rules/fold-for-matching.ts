/**
 * The text as a reader sees it, for B6 matching only: what a person reads as a listed name, a
 * telephone number or an address must match although its characters differ. The original text is
 * never changed; each folded character keeps the offset of the character it came from, so a
 * redaction covers exactly what shows the match in the original.
 */
import { UNSEEN_CHARACTERS } from '../leak/words.js';

/** A folded text and, for each of its UTF-16 units, the offset in the original it came from. */
export interface FoldedText {
  readonly text: string;
  readonly origin: readonly number[];
}

/** Characters that show nothing (zero-width ones, soft hyphen, controls): those the leak check and the PDF renderer drop. */
const INVISIBLE = new RegExp(UNSEEN_CHARACTERS.source);
/** Hyphens and dashes that read as `-` in a name, number or address. */
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2212]/;
/**
 * Fullwidth and halfwidth forms, the ideographic space and the Latin ligatures: NFKC gives the
 * characters they show (`Ｄ` → `D`, `４` → `4`, `ﬀ` → `ff`, so `Ducoﬀre` reads as `Ducoffre`).
 */
const WIDE = /[\u3000\uff01-\uffef\ufb00-\ufb06]/;

/**
 * Cyrillic and Greek letters drawn as a Latin one (`Ducоffre` with a Cyrillic о reads `Ducoffre`).
 * Deliberately small: only letters a reader cannot tell apart from the Latin one in common fonts.
 */
const LOOKALIKES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // Cyrillic
    а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w',
    А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
    // Greek
    Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
    ο: 'o', ν: 'v',
  }),
);
const LOOKALIKE = new RegExp(`[${[...LOOKALIKES.keys()].join('')}]`, 'u');
/**
 * A word (letters, digits and the marks of an address) with a look-alike in it and a Latin letter:
 * only mixed-script words are folded, so Russian or Greek text that happens to spell a listed name
 * in its own letters (`ВОВ`) is not redacted as the Latin one.
 */
const MIXED_WORD = /[\p{L}\p{M}\p{N}'.@_%+-]+/gu;
const LATIN = /\p{Script=Latin}/u;

/** A line end (with the blanks around it) before a letter or digit: where a hyphen breaks a word or number. */
const HYPHEN_BREAK = /^[ \t]*\r?\n[ \t]*(?=[\p{L}\p{N}])/u;

/**
 * How a hyphen at a line end is read: `dehyphenate` drops it with the break (`exam-⏎ple` →
 * `example`, a word broken by the writer), `join` keeps it and drops only the break (`202-647-⏎4000`
 * → `202-647-4000`, a hyphen that belongs to the number) and reads a break inside a number as a
 * blank (`202 647⏎4000`). Both readings are matched: the text does not say which one is meant.
 */
export type LineEndReading = 'dehyphenate' | 'join';

/** Offsets of the characters to read as a Latin letter: look-alikes in mixed-script words. */
function lookalikesToFold(text: string): Map<number, string> {
  const replace = new Map<number, string>();
  if (LOOKALIKE.test(text)) {
    for (const m of text.matchAll(MIXED_WORD)) {
      if (!LOOKALIKE.test(m[0]) || !LATIN.test(m[0])) continue;
      for (let k = 0; k < m[0].length; k++) {
        const to = LOOKALIKES.get(m[0][k]!);
        if (to) replace.set(m.index + k, to);
      }
    }
  }
  return replace;
}

/** A hyphen at a line end before a letter or digit (the `dehyphenate` reading's only line-end change). */
const HYPHEN_AT_LINE_END = /[-\u2010-\u2013\u2212][ \t]*\r?\n[ \t]*[\p{L}\p{N}]/u;
/** A line end after a hyphen, digit or `)` before a digit: where the `join` reading differs from `dehyphenate`. */
export const NUMBER_AT_LINE_END = /[-\u2010-\u2013\u2212\p{N})][ \t]*\r?\n[ \t]*\p{N}/u;

/** True when folding may change `text` (a quick test: most portions are matched once, unfolded). */
function mayFold(text: string, reading: LineEndReading): boolean {
  return (
    INVISIBLE.test(text) ||
    HYPHENS.test(text) ||
    WIDE.test(text) ||
    LOOKALIKE.test(text) ||
    HYPHEN_AT_LINE_END.test(text) ||
    (reading === 'join' && NUMBER_AT_LINE_END.test(text))
  );
}

/** Characters the fold may change, and in the `join` reading a line end inside a number; the text between is copied in one slice. */
const SPECIAL = new RegExp(`${INVISIBLE.source}|[-\\u2010-\\u2013\\u2212]|${WIDE.source}|${LOOKALIKE.source}`, 'gu');
const SPECIAL_JOIN = new RegExp(`${SPECIAL.source}|(?<=[\\p{N})])[ \\t]*\\r?\\n[ \\t]*(?=\\p{N})`, 'gu');

/**
 * `text` as a reader sees it: invisible characters left out, look-alike hyphens as `-`, fullwidth
 * forms as NFKC gives them, Cyrillic and Greek look-alikes in a Latin word as the Latin letter,
 * and a line end read as `reading` says. Null when nothing changes.
 */
export function foldForMatching(text: string, reading: LineEndReading = 'dehyphenate'): FoldedText | null {
  if (!mayFold(text, reading)) return null;
  const replace = lookalikesToFold(text);
  const parts: string[] = [];
  const origin: number[] = [];
  let last = '';
  const emit = (s: string, at: number, step: number): void => {
    if (s.length === 0) return;
    parts.push(s);
    for (let k = 0; k < s.length; k++) origin.push(at + k * step);
    last = s[s.length - 1]!;
  };
  const special = reading === 'join' ? SPECIAL_JOIN : SPECIAL;
  let from = 0;
  for (const m of text.matchAll(special)) {
    const i = m.index;
    if (i < from) continue;
    emit(text.slice(from, i), from, 1);
    from = i + m[0].length;
    const ch = m[0];
    if (ch.includes('\n')) emit(' ', i, 0); // a number wrapped where a blank was (join only)
    else if (INVISIBLE.test(ch)) continue;
    else if (HYPHENS.test(ch) || ch === '-') {
      const brk = HYPHEN_BREAK.exec(text.slice(from, from + 12));
      const broken = brk !== null && /[\p{L}\p{N}]/u.test(last);
      if (!broken || reading === 'join') emit('-', i, 0);
      if (broken) from += brk[0].length;
    } else emit(replace.get(i) ?? (WIDE.test(ch) ? ch.normalize('NFKC') : ch), i, 0);
  }
  emit(text.slice(from), from, 1);
  const out = parts.join('');
  return out === text ? null : { text: out, origin };
}
