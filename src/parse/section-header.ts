/**
 * The header a cable repeats under a later section's classification line (`C O N F I D E N T I A
 * L SECTION 02 OF 02 …` / `SIPDIS` / `E.O. …` / `TAGS: …` / `SUBJECT: …`), often in the middle of a
 * paragraph. The section line is page furniture and the paragraph runs on across it; read as text,
 * the repeated lines went with that paragraph, and under a (U) mark the SUBJECT the first header
 * withholds was released (probe 68a F1). They are page furniture too: a copy of the header whose
 * lines are decided where the cable first gives them, removed from the release like the section
 * line above them, the paragraph going on after them.
 *
 * A line is a copy only when it is one as a whole: a line of the first header, or a field of it
 * (however re-wrapped). A bare substring test took a marked paragraph's first line repeating the
 * SUBJECT's words for the header and joined its text to the (U) paragraph above, and a SUBJECT
 * the first header does not hold took the paragraph's (U) text after it as its wrap (probe 68e
 * F1). What is not a copy stays text, in the paragraph it sits in; a field the first header does
 * not hold, which is no copy of it, is removed with a warning, as it is not the paragraph's text.
 */
import type { Diagnostic } from '../types.js';
import type { Role } from './header/index.js';
import type { Line } from './lines.js';
import { CLASSIFIED_BY_LINE, isSectionClassificationLine, matchCaveatLine, matchEoLine, REF_LINE, SUBJECT_LINE, TAGS_LINE } from './patterns.js';
import { endsSubject, opensField } from './subject-end.js';

/** Fields a cable's header repeats under a section line. */
const FIELD_STARTS = [SUBJECT_LINE, TAGS_LINE, CLASSIFIED_BY_LINE, REF_LINE];

/** A subject's wrap width for telling its wrapped lines (as the header reader does, ./header/fields.ts). */
const SUBJECT_WRAP = 48;

/** Words and blanks folded, for finding a line of the first header again (re-wrapped or not). */
const fold = (text: string): string => text.replace(/\s+/g, ' ').trim().toUpperCase();

/** A line opening with a portion mark (`(C) …`, `2. (U) …`): a paragraph, never a header line. */
const MARK_START = /^(?:\d{1,3}\.\s*|[A-Z]\.\s*|-{1,2}\s*)?\((?:U|C|S|TS|SBU|FOUO|NF|[CST]\/\/)[^)]{0,40}\)/i;

/** The first header as read: its lines, and its fields (a field line with its wrapped lines joined), folded. */
interface FirstHeader {
  readonly lines: ReadonlySet<string>;
  readonly fields: readonly string[];
}

/** A field repeated under the section line: its folded text so far, and whether the first header holds it. */
interface OpenField {
  text: string;
  readonly known: boolean;
  /** The field's first line as written (its case). */
  readonly raw: string;
  /** Its last line so far, as written. */
  last: string;
}

/** A header field the first header does not hold, found under a section line (warned: it is removed unread). */
export interface UnmatchedHeaderField {
  readonly start: number;
  readonly end: number;
}

/**
 * Gives the repeated header lines under each section line in the body the role `furniture`; a
 * line is one when, blanks folded, it is a line of the first header, a caveat line, or a header
 * field (E.O., TAGS, SUBJECT, Classified By, REF) whose text is the first header's same field
 * (its wrapped lines taken while they go on with that field). A field the first header does not
 * hold is furniture too (its text was never the paragraph's) and is returned to be warned of; its
 * wrapped lines are judged by {@link foreignWrap}. The first other line ends the block and stays
 * text.
 */
export function markRepeatedHeaders(lines: readonly Line[], roles: Role[], from: number): UnmatchedHeaderField[] {
  let header: FirstHeader | null = null;
  const unmatched: UnmatchedHeaderField[] = [];
  for (let i = from; i < lines.length; i++) {
    if (roles[i] !== 'furniture' || !isSectionClassificationLine(lines[i]!.text)) continue;
    header ??= firstHeader(lines, roles, from);
    i = markBlockAfter(lines, roles, i, header, unmatched);
  }
  return unmatched;
}

/** Whether `t` opens a header field or is a caveat line. */
function opensHeaderLine(t: string): boolean {
  return FIELD_STARTS.some((re) => re.test(t)) || matchEoLine(t) !== null || matchCaveatLine(t) !== null;
}

/** The first header's lines and fields (field and subject lines before the body). */
function firstHeader(lines: readonly Line[], roles: readonly Role[], to: number): FirstHeader {
  const set = new Set<string>();
  const fields: string[] = [];
  for (let i = 0; i < to; i++) {
    if (roles[i] !== 'boilerplate' && roles[i] !== 'subject') continue;
    const t = lines[i]!.text.trim();
    set.add(fold(t));
    if (opensHeaderLine(t) || fields.length === 0) fields.push(fold(t));
    else fields[fields.length - 1] = `${fields[fields.length - 1]!} ${fold(t)}`;
  }
  return { lines: set, fields };
}

/** Whether `text` is a first-header field, or its start up to a word's end. */
const holdsField = (header: FirstHeader, text: string): boolean => header.fields.some((f) => f === text || f.startsWith(`${text} `));

/** Marks the block after the section line at `at`; returns the index of its last line. */
function markBlockAfter(lines: readonly Line[], roles: Role[], at: number, header: FirstHeader, unmatched: UnmatchedHeaderField[]): number {
  // Whether case tells a field's capitals from the paragraph's text (the text above the section has lower case).
  let above = at - 1;
  while (above >= 0 && roles[above] !== 'content') above--;
  const caseTells = above >= 0 && /[a-z]/.test(lines[above]!.text);
  let last = at;
  let field: OpenField | null = null;
  for (let k = at + 1; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.blank || roles[k] === 'blank') {
      field = null;
      continue;
    }
    if (roles[k] !== 'content') break;
    const t = l.text.trim();
    const f = fold(t);
    if (field && (field.known ? holdsField(header, `${field.text} ${f}`) : foreignWrap(field, t, caseTells))) {
      field.text = `${field.text} ${f}`;
      field.last = t;
    } else if (opensHeaderLine(t)) {
      field = matchCaveatLine(t) !== null ? null : { text: f, known: holdsField(header, f), raw: t, last: t };
      if (field && !field.known) unmatched.push({ start: l.first, end: l.last });
    } else if (header.lines.has(f) && !MARK_START.test(t)) {
      field = null;
    } else {
      break;
    }
    roles[k] = 'furniture';
    last = k;
  }
  return last;
}

/**
 * Whether `t` wraps a field the first header does not hold (`SUBJECT: GERMANY AGREES … CLUSTER` /
 * `MUNITIONS SHOULD NOT …`). Where case tells them apart (a field in capitals, the paragraph in
 * lower case), only a line of capitals does: a (U) line after a new SUBJECT was dropped as its
 * wrap (probe 68e F1). Else the header reader's own test judges it, as before (the field is warned
 * of either way); a line opening a mark or a field never does.
 */
function foreignWrap(field: OpenField, t: string, caseTells: boolean): boolean {
  if (MARK_START.test(t) || opensField(t)) return false;
  if (caseTells && !/[a-z]/.test(field.raw)) return !/[a-z]/.test(t) && /[A-Z]/.test(t);
  return !endsSubject(field.last, t, SUBJECT_WRAP);
}

/** The warning for a header field under a section line that the first header does not hold: removed, never read. */
export function unmatchedHeaderDiagnostic(u: UnmatchedHeaderField): Diagnostic {
  return {
    severity: 'warning',
    code: 'section-header-unmatched',
    message:
      "A header field under a later section's classification line is not the cable's first header's: it was removed from the release as that header's copy with the lines read as its wrap; review that no line of the paragraph went with it and none of its own stayed in the paragraph.",
    span: { start: u.start, end: u.end },
  };
}
