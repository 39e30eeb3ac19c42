/**
 * The one function that rewrites a content stream: byte-span replacements applied to the source
 * bytes, everything else copied as it was (so a stream with no edit comes back byte-identical).
 * Operators for replacements are written by {@link formatOperation}.
 */
import { InternalError } from '../../errors.js';
import type { PdfValue } from '../objects/model.js';
import { formatValue } from '../objects/write.js';

/** Replace the bytes `[start, end)` of the source by `text` (latin1: one char per byte). */
export interface ContentEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Apply edits to `source`. Edits are sorted by position; an edit inside or across another is an
 * internal error (a redaction must never be silently half-applied). Two insertions at the same
 * point keep their given order.
 */
export function applyContentEdits(source: Uint8Array, edits: readonly ContentEdit[]): Uint8Array {
  if (edits.length === 0) return source;
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const parts: Buffer[] = [];
  let pos = 0;
  for (const { e } of sorted) {
    if (e.start < pos || e.end < e.start || e.end > source.length) {
      throw new InternalError(`content edit [${e.start}, ${e.end}) overlaps another or lies outside the stream`);
    }
    parts.push(Buffer.from(source.buffer, source.byteOffset + pos, e.start - pos));
    // Keep the replaced operation apart from its neighbours whatever they are.
    parts.push(Buffer.from(e.text, 'latin1'));
    pos = e.end;
  }
  parts.push(Buffer.from(source.buffer, source.byteOffset + pos, source.length - pos));
  return Buffer.concat(parts);
}

/** An operation as content-stream text: operands, then the operator, separated by spaces. */
export function formatOperation(op: string, operands: readonly PdfValue[]): string {
  return [...operands.map((v) => formatValue(v)), op].join(' ');
}
