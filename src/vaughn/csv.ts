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
  return csvRowHead(row.no) + csvRowRest(row);
}

/** The start of a row's line: its number (the first column) and the comma after it. */
export function csvRowHead(no: number): string {
  return `${no},`;
}

/**
 * A row's line after its number: what a document's rows are, whatever their place in the index
 * (a batch makes them beside the document, and the index numbers them when it is written).
 */
export function csvRowRest(row: IndexRow): string {
  return csvLine(REST_COLUMNS.map((c) => c.cell(row)));
}

// The number is the first column, and a number is a cell that is never quoted or prefixed.
if (INDEX_COLUMNS[0]!.heading !== 'No.') throw new Error('the index number must be its first column');
const REST_COLUMNS = INDEX_COLUMNS.slice(1);

function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
