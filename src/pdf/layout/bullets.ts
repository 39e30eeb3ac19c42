/**
 * List markers drawn as shapes, not glyphs: Chromium's disc (a filled path), a picture bullet
 * (CSS `list-style-image`, Word's picture bullet: an image), a square. Such a line opens a list
 * item of its own; read without its marker, an unmarked item under a (U) item was joined to it as
 * its wrap and released (probe 60c F1, probe 60e finding 2). A small picture beside a paragraph's
 * line is not always a marker, though (a margin flag, a "new" icon, a checkbox): read as one, the
 * wrap of a (U) paragraph was cut from it and withheld under (b)(1) as unmarked text (probe 60e
 * finding 1). What tells them apart is the list and the wrap: see {@link drawnMarkers}.
 * Pure: the page's pieces and drawings in, the pieces that open with a marker out.
 */
import type { PageContent, PathEvent } from '../content/interpret.js';
import type { Rect } from '../geometry.js';
import type { PageGlyph } from './glyphs.js';
import type { Block, LinePiece } from './lines.js';

/** The bullet glyphs a line may open with (a class of one character, for the layout's patterns). */
export const BULLET_CHARS = '[•·▪◦*–—-]';

/** A drawn list marker is at least this wide and high (em of its line). */
const MARKER_MIN_EM = 0.1;
/** A drawn list marker is at most this wide and high (em): Chromium's disc is 0.35, picture bullets 0.7 to 1. */
const MARKER_MAX_EM = 1;
/** A drawn list marker stands at most this far (em) left of its line's first glyph. */
const MARKER_REACH_EM = 2;
/** Two markers are the same when their left edges, widths and heights are this close (em). */
const SAME_MARKER_EM = 0.15;

/**
 * The line pieces of `blocks` that open with a list marker drawn as a shape: a path (not a clip)
 * or an image from {@link MARKER_MIN_EM} to {@link MARKER_MAX_EM} wide and high, on the line's
 * band (its middle between the baseline and 0.75 em above it), its right edge at the line's first
 * glyph and no more than {@link MARKER_REACH_EM} left of it, no glyph between them, the line
 * opening with no bullet glyph of its own. Such a shape is the line's marker
 * - when the same shape (left edge, width and height within {@link SAME_MARKER_EM}) stands so
 *   before another line of the block: a list (Word's and `list-style-image` picture bullets are
 *   0.7 to 1 em: at 0.67 em, over the 0.6 em limit of before, an unmarked item was read as the
 *   (U) item's wrap and released);
 * - else unless the line is plainly the wrap of the line above (`plainWrap(block, i)`): beside
 *   such a wrap (`… by the fleet and` / `[icon] uqbeta found the weather …`) a lone picture is an
 *   icon, and the line goes on with its paragraph. Before any other line a lone shape is a
 *   marker, whatever its size up to 1 em (fail closed: a 10 pt picture before `Zqbeta found …`
 *   under a full (U) line was no marker, and the line was released as the (U) line's wrap);
 * - always when it is drawn in a bullet's own shape (see {@link bulletShapes}): a disc beside a
 *   flush one-item list under a full (U) line ending `… tugs and` is that item's marker, not an
 *   icon (probe 61b F5: `zqsecretu convoy route …` was released as the (U) line's wrap; so was
 *   an item after a 0.9 em circle drawn by an SVG image). A filled square or circle icon beside a
 *   wrap is then read as a marker too, and that wrap withheld: the fail-closed side of what
 *   geometry cannot tell apart.
 */
export function drawnMarkers(blocks: readonly Block[], content: PageContent, page: readonly PageGlyph[], plainWrap: (block: Block, i: number) => boolean): LinePiece[] {
  let largest = 0;
  for (const g of page) largest = Math.max(largest, g.size);
  const small = (r: Rect): boolean => r[2] - r[0] <= MARKER_MAX_EM * largest && r[3] - r[1] <= MARKER_MAX_EM * largest;
  const shapes = [...content.paths.filter((p) => !p.clip).map((p) => p.bbox), ...content.images.map((i) => i.bbox), ...content.inlineImages.map((i) => i.bbox)].filter(small);
  const out: LinePiece[] = [];
  if (shapes.length === 0) return out;
  const bullets = bulletShapes(content.paths);
  for (const b of blocks) {
    const markers = b.lines.map((l) => markerBefore(l, shapes, page));
    markers.forEach((r, i) => {
      if (r === null) return;
      const em = b.lines[i]!.size;
      const listed = markers.some((o, k) => k !== i && o !== null && sameMarker(r, o, em));
      if (listed || bullets.has(r) || !plainWrap(b, i)) out.push(b.lines[i]!);
    });
  }
  return out;
}

/**
 * The boxes of the paths drawn in a bullet's own shape: inked, no clip, about as wide as high
 * (within a quarter), and either curves only (a disc or a ring: Chromium's list discs are
 * four Béziers, an SVG circle it draws 32) or one rectangle or three or four straight sides (a square, a diamond,
 * a triangle). An icon is a picture or a path of more parts.
 */
function bulletShapes(paths: readonly PathEvent[]): Set<Rect> {
  const out = new Set<Rect>();
  for (const p of paths) {
    if (p.clip || !p.inked) continue;
    const w = p.bbox[2] - p.bbox[0];
    const h = p.bbox[3] - p.bbox[1];
    if (w <= 0 || h <= 0 || w > 1.25 * h || h > 1.25 * w) continue;
    const round = p.curves >= 4 && p.curves <= 64 && p.segments === p.curves;
    const straight = p.curves === 0 && p.segments >= 3 && p.segments <= 4 && p.rects <= 1;
    if (round || straight) out.add(p.bbox);
  }
  return out;
}

/** True when `r` is at most `max` wide and high. */
function fits(r: Rect, max: number): boolean {
  return r[2] - r[0] <= max && r[3] - r[1] <= max;
}

/** True when `a` and `b` are the same marker: left edges, widths and heights within {@link SAME_MARKER_EM} of `em`. */
function sameMarker(a: Rect, b: Rect, em: number): boolean {
  const near = SAME_MARKER_EM * em;
  return Math.abs(a[0] - b[0]) <= near && Math.abs(a[2] - a[0] - (b[2] - b[0])) <= near && Math.abs(a[3] - a[1] - (b[3] - b[1])) <= near;
}

/** The shape of `shapes` that stands where a list marker of `line` stands (see drawnMarkers), or null. */
function markerBefore(line: LinePiece, shapes: readonly Rect[], page: readonly PageGlyph[]): Rect | null {
  const first = line.glyphs.find((g) => !g.blank);
  if (!first || BULLET_START.test(first.text) || first.bullet !== undefined) return null;
  const em = line.size;
  const marker = shapes.find((r) => {
    const mid = (r[1] + r[3]) / 2;
    return r[2] - r[0] >= MARKER_MIN_EM * em && r[3] - r[1] >= MARKER_MIN_EM * em && fits(r, MARKER_MAX_EM * em) && r[2] <= first.x0 + 0.05 * em && r[0] >= first.x0 - MARKER_REACH_EM * em && mid >= line.y - 0.1 * em && mid <= line.y + 0.75 * em;
  });
  if (marker === undefined) return null;
  return page.some((g) => g !== first && !g.blank && Math.abs(g.y - line.y) < 0.5 * em && g.x1 > marker[0] && g.x0 < first.x0) ? null : marker;
}

const BULLET_START = new RegExp(`^${BULLET_CHARS}`, 'u');
