/**
 * The columns of the index as a table (CSV, spreadsheet, PDF): heading and cell text of each. Pure.
 */
import { DISPOSITION_WORDS } from '../release/folder.js';
import { describeLocation } from './build.js';
import type { IndexRow } from './types.js';

/** One column: its heading, the text of a row's cell, and its width in the PDF table (characters). */
export interface IndexColumn {
  readonly heading: string;
  readonly cell: (row: IndexRow) => string;
  readonly pdfWidth: number;
}

/** The columns, in order. */
export const INDEX_COLUMNS: readonly IndexColumn[] = [
  { heading: 'No.', cell: (r) => String(r.no), pdfWidth: 5 },
  { heading: 'Document', cell: (r) => r.document, pdfWidth: 13 },
  { heading: 'Doc No.', cell: (r) => r.docNumber ?? '', pdfWidth: 9 },
  { heading: 'Date', cell: (r) => r.date ?? '', pdfWidth: 10 },
  { heading: 'Subject', cell: (r) => r.subject ?? '', pdfWidth: 14 },
  { heading: 'From / To', cell: (r) => r.fromTo ?? '', pdfWidth: 14 },
  { heading: 'Pages', cell: (r) => (r.pages === null ? '' : String(r.pages)), pdfWidth: 5 },
  { heading: 'Disposition', cell: (r) => DISPOSITION_WORDS[r.disposition], pdfWidth: 11 },
  { heading: 'Location', cell: (r) => describeLocation(r.location), pdfWidth: 10 },
  { heading: 'Exemption(s)', cell: (r) => r.exemptions, pdfWidth: 24 },
  { heading: 'Rule', cell: (r) => r.rule, pdfWidth: 18 },
  { heading: 'Justification', cell: (r) => r.justification, pdfWidth: 44 },
  { heading: 'Segregability', cell: (r) => r.segregability, pdfWidth: 24 },
];
