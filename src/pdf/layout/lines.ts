/**
 * Lines and reading order from glyph positions:
 * 1. rows: glyphs sharing a baseline (within 0.3 em), left to right; a glyph drawn twice at the
 *    same place (fake bold) counts once;
 * 2. line pieces: a row split where a gap wider than 1.5 em (a column gutter) separates glyphs,
 *    unless a publisher's box fills it (see bridged) or it is a justified line's stretched space
 *    (see stretched, stretchedBeside, justifiedGap); also where two flows meet (see drawnApart), where a drawn
 *    vertical rule crosses the row between two glyphs (a table's cell border: see ruleCuts), and before a table cell beside a `(U)` one whose column opens with marks (see
 *    cellsBesideU) or lines up with a borderless table's cells above or below (see alignedCells);
 * 3. blocks: a piece continues the block of the piece just above it when each is the other's
 *    nearest neighbour across the gap (x ranges overlapping) and the gap is under 2.5 em, so a
 *    column stays one block across its paragraphs and a sidebar is a block of its own; not a run
 *    of smaller type set in another line's flow (see inlineFragment) nor a table's new row (see
 *    newTableRow);
 * 4. order: recursive XY-cut over the blocks (cut across at a horizontal gap no block spans, top
 *    to bottom, else down a vertical gap, left to right), blocks that cannot be cut apart by their
 *    top edge, then the left edge of their first line.
 * Within a block, a gap between lines over 1.4 times the block's usual line pitch is a paragraph
 * break.
 */
import type { PageGlyph } from './glyphs.js';
import type { Rect } from '../geometry.js';
import type { PageContent } from '../content/interpret.js';
import { thinHorizontal, thinVertical } from '../content/subpaths.js';
import { boxSeams } from './seams.js';
import { barHole, lineBoxes } from './bar-holes.js';
import { parseMarking } from '../../markings/index.js';
import { NOTE_NUMBER } from '../../parse/patterns.js';

/** A line piece: glyphs of one row of one column, left to right. */
export interface LinePiece {
  readonly y: number;
  readonly size: number;
  readonly x0: number;
  readonly x1: number;
  readonly glyphs: readonly PageGlyph[];
  /** The first and last place where its inked glyphs were drawn in the page's content (indexes in the page's glyphs). */
  readonly drawn?: readonly [number, number];
}

/** A block of line pieces, top to bottom, with paragraph breaks before some of them. */
export interface Block {
  readonly lines: LinePiece[];
  /** Indexes into `lines` of the lines that open a new paragraph (after the first). */
  readonly breaks: Set<number>;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

const ROW_TOLERANCE_EM = 0.3;
const COLUMN_GAP_EM = 1.5;
const BLOCK_GAP_EM = 2.5;
const PARAGRAPH_PITCH = 1.4;
/** The widest tab after a mark alone that still joins the mark to its text (a 0.75 in mark column at 10 pt is 5.4 em). */
const MARK_TAB_EM = 6;

/**
 * The sort keys of glyphs, read once: a glyph's getters reach its numbers through two objects,
 * and a comparison sort read them some 2 log n times a glyph (cache misses on large pages).
 */
class GlyphKeys {
  readonly y: Float64Array;
  readonly x0: Float64Array;
  readonly y0: Float64Array;
  constructor(glyphs: readonly PageGlyph[]) {
    const n = glyphs.length;
    this.y = new Float64Array(n);
    this.x0 = new Float64Array(n);
    this.y0 = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const g = glyphs[i]!;
      this.y[i] = g.y;
      this.x0[i] = g.x0;
      this.y0[i] = g.y0;
    }
  }
  /** Top to bottom by baseline, then left to right. */
  byRow(a: number, b: number): number {
    return this.y[b]! - this.y[a]! || this.x0[a]! - this.x0[b]!;
  }
  /** Left to right, then bottom to top. */
  byLeft(a: number, b: number): number {
    return this.x0[a]! - this.x0[b]! || this.y0[a]! - this.y0[b]!;
  }
}

/** Glyph indices 0 … n-1, in order. */
function indices(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i);
  return out;
}

/**
 * A row: its glyphs left to right, and where each was drawn in the page's content (its index in
 * the page's glyphs), for {@link drawnApart}.
 */
interface Row {
  readonly glyphs: readonly PageGlyph[];
  readonly drawn: readonly number[];
  /** The unseen glyphs of a row that also shows glyphs a reader sees (see seenApart): a row of their own. */
  readonly hidden?: boolean;
}

/**
 * Rows of glyphs: by baseline (within 0.3 em of the row's first), each left to right without
 * repeats. Index arrays are sorted with the same comparisons as the glyphs would be (the sort is
 * stable, so the order is the same).
 */
function rows(glyphs: readonly PageGlyph[]): Row[] {
  const keys = new GlyphKeys(glyphs);
  const sorted = indices(glyphs.length).sort((a, b) => keys.byRow(a, b));
  const out: { y: number; size: number; members: number[] }[] = [];
  for (const i of sorted) {
    const g = glyphs[i]!;
    const cur = out[out.length - 1];
    if (cur && Math.abs(cur.y - keys.y[i]!) < ROW_TOLERANCE_EM * Math.max(cur.size, g.size)) cur.members.push(i);
    else out.push({ y: keys.y[i]!, size: g.size, members: [i] });
  }
  return joinSuperscripts(joinRaisedMarks(joinRaisedAfterMarks(out, glyphs), glyphs), glyphs).flatMap((r) =>
    seenApart(r.members, glyphs).map((members, k) => {
      const drawn = dedupe(members.sort((a, b) => keys.byLeft(a, b)), glyphs);
      return { glyphs: drawn.map((i) => glyphs[i]!), drawn, ...(k > 0 ? { hidden: true } : {}) };
    }),
  );
}

/**
 * A row's glyphs, split in two when it holds both text a reader sees and unseen text (PageGlyph.unseen:
 * an invisible OCR layer over the line, a box or image drawn over words of it, white words): the
 * seen glyphs, then the unseen ones (each with the blanks of its kind). Read left to right as one
 * row, glyphs of the two interleaved: an invisible copy of a (U) line drawn over it shattered the
 * line into 56 pieces of one glyph, each withheld under B1, and words under a drawn box were read
 * as part of the (U) line around them (probe 61a, F2, F3). The unseen text is a row of its own:
 * its pieces are unmarked, and withheld in a classified document.
 */
function seenApart(members: number[], glyphs: readonly PageGlyph[]): number[][] {
  let seen = false;
  let unseen = false;
  for (const i of members) {
    const g = glyphs[i]!;
    if (g.blank) continue;
    if (g.unseen) unseen = true;
    else seen = true;
  }
  if (!seen || !unseen) return [members];
  return [members.filter((i) => !glyphs[i]!.unseen), members.filter((i) => glyphs[i]!.unseen === true)];
}

/**
 * A run raised above its line right after a portion mark (a browser's `(S//NF)<sup>…</sup> the
 * source …`, or text moved up by relative positioning), drawn in the line's flow: a row of its
 * own, above the mark's, it read as the last line of the paragraph above and was released with a
 * (U) paragraph there. It is the marked line's: the glyph drawn right before it closes a portion
 * mark, on a row under it by more than the row tolerance and at most 0.8 em, and it starts right of
 * that mark. Only after a mark: a footnote number raised after a word stays as it was.
 */
function joinRaisedAfterMarks(out: { y: number; size: number; members: number[] }[], glyphs: readonly PageGlyph[]): { y: number; size: number; members: number[] }[] {
  const rowOf = new Int32Array(glyphs.length).fill(-1);
  out.forEach((r, k) => { for (const i of r.members) rowOf[i] = k; });
  const gone = new Set<number>();
  out.forEach((r, k) => {
    let first = Infinity;
    for (const i of r.members) if (i < first) first = i;
    let p = first - 1;
    while (p >= 0 && glyphs[p]!.blank) p--;
    if (p < 0 || glyphs[p]!.text !== ')' || rowOf[p] === k || gone.has(rowOf[p]!)) return;
    const below = out[rowOf[p]!]!;
    const rise = r.y - below.y;
    const size = Math.max(r.size, below.size);
    if (rise <= ROW_TOLERANCE_EM * size || rise > RAISED_MAX_EM * size || glyphs[first]!.x0 < glyphs[p]!.x0) return;
    if (!closesMark(below.members, glyphs, p)) return;
    below.members.push(...r.members);
    gone.add(k);
  });
  return gone.size === 0 ? out : out.filter((_, k) => !gone.has(k));
}

/**
 * A portion mark raised above the line it opens (`4 Ts ((S//NF)) Tj 0 Ts ( the source …)`, or the
 * mark drawn as a run of its own a few points above the baseline): a row of its own, it was a line
 * under the paragraph above, the line's text an unmarked paragraph apart (withheld, and under a
 * (U) paragraph the whole page's reading broke: probe 63). It is that line's: a row that is one
 * portion mark and nothing else, above a row by more than the row tolerance and at most 0.8 em,
 * which goes on right after the mark (its next glyph at most 1 em right of the mark's end) and has
 * nothing under the mark nor within 1 em left of it (the mark clearly opens it: a mark raised
 * inside a line, a word right before it, stays a row of its own).
 */
function joinRaisedMarks(out: { y: number; size: number; members: number[] }[], glyphs: readonly PageGlyph[]): { y: number; size: number; members: number[] }[] {
  const gone = new Set<number>();
  out.forEach((r, k) => {
    const inked = r.members.filter((i) => !glyphs[i]!.blank).sort((a, b) => glyphs[a]!.x0 - glyphs[b]!.x0);
    const text = inked.map((i) => glyphs[i]!.text).join('');
    if (inked.length === 0 || !text.startsWith('(') || text.length > 42 || !parseMarking(text, 'portion').ok) return;
    const x0 = glyphs[inked[0]!]!.x0;
    const x1 = glyphs[inked[inked.length - 1]!]!.x1;
    for (let j = k + 1; j < out.length; j++) {
      const below = out[j]!;
      const size = Math.max(r.size, below.size);
      const rise = r.y - below.y;
      if (rise > RAISED_MAX_EM * size) break;
      if (rise <= ROW_TOLERANCE_EM * size || gone.has(j)) continue;
      const ink = below.members.map((i) => glyphs[i]!).filter((g) => !g.blank);
      const under = ink.some((g) => g.x1 > x0 - size && g.x0 < x1 - 0.1 * size);
      const next = ink.some((g) => g.x0 >= x1 - 0.1 * size && g.x0 - x1 <= size);
      if (under || !next) continue;
      below.members.push(...r.members);
      gone.add(k);
      return;
    }
  });
  return gone.size === 0 ? out : out.filter((_, k) => !gone.has(k));
}

/** Raised at most this far above a line (in em), a run is that line's superscript, not a line of its own. */
const RAISED_MAX_EM = 0.8;

/** A superscript is set at most this size of its line's type (Chromium's `<sup>` 0.83, LibreOffice's 0.58). */
export const SUPERSCRIPT_SCALE = 0.86;
/**
 * What a footnote reference is written with: a note's number (digits, or a roman numeral as
 * LibreOffice numbers endnotes: `sentenceⁱⁱ`, read apart it was an unmarked portion withheld under
 * B1 inside a (U) sentence, probe 65c F5) or a footnote sign.
 */
const FOOTNOTE_REFERENCE = new RegExp(`^(?:${NOTE_NUMBER}|[*†‡])$`, 'u');

/**
 * A footnote reference set as a superscript (`Visitors<sup>1</sup> should`, LibreOffice's
 * `Visitors¹`, a footnote's own number before its text, `¹ (S//NF) …`), a row of its own above its
 * line: read as a line of its own, the number was an unmarked portion withheld under B1 inside a
 * released (U) paragraph, or a footnote's number cut off its mark. It is its line's: a run of the
 * row drawn in one go (consecutive in the page's content), 1 to 3 digits or a footnote sign, each
 * glyph at most 0.86 of the size of the glyph drawn right before it (or, at a line's start, right
 * after it), which lies on a row under it by more than 0.1 em and at most 0.8 em, beside it (the
 * run starting at most 0.5 em right of that glyph's end, or ending at most 1 em left of its start),
 * the run's boxes starting less than 0.5 em above that baseline (inside the band a withheld line's
 * region covers: ./index.ts, spanRegions). Anything else stays as it was.
 */
function joinSuperscripts(out: { y: number; size: number; members: number[] }[], glyphs: readonly PageGlyph[]): { y: number; size: number; members: number[] }[] {
  const rowOf = new Int32Array(glyphs.length).fill(-1);
  out.forEach((r, k) => { for (const i of r.members) rowOf[i] = k; });
  let moved = false;
  out.forEach((r, k) => {
    for (const run of drawnRuns(r.members)) {
      const line = superscriptLine(run, glyphs, rowOf, k);
      if (line < 0) continue;
      const gone = new Set(run);
      r.members = r.members.filter((i) => !gone.has(i));
      out[line]!.members.push(...run);
      for (const i of run) rowOf[i] = line;
      moved = true;
    }
  });
  return moved ? out.filter((r) => r.members.length > 0) : out;
}

/** The members of a row split where they are not consecutive in the page's content. */
function drawnRuns(members: readonly number[]): number[][] {
  const sorted = [...members].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else runs.push([i]);
  }
  return runs;
}

/** The row whose superscript the run (of row `k`) is (see joinSuperscripts), or -1. */
function superscriptLine(run: readonly number[], glyphs: readonly PageGlyph[], rowOf: Int32Array, k: number): number {
  const inked = run.filter((i) => !glyphs[i]!.blank);
  if (inked.length === 0 || !FOOTNOTE_REFERENCE.test(inked.map((i) => glyphs[i]!.text).join(''))) return -1;
  const x0 = Math.min(...inked.map((i) => glyphs[i]!.x0));
  const x1 = Math.max(...inked.map((i) => glyphs[i]!.x1));
  const y = glyphs[inked[0]!]!.y;
  const fits = (n: PageGlyph): boolean => {
    const rise = y - n.y;
    return rise > 0.1 * n.size && rise <= RAISED_MAX_EM * n.size && inked.every((i) => glyphs[i]!.size <= SUPERSCRIPT_SCALE * n.size && Math.abs(glyphs[i]!.y - y) < 0.1 * n.size && glyphs[i]!.y0 < n.y + 0.5 * n.size);
  };
  let p = run[0]! - 1;
  while (p >= 0 && glyphs[p]!.blank) p--;
  const before = p >= 0 ? glyphs[p]! : null;
  if (before && rowOf[p] !== k && rowOf[p]! >= 0 && fits(before) && x0 >= before.x1 - 0.1 * before.size && x0 - before.x1 <= 0.5 * before.size) return rowOf[p]!;
  let q = run[run.length - 1]! + 1;
  while (q < glyphs.length && glyphs[q]!.blank) q++;
  const after = q < glyphs.length ? glyphs[q]! : null;
  if (after && rowOf[q] !== k && rowOf[q]! >= 0 && fits(after) && after.x0 >= x1 - 0.1 * after.size && after.x0 - x1 <= after.size) return rowOf[q]!;
  return -1;
}

/** True when glyph `p`, a `)` of the row `members`, closes a portion mark: `(` … `)` left of it parses as one. */
function closesMark(members: readonly number[], glyphs: readonly PageGlyph[], p: number): boolean {
  const left = members.filter((i) => glyphs[i]!.x0 <= glyphs[p]!.x0 && !glyphs[i]!.blank).sort((a, b) => glyphs[a]!.x0 - glyphs[b]!.x0);
  const text = left.map((i) => glyphs[i]!.text).join('');
  const open = text.lastIndexOf('(');
  return open >= 0 && text.length - open <= 42 && parseMarking(text.slice(open), 'portion').ok;
}

/**
 * Drop a glyph that repeats one already kept at (almost) the same place. `members` (indices into
 * `glyphs`) are sorted by left edge, so only the kept glyphs less than 0.1 em to its left are
 * looked at (all of them when an edge or size is not a finite number, or the edges are not in order).
 */
function dedupe(members: readonly number[], glyphs: readonly PageGlyph[]): number[] {
  const out: number[] = [];
  const finite = members.every((m, i) => Number.isFinite(glyphs[m]!.x0) && Number.isFinite(glyphs[m]!.size) && (i === 0 || glyphs[m]!.x0 >= glyphs[members[i - 1]!]!.x0));
  for (const m of members) {
    const g = glyphs[m]!;
    const near = 0.1 * g.size;
    let same = false;
    for (let k = out.length - 1; k >= 0; k--) {
      const p = glyphs[out[k]!]!;
      if (finite && g.x0 - p.x0 >= near) break;
      if (p.text === g.text && Math.abs(p.x0 - g.x0) < near && Math.abs(p.y - g.y) < near) {
        same = true;
        break;
      }
    }
    if (!same) out.push(m);
  }
  return out;
}

/**
 * The pieces of a row: split at gaps wider than a column gutter (unless the row is a stretched
 * line), and wherever two neighbouring glyphs were drawn apart (see drawnApart), however narrow
 * the gap between them.
 */
function pieces(row: Row, page: readonly PageGlyph[], boxes: readonly Rect[], marks: readonly PageGlyph[] = [], next?: NextRow, rules: readonly Rect[] = []): LinePiece[] {
  const glyphs = row.glyphs;
  const out: LinePiece[] = [];
  const cuts = gutters(glyphs).filter((c) => !bridged(glyphs, c, boxes, page));
  const flow = [...flowBreaks(row, page), ...ruleCuts(glyphs, rules)];
  const spaces = cuts.length >= 2 && stretched(glyphs, cuts) ? new Set(cuts.map((c) => c.at)) : stretchedBeside(row, cuts, flow, page);
  const at = cuts.filter((c, k) => !spaces.has(c.at) && !markTab(glyphs, c, cuts, flow) && !justifiedGap(row, cuts, k, page)).map((c) => c.at);
  const boxedCuts = new Set(cuts.filter((c) => boxed(glyphs, c, boxes)).map((c) => c.at));
  const cells = [...cellsBesideU(glyphs, marks), ...alignedCells(glyphs, next)].filter((at) => !next || !wrapsBelow(glyphs, at, next));
  const all = withoutPunctuationCuts(glyphs, [...new Set([...at, ...flow, ...cells])].sort((a, b) => a - b), new Set(flow), boxedCuts);
  let from = 0;
  for (const c of all) {
    addPiece(out, row, from, c);
    from = c;
  }
  addPiece(out, row, from, glyphs.length);
  return out;
}

/**
 * Thin upright rules a page draws: pieces of paths a reader sees (stroked or filled, not white:
 * see PathEvent.inked), at most 3 pt wide and three times as tall as that, and images so thin. A
 * table's cell borders are drawn so, however the table is drawn: a line per edge, the grid as one
 * path, a rectangle per cell (LibreOffice), a thin quad or an even-odd ring per cell (Chromium), a
 * stretched image: each edge is a piece (content/subpaths.ts). A whole path so thin counts too (a
 * dotted rule's dots), and so does the seam where two boxes painted side by side meet (cells told
 * apart by their backgrounds alone: see seams.ts).
 */
export function verticalRules(content: PageContent): Rect[] {
  return [...thinRules(content, thinVertical, (p) => p.verticals), ...boxSeams(content.paths)];
}

/**
 * Thin horizontal rules a page draws, found as verticalRules finds the upright ones: a table's row
 * borders (and underlines, which ruledApart tells apart by their reach).
 */
export function horizontalRules(content: PageContent): Rect[] {
  return thinRules(content, thinHorizontal, (p) => p.horizontals);
}

/** The inked paths and images of a page that `thin` takes for a rule, with each path's own pieces so thin (`pieces`). */
function thinRules(content: PageContent, thin: (r: Rect) => boolean, pieces: (p: PageContent['paths'][number]) => readonly Rect[]): Rect[] {
  const out: Rect[] = [];
  for (const path of content.paths) {
    if (!path.inked) continue;
    if (thin(path.bbox)) out.push(path.bbox);
    out.push(...pieces(path));
  }
  for (const image of [...content.images, ...content.inlineImages]) if (thin(image.bbox)) out.push(image.bbox);
  return out;
}

/**
 * True when a drawn horizontal rule lies between `q` and the piece `p` under it (below `q`'s
 * baseline, above the middle of `p`'s letters) and reaches 0.15 em left of both and on under the
 * start of both: a table's row border, `p` a cell of the next row, never `q`'s wrap. Read as the
 * wrap, an unmarked cell under a `(U)` heading cell (`Class | (U) Status UQ2` over `(S//NF) |
 * Active ZQ2`) took its mark and was released (probe 66b, F1). An underline starts where its words
 * do, and a cell's border at the cell's edge, left of its padding. With a padding of 1 px or less
 * (Chromium's default) a cell's own border, drawn a piece per cell, starts less than 0.15 em left of
 * its text: under a blank corner cell `Value ZQ2` was released as `(U) Q1 UQ1`'s wrap (probe 66f,
 * F1). So a rule that starts at most 0.05 em right of both pieces' left edge, runs to the end of
 * both and meets a drawn upright rule (`walls`, see verticalRules) at its left end, a cell's
 * corner, cuts too, unless it starts AND ends where `q`'s words do (an underline) and meets no
 * upright rule at its right end (with padding 0 the widest cell's words fill it: a cell's floor
 * then has both ends at its words' and a wall at each; an underline in such a cell would be read
 * as a floor, its wrap withheld, failing closed). Without the
 * corner a rule at the text's edge is a heading's border or an `hr` between two lines of one
 * paragraph (probe 66f, e3, d2), which must not cut. A rule that reaches left of both pieces cuts even
 * where one sentence seems to run on across it (no stop above, lower case below: an `hr` through a
 * (U) sentence, probe 66f, 4): a ruled one-column list's next row looks the same, and its unmarked
 * row would be released as the (U) row's wrap (a wrong withholding is seen and reported, a leak is not).
 */
function ruledApart(q: LinePiece, p: LinePiece, floors: readonly Rect[], walls: readonly Rect[]): boolean {
  const em = Math.min(p.size, q.size);
  const edge = Math.min(p.x0, q.x0);
  const start = Math.max(p.x0, q.x0);
  const end = Math.max(p.x1, q.x1);
  const underline = (r: Rect): boolean => Math.abs(r[0] - q.x0) <= 0.05 * em && Math.abs(r[2] - q.x1) <= 0.05 * em;
  const cornered = (r: Rect, x: number): boolean => walls.some((v) => v[0] - 0.1 * em <= x && x <= v[2] + 0.1 * em && v[1] <= r[3] + 0.1 * em && v[3] >= r[1] - 0.1 * em);
  const cellFloor = (r: Rect): boolean => r[0] <= edge + 0.05 * em && r[2] >= end - 0.05 * em && cornered(r, r[0]) && (!underline(r) || cornered(r, r[2]));
  return floors.some((r) => r[3] <= q.y && r[1] >= p.y + 0.3 * p.size && r[2] > start && (r[0] <= edge - 0.15 * em || cellFloor(r)));
}

/**
 * The glyphs of a row (their indices) before which a drawn vertical rule (see verticalRules)
 * crosses it: the rule lies in the gap between the inked glyph and the one before it (its middle
 * between their edges, 0.1 em of slack) and runs from the row's baseline to 0.6 em above it, at
 * most a quarter em wide. A table's cell border: the cells either side are two cells, however
 * narrow the padding between them. Read as one line (a gap under a column gutter), an unmarked
 * cell beside a `(U)` one took its mark and was released (`(U) UQCELLC open | ZQCELLD unmarked`),
 * and a `(U)` cell beside an (S//NF) one was one portion raised by the mark inside it and withheld
 * under B1 (probe 60c, F2, F5). Cut, each cell is a piece of its own, and a portion of its own.
 * Every such rule cuts, whatever its reach: a one-row table whose only border is the rule between
 * its cells (`border-right`, little padding) draws it as a breadcrumb draws its separator (CSS
 * `border-left` on an inline span: the same reach, gaps and text objects), and letting a rule that
 * crosses one row's line and nothing else pass released `ZQSECRETB` inside the (U) cell's portion
 * (probe 61b, F1, F2). Fail closed: a (U) breadcrumb so drawn is cut, and its pieces after the
 * first withheld as unmarked.
 */
function ruleCuts(glyphs: readonly PageGlyph[], rules: readonly Rect[]): number[] {
  if (rules.length === 0) return [];
  let first = -1;
  for (let i = 0; i < glyphs.length && first < 0; i++) if (!glyphs[i]!.blank) first = i;
  if (first < 0) return [];
  const g0 = glyphs[first]!;
  const crossing = rules.filter((r) => r[1] <= g0.y && r[3] >= g0.y + 0.6 * g0.size && r[2] - r[0] <= 0.25 * g0.size);
  if (crossing.length === 0) return [];
  const out: number[] = [];
  let prev: PageGlyph | null = null;
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!;
    if (g.blank) continue;
    const slack = 0.1 * g.size;
    if (prev && crossing.some((r) => (r[0] + r[2]) / 2 >= prev!.x1 - slack && (r[0] + r[2]) / 2 <= g.x0 + slack)) out.push(i);
    prev = g;
  }
  return out;
}

/**
 * The `(` of each portion mark set mid-row, after other text of its row (`(U) Alpha Roberts` then
 * `(U) public spokesman`, a table's second cell 2 pt on): where a table's cell opens with its mark.
 */
function midLineMarks(rs: readonly Row[]): PageGlyph[] {
  const out: PageGlyph[] = [];
  for (const r of rs) {
    const gs = r.glyphs;
    let inked = false;
    for (let k = 0; k < gs.length; k++) {
      const g = gs[k]!;
      if (g.blank) continue;
      if (inked && g.text === '(') {
        let raw = '';
        for (let j = k; j < gs.length && j < k + 42; j++) {
          raw += gs[j]!.blank ? ' ' : gs[j]!.text;
          if (gs[j]!.text === ')') break;
        }
        if (raw.endsWith(')') && parseMarking(raw, 'portion').ok) out.push(g);
      }
      inked = true;
    }
  }
  return out;
}

/**
 * Where a row that opens with a `(U)` mark (after a list label, if any) is cut before a table
 * cell closer than a gutter: at a gap that the space glyphs drawn in it, if any, leave open by a
 * word space or more (a cell drawn with its trailing space, probe 59b, F2; a monospaced line's
 * spaces fill their gaps), whose right edge lies within 0.25 em (CELL_ALIGN_EM: a padded or
 * centred cell) of a mark set mid-row on a row within 2.4 em above or below,
 * in type of the same size (the cell above or below opens there with its own mark: a table's
 * column). The cell after the gap does not open with a mark. Read as one line, the unmarked
 * cell took the `(U)` of the row's first cell and was released (`(U) Bravo Jones ZQCELLD unmarked
 * role`, probe 58f, F3); cut, it is a piece of its own, which no cell above it goes on into
 * (newTableRow): unmarked, withheld in a classified document. Only after a `(U)` first cell: the
 * cut then never releases what the row's mark withheld (in an unclassified document, unmarked
 * text is released as the `(U)` row was). Not where the row is a paragraph's full line that wraps
 * onto the row below (see wrapsBelow).
 */
function cellsBesideU(glyphs: readonly PageGlyph[], marks: readonly PageGlyph[]): number[] {
  if (marks.length === 0 || !opensU(glyphs)) return [];
  const cells = openHoles(glyphs).filter(({ at, open }) => {
    const g = glyphs[at]!;
    const em = g.size;
    if (g.text === '(' || open <= WORD_HOLE_EM * em) return false;
    return marks.some((m) => Math.abs(m.x0 - g.x0) < CELL_ALIGN_EM * em && Math.abs(m.size - em) <= 0.1 * em && Math.abs(m.y - g.y) >= 0.6 * em && Math.abs(m.y - g.y) <= 2.4 * em);
  });
  return cells.map((h) => h.at);
}

/**
 * Where a row that opens with a `(U)` mark is cut before a borderless table's cell whose column
 * opens with no mark (see cellStarts): the cell starts after a hole clearly wider than the row's
 * word spaces (not the tab after the row's mark alone: a hanging indent), and a cell of the row just above or below (within 2.4 em, in type of the same size)
 * starts so at the same place (within CELL_ALIGN_EM). Read as one line, an unmarked cell 6 pt after
 * a `(U)` cell took its mark and was released (probe 60e). Cut, it is unmarked, and withheld in a
 * classified document. Not after a label's colon (`(U) Office:` then its value a tab on, lined up
 * down a contact list): a form's field and its value, one portion, not two cells; cut there, a
 * portion-marked list's values were withheld as one unmarked block (probe 61b, F4). A rule drawn
 * between them cuts all the same (see ruleCuts). A row that stands alone (see loneRow) has no
 * cells to line up with, and is cut at such a hole all the same.
 */
function alignedCells(glyphs: readonly PageGlyph[], next: NextRow | undefined): number[] {
  if (!next || !opensU(glyphs)) return [];
  const own = cellStarts(glyphs);
  if (own.length === 0) return [];
  const em = glyphs[own[0]!]!.size;
  const others: PageGlyph[] = [];
  for (const r of [next.above, next.below]) {
    if (!r) continue;
    for (const i of cellStarts(r.glyphs)) {
      const o = r.glyphs[i]!;
      if (Math.abs(o.y - glyphs[own[0]!]!.y) <= 2.4 * em && Math.abs(o.size - em) <= 0.1 * em) others.push(o);
    }
  }
  const lone = loneRow(glyphs[own[0]!]!, next);
  return own.filter((i) => glyphs[i]!.text !== '(' && !afterMarkOnly(glyphs, i) && !afterLabel(glyphs, i) && ((lone && widestHole(glyphs, i)) || others.some((o) => Math.abs(o.x0 - glyphs[i]!.x0) < CELL_ALIGN_EM * em)));
}

/**
 * True when the open hole before glyph `at` (its gap less the space glyphs drawn in it) is at
 * least 1.5 times every other open hole of the row: a lone row's one cell gap. A tracked heading
 * (`(U) ANNUAL REVIEW`, 0.25 em between letters, 0.7 em between words) has holes twice its
 * letters' but alike: no cell gap (cut, `REVIEW` was withheld as unmarked).
 */
function widestHole(glyphs: readonly PageGlyph[], at: number): boolean {
  const holes = openHoles(glyphs);
  const mine = holes.find((h) => h.at === at)?.open ?? 0;
  return holes.every((h) => h.at === at || 1.5 * h.open <= mine);
}

/**
 * The holes between a row's inked glyphs: before glyph `at`, the gap from the inked glyph before it
 * (`gap`) and what the space glyphs drawn in it leave open (`open`).
 */
export function openHoles(glyphs: readonly PageGlyph[]): { at: number; gap: number; open: number }[] {
  const holes: { at: number; gap: number; open: number }[] = [];
  let prev: PageGlyph | null = null;
  let spaces = 0;
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!;
    if (g.blank) {
      spaces += Math.max(0, g.x1 - g.x0);
      continue;
    }
    if (prev) holes.push({ at: i, gap: g.x0 - prev.x1, open: g.x0 - prev.x1 - spaces });
    prev = g;
    spaces = 0;
  }
  return holes;
}

/** A row further than this from the rows above and below it (em, baseline to baseline) stands alone: no paragraph's line. */
const LONE_ROW_EM = 1.6;

/**
 * True when the row of glyph `g` stands alone, no row within {@link LONE_ROW_EM} above or below:
 * a one-row table has no row to line its cells up with, and a wide hole in a line that is no
 * paragraph's is its cells' padding (`(U) Public cell text here` 8 px before `ZQSECRETC hidden
 * cell words`, a borderless one-row table, was released as one (U) line: probe 61b, t3b). A
 * one-line `(U)` paragraph with such a hole (twice its word spaces and 0.4 em or more, not after a
 * label's colon) is cut too, its rest withheld as unmarked: geometry does not tell it from a
 * table, and fail closed.
 */
function loneRow(g: PageGlyph, next: NextRow): boolean {
  const near = (r: Row | undefined): boolean => r !== undefined && r.glyphs.some((o) => !o.blank && Math.abs(o.y - g.y) <= LONE_ROW_EM * g.size);
  return !near(next.above) && !near(next.below);
}

/** The last inked glyph of a row before glyph `at` ends a label: a colon. */
function afterLabel(glyphs: readonly PageGlyph[], at: number): boolean {
  for (let k = at - 1; k >= 0; k--) if (!glyphs[k]!.blank) return glyphs[k]!.text.endsWith(':');
  return false;
}

/** The inked text of a row before glyph `at` is its portion mark alone (a hanging indent's tab follows it, see markTab). */
function afterMarkOnly(glyphs: readonly PageGlyph[], at: number): boolean {
  const head = glyphs.slice(0, at).filter((g) => !g.blank).map((g) => g.text).join('');
  return /^\([^()]{1,40}\)$/.test(head) && parseMarking(head, 'portion').ok;
}

/** The least hole (in em) before a borderless table's cell (see cellStarts). */
const CELL_HOLE_EM = 0.4;

/**
 * The glyphs of a row (their indices) after a hole narrower than a gutter (a gutter cuts the row
 * already, see gutters) that the space glyphs drawn in it leave open (see cellsBesideU) by
 * CELL_HOLE_EM or more and by twice the median of the row's open holes or more: where a
 * borderless table's cell starts. Where a row's spaces are drawn, a word space leaves no
 * hole and a cell's padding does; where they are not, every word leaves a hole, and the cell's
 * must be twice as wide (a justified line's holes are alike, none twice another).
 */
function cellStarts(glyphs: readonly PageGlyph[]): number[] {
  const holes = openHoles(glyphs).filter((h) => h.gap < COLUMN_GAP_EM * glyphs[h.at]!.size);
  if (holes.length === 0) return [];
  const sorted = holes.map((h) => h.open).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return holes.filter((h) => h.open >= CELL_HOLE_EM * glyphs[h.at]!.size && h.open >= 2 * median).map((h) => h.at);
}

/**
 * How far (in em) a cell's start may lie from the mark that opens the cell above or below it: a
 * centred or padded cell starts a little off its column's mark (probe 59b, F2: 0.17 em right,
 * 0.125 em left).
 */
const CELL_ALIGN_EM = 0.25;

/** The row under a row (the next one down the page), the row over it, and the right edge of the page's text. */
interface NextRow {
  readonly below: Row | undefined;
  readonly above?: Row | undefined;
  readonly right: number;
}

/**
 * True when the row's text from its start through the cell cut at `at` is a paragraph's full line
 * that wrapped: the row under it (at most 2 em lower) starts at its left edge (within 0.3 em),
 * opens no portion, and its first word would not have fitted after the line's end, within the
 * next gutter's far side or the right edge of the page's text. Its words go on across the cut's
 * column, so the cut is no table's (a `(U)` paragraph's first line whose words after a gap with
 * no space glyph lined up with a mark mid-row above: cut there, the rest of the paragraph went
 * with the cut piece, unmarked, and was withheld; probe 59b, F6). A table's row ends short.
 */
function wrapsBelow(glyphs: readonly PageGlyph[], at: number, next: NextRow): boolean {
  const below = next.below?.glyphs.filter((g) => !g.blank) ?? [];
  const first = glyphs.find((g) => !g.blank);
  if (below.length === 0 || !first) return false;
  const em = first.size;
  if (Math.abs(below[0]!.x0 - first.x0) >= ROW_TOLERANCE_EM * em || first.y - below[0]!.y > 2 * em || PORTION_OPENING.test(startText(below))) return false;
  let end = glyphs[at]!.x1;
  let edge = next.right;
  for (let k = at + 1; k < glyphs.length; k++) {
    const g = glyphs[k]!;
    if (g.blank) continue;
    if (g.x0 - end > COLUMN_GAP_EM * em) {
      edge = g.x0;
      break;
    }
    end = g.x1;
  }
  let w = below[0]!.x1;
  for (let k = 1; k < below.length && below[k]!.x0 - below[k - 1]!.x1 <= WORD_HOLE_EM * em; k++) w = below[k]!.x1;
  return end + WORD_SPACE_EM * em + (w - below[0]!.x0) > edge;
}

/** True when the glyphs open with a portion mark of level U (after a list label or bullet, if any). */
function opensU(glyphs: readonly PageGlyph[]): boolean {
  const m = PORTION_OPENING.exec(startText(glyphs).trimStart());
  if (m === null) return false;
  const parsed = parseMarking(m[1]!, 'portion');
  return parsed.ok && parsed.marking.level === 'U';
}

/** The text of a piece's or row's first glyphs (a blank glyph as a space). */
function startText(glyphs: readonly PageGlyph[]): string {
  let text = '';
  for (const g of glyphs) {
    if (text.length >= 72) break;
    text += g.blank ? ' ' : g.text;
  }
  return text;
}

/** A piece of bare punctuation that opens a list item: a bullet or dash before its text. */
const BULLET = /^[-–—•◦▪●○■□*>·]+$/u;

/**
 * The cuts of a row less those that would leave a piece of punctuation alone (`(`, `,`, `)`, `--`,
 * no letter or digit): the text either side of it was cut out of the line by the publisher (a
 * redacted name: `Account Manager, ■ ( ■ . Please use`), and the gap left is wider than a column
 * gutter. Read as a block of its own, such a piece was a line of no letters, a rule line kept as
 * boilerplate: the `(` of a withheld phone number survived in the release, inside its box. It
 * joins the piece on its left (a bullet the one on its right) across a gap a dark box fills, never
 * across a bare gutter or a flow break (two flows side by side: see drawnApart).
 */
function withoutPunctuationCuts(glyphs: readonly PageGlyph[], cuts: readonly number[], flow: ReadonlySet<number>, boxedCuts: ReadonlySet<number>): number[] {
  const out = [...cuts];
  for (let k = 0; k <= out.length; k++) {
    const from = k === 0 ? 0 : out[k - 1]!;
    const to = k === out.length ? glyphs.length : out[k]!;
    const text = glyphs.slice(from, to).filter((g) => !g.blank).map((g) => g.text).join('');
    if (text === '' || /[\p{L}\p{N}]/u.test(text)) continue;
    // Only across a gap a box fills (a redacted name): across a bare gutter the piece would reach
    // into the next column, and a `...` ending a (U) column's line took the (S) column's lines beside it.
    const left = k > 0 && !flow.has(from) && boxedCuts.has(from) ? k - 1 : -1;
    const right = k < out.length && !flow.has(to) && boxedCuts.has(to) ? k : -1;
    const drop = BULLET.test(text) && right >= 0 ? right : left >= 0 ? left : right;
    if (drop < 0) continue;
    out.splice(drop, 1);
    k = drop - 1; // the joined piece is looked at again: it may still be bare (`(` joined to `)`)
  }
  return out;
}

/**
 * The glyphs of `row` (its index) that were drawn apart from the inked glyph left of them: see
 * {@link drawnApart}.
 */
function flowBreaks(row: Row, page: readonly PageGlyph[]): number[] {
  const out: number[] = [];
  let last = -1;
  for (let i = 0; i < row.glyphs.length; i++) {
    if (row.glyphs[i]!.blank) continue;
    if (last >= 0 && drawnApart(page, row.drawn[last]!, row.drawn[i]!, row.glyphs[i]!)) out.push(i);
    last = i;
  }
  return out;
}

/**
 * True when glyphs `a` and `b` of a row (their indices in the page's content), neighbours on it,
 * were not drawn as one line: between them the content drew a glyph of another line (its baseline
 * over 0.8 em away; a superscript's is nearer). A line's glyphs are drawn together, so two runs on
 * one baseline drawn apart are two flows set side by side: the columns of a page, the cells of a
 * table row, a text frame beside a paragraph. Their gap can be any width (10 pt between justified
 * columns, under 1 pt beside a frame): joined as one line, the runs of an (S//NF) column were read
 * into the (U) paragraph beside it and released.
 */
function drawnApart(page: readonly PageGlyph[], a: number, b: number, g: PageGlyph): boolean {
  const far = 0.8 * g.size;
  for (let k = Math.min(a, b) + 1; k < Math.max(a, b); k++) if (Math.abs(page[k]!.y - g.y) > far) return true;
  return false;
}

/**
 * True when `cut`, a row's first gutter (or the first after a flow break or a drawn rule: see
 * flowBreaks, ruleCuts), is the tab after a portion mark that stands alone at the row's start
 * (`(U)`, tab, text: Word's and Writer's hanging indent, a table's mark column; or the start of a
 * second column's line) and is under 6 em wide. The mark opens the text after it: cut there, the
 * text was read as an unmarked paragraph (withheld under B1 though marked (U)) and the mark as an
 * empty portion, released (probe 63b, F3: a justified second column's `(U)   UQ2   UQ2a`).
 */
function markTab(row: readonly PageGlyph[], cut: Gutter, cuts: readonly Gutter[], flow: readonly number[]): boolean {
  if (cut.unseen || cut.right - cut.left > MARK_TAB_EM * row[cut.at]!.size) return false;
  const from = Math.max(0, ...flow.filter((f) => f < cut.at));
  if (cuts.some((c) => c.at >= from && c.at < cut.at)) return false;
  const head = row.slice(from, cut.at).filter((g) => !g.blank).map((g) => g.text).join('');
  return /^\([^()]{1,40}\)$/.test(head) && parseMarking(head, 'portion').ok;
}

/**
 * True when the gap `cut` of `row` is filled by boxes: dark filled rectangles about a line high
 * over the row's text (see lineBoxes), leaving no stretch of it uncovered as wide as a gutter.
 * Such a box is the publisher's redaction of words of the line (The Intercept's black bars in
 * SIDtoday: `please contact us at ■ or send an email to ■`): the text either side is one line of
 * one paragraph. Cut there, the words after the box were read as a block of their own, an
 * unmarked portion withheld under B1 inside a (U) paragraph.
 */
function bridged(row: readonly PageGlyph[], cut: Gutter, boxes: readonly Rect[], page: readonly PageGlyph[]): boolean {
  const g = row[cut.at]!;
  if (!boxed(row, cut, boxes)) return false;
  const up = inkedAcross(page, g, cut, 1);
  const down = inkedAcross(page, g, cut, -1);
  // A paragraph's first or last line, or a line whose neighbour's own bar lies under part of the
  // gap: bar-holes.ts asks more of the lines near it.
  const hole = () => barHole(row, cut, page, boxes, pieceEnd(row, cut.at), COLUMN_GAP_EM * g.size);
  if (up === null || down === null) return hole();
  // The words after the box lie in the paragraph's width: the nearer line (its own paragraph's,
  // when the other is a paragraph gap away; either at one pitch) runs on past the box, half an em
  // at least, and to within 2 em of 3 em on or of the words' end (a ragged line's neighbour may be
  // shorter, or stopped by a box of its own). A table cell's last line justified to a bar
  // (`(U) … lot ■`) with the next cell's `ZEBRA1 at home …` right after it, past the cell's edge
  // where the lines above end, had the (S//NF) paragraph's full line 22 pt below for its line
  // below, and the (S) cell was released as (U).
  const [near, far] = up.dy <= down.dy ? [up, down] : [down, up];
  const reach = far.dy <= PARAGRAPH_PITCH * near.dy ? Math.max(near.reach, far.reach) : near.reach;
  const need = Math.min(pieceEnd(row, cut.at), cut.right + 3 * g.size);
  return (reach >= cut.right + 0.5 * g.size && need - reach <= 2 * g.size) || hole();
}

/** Where the inked glyphs from `row[from]` on end before the next gap as wide as a gutter (or the row's end). */
function pieceEnd(row: readonly PageGlyph[], from: number): number {
  let end = row[from]!.x1;
  for (let i = from + 1; i < row.length; i++) {
    const g = row[i]!;
    if (g.blank) continue;
    if (g.x0 - end > COLUMN_GAP_EM * g.size) break;
    end = Math.max(end, g.x1);
  }
  return end;
}

/** True when dark boxes a line high fill the gap `cut`, leaving no stretch of it as wide as a gutter. */
function boxed(row: readonly PageGlyph[], cut: Gutter, boxes: readonly Rect[]): boolean {
  const g = row[cut.at]!;
  return filled(cut.left, cut.right, g.y, g.size, boxes);
}

/** True when dark boxes a line high (at baseline `y`, size `size`) fill `left` to `right`, leaving no stretch of it as wide as a gutter. */
function filled(left: number, right: number, y: number, size: number, boxes: readonly Rect[]): boolean {
  const gutter = COLUMN_GAP_EM * size;
  let reach = left;
  for (const b of lineBoxes(boxes, y, size)) {
    if (b[2] <= reach || b[0] >= right) continue;
    if (b[0] - reach > gutter) return false;
    reach = Math.max(reach, b[2]);
  }
  return right - reach <= gutter && reach > left;
}

/**
 * The line above (`side` 1) or below (-1) the glyph `g` when it runs through the whole gap `cut`
 * (inked glyphs no further apart than an em): its distance, and how far right its ink runs on
 * from the gap's left edge; else null. The gap is then a hole in a paragraph's lines, not a
 * channel between two columns. The line is the nearest row, within two line pitches, with ink
 * over the gap; ink of two rows together does not make one. Black bars drawn down a gutter, row
 * by row, made an (S) column's lines one with the (U) column's beside them; ink of a ragged
 * column's longer line reaching into the next row's gap is not enough. So a box bridges a gap
 * here only inside a paragraph; a paragraph's first or last line must pass bar-holes.ts's stricter
 * look at the rows around it, else it is cut there (fail closed).
 */
function inkedAcross(page: readonly PageGlyph[], g: PageGlyph, cut: Gutter, side: 1 | -1): { dy: number; reach: number } | null {
  let dy = Infinity;
  const near = page.filter((o) => {
    const d = side * (o.y - g.y);
    // Spaces are no ink: a row of spaces across a gutter made it look like a paragraph's line; nor
    // is unseen text (white dot leaders down a gutter).
    const ink = !o.blank && !o.unseen && d >= 0.6 * g.size && d <= 2.4 * g.size && o.x1 > cut.left;
    if (ink && o.x0 < cut.right) dy = Math.min(dy, d);
    return ink;
  });
  if (dy === Infinity) return null;
  const line = near.filter((o) => side * (o.y - g.y) - dy < ROW_TOLERANCE_EM * g.size).sort((a, b) => a.x0 - b.x0);
  let reach = cut.left;
  for (const o of line) {
    if (o.x0 - reach > g.size) break;
    reach = Math.max(reach, o.x1);
  }
  return cut.right - reach <= g.size ? { dy, reach } : null;
}

/** A gap wider than a column gutter: the glyph after it (`at`), and the inked edges either side. */
interface Gutter {
  readonly at: number;
  readonly left: number;
  readonly right: number;
  /** Space glyphs drawn in the gap. */
  readonly blanks: number;
  /** The gap is one between seen glyphs that only unseen text fills (see gutters): cut before and after that text. */
  readonly unseen?: boolean;
}

/**
 * The gaps of `row` wide enough to be column gutters (over 1.5 em between inked glyphs), left to
 * right. Also a gap that wide between glyphs a reader sees that only unseen text fills (white
 * leader dots, text in render mode 3: see PageGlyph.unseen): it is cut before that text and after
 * it. White dots drawn down the gutter of a two-column memo, row by row, made the (S) column's
 * lines one with the (U) column's beside them, and they were released as (U): the page shows two
 * columns. The unseen text is a piece of its own (unmarked: withheld in a classified document).
 */
function gutters(row: readonly PageGlyph[]): Gutter[] {
  const out: Gutter[] = [];
  let lastInk: PageGlyph | null = null;
  let blanks = 0;
  let lastSeen: PageGlyph | null = null;
  let seenBlanks = 0;
  let firstUnseen = -1;
  for (let i = 0; i < row.length; i++) {
    const g = row[i]!;
    if (g.blank) {
      blanks++;
      seenBlanks++;
      continue;
    }
    if (lastInk && g.x0 - lastInk.x1 > COLUMN_GAP_EM * Math.max(g.size, lastInk.size)) out.push({ at: i, left: lastInk.x1, right: g.x0, blanks });
    lastInk = g;
    blanks = 0;
    if (g.unseen) {
      if (firstUnseen < 0 && lastSeen) firstUnseen = i;
      continue;
    }
    if (lastSeen && firstUnseen >= 0 && g.x0 - lastSeen.x1 > COLUMN_GAP_EM * Math.max(g.size, lastSeen.size)) {
      const gap = { left: lastSeen.x1, right: g.x0, blanks: seenBlanks, unseen: true };
      out.push({ at: firstUnseen, ...gap }, { at: i, ...gap });
    }
    lastSeen = g;
    seenBlanks = 0;
    firstUnseen = -1;
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * True for a justified line a word processor stretched to the margin (the last line before a
 * manual line break: LibreOffice, and Word unless told otherwise): two or more gaps, each holding
 * one space glyph, all of the same width (within 10%), and one word between them. Column
 * gutters and table cells hold no space glyph, or gaps of their own widths; read as gutters,
 * such a line fell apart into blocks of one word (`Classified / By: / J. / Smith`), read down
 * and not across.
 */
function stretched(row: readonly PageGlyph[], cuts: readonly Gutter[]): boolean {
  let min = Infinity;
  let max = 0;
  for (const c of cuts) {
    if (c.blanks !== 1 || c.unseen) return false;
    min = Math.min(min, c.right - c.left);
    max = Math.max(max, c.right - c.left);
  }
  if (max > 1.1 * min) return false;
  // One word between gutters: every space glyph between two inked glyphs lies in a gutter.
  const cutAt = new Set(cuts.map((c) => c.at));
  let seenInk = false;
  for (let i = 0; i < row.length; i++) {
    if (!row[i]!.blank) {
      seenInk = true;
      continue;
    }
    let n = i + 1;
    while (n < row.length && row[n]!.blank) n++;
    if (seenInk && n < row.length && !cutAt.has(n)) return false;
    i = n - 1;
  }
  return true;
}

/**
 * The gutters of `row` (their indices) that are the stretched word spaces of a justified line set
 * beside other text: a narrow justified column's line next to another column, drawn apart from it
 * (see flowBreaks), or past a rule or a gutter that holds no one space glyph. Each stretch of the
 * row between such breaks is tested as stretched tests a whole row (two gaps or more, one space
 * glyph and one width each, one word between them), and every gap of it must also be clear in the
 * lines above and below (see lineThrough: no hole over it, none ending where it does), one of
 * them running through it: a justified word space does not repeat down the rows, a gutter or a
 * table column does. A word of the line above or below may start where one gap ends (within
 * 0.1 em: a column's edge, for lineThrough) by chance, at fewer than half the gaps; a table's
 * left-aligned columns start so at every one. Cut there, a (U) paragraph's first line `(U)   UQ2   UQ2a   public` fell
 * apart: its mark released alone, its words and the rest of the paragraph withheld as unmarked
 * text under B1 (probe 63b, F3). A row with no such break is stretched's, as before.
 */
function stretchedBeside(row: Row, cuts: readonly Gutter[], flow: readonly number[], page: readonly PageGlyph[]): Set<number> {
  const out = new Set<number>();
  const hard = [...flow, ...cuts.filter((c) => c.blanks !== 1 || c.unseen).map((c) => c.at)];
  if (hard.length === 0) return out;
  const glyphs = row.glyphs;
  const bounds = [...new Set([0, ...hard, glyphs.length])].sort((a, b) => a - b);
  for (let s = 0; s + 1 < bounds.length; s++) {
    const [from, to] = [bounds[s]!, bounds[s + 1]!];
    const inner = cuts.filter((c) => c.at > from && c.at < to);
    if (inner.length < 2 || !stretched(glyphs.slice(from, to), inner.map((c) => ({ ...c, at: c.at - from })))) continue;
    const ink = glyphs.slice(from, to).filter((o) => !o.blank && !o.unseen);
    const g = glyphs[inner[0]!.at]!;
    if (ink.some((o) => Math.abs(o.size - g.size) > 0.1 * g.size)) continue;
    const span = { x0: Math.min(...ink.map((o) => o.x0)), x1: Math.max(...ink.map((o) => o.x1)) };
    let edges = 0;
    const clear = inner.every((c) => {
      const [up, down] = [lineThrough(page, g, c, span, 1, false), lineThrough(page, g, c, span, -1, false)];
      if (lineThrough(page, g, c, span, 1) === null || lineThrough(page, g, c, span, -1) === null) edges++;
      return up !== null && down !== null && (up?.through === true || down?.through === true);
    });
    if (clear && 2 * edges < inner.length) for (const c of inner) out.add(c.at);
  }
  return out;
}

/**
 * True when the gutter `cuts[k]` of `row` is the one stretched word space of a justified line of
 * two words (`infrastructure           characteristically`: a narrow justified column, or the line
 * before a manual break), which stretched (above) cannot tell from a gutter, needing two gaps or
 * more. Cut there, the second word and the rest of its paragraph were read as a block of their
 * own: unmarked text withheld under B1 inside a (U) paragraph. All of: one space glyph drawn in
 * the gap, the words either side drawn one after the other; the nearest line above and below
 * (within the text between the row's other gutters, at the same size) with no hole wider than an
 * em over the gap, and none ending where the gap does (a table column's or a gutter's left edge,
 * repeating from row to row); one of them runs through the gap and spans the same width as the
 * line (justified to the same edges), the other runs through it too or is a short line at the
 * same left edge and pitch (a paragraph's last line, or the line after a manual break). A column
 * gutter or a table's cell gap is a gap in the lines above and below too: such a row is cut as
 * before, and so is one whose neighbours do not show it (fail closed: a cut withholds).
 */
function justifiedGap(row: Row, cuts: readonly Gutter[], k: number, page: readonly PageGlyph[]): boolean {
  const glyphs = row.glyphs;
  const cut = cuts[k]!;
  if (cut.blanks !== 1 || cut.unseen) return false;
  let before = cut.at - 1;
  while (before >= 0 && glyphs[before]!.blank) before--;
  if (before < 0) return false;
  const g = glyphs[cut.at]!;
  for (let i = Math.min(row.drawn[before]!, row.drawn[cut.at]!) + 1; i < Math.max(row.drawn[before]!, row.drawn[cut.at]!); i++) if (!page[i]!.blank) return false;
  const from = k > 0 ? cuts[k - 1]!.at : 0;
  const to = k + 1 < cuts.length ? cuts[k + 1]!.at : glyphs.length;
  const ink = glyphs.slice(from, to).filter((o) => !o.blank && !o.unseen);
  if (ink.length === 0 || ink.some((o) => Math.abs(o.size - g.size) > 0.1 * g.size)) return false;
  const span = { x0: Math.min(...ink.map((o) => o.x0)), x1: Math.max(...ink.map((o) => o.x1)) };
  const up = lineThrough(page, g, cut, span, 1);
  const down = lineThrough(page, g, cut, span, -1);
  if (!up || !down) return false;
  const tol = 0.3 * g.size;
  const aligned = (n: Neighbour): boolean => n.through && Math.abs(n.x0 - span.x0) <= tol && Math.abs(n.x1 - span.x1) <= tol;
  // The other line runs through the gap too, or is a short line at the same left edge and pitch
  // (a paragraph's last line, or the line after a manual break), its text ending before the gap.
  const other = (n: Neighbour, a: Neighbour): boolean => n.through || (Math.abs(n.x0 - span.x0) <= tol && n.dy <= 1.2 * a.dy);
  return (aligned(up) && other(down, up)) || (aligned(down) && other(up, down));
}

/** The nearest line above or below a gap (see lineThrough): its extent, distance, and whether it runs through the gap. */
interface Neighbour {
  readonly x0: number;
  readonly x1: number;
  readonly dy: number;
  readonly through: boolean;
}

/**
 * The nearest line above (`side` 1) or below (-1) the glyph `g`, within `span` (an em either
 * side), of `g`'s size: its extent and distance, and whether it runs through the gap `cut` (inked
 * glyphs over it with no hole wider than an em) or ends before the gap's right edge. Undefined
 * when there is none within 2.4 em. Null when it has a hole wider than an em over the gap, or a
 * hole of a word space or more ending within 0.1 em of where the gap does (a left-aligned table
 * column's or a gutter's edge, repeating from row to row), or when it starts right of the gap's
 * left edge. A footnote reference set small (see joinSuperscripts) is its own line's, not a line:
 * `patterns.¹` under `consistent           representational` had made that line's gap a cut.
 */
function lineThrough(page: readonly PageGlyph[], g: PageGlyph, cut: Gutter, span: { x0: number; x1: number }, side: 1 | -1, edges = true): Neighbour | null | undefined {
  const em = g.size;
  let dy = Infinity;
  const near = page.filter((o) => {
    const d = side * (o.y - g.y);
    const ink = !o.blank && !o.unseen && d >= 0.6 * em && d <= 2.4 * em && o.x1 > span.x0 - em && o.x0 < span.x1 + em && !(o.size <= SUPERSCRIPT_SCALE * em && FOOTNOTE_REFERENCE.test(o.text));
    if (ink) dy = Math.min(dy, d);
    return ink;
  });
  if (dy === Infinity) return undefined;
  const line = near.filter((o) => side * (o.y - g.y) - dy < ROW_TOLERANCE_EM * em).sort((a, b) => a.x0 - b.x0);
  if (line.some((o) => Math.abs(o.size - em) > 0.1 * em)) return null;
  let reach = -Infinity;
  for (const o of line) {
    if (reach > -Infinity && o.x0 - reach > WORD_HOLE_EM * em) {
      if (edges && Math.abs(o.x0 - cut.right) < 0.1 * em) return null;
      if (o.x0 > cut.left && reach < cut.right && Math.min(o.x0, cut.right) - Math.max(reach, cut.left) > em) return null;
    }
    reach = Math.max(reach, o.x1);
  }
  const x0 = line[0]!.x0;
  if (x0 > cut.left - 0.1 * em) return null;
  if (reach < cut.right - 0.1 * em) return { x0, x1: reach, dy, through: false };
  return { x0, x1: reach, dy, through: reach >= cut.right + 0.1 * em };
}

/** A hole between glyphs of a line this wide (in em) or wider is a word space, or more. */
const WORD_HOLE_EM = 0.15;

/**
 * The piece of glyphs `row[from, to)`, when it holds ink: its baseline the mean of its inked
 * glyphs', its size and extent theirs; blanks at its ends left out. One pass, no arrays but the
 * piece's own (the text layer runs this for every row of every page).
 */
function addPiece(out: LinePiece[], whole: Row, from: number, to: number): void {
  const row = whole.glyphs;
  let inked = 0;
  let first = Infinity;
  let last = -Infinity;
  let size = -Infinity;
  let ySum = 0;
  let x0 = Infinity;
  let x1 = -Infinity;
  for (let i = from; i < to; i++) {
    const g = row[i]!;
    if (g.blank) continue;
    inked++;
    size = Math.max(size, g.size);
    ySum += g.y;
    x0 = Math.min(x0, g.x0);
    x1 = Math.max(x1, g.x1);
    first = Math.min(first, whole.drawn[i]!);
    last = Math.max(last, whole.drawn[i]!);
  }
  if (inked === 0) return;
  out.push({ y: ySum / inked, size, x0, x1, glyphs: trimBlanks(row, from, to), drawn: [first, last] });
}

function trimBlanks(glyphs: readonly PageGlyph[], from: number, to: number): PageGlyph[] {
  let a = from;
  let b = to;
  while (a < b && glyphs[a]!.blank) a++;
  while (b > a && glyphs[b - 1]!.blank) b--;
  return glyphs.slice(a, b);
}

function overlapX(a: { x0: number; x1: number }, b: { x0: number; x1: number }): boolean {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;
}

/** Blocks of a page's pieces (pieces sorted top to bottom). */
function blocks(all: readonly LinePiece[], opens: (piece: LinePiece) => boolean, page: readonly PageGlyph[], boxes: readonly Rect[], floors: readonly Rect[], walls: readonly Rect[]): Block[] {
  // A piece of unseen text only (white leader dots cut out of a line: see gutters) is no neighbour
  // of a piece a reader sees: lying over a paragraph's next line, it cut that line off its paragraph.
  const hidden = all.map((p) => p.glyphs.every((g) => g.blank || g.unseen === true));
  const near = (i: number, j: number): boolean => (hidden[i] === hidden[j] || hidden[i] === false) && overlapX(all[i]!, all[j]!);
  const below = (i: number): number => {
    for (let j = i + 1; j < all.length; j++) if (all[j]!.y < all[i]!.y - ROW_TOLERANCE_EM * all[i]!.size && near(j, i)) return j;
    return -1;
  };
  const above = (j: number): number => {
    for (let i = j - 1; i >= 0; i--) if (all[i]!.y > all[j]!.y + ROW_TOLERANCE_EM * all[j]!.size && near(i, j)) return i;
    return -1;
  };
  const blockOf: (Block | undefined)[] = [];
  const out: Block[] = [];
  const caps = largeOpenings(all, opens);
  let right = -Infinity;
  for (const p of all) right = Math.max(right, p.x1);
  all.forEach((p, j) => {
    const i = above(j);
    const q = i >= 0 ? all[i]! : null;
    const joins = q !== null && below(i) === j && q.y - p.y < BLOCK_GAP_EM * Math.max(p.size, q.size) + p.size && !besideOpening(all, j, q, opens) && !cutByBar(all, j, blockOf, blockOf[i], boxes) && !(underU(blockOf[i]) && (newTableRow(all, i, j, right, blockOf[i]!) || ruledApart(q, p, floors, walls) || inlineFragment(page, p, q, blockOf[i]!.x0))) && !(otherFlow(page, q, p) && besideText(all, i) && besideText(all, j)) && !caps.some((c) => besideCap(c, p));
    let b = joins ? blockOf[i] : undefined;
    if (!b) {
      b = { lines: [], breaks: new Set(), x0: p.x0, x1: p.x1, top: p.y + p.size, bottom: p.y };
      out.push(b);
    }
    b.lines.push(p);
    b.x0 = Math.min(b.x0, p.x0);
    b.x1 = Math.max(b.x1, p.x1);
    b.bottom = Math.min(b.bottom, p.y - 0.25 * p.size);
    blockOf[j] = b;
  });
  for (const b of out) markBreaks(b);
  return out;
}

/**
 * Large pieces that open something of their own (a mark: `opens`) and that no line was joined to
 * (see joinDropCaps): a line beside one never goes on with the paragraph above, whose mark it
 * would take. It opens a block of its own, unmarked (withheld in a classified document).
 */
function largeOpenings(all: readonly LinePiece[], opens: (piece: LinePiece) => boolean): LinePiece[] {
  let smallest = Infinity;
  for (const p of all) smallest = Math.min(smallest, p.size);
  return all.filter((p) => p.size >= DROP_CAP_SCALE * smallest && p.glyphs.length <= DROP_CAP_GLYPHS && opens(p));
}

/**
 * True when a piece on `j`'s row, to its left, also lies under `q` and opens something of its own
 * (a mark, bullet or number: `opens`): `j` is then a cell of a table row that `q` spans, and
 * text runs left to right, so `j` follows that piece, never `q`. A cell that continued the line
 * above took that line's portion mark (`(U) Kabul station …` over `(S//NF) Herat | Closed after
 * …`). After a plain piece (`… contact` gap `or "go cla" …`: a name redacted out of the line) the
 * words go on with the paragraph above as before.
 */
function besideOpening(all: readonly LinePiece[], j: number, q: LinePiece, opens: (piece: LinePiece) => boolean): boolean {
  const p = all[j]!;
  const near = ROW_TOLERANCE_EM * p.size;
  for (const step of [-1, 1]) {
    for (let k = j + step; k >= 0 && k < all.length && Math.abs(all[k]!.y - p.y) < near; k += step) {
      const o = all[k]!;
      if (o.x1 <= p.x0 && overlapX(o, q) && (opens(o) || endsOpen(o))) return true;
    }
  }
  return false;
}

/**
 * True when a piece on the row of `all[j]`, left of it, is cut from it only by a dark box (a
 * publisher's bar that bar-holes.ts did not bridge) and lies in another block than `above`, the
 * block `all[j]` would go on with. The words after the bar are that line's, on its baseline: read
 * as the wrap of the line above them, the rest of an (S) paragraph's first line went on with a
 * centred (U) caption over it and was released (probe 64a F1). Not known to be the line's, they
 * open a block of their own (unmarked: withheld in a classified document), never another's.
 */
function cutByBar(all: readonly LinePiece[], j: number, blockOf: readonly (Block | undefined)[], above: Block | undefined, boxes: readonly Rect[]): boolean {
  const p = all[j]!;
  const near = ROW_TOLERANCE_EM * p.size;
  for (const step of [-1, 1]) {
    for (let k = j + step; k >= 0 && k < all.length && Math.abs(all[k]!.y - p.y) < near; k += step) {
      const o = all[k]!;
      if (o.x1 <= p.x0 && blockOf[k] !== above && filled(o.x1, p.x0, p.y, p.size, boxes)) return true;
    }
  }
  return false;
}

/**
 * True when the last line of `block` that opens a portion (see opensPortion) opens it with a mark
 * of level U: the paragraph a piece would go on with is a `(U)` one. Only then is a piece kept out
 * of it as a table's new row or another line's raised run (newTableRow, inlineFragment): a piece of
 * its own is unmarked, withheld in a classified document and released in an unclassified one as
 * the `(U)` paragraph was, so keeping it out never releases what joining it withheld (two columns,
 * the left one's lines each a `(U)` paragraph, the right one's an (S) paragraph: cut off, its
 * further lines were unmarked text, released under an UNCLASSIFIED banner).
 */
function underU(block: Block | undefined): boolean {
  if (!block) return false;
  for (let k = block.lines.length - 1; k >= 0; k--) {
    const line = block.lines[k]!;
    if (opensPortion(line)) return opensU(line.glyphs);
  }
  return false;
}

/**
 * True when `all[j]` is a cell of a table's new row, not the wrap of the cell above it (`all[i]`):
 * a piece on its row, apart from it, opens a portion of its own (see opensPortion), and so does a
 * piece on the row above at the same left edge (within 0.3 em), other than the cell above (the
 * cells of that column open with their marks: the rows are a table's), and its first word would
 * have fitted after the cell above (see firstWordFits). Read as that cell's next
 * line, an unmarked cell under a `(U)` one (`(U) Bravo Jones` | `ZQLABELU unmarked role` under
 * `(U) Alpha Roberts` | `(U) public role`) took its mark and was released (probe 58f, F3). A
 * cell that wraps goes on with its cell: the cells beside its next line are empty, or wrap too,
 * and open nothing. A column of one-line `(U)` items beside a running paragraph opens portions at
 * one left edge on rows running too, but the paragraph's lines run to their edge: no word of the
 * next would have fitted, so it goes on as a wrap (probe 59b, F5). Where the new row opens with a
 * mark above U (`(C) ZQC21 conf cell` under `(U) UQC11 Name`) and `p` starts at the left edge of
 * the cell above, it is a new row's cell whether or not its word would have fitted: the fit test
 * reads the edge of the page's text, which a table's last column sets itself (`ZQC22 unmarked
 * cell` under `(U) UQC12 public` was read as its wrap and released, probe 60c, F2). Read as a
 * cell, the worst case is a `(U)` paragraph's wrap beside a classified item withheld as unmarked
 * (fail closed); read as a wrap, text on a classified row went out under the `(U)` cell's mark.
 * For that mark above U the cell over it need not open with a mark, only start at its left edge:
 * a heading row's unmarked `Class` cell over `(S//NF)` (`Class | (U) Status UQ2` over `(S//NF) |
 * Active ZQ2`: released as `(U) Status UQ2 Active ZQ2`, probe 66b, F1, a Writer table unruled).
 * Not where `q` is a wrapped line (it opens no portion) and so is every piece over the mark (see
 * wrapLine): two flows of running text side by side, not a table's rows. Two newspaper columns,
 * the right one's `(S)` paragraph starting under its `(U)` paragraph's unmarked wrap, cut the left
 * `(U)` paragraph's last lines off and withheld them under B1 (probe 66f, 3).
 * Any other piece on the row that opens a portion makes an unmarked `p` a new row's cell too unless `q` plainly
 * wraps into it (see wrapsInto), and always where it lies under `q` (`q` spans its column: a
 * heading row read as one piece). Without a cell over the mark (`(U) Name UQ1 |` blank over `Alpha
 * ZQ1 | (S) secret ZQ2`, or over it only on an earlier line of a wrapped `(U)` cell), an unmarked
 * row label under a borderless `(U)` cell was released as its wrap (probe 66f, F2). Where that piece
 * opens a plain `(U)` and `p`'s first word would not have fitted after `q` (see firstWordFits), `p`
 * is a wrap still: a `(U)` paragraph beside a column of one-line `(U)` items, its longest line
 * setting the page's text edge, had its last line withheld under B1 (table-rows F5). Not for a mark
 * above U nor `(U//…)`: a wrapped `(U)` cell ending short of its neighbour's wrapped line released
 * the unmarked label of the `(S)` row under it (t66f-h4).
 */
function newTableRow(all: readonly LinePiece[], i: number, j: number, right: number, block: Block): boolean {
  const p = all[j]!;
  const q = all[i]!;
  const atEdge = Math.abs(p.x0 - q.x0) < ROW_TOLERANCE_EM * p.size;
  for (const o of rowMates(all, j)) {
    if ((o.x1 > p.x0 && o.x0 < p.x1) || !opensPortion(o)) continue;
    const over = rowMates(all, i).filter((o2) => o2 !== q && Math.abs(o2.x0 - o.x0) < ROW_TOLERANCE_EM * o.size);
    if (atEdge && !opensU(o.glyphs) && over.length > 0 && (opensPortion(q) || !over.every((o2) => wrapLine(all, o2)))) return true;
    if (over.some(opensPortion) && firstWordFits(all, i, p, right)) return true;
    if (!opensPortion(p) && (overlapX(o, q) || (!wrapsInto(all, block, q, p, o) && !(plainU(o) && !firstWordFits(all, i, p, right))))) return true;
  }
  return false;
}

/** True when `o` opens with a plain `(U)` mark (no control after it, not `(U//FOUO)`). */
function plainU(o: LinePiece): boolean {
  return /^\(U\)/.test(startText(o.glyphs).trimStart());
}

/** How far (in em) a wrapped line may run past the other lines of its paragraph: a ragged edge's longest line. */
const RAGGED_EM = 1;
/** How far (in em) right of a paragraph's lines its first line may start (an indent). */
const INDENT_EM = 3;
/** How far (in em) under `p` its column's lines show the column's edge. */
const EDGE_BELOW_EM = 6;

/**
 * True when the geometry says beyond doubt that `p` is the wrap of `q` (the last line of `block`)
 * and `o`, the piece beside `p` that opens a portion, starts another flow's paragraph, not a table's
 * row: `o`'s flow runs on over it (a piece over `o` and not over `p`, at most two of `q`'s line
 * pitches up: a sidebar's or a second column's line, a blank line between its paragraphs at most),
 * the line over `q` in the block, if any, is no nearer than `p` under it (within 0.1 em: a table's
 * next row adds its cells' padding to the pitch of a cell's lines), and `q` ran to its column's edge: the farthest end of the lines
 * above `q` at that pitch, of `p` and of those up to 6 em under it that start at `q`'s left edge (or up
 * to an indent right of it: not a centred banner); `q` ends at most an em past it (a ragged
 * edge's longest line) and `p`'s first word would not have fitted before it. Otherwise `p` is a
 * new row's cell (unmarked, withheld in a classified document). A blank or one-line cell over the
 * mark leaves no flow over it: `Alpha ZQ1` under `(U) Name UQ1` beside `(S) secret ZQ2` was
 * released as the `(U)` cell's wrap (probe 66f, F2).
 */
function wrapsInto(all: readonly LinePiece[], block: Block, q: LinePiece, p: LinePiece, o: LinePiece): boolean {
  const lines = block.lines;
  const em = Math.min(p.size, q.size);
  const tol = ROW_TOLERANCE_EM * em;
  const pitch = q.y - p.y;
  if (lines[lines.length - 1] !== q || !all.some((a) => overlapX(a, o) && !overlapX(a, p) && a.y - o.y > tol && a.y - o.y <= 2 * pitch + tol)) return false;
  const atEdge = (l: LinePiece): boolean => l.x0 >= q.x0 - tol && l.x0 <= q.x0 + INDENT_EM * em;
  let edge = -Infinity;
  for (let k = lines.length - 2; k >= 0 && Math.abs(lines[k]!.y - lines[k + 1]!.y - pitch) <= 0.1 * em; k--) if (atEdge(lines[k]!)) edge = Math.max(edge, lines[k]!.x1);
  const prev = lines[lines.length - 2];
  if (prev && pitch - (prev.y - q.y) > 0.1 * em) return false;
  for (const l of all) if ((l === p || (p.y - l.y > tol && p.y - l.y <= EDGE_BELOW_EM * em)) && atEdge(l) && overlapX(l, p)) edge = Math.max(edge, l.x1);
  return q.x1 <= edge + RAGGED_EM * em && q.x1 + WORD_SPACE_EM * q.size + firstWordWidth(p) > edge;
}

/**
 * True when `o` is a paragraph's wrapped line: it opens no portion and a piece lies right over it,
 * a line's pitch up (at most 1.5 em) at its left edge (within 0.3 em). A table's heading cell
 * (`Class`) has no text at its edge a line over it, or opens a portion.
 */
function wrapLine(all: readonly LinePiece[], o: LinePiece): boolean {
  if (opensPortion(o)) return false;
  const tol = ROW_TOLERANCE_EM * o.size;
  return all.some((a) => a.y - o.y > tol && a.y - o.y <= 1.5 * o.size && Math.abs(a.x0 - o.x0) < tol);
}

/** A word space, in em, at its narrowest in a justified line. */
const WORD_SPACE_EM = 0.2;

/**
 * True when the first word of `p` would have fitted after the end of `all[i]`, the piece above it:
 * within the left edge of the nearest piece right of it on its row, else the right edge of the
 * page's text (`right`). A line that ran to its edge and wrapped is a wrap (a `(U)` paragraph's
 * next line in a column beside a column of one-line `(U)` items, probe 59b, F5); a cell that
 * ended short with room for the word is a row's end, and `p` a new row's cell. The edge is the
 * farthest the line could have run, so a doubtful case stays a new row (withheld).
 */
function firstWordFits(all: readonly LinePiece[], i: number, p: LinePiece, right: number): boolean {
  const q = all[i]!;
  let edge = right;
  for (const o of rowMates(all, i)) if (o.x0 >= q.x1 && o.x0 < edge) edge = o.x0;
  return q.x1 + WORD_SPACE_EM * q.size + firstWordWidth(p) <= edge;
}

/** The width of a piece's first word: up to its first space glyph or hole a word space wide. */
function firstWordWidth(p: LinePiece): number {
  const gs = p.glyphs;
  let end = p.x0;
  for (let k = 0; k < gs.length; k++) {
    const g = gs[k]!;
    if (g.blank || (k > 0 && g.x0 - gs[k - 1]!.x1 > WORD_HOLE_EM * g.size)) break;
    end = Math.max(end, g.x1);
  }
  return end - p.x0;
}

/** The other pieces on the row of `all[j]` (baselines within 0.3 em of its own). */
function rowMates(all: readonly LinePiece[], j: number): LinePiece[] {
  const p = all[j]!;
  const near = ROW_TOLERANCE_EM * p.size;
  const out: LinePiece[] = [];
  for (const step of [-1, 1]) for (let k = j + step; k >= 0 && k < all.length && Math.abs(all[k]!.y - p.y) < near; k += step) out.push(all[k]!);
  return out;
}

/** A portion mark at a piece's start, after a list label or bullet if any (`(U) …`, `2. (U) …`, `• (S) …`). */
const PORTION_OPENING = /^(?:(?:\d{1,3}|[A-Za-z])[.)]|[•·▪◦*–—-])?\s*(\([^()]{1,60}\))/u;

/** True when `piece` opens with a portion mark the grammar reads, after a list label or bullet if any. */
function opensPortion(piece: LinePiece): boolean {
  const m = PORTION_OPENING.exec(startText(piece.glyphs).trimStart());
  return m !== null && parseMarking(m[1]!, 'portion').ok;
}

/** The largest type size of a page's inked glyphs, worked out once per page. */
const LARGEST_SIZE = new WeakMap<readonly PageGlyph[], number>();
function largestSize(page: readonly PageGlyph[]): number {
  let largest = LARGEST_SIZE.get(page);
  if (largest === undefined) {
    largest = 0;
    for (const g of page) if (!g.blank && !g.unseen && g.size > largest) largest = g.size;
    LARGEST_SIZE.set(page, largest);
  }
  return largest;
}

/**
 * True when `p`, the piece under `q`, is a run of smaller type set in another line's flow: it
 * starts where a glyph of a line on another row ends (within half an em of it) or ends where one
 * starts (within an em), that row's baseline within an em of its own, and it is at most 0.86 of
 * that glyph's size (a raised or lowered run joinSuperscripts did not take: `ZQBRAVO` then
 * `/F1 6 Tf 9 Ts (ZQDELTA)`, 6 pt raised 0.75 em). It is that line's text, not a wrapped line of
 * the paragraph above: joined to it, it was released with a (U) paragraph there (probe 58f, F4).
 * Whatever its size, a piece that starts where such a glyph ends and not at the left edge of the
 * paragraph it would go on with (nor of `q`) is that line's text too (a run of 10.5 to 12 pt raised
 * 5 pt in a 12 pt (S//NF) line, probe 59b, F3): a wrapped line starts at its paragraph's edge.
 * A run beside a glyph of `q`'s own row (a subscript of `q`) stays with `q`. Else it is a block of
 * its own, unmarked (withheld in a classified document): its region, a line band at its own
 * baseline, covers it, which the marked line's band would not.
 */
function inlineFragment(page: readonly PageGlyph[], p: LinePiece, q: LinePiece, left: number): boolean {
  const rowTol = ROW_TOLERANCE_EM * p.size;
  const indented = Math.abs(p.x0 - left) >= rowTol && Math.abs(p.x0 - q.x0) >= rowTol;
  // A piece at a line's left edge is only taken out when smaller than some glyph: most are not,
  // and the walk over the page's glyphs below was 4% of reading a PDF.
  if (!indented && p.size > SUPERSCRIPT_SCALE * largestSize(page)) return false;
  for (const g of page) {
    if (g.blank || g.unseen || capGlyphs.has(g)) continue;
    const small = p.size <= SUPERSCRIPT_SCALE * g.size;
    if (!small && !indented) continue;
    const dy = Math.abs(g.y - p.y);
    if (dy < rowTol || dy > g.size || Math.abs(g.y - q.y) < ROW_TOLERANCE_EM * q.size) continue;
    const em = g.size;
    const after = p.x0 >= g.x1 - 0.1 * em && p.x0 - g.x1 <= 0.5 * em;
    const before = small && g.x0 >= p.x1 - 0.1 * em && g.x0 - p.x1 <= em;
    if (after || before) return true;
  }
  return false;
}

/**
 * True when `p`, the piece under `q`, starts at another left edge and was not drawn right after
 * it: the content drew a glyph of another line between them, or drew `p` first. Checked where
 * both stand beside text on their rows (columns, a table's cells; see besideText): lines of
 * one column whose names were cut out of a scan-era PDF are drawn out of order too. Lines of one
 * paragraph are drawn one after the other; a column's first line after a column break is drawn
 * after the column before it. Such a line under a table's last cell (`(U) Open`, then `the … site
 * until the end.` of an (S) paragraph broken into the next column, 18 pt lower, set in 7 pt) went
 * on with that cell, and was released under its mark. Read apart, it opens a block of its own:
 * unmarked, withheld in a classified document. A hanging indent is drawn in order and stays.
 */
function otherFlow(page: readonly PageGlyph[], q: LinePiece, p: LinePiece): boolean {
  // Lines of one size only: a superscript (a footnote number under a line, drawn in its flow) stays as it was.
  if (!q.drawn || !p.drawn || Math.abs(p.x0 - q.x0) < ROW_TOLERANCE_EM * p.size || Math.abs(p.size - q.size) > 0.05 * q.size) return false;
  if (p.drawn[0] < q.drawn[1]) return true;
  const far = 0.8 * p.size;
  for (let k = q.drawn[1] + 1; k < p.drawn[0]; k++) {
    const g = page[k]!;
    if (!g.blank && Math.abs(g.y - p.y) > far && Math.abs(g.y - q.y) > far) return true;
  }
  return false;
}

/** True when a piece on the row of `all[j]` lies left of it: a column or table cell beside another. */
function besideText(all: readonly LinePiece[], j: number): boolean {
  const p = all[j]!;
  const near = ROW_TOLERANCE_EM * p.size;
  for (const step of [-1, 1]) {
    for (let k = j + step; k >= 0 && k < all.length && Math.abs(all[k]!.y - p.y) < near; k += step) if (all[k]!.x1 <= p.x0) return true;
  }
  return false;
}

/**
 * True when a piece ends with an opening bracket (`From : (`, the `(` joined to it by
 * withoutPunctuationCuts): what follows on its row closes it (`@ngic.ic.gov)`), not the paragraph
 * above. Alone, the `(` counted as opening a mark; joined, the address was read as the wrap of the
 * (U) line above its row and released with it.
 */
function endsOpen(piece: LinePiece): boolean {
  for (let i = piece.glyphs.length - 1; i >= 0; i--) if (!piece.glyphs[i]!.blank) return /^[([]$/.test(piece.glyphs[i]!.text);
  return false;
}

function markBreaks(b: Block): void {
  const gaps = b.lines.slice(1).map((l, k) => b.lines[k]!.y - l.y);
  if (gaps.length === 0) return;
  const pitch = [...gaps].sort((x, y) => x - y)[Math.floor(gaps.length / 4)]!;
  gaps.forEach((g, k) => {
    if (g > PARAGRAPH_PITCH * pitch) b.breaks.add(k + 1);
  });
}

/** XY-cut: groups of blocks that a horizontal (then vertical) gap separates, in reading order. */
function order(list: Block[]): Block[] {
  if (list.length <= 1) return list;
  const across = cut(list, (b) => -b.top, (b) => -b.bottom);
  if (across.length > 1) return across.flatMap(order);
  const down = cut(list, (b) => b.x0, (b) => b.x1);
  if (down.length > 1) return down.flatMap(order);
  return [...list].sort(byFirstLine);
}

/**
 * `list` (in reading order) with the block that ends the page's text flow last: the one whose last
 * line is the lowest of the page (of those within half a line of it, the last read, so that two
 * columns that both reach the foot keep their order). XY-cut reads a sidebar right of the main
 * column after it, and a piece a redaction bar cut off a line (`(U) My wife [bar] and I first …`)
 * after the column it stands in: that came last, and the next page's first text (the rest of the
 * main column's last paragraph) went on with it and took its mark. A `(U)` sidebar ending in
 * `… for the` released the page-2 rest of a `(S//NF)` paragraph (probe 63c F1); SIDtoday's series
 * lists withheld the page-2 rest of (U) paragraphs as unmarked text (F2). Read last, the block at
 * the page's text flow (above its foot) is what the text reader's page rule (../../parse/document/group.ts, carriedOver)
 * lets the next page's text go on with, and nothing else: a portion read before it that ends no
 * sentence makes that text one of its own (unmarked, withheld: fail closed). Only a block read
 * after it that ends two lines or more above the foot is put before it: two columns that both
 * reach the foot, the left a line lower, keep XY-cut's order (the flow runs left, then right,
 * then over the page; read left last, the page-2 rest of the right column's paragraph went on
 * with the left's).
 */
function flowEndLast(list: Block[]): Block[] {
  // The page's foot (a banner, a page number, footnotes across the page): blocks read last that lie
  // wholly below all read before them. They stay last; the flow ends above them.
  let body = list.length;
  while (body > 1 && list[body - 1]!.top <= Math.min(...list.slice(0, body - 1).map((b) => b.bottom))) body--;
  let low = Infinity;
  for (let k = 0; k < body; k++) low = Math.min(low, list[k]!.bottom);
  let end = -1;
  for (let k = 0; k < body; k++) {
    const b = list[k]!;
    if (b.bottom - low < 0.5 * b.lines[b.lines.length - 1]!.size) end = k;
  }
  if (end < 0 || end === body - 1) return list;
  // A block read after it that ends within two lines of the foot may be the flow's own column (two
  // columns, the left a line lower): the flow runs on from the right one, as XY-cut reads it.
  const size = list[end]!.lines[list[end]!.lines.length - 1]!.size;
  if (list.slice(end + 1, body).some((b) => b.bottom - low < 2 * size)) return list;
  // Only narrower blocks (a sidebar, a series list, a piece a bar cut off) are read before it: a
  // column as wide as it, whose foot is higher (a short `(U) POC: …` line at the foot of the left
  // column, the right one's (S) paragraph running on over the page), is the flow's, and the page-2
  // text went on with the left column's (U) line (probe 63e F1).
  const width = list[end]!.x1 - list[end]!.x0;
  if (list.slice(end + 1, body).some((b) => b.x1 - b.x0 >= 0.6 * width)) return list;
  return [...list.slice(0, end), ...list.slice(end + 1, body), list[end]!, ...list.slice(body)];
}

/**
 * Blocks that no gap separates, by their first lines: top to bottom, and left to right when those
 * are on one row (within 0.3 em). By the block's own left edge, a caption beside another caption
 * whose block went on with the text under both was read after all of that text, at the page's
 * foot, where the next page's first lines went on with it.
 */
function byFirstLine(a: Block, b: Block): number {
  const p = a.lines[0]!;
  const q = b.lines[0]!;
  if (Math.abs(p.y - q.y) >= ROW_TOLERANCE_EM * Math.min(p.size, q.size)) return b.top - a.top || q.y - p.y;
  return p.x0 - q.x0 || q.y - p.y;
}

/** Split `list` where no block spans, along an axis given by each block's start and end. */
function cut(list: readonly Block[], start: (b: Block) => number, end: (b: Block) => number): Block[][] {
  const sorted = [...list].sort((a, b) => start(a) - start(b));
  const groups: Block[][] = [];
  let reach = -Infinity;
  for (const b of sorted) {
    if (groups.length === 0 || start(b) >= reach) groups.push([b]);
    else groups[groups.length - 1]!.push(b);
    reach = Math.max(reach, end(b));
  }
  return groups;
}

/** A drop cap is at least this many times the size of the lines beside it. */
const DROP_CAP_SCALE = 1.5;
/** A drop cap holds at most this many glyphs (LibreOffice sets up to a word; `(S//NF)` is 7). */
const DROP_CAP_GLYPHS = 12;

/**
 * Drop caps joined to their lines: a short piece at least 1.5 times the size of the lines beside
 * it (right of it, within 3 em, their baselines within its height: two of them or more) opens
the topmost of them.
 * A paragraph set with a drop cap of `(S)` over two lines printed the mark as one large piece,
 * on a baseline of its own: read as a portion of its own, the lines beside it went on with the
 * (U) paragraph above and were released. Joined, the line reads `(S) Secret …` at its own
 * baseline and size (the lines after it follow in its block, set in beside the cap).
 */
function joinDropCaps(all: LinePiece[]): LinePiece[] {
  let smallest = Infinity;
  for (const p of all) smallest = Math.min(smallest, p.size);
  const gone = new Set<LinePiece>();
  const joined = new Map<LinePiece, LinePiece>();
  for (const cap of all) {
    if (cap.size < DROP_CAP_SCALE * smallest || cap.glyphs.length > DROP_CAP_GLYPHS || gone.has(cap) || joined.has(cap)) continue;
    const beside = all.filter((r) => r !== cap && !gone.has(r) && !joined.has(r) && besideCap(cap, r));
    let first: LinePiece | null = null;
    for (const r of beside) if (!first || r.y > first.y || (r.y === first.y && r.x0 < first.x0)) first = r;
    // A cap spans two lines or more: one piece beside it alone is a superscript after a word.
    if (!first || !beside.some((r) => first!.y - r.y > 0.5 * r.size)) continue;
    gone.add(cap);
    const drawn: [number, number] | undefined = cap.drawn && first.drawn ? [Math.min(cap.drawn[0], first.drawn[0]), Math.max(cap.drawn[1], first.drawn[1])] : undefined;
    const piece: LinePiece = { y: first.y, size: first.size, x0: cap.x0, x1: first.x1, glyphs: [...cap.glyphs, ...first.glyphs], drawn };
    joined.set(first, piece);
    for (const g of cap.glyphs) capGlyphs.add(g);
    const edges = { cap: cap.x0, text: first.x0 };
    capEdges.set(piece, edges);
    for (const r of beside) if (r !== first) capEdges.set(r, edges);
  }
  return gone.size === 0 ? all : all.filter((p) => !gone.has(p)).map((p) => joined.get(p) ?? p);
}

/**
 * The glyphs of drop caps joined to their first lines: no other line's glyphs, so a line set in
 * right after one (the second and third lines beside `(U)` as a 40 pt `::first-letter` float) is
 * no run set in another line's flow (see inlineFragment). Taken for one, the lines of a `(U)`
 * paragraph beside its drop cap were cut off it and withheld as unmarked (probe 62b, F3).
 */
const capGlyphs = new WeakSet<PageGlyph>();

/**
 * The left edges of the lines beside a drop cap joined to its first line (that joined line too):
 * the cap's, where the lines under the cap start, and the text's beside it (see dropCapEdges).
 */
const capEdges = new WeakMap<LinePiece, { readonly cap: number; readonly text: number }>();

/**
 * The left edges of `piece` when it is a line beside a drop cap (the joined first line or one
 * under it beside the cap): its text's, and the cap's, where the paragraph's lines under the cap
 * start. The text reader joins such lines as wraps: the line after the last one beside the cap,
 * at the cap's edge, is the paragraph's next line, not a new portion (LibreOffice's 3-line drop
 * cap of a `(U)` mark had all but its first line withheld as unmarked, probe 62b, F3).
 */
export function dropCapEdges(piece: LinePiece): { readonly cap: number; readonly text: number } | undefined {
  return capEdges.get(piece);
}

/** True when `r` is a line beside the drop cap `cap`: under 2/3 its size, right of it within 3 em, its baseline within the cap's height (0.8 em of the line below its baseline: a cap over two lines sits between them). */
function besideCap(cap: LinePiece, r: LinePiece): boolean {
  if (DROP_CAP_SCALE * r.size > cap.size || r.x0 < cap.x1 - 0.1 * r.size || r.x0 - cap.x1 > 3 * r.size) return false;
  return r.y <= cap.y + 0.8 * cap.size && r.y >= cap.y - 0.8 * r.size;
}

/**
 * The blocks of one page in reading order; `opens` tells a piece that opens something of its own
 * (a mark, bullet or number); `boxes` are the page's dark filled rectangles, which may bridge a
 * gap in a line (see bridged).
 */
export function pageBlocks(glyphs: readonly PageGlyph[], opens: (piece: LinePiece) => boolean = () => false, boxes: readonly Rect[] = [], rules: readonly Rect[] = [], floors: readonly Rect[] = []): Block[] {
  const both = rows(glyphs);
  const rs = both.filter((r) => r.hidden !== true);
  const marks = midLineMarks(rs);
  let right = -Infinity;
  for (const g of glyphs) if (!g.blank) right = Math.max(right, g.x1);
  const seen = rs.flatMap((r, k) => pieces(r, glyphs, boxes, marks, { below: rs[k + 1], above: rs[k - 1], right }, rules));
  const hidden = both.filter((r) => r.hidden === true).flatMap((r) => pieces(r, glyphs, boxes, [], undefined, rules));
  const all = joinDropCaps([...seen, ...hidden].sort((a, b) => b.y - a.y || a.x0 - b.x0));
  return flowEndLast(order(blocks(all, opens, glyphs, boxes, floors, rules)));
}
