/**
 * The glyphs of every page with their Unicode text and exact boxes, as the content-stream
 * interpreter sees them (the same glyphs the rewriter removes, so a portion's boxes are exactly
 * the glyphs it covers). Fails closed with a one-line {@link PdfInputError}: no text at all (a
 * scan), glyphs without a Unicode mapping, or text the layout cannot order (rotated or skewed).
 */
import { GlyphTable, interpretPage, pageContentBytes, type GlyphEvent, type PageContent } from '../content/interpret.js';
import { PdfInputError, type UnsureReason } from '../errors.js';
import { normaliseRect, type Rect } from '../geometry.js';
import { INKED_BLANK, MISREAD_GLYPH, MISREAD_PROGRAM, SHARED_READING } from '../font/font.js';
import { PdfString } from '../objects/model.js';
import { dictOf, resolve, type PdfObjects } from '../objects/model.js';
import { decodeTextString } from '../objects/text-string.js';
import { listPages } from '../redact/pages.js';
import { unreadTextOf } from './unread-text.js';
import { LETTERING_SHAPES, letteringShapes } from './lettering.js';

/** One shown glyph: its text, full box (user space, y up: x0 y0 x1 y1), baseline and font size. */
export interface PageGlyph {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly y: number;
  readonly size: number;
  /** The glyph is a space (code 32 or a blank Unicode value): it separates words, it is not text. */
  readonly blank: boolean;
  /**
   * It draws no ink a reader sees (render mode 3 or 7, white or transparent paint, size 0; a blank
   * off the page: text off the page refuses it, see offPageMessage): still text, but it never fills a gap between columns (see lines.ts).
   */
  readonly unseen?: boolean;
  /**
   * Set on a private-use glyph read as a bullet (`•`, see {@link bulletOf}): the one-line refusal
   * that stands unless the layout finds it where a list's bullet stands (../layout/index.ts).
   */
  readonly bullet?: string;
  /** The name of the font it is shown with (bar-holes.ts: text either side of a bar in one font). */
  readonly font?: string;
}

/**
 * A PageGlyph that reads its box, baseline and size from the interpreter's glyph: no number of
 * its own to store (a page's glyphs live until the release is written; fewer objects, less GC).
 */
class ShownGlyph implements PageGlyph {
  constructor(
    readonly text: string,
    readonly blank: boolean,
    private readonly glyph: GlyphEvent,
    readonly unseen: boolean,
    readonly bullet?: string,
  ) {}
  get x0(): number {
    return this.glyph.fx0;
  }
  get y0(): number {
    return this.glyph.fy0;
  }
  get x1(): number {
    return this.glyph.fx1;
  }
  get y1(): number {
    return this.glyph.fy1;
  }
  get y(): number {
    return this.glyph.oy;
  }
  get size(): number {
    return this.glyph.size;
  }
  get font(): string {
    return this.glyph.font.name;
  }
}

/** The one-line refusal of a PDF whose text cannot be read. */
export const NO_TEXT_LAYER = 'no text layer: the text is images or drawn shapes (a scan, or text printed as outlines), which declass does not read: OCR it, or export it again with its text';

/**
 * Why a form the page draws was not read at all: it cannot be decoded, or it is nested deeper
 * than the interpreter follows. Anywhere on the page, not only in a withheld region: a form
 * compressed with /LZWDecode drawn below a memo showed `(S//NF) … secret words` in every viewer
 * and was released, its text never read, under no decision; so did the innermost of 14 nested
 * forms. `--rasterize-unsure` does not help: a raster shows what the page shows.
 */
const UNREAD_FORM: ReadonlySet<UnsureReason> = new Set<UnsureReason>(['unknown-filter', 'nested-too-deep']);

/** A Unicode value that carries no text: missing, empty, U+FFFD, or private use only. */
function unmapped(u: string | undefined): boolean {
  return u === undefined || u === '' || /^[\uFFFD\uE000-\uF8FF\0]+$/u.test(u);
}

/**
 * Fonts of symbols, not letters (the name after a subset's `ABCDEF+` prefix): what word processors
 * draw a list's bullets in. Their ToUnicode often maps the bullet to a private-use value
 * (LibreOffice's OpenSymbol U+F095, Word's Symbol U+F0B7, Wingdings U+F0A7, U+F0D8, U+F076).
 */
const SYMBOL_FONT = /^(?:[A-Z]{6}\+)?(?:OpenSymbol|Symbol|SymbolMT|Wingdings|Wingdings-?\d|Webdings|ZapfDingbats|Dingbats|ITCZapfDingbats)\b/i;

/**
 * The private-use values word processors map their list bullets to, whatever the font's name:
 * Symbol's bullet U+F0B7 and OpenSymbol's U+F095, Wingdings' square, arrowheads, diamond, check,
 * box, disc and arrows (U+F0A7, U+F0D8, U+F076, U+F0FC, U+F06E, U+F0A8, U+F06C, U+F0E0, U+F0AE, U+F0D7).
 */
const BULLET_CODES: ReadonlySet<string> = new Set(['\uF0B7', '\uF095', '\uF0A7', '\uF0D8', '\uF076', '\uF0FC', '\uF06E', '\uF0A8', '\uF06C', '\uF0E0', '\uF0AE', '\uF0D7']);

/**
 * True when a glyph of font `font` whose Unicode value `u` is private use may be a list's bullet:
 * one private-use character, of a symbol font or one of the well-known bullet values. It is read as
 * `•` only where the layout finds it as a bullet stands (alone at a line's start, a gap after it);
 * anywhere else the page is refused as before (../layout/index.ts, unplacedBullet).
 */
function bulletOf(u: string | undefined, font: string): boolean {
  return u !== undefined && /^[\uE000-\uF8FF]$/u.test(u) && (BULLET_CODES.has(u) || SYMBOL_FONT.test(font));
}

/** Why a font's glyph has no text, by the text its font gives it instead (../font/font.ts). */
const UNMAPPED_WHY: ReadonlyMap<string, string> = new Map([
  [INKED_BLANK, ': its ToUnicode maps glyphs that draw ink to blanks'],
  [MISREAD_GLYPH, ': its ToUnicode maps glyphs to other text than the glyphs its encoding names'],
  [MISREAD_PROGRAM, ": its ToUnicode maps glyphs to other text than the font program's own cmap gives them"],
  [SHARED_READING, ': its ToUnicode maps different glyphs to the same letter, digit or mark punctuation, and its font program has no cmap to tell which draws it'],
]);

/** The one-line refusal of a page that shows glyphs of `font` without Unicode text. */
function unmappedMessage(index: number, font: string, u: string | undefined): string {
  return `page ${index + 1} shows glyphs of font ${font || '(unnamed)'} that cannot be mapped to Unicode${(u !== undefined && UNMAPPED_WHY.get(u)) || ''} (their text cannot be read, and is never released unread)`;
}

/** How a glyph's Unicode value reads: a space (blank), text (NFKC), or nothing that can be read. */
interface Reading {
  readonly text: string;
  readonly blank: boolean;
}
const BLANK: Reading = { text: ' ', blank: true };
const UNMAPPED: Reading = { text: '', blank: false };
/** A private-use glyph of a symbol font read as a list's bullet (see bulletOf). */
const BULLET: Reading = { text: '\u2022', blank: false };

function reading(u: string): Reading {
  if (/^\s+$/u.test(u)) return BLANK;
  return unmapped(u) ? UNMAPPED : { text: u.normalize('NFKC'), blank: false };
}

/**
 * Narrower than this (in em) a glyph of a visible character is no real glyph: the narrowest real
 * ones (`i`, `.`) are 0.2 em and more; the corpus shows none below 0.05 em but zero-width spaces.
 */
const MIN_ADVANCE_EM = 0.05;

/**
 * True when `g`, which reads as `text` (not blank), is a visible character drawn (almost) without
 * width: a font without /Widths (its advance 0) or whose /Widths say 0. Viewers draw such glyphs
 * with the font's real outlines, all at one spot or spread by the program's own metrics; declass
 * saw them as points, so a withheld line of them got no region and stayed in the release, and
 * reading collapsed its repeated letters (`ZEBRALK…`), so the self-check missed it. Combining marks
 * and format characters (U+200B, soft hyphen) have no advance by right.
 */
function thinGlyph(g: GlyphEvent, text: string): boolean {
  return g.fx1 - g.fx0 < MIN_ADVANCE_EM * g.size && !/^[\p{M}\p{Cf}]+$/u.test(text);
}

/**
 * The one-line refusal of a page showing a thin glyph: one whose font gives it width was squeezed
 * by the text state (a horizontal scale, Tz, below about 20%: probe 64b, F5), which is not a glyph
 * without width.
 */
function thinMessage(index: number, g: GlyphEvent, text: string): string {
  const own = g.font.width(g.code);
  const drawn = own >= MIN_ADVANCE_EM ? `horizontally scaled to ${Math.round((100 * (g.fx1 - g.fx0)) / (own * g.size))}% of its width, below what declass places with certainty` : 'with no width';
  return `page ${index + 1}: font ${g.font.name || '(unnamed)'} draws ${JSON.stringify(text)} ${drawn} (its glyphs cannot be placed with certainty: fail closed)`;
}

/**
 * The one-line refusal of a page that draws text wholly outside its visible box. No viewer shows
 * it and pdf.js and pdftotext do not extract it, yet it is in the page's stream: read as a line of
 * its own, it was released beside or under a (U) line of an unclassified page (or marked (U)
 * itself), kept in the release PDF's stream, and a self-check that lost a few words passed it
 * (probe 63). Not read as seen and not silently dropped: the page is refused, and a reviewer decides.
 */
function offPageMessage(index: number): string {
  return `page ${index + 1} draws text wholly outside its visible area (its CropBox or MediaBox): no reader sees it, and it cannot be read as the page shows it (fail closed)`;
}

/** True when glyph `g`'s full box lies wholly outside the page's area (its box, corners in order). */
function offPage(g: GlyphEvent, area: Rect): boolean {
  return g.fx1 <= area[0] || g.fx0 >= area[2] || g.fy1 <= area[1] || g.fy0 >= area[3];
}

/**
 * The glyphs of each page (0-based), in content order, and what the interpreter saw of each page
 * (for the rewriter, which would otherwise interpret the same pages again). Throws PdfInputError
 * when the text cannot be read with certainty.
 */
export function pageGlyphs(objs: PdfObjects): { glyphs: PageGlyph[][]; sizes: [number, number][]; contents: PageContent[] } {
  const pages = listPages(objs);
  let text = 0;
  const contents: PageContent[] = [];
  // What each Unicode value reads as, worked out once a document (a page shows few distinct ones).
  const read = new Map<string, Reading>();
  // A loop, not a callback made per call (see content/interpret.ts: the optimised code of
  // closures made per call did not outlive full GCs).
  const out: PageGlyph[][] = [];
  // One table for the document's glyphs, sealed once they are all read (content/interpret.ts).
  const table = new GlyphTable();
  // The first page that draws what may be text it does not show (an image, many shapes, lettering).
  let unread: string | null = null;
  try {
    for (let index = 0; index < pages.length; index++) {
      const p = pages[index]!;
      const content = pageContentBytes(objs, p.dict.get('Contents'));
      if (content === null) throw new PdfInputError(`page ${index + 1}: a content stream cannot be decoded`);
      const drawn = interpretPage(objs, content, dictOf(resolve(objs, p.resources)), p.cropBox ?? p.mediaBox, table);
      const unreadForm = drawn.unsure.find((u) => UNREAD_FORM.has(u.reason));
      if (unreadForm) throw new PdfInputError(`page ${index + 1}: ${unreadForm.detail}: what it draws would be released unread (fail closed)`);
      const twoEnds = drawn.unsure.find((u) => u.reason === 'inline-image-end');
      if (twoEnds) throw new PdfInputError(`page ${index + 1}: ${twoEnds.detail} holds an EI another reader ends it at: the readings disagree on what is image and what is content, and one would release what the other never read (fail closed)`);
      contents.push(drawn);
      const glyphs: PageGlyph[] = [];
      // The page's box with its corners in order, once a page (not an array a glyph).
      const area = normaliseRect(p.cropBox ?? p.mediaBox);
      for (const g of drawn.glyphs) {
        const u = g.unicode;
        let r = u === undefined ? (g.end - g.start === 1 && g.code === 32 ? BLANK : UNMAPPED) : read.get(u);
        if (r === undefined) read.set(u!, (r = reading(u!)));
        // A symbol font's bullet reads `•`, the refusal kept with it until the layout places it.
        const bullet = r === UNMAPPED && bulletOf(u, g.font.name) ? unmappedMessage(index, g.font.name, u) : undefined;
        if (bullet !== undefined) r = BULLET;
        // Its own words, not the scan's: the page has a text layer, one the tool cannot read.
        if (r === UNMAPPED) throw new PdfInputError(unmappedMessage(index, g.font.name, u));
        if (!g.upright) throw new PdfInputError(`page ${index + 1}: rotated or skewed text is not supported (its reading order cannot be rebuilt with certainty)`);
        if (!r.blank && thinGlyph(g, r.text)) throw new PdfInputError(thinMessage(index, g, r.text));
        if (!r.blank) text++;
        const off = offPage(g, area);
        if (off && !r.blank) throw new PdfInputError(offPageMessage(index));
        glyphs.push(new ShownGlyph(r.text, r.blank, g, g.unseen || off, bullet));
      }
      unread ??= unreadPage(drawn, p.cropBox ?? p.mediaBox, index, glyphs.filter((g) => !g.blank).length);
      const replaced = replacedText(drawn, glyphs);
      if (replaced !== null) throw new PdfInputError(`page ${index + 1}: marked content whose /${replaced} says other text than its glyphs show (what a reader would extract is not what declass reads: fail closed)`);
      const unreadText = unreadTextOf(objs, drawn, index);
      if (unreadText !== null) throw new PdfInputError(unreadText);
      out.push(glyphs);
    }
  } finally {
    table.seal();
  }
  if (text === 0) throw new PdfInputError(NO_TEXT_LAYER);
  // A page without text among pages with text: what it draws is never read, and was released as
  // it is (a scanned page of a marked article, 2004-09-10's SIDtoday on the UK liaison office, its
  // CONFIDENTIAL paragraphs in the pixels; a memo drawn as outlines). Fail closed.
  if (unread !== null) throw new PdfInputError(unread);
  const sizes = pages.map((p): [number, number] => {
    const [x0, y0, x1, y1] = p.cropBox ?? p.mediaBox;
    return [x1 - x0, y1 - y0];
  });
  return { glyphs: out, sizes, contents };
}

/**
 * Fewer filled or stroked shapes than this on a page (without text, or outside the withheld regions
 * of a release) are rules, boxes and charts, not text drawn as outlines.
 */
export const OUTLINE_SHAPES = 100;

/**
 * Why page `index`, which shows `shown` glyphs of text, cannot be read, or null when it draws
 * nothing that may hold text beside them (a blank page, a few rules, a chart beside its text). A
 * page without text: an image covering at least 1% of the page, at least {@link OUTLINE_SHAPES}
 * shapes, or {@link LETTERING_SHAPES} shapes that could be letters. A page with text: more shapes
 * that could be letters than glyphs of text (a page banner as text over a page of outlined text,
 * its TOP SECRET banner drawn, was released in full: probe 68b, F1).
 */
function unreadPage(drawn: PageContent, box: readonly number[], index: number, shown: number): string | null {
  const letters = letteringShapes(drawn.paths);
  const outlined = `text drawn as outlines cannot be read, and is never released unread`;
  if (shown > 0) return letters >= LETTERING_SHAPES && letters > shown ? `${NO_TEXT_LAYER} (page ${index + 1} shows ${letters} shapes in rows, the size of letters, and only ${shown} glyph(s) of text: ${outlined})` : null;
  const pageArea = Math.abs((box[2]! - box[0]!) * (box[3]! - box[1]!));
  const area = (r: readonly number[]) => Math.abs((r[2]! - r[0]!) * (r[3]! - r[1]!));
  const images = drawn.images.filter((i) => area(i.bbox) >= 0.01 * pageArea).length + drawn.inlineImages.filter((i) => area(i.bbox) >= 0.01 * pageArea).length;
  if (images > 0) return `${NO_TEXT_LAYER} (page ${index + 1} shows no text but an image: a scanned page cannot be read, and is never released unread)`;
  if (drawn.paths.length >= OUTLINE_SHAPES || letters >= LETTERING_SHAPES) {
    const what = letters >= LETTERING_SHAPES ? `${letters} shapes in rows, the size of letters` : `${drawn.paths.length} shapes`;
    return `${NO_TEXT_LAYER} (page ${index + 1} shows no text but ${what}: ${outlined})`;
  }
  return null;
}

/** Keys of a marked-content property list whose text extractors read instead of the glyphs. */
const REPLACING = ['ActualText', 'E'] as const;

/** A PDF text string's text, or null for another value. */
function textString(v: unknown): string | null {
  return v instanceof PdfString ? decodeTextString(v.bytes) : null;
}

/** Letters and digits only, NFKC, lower case: what must agree between a replacement and its glyphs. */
const essence = (t: string): string => t.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The key (`ActualText`, `E`) of the first marked-content span of the page whose replacement text
 * says other letters than the glyphs inside it show, or null. pdf.js and pdftotext extract the
 * replacement; declass reads the glyphs: a span whose /ActualText said `BLUEHERON …` over a (U)
 * line was released with that text unread (a ligature's `fi` over its glyph agrees).
 */
function replacedText(drawn: PageContent, glyphs: readonly { readonly text: string; readonly blank: boolean }[]): string | null {
  let spans: Map<number, { key: string; says: string; shown: string }> | null = null;
  for (const span of drawn.spans) {
    for (const key of REPLACING) {
      const says = span.props ? textString(span.props.get(key)) : null;
      if (says === null) continue;
      (spans ??= new Map()).set(span.id, { key, says, shown: '' });
      break;
    }
  }
  if (spans === null) return null;
  drawn.glyphs.forEach((g, i) => {
    for (const id of g.marks) {
      const s = spans!.get(id);
      if (s) s.shown += glyphs[i]!.text;
    }
  });
  for (const s of spans.values()) if (essence(s.says) !== essence(s.shown)) return s.key;
  return null;
}
