/**
 * Lines of the source, with offsets. The parser works line by line; every offset here indexes
 * into the verbatim source, so spans built from lines need no translation.
 */

/** One line (or, for re-flowed text, one piece of a long line): offsets into the source. */
export interface Line {
  /** 0-based index in the line array (not a source line number). */
  readonly index: number;
  /** Offset of the first character of the line (or piece). */
  readonly start: number;
  /** Offset just past the last character, before the newline. */
  readonly end: number;
  /** Offset of the first non-blank character (`== last` when the line is blank). */
  readonly first: number;
  /**
   * Offset just past the last content character: trailing white space and the stray ` \`
   * line-continuation marks of some corpus files are not content.
   */
  readonly last: number;
  /** `source.slice(first, last)`. */
  readonly text: string;
  /** True when the line holds nothing but white space (and stray backslashes). */
  readonly blank: boolean;
  /** True when this is a piece of a long re-flowed line rather than a whole line. */
  readonly piece: boolean;
}

/** Builds a {@link Line} for `[start, end)` of `source`. */
export function makeLine(source: string, index: number, start: number, end: number, piece: boolean): Line {
  let first = start;
  while (first < end && isSpace(source.charCodeAt(first))) first++;
  let last = end;
  while (last > first && (isSpace(source.charCodeAt(last - 1)) || source.charCodeAt(last - 1) === 92)) last--;
  // A line made only of blanks and stray backslashes is blank.
  if (last === first) {
    return { index, start, end, first: last, last, text: '', blank: true, piece };
  }
  return { index, start, end, first, last, text: source.slice(first, last), blank: false, piece };
}

/** Splits the source at `\n` (the decoder has already turned CR and CRLF into LF). */
export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = source.indexOf('\n', start);
    const end = nl === -1 ? source.length : nl;
    lines.push(makeLine(source, lines.length, start, end, false));
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/**
 * Space, tab, and the other ASCII/Unicode blanks that appear in cables (NBSP, form feed), and the
 * Unicode spaces a word processor or web page can put before a mark (em space, thin space, zero
 * width space, ideographic space): a line that starts with one still starts with its mark.
 */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || c === 9 || c === 12 || c === 11 || c === 13;
  return c === 160 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x3000;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * True for the code of a letter or digit in any script (ASCII without an expression); false for
 * `undefined` or NaN, which is what looking past either end of a text gives.
 */
export function isLetterOrDigit(code: number | undefined): boolean {
  if (code === undefined || code !== code) return false;
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}
