/**
 * The Vaughn index of a release folder: built from its audit records and release texts
 * (./build.ts), rendered as CSV, JSON, PDF and a spreadsheet. Pure apart from hashing: the
 * caller reads the folder and writes the files (src/batch/vaughn.ts).
 */
import { sha256Hex } from '../hash.js';
import { indexPath, type IndexFileRecord, type IndexFormat } from '../release/folder.js';
import { renderIndexCsv } from './csv.js';
import { renderIndexJson } from './json.js';
import { renderIndexPdf } from './pdf.js';
import type { VaughnIndex } from './types.js';
import { renderIndexXlsx } from './xlsx.js';

export { buildVaughnIndex, compareIndexOrder, describeLocation, indexClassificationOf, indexEntryOf, indexHeadOf, quotedMarkingOf, indexRowsOf, withholdingsOf, type IndexEntry, type IndexHeadFacts, type IndexSource } from './build.js';
export { csvHeading, csvRow } from './csv.js';
export { jsonClosing, jsonOpening, jsonRow } from './json.js';
export { describeAuthority, describeCode } from './categories.js';
export { releasedFacts, type ReleasedFacts } from './facts.js';
export { INDEX_COLUMNS } from './columns.js';
export { IndexPdfWriter, type IndexPdfHead } from './pdf.js';
export { INDEX_FORMAT, type IndexLocation, type IndexRow, type VaughnIndex } from './types.js';

/** One file of the index, to write into the release folder. */
export interface IndexFile {
  readonly kind: IndexFormat;
  readonly path: string;
  readonly bytes: Uint8Array;
}

const encoder = new TextEncoder();

/** The index in each format asked for, in the order given. Deterministic: the same index gives the same bytes. */
export async function renderIndexFiles(index: VaughnIndex, formats: readonly IndexFormat[]): Promise<IndexFile[]> {
  const files: IndexFile[] = [];
  for (const kind of formats) {
    const bytes =
      kind === 'csv' ? encoder.encode(renderIndexCsv(index)) : kind === 'json' ? encoder.encode(renderIndexJson(index)) : kind === 'pdf' ? await renderIndexPdf(index) : await renderIndexXlsx(index);
    files.push({ kind, path: indexPath(kind), bytes });
  }
  return files;
}

/** How the manifest lists an index file. */
export function indexFileRecord(file: IndexFile): IndexFileRecord {
  return { kind: file.kind, path: file.path, sha256: sha256Hex(file.bytes), bytes: file.bytes.length };
}
