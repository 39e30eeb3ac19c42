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
const NAMING_WORDS = 'marked|marking|markings|marks|labell?ed|stamped|classified as|reads?';
const NAMED_AFTER = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${NAMING_WORDS})[ \\t]*$`, 'iu');

/**
 * Words after which marks are named as examples, and the marks of a list after them: `marks such
 * as (C) and (TS//SI) are …`, `e.g. (S)`, `(C), (S) or`. Read as text only in an UNCLASSIFIED
 * document (see isNoMarkInText): in a classified one `Options e.g. (S) the asset …` may well mark
 * what follows (probe 60d F1).
 */
const EXAMPLES_AFTER = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${NAMING_WORDS}|such as|e\\.g\\.,?|for example,?)[ \\t]*(?:\\([^()\\n]{1,40}\\)[ \\t]*(?:,[ \\t]*(?:and|or)?|and|or)[ \\t]*)*$`, 'iu');

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

/** True when the mark `raw` at `at` is named as an example (`such as (C) and (TS//SI) are`), not used. */
function isExampleMark(source: string, at: number, raw: string): boolean {
  return EXAMPLES_AFTER.test(source.slice(Math.max(0, at - 120), at)) && !/[\p{Lu}]/u.test(source.slice(at + raw.length).trimStart()[0] ?? '');
}

/** The level names whose initial alone defines a one-letter acronym (`the Confidential (C) level`). */
const LEVEL_NAMES: Readonly<Record<string, string>> = { Confidential: 'C', Secret: 'S', Unclassified: 'U', Restricted: 'R' };

/** Capitalised words (letters, an apostrophe or hyphen inside) and blanks at the end of a line's text before a parenthesis. */
const WORDS_BEFORE = /(?:^|[ \t])((?:\p{Lu}[\p{L}'’-]*[ \t]+)+)$/u;

/**
 * True when the parenthetical `raw` at `at` defines an acronym: capital letters only, right after
 * the capitalised words whose initials they are, in the same sentence, the sentence going on after
 * it (`Top Secret (TS) clearances`, `Sensitive But Unclassified (SBU) information`, `For Official
 * Use Only (FOUO) documents`). One letter is an acronym only after the level's own name (`the
 * Confidential (C) level`), or beside another one-letter acronym in its sentence that is no level
 * (`The Secretary (S) and the Deputy Secretary (D) met`): `Smith (S) said` stays a mark. Never in
 * text written in capitals (a cable: every word is "capitalised"), and never when the words open a
 * sentence right before it (`Staff met. Top Secret (TS) ZQ…`: the mark may open that text; probe 60d
 * F1). Read as marks, they raised an UNCLASSIFIED memo's (U) paragraphs to TOP SECRET, SECRET or
 * SBU (probe 60a, F6).
 */
export function isAcronymDefinition(source: string, at: number, raw: string): boolean {
  const inner = raw.slice(1, -1);
  if (!/^[A-Z]{1,6}$/.test(inner) || !/^[ \t]+\p{L}/u.test(source.slice(at + raw.length, at + raw.length + 4))) return false;
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = source.indexOf('\n', at);
  const line = source.slice(lineStart, lineEnd < 0 ? source.length : lineEnd);
  if (!/\p{Ll}/u.test(line.replace(/\([^()]*\)/g, ''))) return false;
  const before = source.slice(Math.max(lineStart, at - 120), at);
  const words = initialsBefore(before, inner.length);
  if (words === null || words.map((w) => w[0]).join('') !== inner) return false;
  if (opensSentence(before, words.length)) return false;
  if (inner.length > 1) return true;
  // `Top Secret (S)` is no definition of S.
  if (LEVEL_NAMES[words[0]!] === inner) return initialsBefore(before, 2)?.[0] !== 'Top';
  return siblingLetterAcronym(sentenceAround(line, at - lineStart));
}

/** True when the last `n` capitalised words of `before` come right after a sentence end (`met. Top Secret `). */
function opensSentence(before: string, n: number): boolean {
  let rest = before;
  for (let k = 0; k < n; k++) rest = rest.replace(/\p{Lu}[\p{L}'’-]*[ \t]*$/u, '');
  return /[.!?…]["'”’)\]]*[ \t]+$/u.test(rest);
}

/** The sentence of `line` around offset `at`: from after the last sentence end before it to the next one. */
function sentenceAround(line: string, at: number): string {
  const ends = /[.!?…][ \t]+/g;
  let start = 0;
  let end = line.length;
  for (let m = ends.exec(line); m; m = ends.exec(line)) {
    if (m.index < at) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return line.slice(start, end);
}

/** The last `n` capitalised words right before a parenthesis (blanks only between), or null. */
function initialsBefore(before: string, n: number): string[] | null {
  const m = WORDS_BEFORE.exec(before);
  if (!m) return null;
  const words = m[1]!.trim().split(/[ \t]+/);
  return words.length >= n ? words.slice(-n) : null;
}

/** A one-letter acronym in the sentence that is no level's letter (`Deputy Secretary (D) met`). */
function siblingLetterAcronym(sentence: string): boolean {
  return /\p{Lu}\p{L}*[ \t]+\([ABD-QTV-Z]\)[ \t]+\p{L}/u.test(sentence);
}

/**
 * True when the parenthetical `raw` at `at` is a term's definition or a mark named as an example
 * (isAcronymDefinition, `such as (C) and (TS//SI) are`): text only in a document known to be
 * UNCLASSIFIED (isNoMarkInText's `definitions`), where it is said so (parenthetical-read-as-text).
 */
export function isDefinitionInText(source: string, at: number, raw: string): boolean {
  return isExampleMark(source, at, raw) || isAcronymDefinition(source, at, raw);
}

/**
 * True when the parenthetical `raw` at `at`, inside the text from `from` (its paragraph or
 * portion), is no mark: a list's label after its sibling there (`(a) file; (b) name; (C) copy`,
 * ./list-label.ts), the copyright sign or a named mark. What the readers of text ask before a mark
 * inside a paragraph raises it or cuts it. An acronym's definition or a mark named as an example
 * (isDefinitionInText) is asked apart, by the text reader of a document bannered UNCLASSIFIED
 * alone: in a classified document, or a cable, those stay marks and raise the paragraph (fail
 * closed: `(U) Staff met. Top Secret (TS) ZQ… the source …` was released whole, probe 60d F1).
 */
export function isNoMarkInText(source: string, at: number, raw: string, from: number): boolean {
  return labelAfterSiblingInText(source, at, raw, from) || isCopyrightSign(source, at, raw) || isNamedMark(source, at, raw);
}
