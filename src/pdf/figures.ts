/**
 * Figures of withheld captions. Under CAPCO a figure's caption carries its portion mark: the mark
 * covers the figure. An image drawn next to a withheld portion's line is that portion's figure,
 * and is withheld with it (fail closed): a Chromium page's centred `<img>` over `(S//NF) Figure 1:
 * … collection site map.` was released as drawn, only its caption boxed (probe 60c F3).
 *
 * A figure is an image (an image XObject or an inline image, where it shows within its clip), or
 * images abutting edge to edge along a common side (a scanner's or a writer's strips, tiles), taller
 * than two lines of its caption. Its caption is sought among the nearest line on each side (above,
 * below, left, right), within a block gap (two and a half lines of that line's size), overlapping
 * it across (a line beside it has its middle within the figure's height): no text lies between.
 * A line whose words say it is a caption (below) counts anywhere in that gap; any other line only
 * over or under the figure, within one and a half lines. The lines beside a figure are most often
 * the text set around it, or a title beside a logo, and the line two lines under a logo is the
 * article's first (SIDtoday's masthead: 20 of 152 logos were taken with a wider gap).
 * - No withheld line among them: the figure stays as drawn (with the `pdf-unread` warning).
 * - Only withheld lines: the nearest one's portion takes it.
 * - Withheld and released lines: a line whose own words say it is a caption (`Figure`, `Photo`,
 *   `Image`, `Source:`, `Credit` after its mark) decides. A withheld one takes the figure unless a
 *   released one says so too (then it is undecided); a released caption nearer by more than half
 *   a line than the withheld line keeps the figure; neither a caption, a released line nearer by
 *   more than half a line keeps it. Every other case is undecided: the figure is withheld, with a
 *   warning. Centring decides nothing: a heading centred over a figure is no more its caption than
 *   the caption set flush left under it (probe 60e d5b).
 * - Released text lying on the figure (a label over a map): the figure stays, with a warning.
 *
 * Vector drawings are not taken: a drawing is many paths (a chart's bars, its axes, its lettering
 * as outlines, a sidebar's frame and shading) and which of them make one figure is not known here;
 * one path taller than two lines is a frame or a background far more often than a figure. Their
 * lettering is reported by the `pdf-unread` warning (text drawn as shapes).
 */
import type { PdfLayout } from './layout/index.js';
import { contains, union, type Rect } from './geometry.js';

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

/** A text line of the page as this test sees it: its extent, font size, whether it is withheld, and whether it says it is a caption. */
interface Line {
  readonly x0: number;
  readonly x1: number;
  readonly bottom: number;
  readonly top: number;
  readonly size: number;
  /** Indices of the regions holding its withheld characters, and how many of its characters are released. */
  readonly regions: readonly number[];
  readonly released: number;
  /** Its words, after its portion mark, say it is a caption (see {@link CAPTION}). */
  readonly caption: boolean;
}

/** A figure of the page: one image, or abutting images (strips, tiles), named for the warnings. */
interface Figure {
  readonly what: string;
  readonly bbox: Rect;
}

/** Where a line lies from a figure. */
type Direction = 'above' | 'below' | 'left' | 'right';

/** The nearest line on one side of a figure, and its gap. */
interface Side {
  readonly line: Line;
  readonly gap: number;
  readonly direction: Direction;
}

/** A line whose words say it is a caption: after an optional portion mark, one of these words. */
const CAPTION = /^\s*(?:\([^()]{1,40}\)\s*)?(?:fig(?:ure)?\b|photo|image\b|source\s*:|credit)/i;

/** How far from a figure its caption is sought, in lines of the caption's size: a block gap. */
const CAPTION_GAP_LINES = 2.5;

/** How far a line whose words do not say it is a caption may be, in lines of its size. */
const NEAR_LINES = 1.5;

/** Abutting images: edges this near (points) meet. */
const ABUT_PT = 1;

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
    const caption = CAPTION.test(layout.text.slice(l.start, l.end));
    if (x0 <= x1) out.push({ x0, x1, bottom: l.y - 0.2 * l.size, top: l.y + 0.75 * l.size, size: l.size, regions: [...held], released, caption });
  }
  return out;
}

/** The gap from figure `b` to `line` in `direction`, or null when the line is not on that side (not across from it). */
function gapTo(line: Line, b: Rect, direction: Direction): number | null {
  if (direction === 'above' || direction === 'below') {
    if (Math.min(line.x1, b[2]) - Math.max(line.x0, b[0]) < 1) return null;
    return direction === 'above' ? line.bottom - b[3] : b[1] - line.top;
  }
  const middle = (line.bottom + line.top) / 2;
  if (middle < b[1] || middle > b[3]) return null;
  return direction === 'right' ? line.x0 - b[2] : b[0] - line.x1;
}

/** The nearest line on side `direction` of the figure, within a block gap of it. */
function nearest(lines: readonly Line[], b: Rect, direction: Direction): Side | null {
  let best: Side | null = null;
  for (const line of lines) {
    const gap = gapTo(line, b, direction);
    if (gap === null || gap < -0.5 * line.size || gap > CAPTION_GAP_LINES * line.size) continue;
    if (!best || gap < best.gap) best = { line, gap, direction };
  }
  return best;
}

/**
 * Whether the nearest line on a side is a candidate caption: one whose words say so within the block
 * gap, any line over or under the figure within one and a half lines (the module's comment).
 */
function counts(s: Side): boolean {
  if (s.line.caption) return true;
  return (s.direction === 'above' || s.direction === 'below') && s.gap <= NEAR_LINES * s.line.size;
}

/** Whether released text lies on the figure (a line overlapping it both ways, by half its height). */
function carriesReleased(lines: readonly Line[], b: Rect): boolean {
  return lines.some((l) => l.released > 0 && Math.min(l.x1, b[2]) - Math.max(l.x0, b[0]) >= 1 && Math.min(l.top, b[3]) - Math.max(l.bottom, b[1]) > 0.5 * (l.top - l.bottom));
}

/** The withheld side that takes the figure, whether that was undecided, or null when it stays (the module's comment). */
function decide(sides: readonly Side[]): { side: Side; undecided: boolean } | null {
  const byGap = [...sides].sort((x, y) => x.gap - y.gap);
  const held = byGap.filter((s) => s.line.regions.length > 0);
  if (held.length === 0) return null;
  const side = held.find((s) => s.line.caption) ?? held[0]!;
  const mixed = side.line.released > 0;
  const released = byGap.filter((s) => s.line.regions.length === 0);
  if (released.length === 0) return { side, undecided: mixed };
  if (side.line.caption) return { side, undecided: mixed || released.some((s) => s.line.caption) };
  if (released.some((s) => s.gap + 0.5 * s.line.size < side.gap)) return null;
  return { side, undecided: true };
}

/** Whether images `a` and `b` abut edge to edge along a common side (strips of one figure). */
function abut(a: Rect, b: Rect): boolean {
  const near = (x: number, y: number): boolean => Math.abs(x - y) <= ABUT_PT;
  const stacked = near(a[0], b[0]) && near(a[2], b[2]) && (near(a[3], b[1]) || near(b[3], a[1]));
  const sideBySide = near(a[1], b[1]) && near(a[3], b[3]) && (near(a[2], b[0]) || near(b[2], a[0]));
  return stacked || sideBySide;
}

/** Images abutting one another joined into one figure (in drawing order; each image in one figure). */
function joinAbutting(images: readonly Figure[]): Figure[] {
  const groups: Figure[][] = [];
  for (const im of images) {
    const touching = groups.filter((g) => g.some((m) => abut(m.bbox, im.bbox)));
    const merged = [...touching.flat(), im];
    for (const g of touching) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  return groups.map((g) => g.length === 1 ? g[0]! : {
    what: `${g.length} abutting images (${[...new Set(g.map((m) => m.what))].join(', ')})`,
    bbox: g.slice(1).reduce<Rect>((r, m) => [Math.min(r[0], m.bbox[0]), Math.min(r[1], m.bbox[1]), Math.max(r[2], m.bbox[2]), Math.max(r[3], m.bbox[3])], g[0]!.bbox),
  });
}

/** The figures of page `page` (not those inside a region already), named for the warnings. */
function pageFigures(layout: PdfLayout, page: number, regions: readonly CaptionRegion[]): Figure[] {
  const content = layout.parsed?.pages[page];
  if (!content) return [];
  const all: Figure[] = [...content.images.map((im) => ({ what: `image /${im.name}`, bbox: im.bbox })), ...content.inlineImages.map((im) => ({ what: 'an inline image', bbox: im.bbox }))];
  return joinAbutting(all.filter((f) => !regions.some((r) => r.page === page && contains(r.rect as Rect, f.bbox, 0.5))));
}

/** How the warnings say where the figure lies from its caption. */
const WHERE: Record<Direction, string> = { above: 'under', below: 'over', left: 'right of', right: 'left of' };

/**
 * The figures of withheld captions (see the module's comment), and the warnings that name them.
 *
 * @param layout The text layer, with the pages it interpreted.
 * @param regions The withheld portions' regions (never a replaced banner or a redacted span: a
 *   figure next to a released caption with a span redacted stays).
 * @returns `unread`: the warnings for vector drawings over withheld captions, kept (see drawingsOverCaptions).
 */
export function captionFigures(layout: PdfLayout, regions: readonly CaptionRegion[]): { figures: FigureRegion[]; warnings: string[]; unread: string[] } {
  const figures: FigureRegion[] = [];
  const warnings: string[] = [];
  const pages = new Set(regions.map((r) => r.page));
  for (const page of [...pages].sort((a, b) => a - b)) {
    const candidates = pageFigures(layout, page, regions);
    if (candidates.length === 0) continue;
    const lines = pageLines(layout, page, regions);
    for (const f of candidates) {
      const b = f.bbox;
      const sides = (['above', 'below', 'left', 'right'] as const).map((d) => nearest(lines, b, d)).filter((s): s is Side => s !== null && counts(s));
      const d = decide(sides);
      if (!d || b[3] - b[1] <= 2 * d.side.line.size) continue;
      const where = WHERE[d.side.direction];
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
  const unread = [...pages].sort((a, b) => a - b).flatMap((page) => drawingsOverCaptions(layout, page, regions));
  return { figures, warnings, unread };
}

/**
 * The warnings for vector drawings beside a withheld caption of page `page` (see drawnFigure), one
 * per caption and side. They are kept (see the module's comment), but not silently: a chart drawn
 * as shapes (Chromium's SVG, a deck's or spreadsheet's chart) over `(S//NF) Figure 2: …` went out
 * whole, with its caption boxed and nothing said, where the same chart as an image was withheld
 * with a warning (probe 66b, F2).
 */
function drawingsOverCaptions(layout: PdfLayout, page: number, regions: readonly CaptionRegion[]): string[] {
  const content = layout.parsed?.pages[page];
  if (!content) return [];
  const captions = pageLines(layout, page, regions).filter((l) => l.caption && l.released === 0 && l.regions.length > 0);
  const shapes = content.paths.filter((p) => p.inked && !p.clip).map((p) => p.bbox);
  const out: string[] = [];
  for (const c of captions) {
    for (const side of ['above', 'below'] as const) {
      const n = drawnFigure(shapes, c, side);
      if (n > 0) out.push(`page ${page + 1}: ${n} drawn shape(s) ${side === 'above' ? 'over' : 'under'} a withheld caption (a chart or figure drawn as vector paths: which paths make the figure is not known, so they are not taken with it) kept as drawn; review them before release`);
    }
  }
  return out;
}

/** How far, in lines of its caption, a drawing's nearest shape may lie: a chart's plot area leaves room round its bars. */
const DRAWING_GAP_LINES = 4;

/**
 * How many inked shapes (`shapes`, never a clip) make a drawing on side `side` of caption `c`: the
 * shapes across from it (overlapping it across) whose nearest edge lies within DRAWING_GAP_LINES of it
 * (touching it, or up to half a line into its band), and with them every shape of that side within
 * CAPTION_GAP_LINES of what is taken (a chart's other bars, its axes), so long as they make
 * something taller than the caption's line; else 0. The shapes are judged together: a bar chart of
 * 7.5 pt bars under a 14 pt caption, and a chart under its caption (a slide's title over its chart),
 * were kept with nothing said when each shape was judged alone, and only over the caption (probe
 * 66f, 5). A rule under a caption alone is no drawing.
 */
function drawnFigure(shapes: readonly Rect[], c: Line, side: 'above' | 'below'): number {
  const em = c.size;
  const gap = (b: Rect): number => (side === 'above' ? b[1] - c.top : c.bottom - b[3]);
  const onSide = shapes.filter((b) => gap(b) >= -0.5 * em);
  const taken = onSide.map((b) => gap(b) <= DRAWING_GAP_LINES * em && Math.min(c.x1, b[2]) - Math.max(c.x0, b[0]) >= 1);
  let box: Rect | null = null;
  for (let k = 0; k < onSide.length; k++) if (taken[k]) box = box ? union(box, onSide[k]!) : onSide[k]!;
  if (!box) return 0;
  const reach = CAPTION_GAP_LINES * em;
  for (let grew = true; grew; ) {
    grew = false;
    for (let k = 0; k < onSide.length; k++) {
      const b = onSide[k]!;
      if (taken[k] || b[0] > box[2] + reach || b[2] < box[0] - reach || b[1] > box[3] + reach || b[3] < box[1] - reach) continue;
      taken[k] = true;
      box = union(box, b);
      grew = true;
    }
  }
  return box[3] - box[1] > em ? taken.filter((t) => t).length : 0;
}
