/**
 * True redaction of a whole PDF: each page with withheld regions is rewritten (page.ts), and the
 * file around the pages is rebuilt with only what a release may carry, whatever was withheld:
 *
 * - catalog: /Pages only (plus /OCProperties, which decides what optional content shows, without
 *   its text: layers.ts). Gone:
 *   document JavaScript and every other /Names tree (embedded files, named destinations), /Dests,
 *   /Outlines, /OpenAction, /AA, /AcroForm, /StructTreeRoot, /MarkInfo, /Metadata (XMP),
 *   /PageLabels, /Threads, /PieceInfo, /SpiderInfo, /Collection, /Perms, /Legal;
 * - Info: replaced by a minimal dictionary holding only the given title (or none);
 * - pages: a flat page tree; each page keeps only its boxes, /Rotate, /UserUnit, /Group,
 *   /Resources, /Contents and its link annotations that no region touches (with URI or explicit
 *   GoTo actions only, each value of its shape: links.ts). Every other annotation goes: its text (notes, form values, stamps,
 *   attachments) is not part of the text that was reviewed, so releasing it would release
 *   something nobody decided on. Thumbnails, /PieceInfo, /Metadata, /AA, /StructParents go too;
 * - every object the new file reaches loses /Metadata, /PieceInfo, /StructParent(s), /AA, /OPI,
 *   /Alternates, /LastModified;
 * - every named marked-content property list keeps only /MCID and an artifact's /Type and /Subtype (properties.ts);
 * - every layer (OCG, OCMD) the file holds keeps no string and is named `Layer` (`Layer N` when
 *   /OCProperties lists it);
 * - everything the pages' resources reach keeps only what rendering uses: no unknown resource
 *   category, no string (but a CIDSystemInfo's and an /Indexed lookup), neutral colorant names,
 *   font names from a closed list or `FontN` with the tool's subset tags, a page group's keys and
 *   /ProcSet names PDF defines (resources.ts);
 * - every resource name is of a producer's neutral shape (`/F1`, `/GS2`) or the tool's, in the
 *   resources and the content streams alike (resnames.ts);
 * - a font that lost glyphs keeps nothing of them but, when still used, its program (fonts.ts);
 * - the file is written whole (objects/write.ts): only reachable objects, no update history, no /ID.
 */
import { deflateSync } from 'node:zlib';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, dictOf, lookup, lookupArray, lookupName, numbers, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';
import { readPdfObjects } from '../objects/read.js';
import type { ParsedPdf } from '../content/interpret.js';
import { writePdf } from '../objects/write.js';
import { intersects, normaliseRect, type Rect } from '../geometry.js';
import { RegionError, UnsurePageError } from '../errors.js';
import { listPages, type PageNode } from './pages.js';
import { droppedContent } from './dropped.js';
import { redactPage, type PageRegion, type PageStats } from './page.js';
import { interpretPage, pageContentBytes, type PageContent } from '../content/interpret.js';
import { FontLedger } from './fonts.js';
import { rasterizePage } from './rasterize.js';
import { labelText } from './boxes.js';
import { stampPage } from './stamp.js';
import { plainPropertyLists } from './properties.js';
import { neutralLayers } from './layers.js';
import { safeLink } from './links.js';
import { renderingResources } from './resources.js';
import { neutralResourceNames } from './resnames.js';

/** A withheld region: 0-based page index; rect in the page's default user space (PDF units, y up, unrotated, as pdf.js getTextContent transforms give); label printed in the box, e.g. "B1, 1.4(C)". */
export interface PdfRegion {
  readonly page: number;
  readonly rect: readonly [number, number, number, number];
  readonly label: string;
}

/** Words before the labels a page's stamp names because no box of theirs could hold them. */
export const UNPRINTED_WORDS = 'BOXES TOO SMALL FOR THEIR LABEL';

/** Options of {@link redactPdf}. */
export interface RedactPdfOptions {
  /** The title of the minimal Info dictionary, the only metadata the release keeps. No title: no Info. */
  readonly title?: string;
  /** Turn a page that cannot be redacted with certainty into an image with the boxes burnt in (no text layer), instead of failing. */
  readonly rasterizeUnsure?: boolean;
  /** Resolution of such pages, in dots per inch (default 150). */
  readonly rasterDpi?: number;
  /**
   * A line drawn in red Helvetica in the top margin of every page (e.g. `PENDING REVIEW - NOT FOR
   * RELEASE`), over nothing the page shows when a margin can hold it (stamp.ts). WinAnsi
   * printable ASCII; other characters are printed as '?'.
   */
  readonly stamp?: string;
  /**
   * Marks lined through (0-based page, rectangle in default user space): a declassified portion's
   * classification mark, which the release shows (32 CFR 2001.25: old markings lined through).
   * Drawn after everything else the page draws, as the stamp is.
   */
  readonly strikes?: readonly Omit<PdfRegion, 'label'>[];
  /**
   * Whether a link's address (a URI, as written) may stay: a link on released text whose address
   * repeats withheld words (`…/ops/blueheron-ministry-of-finance`) gives them away. Default: all.
   */
  readonly keepUri?: (uri: string) => boolean;
  /**
   * `bytes` as already read (by readPdfLayout): its objects and interpreted pages are reused
   * instead of parsing and interpreting the file again. Left unchanged: the release is built on
   * a copy of the object table, and keys are dropped by the writer, not deleted.
   */
  readonly parsed?: ParsedPdf;
}

/** What one page went through. */
export interface PageReport extends PageStats {
  /** 0-based. */
  readonly page: number;
  readonly regions: number;
  /** Set when the page was rasterised: why it could not be rewritten. */
  readonly rasterized?: readonly string[];
}

/** What the redaction did. It never quotes withheld text. */
export interface RedactionReport {
  readonly pages: number;
  readonly regions: number;
  /** One entry per page that had regions. */
  readonly redactedPages: readonly PageReport[];
  readonly totals: PageStats;
  readonly annotationsRemoved: number;
  readonly linksKept: number;
  /** The addresses of the URI links kept (in page order, each once): data no reader of the release text sees. */
  readonly urisKept: readonly string[];
  /** Document-level parts that were present and were dropped (e.g. "XMP metadata", "outlines"). */
  readonly removed: readonly string[];
  /** Of those, the input's own content a reader could open, left out unread (dropped.ts): "1 attached file", "bookmarks (outlines)". */
  readonly dropped: readonly string[];
  readonly warnings: readonly string[];
}

/** Result of {@link redactPdf}. */
export interface RedactPdfResult {
  readonly bytes: Uint8Array;
  readonly report: RedactionReport;
}

const CATALOG_DROPPED: Readonly<Record<string, string>> = {
  Names: 'name trees (JavaScript, embedded files, named destinations)',
  Dests: 'named destinations',
  Outlines: 'outlines',
  OpenAction: 'open action',
  AA: 'document actions',
  AcroForm: 'form fields (AcroForm)',
  StructTreeRoot: 'structure tree',
  MarkInfo: 'tagging information',
  Metadata: 'XMP metadata',
  PageLabels: 'page labels',
  Threads: 'article threads',
  PieceInfo: 'page-piece dictionaries',
  SpiderInfo: 'web capture information',
  Collection: 'portfolio',
  Perms: 'permissions',
  Legal: 'legal attestation',
  URI: 'base URI',
  Lang: 'language',
  ViewerPreferences: 'viewer preferences',
  PageLayout: 'page layout',
  PageMode: 'page mode',
  Version: 'version',
  Extensions: 'extensions',
};

/** Keys dropped from every object the release reaches (by the writer). */
const STRIP_KEYS = ['Metadata', 'PieceInfo', 'StructParent', 'StructParents', 'AA', 'OPI', 'Alternates', 'LastModified', 'Thumb'];

function zeroStats(): PageStats {
  return { glyphsRemoved: 0, pathsRemoved: 0, imagesRemoved: 0, imagesBlanked: 0, imagesRemovedUndecodable: 0, inlineImagesRemoved: 0, actualTextRemoved: 0, formsCopied: 0, textOpsDropped: 0, boxes: 0 };
}

function checkRegions(regions: readonly PdfRegion[], pageCount: number): Map<number, PageRegion[]> {
  const byPage = new Map<number, PageRegion[]>();
  regions.forEach((r, i) => {
    if (!Number.isInteger(r.page) || r.page < 0 || r.page >= pageCount) throw new RegionError(`region ${i}: page ${r.page} is not a page of the document (0–${pageCount - 1})`);
    if (r.rect.length !== 4 || !r.rect.every((n) => Number.isFinite(n))) throw new RegionError(`region ${i}: rect must be four finite numbers`);
    const rect = normaliseRect(r.rect);
    if (rect[2] - rect[0] <= 0 || rect[3] - rect[1] <= 0) throw new RegionError(`region ${i}: rect has no area`);
    const list = byPage.get(r.page) ?? [];
    list.push({ rect, label: r.label });
    byPage.set(r.page, list);
  });
  return byPage;
}

/**
 * Redact `bytes`: remove everything drawn in `regions` from the pages, draw labelled boxes over
 * them, and rebuild the file with only what a release may carry (see the module comment).
 *
 * @param bytes The original PDF.
 * @param regions Withheld regions (page index 0-based; rectangles in default user space).
 * @param options Title, rasterisation of unsure pages, a stamp on every page.
 * @returns The release's bytes (deterministic: same input, same output) and a report.
 * @throws PdfInputError for a file that cannot be read; RegionError for a bad region;
 *   UnsurePageError for a page that cannot be redacted with certainty (unless rasterised).
 */
export async function redactPdf(bytes: Uint8Array, regions: readonly PdfRegion[], options: RedactPdfOptions = {}): Promise<RedactPdfResult> {
  const parsed = options.parsed;
  const objs: PdfObjects = parsed ? { objects: new Map(parsed.objects.objects), trailer: parsed.objects.trailer } : await readPdfObjects(bytes);
  const pages = listPages(objs);
  const byPage = checkRegions(regions, pages.length);
  const strikesByPage = new Map<number, Rect[]>();
  for (const k of options.strikes ?? []) {
    const onPage = strikesByPage.get(k.page) ?? [];
    onPage.push([...k.rect] as Rect);
    strikesByPage.set(k.page, onPage);
  }
  let next = Math.max(0, ...objs.objects.keys()) + 1;
  const allocate = (v: PdfValue): PdfRef => {
    const r = new PdfRef(next++, 0);
    objs.objects.set(r.num, v);
    return r;
  };
  const warnings: string[] = [];
  const removed: string[] = [];
  const labelFont = allocate(new PdfDict([['Type', PdfName.of('Font')], ['Subtype', PdfName.of('Type1')], ['BaseFont', PdfName.of('Helvetica')], ['Encoding', PdfName.of('WinAnsiEncoding')]]));
  for (const r of regions) if (labelText(r.label).replaced > 0) warnings.push(`label "${labelText(r.label).text}" has characters the label font cannot show; they are printed as '?'`);
  if (options.stamp !== undefined && labelText(options.stamp).replaced > 0) warnings.push(`stamp "${labelText(options.stamp).text}" has characters the label font cannot show; they are printed as '?'`);

  // Every page becomes a fresh dictionary at its old object number (links keep pointing at it).
  const catalogRef = objs.trailer.get('Root');
  const catalog = resolve(objs, catalogRef) as PdfDict;
  const pagesRef = allocate(null);
  const pageRefs: PdfRef[] = pages.map((p) => p.ref ?? allocate(null));
  const pageNums = new Set(pageRefs.map((r) => r.num));
  const reports: PageReport[] = [];
  const totals = zeroStats();
  let annotationsRemoved = 0;
  let linksKept = 0;
  const urisKept: string[] = [];
  let urisRefused = 0;
  // What each font still shows (fonts.ts); pages not yet read are read only if a font lost glyphs.
  const fonts = new FontLedger();
  const unread: { index: number; rasterized: boolean }[] = [];

  for (let i = 0; i < pages.length; i++) {
    const p: PageNode = pages[i]!;
    const regs = byPage.get(i) ?? [];
    const out = new PdfDict([['Type', PdfName.of('Page')], ['Parent', pagesRef], ['MediaBox', [...p.mediaBox]]]);
    if (p.cropBox) out.set('CropBox', [...p.cropBox]);
    for (const k of ['BleedBox', 'TrimBox', 'ArtBox', 'UserUnit', 'Group']) if (p.dict.has(k)) out.set(k, p.dict.get(k)!);
    if (p.rotate) out.set('Rotate', p.rotate);
    const box: Rect = p.cropBox ?? p.mediaBox;
    let resources: PdfValue | undefined = p.resources;
    let contents: PdfValue | undefined = p.dict.get('Contents');
    let rasterized: string[] | undefined;
    let interpreted: PageContent | undefined;
    let unprinted: string[] = [];
    if (regs.length > 0) {
      const outcome = redactPage(objs, { index: i, resources: dictOf(resolve(objs, p.resources)), contents, box, content: parsed?.pages[i] }, regs, allocate, labelFont);
      if (outcome.kind === 'unsure') {
        const why = outcome.reasons.map((r) => `${r.reason}: ${r.detail}`);
        if (!options.rasterizeUnsure) throw new UnsurePageError(i, outcome.reasons[0]!.reason, outcome.reasons.map((r) => r.detail).join('; '));
        // A raster covers only what has bounds (raster-cover.ts): the rest is refused, as without the option.
        const unbounded = outcome.cover?.unbounded ?? [];
        if (unbounded.length > 0) throw new UnsurePageError(i, 'unbounded-drawing', `${unbounded.join('; ')} on a withheld line has no bounds the page's image could cover`);
        const raster = await rasterizePage(bytes, i, outcome.boxes, options.rasterDpi ?? 150);
        const image = new PdfStream(
          new PdfDict([['Type', PdfName.of('XObject')], ['Subtype', PdfName.of('Image')], ['Width', raster.width], ['Height', raster.height], ['ColorSpace', PdfName.of('DeviceRGB')], ['BitsPerComponent', 8], ['Filter', PdfName.of('FlateDecode')]]),
          deflateSync(raster.rgb),
        );
        const [x0, y0, x1, y1] = raster.viewBox;
        resources = new PdfDict([['XObject', new PdfDict([['Page', allocate(image)]])]]);
        contents = allocate(new PdfStream(new PdfDict([['Filter', PdfName.of('FlateDecode')]]), deflateSync(Buffer.from(`q ${x1 - x0} 0 0 ${y1 - y0} ${x0} ${y0} cm /Page Do Q\n`, 'latin1'))));
        rasterized = why;
        if (parsed?.pages[i]) fonts.withheld(parsed.pages[i]!.glyphs);
        else unread.push({ index: i, rasterized: true });
        warnings.push(`page ${i + 1} was rasterised (${outcome.reasons.map((r) => r.reason).join(', ')}): it has no text layer${coveredDrawings(outcome.cover?.drawings ?? 0)}`);
        reports.push({ page: i, regions: regs.length, ...zeroStats(), boxes: outcome.boxes.length, rasterized });
        totals.boxes += outcome.boxes.length;
      } else {
        resources = outcome.resources;
        contents = allocate(outcome.contents);
        interpreted = outcome.content;
        unprinted = outcome.unprinted;
        fonts.shown(outcome.content.glyphs, outcome.removed);
        warnings.push(...outcome.warnings);
        reports.push({ page: i, regions: regs.length, ...outcome.stats });
        for (const k of Object.keys(totals) as (keyof PageStats)[]) totals[k] += outcome.stats[k];
      }
    } else if (parsed?.pages[i]) fonts.shown(parsed.pages[i]!.glyphs);
    else unread.push({ index: i, rasterized: false });
    // A withheld run whose boxes could hold no label is named in the page's stamp: every
    // withholding states its authority on its page.
    const stamp = [options.stamp, unprinted.length > 0 ? `${UNPRINTED_WORDS}: ${unprinted.map((l) => labelText(l).text).join('; ')}` : undefined].filter((t) => t !== undefined).join(' - ');
    const strikes = strikesByPage.get(i) ?? [];
    if (stamp !== '' || strikes.length > 0) {
      // The original page as interpreted already (by the redaction, or by the text layer).
      interpreted ??= parsed?.pages[i];
      // Last, over everything else the page draws; its resources are a copy with the font added.
      const stamped = stampPage(
        objs,
        { index: i, originalContents: p.dict.get('Contents'), originalResources: dictOf(resolve(objs, p.resources)), box, rotate: p.rotate, regions: regs.map((r) => r.rect), contents, resources: dictOf(resolve(objs, resources)), balanced: regs.length > 0, strikes, ...(interpreted ? { interpreted } : {}) },
        stamp,
        labelFont,
        allocate,
      );
      contents = stamped.contents;
      resources = stamped.resources;
    }
    if (resources !== undefined) out.set('Resources', resources);
    else out.set('Resources', new PdfDict());
    if (contents !== undefined) out.set('Contents', contents);
    // Annotations.
    const annots = lookupArray(objs, p.dict, 'Annots') ?? [];
    const kept: PdfValue[] = [];
    // Notes, form fields and other annotations a reader sees go unread: said, not silently.
    let unreadAnnots = 0;
    let cutLinks = 0;
    const dropped = new Map<string, number>();
    for (const a of annots) {
      const d = dictOf(resolve(objs, a));
      if (!d) continue;
      const subtype = lookupName(objs, d, 'Subtype');
      if (subtype !== 'Link' && subtype !== 'Popup') unreadAnnots++;
      const rect = numbers(objs, d.get('Rect'));
      const touches = rect && rect.length === 4 ? regs.some((r) => intersects(normaliseRect(rect as unknown as [number, number, number, number]), r.rect)) : regs.length > 0;
      const safe = subtype === 'Link' && !touches && !rasterized ? safeLink(objs, d, pageNums, options.keepUri ?? (() => true)) : null;
      if (safe?.cut) cutLinks++;
      if (safe?.refused) urisRefused++;
      if (safe?.dropped) dropped.set(safe.dropped, (dropped.get(safe.dropped) ?? 0) + 1);
      const link = safe?.link;
      if (link) {
        kept.push(allocate(link));
        linksKept++;
        if (safe!.uri !== undefined && !urisKept.includes(safe!.uri)) urisKept.push(safe!.uri);
      } else annotationsRemoved++;
    }
    if (kept.length > 0) out.set('Annots', kept);
    if (cutLinks > 0) warnings.push(`page ${i + 1}: ${cutLinks} link(s) held what a link does not (a string in a destination or border): that part, or a link without a destination of its shape, is not in the release`);
    if (dropped.size > 0) warnings.push(`page ${i + 1}: ${droppedLinks(dropped)} removed, their text kept: a release keeps only links to an address or to a page of its own`);
    if (unreadAnnots > 0) warnings.push(`page ${i + 1}: ${unreadAnnots} annotation(s) or form field(s) removed unread (notes, field values): what they showed is not in the release`);
    if (p.dict.has('Thumb') && !removed.includes('page thumbnails')) removed.push('page thumbnails');
    if (p.dict.has('PieceInfo') && !removed.includes('page-piece dictionaries')) removed.push('page-piece dictionaries');
    objs.objects.set(pageRefs[i]!.num, out);
  }
  objs.objects.set(pagesRef.num, new PdfDict([['Type', PdfName.of('Pages')], ['Kids', pageRefs], ['Count', pageRefs.length]]));
  // A link's address is hidden data: no reviewer reads it in the release text. One that repeats
  // withheld words went (its text stays); those kept are listed, never kept unsaid. The refused
  // ones are counted, never quoted.
  if (urisRefused > 0) warnings.push(`${urisRefused} link(s) removed (their text kept): the address names what is withheld`);
  if (urisKept.length > 0) warnings.push(`${urisKept.length} link address(es) kept over released text, not shown in the release text: ${urisKept.map((u) => JSON.stringify(u)).join(', ')}`);
  if (fonts.touched) {
    // The original pages, as the redaction did not need them read: what they draw, the release draws.
    for (const u of unread) {
      const p = pages[u.index]!;
      const b = pageContentBytes(objs, p.dict.get('Contents'));
      if (b === null) continue; // undecodable: its fonts cannot show more than the file keeps anyway
      const c = interpretPage(objs, b, dictOf(resolve(objs, p.resources)), p.cropBox ?? p.mediaBox);
      if (u.rasterized) fonts.withheld(c.glyphs);
      else fonts.shown(c.glyphs);
    }
    const f = fonts.rewrite(objs);
    if (f.replaced > 0) removed.push('fonts only withheld text used (replaced by Helvetica)');
    if (f.pruned > 0) removed.push('characters of withheld text in the ToUnicode maps of fonts still used');
  }

  const dropped = droppedContent(objs, catalog);
  for (const k of catalog.map.keys()) if (CATALOG_DROPPED[k] && !removed.includes(CATALOG_DROPPED[k]!)) removed.push(CATALOG_DROPPED[k]!);
  const newCatalog = new PdfDict([['Type', PdfName.of('Catalog')], ['Pages', pagesRef]]);
  // Named marked-content property lists keep no text, nor do layers wherever they are
  // (properties.ts): a withheld paragraph's /ActualText stayed in the page's /Properties after its
  // glyphs were removed, and a layer no /OCProperties lists kept its name. Before neutralLayers,
  // which numbers the layers it lists.
  const cleaned = plainPropertyLists(objs);
  if (cleaned.lists > 0) removed.push('text of marked-content property lists (/ActualText, /Alt)');
  if (cleaned.layers > 0) removed.push('names and text of optional content layers');
  // Resources keep only what rendering uses (resources.ts): no strings, no unknown categories,
  // neutral colorant names. After the fonts' rewrite, which replaces fonts,
  // and after the property lists' (which says what it removed from them); layers are left to neutralLayers.
  const bare = renderingResources(objs, pageRefs);
  if (bare.categories > 0) removed.push('resource categories no page can use');
  if (bare.strings > 0) removed.push('strings in fonts, images, graphics states, colour spaces and other resources');
  if (bare.names > 0) removed.push('free-text names in resources (colorant and font names replaced, /Name dropped, page groups and /ProcSet to what PDF defines)');
  // Resource names of no producer's shape get the tool's, in the resources and the content
  // streams that use them (resnames.ts). After the resources' rewrite, which replaces their objects.
  const named = neutralResourceNames(objs, pageRefs);
  if (named.names > 0) removed.push('resource names a producer gave (replaced by neutral ones, in the resources and the content streams)');
  if (named.unread > 0) warnings.push(`${named.unread} content stream(s) could not be decoded: the resource names they use are kept as given`);
  if (catalog.has('OCProperties')) newCatalog.set('OCProperties', neutralLayers(objs, catalog.get('OCProperties')!));
  const root = catalogRef instanceof PdfRef ? catalogRef : allocate(null);
  objs.objects.set(root.num, newCatalog);
  if (objs.trailer.has('Info')) removed.push('Info metadata (replaced by a minimal title)');
  const trailer = new PdfDict([['Root', root]]);
  if (options.title !== undefined) trailer.set('Info', allocate(new PdfDict([['Title', PdfString.fromText(options.title)]])));
  const release: PdfObjects = { objects: objs.objects, trailer };
  // STRIP_KEYS go from every object the release reaches; the writer leaves them out rather than
  // deleting them, so that objects shared with the text layer's reading stay unchanged.
  const out = writePdf(release, '1.7', { dropKeys: STRIP_KEYS });
  return {
    bytes: out,
    report: { pages: pages.length, regions: regions.length, redactedPages: reports, totals, annotationsRemoved, linksKept, urisKept, removed, dropped, warnings },
  };
}

/** What a rasterised page's warning adds for the drawings boxed beyond the text (raster-cover.ts). */
function coveredDrawings(n: number): string {
  return n === 0 ? '' : `; ${n} drawing(s) on withheld lines beside their characters (patterns, images, shapes) were covered whole, or across their width where they meet the line: review the page before release`;
}

/** `N link(s) (a named destination), M link(s) (a GoToR action)`, in the order first met. */
function droppedLinks(dropped: ReadonlyMap<string, number>): string {
  return [...dropped].map(([kind, n]) => `${n} link(s) (${kind})`).join(', ');
}
