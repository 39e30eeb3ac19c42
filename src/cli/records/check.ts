/**
 * What `declass check` reports of one cable: a plain row (file, reference, level and the
 * declassification assessment) that every output format is made from.
 */
import { assessDocument, documentLevel } from '../../declass/index.js';
import type { DeclAssessment, DeclStatus, Document, Level } from '../../types.js';

/** Every status, in the order counts are printed. */
export const STATUSES: readonly DeclStatus[] = ['unclassified', 'classified', 'declassified', 'review', 'invalid'];

/** One checked document: what every output format is made from. */
export interface CheckRow {
  /** The input path as collected (relative paths stay relative). */
  readonly file: string;
  readonly ref: string | null;
  readonly originated: string | null;
  readonly level: Level | null;
  readonly assessment: DeclAssessment;
}

/** Builds the row for one parsed cable. Pure. */
export function checkDocument(file: string, doc: Document, asOf: string): CheckRow {
  return { file, ref: doc.ref, originated: doc.originated, level: documentLevel(doc), assessment: assessDocument(doc, asOf) };
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
  };
}

/** Zero counts for every status, in {@link STATUSES} order. */
export function emptyCounts(): Record<DeclStatus, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<DeclStatus, number>;
}

/** The DECL value as written, on one line, for the table and CSV. */
export function declText(row: CheckRow): string {
  const raw = row.assessment.decl.raw;
  if (raw === null) return '(no E.O. line)';
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
