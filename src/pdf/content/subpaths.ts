/**
 * The thin vertical pieces a painted path shows: what a reader sees as a vertical rule (a table's
 * cell border), however the path was built. Its bounding box alone misses them: a table's grid
 * stroked as one path (`m l m l … S`), a cell stroked as a rectangle (`re S`), an even-odd ring
 * (Chromium's `box-shadow: inset 1px 0 0`, `… f*`) each span the whole table or cell (probe 61a).
 * Points are in user space (the path's points through the CTM when they were added).
 */
import type { Rect } from '../geometry.js';

/** The widest a thin vertical piece is (in pt): a cell border, not a bar over a word. */
export const RULE_WIDTH_PT = 3;

/** A piece at most RULE_WIDTH_PT wide and three times as tall as wide. */
export function thinVertical(r: Rect): boolean {
  const w = r[2] - r[0];
  return w <= RULE_WIDTH_PT && r[3] - r[1] >= 3 * w && r[3] > r[1];
}

/** A piece at most RULE_WIDTH_PT tall and three times as wide as tall: a horizontal rule (a table's row border, an underline). */
export function thinHorizontal(r: Rect): boolean {
  const h = r[3] - r[1];
  return h <= RULE_WIDTH_PT && r[2] - r[0] >= 3 * h && r[2] > r[0];
}

/** No thin pieces (shared by the many paths that show none). */
export const NO_PIECES: readonly Rect[] = Object.freeze([]);

/** The most rectangle subpaths of one path searched pairwise for rings. */
const MAX_RING_RECTS = 64;

export interface Subpath {
  /** Its points (x, y pairs), while it has at most five (a rectangle, closed or not). */
  pts: number[];
  box: Rect;
  /** Only straight segments. */
  straight: boolean;
}

/** The subpaths of the path being built, and its near-vertical and near-horizontal straight segments. */
export class PathShape {
  private subs: Subpath[] = [];
  private segs: [number, number, number, number][] = [];
  private hsegs: [number, number, number, number][] = [];
  private cur: Subpath | null = null;
  private x = 0;
  private y = 0;
  private x0 = 0;
  private y0 = 0;

  /** `m`: a new subpath at (x, y). */
  move(x: number, y: number): void {
    this.cur = { pts: [x, y], box: [x, y, x, y], straight: true };
    this.subs.push(this.cur);
    this.x = this.x0 = x;
    this.y = this.y0 = y;
  }

  /** `l`: a straight segment to (x, y). */
  line(x: number, y: number): void {
    if (!this.cur) return this.move(x, y);
    this.segment(this.x, this.y, x, y);
    this.to(x, y);
  }

  /** `c`, `v`, `y`: a curve to (x, y) through `controls` (x, y pairs). */
  curve(controls: readonly number[], x: number, y: number): void {
    if (!this.cur) this.move(x, y);
    const c = this.cur!;
    for (let k = 0; k + 1 < controls.length; k += 2) grow(c, controls[k]!, controls[k + 1]!);
    c.straight = false;
    this.to(x, y);
  }

  /** `h` (and the closing of `s`, `b`, `b*`): back to the subpath's start. */
  close(): void {
    if (!this.cur) return;
    this.segment(this.x, this.y, this.x0, this.y0);
    this.x = this.x0;
    this.y = this.y0;
  }

  /** `re`: a closed subpath of four corners (user space), in drawing order. */
  rect(corners: readonly number[]): void {
    this.move(corners[0]!, corners[1]!);
    for (let k = 2; k < 8; k += 2) this.line(corners[k]!, corners[k + 1]!);
    this.close();
    this.cur = null;
  }

  /**
   * The thin vertical pieces the path shows when painted so: stroked, each near-vertical straight
   * segment widened by half the line width `hw`; filled, each thin subpath, and the thin sides of
   * a ring (a rectangle inside another, filled even-odd or wound the other way round).
   */
  pieces(stroked: boolean, filled: boolean, evenOdd: boolean, hw: number): readonly Rect[] {
    return this.thin(stroked, filled, evenOdd, hw, false);
  }

  /** The thin horizontal pieces, found as {@link pieces} finds the vertical ones (a table's row borders). */
  horizontalPieces(stroked: boolean, filled: boolean, evenOdd: boolean, hw: number): readonly Rect[] {
    return this.thin(stroked, filled, evenOdd, hw, true);
  }

  private thin(stroked: boolean, filled: boolean, evenOdd: boolean, hw: number, across: boolean): readonly Rect[] {
    const all: Rect[] = [];
    if (stroked && !across) for (const [x0, y0, x1, y1] of this.segs) all.push([Math.min(x0, x1) - hw, Math.min(y0, y1), Math.max(x0, x1) + hw, Math.max(y0, y1)]);
    if (stroked && across) for (const [x0, y0, x1, y1] of this.hsegs) all.push([Math.min(x0, x1), Math.min(y0, y1) - hw, Math.max(x0, x1), Math.max(y0, y1) + hw]);
    if (filled) {
      for (const s of this.subs) all.push(s.box);
      all.push(...ringSides(this.subs, evenOdd));
    }
    const out = all.filter(across ? thinHorizontal : thinVertical);
    return out.length === 0 ? NO_PIECES : out;
  }

  /** The subpaths so far. */
  subpaths(): readonly Subpath[] {
    return this.subs;
  }

  private segment(x0: number, y0: number, x1: number, y1: number): void {
    const dx = Math.abs(x1 - x0);
    const dy = Math.abs(y1 - y0);
    if (dy > 0 && dx <= 1 && dx <= 0.1 * dy) this.segs.push([x0, y0, x1, y1]);
    else if (dx > 0 && dy <= 1 && dy <= 0.1 * dx) this.hsegs.push([x0, y0, x1, y1]);
  }

  private to(x: number, y: number): void {
    grow(this.cur!, x, y);
    this.x = x;
    this.y = y;
  }
}

function grow(s: Subpath, x: number, y: number): void {
  if (s.pts.length <= 10) s.pts.push(x, y);
  s.box = [Math.min(s.box[0], x), Math.min(s.box[1], y), Math.max(s.box[2], x), Math.max(s.box[3], y)];
}

/** A subpath that is an upright rectangle: four or five straight points, each a corner of its box; its winding (+1, -1), or 0 when it is not one. */
function rectWinding(s: Subpath): number {
  const p = s.pts;
  if (!s.straight || p.length < 8 || p.length > 10) return 0;
  const [bx0, by0, bx1, by1] = s.box;
  if (bx1 <= bx0 || by1 <= by0) return 0;
  let area = 0;
  for (let k = 0; k < 8; k += 2) {
    if ((p[k] !== bx0 && p[k] !== bx1) || (p[k + 1] !== by0 && p[k + 1] !== by1)) return 0;
    const j = (k + 2) % 8;
    area += p[k]! * p[j + 1]! - p[j]! * p[k + 1]!;
  }
  if (p.length === 10 && (p[8] !== p[0] || p[9] !== p[1])) return 0;
  return area > 0 ? 1 : area < 0 ? -1 : 0;
}

/**
 * The upright rectangles a filled path paints whole: each subpath that is an upright rectangle (a
 * `re`, or four straight segments, closed or not) that no other subpath meets, or, filled by the
 * nonzero rule, that only upright rectangles wound the same way meet (their windings add, never
 * cancel). A ring's rectangles (one inside another, even-odd or wound against each other) paint
 * no whole rectangle. Opaque paint so drawn covers the text under each (probe 61b, F7: a box drawn
 * as `m l l l h f`, two `re` in one `f`, read as no cover and the text under them released).
 */
export function filledRects(shape: PathShape, evenOdd: boolean): Rect[] {
  const subs = shape.subpaths();
  if (subs.length > MAX_RING_RECTS) return [];
  const wind = subs.map(rectWinding);
  const out: Rect[] = [];
  for (let k = 0; k < subs.length; k++) {
    if (wind[k] === 0) continue;
    const [x0, y0, x1, y1] = subs[k]!.box;
    let whole = true;
    for (let j = 0; j < subs.length && whole; j++) {
      if (j === k) continue;
      const b = subs[j]!.box;
      if (b[0] >= x1 || b[2] <= x0 || b[1] >= y1 || b[3] <= y0) continue;
      if (evenOdd || wind[j] !== wind[k]) whole = false;
    }
    if (whole) out.push(subs[k]!.box);
  }
  return out;
}

/** True when the path is one upright rectangle and nothing else (a clip that is exactly its box). */
export function oneRect(shape: PathShape): boolean {
  const subs = shape.subpaths();
  return subs.length === 1 && rectWinding(subs[0]!) !== 0;
}

/** Two upright rectangles, one inside the other, and nothing else: a ring (a cell's border, Chromium's inset box-shadow), which spells nothing, like one rectangle. */
export function isRing(shape: PathShape): boolean {
  const subs = shape.subpaths();
  return subs.length === 2 && ringSides(subs, true).length > 0;
}

/** The four sides of each ring the rectangle subpaths make: an outer rectangle less one inside it. */
function ringSides(subs: readonly Subpath[], evenOdd: boolean): Rect[] {
  const rects: { box: Rect; wind: number }[] = [];
  for (const s of subs) {
    const wind = rectWinding(s);
    if (wind !== 0) rects.push({ box: s.box, wind });
    if (rects.length > MAX_RING_RECTS) return [];
  }
  const out: Rect[] = [];
  for (const a of rects) {
    for (const b of rects) {
      if (a === b || (!evenOdd && a.wind === b.wind)) continue;
      const [ox0, oy0, ox1, oy1] = a.box;
      const [ix0, iy0, ix1, iy1] = b.box;
      if (ix0 < ox0 || iy0 < oy0 || ix1 > ox1 || iy1 > oy1) continue;
      if (ix0 > ox0) out.push([ox0, oy0, ix0, oy1]);
      if (ix1 < ox1) out.push([ix1, oy0, ox1, oy1]);
      if (iy0 > oy0) out.push([ox0, oy0, ox1, iy0]);
      if (iy1 < oy1) out.push([ox0, iy1, ox1, oy1]);
    }
  }
  return out;
}
