/**
 * Lines of a document with offsets and page numbers. The reader works line by line; every offset
 * indexes the verbatim source. Pages are separated by form feeds (`\f`), as pdftotext writes them.
 */
import { isSpace } from '../lines.js';

/** One line of the source: offsets are UTF-16 offsets into it, half-open. */
export interface DocLine {
  /** 0-based index in the line array. */
  readonly index: number;
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset of the line break (or the end of the source). */
  readonly end: number;
  /** Offset of the first non-blank character (`=== last` when blank). */
  readonly first: number;
  /** Offset just past the last non-blank character. */
  readonly last: number;
  /** `source.slice(first, last)`. */
  readonly text: string;
  readonly blank: boolean;
  /** 1-based page: one more than the form feeds before `first`. */
  readonly page: number;
}

/** White space inside a line: a cable line's blanks (ASCII, NBSP, BOM, the Unicode spaces) and the Unicode line separators. */
export function isBlankChar(c: number): boolean {
  return isSpace(c) || c === 0x2028 || c === 0x2029;
}

/**
 * Characters that draw nothing: white space, default-ignorable code points (zero-width and format
 * characters, variation selectors, the Hangul fillers U+115F, U+1160, U+3164, U+FFA0) and the
 * braille blank, but not the tag characters (U+E0000–E007F), which spell ASCII text invisibly.
 */
const DRAWS_NOTHING = /^(?:(?![\u{E0000}-\u{E007F}])[\s\p{Default_Ignorable_Code_Point}\u2800])*$/u;

/** An HTML character reference: named (`&nbsp;`, `&emsp;`) or numeric (`&#160;`, `&#xA0;`). */
const CHAR_REF = /&(?:#[xX]([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Named references to characters that draw nothing (HTML's spaces, joiners and marks). */
const BLANK_NAMES = new Set(['nbsp', 'NonBreakingSpace', 'ensp', 'emsp', 'emsp13', 'emsp14', 'numsp', 'puncsp', 'thinsp', 'ThinSpace', 'hairsp', 'VeryThinSpace', 'MediumSpace', 'ThickSpace', 'NegativeThinSpace', 'NegativeMediumSpace', 'NegativeThickSpace', 'NegativeVeryThinSpace', 'ZeroWidthSpace', 'zwnj', 'zwj', 'lrm', 'rlm', 'shy', 'NoBreak', 'Tab', 'NewLine', 'InvisibleTimes', 'it', 'InvisibleComma', 'ic', 'ApplyFunction', 'af']);

/**
 * A line that holds only characters that draw nothing, written or as character references
 * (`&nbsp;`, `&#160;`, `&#xA0;`, `&emsp;`, `&#8203;`, a Hangul filler): a blank line, as it renders
 * (HTML and Word converters write empty paragraphs so). Read as text, it glued the unmarked
 * paragraph under it to the (U) paragraph above, which was released (probe 63a F4).
 */
function drawsNothing(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c !== 38 && c < 0x80) return false;
  const decoded = text.replace(CHAR_REF, (ref, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return BLANK_NAMES.has(name) ? ' ' : ref;
    const cp = parseInt(hex ?? dec!, hex !== undefined ? 16 : 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : ref;
  });
  return DRAWS_NOTHING.test(decoded);
}

/** Splits `source` at `\n` into lines, counting form feeds into page numbers. Linear. */
export function splitDocLines(source: string): DocLine[] {
  const lines: DocLine[] = [];
  let formFeeds = 0;
  let start = 0;
  for (;;) {
    const nl = source.indexOf('\n', start);
    const end = nl === -1 ? source.length : nl;
    let first = start;
    while (first < end && isBlankChar(source.charCodeAt(first))) {
      if (source.charCodeAt(first) === 12) formFeeds++;
      first++;
    }
    let last = end;
    while (last > first && isBlankChar(source.charCodeAt(last - 1))) last--;
    const blank = last === first || drawsNothing(source.slice(first, last));
    lines.push({ index: lines.length, start, end, first: blank ? end : first, last: blank ? end : last, text: blank ? '' : source.slice(first, last), blank, page: formFeeds + 1 });
    // Form feeds after the text (or on a blank line) start the next page.
    for (let i = blank ? first : last; i < end; i++) if (source.charCodeAt(i) === 12) formFeeds++;
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/**
 * The width body text wraps at, in columns: the 90th percentile of the right edges (`last - start`)
 * of the given lines, at least 40. Counting sort, so linear.
 */
export function wrapWidth(lines: readonly DocLine[]): number {
  const cap = 400;
  const counts = new Uint32Array(cap + 1);
  let n = 0;
  for (const l of lines) {
    if (l.blank) continue;
    counts[Math.min(cap, l.last - l.start)]! += 1;
    n++;
  }
  if (n === 0) return 80;
  const target = Math.ceil(n * 0.9);
  let seen = 0;
  for (let w = 0; w <= cap; w++) {
    seen += counts[w]!;
    if (seen >= target) return Math.max(40, w);
  }
  return cap;
}

/**
 * The line's text without Markdown decoration around it: heading hashes, block-quote marks,
 * bold/italic markers at both ends (`**SECRET//NOFORN**`, `## Classified By: …`). Used to
 * recognise banners, authority and header lines; spans always point at the undecorated source.
 */
export function undecorated(text: string): { text: string; lead: number } {
  const lead = /^(?:#{1,6}[ \t]+|>[ \t]?|[*_]{1,3}(?=\S))*/.exec(text)?.[0].length ?? 0;
  let body = text.slice(lead);
  body = body.replace(/(?<=\S)[*_]{1,3}$/, '').trimEnd();
  return { text: body, lead };
}
