/**
 * A document's index rows as the CSV and JSON index files hold them, less each row's number: its
 * place in the whole index, known only when the index is written. A batch whose index is CSV and
 * JSON only has them made where the document is released (a worker thread, in parallel) and kept
 * as bytes, so that writing the index at the end of the batch only puts the numbers in: building,
 * rendering and encoding some 30 KB of rows a cable on the batch's own thread, after every
 * worker had finished, was the longest part of the batch's end (0.25 s over 600 cables). The
 * bytes are those of csv.ts and json.ts, row by row (./stream.ts puts them together).
 */
import { csvRow } from './csv.js';
import { jsonRow } from './json.js';
import type { IndexEntry } from './build.js';
import type { IndexRow } from './types.js';

/** Rows of one document: the bytes of each row after its number, end to end, row i ending at `ends[i]`, for each of the two files. */
export interface RenderedRows {
  readonly csv: Uint8Array;
  readonly csvEnds: readonly number[];
  readonly json: Uint8Array;
  readonly jsonEnds: readonly number[];
}

/** What a JSON row holds before its number (after the separator that the row's place gives it): see json.ts. */
export const JSON_ROW_START = '    {\n      "no": ';

/** The rows rendered, less their numbers (each row's own `no` is checked to be where the number goes). */
export function renderRows(rows: readonly IndexRow[]): RenderedRows {
  const csv: string[] = [];
  const json: string[] = [];
  for (const row of rows) {
    const c = csvRow(row);
    const j = jsonRow(row, 0);
    const no = String(row.no);
    const jsonStart = `\n${JSON_ROW_START}${no}`;
    if (!c.startsWith(`${no},`) || !j.startsWith(jsonStart)) throw new Error(`index row ${no}: its number is not where the index files hold it`);
    csv.push(c.slice(no.length + 1));
    json.push(j.slice(jsonStart.length));
  }
  const [csvBytes, csvEnds] = encodedEndToEnd(csv);
  const [jsonBytes, jsonEnds] = encodedEndToEnd(json);
  return { csv: csvBytes, csvEnds, json: jsonBytes, jsonEnds };
}

const encoder = new TextEncoder();

/**
 * The texts in UTF-8 end to end (each encoded on its own, as the index files hold them), and
 * where each ends. Encoded in place into one buffer: a buffer per row joined after was most of the cost.
 */
function encodedEndToEnd(texts: readonly string[]): [Uint8Array, number[]] {
  let room = 0;
  for (const t of texts) room += 3 * t.length;
  const all = Buffer.allocUnsafe(room);
  const ends: number[] = [];
  let at = 0;
  for (const t of texts) {
    at += encoder.encodeInto(t, all.subarray(at)).written;
    ends.push(at);
  }
  // A copy of its own, of the bytes written: a view posted to the batch's thread would take the whole buffer with it.
  const bytes = new Uint8Array(at);
  bytes.set(all.subarray(0, at));
  return [bytes, ends];
}

/** The entry with its rows (`made`) rendered instead (an entry without rows as it is). */
export function withRenderedRows(entry: IndexEntry): IndexEntry {
  const { made, ...rest } = entry;
  return made ? { ...rest, rendered: renderRows(made) } : entry;
}
