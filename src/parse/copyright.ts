/**
 * The copyright sign written with a letter: `Copyright (C) 2005 Reuters.`, `copyright (c) 2006`.
 * Read as a portion mark, it raised a press clip's (U) paragraph to CONFIDENTIAL, and the
 * UNCLASSIFIED memo holding it rolled up to CONFIDENTIAL without an authority block and went to
 * review whole. Only a `(C)` right after the word "Copyright" is the sign: a `(c) 2005 Reuters.`
 * alone may open a paragraph (`(C) 2005 was a banner year`, 06BOGOTA144) and stays a mark (fail
 * closed). Pure.
 */

/** The word before the sign, then blanks on the same line, at the end of the text before it. */
const COPYRIGHT_BEFORE = /(?:^|[^\p{L}\p{N}])copyright[ \t]*$/iu;

/** True when the `(C)` or `(c)` at `at` (`raw` is what was read there) follows the word "Copyright". */
export function isCopyrightSign(source: string, at: number, raw: string): boolean {
  if (raw !== '(C)' && raw !== '(c)') return false;
  return COPYRIGHT_BEFORE.test(source.slice(Math.max(0, at - 24), at));
}
