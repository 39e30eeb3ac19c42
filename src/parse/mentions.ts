/**
 * Parentheticals spelled like marks that are text, not marks: the copyright sign, and a mark
 * named rather than used. Pure.
 *
 * The copyright sign written with a letter: `Copyright (C) 2005 Reuters.`, `copyright (c) 2006`.
 * Read as a portion mark, it raised a press clip's (U) paragraph to CONFIDENTIAL, and the
 * UNCLASSIFIED memo holding it rolled up to CONFIDENTIAL without an authority block and went to
 * review whole. Only a `(C)` right after the word "Copyright" is the sign: a `(c) 2005 Reuters.`
 * alone may open a paragraph (`(C) 2005 was a banner year`, 06BOGOTA144) and stays a mark (fail
 * closed).
 */

import { labelAfterSiblingInText } from './list-label.js';

/** The word before the sign, then blanks on the same line, at the end of the text before it. */
const COPYRIGHT_BEFORE = /(?:^|[^\p{L}\p{N}])copyright[ \t]*$/iu;

/** True when the `(C)` or `(c)` at `at` (`raw` is what was read there) follows the word "Copyright". */
export function isCopyrightSign(source: string, at: number, raw: string): boolean {
  if (raw !== '(C)' && raw !== '(c)') return false;
  return COPYRIGHT_BEFORE.test(source.slice(Math.max(0, at - 24), at));
}

/** Words after which a mark is named, not used: `portions marked (S) must …`. */
const NAMED_AFTER = /(?:^|[^\p{L}\p{N}])(?:marked|marking|markings|marks|labell?ed|stamped|classified as|reads?)[ \t]*$/iu;

/** Quotes that may stand right around a named mark. */
const OPENING_QUOTES = new Set(['"', "'", '\u201c', '\u2018']);
const CLOSING_QUOTES = new Set(['"', "'", '\u201d', '\u2019']);

/**
 * True when the mark `raw` at `at` is named, not used: quoted alone (`the cable marked "(S)" was
 * sent`: nothing inside the quotes is marked by it), or right after a word that names marks
 * (`Portions marked (S) must be protected.`). Raised by such a mark, a (U) paragraph was withheld
 * under (b)(1) as SECRET, and the Vaughn index said it was portion-marked SECRET. A quoted mark
 * that opens quoted text (`he wrote: "(S) The source …"`) marks that text and is not named.
 */
export function isNamedMark(source: string, at: number, raw: string): boolean {
  const before = source[at - 1] ?? '';
  const after = source[at + raw.length] ?? '';
  if (OPENING_QUOTES.has(before) && CLOSING_QUOTES.has(after)) return true;
  return NAMED_AFTER.test(source.slice(Math.max(0, at - 24), at)) && !/[\p{Lu}]/u.test(source.slice(at + raw.length).trimStart()[0] ?? '');
}

/** True when the parenthetical `raw` at `at` is text, not a mark: the copyright sign or a named mark. */
function isTextNotMark(source: string, at: number, raw: string): boolean {
  return isCopyrightSign(source, at, raw) || isNamedMark(source, at, raw);
}

/**
 * True when the parenthetical `raw` at `at`, inside the text from `from` (its paragraph or
 * portion), is no mark: a list's label after its sibling there (`(a) file; (b) name; (C) copy`,
 * ./list-label.ts), the copyright sign or a named mark. What the readers of text ask before a mark
 * inside a paragraph raises it or cuts it.
 */
export function isNoMarkInText(source: string, at: number, raw: string, from: number): boolean {
  return labelAfterSiblingInText(source, at, raw, from) || isTextNotMark(source, at, raw);
}
