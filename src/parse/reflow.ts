/**
 * Some corpus files hold a whole cable body on one line (WikiLeaks' re-flowed form): paragraphs,
 * header fields and even page headers follow each other separated by a few spaces. Such a line is
 * cut into pieces at the places where a new line would have begun, so the line-based parser can
 * read it. The pieces keep their offsets into the source; nothing is copied or changed.
 */
import { CABLE_LABEL_ONLY } from './cable-labels.js';
import { holdsMarkedText } from './header/pass-line.js';
import { isNoMarkInText } from './mentions.js';
import { paragraphStartBefore } from './list-label.js';
import { makeLine, type Line } from './lines.js';
import { readMarkAt } from './marks.js';
import { INLINE_CONTINUATION, matchBanner } from './patterns.js';

/** Lines longer than this (in content characters) are looked at for inline breaks. */
export const LONG_LINE = 200;

const INLINE_NUMBERED = /(?<=\s)(?:¶\s?)?\d{1,3}\s?\.?\s{0,3}(?=\()/g;
const INLINE_MARK = /(?<=\s)\((?=[^()\n]{1,48}\)\s)/g;
const INLINE_FIELD = /(?<=\s\s)(?:SUBJECT|SUBJ|REFS?|CLASSIFIED BY|Classified By|Classified by|E\.O\.\s?\d{5}|TAGS)\s*:/g;
const LABEL_ONLY = /^\s*(?:¶\s*)?(?:\d{1,3}|[A-Za-z])?\s?[.)]?\s*$/;
const TRAILING_NAME = /(?<=[.!?"')]\s{1,6})[A-Z][A-Za-z'.-]{2,}(?: [A-Z][A-Za-z'.-]+)?$/;

/** True when the text just before `at` ends a sentence or a field: `. `, `:  `, or two blanks. */
function afterBreak(source: string, lineStart: number, at: number): boolean {
  let i = at - 1;
  let blanks = 0;
  while (i >= lineStart && (source[i] === ' ' || source[i] === '\t')) {
    i--;
    blanks++;
  }
  if (i < lineStart) return true;
  if (blanks >= 2) return true;
  return blanks >= 1 && /[.!?:;"')\]]/.test(source[i]!);
}

/**
 * Cuts a long line into pieces before inline paragraph starts (`  2. (C) …`, `.  (SBU) …`), header
 * fields (`  CLASSIFIED BY:`), and around inline page headers (`TRIPOLI 00000494  002 OF 002`).
 * A line that needs no cut is returned as it is.
 */
export function splitLongLine(source: string, line: Line): Line[] {
  if (line.blank) return [line];
  // A record row or routing line with the banner after a tab or a CSV seam
  // (`INFO … IMMEDIATE\tC O N F I D …`, `… WASHINGTON DC","UNCLAS SECTION 01 OF 03 MEXICO 000027`).
  if (line.last - line.first <= LONG_LINE) {
    const text = source.slice(line.first, line.last);
    const seam = Math.max(text.lastIndexOf('\t'), text.lastIndexOf('","'));
    if (seam > 0) {
      const at = line.first + seam;
      if (matchBanner(source.slice(at + 1, line.last))?.post) {
        return [makeLine(source, 0, line.start, at, true), makeLine(source, 0, at, line.end, true)];
      }
    }
  }
  if (line.last - line.first <= LONG_LINE) {
    const cuts = inlineMarkCuts(source, line);
    return cuts.length === 0 ? [line] : cutAt(source, line, cuts);
  }
  const text = source.slice(line.start, line.end);
  const cuts = new Set<number>();
  const base = line.start;

  INLINE_NUMBERED.lastIndex = 0;
  for (let m = INLINE_NUMBERED.exec(text); m; m = INLINE_NUMBERED.exec(text)) {
    const at = base + m.index;
    const paren = at + m[0].length;
    if (afterBreak(source, base, at) && readMarkAt(source, paren) !== null) cuts.add(at);
  }
  INLINE_MARK.lastIndex = 0;
  for (let m = INLINE_MARK.exec(text); m; m = INLINE_MARK.exec(text)) {
    const at = base + m.index;
    if (!afterBreak(source, base, at)) continue;
    const mark = readMarkAt(source, at);
    if (mark && mark.status === 'marked') cuts.add(at);
  }
  INLINE_FIELD.lastIndex = 0;
  for (let m = INLINE_FIELD.exec(text); m; m = INLINE_FIELD.exec(text)) cuts.add(base + m.index);
  INLINE_CONTINUATION.lastIndex = 0;
  for (let m = INLINE_CONTINUATION.exec(text); m; m = INLINE_CONTINUATION.exec(text)) {
    cuts.add(base + m.index);
    cuts.add(base + m.index + m[0].length);
  }
  const name = TRAILING_NAME.exec(source.slice(line.first, line.last));
  if (name && name[0] === name[0].toUpperCase()) cuts.add(line.first + name.index);

  // Never cut a mark from its paragraph number (`¶1. (C) …`).
  const sorted = [...cuts]
    .filter((c) => c > line.first && c < line.last)
    .sort((a, b) => a - b)
    .filter((c, k, all) => {
      const from = k === 0 ? line.first : all[k - 1]!;
      return !LABEL_ONLY.test(source.slice(from, c));
    });
  if (sorted.length === 0) return [line];
  return cutAt(source, line, sorted);
}

/** The line cut into pieces at the given sorted offsets (each inside the line's content). */
function cutAt(source: string, line: Line, cuts: readonly number[]): Line[] {
  const pieces: Line[] = [];
  let from = line.start;
  for (const c of cuts) {
    pieces.push(makeLine(source, 0, from, c, true));
    from = c;
  }
  pieces.push(makeLine(source, 0, from, line.end, true));
  return pieces;
}

/** A mark in the middle of a line, possibly after an opening quote or an asterisk: `. "(TS//SI) …`. */
const MID_LINE_MARK = /(?<=\s)["“‘'*]?\((?=[^()\n]{1,48}\))/g;
/** A lead-in of up to four words at the start of a line (`Answer:`, `¶2. Summary:`): the mark after it marks the whole line. */
const LINE_LEAD_IN = /^(?:¶\s*)?(?:\d{1,3}[.)]?\s*)?(?:(?:SUMMARY(?: AND COMMENT)?|COMMENT|KEY POINTS|BACKGROUND|INTRODUCTION|ACTION REQUEST|NOTE)\s*[.:]?|(?:[A-Za-z][\w'/&.-]*\s+){0,3}[A-Za-z][\w'/&.-]*\s*(?::|-{1,2}))\s*$/i;

/**
 * `REF: A. ` before a mark: the referenced message's classification (`REF: A. (C) STATE 13607`),
 * a REF item the header reads whole. Cut there, the item opened a (C) portion that ended the
 * header and ran on over the blank line and the `Classified By:` line (B1 with no reasons). A mark
 * followed by its text (`REF: A. (C) THE SOURCE SAID …`) still cuts (fail closed).
 */
const REF_ITEM_LEAD = /^(?:REFS?|REFTELS?|REFERENCES?)\s*[:.]\s*(?:¶\s*)?\(?[A-Za-z][.)]\s*$/i;

/** A paragraph number written twice, `¶1. 1. (SBU) …`: the mark after it is the paragraph's. */
const DOUBLED_NUMBER = /^(?:¶\s*)?(\d{1,3})\.\s+\1\.\s*$/;

/** An enumerator the body reader takes with its mark: `II. (U)`, `iv. (U)`, `20A-B. (SBU)`, `#. (U)`. */
const ENUM_LABEL = /^(?:¶\s*)?(?:[ivxlcIVXLC]{1,6}|\d{1,3}[A-Za-z]?(?:-[A-Za-z0-9]{1,3})?|#)[.)]?\s*$/;

/**
 * Where a portion mark starts in the middle of a short line, after the end of a sentence or a
 * colon: `… at a time. (S) The minister…`, `… to the office: "(TS//SI) FORRELs …`. Such a mark
 * opens a new portion; left inside the line, its text would take the decision of the portion
 * before it, and a (U) portion would release it. A mark that was not understood cuts too (it is
 * then withheld as unknown); a parenthetical that is not a marking (`(U.S.)`, `(Mideast)`) never does.
 * The cut is at the opening quote or asterisk when there is one, so it goes with the new portion.
 */
export function inlineMarkCuts(source: string, line: Line): number[] {
  const text = source.slice(line.first, line.last);
  if (text.indexOf('(', 1) < 0) return [];
  const cuts: number[] = [];
  MID_LINE_MARK.lastIndex = 0;
  for (let m = MID_LINE_MARK.exec(text); m; m = MID_LINE_MARK.exec(text)) {
    const at = line.first + m.index;
    const paren = at + m[0].length - 1;
    if (!afterSentenceEnd(source, line.first, at)) continue;
    const before = source.slice(line.first, at);
    // `Summary: (C) …` and `SUBJECT: (S) …`: the lead-in and its mark stay one line.
    if (LINE_LEAD_IN.test(before) || LABEL_ONLY.test(before) || ENUM_LABEL.test(before) || DOUBLED_NUMBER.test(before) || CABLE_LABEL_ONLY.test(before)) continue;
    if (REF_ITEM_LEAD.test(before) && !holdsMarkedText(source.slice(at, line.last))) continue;
    const mark = readMarkAt(source, paren);
    // `(A) to file; (B) to name; (C) to vote`: a list's label, not a mark; `Copyright (C) 2005`: the sign.
    const raw = mark === null ? '' : source.slice(paren, mark.end);
    if (mark !== null && !isNoMarkInText(source, paren, raw, paragraphStartBefore(source, line.first))) cuts.push(at);
  }
  return cuts;
}

/** True when the text before `at` (on the line) ends a sentence or a lead-in: `. `, `!" `, `: `. */
function afterSentenceEnd(source: string, lineFirst: number, at: number): boolean {
  let i = at - 1;
  while (i >= lineFirst && (source[i] === ' ' || source[i] === '\t')) i--;
  if (i < lineFirst || i === at - 1) return false;
  // Closing quotes and brackets after the full stop: `…time!!!" (U)`, `…(ref A).) (C)`.
  while (i > lineFirst && /["”’')\]]/.test(source[i]!)) i--;
  return /[.!?:;]/.test(source[i]!);
}
