/**
 * The index written as its rows come, document by document, into one sink per format: CSV and
 * JSON row by row, the PDF page by page (./pdf.ts), the spreadsheet at the end (exceljs builds a
 * workbook whole). The pieces are those of the whole-index renderers, so the bytes are the same.
 * Pure: the sinks decide where the pieces go (a file, a hash).
 */
import type { IndexFormat } from '../release/folder.js';
import { csvHeading, csvRow } from './csv.js';
import { jsonClosing, jsonOpening, jsonRow } from './json.js';
import { IndexPdfWriter } from './pdf.js';
import { JSON_ROW_START, type RenderedRows } from './rendered.js';
import type { IndexRow, VaughnIndex } from './types.js';
import { renderIndexXlsx } from './xlsx.js';

/** Where the pieces of one format go. */
export type ChunkSink = (chunk: Uint8Array | string) => void;

/** Writes the index in each format that has a sink. */
export class IndexStreamer {
  private readonly pdf: IndexPdfWriter | null;
  private readonly xlsxRows: IndexRow[] | null;
  private rows = 0;

  /**
   * @param head The index less its rows.
   * @param rowCount How many rows will come (the PDF's title says it on every page).
   */
  constructor(
    private readonly head: Omit<VaughnIndex, 'rows'>,
    rowCount: number,
    private readonly sinks: Partial<Record<IndexFormat, ChunkSink>>,
  ) {
    sinks.csv?.(csvHeading());
    sinks.json?.(jsonOpening(head));
    this.pdf = sinks.pdf ? new IndexPdfWriter({ ...head, rowCount }, sinks.pdf) : null;
    this.xlsxRows = sinks.xlsx ? [] : null;
  }

  add(rows: readonly IndexRow[]): void {
    for (const row of rows) {
      this.sinks.csv?.(csvRow(row));
      this.sinks.json?.(jsonRow(row, this.rows));
      this.pdf?.addRow(row);
      this.xlsxRows?.push(row);
      this.rows++;
    }
  }

  /** Whether the index takes rows rendered ({@link addRendered}): only its CSV and JSON are written. */
  get takesRendered(): boolean {
    return this.pdf === null && this.xlsxRows === null;
  }

  /** Rows rendered where the document was released (./rendered.ts), numbered from `firstNo`: the same bytes as {@link add} of the rows. */
  addRendered(rendered: RenderedRows, firstNo: number): void {
    if (!this.takesRendered) throw new Error('the PDF and spreadsheet index take rows, not rendered rows');
    const { csv, json } = this.sinks;
    for (let i = 0; i < rendered.csvEnds.length; i++) {
      const no = firstNo + i;
      if (csv) {
        csv(`${no},`);
        csv(rendered.csv.subarray(i === 0 ? 0 : rendered.csvEnds[i - 1]!, rendered.csvEnds[i]!));
      }
      if (json) {
        json(`${this.rows === 0 ? '\n' : ',\n'}${JSON_ROW_START}${no}`);
        json(rendered.json.subarray(i === 0 ? 0 : rendered.jsonEnds[i - 1]!, rendered.jsonEnds[i]!));
      }
      this.rows++;
    }
  }

  /** Writes the ends of the files (and the spreadsheet). */
  async finish(): Promise<void> {
    this.sinks.json?.(jsonClosing(this.rows));
    this.pdf?.finish();
    if (this.xlsxRows) this.sinks.xlsx!(await renderIndexXlsx({ ...this.head, rows: this.xlsxRows }));
  }
}
