/**
 * Rewrites one text-showing operation without some of its glyphs. The result is always a `TJ`
 * whose removed glyphs are replaced by the number that moves the pen exactly as they did (their
 * advance with Tc, and Tw for a single-byte space), so every glyph that stays keeps its position,
 * and the text matrix after the operation is the same as before. `'` and `"` keep their line move
 * (and `"` its Tw/Tc) as separate operators in front.
 */
import { PdfString, type PdfValue } from '../objects/model.js';
import { formatNumber, formatValue } from '../objects/write.js';
import type { Operation } from '../syntax/parse.js';
import type { GlyphEvent } from '../content/interpret.js';
import { InternalError } from '../../errors.js';

/** Appends the kept glyphs `[start, end)` of string `e` as a string of their own (nothing when no run is open: `start` < 0). */
function pushRun(elements: PdfValue[], e: PdfString, start: number, end: number): void {
  if (start >= 0) elements.push(new PdfString(e.bytes.subarray(start, end), e.hex));
}

/** Adds `n` to a trailing number of `elements`, or appends it (nothing for 0). */
function pushNumber(elements: PdfValue[], n: number): void {
  if (n === 0) return;
  const last = elements[elements.length - 1];
  if (typeof last === 'number') elements[elements.length - 1] = last + n;
  else elements.push(n);
}

/**
 * The replacement text for `op`.
 *
 * @param op A Tj, TJ, ' or " operation.
 * @param glyphs The glyph events of this operation, in order.
 * @param removed Which of them to remove (each must have a removal offset).
 */
export function rewriteShow(op: Operation, glyphs: readonly GlyphEvent[], removed: ReadonlySet<GlyphEvent>): string {
  const elements: PdfValue[] = [];
  const source: PdfValue[] =
    op.op === 'TJ' ? (Array.isArray(op.operands[0]) ? op.operands[0] : []) : [op.op === '"' ? op.operands[2]! : op.operands[0]!];
  const byPart = new Map<number, GlyphEvent[]>();
  for (const g of glyphs) {
    const list = byPart.get(g.part);
    if (list) list.push(g);
    else byPart.set(g.part, [g]);
  }
  // Loops and functions of the module, not callbacks made per call (see content/interpret.ts:
  // the optimised code of closures made per call did not outlive full GCs).
  for (let part = 0; part < source.length; part++) {
    const e = source[part];
    if (typeof e === 'number') {
      pushNumber(elements, e);
      continue;
    }
    if (!(e instanceof PdfString)) continue;
    let runStart = -1;
    let runEnd = -1;
    for (const g of byPart.get(part) ?? []) {
      if (removed.has(g)) {
        pushRun(elements, e, runStart, runEnd);
        runStart = -1;
        if (g.removalOffset === null) throw new InternalError('a glyph without a removal offset was removed');
        pushNumber(elements, g.removalOffset);
      } else {
        if (runStart < 0) runStart = g.start;
        runEnd = g.end;
      }
    }
    pushRun(elements, e, runStart, runEnd);
  }
  let prefix = '';
  if (op.op === "'") prefix = 'T* ';
  else if (op.op === '"') prefix = `${formatValue(op.operands[0] ?? 0)} Tw ${formatValue(op.operands[1] ?? 0)} Tc T* `;
  // Offsets are written with at most 10 decimals (formatNumber), enough for sub-micron positions.
  return `${prefix}[${elements.map((v) => (typeof v === 'number' ? formatNumber(v) : formatValue(v))).join(' ')}] TJ`;
}
