/**
 * Word-shingle leak check, shared by the release self-check, the audit and the fuzzer. Text is
 * compared as runs of `n` consecutive words, normalised for case, hyphenation at line ends, line
 * breaks, spacing and punctuation, so a withheld sentence re-wrapped or re-spaced is still found.
 * Pure.
 */
import { cutAtPlaceholders } from './tool-words.js';

/** Shingle length of every leak comparison: the release self-check and every audit check. */
export const SHINGLE_WORDS = 8;

/**
 * Characters a reader of a release never sees: control characters other than the blanks and NUL
 * (the separator the leak checks leave where text was removed), the soft hyphen and the
 * zero-width ones. The PDF renderer drops them (render/pdf/encoding.ts), so `an<U+0080>d` in a
 * text is `and` in its PDF: the words are compared as read, without them.
 */
export const UNSEEN_CHARACTERS = /[\u0001-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Words of `text`, lower-cased, with `-\n` hyphenation joined, unseen characters and punctuation dropped. */
export function normalisedWords(text: string): string[] {
  return text
    .replace(UNSEEN_CHARACTERS, '')
    .replace(/-\s*\n\s*/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** The set of `n`-word shingles of `text` (a text shorter than `n` words gives one shingle of all of them). */
export function shingles(text: string, n: number): Set<string> {
  const words = normalisedWords(text);
  const out = new Set<string>();
  if (words.length === 0) return out;
  if (words.length < n) {
    out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/**
 * Shingles of withheld text that occur in `output` but not in `visible` (the original text the
 * release is meant to show). Returns the offending shingles, empty when clean. `visible` keeps
 * phrases that a cable legitimately repeats in a released part from counting as leaks. `output`
 * may be several texts read apart: no shingle spans two of them (words are joined across any
 * punctuation, so a text is cut rather than marked), nor a placeholder (./tool-words.ts).
 */
export function findLeaks(withheld: readonly string[], output: string | readonly string[], visible: string, n = SHINGLE_WORDS): string[] {
  const out = new Set<string>();
  for (const t of typeof output === 'string' ? [output] : output) for (const piece of cutAtPlaceholders(t)) for (const s of shingles(piece, n)) out.add(s);
  const allowed = shingles(visible, n);
  const leaks: string[] = [];
  for (const text of withheld) {
    if (normalisedWords(text).length < n) continue; // too short to tell apart from ordinary phrases
    for (const s of shingles(text, n)) if (out.has(s) && !allowed.has(s)) leaks.push(s);
  }
  return [...new Set(leaks)];
}

/** Letters a short withheld run needs before it counts as shown when the release shows it split otherwise. */
const JOINED_MIN = 12;

/**
 * The runs of withheld `pieces` that `released` (texts read apart) holds and `visible` does not:
 * 8-word runs, and pieces shorter than 8 words (a redacted name or number) found whole,
 * word-aligned. A short piece the release shows anyway, split otherwise (a PDF's string reader
 * splits `ConSIDer` where its font changes, `con sid er`; the release text does not), is no
 * leak: long enough (JOINED_MIN letters) not to be found by chance. With the portions they come
 * from. Used by the audit's leak check and for output names (a name is released text too).
 */
export function selfLeakRuns(pieces: readonly { readonly portionId: string; readonly text: string }[], visible: string, released: readonly string[]): { runs: Set<string>; portions: Set<string> } {
  const out = new Set(released.flatMap((t) => [...shingles(t, SHINGLE_WORDS)]));
  const flat = ` ${released.map((t) => normalisedWords(t).join(' ')).join(' | ')} `;
  const withheld = withheldRunsOf(pieces, visible);
  const runs = new Set<string>();
  const portions = new Set<string>();
  for (const { needle, portionId } of withheld.needles) {
    if (!flat.includes(needle)) continue;
    runs.add(needle);
    portions.add(portionId);
  }
  for (const [s, ids] of withheld.runs) {
    if (!out.has(s)) continue;
    runs.add(s);
    for (const id of ids) portions.add(id);
  }
  return { runs, portions };
}

/**
 * {@link selfLeakRuns} for many short released texts of one document (the addresses of its
 * links): the withheld runs the release does not show anyway are worked out once, and each text
 * is then looked at alone. True when `released` holds one of them.
 */
export function withheldRunFinder(pieces: readonly { readonly portionId: string; readonly text: string }[], visible: string): (released: string) => boolean {
  const { needles, runs } = withheldRunsOf(pieces, visible);
  return (released) => {
    const flat = ` ${normalisedWords(released).join(' ')} `;
    if (needles.some((n) => flat.includes(n.needle))) return true;
    for (const sh of shingles(released, SHINGLE_WORDS)) if (runs.has(sh)) return true;
    return false;
  };
}

/**
 * What of withheld `pieces` a release must not show, as {@link selfLeakRuns} counts it: pieces
 * shorter than 8 words (whole, as ` word word `) that `visible` does not show anyway, and the
 * 8-word runs of longer ones it does not hold, each with the portions it comes from.
 */
function withheldRunsOf(pieces: readonly { readonly portionId: string; readonly text: string }[], visible: string): { needles: { needle: string; portionId: string }[]; runs: Map<string, string[]> } {
  const allowed = shingles(visible, SHINGLE_WORDS);
  const flatVisible = ` ${normalisedWords(visible).join(' ')} `;
  const joinedVisible = flatVisible.replace(/ /g, '');
  const shownAnyway = (needle: string): boolean => {
    if (flatVisible.includes(needle)) return true;
    const joined = needle.replace(/ /g, '');
    return joined.length >= JOINED_MIN && joinedVisible.includes(joined);
  };
  const needles: { needle: string; portionId: string }[] = [];
  const runs = new Map<string, string[]>();
  for (const piece of pieces) {
    const words = normalisedWords(piece.text);
    if (words.length === 0) continue;
    if (words.length < SHINGLE_WORDS) {
      // A piece of two characters, or three figures (a footnote's number, `1`, withheld as unmarked
      // text of its own), is found in any text by chance: the audit failed a release whose page
      // showed a `1` elsewhere.
      const joined = words.join('');
      if (joined.length <= 2 || (joined.length <= 3 && !/\p{L}/u.test(joined))) continue;
      const needle = ` ${words.join(' ')} `;
      if (!shownAnyway(needle)) needles.push({ needle, portionId: piece.portionId });
      continue;
    }
    for (const sh of shingles(piece.text, SHINGLE_WORDS)) {
      if (allowed.has(sh)) continue;
      const ids = runs.get(sh);
      if (ids) ids.push(piece.portionId);
      else runs.set(sh, [piece.portionId]);
    }
  }
  return { needles, runs };
}
