/**
 * Where the opaque boxes go, and the content that draws them with their labels.
 *
 * A box never has the width of the removed words (that width names them: Edact-Ray, PETS 2023).
 * For each text row a region covers, the box runs from the last glyph kept on its left (when
 * no gutter lies between them; else from where the removed text starts) to the first glyph kept
 * on its right (or the column's right edge). The column is the run of text, on the rows around
 * the region, that the removed glyphs belong to (gaps wider than 1.5 em split columns). Rows with
 * the same extent merge into one block; the region's own rectangle is always covered too.
 */
import { Font as StandardFont } from '@pdf-lib/standard-fonts';
import type { GlyphEvent } from '../content/interpret.js';
import { rectOf, union, type Rect } from '../geometry.js';
import { formatNumber, formatString } from '../objects/write.js';

/** One opaque box; `label` is set on the box that carries its region's label. */
export interface RedactionBox {
  readonly rect: Rect;
  readonly label?: string;
  /**
   * On the boxes of a run's later lines (the lines of one portion after its first): the run's
   * label and its number, printed on the first of them when the run's own label box could not
   * print it (another region's box overlaps it, or it is too small): every withholding states
   * its authority somewhere.
   */
  readonly carried?: { readonly label: string; readonly run: number };
}

interface Row {
  y: number;
  size: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A text row of the page: upright glyphs sharing a baseline, left to right, and its runs of text. */
interface TextRow {
  readonly y: number;
  readonly size: number;
  readonly glyphs: GlyphEvent[];
  /** Runs of text: glyph extents merged where gaps are under 1.5 em. */
  blocks: [number, number][];
}

/** The page's text rows, built once for all its regions. */
export interface PageLayout {
  readonly rows: TextRow[];
  /** The row of each removed upright glyph. */
  readonly rowOf: Map<GlyphEvent, TextRow>;
  readonly removed: readonly GlyphEvent[];
  readonly removedSet: ReadonlySet<GlyphEvent>;
  /** Worked out once a row, when a region first needs it: the column runs around it ({@link columnRuns}), the glyphs a box must not cover ({@link keptOf}). */
  readonly runs: Map<TextRow, [number, number][]>;
  readonly kept: Map<TextRow, GlyphEvent[]>;
  /** Indices into `removed` of its upright glyphs, by the bottom of their box (for {@link removedIn}); the tallest box's height. */
  readonly byBottom: number[];
  readonly tallest: number;
  /** Indices of upright removed glyphs whose box is not finite. */
  readonly odd: number[];
}

const COLUMN_GAP_EM = 1.5;

/** Rows of the page's upright glyphs (baselines within 0.3 em), each with its runs of text. */
export function pageLayout(glyphs: readonly GlyphEvent[], removed: ReadonlySet<GlyphEvent>): PageLayout {
  const upright = glyphs.filter((g) => g.upright).sort((a, b) => b.oy - a.oy);
  const rows: TextRow[] = [];
  const rowOf = new Map<GlyphEvent, TextRow>();
  let cur: TextRow | null = null;
  for (const g of upright) {
    if (!cur || Math.abs(cur.y - g.oy) >= 0.3 * Math.max(cur.size, g.size)) {
      cur = { y: g.oy, size: g.size, glyphs: [], blocks: [] };
      rows.push(cur);
    }
    cur.glyphs.push(g);
    if (removed.has(g)) rowOf.set(g, cur);
  }
  for (const r of rows) {
    r.glyphs.sort((a, b) => a.fx0 - b.fx0);
    const gap = COLUMN_GAP_EM * r.size;
    let b: [number, number] | null = null;
    for (const g of r.glyphs) {
      if (g.fx1 <= g.fx0) continue;
      if (b && g.fx0 <= b[1] + gap) b[1] = Math.max(b[1], g.fx1);
      else r.blocks.push((b = [g.fx0, g.fx1]));
    }
  }
  const removedList = glyphs.filter((g) => removed.has(g));
  const byBottom: number[] = [];
  const odd: number[] = [];
  let tallest = 0;
  removedList.forEach((g, i) => {
    if (!g.upright) return;
    const h = g.y1 - g.y0;
    // A box that is not finite numbers cannot be ordered: it is tested by every region.
    if (!Number.isFinite(h)) odd.push(i);
    else {
      byBottom.push(i);
      tallest = Math.max(tallest, h);
    }
  });
  byBottom.sort((a, b) => removedList[a]!.y0 - removedList[b]!.y0);
  return { rows, rowOf, removed: removedList, removedSet: removed, runs: new Map(), kept: new Map(), byBottom, odd, tallest };
}

/**
 * The upright removed glyphs whose box meets `region`, in content order: those whose box
 * bottom lies between the region's bottom less the tallest box (and a point of slack) and its
 * top, tested one by one.
 */
function removedIn(layout: PageLayout, region: Rect): GlyphEvent[] {
  const { removed, byBottom } = layout;
  const from = region[1] - layout.tallest - 1;
  let lo = 0, hi = byBottom.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (removed[byBottom[mid]!]!.y0 < from) lo = mid + 1;
    else hi = mid;
  }
  const hits: number[] = [];
  for (let k = lo; k < byBottom.length; k++) {
    const i = byBottom[k]!;
    if (removed[i]!.y0 > region[3]) break;
    if (removed[i]!.meets(region)) hits.push(i);
  }
  for (const i of layout.odd) if (removed[i]!.meets(region)) hits.push(i);
  return hits.sort((a, b) => a - b).map((i) => removed[i]!);
}

/**
 * The runs of text within 40 lines of row `tr`, sorted and merged where gaps are under 1.5 em
 * (its size): the columns a removed run of that row can belong to.
 */
function columnRuns(layout: PageLayout, tr: TextRow): [number, number][] {
  let runs = layout.runs.get(tr);
  if (runs) return runs;
  const spans = rowsNear(layout.rows, tr.y, 40 * tr.size).flatMap((r) => r.blocks).sort((a, b) => a[0] - b[0]);
  const gap = COLUMN_GAP_EM * tr.size;
  runs = [];
  let cur: [number, number] | null = null;
  for (const sp of spans) {
    if (cur && sp[0] <= cur[1] + gap) cur[1] = Math.max(cur[1], sp[1]);
    else {
      if (cur) runs.push(cur);
      cur = [sp[0], sp[1]];
    }
  }
  if (cur) runs.push(cur);
  layout.runs.set(tr, runs);
  return runs;
}

/** The glyphs of row `r` a box must not cover (visible and kept), left to right. */
function keptOf(layout: PageLayout, r: TextRow): GlyphEvent[] {
  let kept = layout.kept.get(r);
  if (!kept) layout.kept.set(r, (kept = r.glyphs.filter((g) => visibleKept(g, layout.removedSet))));
  return kept;
}

/** Rows whose baseline lies within `dy` of `y` (rows are sorted by y, top first). */
function rowsNear(rows: readonly TextRow[], y: number, dy: number): TextRow[] {
  let lo = 0, hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.y > y + dy) lo = mid + 1;
    else hi = mid;
  }
  const out: TextRow[] = [];
  for (let i = lo; i < rows.length && rows[i]!.y >= y - dy; i++) out.push(rows[i]!);
  return out;
}

/** A glyph a box must not cover: visible and kept. */
function visibleKept(g: GlyphEvent, removed: ReadonlySet<GlyphEvent>): boolean {
  return !removed.has(g) && g.visible;
}

/**
 * Boxes for one region, given the page's layout and the rectangles of images that stay (a box
 * never grows over them). In steps (the rows the region removes glyphs from, each row's box, the
 * rows merged, the region widened), each a function of its own: as one function it was compiled
 * whole again whenever one step met a new kind of value in a late document.
 */
export function boxesForRegion(region: Rect, label: string, layout: PageLayout, obstacles: readonly Rect[] = []): RedactionBox[] {
  const boxes: Rect[] = [];
  for (const [tr, row] of removedRows(layout, region)) boxes.push(rowBox(layout, tr, row, obstacles));
  const merged = mergeRows(boxes);
  const all = [...merged, widenedRegion(region, merged)];
  // The label goes in the largest box.
  let best = 0;
  all.forEach((b, i) => {
    if ((b[2] - b[0]) * (b[3] - b[1]) > (all[best]![2] - all[best]![0]) * (all[best]![3] - all[best]![1])) best = i;
  });
  return all.map((rect, i) => (i === best ? { rect, label } : { rect }));
}

/** The text rows the region removes glyphs from, each with the extent of its removed glyphs. */
function removedRows(layout: PageLayout, region: Rect): Map<TextRow, Row> {
  const rows = new Map<TextRow, Row>();
  for (const g of removedIn(layout, region)) {
    const tr = layout.rowOf.get(g)!;
    const row = rows.get(tr);
    if (row) {
      row.x0 = Math.min(row.x0, g.fx0);
      row.x1 = Math.max(row.x1, g.fx1);
      row.y0 = Math.min(row.y0, g.fy0);
      row.y1 = Math.max(row.y1, g.fy1);
    } else rows.set(tr, { y: tr.y, size: tr.size, x0: g.fx0, x1: g.fx1, y0: g.fy0, y1: g.fy1 });
  }
  return rows;
}

/** The box of one row's removed glyphs, widened to its column without covering kept text or images. */
function rowBox(layout: PageLayout, tr: TextRow, row: Row, obstacles: readonly Rect[]): Rect {
  // The column's right edge: runs of text within 40 lines of this row, connected to the removed run.
  let colRight = row.x1;
  for (const b of columnRuns(layout, tr)) if (b[1] >= row.x0 && b[0] <= row.x1) colRight = Math.max(colRight, b[1]);
  // The left edge stays where the row's text starts (the column's edge, or just after kept text).
  // (At most 3 em to the left, and never over the nearest kept glyph: a box that started at
  // the farthest kept glyph hid released text before a portion opened mid-line.)
  let left = row.x0;
  let nearestLeft = -Infinity;
  let right = colRight;
  const band = row.y1 - row.y0;
  let top = row.y1;
  for (const r of rowsNear(layout.rows, row.y, 3 * row.size)) {
    for (const g of keptOf(layout, r)) {
      if (r !== tr && r.y > tr.y && band > 1.4 * (g.fy1 - g.fy0) && g.fx1 > row.x0 && g.fx0 < row.x1) {
        // Kept text above a row much taller than it (a drop cap's, whose box reaches up beside
        // the lines it spans): the box stops under it, not over the line above, which stays.
        top = Math.min(top, Math.max(g.fy0, tr.y + 0.6 * tr.size));
      }
      if (r === tr) {
        if (g.fx1 <= row.x0 + 0.01) nearestLeft = Math.max(nearestLeft, g.fx1);
        else if (g.fx0 >= row.x1 - 0.01) right = Math.min(right, g.fx0);
        else right = Math.min(right, Math.max(row.x1, g.fx0));
      } else if (g.fx0 >= row.x1 - 0.01 && Math.min(g.fy1, row.y1) - Math.max(g.fy0, row.y0) > Math.min(0.5, 0.05 * band)) {
        // Kept text to the right on another baseline (a neighbouring column): never cover it,
        // and leave it a little air.
        right = Math.min(right, Math.max(row.x1, g.fx0 - 0.2 * row.size));
      }
    }
  }
  // A little air after the kept text, so that a reader does not join its last word to the label.
  // Not across a gutter: kept text more than 1.5 em to the left is another column's (the box of
  // a right-hand column's first words reached over the gutter to the left column's line ends).
  if (nearestLeft > -Infinity && row.x0 - nearestLeft <= COLUMN_GAP_EM * row.size) left = Math.min(left, Math.max(nearestLeft + 0.25 * row.size, row.x0 - 3 * row.size));
  for (const o of obstacles) {
    if (o[3] <= row.y0 || o[1] >= row.y1) continue;
    if (o[0] >= row.x1) right = Math.min(right, o[0]);
  }
  return rectOf(Math.min(left, row.x0), row.y0, Math.max(right, row.x1), top);
}

/** Rows' boxes merged into blocks (top to bottom), the gaps between consecutive rows closed. */
function mergeRows(boxes: Rect[]): Rect[] {
  boxes.sort((a, b) => b[3] - a[3]);
  const merged: Rect[] = [];
  for (const b of boxes) {
    const last = merged[merged.length - 1];
    const close = last !== undefined && last[1] - b[3] < 0.6 * (b[3] - b[1]);
    if (last && close && Math.abs(last[0] - b[0]) < 0.5 && Math.abs(last[2] - b[2]) < 0.5) {
      merged[merged.length - 1] = union(last, b);
    } else if (last && close && last[1] > b[3]) {
      const mid = (last[1] + b[3]) / 2;
      merged[merged.length - 1] = rectOf(last[0], mid, last[2], last[3]);
      merged.push(rectOf(b[0], b[1], b[2], mid));
    } else merged.push(b);
  }
  return merged;
}

/** The region itself, widened to the rows it mostly overlaps so that its own width says nothing. */
function widenedRegion(region: Rect, merged: readonly Rect[]): Rect {
  let rx0 = region[0];
  let rx1 = region[2];
  for (const b of merged) {
    const overlap = Math.min(b[3], region[3]) - Math.max(b[1], region[1]);
    if (overlap > 0.5 * (b[3] - b[1])) {
      rx0 = Math.min(rx0, b[0]);
      rx1 = Math.max(rx1, b[2]);
    }
  }
  return rectOf(rx0, region[1], rx1, region[3]);
}

/**
 * Boxes for all regions of a page. Consecutive regions with the same label whose boxes touch
 * (the lines of one portion) print their label once, in the first box.
 */
export function pageBoxes(regions: readonly { rect: Rect; label: string }[], glyphs: readonly GlyphEvent[], removed: ReadonlySet<GlyphEvent>, obstacles: readonly Rect[] = []): RedactionBox[] {
  const layout = pageLayout(glyphs, removed);
  const out: RedactionBox[] = [];
  let prev: { label: string; bottom: number; x0: number; x1: number } | null = null;
  let run = -1;
  for (const r of regions) {
    const boxes = boxesForRegion(r.rect, r.label, layout, obstacles);
    let top = -Infinity, bottom = Infinity, x0 = Infinity, x1 = -Infinity;
    for (const b of boxes) {
      top = Math.max(top, b.rect[3]);
      bottom = Math.min(bottom, b.rect[1]);
      x0 = Math.min(x0, b.rect[0]);
      x1 = Math.max(x1, b.rect[2]);
    }
    const height = top - bottom;
    const continues = prev !== null && prev.label === r.label && Math.abs(prev.bottom - top) < 0.3 * height && x0 < prev.x1 && x1 > prev.x0;
    if (!continues) run++;
    out.push(...(continues ? boxes.map((b) => ({ rect: b.rect, carried: { label: r.label, run } })) : boxes.map((b) => (b.label ? { ...b, carried: { label: r.label, run } } : b))));
    prev = { label: r.label, bottom, x0, x1 };
  }
  return out;
}

let helvetica: StandardFont | undefined;
/** Width of `text` in Helvetica at `size` points, in points (characters without a metric count as 556/1000 em). */
export function textWidth(text: string, size: number): number {
  helvetica ??= StandardFont.load('Helvetica');
  let w = 0;
  for (const ch of text) {
    const gw = helvetica.getWidthOfGlyph(glyphNameFor(ch));
    w += typeof gw === 'number' ? gw : 556;
  }
  return (w * size) / 1000;
}

const NAMED: Record<string, string> = {
  ',': 'comma', '.': 'period', '(': 'parenleft', ')': 'parenright', '-': 'hyphen', '/': 'slash', ':': 'colon', ';': 'semicolon',
  '0': 'zero', '1': 'one', '2': 'two', '3': 'three', '4': 'four', '5': 'five', '6': 'six', '7': 'seven', '8': 'eight', '9': 'nine',
  ' ': 'space', '&': 'ampersand', "'": 'quotesingle', '"': 'quotedbl', '[': 'bracketleft', ']': 'bracketright', '+': 'plus', '§': 'section',
};
function glyphNameFor(ch: string): string {
  return NAMED[ch] ?? ch;
}

/** The label as it can be written with the standard font (WinAnsi): other characters become '?'. */
export function labelText(label: string): { text: string; replaced: number } {
  let replaced = 0;
  let text = '';
  for (const ch of label) {
    if (/^[\x20-\x7e]$/.test(ch)) text += ch;
    else {
      text += '?';
      replaced++;
    }
  }
  return { text, replaced };
}

/** A label as drawn: its text, size and baseline origin. */
interface LabelDraw {
  readonly text: string;
  readonly size: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Where the boxes' labels go: white Helvetica inside each labelled box, shrunk to fit, left out
 * when the box is too small to hold a legible one. Boxes of two regions on one line may overlap
 * (black is black); their labels would print over each other, legible as neither: the first
 * label drawn there stands, and the other run's label goes on its next line (`carried`).
 * `unprinted`: the labels of runs none of whose boxes could hold them, in order, once each.
 */
export function placeLabels(boxes: readonly RedactionBox[]): { draws: LabelDraw[]; unprinted: string[] } {
  const draws: LabelDraw[] = [];
  const drawn: Rect[] = [];
  const labelled = new Set<number>();
  const missed = new Map<number, string>();
  for (const { rect: r, label: own, carried } of boxes) {
    const label = own ?? (carried && !labelled.has(carried.run) ? carried.label : undefined);
    if (!label) continue;
    const { text } = labelText(label);
    const h = r[3] - r[1];
    let size = Math.min(9, h * 0.7);
    const avail = r[2] - r[0] - 4;
    const w = textWidth(text, size);
    if (w > avail) size = (size * avail) / w;
    const x = r[0] + 2;
    const y = r[1] + (h - size * 0.7) / 2;
    const at: Rect = [x, y, x + Math.min(w, avail), y + size];
    if (size < 3 || drawn.some((d) => d[0] < at[2] && at[0] < d[2] && d[1] < at[3] && at[1] < d[3])) {
      if (carried && !labelled.has(carried.run)) missed.set(carried.run, label);
      continue;
    }
    drawn.push(at);
    if (carried) {
      labelled.add(carried.run);
      missed.delete(carried.run);
    }
    draws.push({ text, size, x, y });
  }
  return { draws, unprinted: [...new Set(missed.values())] };
}

/**
 * Content-stream text that paints the boxes in black and each label in white Helvetica inside
 * its box ({@link placeLabels}).
 *
 * @param fontName The resource name under which Helvetica is registered on the page.
 */
export function boxesContent(boxes: readonly RedactionBox[], fontName: string, labels = placeLabels(boxes)): string {
  const f = formatNumber;
  let s = 'q 0 g 0 G\n';
  for (const { rect: r } of boxes) s += `${f(r[0])} ${f(r[1])} ${f(r[2] - r[0])} ${f(r[3] - r[1])} re\n`;
  s += 'f\n';
  for (const { text, size, x, y } of labels.draws) {
    s += `BT 1 g /${fontName} ${f(size)} Tf 1 0 0 1 ${f(x)} ${f(y)} Tm ${formatString(new TextEncoder().encode(text), false)} Tj ET\n`;
  }
  return s + 'Q\n';
}
