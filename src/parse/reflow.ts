/**
 * Some corpus files hold a whole cable body on one line (WikiLeaks' re-flowed form): paragraphs,
 * header fields and even page headers follow each other separated by a few spaces. Such a line is
 * cut into pieces at the places where a new line would have begun, so the line-based parser can
 * read it. The pieces keep their offsets into the source; nothing is copied or changed.
 */
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
  if (line.last - line.first <= LONG_LINE) return [line];
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
  const pieces: Line[] = [];
  let from = line.start;
  for (const c of sorted) {
    pieces.push(makeLine(source, 0, from, c, true));
    from = c;
  }
  pieces.push(makeLine(source, 0, from, line.end, true));
  return pieces;
}
