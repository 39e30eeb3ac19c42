/**
 * The content-stream interpreter: follows the graphics state (CTM, q/Q) and the text state (Tm,
 * Tlm, Tc, Tw, Tz, TL, Tf, Tr, Ts) through a page and the form XObjects it draws, and reports
 * what is drawn where, in the page's default user space:
 * - every shown glyph: the operation and string bytes that show it, its code, Unicode, advance,
 *   and its box (the advance width times the font's descent–ascent height, through
 *   [Tfs·Th 0 0 Tfs 0 Ts] × Tm × CTM), full and shrunk by 10% on each side as MuPDF does, so
 *   that neighbours that merely touch a region survive;
 * - every painted path (from its first construction operator to its painting operator), image
 *   XObject and inline image;
 * - marked-content spans (BMC/BDC … EMC) and their properties;
 * - "unsure" areas, where the rewriter cannot tell with certainty what is drawn (Type3 glyphs,
 *   fonts it cannot measure, clipping text, tiling patterns, soft masks with content, undecodable
 *   streams, too deep nesting). A withheld region that meets one of them fails closed.
 *
 * Each form XObject drawn is a separate stream instance (one per `Do`), so that a form drawn on
 * two pages, or twice on a page, can be edited per instance.
 */
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, dictOf, lookup, lookupDict, lookupName, numbers, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';
import { decodeStream, decodeToBytes } from '../objects/filters.js';
import { loadFont, type FontInfo } from '../font/font.js';
import type { UnsureReason } from '../errors.js';
import { IDENTITY, UNIT_SQUARE, apply, boxIntersects, intersection, matrixOf, rectOf, multiply, transformRect, union, type Matrix, type Rect } from '../geometry.js';
import { colourWhite, deviceWhite, initialColour, spaceFamily } from './colour.js';
import { parseContent, type Operation } from '../syntax/parse.js';
import { NO_PIECES, PathShape, filledRects, isRing, oneRect } from './subpaths.js';
import { ocHidden } from './optional.js';

/**
 * The text line matrix and leading after each line-positioning operation of a stream, by
 * operation index: seven numbers a line move in one growing array instead of an object, a matrix
 * and a map entry each (a producer that places every glyph with its own Td has one a glyph, and
 * they live as long as the page's reading).
 */
export class LineTable {
  private ops = new Int32Array(64);
  private values = new Float64Array(64 * 7);
  private count = 0;

  /** Records the state after operation `op` (operations come in increasing order; a repeated or earlier one is inserted in place). */
  set(op: number, tlm: Matrix, tl: number): void {
    let at = this.find(op);
    if (at < this.count && this.ops[at] === op) {
      this.write(at, tlm, tl);
      return;
    }
    if (this.count === this.ops.length) {
      const ops = new Int32Array(this.ops.length * 2);
      ops.set(this.ops);
      const values = new Float64Array(this.values.length * 2);
      values.set(this.values);
      this.ops = ops;
      this.values = values;
    }
    if (at < this.count) {
      this.ops.copyWithin(at + 1, at, this.count);
      this.values.copyWithin((at + 1) * 7, at * 7, this.count * 7);
    } else at = this.count;
    this.ops[at] = op;
    this.write(at, tlm, tl);
    this.count++;
  }

  /** The state after operation `op`, when it is a line move. */
  get(op: number): { readonly tlm: Matrix; readonly tl: number } | undefined {
    const at = this.find(op);
    if (at >= this.count || this.ops[at] !== op) return undefined;
    const v = this.values;
    const k = at * 7;
    return { tlm: [v[k]!, v[k + 1]!, v[k + 2]!, v[k + 3]!, v[k + 4]!, v[k + 5]!], tl: v[k + 6]! };
  }

  private write(at: number, tlm: Matrix, tl: number): void {
    const k = at * 7;
    for (let j = 0; j < 6; j++) this.values[k + j] = tlm[j]!;
    this.values[k + 6] = tl;
  }

  /** The first index whose operation is not below `op` (the common case, past the last, first). */
  private find(op: number): number {
    if (this.count === 0 || this.ops[this.count - 1]! < op) return this.count;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ops[mid]! < op) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** One content stream instance: the page's (id 0) or a form XObject's as drawn by one `Do`. */
export interface StreamInstance {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly ops: readonly Operation[];
  readonly resources: PdfDict | undefined;
  /** For a form instance: the form, the stream and operation that drew it, and the resource name used. */
  readonly form?: { readonly stream: PdfStream; readonly parent: number; readonly doOp: number; readonly name: string };
  /** Lowest q-depth reached (negative when the stream pops more than it pushed) and the depth at its end. */
  minDepth: number;
  endDepth: number;
  /** The text line matrix and leading after each line-positioning operation (Td, TD, T*, Tm, ', "), by operation index. */
  readonly lines: LineTable;
}

/** Why a glyph cannot be removed with certainty. */
export type GlyphUnsure = { readonly reason: UnsureReason; readonly detail: string };

/**
 * Where the table being filled keeps its glyphs: one pair of arrays for the process, grown to the
 * largest document and reused, since one table is filled at a time (interpretation is
 * synchronous). A table copies its glyphs out to arrays of their exact size when it is sealed,
 * or when another table takes the arrays. Fresh memory is costly here: every new page of memory
 * touched is a page fault (about 20 µs each on the virtual machines of the measurements), and
 * tables grown by doubling were 3% of a PDF batch's main thread.
 */
let scratchData = new Float64Array(0);
let scratchInts = new Int32Array(0);
let scratchOwner: GlyphTable | null = null;
/** Larger shared arrays (over 8 MB of numbers, some 80,000 glyphs) are not kept once their table is sealed. */
const MAX_KEPT_SCRATCH = 1024 * 1024;

/**
 * A document's (or a page's) glyphs, stored by column: numbers in one Float64Array (13 a glyph:
 * shrunk box (4), full box (4), origin (2), size, removal offset, code), small integers in one Int32Array
 * (10 a glyph: stream, operation, TJ part, byte span (2), render mode, flags (upright 1, has a
 * removal offset 2), its Unicode text, its open marked-content spans and its font as indices into
 * lists of the distinct ones); the rare unsure reasons by index. A page's glyphs live until its release is
 * written: whatever a glyph holds on the collected heap is copied by the young-generation
 * collector and then promoted (measured: 224 more bytes a glyph cost 7% of the time of 300 corpus
 * PDFs). A {@link GlyphEvent} is only the table and an index.
 */
export class GlyphTable {
  /** Numbers per glyph. */
  static readonly STRIDE = 13;
  /** Integers per glyph. */
  static readonly INTS = 10;
  data: Float64Array;
  ints: Int32Array;
  /** The distinct Unicode texts (index 0: none) and marked-content span lists the glyphs name. */
  readonly texts: (string | undefined)[] = [undefined];
  private readonly textIndex = new Map<string, number>();
  readonly markLists: (readonly number[])[] = [];
  /** The distinct fonts the glyphs are shown with (the release's font pass, redact/fonts.ts, reads them). */
  readonly fonts: FontInfo[] = [];
  readonly unsure = new Map<number, GlyphUnsure>();
  private count = 0;

  /**
   * The string being shown: glyph space to user space without the origin (Trm's a b c d), the
   * font's descent and ascent, the size ({@link beginRun}), and the glyph being added (origin e f,
   * advance w0, removal offset: {@link add}). Numbers go to the table through these typed arrays,
   * not as arguments: the glyph loop is too large for every call in it to be inlined, and each
   * number passed to a call that is not inlined was boxed on the heap (12 a glyph: measured, 190
   * of the 260 bytes a glyph the interpreter allocated).
   */
  readonly run = new Float64Array(7);
  readonly glyph = new Float64Array(4);
  /** The string's stream, operation, TJ part, render mode and upright flag. */
  private readonly runInts = new Int32Array(5);
  private runMarks = 0;
  private runFont = 0;

  /** A table filled in the shared arrays (the table that had them is sealed first). */
  constructor() {
    scratchOwner?.seal();
    scratchOwner = this;
    this.data = scratchData;
    this.ints = scratchInts;
  }

  /** Makes room for `more` glyphs besides those stored (at least doubling the room). */
  private reserve(more: number): void {
    const need = this.count + more;
    const room = this.data.length / GlyphTable.STRIDE;
    if (need <= room) return;
    const size = Math.max(need, 2 * room, 1024);
    const data = new Float64Array(size * GlyphTable.STRIDE);
    data.set(this.data.subarray(0, this.count * GlyphTable.STRIDE));
    this.data = data;
    const ints = new Int32Array(size * GlyphTable.INTS);
    ints.set(this.ints.subarray(0, this.count * GlyphTable.INTS));
    this.ints = ints;
    if (scratchOwner === this) {
      scratchData = data;
      scratchInts = ints;
    }
  }

  /** Ends the filling: the glyphs move to arrays of their own size and the shared ones are free for the next table. */
  seal(): void {
    if (scratchOwner !== this) return;
    this.data = this.data.slice(0, this.count * GlyphTable.STRIDE);
    this.ints = this.ints.slice(0, this.count * GlyphTable.INTS);
    scratchOwner = null;
    if (scratchData.length > MAX_KEPT_SCRATCH) {
      scratchData = new Float64Array(0);
      scratchInts = new Int32Array(0);
    }
  }

  /** How many glyphs it holds. */
  get size(): number {
    return this.count;
  }

  /** True when the shrunk box of glyph `at` meets `r` (what {@link GlyphEvent.meets} tells, read here without the glyph). */
  meets(at: number, r: Rect): boolean {
    const d = this.data, k = at * GlyphTable.STRIDE;
    return boxIntersects(d[k]!, d[k + 1]!, d[k + 2]!, d[k + 3]!, r);
  }

  /** Starts a string's glyphs: {@link run} holds its numbers. */
  beginRun(stream: number, op: number, part: number, renderMode: number, upright: boolean, marks: readonly number[], font: FontInfo, unseen = false): void {
    const r = this.runInts;
    r[0] = stream;
    r[1] = op;
    r[2] = part;
    r[3] = renderMode;
    r[4] = (upright ? 1 : 0) | (unseen ? 4 : 0);
    this.runMarks = this.marksOf(marks);
    this.runFont = this.fontOf(font);
  }

  /**
   * Stores one glyph of the current string ({@link glyph} holds its numbers); returns its index.
   * Its full box is glyph-space [0 desc w0 asc] through Trm = [a b c d e f], the shrunk box the
   * same less 10% on each side (as MuPDF tests glyphs against a region), its origin (e, f).
   */
  add(code: number, start: number, end: number, hasOffset: boolean, unicode: string | undefined, unsure: GlyphUnsure | undefined): number {
    const S = GlyphTable.STRIDE;
    const I = GlyphTable.INTS;
    if ((this.count + 1) * S > this.data.length) this.reserve(1);
    const run = this.run, gl = this.glyph;
    const a = run[0]!, b = run[1]!, c = run[2]!, d = run[3]!, desc = run[4]!, asc = run[5]!;
    const e = gl[0]!, f = gl[1]!, w0 = gl[2]!;
    const out = this.data;
    const k = this.count * S;
    const h = asc - desc;
    glyphRectInto(out, k, a, b, c, d, e, f, w0 * SHRINK, desc + h * SHRINK, w0 * (1 - SHRINK), asc - h * SHRINK);
    glyphRectInto(out, k + 4, a, b, c, d, e, f, 0, desc, w0, asc);
    out[k + 8] = e;
    out[k + 9] = f;
    out[k + 10] = run[6]!;
    out[k + 11] = gl[3]!;
    out[k + 12] = code;
    const ints = this.ints, r = this.runInts;
    const j = this.count * I;
    ints[j] = r[0]!;
    ints[j + 1] = r[1]!;
    ints[j + 2] = r[2]!;
    ints[j + 3] = start;
    ints[j + 4] = end;
    ints[j + 5] = r[3]!;
    ints[j + 6] = r[4]! | (hasOffset ? 2 : 0);
    ints[j + 7] = this.textOf(unicode);
    ints[j + 8] = this.runMarks;
    ints[j + 9] = this.runFont;
    if (unsure) this.unsure.set(this.count, unsure);
    return this.count++;
  }

  /** Sets flag `bit` (see GlyphFlag) of glyph `at`: it is clipped away or covered by later paint. */
  hide(at: number, bit: number): void {
    const k = at * GlyphTable.INTS + 6;
    this.ints[k] = this.ints[k]! | bit;
  }

  /** True when the shrunk box of glyph `at` lies within `r` (later opaque paint covers it). */
  within(at: number, r: Rect): boolean {
    const d = this.data, k = at * GlyphTable.STRIDE;
    return d[k]! >= r[0] && d[k + 1]! >= r[1] && d[k + 2]! <= r[2] && d[k + 3]! <= r[3];
  }

  /** True when the full box of glyph `at` lies wholly outside `r` (a clip). */
  outside(at: number, r: Rect): boolean {
    const d = this.data, k = at * GlyphTable.STRIDE;
    return d[k + 6]! <= r[0] || d[k + 4]! >= r[2] || d[k + 7]! <= r[1] || d[k + 5]! >= r[3];
  }

  private textOf(unicode: string | undefined): number {
    if (unicode === undefined) return 0;
    let i = this.textIndex.get(unicode);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(unicode);
      this.textIndex.set(unicode, i);
    }
    return i;
  }

  /** The index of `font`: a run's font is most often the last one's, so that is compared first. */
  private fontOf(font: FontInfo): number {
    const last = this.fonts.length - 1;
    if (last >= 0 && this.fonts[last] === font) return last;
    const i = this.fonts.indexOf(font);
    if (i >= 0) return i;
    this.fonts.push(font);
    return last + 1;
  }

  /** The index of `marks`: glyphs share one list until the open spans change (PageRun.markSnapshot), so only the last is compared. */
  private marksOf(marks: readonly number[]): number {
    const last = this.markLists.length - 1;
    if (last >= 0 && this.markLists[last] === marks) return last;
    this.markLists.push(marks);
    return last + 1;
  }
}

/**
 * A shown glyph: an index into its page's {@link GlyphTable}. The scalar getters (`x0` … `fy1`,
 * `ox`, `oy`) read without allocating; `box`, `full` and `origin` give new arrays, for the
 * callers that keep or pass one.
 */
export class GlyphEvent {
  constructor(
    private readonly table: GlyphTable,
    private readonly at: number,
  ) {}

  /** The content stream instance (0: the page's) and the operation that shows it. */
  get stream(): number {
    return this.int(0);
  }
  get op(): number {
    return this.int(1);
  }
  /** The element of the TJ array holding the string (0 for Tj, ' and "). */
  get part(): number {
    return this.int(2);
  }
  /** Byte span of the code in that string. */
  get start(): number {
    return this.int(3);
  }
  get end(): number {
    return this.int(4);
  }
  get code(): number {
    return this.number(12);
  }
  get unicode(): string | undefined {
    return this.table.texts[this.int(7)];
  }
  /** The TJ number that moves the pen as this glyph did (advance, Tc and Tw included); null when Tfs is 0. */
  get removalOffset(): number | null {
    return (this.int(6) & 2) !== 0 ? this.number(11) : null;
  }
  /** Text space is upright (no rotation or skew): rows can be told by baseline. */
  get upright(): boolean {
    return (this.int(6) & 1) !== 0;
  }
  get renderMode(): number {
    return this.int(5);
  }
  /**
   * It leaves no ink a reader sees: render mode 3 or 7, white or (nearly) transparent paint or a
   * soft mask that hides it (see GState.textUnseen), a height under {@link MIN_SEEN_SIZE}, wholly
   * outside the clip, or covered by opaque paint drawn after it (see {@link covered}). Its text is
   * still text.
   */
  get unseen(): boolean {
    return (this.int(6) & (4 | GlyphFlag.Clipped | GlyphFlag.Covered)) !== 0 || this.number(10) < MIN_SEEN_SIZE;
  }
  /** It lies wholly outside the clip. */
  get clipped(): boolean {
    return (this.int(6) & GlyphFlag.Clipped) !== 0;
  }
  /** An opaque rectangle or image drawn after it covers its (shrunk) box: PageContent.covers says which. */
  get covered(): boolean {
    return (this.int(6) & GlyphFlag.Covered) !== 0;
  }
  get marks(): readonly number[] {
    return this.table.markLists[this.int(8)]!;
  }
  /** The font it is shown with. */
  get font(): FontInfo {
    return this.table.fonts[this.int(9)]!;
  }
  get unsure(): GlyphUnsure | undefined {
    return this.table.unsure.get(this.at);
  }
  /** Shrunk box (for the intersection test), user space. */
  get box(): Rect {
    return rectOf(this.x0, this.y0, this.x1, this.y1);
  }
  /** Full box, user space. */
  get full(): Rect {
    return rectOf(this.fx0, this.fy0, this.fx1, this.fy1);
  }
  /** Origin in user space. */
  get origin(): readonly [number, number] {
    return [this.ox, this.oy];
  }
  /** The shrunk box's edges. */
  get x0(): number {
    return this.number(0);
  }
  get y0(): number {
    return this.number(1);
  }
  get x1(): number {
    return this.number(2);
  }
  get y1(): number {
    return this.number(3);
  }
  /** The full box's edges. */
  get fx0(): number {
    return this.number(4);
  }
  get fy0(): number {
    return this.number(5);
  }
  get fx1(): number {
    return this.number(6);
  }
  get fy1(): number {
    return this.number(7);
  }
  /** The origin's coordinates. */
  get ox(): number {
    return this.number(8);
  }
  get oy(): number {
    return this.number(9);
  }
  /** True when its shrunk box meets `r` (geometry.ts `intersects`). */
  meets(r: Rect): boolean {
    return this.table.meets(this.at, r);
  }
  /** It leaves ink: its render mode paints (not 3 or 7, invisible or clip only) and its text is not blank. */
  get visible(): boolean {
    const mode = this.renderMode;
    if (mode === 3 || mode === 7) return false;
    const u = this.unicode;
    return !(u !== undefined && u.trim() === '');
  }
  /** Font size in user space (height of 1 text space unit). */
  get size(): number {
    return this.number(10);
  }
  /** Its `k`th number (see {@link GlyphTable}). */
  private number(k: number): number {
    return this.table.data[this.at * GlyphTable.STRIDE + k]!;
  }
  private int(k: number): number {
    return this.table.ints[this.at * GlyphTable.INTS + k]!;
  }
}

/** A painted path: operations `[startOp, endOp]` inclusive. */
export interface PathEvent {
  readonly stream: number;
  readonly startOp: number;
  readonly endOp: number;
  readonly bbox: Rect;
  /** The path also sets the clipping path (W or W*): it is never removed. */
  readonly clip: boolean;
  /** Number of segments (lines and curves) in the path. */
  readonly segments: number;
  readonly curves: number;
  /** Rectangles (`re`) among its segments: a path of one rectangle and nothing else spells nothing. */
  readonly rects: number;
  /** The path is filled with a colour known to be dark (black, or nearly): a publisher's redaction box is one. */
  readonly dark: boolean;
  /** The path paints something a reader sees: it is stroked or filled (not `n`), in a colour neither white nor fully transparent. */
  readonly inked: boolean;
  /**
   * The thin vertical pieces it shows (see PathShape.pieces), when it is inked: a table's cell
   * borders, whether each is a path of its own or one edge of a grid, a cell's rectangle or a ring.
   */
  readonly verticals: readonly Rect[];
  /** The thin horizontal pieces it shows, when it is inked (see PathShape.horizontalPieces): a table's row borders, underlines. */
  readonly horizontals: readonly Rect[];
  /** Two upright rectangles, one inside the other, and nothing else (see isRing): it spells nothing. */
  readonly ring: boolean;
  readonly marks: readonly number[];
}

/**
 * `r` within the clipping path's box `clip`: what of a drawing can be seen. An image cropped by
 * a clip (drawn 300 pt tall, clipped to 100) is where it shows, not over the text its hidden
 * part runs under. When nothing of it would show, its whole box (fail closed: it is treated as
 * drawn).
 */
function clipped(r: Rect, clip: Rect | null): Rect {
  return (clip && intersection(r, clip)) ?? r;
}

/** An image XObject drawn by `Do`. */
export interface ImageEvent {
  readonly stream: number;
  readonly op: number;
  readonly name: string;
  readonly image: PdfStream;
  readonly ref: PdfRef | undefined;
  /** Maps the unit square (the image) to user space. */
  readonly ctm: Matrix;
  /** Where it shows: the unit square's box, within the clipping path's box ({@link clipped}). */
  readonly bbox: Rect;
  readonly marks: readonly number[];
}

/** An inline image (BI … EI). */
export interface InlineImageEvent {
  readonly stream: number;
  readonly op: number;
  readonly ctm: Matrix;
  /** Where it shows, as {@link ImageEvent.bbox}. */
  readonly bbox: Rect;
  readonly marks: readonly number[];
}

/** A marked-content span. */
export interface MarkedSpan {
  readonly id: number;
  readonly stream: number;
  readonly beginOp: number;
  readonly tag: string;
  /** The property list (inline or from /Properties), resolved. */
  readonly props: PdfDict | undefined;
}

/** Somewhere the rewriter cannot be certain of what is drawn. */
export interface UnsureArea {
  readonly reason: UnsureReason;
  readonly detail: string;
  readonly bbox: Rect;
}

/** Everything drawn on a page. */
export interface PageContent {
  readonly streams: StreamInstance[];
  readonly glyphs: GlyphEvent[];
  /** Where the glyphs are stored: `glyphs[j]` is glyph `firstGlyph + j` of the table (scans read the table, not the glyphs). */
  readonly glyphTable: GlyphTable;
  readonly firstGlyph: number;
  readonly paths: PathEvent[];
  readonly images: ImageEvent[];
  readonly inlineImages: InlineImageEvent[];
  readonly spans: MarkedSpan[];
  readonly unsure: UnsureArea[];
  /** Opaque paint drawn over text drawn before it: that text is unseen (GlyphEvent.covered), and the release says what covers it. */
  readonly covers: TextCover[];
}

/** An opaque rectangle or image drawn after text whose boxes it holds. */
export interface TextCover {
  /** What covers it: `a filled rectangle (black)`, `image /Im1` … */
  readonly what: string;
  readonly bbox: Rect;
  /** The glyphs it covers (indices into the page's GlyphTable). */
  readonly glyphs: readonly number[];
}

/** Opaque paint recorded while a page is read: it covers the glyphs drawn before it (the first `before` of the table). */
interface PendingCover {
  readonly what: string;
  readonly bbox: Rect;
  readonly before: number;
}

/**
 * A file read once: its objects and every page's content as {@link interpretPage} saw it
 * (0-based), so that the text layer and the rewriter share one reading instead of parsing and
 * interpreting the file twice. Read-only for every user: the rewriter works on a copy of the
 * object table and leaves the objects themselves unchanged.
 */
export interface ParsedPdf {
  readonly objects: PdfObjects;
  readonly pages: readonly PageContent[];
}

/**
 * The graphics and text state. A class, made only by its constructor (a copy by {@link clone}):
 * one shape for every state. Copies made by spreading (`{ ...g }`) took a shape of their own, and
 * every read of the state on the interpreter's paths then met two.
 */
class GState {
  constructor(
    public ctm: Matrix,
    public font: FontInfo | null,
    public fontSize: number,
    public tc: number,
    public tw: number,
    public th: number,
    public tl: number,
    public tr: number,
    public ts: number,
    public lineWidth: number,
    public fillTiling: boolean,
    public strokeTiling: boolean,
    /** The fill colour is known to be dark (see darkFill): a filled rectangle of it can be a publisher's redaction box. */
    public fillDark: boolean,
    /** What paints nothing a reader sees (see {@link Unseen}): a white fill or stroke colour, a fill or stroke alpha of (nearly) 0, a soft mask that hides all. */
    public unseen: number,
    /** The colour spaces `cs` and `CS` set (a name or an array; DeviceGray at first): what `sc`/`scn` components are read in. */
    public fillSpace: PdfValue | undefined,
    public strokeSpace: PdfValue | undefined,
    /** The clipping path's bounding box in user space (each `W` path's box and form /BBox intersected), or null for none yet. */
    public clip: Rect | null,
    /** The clip is exactly its box: each `W` path one upright rectangle, each form /BBox kept upright (see addCover). */
    public clipExact: boolean,
    /** A fill paints opaquely: its alpha (`ca`) is 1, its blend mode Normal, no soft mask (what may cover text drawn before it). */
    public fillOpaque: boolean,
  ) {}

  clone(): GState {
    return new GState(this.ctm, this.font, this.fontSize, this.tc, this.tw, this.th, this.tl, this.tr, this.ts, this.lineWidth, this.fillTiling, this.strokeTiling, this.fillDark, this.unseen, this.fillSpace, this.strokeSpace, this.clip, this.clipExact, this.fillOpaque);
  }

  /**
   * True when text shown now leaves no ink a reader sees: its render mode paints nothing (3, 7), or
   * what it paints (fill for 0 and 4, stroke for 1 and 5, both for 2 and 6) is white or fully
   * transparent. Such text is still text (extractors read it); it only never fills a gap.
   */
  textUnseen(): boolean {
    const mode = this.tr;
    if (mode === 3 || mode === 7 || (this.unseen & (Unseen.Masked | Unseen.GroupHidden | Unseen.OptionalOff)) !== 0) return true;
    const fill = (this.unseen & (Unseen.FillWhite | Unseen.FillClear)) !== 0;
    const stroke = (this.unseen & (Unseen.StrokeWhite | Unseen.StrokeClear)) !== 0;
    if (mode === 0 || mode === 4) return fill;
    if (mode === 1 || mode === 5) return stroke;
    return fill && stroke;
  }
}

/** Bits of {@link GState.unseen}. */
/**
 * Bits of {@link GState.unseen}. GroupHidden: a transparency group (a form with /Group) drawn with a
 * fill alpha under {@link MIN_ALPHA} or a soft mask that hides all; what it paints inside is
 * composited so whatever its own `gs` says (Chromium's `opacity:0.01`: the form's `/ca 1` inside).
 * OptionalOff: a form whose /OC is off when the document opens (see optional.ts).
 */
const Unseen = { FillWhite: 1, StrokeWhite: 2, FillClear: 4, StrokeClear: 8, Masked: 16, GroupHidden: 32, OptionalOff: 64 } as const;

/**
 * Below this alpha (`ca`, `CA`) paint is not seen: a probe's `ca 0.004` and Chromium's
 * `opacity:0.01` hid a line that was then released with the (U) paragraph above it (probe 61a, F1).
 */
const MIN_ALPHA = 0.05;

/** The device space a colour operator (`g`, `rg`, `k` and their stroke forms) sets. */
const DEVICE_SPACE: Readonly<Record<string, PdfName>> = { g: PdfName.of('DeviceGray'), rg: PdfName.of('DeviceRGB'), k: PdfName.of('DeviceCMYK') };

/** A clip that nothing passes (two clips that do not meet). */
const NOWHERE: Rect = rectOf(Infinity, Infinity, -Infinity, -Infinity);

/** Bits of a glyph's flags (GlyphTable ints, k = 6) beyond upright (1), a TJ offset (2) and unseen paint (4). */
const GlyphFlag = { Clipped: 8, Covered: 16 } as const;

/** Smaller than this (pt, a glyph's height in user space) text is not legible: a probe's glyphs of 0.1 pt hid a line. */
export const MIN_SEEN_SIZE = 1;

/** True when a colour operator of a device space (`g`, `rg`, `k` and their stroke forms) sets white, or nearly. */
function whiteColour(op: string, a: readonly PdfValue[]): boolean {
  return deviceWhite(a.map((v) => (typeof v === 'number' ? v : NaN)), DEVICE_COMPONENTS[op.toLowerCase()] ?? 0);
}

/** The components of the device space each colour operator (`g`, `rg`, `k`) sets. */
const DEVICE_COMPONENTS: Readonly<Record<string, number>> = { g: 1, rg: 3, k: 4 };

const MAX_DEPTH = 12;
/** An area used when the extent of something is unknown: as wide as any page. */
const HUGE = 1e5;
const SHRINK = 0.1;
const SHOW_OPS = new Set(['Tj', 'TJ', "'", '"']);
const PAINT_OPS = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);

/** Lighter than this (0 black, 1 white) a fill is not dark. */
const DARK_MAX = 0.35;

/**
 * True when a fill colour operator of a device space (`g`, `rg`, `k`) sets a colour near black.
 * Any other colour (`sc`/`scn`, whose space's components this does not read, a pattern) is not
 * known to be dark: the layout then bridges no gap with the shape (see ../layout/lines.ts), which
 * can only cut text, never join it.
 */
function darkFill(op: string, a: readonly PdfValue[]): boolean {
  const c = a.map((v) => (typeof v === 'number' ? v : NaN));
  if (op === 'g' && c.length === 1) return c[0]! <= DARK_MAX;
  if (op === 'rg' && c.length === 3) return Math.max(c[0]!, c[1]!, c[2]!) <= DARK_MAX;
  // CMYK: the lightest of the three channels, (1 - min(C, M, Y)) (1 - K). (A NaN compares false.)
  if (op === 'k' && c.length === 4) return (1 - c[3]!) * (1 - Math.min(c[0]!, c[1]!, c[2]!)) <= DARK_MAX;
  return false;
}

/**
 * Writes at `out[k]` … `out[k + 3]` the bounding box of glyph-space rectangle [x0 y0 x1 y1] through
 * [a b c d e f] (transformRect, unrolled for the per-glyph path and stored without an array).
 */
function glyphRectInto(out: Float64Array, k: number, a: number, b: number, c: number, d: number, e: number, f: number, x0: number, y0: number, x1: number, y1: number): void {
  const ax0 = a * x0, ax1 = a * x1, cy0 = c * y0, cy1 = c * y1;
  const bx0 = b * x0, bx1 = b * x1, dy0 = d * y0, dy1 = d * y1;
  out[k] = (ax0 < ax1 ? ax0 : ax1) + (cy0 < cy1 ? cy0 : cy1) + e;
  out[k + 1] = (bx0 < bx1 ? bx0 : bx1) + (dy0 < dy1 ? dy0 : dy1) + f;
  out[k + 2] = (ax0 > ax1 ? ax0 : ax1) + (cy0 > cy1 ? cy0 : cy1) + e;
  out[k + 3] = (bx0 > bx1 ? bx0 : bx1) + (dy0 > dy1 ? dy0 : dy1) + f;
}

/** multiply([1, 0, 0, 1, x, y], n), the same arithmetic without the first array (a line move). */
function translate(x: number, y: number, n: Matrix): Matrix {
  return matrixOf(1 * n[0] + 0 * n[2], 1 * n[1] + 0 * n[3], 0 * n[0] + 1 * n[2], 0 * n[1] + 1 * n[3], x * n[0] + y * n[2] + n[4], x * n[1] + y * n[3] + n[5]);
}

/** The matrix of an operation's last six operands (`cm`, `Tm`); a missing or non-number operand is 0. */
function lastSix(a: readonly PdfValue[]): Matrix {
  const k = a.length - 6;
  return matrixOf(num(a[k]), num(a[k + 1]), num(a[k + 2]), num(a[k + 3]), num(a[k + 4]), num(a[k + 5]));
}

/** A form's or group's /Matrix (the identity when there is none; a missing entry of a short one reads as NaN, as before). */
function formMatrix(m: readonly number[] | undefined): Matrix {
  return m === undefined ? IDENTITY : matrixOf(m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!);
}

function num(v: PdfValue | undefined): number {
  return typeof v === 'number' ? v : 0;
}

/** Decode and join a page's /Contents (one stream or an array), or null when a stream cannot be decoded. */
export function pageContentBytes(objs: PdfObjects, contents: PdfValue | undefined): Uint8Array | null {
  const c = resolve(objs, contents);
  if (c === undefined || c === null) return new Uint8Array(0);
  const list = Array.isArray(c) ? c : [c];
  const parts: Uint8Array[] = [];
  for (const s of list) {
    const d = decodeToBytes(objs, s);
    if (d === null) return null;
    parts.push(d, Uint8Array.of(10));
  }
  return Buffer.concat(parts);
}

/** Interpret one page. `contentBytes` are its decoded, joined content streams. */
export function interpretPage(objs: PdfObjects, contentBytes: Uint8Array, resources: PdfDict | undefined, pageBox: Rect, table?: GlyphTable): PageContent {
  // A table of its own unless the caller fills one for several pages (and seals it).
  const glyphs = table ?? new GlyphTable();
  try {
    return interpretInto(objs, contentBytes, resources, pageBox, glyphs);
  } finally {
    if (!table) glyphs.seal();
  }
}

function interpretInto(objs: PdfObjects, contentBytes: Uint8Array, resources: PdfDict | undefined, pageBox: Rect, glyphs: GlyphTable): PageContent {
  const page = new PageRun(objs, pageBox, glyphs);
  const out = page.out;
  const parsed = parseContent(contentBytes);
  out.streams.push({ id: 0, bytes: contentBytes, ops: parsed.ops, resources, minDepth: 0, endDepth: 0, lines: new LineTable() });
  if (parsed.problems.length > 0) out.unsure.push({ reason: 'bad-content', detail: `page content: ${parsed.problems[0]}`, bbox: page.pageArea });
  if (parsed.ambiguousInlineImage !== undefined) page.unsure('inline-image-end', `the inline image at byte ${parsed.ambiguousInlineImage} of the page content`, page.pageArea);
  const g0 = new GState(IDENTITY, null, 0, 0, 0, 1, 0, 0, 0, 1, false, false, true, 0, DEVICE_SPACE.g, DEVICE_SPACE.g, null, true, true);
  new StreamRun(page, 0, resources, g0, 0).execute(parsed.ops);
  coverText(page);
  return out;
}

/**
 * Marks the glyphs that opaque paint drawn after them covers (their shrunk box within its box):
 * a white rectangle over a line, an image drawn over it, a producer's box over words of a (U) line
 * (probe 61a, F1, F2). Viewers show the paint, extractors the text: it is unseen text, never
 * released with the line it sits in.
 */
function coverText(page: PageRun): void {
  const out = page.out, table = page.glyphTable;
  for (const c of page.pendingCovers) {
    // Lower than a legible glyph's shrunk box (MIN_SEEN_SIZE): it holds none (a rule, a hairline).
    if (c.bbox[3] - c.bbox[1] < 0.5 * MIN_SEEN_SIZE || c.bbox[2] <= c.bbox[0]) continue;
    const glyphs: number[] = [];
    for (let at = out.firstGlyph; at < c.before; at++) {
      if (table.within(at, c.bbox)) {
        table.hide(at, GlyphFlag.Covered);
        glyphs.push(at);
      }
    }
    if (glyphs.length > 0) out.covers.push({ what: c.what, bbox: c.bbox, glyphs });
  }
}

/** Darker than this (0 black, 1 white) a soft mask's colour lets nothing through. */
const MASK_BLACK_MAX = 0.05;

/**
 * True when soft mask `smd` hides everything it masks: a /Luminosity mask (no transfer function)
 * whose backdrop is black (no /BC, or zeros outside CMYK) and whose group paints only black, set by
 * `g`, `rg` or `k`: the mask is 0 everywhere. A probe's text under such a mask was read as
 * ordinary text (probe 61a, F1). Any other mask is not known to hide: its text is read as seen.
 */
function maskHidesAll(objs: PdfObjects, smd: PdfDict, ops: readonly Operation[]): boolean {
  if (lookupName(objs, smd, 'S') !== 'Luminosity') return false;
  const tr = lookup(objs, smd, 'TR');
  if (tr !== undefined && !(tr instanceof PdfName && tr.name === 'Identity')) return false;
  const grp = lookup(objs, smd, 'G');
  const cs = grp instanceof PdfStream ? spaceFamily(objs, lookup(objs, lookupDict(objs, grp.dict, 'Group'), 'CS')) : '';
  const bc = lookup(objs, smd, 'BC');
  if (bc !== undefined && !(Array.isArray(bc) && cs !== 'DeviceCMYK' && bc.every((v) => resolve(objs, v) === 0))) return false;
  for (const o of ops) {
    const c = o.operands.map((v) => (typeof v === 'number' ? v : NaN));
    if (o.op === 'g' || o.op === 'rg') {
      if (!(Math.max(...c) <= MASK_BLACK_MAX)) return false;
    } else if (o.op === 'k') {
      if (!(c.length === 4 && (1 - c[3]!) * (1 - Math.min(c[0]!, c[1]!, c[2]!)) <= MASK_BLACK_MAX)) return false;
    } else if (['sc', 'scn', 'cs', 'sh', 'Do', 'BI', 'G', 'RG', 'K', 'SC', 'SCN', 'CS', 'gs'].includes(o.op)) return false;
  }
  return true;
}

/** True when `m` maps rectangles to rectangles (no rotation but by quarter turns, no skew). */
function axisAligned(m: Matrix): boolean {
  return (Math.abs(m[1]) < 1e-9 && Math.abs(m[2]) < 1e-9) || (Math.abs(m[0]) < 1e-9 && Math.abs(m[3]) < 1e-9);
}

/*
 * The interpreter is two classes rather than closures made per page: the optimised code of the
 * closures made per page did not outlive V8's full garbage collections (node 20, measured with
 * --trace-opt --trace-gc), and the stream loop (a large function, 100-250 ms to optimise) was
 * optimised again after nearly every one: 12 times over 300 corpus PDFs. As a method it is
 * optimised 5 or 6 times, each after a deoptimisation; its code lives as long as the module.
 */

/** What the streams of one page share: the file, what has been seen so far, the open marked-content spans. */
class PageRun {
  readonly out: PageContent;
  /** Where the page's glyphs are stored (each GlyphEvent reads its own). */
  readonly glyphTable: GlyphTable;
  /** An area used when the extent of something is unknown: the page and far beyond. */
  readonly pageArea: Rect;
  private readonly parsedCache = new WeakMap<PdfStream, { ops: Operation[]; bytes: Uint8Array; problems: string[]; ambiguousInlineImage?: number } | null>();
  private readonly markStack: number[] = [];
  /** The open marked-content spans whose optional content is hidden (see optional.ts), and how many are open. */
  private readonly hiddenSpans = new Set<number>();
  hiddenDepth = 0;
  /** Opaque paint drawn so far (see coverText). */
  readonly pendingCovers: PendingCover[] = [];
  /** Glyphs share one copy of the open marked-content spans until the stack changes. */
  private marksCopy: readonly number[] | null = null;

  constructor(
    readonly objs: PdfObjects,
    pageBox: Rect,
    glyphTable: GlyphTable,
  ) {
    this.glyphTable = glyphTable;
    this.out = { streams: [], glyphs: [], glyphTable, firstGlyph: glyphTable.size, paths: [], images: [], inlineImages: [], spans: [], unsure: [], covers: [] };
    this.pageArea = rectOf(pageBox[0] - HUGE, pageBox[1] - HUGE, pageBox[2] + HUGE, pageBox[3] + HUGE);
  }

  markSnapshot(): readonly number[] {
    return (this.marksCopy ??= [...this.markStack]);
  }

  pushMark(id: number, hidden = false): void {
    if (hidden) {
      this.hiddenSpans.add(id);
      this.hiddenDepth++;
    }
    this.markStack.push(id);
    this.marksCopy = null;
  }

  popMark(): void {
    const id = this.markStack.pop();
    if (id !== undefined && this.hiddenSpans.delete(id)) this.hiddenDepth--;
    this.marksCopy = null;
  }

  unsure(reason: UnsureReason, detail: string, bbox: Rect): void {
    this.out.unsure.push({ reason, detail, bbox });
  }

  /** A form's operations, parsed once however often it is drawn; null when it cannot be decoded. */
  parseForm(s: PdfStream): { ops: Operation[]; bytes: Uint8Array; problems: string[]; ambiguousInlineImage?: number } | null {
    if (this.parsedCache.has(s)) return this.parsedCache.get(s)!;
    const bytes = decodeToBytes(this.objs, s);
    const r = bytes ? { ...parseContent(bytes), bytes } : null;
    this.parsedCache.set(s, r);
    return r;
  }
}

/** One stream instance being interpreted: its graphics and text state, and the path being built. */
class StreamRun {
  private g: GState;
  private readonly stack: GState[] = [];
  private qDepth = 0;
  /**
   * The text matrix: its a b c d are `tm`'s, its e f `tmE` and `tmF`. Within a line only e and f
   * change (each string, each TJ number), and a new array each time was one more allocation a
   * glyph on pages that show every glyph with its own string (the corpus's producer does).
   */
  private tm: Matrix = IDENTITY;
  private tmE = 0;
  private tmF = 0;
  /** The last font size worked out ({@link sizeOf}). */
  private sizeC = NaN;
  private sizeD = NaN;
  private size = NaN;
  private tlm: Matrix = IDENTITY;
  /** After a glyph of unknown advance the pen position is unknown until the next line operator. */
  private penLost: { reason: UnsureReason; detail: string } | null = null;
  private pathStart = -1;
  private pathBox: Rect | null = null;
  private segments = 0;
  private curves = 0;
  private rects = 0;
  private clip = false;
  private shape = new PathShape();

  constructor(
    private readonly page: PageRun,
    private readonly streamId: number,
    private readonly res: PdfDict | undefined,
    initial: GState,
    private readonly depth: number,
  ) {
    this.g = initial;
  }

  /** A point of the path being built, through the CTM (returned). */
  private addPoint(x: number, y: number): [number, number] {
    const p = apply(this.g.ctm, x, y);
    const point = rectOf(p[0], p[1], p[0], p[1]);
    this.pathBox = this.pathBox ? union(this.pathBox, point) : point;
    return [p[0], p[1]];
  }

  /** A line move (Td, TD, Tm, T*, ' and "): the text and line matrices start the new line, the pen is known again, and the stream records where. */
  private moveLine(stream: StreamInstance, op: number, tlm: Matrix): void {
    this.tlm = tlm;
    this.setTm(tlm);
    this.penLost = null;
    stream.lines.set(op, tlm, this.g.tl);
  }

  private setTm(m: Matrix): void {
    this.tm = m;
    this.tmE = m[4];
    this.tmF = m[5];
  }

  /**
   * Math.hypot(c, d), the last one kept: consecutive strings mostly share their size, and the
   * call (not inlined) gave a boxed number each time.
   */
  private sizeOf(c: number, d: number): number {
    if (c !== this.sizeC || d !== this.sizeD) {
      this.sizeC = c;
      this.sizeD = d;
      this.size = Math.hypot(c, d);
    }
    return this.size;
  }

  /** Moves the pen `dx` along the text matrix's x axis (text space units). */
  private advance(dx: number): void {
    const t = this.tm;
    this.tmE = this.tmE + dx * t[0];
    this.tmF = this.tmF + dx * t[1];
  }

  private resDict(kind: string): PdfDict | undefined {
    return lookupDict(this.page.objs, this.res, kind);
  }

  private showString(opIndex: number, part: number, str: PdfString): void {
    const { out, pageArea } = this.page;
    const streamId = this.streamId;
    const g = this.g;
    const font = g.font;
    if (!font) {
      this.page.unsure('unknown-font', 'text shown without a font', pageArea);
      return;
    }
    // Trm = [Tfs·Th 0 0 Tfs 0 Ts] × Tm × CTM. Within one string Tm only moves along its x axis,
    // so M = Tm × CTM is computed once and slid along by each advance.
    // M = Tm × CTM as locals (the same arithmetic as multiply, no array a string).
    const t = this.tm, n = g.ctm;
    const t4 = this.tmE, t5 = this.tmF;
    const m0 = t[0] * n[0] + t[1] * n[2], m1 = t[0] * n[1] + t[1] * n[3];
    const m2 = t[2] * n[0] + t[3] * n[2], m3 = t[2] * n[1] + t[3] * n[3];
    let m4 = t4 * n[0] + t5 * n[2] + n[4], m5 = t4 * n[1] + t5 * n[3] + n[5];
    const sx = g.fontSize * g.th, sy = g.fontSize;
    const la = sx * m0, lb = sx * m1, lc = sy * m2, ld = sy * m3;
    const upright = Math.abs(lb) < 1e-6 * Math.abs(la) && Math.abs(lc) < 1e-6 * Math.abs(ld) && la > 0 && ld > 0;
    const size = this.sizeOf(lc, ld);
    const asc = font.ascent, desc = font.descent;
    const table = this.page.glyphTable;
    const run = table.run, gl = table.glyph;
    run[0] = la;
    run[1] = lb;
    run[2] = lc;
    run[3] = ld;
    run[4] = desc;
    run[5] = asc;
    run[6] = size;
    table.beginRun(streamId, opIndex, part, g.tr, upright, this.page.markSnapshot(), font, g.textUnseen() || this.page.hiddenDepth > 0);
    let advanced = 0;
    const bytes = str.bytes;
    for (let start = 0; start < bytes.length; ) {
      // A code is its bytes read big-endian.
      const length = font.codeLength(bytes, start);
      let code = 0;
      for (let k = 0; k < length; k++) code = code * 256 + bytes[start + k]!;
      const w0 = font.width(code);
      const isSpace = length === 1 && code === 32;
      const e = g.ts * m2 + m4, f = g.ts * m3 + m5;
      const adv = w0 * g.fontSize + g.tc + (isSpace ? g.tw : 0);
      const removalOffset = g.fontSize !== 0 ? (-adv * 1000) / g.fontSize : null;
      let why = font.unsure ?? this.penLost ?? undefined;
      if (!why && g.tr >= 4) why = { reason: 'clipping-text', detail: `text render mode ${g.tr} adds glyphs to the clipping path` };
      if (!why && g.fillTiling && g.tr % 4 !== 3 && g.tr !== 7) why = { reason: 'tiling-pattern', detail: 'text painted with a tiling pattern' };
      if (!why && removalOffset === null) why = { reason: 'zero-size-font', detail: 'text shown with font size 0' };
      gl[0] = e;
      gl[1] = f;
      gl[2] = w0;
      gl[3] = removalOffset ?? 0;
      const at = table.add(code, start, start + length, removalOffset !== null, font.unicode(code), why);
      const glyph = new GlyphEvent(table, at);
      out.glyphs.push(glyph);
      if (g.clip !== null && table.outside(at, g.clip)) table.hide(at, GlyphFlag.Clipped);
      if (why) {
        // Without the font's metrics (or code lengths) the glyph may extend anywhere along its
        // line (down the page for vertical text).
        const lost = this.penLost !== null || why.reason === 'unknown-font' || why.reason === 'unknown-encoding' || why.reason === 'vertical-text';
        const trm = matrixOf(la, lb, lc, ld, e, f);
        const area: Rect = why.reason === 'vertical-text' ? transformRect(trm, [-HUGE, -HUGE, HUGE, asc]) : lost ? transformRect(trm, [0, desc, HUGE, asc]) : glyph.full;
        this.page.unsure(why.reason, why.detail, area);
        if (lost && !this.penLost) this.penLost = why;
      }
      const dx = adv * g.th;
      advanced += dx;
      m4 += dx * m0;
      m5 += dx * m1;
      start += length;
    }
    this.advance(advanced);
  }

  execute(ops: readonly Operation[]): void {
    const { objs, out } = this.page;
    const stream = out.streams[this.streamId]!;
    for (let i = 0; i < ops.length; i++) {
      const o = ops[i]!;
      const a = o.operands;
      switch (o.op) {
        case 'q':
          this.stack.push(this.g.clone());
          this.qDepth++;
          break;
        case 'Q':
          if (this.stack.length > 0) this.g = this.stack.pop()!;
          this.qDepth--;
          stream.minDepth = Math.min(stream.minDepth, this.qDepth);
          break;
        case 'cm':
          if (a.length >= 6) this.g.ctm = multiply(lastSix(a), this.g.ctm);
          break;
        case 'w':
          this.g.lineWidth = num(a[0]);
          break;
        case 'gs':
          this.setExtGState(a);
          break;
        case 'cs':
        case 'CS':
          this.setColourSpace(o.op, a);
          break;
        case 'scn':
        case 'SCN':
          this.setPatternColour(o.op, a);
          break;
        case 'g': case 'rg': case 'k':
          this.g.fillTiling = false;
          this.g.fillDark = darkFill(o.op, a);
          this.g.fillSpace = DEVICE_SPACE[o.op];
          this.g.unseen = whiteColour(o.op, a) ? this.g.unseen | Unseen.FillWhite : this.g.unseen & ~Unseen.FillWhite;
          break;
        case 'G': case 'RG': case 'K':
          this.g.strokeTiling = false;
          this.g.strokeSpace = DEVICE_SPACE[o.op.toLowerCase()];
          this.g.unseen = whiteColour(o.op, a) ? this.g.unseen | Unseen.StrokeWhite : this.g.unseen & ~Unseen.StrokeWhite;
          break;
        case 'sc': case 'SC':
          this.setComponents(o.op === 'sc', a);
          break;
        // Paths.
        case 'm':
        case 'l': {
          if (this.pathStart < 0) this.pathStart = i;
          const p = this.addPoint(num(a[0]), num(a[1]));
          if (o.op === 'l') {
            this.segments++;
            this.shape.line(p[0], p[1]);
          } else this.shape.move(p[0], p[1]);
          break;
        }
        case 'c':
        case 'v':
        case 'y': {
          if (this.pathStart < 0) this.pathStart = i;
          const pts: number[] = [];
          for (let k = 0; k + 1 < a.length; k += 2) pts.push(...this.addPoint(num(a[k]), num(a[k + 1])));
          const end = pts.splice(-2, 2);
          this.shape.curve(pts, end[0] ?? 0, end[1] ?? 0);
          this.segments++;
          this.curves++;
          break;
        }
        case 'h':
          this.shape.close();
          break;
        case 're': {
          if (this.pathStart < 0) this.pathStart = i;
          const [x, y, w, h] = [num(a[0]), num(a[1]), num(a[2]), num(a[3])];
          this.shape.rect([...this.addPoint(x, y), ...this.addPoint(x + w, y), ...this.addPoint(x + w, y + h), ...this.addPoint(x, y + h)]);
          this.segments += 4;
          this.rects++;
          break;
        }
        case 'W':
        case 'W*':
          this.clip = true;
          break;
        case 'sh':
          this.shading();
          break;
        case 'BT':
          this.setTm(IDENTITY);
          this.tlm = IDENTITY;
          this.penLost = null;
          break;
        case 'ET':
          break;
        case 'Tc': this.g.tc = num(a[0]); break;
        case 'Tw': this.g.tw = num(a[0]); break;
        case 'Tz': this.g.th = num(a[0]) / 100; break;
        case 'TL': this.g.tl = num(a[0]); break;
        case 'Tr': this.g.tr = num(a[0]); break;
        case 'Ts': this.g.ts = num(a[0]); break;
        case 'Tf': {
          const n = a[0];
          this.g.font = n instanceof PdfName ? loadFont(objs, lookupDict(objs, this.res, 'Font')?.get(n.name)) : loadFont(objs, undefined);
          this.g.fontSize = num(a[1]);
          break;
        }
        case 'Td':
          this.moveLine(stream, i, translate(num(a[0]), num(a[1]), this.tlm));
          break;
        case 'TD':
          this.g.tl = -num(a[1]);
          this.moveLine(stream, i, translate(num(a[0]), num(a[1]), this.tlm));
          break;
        case 'Tm':
          this.moveLine(stream, i, a.length >= 6 ? lastSix(a) : this.tlm);
          break;
        case 'T*':
          this.moveLine(stream, i, translate(0, -this.g.tl, this.tlm));
          break;
        case 'Tj':
          if (a[0] instanceof PdfString) this.showString(i, 0, a[0]);
          break;
        case "'":
          this.moveLine(stream, i, translate(0, -this.g.tl, this.tlm));
          if (a[0] instanceof PdfString) this.showString(i, 0, a[0]);
          break;
        case '"':
          this.g.tw = num(a[0]);
          this.g.tc = num(a[1]);
          this.moveLine(stream, i, translate(0, -this.g.tl, this.tlm));
          if (a[2] instanceof PdfString) this.showString(i, 0, a[2]);
          break;
        case 'TJ': {
          const arr = a[0];
          if (!Array.isArray(arr)) break;
          for (let k = 0; k < arr.length; k++) {
            const e = arr[k];
            if (e instanceof PdfString) this.showString(i, k, e);
            else if (typeof e === 'number') {
              this.advance((-e / 1000) * this.g.fontSize * this.g.th);
            }
          }
          break;
        }
        case 'BMC':
        case 'BDC':
          this.beginMarked(o.op, a, i);
          break;
        case 'EMC':
          this.page.popMark();
          break;
        case 'BI':
          this.inlineImage(i, o.inline?.dict);
          break;
        case 'Do':
          this.drawXObject(a, i);
          break;
        default:
          if (PAINT_OPS.has(o.op)) this.paint(o.op, i);
      }
    }
    stream.endDepth = this.qDepth;
  }

  /*
   * The operators below are rare, or large to handle, and each is a method of its own rather than
   * a case of `execute`'s switch: `execute` is the hottest function of a PDF batch and was
   * compiled again whole (100-160 ms each time) whenever one of them met a new kind of value in a
   * late document (8 compilations over the 1,065 corpus PDFs).
   */

  /** `gs`: line width, font and soft mask from an ExtGState. */
  private setExtGState(a: readonly PdfValue[]): void {
    const { objs, pageArea } = this.page;
    const gsName = a[0];
    const ext = gsName instanceof PdfName ? lookupDict(objs, this.resDict('ExtGState'), gsName.name) : undefined;
    if (!ext) return;
    const lw = lookup(objs, ext, 'LW');
    if (typeof lw === 'number') this.g.lineWidth = lw;
    const ca = lookup(objs, ext, 'ca');
    if (typeof ca === 'number') this.g.unseen = ca < MIN_ALPHA ? this.g.unseen | Unseen.FillClear : this.g.unseen & ~Unseen.FillClear;
    const CA = lookup(objs, ext, 'CA');
    if (typeof CA === 'number') this.g.unseen = CA < MIN_ALPHA ? this.g.unseen | Unseen.StrokeClear : this.g.unseen & ~Unseen.StrokeClear;
    this.setOpacity(ext, ca);
    const f = lookup(objs, ext, 'Font');
    if (Array.isArray(f) && f.length >= 2) {
      this.g.font = loadFont(objs, f[0]);
      this.g.fontSize = num(resolve(objs, f[1]));
    }
    const sm = lookup(objs, ext, 'SMask');
    const smd = dictOf(sm);
    if (sm instanceof PdfName) this.g.unseen &= ~Unseen.Masked;
    if (!smd) return;
    const grp = lookup(objs, smd, 'G');
    if (!(grp instanceof PdfStream)) return;
    const p = this.page.parseForm(grp);
    this.g.unseen = p && maskHidesAll(objs, smd, p.ops) ? this.g.unseen | Unseen.Masked : this.g.unseen & ~Unseen.Masked;
    const drawsContent = !p || p.ops.some((x) => SHOW_OPS.has(x.op) || x.op === 'Do' || x.op === 'BI');
    if (drawsContent) {
      const bbox = numbers(objs, grp.dict.get('BBox'));
      const m = formMatrix(numbers(objs, grp.dict.get('Matrix')));
      const area = bbox && bbox.length === 4 ? transformRect(multiply(m, this.g.ctm), bbox as unknown as Rect) : pageArea;
      this.page.unsure('soft-mask', 'a soft mask whose group draws text or images', area);
    }
  }

  /**
   * The opacity of fills from ExtGState `ext` (its `ca`, /BM and /SMask, where it gives them): a
   * fill covers text drawn before it only when it is opaque (see coverText).
   */
  private setOpacity(ext: PdfDict, ca: PdfValue | undefined): void {
    const objs = this.page.objs;
    const bm = lookup(objs, ext, 'BM');
    const sm = lookup(objs, ext, 'SMask');
    const first = Array.isArray(bm) ? resolve(objs, bm[0]) : bm;
    const normal = bm === undefined || (first instanceof PdfName && (first.name === 'Normal' || first.name === 'Compatible'));
    const unmasked = sm === undefined || (sm instanceof PdfName && sm.name === 'None');
    if (typeof ca === 'number' || bm !== undefined || sm !== undefined) this.g.fillOpaque = (typeof ca === 'number' ? ca >= 1 : this.g.fillOpaque) && normal && unmasked;
  }

  /** `sc` / `SC`: colour components in the current space (white there or not: see colour.ts). */
  private setComponents(fill: boolean, a: readonly PdfValue[]): void {
    const c = a.map((v) => (typeof v === 'number' ? v : NaN));
    const white = colourWhite(this.page.objs, fill ? this.g.fillSpace : this.g.strokeSpace, c);
    if (fill) {
      this.g.fillTiling = false;
      this.g.fillDark = darkFill('sc', a);
      this.g.unseen = white ? this.g.unseen | Unseen.FillWhite : this.g.unseen & ~Unseen.FillWhite;
    } else {
      this.g.strokeTiling = false;
      this.g.unseen = white ? this.g.unseen | Unseen.StrokeWhite : this.g.unseen & ~Unseen.StrokeWhite;
    }
  }

  /** The colour space `n` names: a family's name, or the resources' /ColorSpace entry. */
  private spaceOf(n: PdfValue | undefined): PdfValue | undefined {
    if (!(n instanceof PdfName)) return undefined;
    const csv = lookup(this.page.objs, this.resDict('ColorSpace'), n.name);
    return csv ?? n;
  }

  /** `cs` / `CS`: a colour space other than a pattern ends painting with a tiling pattern. */
  private setColourSpace(op: string, a: readonly PdfValue[]): void {
    const objs = this.page.objs;
    const space = this.spaceOf(a[0]);
    const isPattern = spaceFamily(objs, space) === 'Pattern';
    // The space's initial colour (black in a device space): not known to be dark; white when it is (an Indexed entry 0).
    if (op === 'cs') this.g.fillDark = false;
    if (op === 'cs') this.g.fillSpace = space;
    else this.g.strokeSpace = space;
    const white = !isPattern && colourWhite(objs, space, initialColour(objs, space));
    const bit = op === 'cs' ? Unseen.FillWhite : Unseen.StrokeWhite;
    this.g.unseen = white ? this.g.unseen | bit : this.g.unseen & ~bit;
    if (!isPattern) {
      if (op === 'cs') this.g.fillTiling = false;
      else this.g.strokeTiling = false;
    }
  }

  /** `scn` / `SCN`: painting with a tiling pattern, or not. */
  private setPatternColour(op: string, a: readonly PdfValue[]): void {
    const n = a[a.length - 1];
    if (n instanceof PdfName) {
      const objs = this.page.objs;
      const pat = dictOf(lookup(objs, this.resDict('Pattern'), n.name));
      const tiling = lookup(objs, pat, 'PatternType') === 1;
      if (op === 'scn') {
        this.g.fillTiling = tiling;
        this.g.fillDark = false;
      } else this.g.strokeTiling = tiling;
    } else {
      this.setComponents(op === 'scn', a);
      return;
    }
    this.g.unseen &= op === 'scn' ? ~Unseen.FillWhite : ~Unseen.StrokeWhite;
  }

  /** `BMC` / `BDC` at operation `i`: a marked-content span opens. */
  private beginMarked(op: string, a: readonly PdfValue[], i: number): void {
    const { objs, out } = this.page;
    const tag = a[0] instanceof PdfName ? a[0].name : '';
    let props: PdfDict | undefined;
    if (op === 'BDC') {
      const p = a[1];
      props = p instanceof PdfDict ? p : p instanceof PdfName ? lookupDict(objs, this.resDict('Properties'), p.name) : undefined;
    }
    const id = out.spans.length;
    out.spans.push({ id, stream: this.streamId, beginOp: i, tag, props });
    // Optional content that is off when the document opens (probe 61b, F8: read as the (U) line's wrap and released).
    this.page.pushMark(id, op === 'BDC' && tag === 'OC' && ocHidden(objs, a[1] instanceof PdfName ? this.resDict('Properties')?.get(a[1].name) : a[1]));
  }

  /**
   * `sh`: a shading fills the clip. Colour only, never text, and it stays; under a clip that is
   * one upright rectangle it covers the text drawn before it there (probe 61b, F7: text under
   * `re W n /Sh1 sh` was released). With no clip, or another clip, it is not known to cover.
   */
  private shading(): void {
    if (this.g.clip !== null && this.g.clipExact) this.addCover('a shading', this.g.clip);
  }

  /** `BI` … `EI` at operation `i`: an inline image fills the unit square. */
  private inlineImage(i: number, dict: PdfDict | undefined): void {
    const bbox = clipped(transformRect(this.g.ctm, UNIT_SQUARE), this.g.clip);
    this.page.out.inlineImages.push({ stream: this.streamId, op: i, ctm: this.g.ctm, bbox, marks: this.page.markSnapshot() });
    const mask = dict !== undefined && (dict.get('IM') === true || dict.get('ImageMask') === true || dict.get('Mask') !== undefined || dict.get('SMask') !== undefined);
    if (dict !== undefined && !mask) this.addCover('an inline image', bbox);
  }

  /**
   * Records opaque paint of box `box` (user space) drawn now: the glyphs drawn before it that it
   * holds are covered (see coverText). Only where it is painted: its box within the clip; only
   * opaque (alpha 1, Normal blend, no soft mask) and only a rectangle (the CTM keeps it one).
   * Not under a clip other than one upright rectangle: an even-odd ring or a triangle clip paints
   * far less than its box, and a (U) line inside the box was cut mid-word as covered (probe 61b, F10).
   */
  private addCover(what: string, box: Rect): void {
    const g = this.g;
    if (!g.fillOpaque || (g.unseen & (Unseen.Masked | Unseen.GroupHidden | Unseen.OptionalOff)) !== 0 || this.page.hiddenDepth > 0 || !axisAligned(g.ctm)) return;
    if (g.clip !== null && !g.clipExact) return;
    const bbox = g.clip === null ? box : intersection(box, g.clip);
    if (bbox === null) return;
    this.page.pendingCovers.push({ what, bbox, before: this.page.glyphTable.size });
  }

  /** `Do` at operation `i`: an image is recorded; a form is interpreted as a stream instance of its own. */
  private drawXObject(a: readonly PdfValue[], i: number): void {
    const { objs, out, pageArea } = this.page;
    const { streamId, res, depth } = this;
    const n = a[0];
    if (!(n instanceof PdfName)) return;
    const xref = this.resDict('XObject')?.get(n.name);
    const x = resolve(objs, xref);
    if (!(x instanceof PdfStream)) return;
    const sub = lookupName(objs, x.dict, 'Subtype');
    if (sub === 'Image') {
      const bbox = clipped(transformRect(this.g.ctm, UNIT_SQUARE), this.g.clip);
      out.images.push({ stream: streamId, op: i, name: n.name, image: x, ref: xref instanceof PdfRef ? xref : undefined, ctm: this.g.ctm, bbox, marks: this.page.markSnapshot() });
      const d = x.dict;
      const smaskInData = lookup(objs, d, 'SMaskInData');
      const masked = lookup(objs, d, 'ImageMask') === true || d.get('Mask') !== undefined || d.get('SMask') !== undefined || (typeof smaskInData === 'number' && smaskInData > 0);
      if (!masked) this.addCover(`image /${n.name}`, bbox);
      return;
    }
    if (sub !== 'Form') return;
    const m = formMatrix(numbers(objs, x.dict.get('Matrix')));
    const bbox = numbers(objs, x.dict.get('BBox'));
    const ctm = multiply(m, this.g.ctm);
    const area = bbox && bbox.length === 4 ? transformRect(ctm, [bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!]) : pageArea;
    if (depth >= MAX_DEPTH) {
      // Refused wherever it is drawn (layout/glyphs.ts): the innermost form's text is never read.
      this.page.unsure('nested-too-deep', `form XObject /${n.name}${xref instanceof PdfRef ? ` (object ${xref.num})` : ''} is drawn inside forms nested ${MAX_DEPTH} deep, deeper than declass reads`, area);
      return;
    }
    const parsed = this.page.parseForm(x);
    if (!parsed) {
      // Refused wherever it is drawn (layout/glyphs.ts): what it shows is never read.
      const d = decodeStream(objs, x);
      const why = d.ok ? `its filter /${d.codec ?? '?'} is an image codec` : d.message;
      this.page.unsure('unknown-filter', `form XObject /${n.name}${xref instanceof PdfRef ? ` (object ${xref.num})` : ''} cannot be decoded (${why})`, area);
      return;
    }
    if (parsed.problems.length > 0) this.page.unsure('bad-content', `form XObject /${n.name}: ${parsed.problems[0]}`, area);
    if (parsed.ambiguousInlineImage !== undefined) this.page.unsure('inline-image-end', `the inline image at byte ${parsed.ambiguousInlineImage} of form XObject /${n.name}${xref instanceof PdfRef ? ` (object ${xref.num})` : ''}`, area);
    const id = out.streams.length;
    out.streams.push({ id, bytes: parsed.bytes, ops: parsed.ops, resources: lookupDict(objs, x.dict, 'Resources') ?? res, form: { stream: x, parent: streamId, doOp: i, name: n.name }, minDepth: 0, endDepth: 0, lines: new LineTable() });
    const inner = this.g.clone();
    inner.ctm = ctm;
    // A form paints only inside its /BBox: text outside it is clipped away (probe 61a, a form of BBox [0 0 1 1]).
    if (bbox && bbox.length === 4) {
      inner.clip = inner.clip === null ? area : (intersection(inner.clip, area) ?? NOWHERE);
      inner.clipExact &&= axisAligned(ctm);
    }
    if (x.dict.get('Group') !== undefined && (inner.unseen & (Unseen.FillClear | Unseen.Masked)) !== 0) inner.unseen |= Unseen.GroupHidden;
    if (x.dict.get('OC') !== undefined && ocHidden(objs, x.dict.get('OC'))) inner.unseen |= Unseen.OptionalOff;
    new StreamRun(this.page, id, out.streams[id]!.resources, inner, depth + 1).execute(parsed.ops);
  }

  /** A path-painting operator at operation `i`: the path built since `pathStart` is recorded, and a new one starts. */
  private paint(op: string, i: number): void {
    if (this.pathStart >= 0 && this.pathBox) {
      const stroked = op === 'S' || op === 's' || op.startsWith('B') || op.startsWith('b');
      let bbox: Rect = this.pathBox;
      let hw = 0;
      if (stroked) {
        const sc = Math.max(Math.hypot(this.g.ctm[0], this.g.ctm[1]), Math.hypot(this.g.ctm[2], this.g.ctm[3]));
        hw = (Math.max(this.g.lineWidth, 1) * sc) / 2;
        bbox = rectOf(bbox[0] - hw, bbox[1] - hw, bbox[2] + hw, bbox[3] + hw);
      }
      const tiling = (op !== 'n' && op !== 'S' && op !== 's' && this.g.fillTiling) || (stroked && this.g.strokeTiling);
      if (tiling) this.page.unsure('tiling-pattern', 'a path painted with a tiling pattern', bbox);
      const filled = op !== 'n' && op !== 'S' && op !== 's';
      const dark = filled && this.g.fillDark;
      const strokeSeen = stroked && (this.g.unseen & (Unseen.StrokeWhite | Unseen.StrokeClear)) === 0;
      const fillSeen = filled && (this.g.unseen & (Unseen.FillWhite | Unseen.FillClear)) === 0;
      if (op === 's' || op === 'b' || op === 'b*') this.shape.close();
      const seen = strokeSeen || fillSeen;
      const thin = seen ? this.shape.pieces(strokeSeen, fillSeen, op.endsWith('*'), hw) : NO_PIECES;
      const across = seen ? this.shape.horizontalPieces(strokeSeen, fillSeen, op.endsWith('*'), hw) : NO_PIECES;
      this.page.out.paths.push({ stream: this.streamId, startOp: this.pathStart, endOp: i, bbox, clip: this.clip, segments: this.segments, curves: this.curves, rects: this.rects, dark, inked: seen, verticals: thin, horizontals: across, ring: isRing(this.shape), marks: this.page.markSnapshot() });
      // Each upright rectangle the fill paints whole, tiling or other patterns aside (not known to be opaque).
      if (filled && spaceFamily(this.page.objs, this.g.fillSpace) !== 'Pattern') {
        const what = `a filled rectangle${dark ? ' (dark)' : (this.g.unseen & Unseen.FillWhite) !== 0 ? ' (white)' : ''}`;
        for (const r of filledRects(this.shape, op.endsWith('*'))) this.addCover(what, r);
      }
      // W/W* then the painting operator: the clip is the path's from the next operation on (its bounding box; exact when the path is one upright rectangle).
      if (this.clip) {
        this.g.clipExact &&= oneRect(this.shape);
        this.g.clip = this.g.clip === null ? this.pathBox : (intersection(this.g.clip, this.pathBox) ?? NOWHERE);
      }
    }
    this.shape = new PathShape();
    this.pathStart = -1;
    this.pathBox = null;
    this.segments = 0;
    this.curves = 0;
    this.rects = 0;
    this.clip = false;
  }
}
