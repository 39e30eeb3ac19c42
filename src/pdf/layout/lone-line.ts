/**
 * A publisher's box on a line that has no line of its paragraph across the gap on one side or
 * both (a paragraph's first, last or only line: `(U//FOUO) Sessions will be hosted by ■ Chief of
 * the SID Workforce …`). The box-filled gap is read as a hole in the line, and the line as one,
 * only when nothing on the page says the gap is a gutter between two flows; when unsure, the gap
 * stays a cut (the words after the box a portion of their own, unmarked: withheld).
 *
 * The danger is a page of two columns with a bar drawn over the gutter: joined, an (S) column's
 * unmarked line would go on with the (U) text beside it and be released. So the line is one only
 * when all of these hold:
 * - the text either side of the gap is one flow: set at one size and baseline, and the text right
 *   of the gap drawn after the text left of it (the caller cuts anyway where another line was drawn
 *   between them);
 * - the text right of the gap does not open with a portion mark (it opens a portion of its own);
 * - no other row above or below, as far as a block goes on (4 em), has ink over the text right of the
 *   gap unless it runs through the whole gap itself (a line of the same paragraph): a column's
 *   line beside or under the right-hand text would make that text the column's, not the line's;
 * - no other row of the page has a gap as wide as a gutter (bare or under a box) whose right edge
 *   is where the text right of the box starts (within half an em): a column's left edge.
 */
import type { PageGlyph } from './glyphs.js';
import { readMarkAt, readUnclosedAt } from '../../parse/marks.js';

/** A row's glyphs left to right, with where each was drawn in the page's content. */
export interface LoneRow {
  readonly glyphs: readonly PageGlyph[];
  readonly drawn: readonly number[];
}

/** A gap of a row: the glyph after it (`at`), and the inked edges either side. */
export interface LoneGap {
  readonly at: number;
  readonly left: number;
  readonly right: number;
}

/** The right edges of a page's gutter-wide gaps, with their rows' baselines and sizes. */
export interface GapEdge {
  readonly y: number;
  readonly size: number;
  readonly right: number;
}

/** How far above or below a line (in em) a line is looked at: a block goes on across up to 2.5 em of gap plus a line. */
const NEIGHBOUR_EM = 4;
/** Ink no further apart than this (em) runs through a gap: word spaces, not a gutter. */
const RUN_EM = 1;

/** True when the box-filled gap `cut` of `row` is a hole in one line of one flow (see the module's note). */
export function loneLine(row: LoneRow, cut: LoneGap, rows: readonly LoneRow[], edges: readonly GapEdge[]): boolean {
  const g = row.glyphs[cut.at]!;
  let l = cut.at - 1;
  while (l >= 0 && row.glyphs[l]!.blank) l--;
  if (l < 0) return false;
  const before = row.glyphs[l]!;
  if (Math.abs(before.size - g.size) > 0.05 * g.size || Math.abs(before.y - g.y) > 0.1 * g.size || row.drawn[l]! > row.drawn[cut.at]!) return false;
  if (holdsMark(row.glyphs, cut.at)) return false;
  let end = cut.right;
  for (const o of row.glyphs) if (!o.blank) end = Math.max(end, o.x1);
  if (edges.some((e) => Math.abs(e.y - g.y) >= 0.3 * g.size && Math.abs(e.right - cut.right) <= 0.5 * Math.max(e.size, g.size))) return false;
  for (const other of rows) {
    if (other === row) continue;
    const ink = other.glyphs.filter((o) => !o.blank);
    if (ink.length === 0) continue;
    const dy = Math.abs(ink[0]!.y - g.y);
    const size = Math.max(g.size, ink[0]!.size);
    // Any other row counts, however near: a superscript over the right-hand text keeps the cut too.
    if (dy > NEIGHBOUR_EM * size) continue;
    if (ink.some((o) => o.x1 > cut.right && o.x0 < end) && !runsThrough(ink, cut, g.size)) return false;
  }
  return true;
}

/**
 * True when the text of `glyphs` from `at` on holds a portion mark anywhere, understood or not, as
 * the document reader reads one (`(S//NF)`, `[S]`, `(TS／／SI)`, `(S//NF The …`): a mark opens a
 * portion of its own, also after a bullet or a number (`• (S) …`); read into the line, its text
 * would take the mark of the text left of the box. `(NSTS)`, `(S02L3)` are no marks.
 */
function holdsMark(glyphs: readonly PageGlyph[], at: number): boolean {
  const text = glyphs.slice(at).map((o) => (o.blank ? ' ' : o.text)).join('');
  for (let i = 0; i < text.length; i++) if (readMarkAt(text, i) || (text[i] === '(' && readUnclosedAt(text, i))) return true;
  return false;
}

/** True when the inked glyphs `ink` (one row) run through the whole gap `cut`, no two further apart than an em. */
function runsThrough(ink: readonly PageGlyph[], cut: LoneGap, size: number): boolean {
  const near = ink.filter((o) => o.x1 > cut.left && o.x0 < cut.right).sort((a, b) => a.x0 - b.x0);
  if (near.length === 0) return false;
  let reach = cut.left;
  for (const o of near) {
    if (o.x0 - reach > RUN_EM * size) return false;
    reach = Math.max(reach, o.x1);
  }
  return cut.right - reach <= RUN_EM * size;
}
