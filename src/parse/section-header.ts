/**
 * The header a cable repeats under a later section's classification line (`C O N F I D E N T I A
 * L SECTION 02 OF 02 …` / `SIPDIS` / `E.O. …` / `TAGS: …` / `SUBJECT: …`), often in the middle of a
 * paragraph. The section line is page furniture and the paragraph runs on across it; read as text,
 * the repeated lines went with that paragraph, and under a (U) mark the SUBJECT the first header
 * withholds was released (probe 68a F1). They are page furniture too: a copy of the header whose
 * lines are decided where the cable first gives them, removed from the release like the section
 * line above them, the paragraph going on after them.
 */
import type { Role } from './header/index.js';
import type { Line } from './lines.js';
import { CLASSIFIED_BY_LINE, isSectionClassificationLine, matchCaveatLine, matchEoLine, REF_LINE, SUBJECT_LINE, TAGS_LINE } from './patterns.js';
import { endsSubject } from './subject-end.js';

/** Fields a cable's header repeats under a section line. */
const FIELD_STARTS = [SUBJECT_LINE, TAGS_LINE, CLASSIFIED_BY_LINE, REF_LINE];

/** A subject's wrap width for telling its wrapped lines (as the header reader does, ./header/fields.ts). */
const SUBJECT_WRAP = 48;

/** Words and blanks folded, for finding a line of the first header again (re-wrapped or not). */
const fold = (text: string): string => text.replace(/\s+/g, ' ').trim().toUpperCase();

/**
 * Gives the repeated header lines under each section line in the body the role `furniture`. A line
 * is one when it opens a header field (caveat line, E.O., TAGS, SUBJECT, Classified By, REF), when
 * its words are found in the first header's lines (a wrapped field, however wrapped), or when it
 * wraps a SUBJECT not found there (fail closed: such a subject is never released as the paragraph's
 * text). The first other line ends the block.
 */
export function markRepeatedHeaders(lines: readonly Line[], roles: Role[], from: number): void {
  let header: string | null = null;
  for (let i = from; i < lines.length; i++) {
    if (roles[i] !== 'furniture' || !isSectionClassificationLine(lines[i]!.text)) continue;
    header ??= headerWords(lines, roles, from);
    i = markBlockAfter(lines, roles, i, header);
  }
}

/** The first header's lines (field and subject lines before the body), folded and joined. */
function headerWords(lines: readonly Line[], roles: readonly Role[], to: number): string {
  const out: string[] = [];
  for (let i = 0; i < to; i++) if (roles[i] === 'boilerplate' || roles[i] === 'subject') out.push(fold(lines[i]!.text));
  return ` ${out.join(' ')} `;
}

/** Marks the block after the section line at `at`; returns the index of its last line. */
function markBlockAfter(lines: readonly Line[], roles: Role[], at: number, header: string): number {
  let last = at;
  // The repeated SUBJECT so far (folded) while its lines may go on, else null.
  let subject: string | null = null;
  let prev = '';
  for (let k = at + 1; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.blank || roles[k] === 'blank') {
      subject = null;
      continue;
    }
    if (roles[k] !== 'content') break;
    const t = l.text.trim();
    const opens = FIELD_STARTS.some((re) => re.test(t)) || matchEoLine(t) !== null || matchCaveatLine(t) !== null;
    const known = fold(t).length >= 8 && header.includes(fold(t));
    // A subject the first header does not hold: its wrap is judged as the header reader judges it.
    const wraps = subject !== null && !header.includes(subject) && !endsSubject(prev, t, SUBJECT_WRAP);
    if (!opens && !known && !wraps) break;
    roles[k] = 'furniture';
    if (SUBJECT_LINE.test(t)) subject = fold(t);
    else if (opens) subject = null;
    else if (subject !== null) subject = `${subject} ${fold(t)}`;
    prev = t;
    last = k;
  }
  return last;
}
