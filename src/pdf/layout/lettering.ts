/**
 * Shapes that could be letters drawn as outlines (text printed with `gs -dNoOutputFonts`, an SVG
 * of a page printed by a browser): a reader sees words the text layer does not hold, so they are
 * never read nor checked against what is withheld. A count of all shapes (OUTLINE_SHAPES) let a
 * short outlined line through: a SECRET//NOFORN page of three outlined lines is 93 shapes, and
 * it was released in full under an UNCLASSIFIED stamp (probe 68b, F1).
 */
import type { PathEvent } from '../content/interpret.js';

/**
 * At least this many lettering shapes (see letteringShapes) on a page read as text drawn as
 * outlines: a word of eight letters, a banner's `SECRET//`.
 */
export const LETTERING_SHAPES = 8;

/** A letter's height, in points: from a small capital (2 pt) to a large heading's (72 pt). */
const MIN_HEIGHT = 2;
const MAX_HEIGHT = 72;

/**
 * The number of shapes among `paths` that could be letters: inked, neither a clip, a ring,
 * rectangles alone (`re`: a table's rules, a chart's bars) nor a thin straight rule, as tall as type and at most as wide as
 * twice their height, each with a shape of the same kind beside it on its row (a gap of at most
 * its height, the two overlapping in height by half the lower one). Rows tell letters from a
 * column of drawn bullets or a logo's parts; the same-row test is what a line of text is.
 */
export function letteringShapes(paths: readonly PathEvent[]): number {
  const small = paths.filter((p) => {
    if (!p.inked || p.clip || p.ring || p.segments <= 4 * p.rects) return false;
    // A straight rule's piece (a table's border drawn as a thin polygon, wkhtmltopdf's) is no letter.
    if (p.curves === 0 && (p.verticals.length > 0 || p.horizontals.length > 0)) return false;
    const [w, h] = [p.bbox[2] - p.bbox[0], p.bbox[3] - p.bbox[1]];
    return h >= MIN_HEIGHT && h <= MAX_HEIGHT && w <= 2 * h;
  }).map((p) => p.bbox).sort((a, b) => a[0] - b[0]);
  const inRow = new Set<number>();
  for (let i = 0; i < small.length; i++) {
    const a = small[i]!;
    const ha = a[3] - a[1];
    // Sorted by left edge: the shapes that start within a gap of `a`'s height past its right edge.
    for (let j = i + 1; j < small.length && small[j]![0] <= a[2] + ha; j++) {
      const b = small[j]!;
      const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
      if (overlap >= 0.5 * Math.min(ha, b[3] - b[1])) {
        inRow.add(i);
        inRow.add(j);
      }
    }
  }
  return inRow.size;
}
