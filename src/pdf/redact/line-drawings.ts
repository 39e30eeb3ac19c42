/**
 * What a withheld line draws besides its characters: an image, an inline image or a path drawn on
 * the line's band, beside its withheld characters (a Chromium page's inline `<img>` or `<svg>` at
 * the end of an (S//NF) paragraph, a word drawn as strokes between two of its words) is part of
 * that line, and is withheld with it. The regions are only where the withheld characters are:
 * a 48×7 image spelling a word right of a withheld line's last character was released untouched,
 * and lettering stroked there stayed in the page's content under the box (probe 57a).
 *
 * A drawing belongs to a region's line when
 * - it is the size of a line: at most twice the band's height, at least half of it on the band,
 *   and not a rule (less than a fifth of the band high: an underline or a table's border, which
 *   cannot spell anything, stays as drawn);
 * - it lies no farther than three band heights from the region or from a drawing already taken
 *   for it (an inline image after a word space), or within the width of the withheld lines around
 *   it (its paragraph's) and of the page's text (never a figure in the margin), with no released
 *   glyph (ink: a kept space is none) between them;
 * - it meets no kept glyph. One that does, yet could carry lettering (an image, or a path with a
 *   curve or more than two segments but for a lone rectangle), is refused: what it shows on the withheld line cannot be
 *   cut from what it shows on released text (fail closed). A figure beside a paragraph is taller
 *   than a line and is never taken.
 */
import { intersects, union, type Rect } from '../geometry.js';
import type { GlyphEvent, PageContent } from '../content/interpret.js';

/** A drawing of the page, as this test sees it. */
export interface Drawing {
  readonly kind: 'image' | 'inline image' | 'path';
  /** An image's resource name. */
  readonly name?: string;
  readonly bbox: Rect;
  /**
   * It could carry lettering: an image, or a path with a curve or more than two segments, but for
   * one rectangle alone (`re`: a cell's or a row's shading behind a withheld and a released cell
   * refused the page; a rectangle spells nothing) or a ring of two (a cell's border Chromium draws
   * so, see PathEvent.ring).
   */
  readonly lettering: boolean;
}

/** The drawings a page's withheld lines take, and those that cross released text too. */
export interface LineDrawings {
  /** Rectangles withheld with the regions (a drawing, and the gap between it and its line), each with its region's index. */
  readonly extra: { readonly rect: Rect; readonly region: number }[];
  /** Indices of the drawings taken. */
  readonly taken: ReadonlySet<number>;
  /** Indices of drawings on a withheld line that also meet released text. */
  readonly crossing: ReadonlySet<number>;
  /** Indices of the paths taken that are no bigger than a list's bullet (see {@link isMark}). */
  readonly marks: ReadonlySet<number>;
}

/**
 * A path no wider nor taller than 0.8 of the band's height: a bullet, a dot or a small square
 * before a withheld list item (SIDtoday's bullets are such paths: 5 pt on a withheld line's band of
 * 8 pt, the glyphs' boxes). It is removed with its line, without a warning (some 400 of the 1,062
 * corpus PDFs had such a bullet on a withheld line, and the warning said nothing a reviewer could
 * act on).
 */
function isMark(d: Drawing, band: Rect): boolean {
  const h = band[3] - band[1];
  return d.kind === 'path' && d.bbox[2] - d.bbox[0] <= 0.8 * h && d.bbox[3] - d.bbox[1] <= 0.8 * h;
}

/** Whether `b` is the size of a line on band `r` (see the module's comment). */
function onBand(b: Rect, r: Rect): boolean {
  const h = r[3] - r[1];
  const dh = b[3] - b[1];
  if (!(h > 0) || dh < 0.2 * h || dh > 2 * h) return false;
  return Math.min(b[3], r[3]) - Math.max(b[1], r[1]) >= 0.5 * dh;
}

/** The drawings of `content`: its images, inline images and paths (never a clipping path: it shapes what is drawn elsewhere). */
export function pageDrawings(content: PageContent): Drawing[] {
  return [
    ...content.images.map((im): Drawing => ({ kind: 'image', name: im.name, bbox: im.bbox, lettering: true })),
    ...content.inlineImages.map((im): Drawing => ({ kind: 'inline image', bbox: im.bbox, lettering: true })),
    // A dark filled box (a publisher's black box on a withheld line: four segments or fewer, no
    // curve, or five when its last line closes it, as The Intercept drew the one over a SIDtoday's
    // `Run Date:` line, whose page was refused) spells nothing and stays as drawn, as before; a
    // stroked letter has as few segments, but is stroked, not filled.
    ...content.paths.filter((p) => !p.clip && !(p.dark && p.curves === 0 && p.segments <= 5)).map((p): Drawing => ({ kind: 'path', bbox: p.bbox, lettering: p.curves > 0 || (p.segments > 2 && !(p.rects === 1 && p.segments === 4) && !p.ring) })),
  ];
}

/** The horizontal extent of `r` and the regions on the lines next to it (two and a half line heights, centre to centre): its paragraph's width. */
function paragraphExtent(rects: readonly Rect[], r: Rect): [number, number] {
  const h = r[3] - r[1];
  let x0 = r[0], x1 = r[2];
  for (const o of rects) {
    if (Math.abs(o[1] + o[3] - r[1] - r[3]) / 2 > 2.5 * h) continue;
    x0 = Math.min(x0, o[0]);
    x1 = Math.max(x1, o[2]);
  }
  return [x0, x1];
}

/** The horizontal extent of the page's glyphs (full boxes), or null without glyphs. */
function textExtent(glyphs: readonly GlyphEvent[]): [number, number] | null {
  let x0 = Infinity, x1 = -Infinity;
  for (const g of glyphs) {
    x0 = Math.min(x0, g.fx0, g.fx1);
    x1 = Math.max(x1, g.fx0, g.fx1);
  }
  return x0 <= x1 ? [x0, x1] : null;
}

/**
 * The drawings the withheld lines take (see the module's comment).
 *
 * @param drawings The page's drawings (pageDrawings), in the order the result's indices name.
 * @param inside Whether a rectangle lies wholly inside a region (those are handled already).
 */
export function lineDrawings(content: PageContent, rects: readonly Rect[], removed: ReadonlySet<GlyphEvent>, drawings: readonly Drawing[], inside: (b: Rect) => boolean): LineDrawings {
  const extra: { rect: Rect; region: number }[] = [];
  const taken = new Set<number>();
  const crossing = new Set<number>();
  const marks = new Set<number>();
  const candidates = drawings.map((_, k) => k).filter((k) => !inside(drawings[k]!.bbox) && rects.some((r) => onBand(drawings[k]!.bbox, r)));
  if (candidates.length === 0) return { extra, taken, crossing, marks };
  const extent = textExtent(content.glyphs);
  if (!extent) return { extra, taken, crossing, marks };
  // Released ink: a kept space (the one after a withheld line's last word) or unseen glyph is none.
  const kept = content.glyphs.filter((g) => !removed.has(g) && g.visible && (g.unicode ?? 'x').trim() !== '');
  const meetsKept = (b: Rect): boolean => kept.some((g) => g.meets(b));
  const withheld = [...removed];
  rects.forEach((r, i) => {
    // Only a line of withheld characters has a line to extend (not a region over a drawing alone).
    if (!withheld.some((g) => g.meets(r))) return;
    let lo = r[0], hi = r[2];
    const para = paragraphExtent(rects, r);
    for (let changed = true; changed; ) {
      changed = false;
      for (const k of candidates) {
        if (taken.has(k) || crossing.has(k)) continue;
        const { bbox: b, lettering } = drawings[k]!;
        if (!onBand(b, r)) continue;
        const gap: Rect | null = b[0] > hi ? [hi, r[1], b[0], r[3]] : b[2] < lo ? [b[2], r[1], lo, r[3]] : null;
        const near = !gap || gap[2] - gap[0] <= 3 * (r[3] - r[1]);
        const within = b[0] >= Math.max(para[0], extent[0]) - 1 && b[2] <= Math.min(para[1], extent[1]) + 1;
        if (!(near || within) || (gap && meetsKept(gap))) continue;
        if (meetsKept(b)) {
          if (lettering) crossing.add(k);
          continue;
        }
        taken.add(k);
        if (isMark(drawings[k]!, r)) marks.add(k);
        changed = true;
        lo = Math.min(lo, b[0]);
        hi = Math.max(hi, b[2]);
        extra.push({ rect: gap ? union(gap, b) : b, region: i });
      }
    }
  });
  return { extra, taken, crossing, marks };
}

/** Why the page cannot be cut: a drawing on a withheld line that also meets released text. */
export function crossingReasons(line: LineDrawings, drawings: readonly Drawing[]): { reason: 'line-drawing'; detail: string }[] {
  const kinds = new Set([...line.crossing].map((k) => drawings[k]!.kind));
  return [...kinds].map((kind) => ({ reason: 'line-drawing' as const, detail: `${kind === 'path' ? 'a path that could be lettering' : `an ${kind}`} lies on a withheld line beside its characters and on released text too` }));
}

/** The warnings for the drawings taken: each image by name, the paths counted (not a bullet: {@link isMark}). */
export function lineWarnings(pageIndex: number, line: LineDrawings, drawings: readonly Drawing[]): string[] {
  const out: string[] = [];
  let paths = 0;
  for (const k of line.taken) {
    const d = drawings[k]!;
    if (d.kind === 'path') {
      if (!line.marks.has(k)) paths++;
    }
    else out.push(`page ${pageIndex + 1}: ${d.kind}${d.name ? ` /${d.name}` : ''} drawn on a withheld line, beside its withheld characters, was removed with them; review the page before release`);
  }
  if (paths > 0) out.push(`page ${pageIndex + 1}: ${paths} shape(s) drawn on withheld lines, beside their withheld characters (text drawn as shapes?), were removed with them; review the page before release`);
  return out;
}
