/**
 * The edits that remove glyphs from one content stream, written so that the stream keeps no
 * trace of the removed glyphs' widths.
 *
 * Removing a glyph must not move the glyphs that stay, but the pen movements around removed
 * glyphs would measure them: a producer that places every glyph with its own `Td` (wkhtmltopdf,
 * the corpus) writes the advance of each glyph into the next `Td`, and a line replaced by one TJ
 * offset still states its width. Both name the removed text to anyone holding the font's widths
 * (Edact-Ray, PETS 2023). So:
 * - a showing operation whose glyphs are all removed and whose pen movement no later glyph
 *   depends on (a line move, ET or the end comes before any glyph that stays) is dropped whole;
 * - the line moves (Td, TD, T*, Tm, and ' or " that were dropped) between the last glyph kept and
 *   the next one, around dropped operations, collapse into one absolute `Tm` that puts the line
 *   exactly where the original put it (with `TL` kept where a TD set it); before ET they go;
 * - an operation that keeps some glyphs, or whose movement a kept glyph depends on, becomes a TJ
 *   whose removed runs are single offsets (show.ts): the offset equals the distance to the next
 *   kept glyph, which the kept glyph's own position tells anyway.
 */
import type { StreamInstance, GlyphEvent } from '../content/interpret.js';
import { replaceOperation, type ContentEdit } from '../content/edits.js';
import type { Operation } from '../syntax/parse.js';
import { formatNumber, formatValue } from '../objects/write.js';
import { rewriteShow } from './show.js';

const SHOW = new Set(['Tj', 'TJ', "'", '"']);
const LINE = new Set(['Td', 'TD', 'T*', 'Tm']);

type OpState = 'none' | 'kept' | 'partial' | 'dead';

/** One line move in a run: what stays of it when the run collapses (state it sets besides the position). */
interface RunEntry {
  readonly op: number;
  readonly keep: string;
  readonly setsLeading: boolean;
}

/**
 * Edits for the glyphs of `stream` that are in `removed`.
 *
 * @param stream The stream instance (operations, and the line matrix after each line move).
 * @param glyphs This stream's glyphs, in content order.
 * @param removed The glyphs to remove.
 * @returns The edits, and how many operations were dropped whole.
 */
export function textEdits(stream: StreamInstance, glyphs: readonly GlyphEvent[], removed: ReadonlySet<GlyphEvent>): { edits: ContentEdit[]; dropped: number } {
  const byOp = new Map<number, GlyphEvent[]>();
  for (const g of glyphs) {
    const list = byOp.get(g.op);
    if (list) list.push(g);
    else byOp.set(g.op, [g]);
  }
  const states = new Map<number, OpState>();
  let changed = false;
  for (const [i, gs] of byOp) {
    const s = stateOf(gs, removed);
    states.set(i, s);
    if (s === 'dead' || s === 'partial') changed = true;
  }
  if (!changed) return { edits: [], dropped: 0 };
  return new TextEditor(stream, states).edit(byOp, removed);
}

/** Whether an operation's glyphs all stay, all go, or some of each (`none`: it shows no glyph). */
function stateOf(gs: readonly GlyphEvent[], removed: ReadonlySet<GlyphEvent>): OpState {
  if (gs.length === 0) return 'none';
  let r = 0;
  for (const g of gs) if (removed.has(g)) r++;
  return r === 0 ? 'kept' : r === gs.length ? 'dead' : 'partial';
}

/**
 * The walk over one stream's operations that writes the edits. A class rather than closures
 * made per stream (see content/interpret.ts: the optimised code of closures made per call did not
 * outlive full GCs).
 */
class TextEditor {
  private readonly ops: readonly Operation[];
  private readonly edits: ContentEdit[] = [];
  private dropped = 0;
  private readonly run: RunEntry[] = [];
  private tainted = false;

  constructor(
    private readonly stream: StreamInstance,
    private readonly states: ReadonlyMap<number, OpState>,
  ) {
    this.ops = stream.ops;
  }

  edit(byOp: ReadonlyMap<number, GlyphEvent[]>, removed: ReadonlySet<GlyphEvent>): { edits: ContentEdit[]; dropped: number } {
    const ops = this.ops;
    for (let i = 0; i < ops.length; i++) {
      const o = ops[i]!;
      if (o.op === 'BT' || o.op === 'ET') {
        this.flush(false);
        continue;
      }
      if (LINE.has(o.op)) {
        this.run.push({ op: i, keep: '', setsLeading: o.op === 'TD' });
        continue;
      }
      if (!SHOW.has(o.op)) continue;
      const s = this.state(i);
      if (s === 'none') continue;
      if (s === 'dead' && !this.movementMatters(i)) {
        // Dropped whole; ' and " still move to the next line (and " still sets Tw and Tc).
        this.dropped++;
        this.tainted = true;
        if (o.op === "'" || o.op === '"') {
          const keep = o.op === '"' ? `${formatValue(o.operands[0] ?? 0)} Tw ${formatValue(o.operands[1] ?? 0)} Tc ` : '';
          this.run.push({ op: i, keep, setsLeading: false });
        } else this.edits.push(this.replace(i, ''));
        continue;
      }
      this.flush(true);
      if (s === 'kept') continue;
      this.edits.push(this.replace(i, rewriteShow(o, byOp.get(i)!, removed)));
    }
    this.flush(false);
    return { edits: this.edits, dropped: this.dropped };
  }

  private state(i: number): OpState {
    return this.states.get(i) ?? 'none';
  }

  /** Whether any glyph that stays depends on the pen position after operation i. */
  private movementMatters(i: number): boolean {
    const ops = this.ops;
    for (let j = i + 1; j < ops.length; j++) {
      const op = ops[j]!.op;
      if (op === 'ET' || op === 'BT' || LINE.has(op) || op === "'" || op === '"') return false;
      if (SHOW.has(op)) {
        const s = this.state(j);
        if (s === 'kept' || s === 'partial') return true;
      }
    }
    return false;
  }

  /** The edit that replaces operation i by `text`. */
  private replace(i: number, text: string): ContentEdit {
    return replaceOperation(this.ops[i]!, text);
  }

  /** Ends a run of line moves: collapsed into one absolute Tm when an operation in it was dropped. */
  private flush(positionMatters: boolean): void {
    const run = this.run;
    const last = run[run.length - 1];
    // A run that changes nothing is only emptied (its line state not looked up: an object and a matrix).
    if (this.tainted && last) {
      const line = this.stream.lines.get(last.op);
      if (!line) {
        // No recorded line matrix (cannot happen for a parsed line move): keep every move as it was.
        for (const e of run) if (!LINE.has(this.ops[e.op]!.op)) this.edits.push(this.replace(e.op, `${e.keep}T*`));
      } else {
        const leading = run.some((e) => e.setsLeading) ? `${formatNumber(line.tl)} TL ` : '';
        for (let k = 0; k < run.length; k++) {
          const e = run[k]!;
          let text = e.keep;
          if (k === run.length - 1) {
            text += leading;
            if (positionMatters) text += `${line.tlm.map(formatNumber).join(' ')} Tm`;
          }
          this.edits.push(this.replace(e.op, text.trim()));
        }
      }
    }
    run.length = 0;
    this.tainted = false;
  }
}
