/**
 * CSV (RFC 4180) of `declass check` rows, for spreadsheets: a header line, then one line per row,
 * streamed. Cable text cannot inject formulas.
 */
import type { CheckRow } from '../records/check.js';

const CSV_HEADINGS = [
  'file',
  'ref',
  'originated',
  'level',
  'order',
  'decl_raw',
  'decl_kind',
  'decl_date',
  'decl_codes',
  'status',
  'declassify_on',
  'automatic_on',
  'rule',
  'reason',
  'diagnostics',
] as const;

/** The CSV header line (with its CRLF). */
export const CSV_HEADER = `${CSV_HEADINGS.map(csvField).join(',')}\r\n`;

/**
 * One row as a CSV line (RFC 4180: CRLF line end; a field with a comma, quote or line break is
 * quoted, quotes doubled). A field that a spreadsheet would run as a formula (starting with `=`,
 * `+`, `-`, `@`, tab or CR) gets a leading `'`, so that cable text cannot inject formulas.
 */
export function csvLine(r: CheckRow): string {
  const a = r.assessment;
  return `${[
        r.file,
        r.ref ?? '',
        r.originated ?? '',
        r.level ?? '',
        a.order ?? '',
        a.decl.raw === null ? '' : a.decl.raw.replace(/\s+/g, ' ').trim(),
        a.decl.kind,
        a.decl.date ?? '',
        a.decl.codes.join(' '),
        a.status,
        a.declassifyOn ?? '',
        a.automaticOn ?? '',
        a.rule,
        a.reason,
        a.diagnostics.map((d) => d.code).join(' '),
      ]
        .map(csvField)
        .join(',')}\r\n`;
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as a whole CSV file: the header, then one line per row. */
export function formatCsv(rows: readonly CheckRow[]): string {
  return CSV_HEADER + rows.map(csvLine).join('');
}
