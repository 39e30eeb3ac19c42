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
  // The row stringified two levels down is the row indented as the rows array holds it (fields
  // six spaces in, its closing brace four): no second pass over the text to indent it (8.6 ->
  // 6.8 us a row, a tenth of a second in a 5,000-cable index).
  const nested = JSON.stringify({ x: { x: row } }, null, 2);
  return `${i === 0 ? '\n' : ',\n'}    ${nested.slice(NESTED_OPENING.length, nested.length - NESTED_CLOSING.length)}`;
}

const NESTED_OPENING = '{\n  "x": {\n    "x": ';
const NESTED_CLOSING = '\n  }\n}';

/** Everything after the last of `rows` rows. */
export function jsonClosing(rows: number): string {
  return rows === 0 ? ']\n}\n' : '\n  ]\n}\n';
}
