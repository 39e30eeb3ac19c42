/**
 * What a rasterised page (`--rasterize-unsure`) must cover beyond its text boxes. The raster is
 * the original page rendered, then boxed: a drawing on a withheld line that the boxes, sized to the
 * line's characters, did not reach stayed in the pixels. A CSS background Chromium paints as a
 * tiling pattern spelled the withheld words right of the box (probe 67a, F1).
 *
 * Every drawing that could carry lettering (an image, an inline image, a path that is no lone
 * rectangle or rule, an area the rewriter could not read: a tiling pattern's fill, a Type3 glyph,
 * a soft mask) and meets a withheld region (its text, or a drawing withheld with its line) is
 * covered: whole when it is no taller than twice the region (a line's drawing), otherwise where
 * it meets the region's band, across its whole width (a figure or a page background keeps what it
 * shows above and below the withheld line). A drawing whose bounds are not known (content that
 * cannot be parsed, text without a font, a soft mask without a bounding box: the rewriter gives it
 * the whole plane) cannot be covered: the page is refused.
 */
import { contains, intersection, intersects, type Rect } from '../geometry.js';
import type { PageContent } from '../content/interpret.js';
import type { Drawing } from './line-drawings.js';

/** The covers of a rasterised page, or why it cannot be covered. */
export interface RasterCover {
  /** Rectangles (user space, inside the page's box) to paint black besides the text boxes. */
  readonly rects: Rect[];
  /** How many drawings they cover. */
  readonly drawings: number;
  /** What meets a region with no known bounds (empty when every drawing has them). */
  readonly unbounded: string[];
}

/** `r` grown by `d` on every side. */
function grow(r: Rect, d: number): Rect {
  return [r[0] - d, r[1] - d, r[2] + d, r[3] + d];
}

/**
 * The covers of a page to be rasterised.
 *
 * @param regions The withheld regions (their characters): a drawing inside one is boxed with them.
 * @param cut The regions, and the drawings taken with their lines (line-drawings.ts).
 * @param drawings The page's drawings (pageDrawings).
 * @param box The page's visible box (crop box or media box).
 */
export function rasterCover(content: PageContent, regions: readonly Rect[], cut: readonly Rect[], drawings: readonly Drawing[], box: Rect): RasterCover {
  const rects: Rect[] = [];
  const unbounded: string[] = [];
  let count = 0;
  // Bounds far beyond the page are the rewriter's "anywhere" (the whole plane), not a drawing's.
  const known = grow(box, Math.max(box[2] - box[0], box[3] - box[1]));
  const items = [...content.unsure.map((a) => ({ bbox: a.bbox, what: a.detail })), ...drawings.filter((d) => d.lettering).map((d) => ({ bbox: d.bbox, what: d.kind }))];
  for (const { bbox, what } of items) {
    const met = cut.filter((r) => intersects(bbox, r));
    if (met.length === 0 || regions.some((r) => contains(r, bbox, 0.5))) continue;
    if (!contains(known, bbox)) {
      if (!unbounded.includes(what)) unbounded.push(what);
      continue;
    }
    // A bullet's size is not counted (line-drawings.ts isMark: no warning for it there either).
    if (met.some((r) => bbox[2] - bbox[0] > 0.8 * (r[3] - r[1]) || bbox[3] - bbox[1] > 0.8 * (r[3] - r[1]))) count++;
    for (const r of met) {
      const tall = bbox[3] - bbox[1] > 2 * (r[3] - r[1]);
      const band: Rect = tall ? [bbox[0], Math.max(bbox[1], r[1]), bbox[2], Math.min(bbox[3], r[3])] : bbox;
      const part = intersection(band, box);
      if (part && !rects.some((x) => contains(x, part, 0.5))) rects.push(part);
    }
  }
  return { rects, drawings: count, unbounded };
}
