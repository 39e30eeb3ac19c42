/**
 * A redaction bar in a paragraph's first line, or in a line whose neighbour has a bar of its own
 * near it (SIDtoday as The Intercept published it: `(U//FOUO) Effective today, I am designating ■
 * as the SID Mission Interface for` over `Education and Training. In this capacity, ■ will be …`).
 * lines.ts bridges a bar's gap when the lines above and below both run through it; here neither
 * did (no line above; the line below has its own bar under part of the gap), so the words after
 * the bar were read as a block of their own: an unmarked portion that took the paragraph's next
 * lines, withheld (B1 in a classified article) though marked (U//FOUO), and the marked line read
 * out of order (probe 63c, finding 3).
 *
 * A bar over a gutter between two columns must keep its cut (probe 56j released (S) text when a
 * looser rule let it bridge): so the hole is bridged only when a line of the same paragraph, at
 * most 1.8 em away, runs in words (not dot leaders, not unseen text) from left of the gap to the
 * end of the words after it, with no hole as wide as a gutter; no row within 2.4 em has a channel
 * a gutter wide inside the gap with words on both sides of it (a column gutter repeats down the
 * rows); a line on the other side that does not run through ends the paragraph there; the bar sits
 * within the line's height; the text either side is one size; and the words after the bar open
 * nothing that could be a mark, a bullet or a number. Pure: glyphs and boxes in, a yes or no out.
 */
import type { PageGlyph } from './glyphs.js';
import type { Rect } from '../geometry.js';
import { parseMarking } from '../../markings/index.js';

/** The gap: the index of the glyph after it in its row, and the inked edges either side. */
export interface BarGap {
  readonly at: number;
  readonly left: number;
  readonly right: number;
}

/** A line of the same paragraph is at most this far (em) from the bar's line. */
const SAME_PARAGRAPH_EM = 1.8;
/** Rows this near (em) are looked at for a gutter's channel. */
const CHANNEL_LOOK_EM = 2.4;
/** A bar's box reaches at most this far below the baseline and above it (em): one line's height. */
const BAR_BELOW_EM = 0.6;
const BAR_ABOVE_EM = 1.3;
/** Text after a bar that may open a portion, an item or a column's own paragraph: a bracket, a bullet, a number, a classification word. */
const OPENER = /^(?:[([{<•◦▪●○■□*>·–—-]|\d{1,3}[.)]|(?:top\s*secret|secret|confidential|unclassified|restricted|fouo|noforn|sbu)\b)/iu;

/**
 * The widest bar bridged (em): a redacted name or phrase. A box wider is a sidebar's or a figure's
 * edge as often, and text past it another block (probe 63d F2: a 200 pt bar joined a note).
 */
const BAR_MAX_EM = 16;

/**
 * The words after a bar open a mark written without parentheses (`S//NF`, `s//nf`, `C`, `NF`,
 * `REL TO USA`): joined to the (U) line they were released inside it (probe 63d F1), where a block
 * of their own went to review as a mark not understood. Any first word with a slash, any the mark
 * grammar reads in parentheses, alone or after a level, and `REL TO` keep the cut.
 */
function opensBareMark(text: string): boolean {
  const word = (/^\S+/.exec(text)?.[0] ?? '').replace(/[.,:;]$/, '').toUpperCase();
  if (word === '') return false;
  // A level (`C`), or a control or dissemination word alone (`NF`, `ORCON`): read after a level.
  return word.includes('/') || /^rel\s+to\b/i.test(text) || parseMarking(`(${word})`, 'portion').ok || parseMarking(`(S//${word})`, 'portion').ok;
}

/** A row of words near the bar's line: which side (1 above, -1 below), how far, its word glyphs left to right. */
interface WordRow {
  readonly side: 1 | -1;
  readonly dy: number;
  readonly glyphs: readonly PageGlyph[];
}

/**
 * True when the gap `cut` of `row`, filled by the page's dark boxes `boxes` (lines.ts, boxed), is
 * a hole a redaction bar left in a paragraph's line (see the module's comment). `end` is where the
 * words after the gap end (lines.ts, pieceEnd); `gutter` the width (pt) of a column gutter at this size.
 */
export function barHole(row: readonly PageGlyph[], cut: BarGap, page: readonly PageGlyph[], boxes: readonly Rect[], end: number, gutter: number): boolean {
  const g = row[cut.at]!;
  const em = g.size;
  const bars = lineBoxes(boxes, g.y, em);
  let k = cut.at - 1;
  while (k >= 0 && row[k]!.blank) k--;
  if (k < 0 || Math.abs(row[k]!.size - em) > 0.1 * em || cut.right - cut.left > BAR_MAX_EM * em) return false;
  // One font either side: text in another (a note, a caption, a label set apart) is another block.
  if (row[k]!.font !== undefined && row[k]!.font !== g.font) return false;
  if (bars.some((b) => b[2] > cut.left && b[0] < cut.right && (b[1] < g.y - BAR_BELOW_EM * em || b[3] > g.y + BAR_ABOVE_EM * em))) return false;
  const after = textFrom(row, cut.at);
  if (OPENER.test(after) || opensBareMark(after)) return false;
  const left = lineLeft(row, k, gutter);
  const rows = wordRows(page, g, left, end);
  if (rows.some((r) => r.dy <= CHANNEL_LOOK_EM * em && channel(r.glyphs, cut, gutter))) return false;
  const target = Math.max(cut.right + 0.5 * em, Math.min(end, cut.right + 3 * em) - 2 * em);
  let spanning = false;
  for (const side of [1, -1] as const) {
    const near = rows.find((r) => r.side === side && r.dy <= SAME_PARAGRAPH_EM * em);
    if (!near) continue;
    const same = near.glyphs.filter((o) => Math.abs(o.size - em) <= 0.1 * em);
    // A shorter line there is the paragraph's last (or first): no line of it goes on beyond. Two
    // columns' rows go on (a left column's lines under a full-width line), and a bar over their
    // gutter must not join the other column's line to this one. No bridge to a short last line
    // under the bar's line either (`… contact us at ■ or send an email to` / `■ nsa.`, tried by
    // fix64e): a one-line (S) paragraph whose mark the second bar covers looks the same, at one
    // pitch or a few points down, and was released with the (U) text (probe 64e F1).
    if (runsThrough(same, cut.left, target, gutter)) spanning = true;
    else if (rows.some((r) => r.side === side && r.dy > near.dy + 0.6 * em && r.dy <= near.dy + SAME_PARAGRAPH_EM * em)) return false;
  }
  return spanning;
}

/**
 * The boxes that sit on a line of baseline `y` and font size `size`, left to right: between 0.8 and
 * 2.5 em high (a bar over a line's words, not a shaded panel or a rule), covering the line's
 * baseline up to half an em above it (not the line above's or below's).
 */
export function lineBoxes(boxes: readonly Rect[], y: number, size: number): Rect[] {
  return boxes.filter((b) => b[3] - b[1] >= 0.8 * size && b[3] - b[1] <= 2.5 * size && b[1] <= y && b[3] >= y + 0.5 * size).sort((a, b) => a[0] - b[0]);
}

/**
 * The left edge of the line the glyph `row[k]` ends (its inked glyphs back to a gap as wide as
 * `gutter`). Rows near the bar are looked at only within the line's width: a sidebar's column
 * beside it (a `SERIES:` list) is no line of its paragraph, and its short lines, read as the
 * paragraph's, kept the cut under a caption (probe 64a F1, F2).
 */
function lineLeft(row: readonly PageGlyph[], k: number, gutter: number): number {
  let left = row[k]!.x0;
  for (let i = k - 1; i >= 0; i--) {
    const o = row[i]!;
    if (o.blank) continue;
    if (left - o.x1 >= gutter) break;
    left = Math.min(left, o.x0);
  }
  return left;
}

/** The first characters of the text from `row[from]` on, blanks as spaces. */
function textFrom(row: readonly PageGlyph[], from: number): string {
  let text = '';
  for (let i = from; i < row.length && text.length < 16; i++) text += row[i]!.blank ? ' ' : row[i]!.text;
  return text.trimStart();
}

/**
 * The rows of word glyphs (a letter or digit, seen: not dot leaders, rules of dashes or unseen
 * text) within twice the paragraph's reach above and below `g`'s baseline and within the line's
 * width (`left` to `right`), nearest first.
 */
function wordRows(page: readonly PageGlyph[], g: PageGlyph, left: number, right: number): WordRow[] {
  const em = g.size;
  const words = page
    .filter((o) => !o.blank && !o.unseen && o.x1 > left && o.x0 < right && Math.abs(o.y - g.y) >= 0.6 * em && Math.abs(o.y - g.y) <= 2 * SAME_PARAGRAPH_EM * em && /[\p{L}\p{N}]/u.test(o.text))
    .sort((a, b) => Math.abs(a.y - g.y) - Math.abs(b.y - g.y));
  const rows: { side: 1 | -1; dy: number; glyphs: PageGlyph[] }[] = [];
  for (const o of words) {
    const side = o.y > g.y ? 1 : -1;
    const dy = Math.abs(o.y - g.y);
    const r = rows.find((x) => x.side === side && dy - x.dy < 0.3 * em);
    if (r) r.glyphs.push(o);
    else rows.push({ side, dy, glyphs: [o] });
  }
  for (const r of rows) r.glyphs.sort((a, b) => a.x0 - b.x0);
  return rows;
}

/** True when `glyphs` (left to right) start left of `from` and cover it to `to` with no hole as wide as `gutter`. */
function runsThrough(glyphs: readonly PageGlyph[], from: number, to: number, gutter: number): boolean {
  if (!glyphs.some((o) => o.x0 < from)) return false;
  let reach = from;
  for (const o of glyphs) {
    if (o.x1 <= reach) continue;
    if (o.x0 - reach >= gutter) return false;
    reach = o.x1;
    if (reach >= to) return true;
  }
  return false;
}

/** True when `glyphs` (left to right) leave a stretch of the gap as wide as `gutter` bare, with words either side of it. */
function channel(glyphs: readonly PageGlyph[], cut: BarGap, gutter: number): boolean {
  let reach = -Infinity;
  for (const o of glyphs) {
    const from = Math.max(reach, cut.left);
    const to = Math.min(o.x0, cut.right);
    if (reach > -Infinity && to - from >= gutter) return true;
    reach = Math.max(reach, o.x1);
  }
  return false;
}
