/**
 * Marks written with characters that hide in them or stand in for their ASCII: a zero-width space
 * or joiner, a direction mark or a byte-order mark inside `(S//NF)`, a full-width, fraction or
 * division slash for `/`, a non-breaking hyphen for `-`, a full-width, small, superscript or
 * subscript parenthesis for `(` and `)`. Word processors, web pages and text taken
 * out of PDFs put them there; the readers would take `(\u200bS)` or `(S／／NF)` for text and, under
 * an UNCLASSIFIED banner, release the paragraph. A parenthetical holding one is read with blanks,
 * `(`, `)`, `/` and `-` in their place when it then reads as a mark (understood or not), character for
 * character, so every offset still refers to the same text. Elsewhere the text is left as it is
 * (a zero-width joiner shapes Persian and Indic words).
 */
import { abovePlainU, classifyParenthetical, parseMarking } from '../markings/index.js';
import type { Diagnostic } from '../types.js';

/**
 * Characters that draw nothing: Unicode's default-ignorable code points (zero-width space,
 * non-joiner and joiner, direction marks, word joiner and invisible operators, BOM, direction
 * embeddings and isolates, the Arabic letter mark, variation selectors, the Mongolian vowel
 * separator, Hangul fillers, tag characters, the soft hyphen). A hand-made list of some of them let
 * `(S\uFE0F)` and `(S\u180E)` pass as text, released under an UNCLASSIFIED banner (probe 63a F1).
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
/** FULLWIDTH SOLIDUS, FRACTION SLASH, DIVISION SLASH, BIG SOLIDUS. */
const SLASH = /[\uFF0F\u2044\u2215\u29F8]/g;
/** HYPHEN, NON-BREAKING HYPHEN. */
const HYPHEN = /[\u2010\u2011]/g;
/**
 * Look-alikes of `(` and `)`: any opening and closing bracket of Unicode's (`（U）`, probe62a F8;
 * `⦅S⦆`, `﴾S﴿`, `❲S❳`, `〈S〉`, `⟦TS⟧`, probe 63a F1) but the ASCII square and curly ones, which
 * the look-alike scan reads as marks whose words are not known (lookalike.ts). Only as the
 * parentheses of a mark: `（注）` in running text stays as it is.
 */
const ANY = /[\p{Default_Ignorable_Code_Point}\uFF0F\u2044\u2215\u29F8\u2010\u2011]|[^\x00-\x7F](?<=\p{Ps}|\p{Pe})/u;
/** Parentheses by their Unicode names: full-width, small, superscript, subscript, white, ornate, ornaments, double. */
const PARENTHESIS = /^[(\uFF08\uFE59\u207D\u208D\u2985\uFD3E\uFD3F\u2768\u276A\u2E28]$/u;
/**
 * An opening bracket, text, a closing one. The ornate parentheses are taken by their names (`﴾S﴿`,
 * U+FD3E then U+FD3F): Unicode 14 gave them each other's general category (probe 63a F1).
 */
const PARENTHETICAL = /((?!\uFD3F)\p{Ps}|\uFD3E)([^\p{Ps}\p{Pe}\n]{1,90})(?:(?!\uFD3E)\p{Pe}|\uFD3F)/gu;

/**
 * `inner` with its invisible characters as blanks, one for each UTF-16 unit (a tag character is
 * two: offsets hold), and its look-alike slashes and hyphens as `/` and `-`.
 */
export function plainStandIns(inner: string): string {
  return inner.replace(INVISIBLE, (c) => ' '.repeat(c.length)).replace(SLASH, '/').replace(HYPHEN, '-');
}

/** `text` with the stand-ins of every mark-like parenthetical replaced (same length), and how many marks that touched. */
export function foldMarkStandIns(text: string): { readonly text: string; readonly marks: number } {
  if (!ANY.test(text)) return { text, marks: 0 };
  let marks = 0;
  const folded = text.replace(PARENTHETICAL, (whole: string, open: string, inner: string) => {
    if (open === '[' || open === '{' || !ANY.test(whole)) return whole;
    const plain = plainStandIns(inner);
    if (classifyParenthetical(plain.trim()) === 'not-a-marking') return whole;
    // Other brackets than parentheses raise a mark, never make one plain (U): `［U］`, `〈U〉`,
    // `「U」` stay text, as ASCII `[U]` is no (U) (probe 63e F6: read as (U), they released text).
    if (!PARENTHESIS.test(open)) {
      const read = parseMarking(`(${plain.trim()})`, 'portion');
      if (read.ok && !abovePlainU(read.marking)) return whole;
    }
    marks++;
    return `(${plain})`;
  });
  return { text: folded, marks };
}

/** The warning that says marks were read so (null when none was). */
export function standInDiagnostic(marks: number): Diagnostic | null {
  if (marks === 0) return null;
  return {
    severity: 'warning',
    code: 'mark-characters-read',
    message: `${marks} mark(s) held invisible characters (a zero-width space, a direction mark) or look-alikes of (, ), / or - (a full-width parenthesis, a full-width or fraction slash, a non-breaking hyphen), or were written with HTML character references (&#40;, &#83;), inline HTML or Markdown emphasis (<b>S</b>, **S**): they were read as they render, the look-alikes as blanks, (, ), / and -.`,
  };
}
