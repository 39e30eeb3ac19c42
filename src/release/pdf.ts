/**
 * PDF inputs: read a born-digital PDF (its text layer, then the marked-document reader), and
 * make the two PDF outputs from the original itself:
 * - release: every withheld portion and redacted span mapped to the glyph boxes it covers (one
 *   region per line piece), removed from the content streams by redactPdf (boxes the width of the
 *   text column, with the authority), then verified with pdf.js before anything is returned (no
 *   8-word run of withheld text, no glyph left in a region, ≥ 98% of the released words kept);
 *   every page has the release banner and disposition in its top margin (`UNCLASSIFIED - RELEASE
 *   IN PART B1, 1.4(C)`), a document pending review `PENDING REVIEW - NOT FOR RELEASE`;
 * - review: the original with the withheld regions banded and labelled (rule and authority),
 *   followed by the summary page.
 * The document's own banner lines are boxed and labelled with the release banner, as the release
 * text replaces them.
 * Output names never repeat withheld words ({@link safePdfStem}). Pure (bytes in, bytes out).
 */
import { pdfStampLine } from '../engine/disposition.js';
import { replacedPageBanners, visibleAcrossGaps } from '../engine/withheld.js';
import { InternalError } from '../errors.js';
import { withheldNameCheck, withheldNumberCheck } from '../leak/name-check.js';
import { LETTERING_SHAPES, OUTLINE_SHAPES, PdfInputError, letteringShapes, pageFlow, readPdfLayout, redactPdf, spanProbes, spanRegions, unreadContent, unseenTextWarnings, verifyRedaction, type PdfLayout, type PdfRegion } from '../pdf/index.js';
import { contains, type Rect } from '../pdf/geometry.js';
import { captionFigures } from '../pdf/figures.js';
import { reviewPdf, type ReviewBand } from '../pdf/review.js';
import { hasMarkings, NOT_MARKED_MESSAGE, readDocument, type ReaderId } from '../parse/read.js';
import { foldMarkStandIns, standInDiagnostic } from '../parse/stand-ins.js';
import { PDF_READER, type PdfSource } from './pdf-names.js';
import { renderReviewPdf } from '../render/pdf/index.js';
import { toReviewView } from '../render/view.js';
import type { Diagnostic, Document, Plan } from '../types.js';
import { pageSizeOf } from './folder.js';
import type { PlannedRelease } from './index.js';

export { PDF_READER, isPdfBytes, safePdfStem, type PdfSource } from './pdf-names.js';

/** Reads a PDF input: its text layer, then the document reader. Every failure is one line. */
export async function readPdfInput(bytes: Uint8Array): Promise<{ ok: true; doc: Document; reader: ReaderId; layout: PdfLayout } | { ok: false; message: string }> {
  let layout: PdfLayout;
  try {
    layout = await readPdfLayout(bytes);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
  // Marks that hide a zero-width space or a look-alike slash are read as written plainly, as in text
  // inputs (character for character: the layout's offsets stay those of its glyphs).
  const folded = foldMarkStandIns(layout.text);
  if (folded.marks > 0) layout = { ...layout, text: folded.text };
  const read = readDocument(layout.text, { format: 'document', pageFlow: pageFlow(layout) }).doc;
  if (!hasMarkings(read)) return { ok: false, message: NOT_MARKED_MESSAGE };
  const standIns = standInDiagnostic(folded.marks);
  // What the file holds beyond its pages (an attached file, bookmarks, XMP…) no release carries,
  // text or PDF: said once, when it is read, so that `--formats text` and `check` say it too.
  const unread = layout.parsed ? unreadContent(layout.parsed.objects) : [];
  const said: Diagnostic[] = unread.length > 0 ? [{ severity: 'warning', code: 'pdf-content-unread', message: `${unread.join(', ')} removed unread (not reviewed, not released)` }] : [];
  // Text no reader of the page sees is read all the same: said, page by page (unseen-warnings.ts).
  for (const w of unseenTextWarnings(layout.parsed?.pages ?? [])) said.push({ severity: 'warning', code: 'pdf-unseen-text', message: w });
  if (standIns) said.unshift(standIns);
  const doc = said.length > 0 ? { ...read, diagnostics: [...read.diagnostics, ...said] } : read;
  return { ok: true, doc, reader: PDF_READER, layout };
}

/** Regions of a plan's withheld portions and redacted spans, and the review bands (one per decision). */
export function planRegions(plan: Plan, layout: PdfLayout): { regions: PdfRegion[]; bands: ReviewBand[]; warnings: string[]; unread: string[] } {
  const regions: PdfRegion[] = [];
  const bands: { note: string; regions: { page: number; rect: readonly [number, number, number, number] }[] }[] = [];
  /** For each region, the band it is drawn in. */
  const bandOf: number[] = [];
  const byId = new Map(plan.document.portions.map((p) => [p.id, p]));
  const add = (spans: readonly { start: number; end: number }[], authority: readonly string[], note: string): void => {
    const label = authority.join(', ') || 'WITHHELD';
    const rs = spans.flatMap((s) => spanRegions(layout, s.start, s.end));
    for (const r of rs) {
      regions.push({ page: r.page, rect: r.rect, label });
      bandOf.push(bands.length);
    }
    if (rs.length > 0) bands.push({ note, regions: rs });
  };
  for (const d of plan.decisions) {
    if (d.action !== 'withhold') continue;
    const p = byId.get(d.portionId);
    if (p) add(p.segments, d.authority, `${d.portionId} WITHHELD ${d.ruleId} ${d.authority.join(', ')}`);
  }
  // A figure drawn over or under a withheld portion's line is that portion's (a caption's mark
  // covers its figure): withheld with it, under its authority, in its band (figures.ts).
  const { figures, warnings, unread } = captionFigures(layout, regions);
  for (const f of figures) {
    regions.push({ page: f.page, rect: f.rect, label: regions[f.region]!.label });
    bands[bandOf[f.region]!]!.regions.push({ page: f.page, rect: f.rect });
  }
  for (const r of plan.redactions) add([r.span], r.authority, `${r.portionId} REDACTED ${r.ruleId} ${r.authority.join(', ')}`);
  // The document's own banner lines say the release's banner instead, as in the release text (a
  // DYNAMIC PAGE banner, the most the page could hold, stays as printed).
  const release = plan.releaseBanner.trim();
  for (const b of replacedPageBanners(plan.document, release)) add(b.lines, [release], `banner replaced by ${release}`);
  return { regions, bands, warnings, unread };
}

/**
 * Refuses (nothing is written) a PDF where a withheld portion's region would take glyphs of a
 * released portion: text drawn over text, the two read as different portions. Invisible (render
 * mode 3) or white text over a (U) line was read as a paragraph of its own and withheld, and its
 * region removed the (U) words under it and boxed them B1, while the release text and the record
 * said the (U) line was released (probe 64b, F2). The removal is by region, so the two cannot be
 * told apart on the page; the message names the page and the portions, never their text. A
 * property of the input, not a bug: the input error the other refused pages give (one failed
 * document, exit 1, nothing written for it).
 */
export function assertRegionsApart(plan: Plan, layout: PdfLayout): void {
  const byId = new Map(plan.document.portions.map((p) => [p.id, p]));
  const withheld: { page: number; rect: Rect; id: string }[] = [];
  for (const d of plan.decisions) {
    if (d.action !== 'withhold') continue;
    for (const s of byId.get(d.portionId)?.segments ?? []) for (const r of spanRegions(layout, s.start, s.end)) withheld.push({ page: r.page, rect: r.rect, id: d.portionId });
  }
  if (withheld.length === 0) return;
  const redacted = plan.redactions.map((r) => r.span);
  for (const d of plan.decisions) {
    if (d.action !== 'release') continue;
    for (const s of byId.get(d.portionId)?.segments ?? []) {
      for (const g of spanProbes(layout, s.start, s.end)) {
        if (redacted.some((r) => g.at >= r.start && g.at < r.end)) continue;
        const over = withheld.find((w) => w.page === g.page && g.x > w.rect[0] && g.x < w.rect[2] && g.y > w.rect[1] && g.y < w.rect[3]);
        if (over) throw new PdfInputError(`page ${g.page + 1}: withheld portion ${over.id} is drawn over released portion ${d.portionId} (their glyphs lie on one another): its removal would take released words; nothing was written`);
      }
    }
  }
}

/**
 * Where the marks of declassified portions stand (one rectangle per line piece), to be lined
 * through: the release shows the text, and its mark no longer says what it is.
 */
export function declassifiedMarks(plan: Plan, layout: PdfLayout): Omit<PdfRegion, 'label'>[] {
  const byId = new Map(plan.document.portions.map((p) => [p.id, p]));
  const out: Omit<PdfRegion, 'label'>[] = [];
  for (const d of plan.decisions) {
    if (d.action !== 'release' || !d.declassified) continue;
    const mark = byId.get(d.portionId)?.mark;
    if (mark) for (const r of spanRegions(layout, mark.span.start, mark.span.end)) out.push({ page: r.page, rect: r.rect });
  }
  return out;
}

/** The release PDF: the original with the plan's withheld text removed, verified with pdf.js. Throws InternalError (nothing is written) when the verification fails. */
export async function releasePdf(planned: PlannedRelease, source: PdfSource, title: string): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[] }> {
  const { regions, warnings: figureWarnings, unread } = planRegions(planned.plan, source.layout);
  // Every page carries the release banner and disposition (a document pending review its stamp),
  // as the release text and a release made from text do.
  const { disposition } = planned.plan;
  const stamp = pdfStampLine(planned.plan.releaseBanner, disposition.kind, disposition.stamp, planned.plan.declassMarking);
  // A declassified portion's mark is lined through, where the release text rewrites it.
  const strikes = declassifiedMarks(planned.plan, source.layout);
  // The objects and pages the text layer read are reused: the file is parsed and interpreted once.
  // A link kept on released text must not name what is withheld in its address.
  const repeats = withheldNameCheck(planned);
  const repeatsNumber = withheldNumberCheck(planned);
  // It is kept only over released text (redactPdf: a link a region touches goes) and when what its
  // address says (uriReading) names nothing withheld; the kept ones are listed in a warning.
  const keepUri = (uri: string): boolean => {
    const said = uriReading(uri);
    return !repeats(said) && !repeatsNumber(said);
  };
  const { bytes, report } = await redactPdf(source.bytes, regions, { title, rasterizeUnsure: source.rasterizeUnsure ?? false, stamp, strikes, keepUri, ...(source.layout.parsed ? { parsed: source.layout.parsed } : {}) });
  // The original's words outside the regions come from the text layer already read (no second
  // pdf.js reading of the original); the release is read by pdf.js, the independent reader.
  // Pages turned into images (--rasterize-unsure) show no text by design: not counted as lost.
  const imagePages = new Set(report.redactedPages.filter((r) => r.rasterized).map((r) => r.page));
  const check = await verifyRedaction(source.layout, bytes, regions, planned.withheld.map((w) => w.text), { releasedTexts: [planned.visible, visibleAcrossGaps(planned.visible)], imagePages, ...(source.checkRelease ? { checkRelease: source.checkRelease } : {}) });
  if (!check.ok) {
    // The message never quotes withheld text.
    const why = [
      check.leaks.length > 0 ? `${check.leaks.reduce((s, l) => s + l.shingles, 0)} run(s) of withheld words still readable` : '',
      check.charsInRegions.length > 0 ? `characters left in ${check.charsInRegions.length} withheld region(s)` : '',
      check.keptFraction < 0.98 ? `only ${(100 * check.keptFraction).toFixed(1)}% of the released words still readable${lostWords(check.lost ?? [], source.layout)}` : '',
    ].filter((s) => s !== '');
    throw new InternalError(`self-check of the release PDF failed: ${why.join('; ')}; nothing was written`);
  }
  // What the input held beyond its pages (report.dropped) was said when it was read (readPdfInput).
  const diagnostics: Diagnostic[] = [...figureWarnings, ...report.warnings].map((w) => ({ severity: 'warning', code: 'pdf-redaction', message: w }));
  // Whatever the disposition: a document that withholds nothing can hold its text in shapes (a
  // SECRET//NOFORN page drawn as outlines went out RELEASE IN FULL with nothing said, probe 68b F1).
  diagnostics.push(...unreadDrawings(source.layout, regions));
  diagnostics.push(...unread.map((w): Diagnostic => ({ severity: 'warning', code: 'pdf-unread', message: w })));
  diagnostics.push(...coveredText(source.layout));
  return { bytes, diagnostics };
}

/**
 * Where the release lost released words, and the likely cause (probe 67a, F4: the count alone
 * named no page and no way on): each page's lost words (released words, never withheld ones: they
 * lie outside every region), a few quoted, and, on a page that draws text no reader sees, that
 * its removal (a withheld piece of its own inside a released line) took the words around it.
 */
function lostWords(lost: readonly { page: number; words: readonly string[] }[], layout: PdfLayout): string {
  if (lost.length === 0) return '';
  // `page N: K glyph(s) of text at [..] are not visible on the page (why)`: where and why, per page.
  const unseen = new Map<number, string>();
  for (const w of unseenTextWarnings(layout.parsed?.pages ?? [])) {
    const m = /^page (\d+): \d+ glyph\(s\) of text (at \[[^\]]*\]) are not visible on the page \(([^)]*)\)/.exec(w);
    if (m && !unseen.has(Number(m[1]) - 1)) unseen.set(Number(m[1]) - 1, `${m[2]}, ${m[3]}`);
  }
  const pages = lost.slice(0, 3).map((l) => {
    const quoted = l.words.slice(0, 5).map((w) => JSON.stringify(w)).join(', ');
    const cause = unseen.has(l.page) ? ` (likely cause: text no reader sees ${unseen.get(l.page)}, withheld as a piece of its own, lies among released words, and its removal took them)` : '';
    return `page ${l.page + 1} lost ${l.words.length} word(s): ${quoted}${l.words.length > 5 ? ', …' : ''}${cause}`;
  });
  return ` (${pages.join('; ')}${lost.length > 3 ? '; …' : ''}; --formats text releases the text alone; the release PDF needs a person: --rasterize-unsure applies only to pages the rewriter cannot cut)`;
}

/**
 * One warning for each opaque shape or image drawn over text (content/interpret.ts, coverText):
 * the text is read as unseen, a piece of its own, never released with the line it sits in; the
 * warning names what covers it and where (never the text). A producer's box over words of a (U)
 * line kept them in the release, the box over them and nothing said (probe 61a, F2).
 */
function coveredText(layout: PdfLayout): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pages = layout.parsed?.pages ?? [];
  for (let i = 0; i < pages.length; i++) {
    for (const c of pages[i]!.covers) {
      const at = c.bbox.map((v) => Math.round(v)).join(' ');
      out.push({ severity: 'warning', code: 'pdf-covered-text', message: `page ${i + 1}: ${c.glyphs.length} glyph(s) of text lie under ${c.what} drawn over them at [${at}]: no reader sees them, so they are read as unseen text, a piece of their own (withheld unless it is marked), not as part of the line around them` });
    }
  }
  return out;
}

/**
 * The review PDF of a PDF input: the original banded and labelled, then the summary page, on the
 * paper of the original's first page (A4 or Letter, as its width says; `--page-size` does not
 * apply to PDF inputs, whose pages keep their size).
 */
export async function reviewOfPdf(planned: PlannedRelease, source: PdfSource, ref: string): Promise<{ bytes: Uint8Array; pages: number; diagnostics: Diagnostic[] }> {
  const { bands } = planRegions(planned.plan, source.layout);
  const pageSize = pageSizeOf(source.layout.sizes[0]?.[0] ?? 612);
  const summary = await renderReviewPdf({ ...toReviewView(planned.plan, ref), lines: [] }, { pageSize, summaryAfterPages: source.layout.pages });
  const bytes = await reviewPdf(source.bytes, bands, summary.bytes);
  return { bytes, pages: source.layout.pages + summary.pages, diagnostics: summary.diagnostics };
}

/**
 * What a release keeps without reading it (whatever it withholds): images of at
 * least 2% of the page (not the SIDtoday masthead's logo, 1.4%, on every article) or a line's
 * strip (two inches wide or more, four times as wide as high), and text drawn as
 * outlines (at least {@link OUTLINE_SHAPES} shapes, or {@link LETTERING_SHAPES} in rows the size of
 * letters) outside the withheld regions. Text in them is
 * not read, so it is never checked against the withholdings: a warning for the reviewer, never a
 * silent release (a screenshot of an `(S//NF)` paragraph beside (U) text was released with nothing
 * said).
 */
function unreadDrawings(layout: PdfLayout, regions: readonly PdfRegion[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pages = layout.parsed?.pages ?? [];
  for (let i = 0; i < pages.length; i++) {
    const [w, h] = layout.sizes[i] ?? [612, 792];
    const outside = (r: Rect) => !regions.some((g) => g.page === i && contains(g.rect as Rect, r, 1));
    // At least 2% of the page, or a strip as wide as a line of text (a screenshot of one line).
    const big = (r: readonly number[]) => {
      const [iw, ih] = [Math.abs(r[2]! - r[0]!), Math.abs(r[3]! - r[1]!)];
      return iw * ih >= 0.02 * w * h || (iw >= 144 && iw >= 4 * ih && ih >= 6);
    };
    const images = [...pages[i]!.images, ...pages[i]!.inlineImages].filter((m) => big(m.bbox) && outside(m.bbox)).length;
    const kept = pages[i]!.paths.filter((p) => outside(p.bbox));
    const letters = letteringShapes(kept);
    const shapes = kept.length >= OUTLINE_SHAPES ? `${kept.length} shapes` : letters >= LETTERING_SHAPES ? `${letters} shapes in rows, the size of letters` : '';
    const what = [images > 0 ? `${images} image(s)` : '', shapes].filter((x) => x !== '').join(' and ');
    if (what !== '') out.push({ severity: 'warning', code: 'pdf-unread', message: `page ${i + 1}: ${what} kept as drawn; text in images or drawn as shapes is not read, so it is not checked against what is withheld: review them before release` });
  }
  return out;
}

/** The named character references a URI may use for letters and separators (HTML's). */
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', sol: '/', colon: ':', period: '.', hyphen: '-', dash: '-', lowbar: '_', num: '#', percnt: '%', quest: '?', equals: '=', plus: '+', commat: '@' };

/**
 * What a URI's address says, as its reader would take it: %-escapes and HTML character references
 * (`&#90;`, `&#x5A;`, `&amp;`) decoded, each again while that changes something; then, after it,
 * every piece of 8 or more base64 characters that decodes to printable text, decoded (`WlFDT0JSQQ==`
 * is a word as surely as the word is). The checks that read it fold case.
 */
export function uriReading(uri: string): string {
  let text = uri;
  for (let i = 0; i < 4; i++) {
    const next = decodedUri(text)
      .replace(/&#(\d{1,7});?/g, (all, d: string) => (Number(d) <= 0x10ffff ? String.fromCodePoint(Number(d)) : all))
      .replace(/&#[xX]([0-9A-Fa-f]{1,6});?/g, (all, h: string) => (parseInt(h, 16) <= 0x10ffff ? String.fromCodePoint(parseInt(h, 16)) : all))
      .replace(/&([A-Za-z]+);/g, (all, n: string) => ENTITIES[n.toLowerCase()] ?? all);
    if (next === text) break;
    text = next;
  }
  const decoded: string[] = [];
  for (const piece of text.match(/[A-Za-z0-9+_-]{8,}={0,2}/g) ?? []) {
    const b = Buffer.from(piece.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
    if (b.length >= 3 && /^[\x20-\x7e]+$/.test(b)) decoded.push(b);
  }
  return decoded.length > 0 ? `${text} ${decoded.join(' ')}` : text;
}

/**
 * A URI as a reader of it sees it: every valid %-escape decoded (a run of them as UTF-8, or as
 * Latin-1 bytes when it is not UTF-8), invalid ones (`%ZZ`) left as they are, and again while that
 * changes something (`%2542` is `%42`, then `B`). decodeURIComponent threw on one `%ZZ` and the
 * check then read the URI undecoded: a probe's `/%52%41%56…?x=%ZZ` kept the withheld words.
 */
function decodedUri(uri: string): string {
  let text = uri;
  for (let i = 0; i < 4; i++) {
    const next = text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      const bytes = Uint8Array.from(run.slice(1).split('%'), (h) => parseInt(h, 16));
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return Buffer.from(bytes).toString('latin1');
      }
    });
    if (next === text) break;
    text = next;
  }
  return text;
}
