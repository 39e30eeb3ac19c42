/**
 * A document's index rows as the CSV and JSON index hold them, less their numbers and the JSON
 * separator: made beside the document (in a batch's worker, where its record and release text are
 * at hand) and numbered only when the index is written, where the document's place is known. The
 * pieces are those of ./csv.ts and ./json.ts, so the bytes are the same as rows rendered there.
 * Pure.
 */
import { csvRowHead, csvRowRest } from './csv.js';
import { jsonRowHead, jsonRowRest } from './json.js';
import type { IndexRow } from './types.js';

export interface SerializedRows {
  /** UTF-8: each row's CSV line after its number, then each row's JSON object after its number. */
  readonly bytes: Uint8Array;
  /** Byte lengths: of each row's CSV piece, then of each row's JSON piece (twice the rows). */
  readonly lengths: Uint32Array;
}

const encoder = new TextEncoder();

/** The rows of one document, serialized. */
export function serializeRows(rows: readonly IndexRow[]): SerializedRows {
  const pieces = [...rows.map(csvRowRest), ...rows.map(jsonRowRest)].map((p) => encoder.encode(p));
  const lengths = Uint32Array.from(pieces, (p) => p.length);
  const bytes = new Uint8Array(lengths.reduce((n, l) => n + l, 0));
  let at = 0;
  for (const p of pieces) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, lengths };
}

/** How many rows `s` holds. */
export function serializedRowCount(s: SerializedRows): number {
  return s.lengths.length / 2;
}

/**
 * The CSV lines and the JSON rows of `s`, numbered from `firstNo`; `firstIndex` is the place of
 * the first row in the index (0: no separator before it).
 */
export function numberRows(s: SerializedRows, firstNo: number, firstIndex: number): { csv: Uint8Array; json: Uint8Array } {
  const n = serializedRowCount(s);
  const csvHeads: Uint8Array[] = [];
  const jsonHeads: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    csvHeads.push(encoder.encode(csvRowHead(firstNo + i)));
    jsonHeads.push(encoder.encode(jsonRowHead(firstNo + i, firstIndex + i)));
  }
  let at = 0;
  const join = (heads: Uint8Array[], first: number): Uint8Array => {
    let size = 0;
    for (let i = 0; i < n; i++) size += heads[i]!.length + s.lengths[first + i]!;
    const out = new Uint8Array(size);
    let to = 0;
    for (let i = 0; i < n; i++) {
      out.set(heads[i]!, to);
      to += heads[i]!.length;
      const length = s.lengths[first + i]!;
      out.set(s.bytes.subarray(at, at + length), to);
      to += length;
      at += length;
    }
    return out;
  };
  const csv = join(csvHeads, 0);
  const json = join(jsonHeads, n);
  return { csv, json };
}
