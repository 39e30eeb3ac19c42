/**
 * The index as CSV (RFC 4180: CRLF line ends, quoted fields where needed), one row per
 * withholding under a heading row. A cell a spreadsheet would run as a formula gets a leading `'`.
 */
import { INDEX_COLUMNS } from './columns.js';
import type { VaughnIndex } from './types.js';

/** The CSV text of the index. */
export function renderIndexCsv(index: VaughnIndex): string {
  const line = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return line(INDEX_COLUMNS.map((c) => c.heading)) + index.rows.map((r) => line(INDEX_COLUMNS.map((c) => c.cell(r)))).join('');
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
