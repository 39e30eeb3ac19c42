/** The aligned table `declass check` prints by default, with the counts by status under it. */
import type { DeclStatus } from '../../types.js';
import { declText, STATUSES, type CheckRow } from '../records/check.js';

const TABLE_HEADINGS = ['FILE', 'REF', 'ORIGINATED', 'LEVEL', 'DECL', 'STATUS', 'LAPSES ON', 'WHY'] as const;

/** The cells of a row in the table (all a table keeps of a document: a big batch holds only these). */
export function tableCells(r: CheckRow): string[] {
  return [r.file, r.ref ?? '-', r.originated ?? '-', r.level ?? '-', declText(r), r.assessment.status, r.assessment.declassifyOn ?? '-', r.assessment.reason];
}

/**
 * Formats rows (as {@link tableCells}) as an aligned table followed by the counts by status.
 * Every column but the last (WHY) is padded to its widest cell; `-` stands for an unknown value.
 */
export function formatCheckTable(cells: readonly string[][], counts: Record<DeclStatus, number>, asOf: string): string {
  const all = [[...TABLE_HEADINGS], ...cells];
  const widths = TABLE_HEADINGS.map((_, i) => Math.max(...all.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((cell, i) => (i === c.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const summary = STATUSES.map((s) => `${counts[s]} ${s}`).join(', ');
  return `${all.map(line).join('\n')}\n\n${cells.length} document(s) as of ${asOf}: ${summary}\n`;
}
