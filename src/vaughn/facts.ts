/**
 * What a release text shows about its document: the subject, sender and addressees, and who
 * classified it, as released. Read from the release text only (never the original), so nothing
 * withheld can come out of here. Pure.
 */
import { opensField } from '../parse/subject-end.js';

/** The header facts a release text shows; null when not shown (or withheld). */
export interface ReleasedFacts {
  readonly subject: string | null;
  readonly fromTo: string | null;
  readonly classifiedBy: string | null;
}

/** The header zone: facts are looked for in the first lines only, never in the body. */
const HEADER_LINES = 80;

const SUBJECT = /^\s*SUBJ(?:ECT)?\s*:\s*(.*)$/i;
const FROM = /^\s*(?:FM|FROM:)\s+(\S.*)$/;
const TO = /^\s*(?:TO|TO:|MEMORANDUM FOR:)\s+(\S.*)$/;
const CLASSIFIED_BY = /^\s*Classified\s+By\s*:\s*(.+)$/i;
const PLACEHOLDER = /\[(?:WITHHELD|REDACTED)/;

/** The facts of a release text (null text: nothing is known). */
export function releasedFacts(text: string | null): ReleasedFacts {
  if (text === null) return { subject: null, fromTo: null, classifiedBy: null };
  const lines = text.split(/\r?\n/).slice(0, HEADER_LINES);
  const from = firstMatch(lines, FROM);
  const to = firstMatch(lines, TO);
  const parts = [from && `FM ${from}`, to && `TO ${to}`].filter((p): p is string => Boolean(p));
  const by = firstMatch(lines, CLASSIFIED_BY);
  return {
    subject: subjectOf(lines),
    fromTo: parts.length > 0 ? parts.join('; ') : null,
    classifiedBy: by ? by.replace(/[.,;]?\s*(?:for\s+)?(?:REASONS?|E\.O\.)\b.*$/i, '').replace(/[.,;\s]+$/, '') || null : null,
  };
}

function firstMatch(lines: readonly string[], re: RegExp): string | null {
  for (const line of lines) {
    const m = re.exec(line);
    if (m && !PLACEHOLDER.test(m[1]!)) return squeeze(m[1]!);
  }
  return null;
}

/** The subject line and its continuation lines (up to a blank line or another field, three lines at most). */
function subjectOf(lines: readonly string[]): string | null {
  const at = lines.findIndex((l) => SUBJECT.test(l));
  if (at === -1) return null;
  const parts = [SUBJECT.exec(lines[at]!)![1]!];
  for (let i = at + 1; i < lines.length && i <= at + 2 && lines[i]!.trim() !== '' && !/^\s*(?:REF|Classified|¶|\d+\.|\()/i.test(lines[i]!) && !opensField(lines[i]!); i++) parts.push(lines[i]!);
  const subject = squeeze(parts.join(' '));
  return subject === '' || PLACEHOLDER.test(subject) ? null : subject;
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
