/**
 * Marks written in letters or symbols the readers do not map to Latin ones: Lisu `(ꓢ)`, Coptic
 * `(Ⲥ)`, Tifinagh, a negative squared `(🆂)`, a regional indicator `(🇸)`, `(S★)`. The look-alike
 * tables (markings/full-width.ts) and NFKD read the common scripts and styles; any list of them
 * leaves others out, and a mark in one of those was read as prose and its paragraph released under
 * an UNCLASSIFIED banner (probe 63a F1). So the class is read instead: a short parenthetical where
 * a mark stands that still holds a character outside ASCII once folded (a letter, a combining mark
 * or a symbol, not a currency sign) is a mark not understood (fail closed). Accented Latin folds
 * to ASCII (`(é)` stays text), and so does what the tables know.
 */
import { foldForeignLetters } from '../markings/index.js';

/** The longest such parenthetical, in code points between the parentheses: a mark is short. */
const MAX_CODE_POINTS = 6;
/** A letter, combining mark or symbol outside ASCII, but a currency sign (`(€)`). */
const UNREAD = /(?![\p{Sc}])[^\x00-\x7f](?<=[\p{L}\p{M}\p{S}])/u;
/**
 * A list's label in another script: one Greek or Cyrillic small letter (`(α)`, `(б)`), a Chinese
 * numeral, a Hangul syllable or a kana (`(一)`, `(가)`, `(ア)`).
 */
const FOREIGN_LIST_LABEL = /^(?:[\u03b1-\u03c9\u0430-\u045f]|[一二三四五六七八九十]|[\uac00-\ud7a3]|[\u3041-\u30ff])$/u;

/**
 * True when `inner`, between parentheses where a mark stands, holds a character that stays
 * outside ASCII once folded to Latin letters, is at most six code points long and is no word in
 * lower case (`(Straße)`) or foreign list label.
 */
export function holdsUnreadScript(inner: string): boolean {
  const text = inner.replace(/\p{Default_Ignorable_Code_Point}/gu, '').trim();
  if (text === '' || [...text].length > MAX_CODE_POINTS || FOREIGN_LIST_LABEL.test(text)) return false;
  const folded = foldForeignLetters(text);
  return UNREAD.test(folded) && !/[a-z]{2}/.test(folded);
}

/** The message for such a mark. */
export function unreadScriptMessage(raw: string): string {
  return `Mark ${JSON.stringify(raw)} holds letters or symbols of a script or style the reader does not read as Latin letters; not understood.`;
}

/** A parenthetical of at most 24 characters ending the line `[from, last)` before its closing punctuation (`… the plan (ꓢ).`). */
export function endingParenthetical(source: string, from: number, last: number): { open: number; end: number } | null {
  let end = last;
  while (end > from && /[\s.!?,;:*_"'”’]/.test(source[end - 1]!)) end--;
  if (source[end - 1] !== ')') return null;
  const open = source.lastIndexOf('(', end - 1);
  return open < from || end - open > 24 ? null : { open, end };
}

/**
 * The first mark in letters of a script the reader does not map that ends a line of `[from, to)`
 * (`… the plan (ꓢ).`), with its message; null when there is none. The memo reader reads each
 * line's end so (document/trailing-marks.ts); the cable reader read none, and such a paragraph
 * of an UNCLASSIFIED cable was released as unmarked text (fix65a).
 */
export function unreadScriptMarkAtLineEnd(source: string, from: number, to: number): { start: number; end: number; raw: string; message: string } | null {
  for (let line = from; line < to; ) {
    const nl = source.indexOf('\n', line);
    const last = nl < 0 || nl > to ? to : nl;
    const paren = endingParenthetical(source, line, last);
    const raw = paren ? source.slice(paren.open, paren.end) : '';
    if (paren && holdsUnreadScript(raw.slice(1, -1))) return { start: paren.open, end: paren.end, raw, message: unreadScriptMessage(raw) };
    line = last + 1;
  }
  return null;
}
