/**
 * A stamp on every page of a redacted PDF (the release banner and disposition, `UNCLASSIFIED -
 * RELEASE IN PART B1, 1.4(C)`, or `PENDING REVIEW - NOT FOR RELEASE` for a document a reviewer
 * must still decide): one line of red Helvetica, centred in the top margin of the page as it is
 * displayed (its /Rotate applied), above everything the page shows; and, drawn with it, a stroke
 * through each declassified portion's mark.
 *
 * Where it goes: the margin is what lies between the page's edge and the nearest text, image or
 * withheld region (paths are left out: a page-size background fill would leave no margin at all).
 * The top margin is used when it holds the stamp at 6 pt or more, else the bottom one, else the
 * top edge of the page whatever it covers. The stamp never lands in a withheld region unless
 * neither margin can hold it.
 *
 * How it is drawn: the page's content runs inside q … Q (with whatever text object or path it
 * leaves open closed, and as many extra q as it pops), so no state it sets can reach the stamp,
 * which sets its own. The font goes into a copy of the page's resources.
 */
import { PdfDict, PdfStream, lookupDict, resolve, type PdfObjects, type PdfRef, type PdfValue } from '../objects/model.js';
import { interpretPage, pageContentBytes, type PageContent, type StreamInstance } from '../content/interpret.js';
import { apply, invert, transformBoxInto, transformRect, type Matrix, type Rect } from '../geometry.js';
import { formatNumber, formatString } from '../objects/write.js';
import { UnsurePageError } from '../errors.js';
import { labelText, textWidth } from './boxes.js';
import type { Allocate } from './page.js';

/** Largest and smallest font size of the stamp, in points. */
const STAMP_MAX_SIZE = 10;
const STAMP_MIN_SIZE = 6;
/** Helvetica's ascent and descent (per 1 pt of size): the height a line of it needs. */
const ASCENT = 0.718;
const DESCENT = 0.207;
/** Space kept between the stamp and the page edge or the nearest content, in points. */
const PAD = 2;
const STAMP_RGB = '0.8 0 0';

/** Largest space between the stamp and the page's edge, in points (in a wide margin it stays near the edge). */
const MAX_EDGE_GAP = 18;

/** Space between the page's edge and a stamp of `size` in a margin of `margin` points: centred, at most MAX_EDGE_GAP. */
function edgeGap(margin: number, size: number): number {
  return Math.min(MAX_EDGE_GAP, (margin - (ASCENT + DESCENT) * size) / 2);
}

/** The page as displayed: its width and height, and the matrix from display space (origin at the bottom left of the displayed page, y up) to user space. */
export interface DisplayFrame {
  readonly width: number;
  readonly height: number;
  readonly toUser: Matrix;
}

/**
 * The display frame of a page whose visible box is `box` (user space) and whose /Rotate is
 * `rotate` (0, 90, 180 or 270 degrees clockwise, as listPages normalises it).
 */
export function displayFrame(box: Rect, rotate: number): DisplayFrame {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0;
  const h = y1 - y0;
  switch (rotate) {
    case 90:
      return { width: h, height: w, toUser: [0, 1, -1, 0, x1, y0] };
    case 180:
      return { width: w, height: h, toUser: [-1, 0, 0, -1, x1, y1] };
    case 270:
      return { width: h, height: w, toUser: [0, -1, 1, 0, x0, y1] };
    default:
      return { width: w, height: h, toUser: [1, 0, 0, 1, x0, y0] };
  }
}

/** Where the stamp goes: its font size and its text matrix in user space. */
export interface StampPlacement {
  readonly size: number;
  readonly textMatrix: Matrix;
  /** 'top', 'bottom', or 'edge' (neither margin could hold it: at the top edge, over what is there). */
  readonly where: 'top' | 'bottom' | 'edge';
  /** Its extent in user space. */
  readonly rect: Rect;
}

/**
 * Place a stamp of `text` on a page, given the rectangles (user space) of what the page shows and
 * must not be covered: centred horizontally, in the middle of the top margin (or the bottom one),
 * at most MAX_EDGE_GAP from the page's edge.
 */
export function placeStamp(text: string, frame: DisplayFrame, occupied: readonly Rect[]): StampPlacement {
  const extent = new ContentExtent(frame);
  for (const r of occupied) extent.add(r[0], r[1], r[2], r[3]);
  return placeStampIn(text, frame, extent);
}

/**
 * How high and how low what a page shows reaches, in display space, over the boxes added (user
 * space): what lies off the page does not count (it leaves the margin free). Boxes are added as
 * numbers, so that a page's glyphs need no array each.
 */
class ContentExtent {
  top = 0;
  bottom: number;
  private readonly toDisplay: Matrix;
  private readonly box = new Float64Array(4);

  constructor(private readonly frame: DisplayFrame) {
    this.toDisplay = invert(frame.toUser)!;
    this.bottom = frame.height;
  }

  add(x0: number, y0: number, x1: number, y1: number): void {
    const d = this.box;
    transformBoxInto(d, this.toDisplay, x0, y0, x1, y1);
    if (d[2]! <= 0 || d[0]! >= this.frame.width || d[3]! <= 0 || d[1]! >= this.frame.height) return;
    this.top = Math.max(this.top, d[3]!);
    this.bottom = Math.min(this.bottom, d[1]!);
  }
}

/** {@link placeStamp} given the extent of what the page shows. */
function placeStampIn(text: string, frame: DisplayFrame, extent: ContentExtent): StampPlacement {
  let top = extent.top;
  let bottom = extent.bottom;
  if (top === 0 && bottom === frame.height) {
    top = frame.height / 2;
    bottom = frame.height / 2;
  }
  const label = labelText(text).text;
  const widthAt1 = Math.max(1e-6, textWidth(label, 1));
  const fitWidth = (frame.width - 2 * PAD) / widthAt1;
  const fit = (margin: number): number => Math.min(STAMP_MAX_SIZE, fitWidth, (margin - 2 * PAD) / (ASCENT + DESCENT));
  const topMargin = frame.height - top;
  const bottomMargin = bottom;
  let size: number;
  let baseline: number;
  let where: StampPlacement['where'];
  if (fit(topMargin) >= STAMP_MIN_SIZE) {
    size = fit(topMargin);
    baseline = frame.height - edgeGap(topMargin, size) - ASCENT * size;
    where = 'top';
  } else if (fit(bottomMargin) >= STAMP_MIN_SIZE) {
    size = fit(bottomMargin);
    baseline = edgeGap(bottomMargin, size) + DESCENT * size;
    where = 'bottom';
  } else {
    size = Math.min(STAMP_MIN_SIZE, fitWidth);
    baseline = frame.height - PAD - ASCENT * size;
    where = 'edge';
  }
  const width = widthAt1 * size;
  const x = (frame.width - width) / 2;
  const [a, b, c, d] = frame.toUser;
  const [e, f] = apply(frame.toUser, x, baseline);
  const rect = transformRect(frame.toUser, [x, baseline - DESCENT * size, x + width, baseline + ASCENT * size]);
  return { size, textMatrix: [a, b, c, d, e, f], where, rect };
}

/**
 * Content that draws the stamp in red, setting every text state parameter it relies on.
 *
 * @param fontName The resource name of the Helvetica font on the page.
 */
export function stampContent(text: string, fontName: string, placement: StampPlacement): string {
  if (text === '') return ''; // strokes only (a page with declassified marks and no stamp)
  const f = formatNumber;
  const m = placement.textMatrix.map(f).join(' ');
  const str = formatString(new TextEncoder().encode(labelText(text).text), false);
  return `q ${STAMP_RGB} rg 0 Tr 0 Tc 0 Tw 100 Tz 0 Ts BT /${fontName} ${f(placement.size)} Tf ${m} Tm ${str} Tj ET Q\n`;
}

/**
 * Content that lines through each rectangle (a declassified portion's mark): one black stroke
 * across it, a little below the middle (through the capitals of `(S//SI)`), setting every
 * graphics state parameter it relies on.
 */
export function strikeContent(rects: readonly Rect[]): string {
  if (rects.length === 0) return '';
  const f = formatNumber;
  let s = 'q 0 G 0.8 w 0 J [] 0 d\n';
  for (const [x0, y0, x1, y1] of rects) {
    const y = y0 + (y1 - y0) * 0.45;
    s += `${f(x0)} ${f(y)} m ${f(x1)} ${f(y)} l\n`;
  }
  return s + 'S Q\n';
}

/**
 * What goes before and after the content of `main` so that it runs inside q … Q: as many extra q
 * as it pops more than it pushes, and after it, whatever closes the path, text object and marked
 * content it leaves open, and every Q it still owes.
 */
function closing(main: StreamInstance): { head: string; tail: string; openMarked: number } {
  const extraQ = Math.max(0, -main.minDepth);
  let inText = false;
  let inPath = false;
  // Open marked-content sequences: whether each was opened inside the text object.
  const marked: boolean[] = [];
  for (const o of main.ops) {
    if (o.op === 'BT') inText = true;
    else if (o.op === 'ET') inText = false;
    else if (o.op === 'BMC' || o.op === 'BDC') marked.push(inText);
    else if (o.op === 'EMC') marked.pop();
    else if (['m', 're', 'l', 'c', 'v', 'y'].includes(o.op)) inPath = true;
    else if (['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n'].includes(o.op)) inPath = false;
  }
  let tail = '\n';
  if (inPath) tail += 'n\n';
  // Marked content left open would take the stamp in (an /ActualText span would replace its text).
  const insideText = inText ? marked.filter((m) => m).length : 0;
  tail += 'EMC\n'.repeat(insideText);
  if (inText) tail += 'ET\n';
  tail += 'EMC\n'.repeat(marked.length - insideText);
  tail += 'Q\n'.repeat(Math.max(1, 1 + extraQ + main.endDepth));
  return { head: 'q\n'.repeat(1 + extraQ), tail, openMarked: marked.length };
}

/** A page to stamp. */
export interface StampPageInput {
  /** 0-based. */
  readonly index: number;
  /** The original page's content and resources (what the page showed before redaction). */
  readonly originalContents: PdfValue | undefined;
  readonly originalResources: PdfDict | undefined;
  /** The page's visible box (crop box, else media box) and /Rotate. */
  readonly box: Rect;
  readonly rotate: number;
  /** The page's withheld regions. */
  readonly regions: readonly Rect[];
  /** The page's content and resources in the release so far. */
  readonly contents: PdfValue | undefined;
  readonly resources: PdfDict | undefined;
  /** Rectangles (user space) to line through: the marks of declassified portions. */
  readonly strikes?: readonly Rect[];
  /** True when `contents` already runs its drawing inside balanced q … Q (a redacted or rasterised page). */
  readonly balanced: boolean;
  /** The original page's content as already interpreted (by the redaction of the page), if it was. */
  readonly interpreted?: PageContent;
}

/**
 * Stamp one page: its new /Contents (an array: the page's content wrapped in q … Q, then the
 * stamp) and a copy of its resources with the font added.
 *
 * @throws UnsurePageError when the page's content cannot be decoded (its state at the end, and
 *   so a safe place to draw the stamp, cannot be known).
 */
export function stampPage(objs: PdfObjects, page: StampPageInput, text: string, font: PdfRef, allocate: Allocate): { contents: PdfValue; resources: PdfDict; placement: StampPlacement } {
  const bytes = page.interpreted ? null : pageContentBytes(objs, page.originalContents);
  // A rasterised page may be one whose content could not be decoded: its regions are all that is known.
  if (!page.interpreted && bytes === null && !page.balanced) throw new UnsurePageError(page.index, 'unknown-filter', 'a content stream of the page cannot be decoded, so the page cannot be stamped');
  const content = page.interpreted ?? (bytes === null ? null : interpretPage(objs, bytes, page.originalResources, page.box));
  const frame = displayFrame(page.box, page.rotate);
  const pageArea = frame.width * frame.height;
  const extent = new ContentExtent(frame);
  for (const r of page.regions) extent.add(r[0], r[1], r[2], r[3]);
  if (content) {
    for (const g of content.glyphs) if (g.visible) extent.add(g.fx0, g.fy0, g.fx1, g.fy1);
    for (const im of [...content.images, ...content.inlineImages]) {
      // A page-size picture (a background, a scan under its text) is not a margin's content.
      if ((im.bbox[2] - im.bbox[0]) * (im.bbox[3] - im.bbox[1]) < 0.5 * pageArea) extent.add(im.bbox[0], im.bbox[1], im.bbox[2], im.bbox[3]);
    }
  }
  const placement = placeStampIn(text, frame, extent);

  const resources = page.resources?.clone() ?? new PdfDict();
  const fonts = lookupDict(objs, resources, 'Font')?.clone() ?? new PdfDict();
  let fontName = 'DeclassStamp';
  for (let k = 1; fonts.has(fontName); k++) fontName = `DeclassStamp${k}`;
  fonts.set(fontName, font);
  resources.set('Font', fonts);

  const stream = (s: string): PdfRef => allocate(new PdfStream(new PdfDict(), Buffer.from(s, 'latin1')));
  // /Contents is a stream or an array of streams (possibly behind a reference).
  const resolved = resolve(objs, page.contents);
  const list: PdfValue[] = Array.isArray(resolved) ? [...resolved] : page.contents === undefined || resolved === undefined || resolved === null ? [] : [page.contents];
  const stampText = stampContent(text, fontName, placement) + strikeContent(page.strikes ?? []);
  let contents: PdfValue[];
  if (page.balanced) {
    // A redacted page's content is the original's, edited: marked content it leaves open is closed first.
    const open = page.interpreted ? closing(page.interpreted.streams[0]!).openMarked : 0;
    contents = [...list, stream(`\n${'EMC\n'.repeat(open)}${stampText}`)];
  }
  else {
    // The release keeps the page's content as it is; it only gains a q before and the closing after.
    const { head, tail } = closing(content!.streams[0]!);
    contents = [stream(head), ...list, stream(tail + stampText)];
  }
  return { contents, resources, placement };
}
