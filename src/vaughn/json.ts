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
  return jsonRowHead(row.no, i) + jsonRowRest(row);
}

/** Row `i` up to its number (`no`, the first field): the separator before the row, the brace, the number. */
export function jsonRowHead(no: number, i: number): string {
  return `${i === 0 ? '\n' : ',\n'}    ${NUMBER_FIELD}${no}`;
}

/**
 * A row after its number, to its closing brace: what a document's rows are whatever their place
 * in the index (a batch makes them beside the document; the index numbers them when written).
 */
export function jsonRowRest(row: IndexRow): string {
  // The row stringified two levels down is the row indented as the rows array holds it (its
  // fields six spaces in, its closing brace four), with no pass over the text to indent it.
  const text = JSON.stringify({ x: { x: row } }, null, 2);
  const no = String(row.no);
  if (!text.startsWith(`${NUMBER_FIELD}${no}`, NESTED_OPENING.length)) throw new Error('the index number must be the first field of a row');
  return text.slice(NESTED_OPENING.length + NUMBER_FIELD.length + no.length, text.length - NESTED_CLOSING.length);
}

const NUMBER_FIELD = '{\n      "no": ';
const NESTED_OPENING = '{\n  "x": {\n    "x": ';
const NESTED_CLOSING = '\n  }\n}';

/** Everything after the last of `rows` rows. */
export function jsonClosing(rows: number): string {
  return rows === 0 ? ']\n}\n' : '\n  ]\n}\n';
}
