/**
 * What `declass check` reports of one cable or document: a plain row (file, reference, level, the
 * declassification assessment and, for a document, its authority block) that every output
 * format is made from.
 */
import { assessDocument, documentLevel } from '../../declass/index.js';
import type { AuthorityBlock, DeclAssessment, DeclStatus, Diagnostic, Document, Level } from '../../types.js';
import { CONSOLE_WARNINGS } from '../../batch/console-warnings.js';
import { bannerBelowPortions } from '../../lint/index.js';

import { STATUSES } from './statuses.js';

export { STATUSES };

/** One checked document: what every output format is made from. */
export interface CheckRow {
  /** The input path as collected (relative paths stay relative). */
  readonly file: string;
  readonly ref: string | null;
  readonly originated: string | null;
  readonly level: Level | null;
  readonly assessment: DeclAssessment;
  /** For a document read by the document reader: its classification authority block (null: none). */
  readonly authority?: AuthorityBlock | null;
}

/** Builds the row for one parsed cable or document. Pure. */
export function checkDocument(file: string, doc: Document, asOf: string): CheckRow {
  const row: CheckRow = { file, ref: doc.ref, originated: doc.originated, level: documentLevel(doc), assessment: assessDocument(doc, asOf) };
  return doc.format === 'document' ? { ...row, authority: doc.authority ?? null } : row;
}

/** The JSON Lines record of a row (one object, no newline). */
export function toCheckJson(row: CheckRow): Record<string, unknown> {
  const a = row.assessment;
  const d = a.decl;
  return {
    file: row.file,
    ref: row.ref,
    originated: row.originated,
    level: row.level,
    order: a.order,
    decl: {
      raw: d.raw,
      kind: d.kind,
      date: d.date,
      codes: d.codes,
      ...(d.years !== undefined ? { years: d.years } : {}),
      ...(d.event !== undefined ? { event: d.event } : {}),
      ...(d.truncated ? { truncated: true } : {}),
      notes: d.notes ?? [],
    },
    status: a.status,
    declassifyOn: a.declassifyOn,
    automaticOn: a.automaticOn,
    rule: a.rule,
    reason: a.reason,
    diagnostics: a.diagnostics.map((x) => ({ severity: x.severity, code: x.code, message: x.message })),
    ...(row.authority !== undefined ? { authority: authorityRecord(row.authority) } : {}),
  };
}

/** The authority block of a document as read (values as written), for JSON. */
function authorityRecord(b: AuthorityBlock | null): Record<string, unknown> | null {
  if (!b) return null;
  return {
    classifiedBy: b.classifiedBy?.value ?? null,
    derivedFrom: b.derivedFrom?.value ?? null,
    reason: b.reason?.value ?? null,
    reasons: b.reasons,
    dated: b.dated?.value ?? null,
    sourceDate: b.sourceDate,
    declassifyOn: b.declassifyOn.map((f) => f.value),
  };
}

/** Zero counts for every status, in {@link STATUSES} order. */
export function emptyCounts(): Record<DeclStatus, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<DeclStatus, number>;
}

/** The DECL value as written, on one line, for the table and CSV. */
export function declText(row: CheckRow): string {
  const raw = row.assessment.decl.raw;
  if (raw === null) return row.authority === undefined ? '(no E.O. line)' : row.authority ? '(no Declassify On line)' : '(no authority block)';
  const oneLine = raw.replace(/\\\s*$/, '').replace(/\s+/g, ' ').trim();
  return oneLine === '' ? '(empty)' : oneLine;
}

/**
 * True for a row that gives a calendar event: classified, with a declassification date still to
 * come after `asOf`.
 */
export function isDue(r: CheckRow, asOf: string): boolean {
  return r.assessment.status === 'classified' && r.assessment.declassifyOn !== null && r.assessment.declassifyOn > asOf;
}

/**
 * What the reader said of a document that `release` shows on the console too (a `(C//FOUO)`
 * mark, a REL TO with NOFORN, a banner below its portions): check printed only the
 * declassification's diagnostics, and was silent about them (probe 65e F5).
 */
export function shownReading(doc: Document, asOf: string): Diagnostic[] {
  const shown = [...doc.diagnostics, ...bannerBelowPortions(doc, asOf)].filter((d) => CONSOLE_WARNINGS.has(d.code));
  // Each once, as release shows them (a mark repeated in many portions says the same thing).
  return shown.filter((d, i) => shown.findIndex((e) => e.code === d.code && e.message === d.message) === i);
}
