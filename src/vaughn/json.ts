/**
 * The index as JSON (format `declass-vaughn-index/1`): pretty, with a final newline. Written in
 * pieces (opening, each row, closing) so that a large index can go to disk row by row; the pieces
 * joined are exactly `JSON.stringify(index, null, 2)` and a newline.
 */
import type { IndexRow, VaughnIndex } from './types.js';

/** The JSON text of the index. */
export function renderIndexJson(index: VaughnIndex): string {
  const { rows, ...head } = index;
  return jsonOpening(head) + rows.map((r, i) => jsonRow(r, i)).join('') + jsonClosing(rows.length);
}

/** Everything before the first row: the head's fields and `"rows": [`. */
export function jsonOpening(head: Omit<VaughnIndex, 'rows'>): string {
  const empty = JSON.stringify({ ...head, rows: [] }, null, 2);
  return empty.slice(0, empty.lastIndexOf('[]') + 1);
}

/** Row `i` (0-based) of the rows array, with the separator before it. */
export function jsonRow(row: IndexRow, i: number): string {
  // Strings hold no raw line breaks in JSON, so indenting every line is indenting the value.
  return `${i === 0 ? '\n' : ',\n'}    ${JSON.stringify(row, null, 2).replace(/\n/g, '\n    ')}`;
}

/** Everything after the last of `rows` rows. */
export function jsonClosing(rows: number): string {
  return rows === 0 ? ']\n}\n' : '\n  ]\n}\n';
}
