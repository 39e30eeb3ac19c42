/**
 * Figures of withheld captions. Under CAPCO a figure's caption carries its portion mark: the mark
 * covers the figure. An image drawn directly above or below a withheld portion's first or last
 * line is that portion's figure, and is withheld with it (fail closed): a Chromium page's centred
 * `<img>` over `(S//NF) Figure 1: … collection site map.` was released as drawn, only its caption
 * boxed (probe 60c F3).
 *
 * An image (an image XObject or an inline image, taller than two lines of the caption) belongs to
 * a withheld line when
 * - the line lies above or below it, within one and a half of its font size, overlapping it
 *   horizontally, and is the nearest line on that side (no text between them);
 * - the nearest line on the other side, if any, does not decide otherwise: a released line
 *   centred on the figure where the withheld one is not, or nearer by more than half a line,
 *   makes it the released caption's figure, which stays as drawn (with the `pdf-unread` warning);
 *   when neither is decided (equally near, both or neither centred) the figure is withheld, with
 *   a warning;
 * - no released text lies on it (a label over a map): such a figure stays, with a warning.
 *
 * Vector drawings are not taken: a drawing is many paths (a chart's bars, its axes, its lettering
 * as outlines, a sidebar's frame and shading) and which of them make one figure is not known here;
 * one path taller than two lines is a frame or a background far more often than a figure. Their
 * lettering is reported by the `pdf-unread` warning (text drawn as shapes).
 */
import type { PdfLayout } from './layout/index.js';
import { contains, type Rect } from './geometry.js';

/** A withheld region: its page and rectangle. */
export interface CaptionRegion {
  readonly page: number;
  readonly rect: readonly [number, number, number, number];
}

/** A figure withheld with the portion of region `region` (an index into the regions given). */
export interface FigureRegion {
  readonly page: number;
  readonly rect: [number, number, number, number];
  readonly region: number;
}

/** A text line of the page as this test sees it: its extent, font size, and whether it is withheld. */
interface Line {
  readonly x0: number;
  readonly x1: number;
  readonly bottom: number;
  readonly top: number;
  readonly size: number;
  /** Indices of the regions holding its withheld characters, and how many of its characters are released. */
  readonly regions: readonly number[];
  readonly released: number;
}

/** A drawn image of the page. */
interface Figure {
  readonly what: string;
  readonly bbox: Rect;
}

/** The nearest line on one side of a figure, and its gap. */
interface Side {
  readonly line: Line;
  readonly gap: number;
}

/** The lines of page `page` with their withheld regions (characters whose box centre lies in one). */
function pageLines(layout: PdfLayout, page: number, regions: readonly CaptionRegion[]): Line[] {
  const own = regions.map((r, i) => ({ r, i })).filter((x) => x.r.page === page);
  const out: Line[] = [];
  for (const l of layout.lines) {
    if (l.page !== page) continue;
    let x0 = Infinity, x1 = -Infinity, released = 0;
    const held = new Set<number>();
    for (let i = l.start; i < l.end; i++) {
      const a = layout.boxes[4 * i]!;
      if (Number.isNaN(a) || layout.text[i]!.trim() === '') continue;
      const b = layout.boxes[4 * i + 2]!;
      const cx = (a + b) / 2, cy = (layout.boxes[4 * i + 1]! + layout.boxes[4 * i + 3]!) / 2;
      x0 = Math.min(x0, a);
      x1 = Math.max(x1, b);
      const hit = own.find(({ r }) => cx >= r.rect[0] - 0.5 && cx <= r.rect[2] + 0.5 && cy >= r.rect[1] - 0.5 && cy <= r.rect[3] + 0.5);
      if (hit) held.add(hit.i);
      else released++;
    }
    if (x0 <= x1) out.push({ x0, x1, bottom: l.y - 0.2 * l.size, top: l.y + 0.75 * l.size, size: l.size, regions: [...held], released });
  }
  return out;
}

/** The nearest line above (`up`) or below the figure, overlapping it horizontally, within 1.5 of its size. */
function nearest(lines: readonly Line[], b: Rect, up: boolean): Side | null {
  let best: Side | null = null;
  for (const line of lines) {
    if (Math.min(line.x1, b[2]) - Math.max(line.x0, b[0]) < 1) continue;
    const gap = up ? line.bottom - b[3] : b[1] - line.top;
    if (gap < -0.5 * line.size || gap > 1.5 * line.size) continue;
    if (!best || gap < best.gap) best = { line, gap };
  }
  return best;
}

/** Whether released text lies on the figure (a line overlapping it both ways, by half its height). */
function carriesReleased(lines: readonly Line[], b: Rect): boolean {
  return lines.some((l) => l.released > 0 && Math.min(l.x1, b[2]) - Math.max(l.x0, b[0]) >= 1 && Math.min(l.top, b[3]) - Math.max(l.bottom, b[1]) > 0.5 * (l.top - l.bottom));
}

/** Whether the line is centred on the figure. */
function centred(l: Line, b: Rect): boolean {
  return Math.abs((l.x0 + l.x1) / 2 - (b[0] + b[2]) / 2) <= Math.max(3, 0.03 * (b[2] - b[0]));
}

/** The withheld side that takes the figure, whether that was undecided, or null when it stays. */
function decide(above: Side | null, below: Side | null, b: Rect): { side: Side; undecided: boolean } | null {
  const held = (s: Side | null): boolean => s !== null && s.line.regions.length > 0;
  const heldSides = [above, below].filter((s): s is Side => held(s)).sort((x, y) => x.gap - y.gap);
  if (heldSides.length === 0) return null;
  const side = heldSides[0]!;
  const mixed = side.line.released > 0;
  const other = side === above ? below : above;
  if (!other || held(other)) return { side, undecided: mixed };
  // A released line on the other side: centring decides, then nearness by half a line.
  const [c, o] = [centred(side.line, b), centred(other.line, b)];
  if (o && !c) return null;
  if (c && !o) return { side, undecided: mixed };
  if (other.gap + 0.5 * other.line.size < side.gap) return null;
  if (side.gap + 0.5 * side.line.size < other.gap) return { side, undecided: mixed };
  return { side, undecided: true };
}

/** The images of page `page` (not those inside a region already), named for the warnings. */
function pageFigures(layout: PdfLayout, page: number, regions: readonly CaptionRegion[]): Figure[] {
  const content = layout.parsed?.pages[page];
  if (!content) return [];
  const all: Figure[] = [...content.images.map((im) => ({ what: `image /${im.name}`, bbox: im.bbox })), ...content.inlineImages.map((im) => ({ what: 'an inline image', bbox: im.bbox }))];
  return all.filter((f) => !regions.some((r) => r.page === page && contains(r.rect as Rect, f.bbox, 0.5)));
}

/**
 * The figures of withheld captions (see the module's comment), and the warnings that name them.
 *
 * @param layout The text layer, with the pages it interpreted.
 * @param regions The withheld portions' regions (never a replaced banner or a redacted span: a
 *   figure next to a released caption with a span redacted stays).
 */
export function captionFigures(layout: PdfLayout, regions: readonly CaptionRegion[]): { figures: FigureRegion[]; warnings: string[] } {
  const figures: FigureRegion[] = [];
  const warnings: string[] = [];
  const pages = new Set(regions.map((r) => r.page));
  for (const page of [...pages].sort((a, b) => a - b)) {
    const candidates = pageFigures(layout, page, regions);
    if (candidates.length === 0) continue;
    const lines = pageLines(layout, page, regions);
    for (const f of candidates) {
      const b = f.bbox;
      const above = nearest(lines, b, true), below = nearest(lines, b, false);
      const d = decide(above, below, b);
      if (!d || b[3] - b[1] <= 2 * d.side.line.size) continue;
      const where = d.side === above ? 'under' : 'over';
      if (carriesReleased(lines, b)) {
        warnings.push(`page ${page + 1}: ${f.what} ${where} a withheld portion's line (its caption?) carries released text and was kept as drawn; review it before release`);
        continue;
      }
      figures.push({ page, rect: [b[0] - 0.5, b[1] - 0.5, b[2] + 0.5, b[3] + 0.5], region: d.side.line.regions[0]! });
      warnings.push(d.undecided
        ? `page ${page + 1}: ${f.what} lies between withheld and released text and which is its caption cannot be told; it was withheld with the withheld text (fail closed): review the page`
        : `page ${page + 1}: ${f.what} ${where} a withheld portion's line is that portion's figure (a caption's mark covers its figure) and was withheld with it; review the page before release`);
    }
  }
  return { figures, warnings };
}
