/**
 * Where two filled boxes meet side by side: a table's cells told apart by their backgrounds
 * alone (CSS `background` on each `td`, no border, little padding). Read as one line, an
 * unmarked cell 4 px after a shaded `(U)` cell took its mark and was released (probe 61b, t8:
 * `(U) Public cell text here ZQSECRETI hidden cell words`). The seam is drawn as a rule is
 * (see lines.ts verticalRules): a row whose glyphs it passes between is cut there.
 * Pure: the page's paths in, the seams out.
 */
import type { PathEvent } from '../content/interpret.js';
import { rectOf, type Rect } from '../geometry.js';

/** Two boxes meet when one's right edge is this close to the other's left edge (pt). */
const MEET_PT = 0.75;
/** Their tops and bottoms are this close (pt): the cells of one table row. */
const SAME_BAND_PT = 1.5;
/** A cell's box is at least this wide (pt): narrower ones are rules (verticalRules has them). */
const MIN_CELL_PT = 6;

/**
 * The seams between boxes painted side by side: paths a reader sees (inked, no clip), not dark
 * (a publisher's redaction is drawn as black boxes side by side, over text or where text was: a
 * seam there cut a (U//FOUO) line in two, and its tail was withheld as unmarked), of four
 * straight sides (one `re`, or four segments) at least {@link MIN_CELL_PT} wide, whose left and
 * right edges meet within {@link MEET_PT} and whose tops and bottoms agree within
 * {@link SAME_BAND_PT}; each seam a hairline at the shared edge, as tall as both boxes share.
 */
export function boxSeams(paths: readonly PathEvent[]): Rect[] {
  const boxes: Rect[] = [];
  for (const p of paths) if (!p.clip && p.inked && !p.dark && p.curves === 0 && p.segments === 4 && p.rects <= 1 && p.bbox[2] - p.bbox[0] >= MIN_CELL_PT && p.bbox[3] > p.bbox[1]) boxes.push(p.bbox);
  if (boxes.length < 2) return [];
  // Boxes by their left edge, to the half point: a box's right neighbour is found by its right edge.
  const byLeft = new Map<number, Rect[]>();
  for (const b of boxes) {
    const key = Math.round(b[0] * 2);
    const list = byLeft.get(key);
    if (list) list.push(b);
    else byLeft.set(key, [b]);
  }
  const seams: Rect[] = [];
  for (const a of boxes) {
    const key = Math.round(a[2] * 2);
    for (let k = key - 2; k <= key + 2; k++) {
      for (const b of byLeft.get(k) ?? []) {
        if (b === a || Math.abs(b[0] - a[2]) > MEET_PT || Math.abs(b[1] - a[1]) > SAME_BAND_PT || Math.abs(b[3] - a[3]) > SAME_BAND_PT) continue;
        const x = (a[2] + b[0]) / 2;
        seams.push(rectOf(x - 0.05, Math.max(a[1], b[1]), x + 0.05, Math.min(a[3], b[3])));
      }
    }
  }
  return seams;
}
