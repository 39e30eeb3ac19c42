/**
 * The index as CSV (RFC 4180: CRLF line ends, quoted fields where needed), one row per
 * withholding under a heading row. A cell a spreadsheet would run as a formula gets a leading `'`.
 */
import { INDEX_COLUMNS } from './columns.js';
import type { IndexRow, VaughnIndex } from './types.js';

/** The CSV text of the index. */
export function renderIndexCsv(index: VaughnIndex): string {
  return csvHeading() + index.rows.map(csvRow).join('');
}

/** The heading line. */
export function csvHeading(): string {
  return csvLine(INDEX_COLUMNS.map((c) => c.heading));
}

/** The line of one row. */
export function csvRow(row: IndexRow): string {
  return csvLine(INDEX_COLUMNS.map((c) => c.cell(row)));
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
