/**
 * Affine matrices and axis-aligned rectangles in PDF conventions: a matrix `[a b c d e f]` maps
 * (x, y) to (a·x + c·y + e, b·x + d·y + f); `multiply(m, n)` is "m, then n" (m × n as PDF writes
 * it, e.g. Trm = [Tfs·Th 0 0 Tfs 0 Ts] × Tm × CTM). A rectangle is `[x0, y0, x1, y1]` with
 * x0 ≤ x1 and y0 ≤ y1, in PDF units, y up.
 */

/** An affine matrix `[a b c d e f]`. */
export type Matrix = readonly [number, number, number, number, number, number];
/** An axis-aligned rectangle `[x0, y0, x1, y1]`, normalised (x0 ≤ x1, y0 ≤ y1). */
export type Rect = readonly [number, number, number, number];

/**
 * A matrix from its six numbers. The interpreter's matrices are all made here, so that they are
 * all one kind of array (of doubles): a constant `[1, 0, 0, 1, 0, 0]` is an array of small
 * integers, a product an array of doubles, `Array.prototype.map` a holey array, and every new
 * kind seen threw away the interpreter's optimised code (3-4 times a run).
 */
export function matrixOf(a: number, b: number, c: number, d: number, e: number, f: number): Matrix {
  return [a, b, c, d, e, f];
}

/** The identity. Made with a fraction first, so that it (and every matrix after it) is an array of doubles. */
export const IDENTITY: Matrix = (() => {
  const m = matrixOf(0.5, 0, 0, 1, 0, 0) as unknown as number[];
  m[0] = 1;
  return m as unknown as Matrix;
})();

/**
 * A rectangle from its four numbers. The rectangles the redaction compares (glyph, image and path
 * boxes, regions, the page's area) are made here, so that they are all one kind of array (of
 * doubles), as matrices are ({@link matrixOf}): a page box `[0 0 612 792]` read as small integers
 * next to boxes of doubles made the region tests polymorphic, and each new kind met threw away
 * the optimised code of the functions that test them.
 */
export function rectOf(x0: number, y0: number, x1: number, y1: number): Rect {
  return [x0, y0, x1, y1];
}
// The allocation site of rectOf's array learns doubles first: every rectangle after is an array of doubles.
rectOf(0.5, 0, 0, 0);

/** The unit square, which an image or an inline image fills in its own space. */
export const UNIT_SQUARE: Rect = rectOf(0, 0, 1, 1);

/** m then n (the PDF product m × n). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return matrixOf(
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  );
}

/** The inverse of m, or null when m is singular. */
export function invert(m: Matrix): Matrix | null {
  const det = m[0] * m[3] - m[1] * m[2];
  if (Math.abs(det) < 1e-12) return null;
  return matrixOf(m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det, (m[1] * m[4] - m[0] * m[5]) / det);
}

/** (x, y) through m. */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The bounding box of rectangle r's four corners through m. */
export function transformRect(m: Matrix, r: Rect): Rect {
  const o = scratchBox;
  transformBoxInto(o, m, r[0], r[1], r[2], r[3]);
  return rectOf(o[0]!, o[1]!, o[2]!, o[3]!);
}
const scratchBox = new Float64Array(4);

/**
 * {@link transformRect} of the rectangle [x0 y0 x1 y1] written into `out` (x0 y0 x1 y1), for
 * callers that look at many boxes and keep none (the stamp's placement looks at every glyph).
 */
export function transformBoxInto(out: Float64Array, m: Matrix, x0: number, y0: number, x1: number, y1: number): void {
  const ax = m[0] * x0, bx = m[0] * x1, cy = m[2] * y0, dy = m[2] * y1;
  const ay = m[1] * x0, by = m[1] * x1, cx = m[3] * y0, dx = m[3] * y1;
  out[0] = Math.min(ax, bx) + Math.min(cy, dy) + m[4];
  out[1] = Math.min(ay, by) + Math.min(cx, dx) + m[5];
  out[2] = Math.max(ax, bx) + Math.max(cy, dy) + m[4];
  out[3] = Math.max(ay, by) + Math.max(cx, dx) + m[5];
}

/** A rectangle with its corners in order. */
export function normaliseRect(r: readonly [number, number, number, number]): Rect {
  return rectOf(Math.min(r[0], r[2]), Math.min(r[1], r[3]), Math.max(r[0], r[2]), Math.max(r[1], r[3]));
}

/** True when a and b share interior area, or a degenerate a (zero width or height) lies within b. */
export function intersects(a: Rect, b: Rect): boolean {
  return boxIntersects(a[0], a[1], a[2], a[3], b);
}

/** {@link intersects} for a given as its edges (a glyph's box, read without an array). */
export function boxIntersects(x0: number, y0: number, x1: number, y1: number, b: Rect): boolean {
  if (x0 === x1 || y0 === y1) return x0 <= b[2] && b[0] <= x1 && y0 <= b[3] && b[1] <= y1;
  return x0 < b[2] && b[0] < x1 && y0 < b[3] && b[1] < y1;
}

/** True when `inner` lies within `outer` (with a tolerance of `eps` units). */
export function contains(outer: Rect, inner: Rect, eps = 0.01): boolean {
  return inner[0] >= outer[0] - eps && inner[1] >= outer[1] - eps && inner[2] <= outer[2] + eps && inner[3] <= outer[3] + eps;
}

/** The smallest rectangle holding both. */
export function union(a: Rect, b: Rect): Rect {
  return rectOf(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3]));
}

/** The overlap of a and b, or null when they do not overlap. */
export function intersection(a: Rect, b: Rect): Rect | null {
  const r: Rect = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return r[0] < r[2] && r[1] < r[3] ? r : null;
}

/**
 * The point of a glyph's box `[x0, y0, x1, y1]` that stands for the glyph in the redaction checks:
 * its centre across, 35% of its height up (above the baseline, clear of descenders).
 */
export function probePoint(x0: number, y0: number, x1: number, y1: number): [number, number] {
  return [(x0 + x1) / 2, y0 + (y1 - y0) * 0.35];
}
