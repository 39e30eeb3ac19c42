/** The aligned table `declass check` prints by default, with the counts by status under it. */
import type { DeclStatus } from '../../types.js';
import { NO_COLORS, type Colors } from '../color.js';
import { declText, STATUSES, type CheckRow } from '../records/check.js';

const TABLE_HEADINGS = ['FILE', 'REF', 'ORIGINATED', 'LEVEL', 'DECL', 'STATUS', 'LAPSES ON', 'WHY'] as const;

/** The cells of a row in the table (all a table keeps of a document: a big batch holds only these). */
export function tableCells(r: CheckRow): string[] {
  return [r.file, r.ref ?? '-', r.originated ?? '-', r.level ?? '-', declText(r), r.assessment.status, r.assessment.declassifyOn ?? '-', r.assessment.reason];
}

const STATUS_COLUMN = TABLE_HEADINGS.indexOf('STATUS');

/** How each status is coloured on a terminal: what needs a person stands out. */
export function statusColor(status: string, c: Colors): (s: string) => string {
  switch (status) {
    case 'declassified':
      return c.green;
    case 'review':
      return c.yellow;
    case 'invalid':
      return (s) => c.bold(c.red(s));
    case 'classified':
      return c.cyan;
    default:
      return (s) => s;
  }
}

/**
 * Formats rows (as {@link tableCells}) as an aligned table followed by the counts by status.
 * Every column but the last (WHY) is padded to its widest cell; `-` stands for an unknown value.
 * The STATUS column is coloured when `c` has colours.
 */
export function formatCheckTable(cells: readonly string[][], counts: Record<DeclStatus, number>, asOf: string, c: Colors = NO_COLORS): string {
  const all = [[...TABLE_HEADINGS], ...cells];
  const widths = TABLE_HEADINGS.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: readonly string[], heading: boolean) =>
    row
      .map((cell, i) => {
        const padded = i === row.length - 1 ? cell : cell.padEnd(widths[i]!);
        return heading ? c.bold(padded) : i === STATUS_COLUMN ? statusColor(cell, c)(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return `${all.map((row, i) => line(row, i === 0)).join('\n')}\n\n${formatCheckCounts(cells.length, counts, asOf, c)}`;
}

/** The line under the table: `17 document(s) as of 2010-12-01: 2 unclassified, …`. */
export function formatCheckCounts(documents: number, counts: Record<DeclStatus, number>, asOf: string, c: Colors = NO_COLORS): string {
  const summary = STATUSES.map((s) => (counts[s] > 0 ? statusColor(s, c)(`${counts[s]} ${s}`) : `${counts[s]} ${s}`)).join(', ');
  return `${documents} document(s) as of ${asOf}: ${summary}\n`;
}
