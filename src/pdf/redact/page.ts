/**
 * Redacts one page: decides what the withheld regions remove (glyphs, paths wholly inside,
 * images wholly inside; partly covered images blanked in their pixels; ActualText/Alt of marked
 * content they touch), rewrites the content streams with exact-position edits, copies each form
 * XObject instance that changes (so a form shared with other pages or drawn twice is edited only
 * where it is drawn over a region), and appends the opaque boxes with their labels.
 *
 * Anything the page draws inside a region that cannot be handled with certainty comes back as an
 * "unsure" outcome, and nothing is written for the page.
 */
import { deflateSync } from 'node:zlib';
import { PdfDict, PdfName, PdfRef, PdfStream, lookupDict, type PdfObjects, type PdfValue } from '../objects/model.js';
import { GlyphTable, interpretPage, pageContentBytes, type GlyphEvent, type PageContent } from '../content/interpret.js';
import { applyContentEdits, formatOperation, replaceOperation, type ContentEdit } from '../content/edits.js';
import { parseContent, type Operation } from '../syntax/parse.js';
import { UNIT_SQUARE, contains, intersects, rectOf, transformRect, union, type Rect } from '../geometry.js';
import type { UnsureReason } from '../errors.js';
import { textEdits } from './text.js';
import { blankImage } from './images.js';
import { hygieneEdits } from './hygiene.js';
import { plain } from './properties.js';
import { releasedTag } from './tags.js';
import { boxesContent, pageBoxes, placeLabels, type RedactionBox } from './boxes.js';
import { crossingReasons, lineDrawings, lineWarnings, pageDrawings } from './line-drawings.js';
import { rasterCover } from './raster-cover.js';

/** A region on this page, normalised. */
export interface PageRegion {
  readonly rect: Rect;
  readonly label: string;
}

/** What the caller knows about the page. */
export interface PageInput {
  /** 0-based. */
  readonly index: number;
  readonly resources: PdfDict | undefined;
  readonly contents: PdfValue | undefined;
  /** The page's media box (crop box when smaller), user space. */
  readonly box: Rect;
  /** The page as interpretPage already saw it (the text layer's reading of the same objects), when there is one. */
  readonly content?: PageContent;
}

/** Counts for the report (no withheld text, only how much was done). */
export interface PageStats {
  glyphsRemoved: number;
  pathsRemoved: number;
  imagesRemoved: number;
  imagesBlanked: number;
  /** Images partly covered that could not be decoded, so their drawing was removed whole. */
  imagesRemovedUndecodable: number;
  inlineImagesRemoved: number;
  actualTextRemoved: number;
  formsCopied: number;
  /** Text-showing operations dropped whole (with the line moves around them collapsed). */
  textOpsDropped: number;
  boxes: number;
}

/** The outcome for a page. */
export type PageOutcome =
  | {
      readonly kind: 'done';
      readonly contents: PdfStream;
      readonly resources: PdfDict;
      readonly stats: PageStats;
      readonly boxes: RedactionBox[];
      /** Labels of withheld runs none of whose boxes could hold them (the page's stamp names them). */
      readonly unprinted: string[];
      readonly warnings: string[];
      /** What the original page draws (for a stamp's placement). */
      readonly content: PageContent;
      /** Its glyphs the page no longer shows. */
      readonly removed: ReadonlySet<GlyphEvent>;
    }
  | {
      readonly kind: 'unsure';
      readonly reasons: { reason: UnsureReason; detail: string }[];
      /** What a raster of the page paints black: the text boxes, the drawings withheld with their lines, and what else the page draws on them (raster-cover.ts). */
      readonly boxes: RedactionBox[];
      /** How many drawings beyond the text those boxes cover, and what meets a region with no known bounds (the page cannot be rasterised). */
      readonly cover?: { readonly drawings: number; readonly unbounded: readonly string[] };
    };

const PATH_OPS: ReadonlySet<string> = new Set(['m', 're', 'l', 'c', 'v', 'y']);
const PAINT_OPS: ReadonlySet<string> = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);

/** Creates indirect objects in the output. */
export type Allocate = (value: PdfValue) => PdfRef;

/** Keys of a form or image dictionary that never travel into a copy. */
const DROP_STREAM_KEYS = ['Filter', 'DecodeParms', 'F', 'DP', 'Length', 'Metadata', 'PieceInfo', 'StructParent', 'StructParents', 'OPI', 'LastModified'];

/**
 * zlib level of the rewritten content streams: 1, as for the content of the PDFs declass draws
 * (render/pdf/write.ts CONTENT_DEFLATE_LEVEL). Over the 414 page contents of 300 corpus PDFs
 * (6.6 MB): 55 ms against 192 ms at level 6, for 1.14 MB against 0.95 MB (2% of the files).
 */
const FLATE_LEVEL = 1;

/** A Flate stream of `bytes` with the keys of `dict` that still apply. */
function flateStream(dict: PdfDict, bytes: Uint8Array): PdfStream {
  const d = dict.clone();
  for (const k of DROP_STREAM_KEYS) d.delete(k);
  d.set('Filter', PdfName.of('FlateDecode'));
  return new PdfStream(d, deflateSync(bytes, { level: FLATE_LEVEL }));
}

function uniqueName(dict: PdfDict | undefined, taken: ReadonlySet<string>, base: string): string {
  for (let k = 1; ; k++) {
    const n = `${base}_r${k}`;
    if (!dict?.has(n) && !taken.has(n)) return n;
  }
}

/** The XObject and Font names the content `bytes` draws or selects. */
function usedNames(bytes: Uint8Array, into: { XObject: Set<string>; Font: Set<string> }): void {
  for (const o of parseContent(bytes).ops) {
    const n = o.operands[0];
    if (o.op === 'Do' && n instanceof PdfName) into.XObject.add(n.name);
    else if (o.op === 'Tf' && n instanceof PdfName) into.Font.add(n.name);
  }
}

/**
 * Drop the XObject and Font entries of `res` (a copy) that none of `contents` names: the
 * stream's new content, and the content of each form still drawn unchanged that uses these
 * resources as its own (it has none).
 */
function pruneResources(objs: PdfObjects, res: PdfDict, contents: readonly Uint8Array[]): void {
  const used = { XObject: new Set<string>(), Font: new Set<string>() };
  for (const bytes of contents) usedNames(bytes, used);
  for (const kind of ['XObject', 'Font'] as const) {
    const d = lookupDict(objs, res, kind);
    if (!d) continue;
    const kept = new PdfDict([...d.map].filter(([k]) => used[kind].has(k)));
    res.set(kind, kept);
  }
}

/**
 * Whether `v` reaches one of `targets` through its dictionaries, arrays and references (stream
 * data is not read: a form's own drawing is checked as a stream of the page).
 */
function reaches(objs: PdfObjects, v: PdfValue | undefined, targets: ReadonlySet<PdfStream>, seen: Set<unknown>): boolean {
  if (v instanceof PdfRef) {
    if (seen.has(v.num)) return false;
    seen.add(v.num);
    v = objs.objects.get(v.num);
  }
  if (v instanceof PdfStream) return targets.has(v) || reaches(objs, v.dict, targets, seen);
  if (Array.isArray(v)) return v.some((e) => reaches(objs, e, targets, seen));
  if (v instanceof PdfDict) {
    if (seen.has(v)) return false;
    seen.add(v);
    for (const e of v.map.values()) if (reaches(objs, e, targets, seen)) return true;
  }
  return false;
}

/**
 * Whether `b` meets any of `rects` / lies inside one of them. Functions of the module, not
 * closures made per page (see content/interpret.ts: the optimised code of closures made per call
 * did not outlive full GCs).
 */
function hitsAny(b: Rect, rects: readonly Rect[]): boolean {
  for (const r of rects) if (intersects(b, r)) return true;
  return false;
}

/**
 * The regions of a page by their bottom edge, for telling which may meet a glyph: a page's
 * regions are its withheld lines (a hundred or more on a long page), and every glyph inside
 * their union box was tested against each of them. Only those whose bottom lies between the
 * glyph's bottom less the tallest region and the glyph's top can meet it; they are tested as
 * before. Regions whose edges are not all finite numbers are tested against every glyph.
 */
class RegionIndex {
  private readonly sorted: Rect[] = [];
  private readonly others: Rect[] = [];
  private tallest = 0;

  constructor(rects: readonly Rect[]) {
    for (const r of rects) {
      if (Number.isFinite(r[0]) && Number.isFinite(r[1]) && Number.isFinite(r[2]) && Number.isFinite(r[3])) {
        this.sorted.push(r);
        this.tallest = Math.max(this.tallest, r[3] - r[1]);
      } else this.others.push(r);
    }
    this.sorted.sort((a, b) => a[1] - b[1]);
  }

  /** True when glyph `at`'s shrunk box meets one of the regions. */
  meets(table: GlyphTable, at: number): boolean {
    const y0 = table.data[at * GlyphTable.STRIDE + 1]!, y1 = table.data[at * GlyphTable.STRIDE + 3]!;
    const sorted = this.sorted;
    if (Number.isFinite(y0) && Number.isFinite(y1)) {
      // A region meets the box only if its bottom is at most the box's top and its top (at most
      // its bottom plus the tallest) at least the box's bottom; a point of slack for rounding.
      const from = Math.min(y0, y1) - this.tallest - 1;
      let lo = 0, hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]![1] < from) lo = mid + 1;
        else hi = mid;
      }
      const to = Math.max(y0, y1) + 1;
      for (let k = lo; k < sorted.length && sorted[k]![1] <= to; k++) if (table.meets(at, sorted[k]!)) return true;
    } else {
      for (const r of sorted) if (table.meets(at, r)) return true;
    }
    for (const r of this.others) if (table.meets(at, r)) return true;
    return false;
  }
}

/** `r` grown by its height on every side. */
function padByHeight(r: Rect): Rect {
  const h = r[3] - r[1];
  return [r[0] - h, r[1] - h, r[2] + h, r[3] + h];
}

function insideAny(b: Rect, rects: readonly Rect[]): boolean {
  for (const r of rects) if (contains(r, b)) return true;
  return false;
}

/** Images that stay on the page (not wholly inside a region): boxes do not grow over them. */
function keptImages(content: PageContent, rects: readonly Rect[]): Rect[] {
  return content.images.filter((im) => !insideAny(im.bbox, rects)).map((im) => im.bbox);
}

/**
 * Redact a page.
 *
 * @param objs The document's objects (read; new objects go through `allocate`).
 * @param page The page.
 * @param regions The page's withheld regions (at least one).
 * @param allocate Creates a new indirect object.
 * @param labelFont The reference of the Helvetica font dictionary used for labels.
 */
export function redactPage(objs: PdfObjects, page: PageInput, regions: readonly PageRegion[], allocate: Allocate, labelFont: PdfRef): PageOutcome {
  const rects = regions.map((r) => rectOf(r.rect[0], r.rect[1], r.rect[2], r.rect[3]));
  const bytes = page.content ? page.content.streams[0]!.bytes : pageContentBytes(objs, page.contents);
  if (bytes === null) {
    return { kind: 'unsure', reasons: [{ reason: 'unknown-filter', detail: 'a content stream of the page cannot be decoded' }], boxes: regions.map((r) => ({ rect: r.rect, label: r.label })), cover: { drawings: 0, unbounded: ['what an undecodable content stream draws'] } };
  }
  const content: PageContent = page.content ?? interpretPage(objs, bytes, page.resources, page.box);
  const removed = removedGlyphs(content, rects);
  // What a withheld line draws beside its characters goes with them (line-drawings.ts).
  const drawings = pageDrawings(content);
  const line = lineDrawings(content, rects, removed, drawings, (b) => insideAny(b, rects));
  const cut = line.extra.length > 0 ? [...rects, ...line.extra.map((e) => e.rect)] : rects;
  const reasons = [...unsureReasons(content, cut), ...crossingReasons(line, drawings)];
  if (reasons.length > 0) {
    const cover = rasterCover(content, rects, cut, drawings, page.box);
    const boxes = withDrawingBoxes(pageBoxes(regions, content.glyphs, removed, keptImages(content, cut)), [...line.extra.map((e) => e.rect), ...cover.rects]);
    return { kind: 'unsure', reasons, boxes, cover: { drawings: cover.drawings, unbounded: cover.unbounded } };
  }

  const edits = new PageEdits(objs, content, cut, removed);
  edits.warnings.push(...lineWarnings(page.index, line, drawings));
  edits.glyphs();
  edits.paths();
  edits.images(allocate, page.index);
  edits.inlineImages();
  edits.markedContent();
  const { bytes: pageBytes, resources: pageResources } = edits.write(bytes, page.resources, allocate);

  // The original content runs inside q … Q whatever it leaves behind, then the boxes are drawn.
  const main = content.streams[0]!;
  const extraQ = Math.max(0, -main.minDepth);
  const tail = closingTail(main.ops, extraQ + main.endDepth);
  const fonts = lookupDict(objs, pageResources, 'Font')?.clone() ?? new PdfDict();
  const fontName = uniqueName(fonts, new Set(), 'DeclassLabel');
  fonts.set(fontName, labelFont);
  pageResources.set('Font', fonts);
  const boxes = withDrawingBoxes(pageBoxes(regions, content.glyphs, removed, keptImages(content, cut)), line.extra.map((e) => e.rect));
  edits.stats.boxes = boxes.length;
  const head = Buffer.from('q\n'.repeat(1 + extraQ), 'latin1');
  const labels = placeLabels(boxes);
  const body = Buffer.concat([head, pageBytes, Buffer.from('\n' + tail + boxesContent(boxes, fontName, labels), 'latin1')]);
  return { kind: 'done', contents: flateStream(new PdfDict(), body), resources: pageResources, stats: edits.stats, boxes, unprinted: labels.unprinted, warnings: edits.warnings, content, removed };
}

/** `boxes`, and a box for each of `drawn` (a drawing withheld with a line) that none of them covers. */
function withDrawingBoxes(boxes: RedactionBox[], drawn: readonly Rect[]): RedactionBox[] {
  const out = [...boxes];
  for (const d of drawn) if (!boxes.some((b) => contains(b.rect, d, 0.5))) out.push({ rect: d });
  return out;
}

/*
 * The steps of redactPage are functions and methods of their own, not one long function: it was
 * compiled whole again (about 150 ms each time) whenever one step met a new kind of value in a
 * late document.
 */

/**
 * The glyphs whose (shrunk) box meets a region: the regions' union box first, since most glyphs
 * of a page are nowhere near one. The boxes are read from the glyph table in order: reaching
 * each glyph object (scattered over the heap) cost a cache miss a glyph.
 */
function removedGlyphs(content: PageContent, rects: readonly Rect[]): Set<GlyphEvent> {
  const outer = rects.reduce(union);
  const index = new RegionIndex(rects);
  const removed = new Set<GlyphEvent>();
  const { glyphs, glyphTable: table, firstGlyph } = content;
  for (let j = 0; j < glyphs.length; j++) {
    const at = firstGlyph + j;
    if (table.meets(at, outer) && index.meets(table, at)) removed.add(glyphs[j]!);
  }
  return removed;
}

/** Why the page cannot be redacted with certainty (what it draws in a region that cannot be cut), each reason once. */
function unsureReasons(content: PageContent, rects: readonly Rect[]): { reason: UnsureReason; detail: string }[] {
  const reasons: { reason: UnsureReason; detail: string }[] = [];
  const seen = new Set<string>();
  const addReason = (reason: UnsureReason, detail: string): void => {
    const key = `${reason}:${detail}`;
    if (!seen.has(key)) {
      seen.add(key);
      reasons.push({ reason, detail });
    }
  };
  for (const a of content.unsure) if (hitsAny(a.bbox, rects)) addReason(a.reason, a.detail);
  for (const p of content.paths) {
    // Many curved segments partly inside a region: likely text drawn as outlines, which cannot be cut.
    if (!p.clip && hitsAny(p.bbox, rects) && !insideAny(p.bbox, rects) && p.curves >= 8 && p.segments >= 24) addReason('text-as-paths', `a path of ${p.segments} segments (${p.curves} curves) lies partly inside a region`);
  }
  // Drawn partly inside (a clip may hide that part: its pixels are in the file all the same) but not wholly removed.
  for (const im of content.inlineImages) if (hitsAny(transformRect(im.ctm, UNIT_SQUARE), rects) && !insideAny(im.bbox, rects)) addReason('inline-image', 'an inline image lies partly inside a region');
  return reasons;
}

/** What closes the page's content: an open path ended, an open text object closed, and every q it leaves open popped (`depth` more than the one redactPage adds). */
function closingTail(ops: readonly Operation[], depth: number): string {
  let inText = false;
  let inPath = false;
  for (const o of ops) {
    if (o.op === 'BT') inText = true;
    else if (o.op === 'ET') inText = false;
    else if (PATH_OPS.has(o.op)) inPath = true;
    else if (PAINT_OPS.has(o.op)) inPath = false;
  }
  let tail = '';
  if (inPath) tail += 'n\n';
  if (inText) tail += 'ET\n';
  return tail + 'Q\n'.repeat(Math.max(1, 1 + depth));
}

/** The edits of one page's streams, collected step by step, then written bottom-up. */
class PageEdits {
  readonly stats: PageStats;
  readonly warnings: string[] = [];
  private readonly edits = new Map<number, ContentEdit[]>();
  private readonly xobjAdds = new Map<number, Map<string, PdfRef>>();
  /** Marked-content spans a region touches. */
  private readonly hitSpans = new Set<number>();
  /** Images this page no longer draws as they were (removed or blanked in a copy). */
  private readonly replacedImages = new Set<PdfStream>();

  constructor(
    private readonly objs: PdfObjects,
    private readonly content: PageContent,
    private readonly rects: readonly Rect[],
    private readonly removed: ReadonlySet<GlyphEvent>,
  ) {
    this.stats = { glyphsRemoved: removed.size, pathsRemoved: 0, imagesRemoved: 0, imagesBlanked: 0, imagesRemovedUndecodable: 0, inlineImagesRemoved: 0, actualTextRemoved: 0, formsCopied: 0, textOpsDropped: 0, boxes: 0 };
  }

  private addEdit(stream: number, e: ContentEdit): void {
    const list = this.edits.get(stream);
    if (list) list.push(e);
    else this.edits.set(stream, [e]);
  }

  private addXObject(stream: number, base: string, ref: PdfRef): string {
    let m = this.xobjAdds.get(stream);
    if (!m) this.xobjAdds.set(stream, (m = new Map()));
    const name = uniqueName(lookupDict(this.objs, this.content.streams[stream]!.resources, 'XObject'), new Set(m.keys()), base);
    m.set(name, ref);
    return name;
  }

  /** Each stream's showing operations lose their removed glyphs (text.ts). */
  glyphs(): void {
    const { content, removed } = this;
    const byStream = new Map<number, GlyphEvent[]>();
    for (const g of content.glyphs) {
      const list = byStream.get(g.stream);
      if (list) list.push(g);
      else byStream.set(g.stream, [g]);
      if (removed.has(g)) for (const m of g.marks) this.hitSpans.add(m);
    }
    for (const [id, gs] of byStream) {
      if (!gs.some((g) => removed.has(g))) continue;
      const t = textEdits(content.streams[id]!, gs, removed);
      for (const e of t.edits) this.addEdit(id, e);
      this.stats.textOpsDropped += t.dropped;
    }
  }

  /** Paths wholly inside a region go (never clipping paths: they shape what is drawn elsewhere). */
  paths(): void {
    const { content, rects } = this;
    for (const p of content.paths) {
      if (hitsAny(p.bbox, rects)) for (const m of p.marks) this.hitSpans.add(m);
      if (p.clip || !insideAny(p.bbox, rects)) continue;
      const ops = content.streams[p.stream]!.ops;
      this.addEdit(p.stream, { start: ops[p.startOp]!.start, end: ops[p.endOp]!.end, text: '' });
      this.stats.pathsRemoved++;
    }
  }

  /** Images: wholly covered ones go; partly covered ones are blanked in a copy. */
  images(allocate: Allocate, pageIndex: number): void {
    const { content, rects } = this;
    for (const im of content.images) {
      // Removed when what shows of it lies inside the regions; blanked wherever it is drawn,
      // the part a clip hides too: those pixels travel in the file all the same.
      const drawn = transformRect(im.ctm, UNIT_SQUARE);
      if (!hitsAny(drawn, rects)) continue;
      for (const m of im.marks) this.hitSpans.add(m);
      const op = content.streams[im.stream]!.ops[im.op]!;
      this.replacedImages.add(im.image);
      if (insideAny(im.bbox, rects)) {
        this.addEdit(im.stream, replaceOperation(op, ''));
        this.stats.imagesRemoved++;
        continue;
      }
      // Under withheld text (a scan's text layer, invisible or not) the boxes say where the words
      // were drawn, not where the image's ink of them is: a layer 5 pt off the scan's ink left
      // the withheld line in the pixels. The image is not read, so fail closed: blank a line
      // height (the region's) around each region on the image too.
      const under = rects.filter((x) => intersects(drawn, x));
      const ocr = this.textOver(drawn);
      const r = blankImage(this.objs, im.image, im.ctm, ocr ? under.map(padByHeight) : under);
      if (!r.ok) {
        // Fail closed: what cannot be blanked is not drawn at all.
        this.addEdit(im.stream, replaceOperation(op, ''));
        this.stats.imagesRemovedUndecodable++;
        this.warnings.push(`page ${pageIndex + 1}: image /${im.name} partly inside a region was removed whole (${r.message})`);
        continue;
      }
      for (const x of r.extra) r.image.dict.set(x.key, allocate(x.stream));
      const name = this.addXObject(im.stream, im.name, allocate(r.image));
      this.addEdit(im.stream, replaceOperation(op, formatOperation('Do', [PdfName.of(name)])));
      this.stats.imagesBlanked++;
      if (ocr) this.warnings.push(`page ${pageIndex + 1}: image /${im.name} lies under withheld text (a scan's text layer?), whose boxes may not match the image's ink: it was blanked a line height beyond the withheld boxes; review the image before release`);
    }
  }

  /** Whether a removed glyph lies on `bbox` (an image under withheld text). */
  private textOver(bbox: Rect): boolean {
    for (const g of this.removed) if (g.meets(bbox)) return true;
    return false;
  }

  /** Inline images wholly inside a region go. */
  inlineImages(): void {
    const { content, rects } = this;
    for (const im of content.inlineImages) {
      if (!insideAny(im.bbox, rects)) continue;
      for (const m of im.marks) this.hitSpans.add(m);
      const op = content.streams[im.stream]!.ops[im.op]!;
      this.addEdit(im.stream, replaceOperation(op, ''));
      this.stats.inlineImagesRemoved++;
    }
  }

  /** Marked content touched by a region loses its replacement and alternate texts. */
  markedContent(): void {
    const content = this.content;
    for (const id of this.hitSpans) {
      const span = content.spans[id]!;
      const props = span.props;
      if (!props || !(props.has('ActualText') || props.has('Alt') || props.has('E'))) continue;
      // Only what cannot carry words (properties.ts's plain: no text, no name that is not PDF's own; refs cannot be inlined).
      const kept = plain(props);
      const op = content.streams[span.stream]!.ops[span.beginOp]!;
      this.addEdit(span.stream, replaceOperation(op, formatOperation('BDC', [releasedTag(PdfName.of(span.tag)), kept])));
      this.stats.actualTextRemoved++;
    }
  }

  /**
   * Writes the streams bottom-up: a form instance that changes becomes a new object, and its
   * parent draws that. Returns the page's own content and resources.
   */
  write(bytes: Uint8Array, resources: PdfDict | undefined, allocate: Allocate): { bytes: Uint8Array; resources: PdfDict } {
    const { objs, content } = this;
    let pageBytes: Uint8Array = bytes;
    let pageResources: PdfDict = resources?.clone() ?? new PdfDict();
    // The streams rewritten: those with edits, and every form drawing one (it draws the copy).
    const changed = new Set<number>();
    for (const id of [...this.edits.keys(), ...this.xobjAdds.keys()]) {
      for (let at: number | undefined = id; at !== undefined && !changed.has(at); at = content.streams[at]!.form?.parent) changed.add(at);
    }
    // The originals the page no longer draws as they were: a form left unchanged whose resources
    // still reach one (a /Resources object shared by the page and its forms names them all) is
    // rewritten too, so that its resources lose the names it does not draw; otherwise the
    // original carried the withheld text into the release.
    const replaced = new Set<PdfStream>(this.replacedImages);
    for (const id of changed) if (id > 0) replaced.add(content.streams[id]!.form!.stream);
    for (let id = content.streams.length - 1; id >= 0; id--) {
      const s = content.streams[id]!;
      const e = this.edits.get(id) ?? [];
      const adds = this.xobjAdds.get(id);
      const carries = id > 0 && replaced.size > 0 && s.form!.stream.dict.has('Resources') && reaches(objs, s.form!.stream.dict.get('Resources'), replaced, new Set());
      if (id > 0 && e.length === 0 && !adds && !carries) continue;
      const res = s.resources?.clone() ?? new PdfDict();
      if (adds) {
        const x = lookupDict(objs, s.resources, 'XObject')?.clone() ?? new PdfDict();
        for (const [n, r] of adds) x.set(n, r);
        res.set('XObject', x);
      }
      // Comments, inline property strings and unknown operators' operands go (hygiene.ts).
      const newBytes = applyContentEdits(s.bytes, [...e, ...hygieneEdits(s.bytes, s.ops, e)]);
      // An image or form no longer drawn must not travel in the resources (an unblanked original
      // would still be in the file). A form drawn unchanged without resources of its own uses
      // these (and so on down): the names it draws stay. A rewritten form has its own.
      pruneResources(objs, res, [newBytes, ...this.inheritingContent(id, changed)]);
      if (id === 0) {
        pageBytes = newBytes;
        pageResources = res;
        continue;
      }
      const form = s.form!;
      const copy = flateStream(form.stream.dict, newBytes);
      copy.dict.set('Resources', res);
      this.stats.formsCopied++;
      const name = this.addXObject(form.parent, form.name, allocate(copy));
      const parentOp = content.streams[form.parent]!.ops[form.doOp]!;
      this.addEdit(form.parent, replaceOperation(parentOp, formatOperation('Do', [PdfName.of(name)])));
    }
    return { bytes: pageBytes, resources: pageResources };
  }

  /** The content of the forms drawn unchanged under stream `id` that use its resources (none of their own), at any depth. */
  private inheritingContent(id: number, changed: ReadonlySet<number>): Uint8Array[] {
    const out: Uint8Array[] = [];
    const streams = this.content.streams;
    for (let c = id + 1; c < streams.length; c++) {
      const f = streams[c]!.form;
      if (!f || f.parent !== id || changed.has(c) || f.stream.dict.has('Resources')) continue;
      out.push(streams[c]!.bytes, ...this.inheritingContent(c, changed));
    }
    return out;
  }
}
