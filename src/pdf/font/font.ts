/**
 * What the text interpreter needs to know about a font: how a shown string splits into glyph
 * codes, each code's advance width and Unicode text, the vertical extent of its glyphs, and
 * whether any of that is a guess (then a glyph of it inside a withheld region fails closed).
 *
 * Handled: simple fonts (Type1, MMType1, TrueType) with /Widths and /MissingWidth, or the metrics
 * of the 14 standard fonts when /Widths is absent; encodings WinAnsi, MacRoman, Standard (and the
 * Symbol font's own) with /Differences; ToUnicode CMaps. Type0 fonts with Identity-H or an embedded
 * encoding CMap, widths from /W and /DW. Type3 fonts are read for widths but marked unsure (their
 * glyphs are drawn by procedures the rewriter does not follow); so are vertical fonts, predefined
 * CMaps other than Identity, and simple fonts without widths.
 */
import { Font as StandardFont, type IFontNames } from '@pdf-lib/standard-fonts';
import { PdfDict, PdfName, PdfStream, dictOf, lookup, lookupArray, lookupDict, lookupName, lookupNumber, numbers, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';
import { decodeToBytes } from '../objects/filters.js';
import type { UnsureReason } from '../errors.js';
import { cidOf, codeLength, parseCMap, type CodespaceRange, type ParsedCMap } from './cmap.js';
import { GLYPH_UNICODE, MacRomanEncoding, StandardEncoding, SymbolEncoding, WinAnsiEncoding } from './encoding-tables.js';
import { emptyGlyphs, programCharacters } from './sfnt.js';

/** One glyph code in a shown string. */
export interface GlyphCode {
  /** The code's value (big-endian bytes). */
  readonly code: number;
  /** Byte offset of the code in the string, and its length in bytes. */
  readonly start: number;
  readonly length: number;
}

/** A font as the interpreter sees it. Widths are in text space units (glyph space / 1000). */
export interface FontInfo {
  readonly name: string;
  readonly type: 'simple' | 'type0' | 'type3';
  /** Why glyphs of this font cannot be redacted with certainty, when they cannot. */
  readonly unsure?: { readonly reason: UnsureReason; readonly detail: string };
  /** Ascent and descent in text space units (descent ≤ 0 < ascent). */
  readonly ascent: number;
  readonly descent: number;
  /** Split a shown string into codes. */
  codes(bytes: Uint8Array): GlyphCode[];
  /** The length in bytes of the code at `at` (≥ 1): what {@link codes} splits by, without building the list. */
  codeLength(bytes: Uint8Array, at: number): number;
  /** Horizontal advance of `code` in text space units. */
  width(code: number): number;
  /** Unicode text of `code`, when known. */
  unicode(code: number): string | undefined;
}

/** The codes of `bytes` as `codeLength` splits them (each code its bytes read big-endian). */
function splitCodes(bytes: Uint8Array, codeLength: (bytes: Uint8Array, at: number) => number): GlyphCode[] {
  const out: GlyphCode[] = [];
  for (let i = 0; i < bytes.length; ) {
    const length = codeLength(bytes, i);
    let code = 0;
    for (let k = 0; k < length; k++) code = code * 256 + bytes[i + k]!;
    out.push({ code, start: i, length });
    i += length;
  }
  return out;
}

function oneByteCodes(bytes: Uint8Array): GlyphCode[] {
  return splitCodes(bytes, () => 1);
}

const BASE_ENCODINGS: Record<string, readonly string[]> = {
  WinAnsiEncoding,
  MacRomanEncoding,
  StandardEncoding,
};

/** Unicode of a glyph name (AGL rules for names outside the table: uniXXXX, uXXXX[XX], name.suffix). */
export function glyphNameToUnicode(name: string): string | undefined {
  const base = name.split('.')[0]!;
  const v = GLYPH_UNICODE[base];
  if (v !== undefined) return String.fromCodePoint(v);
  let m = /^uni([0-9A-F]{4})+$/.exec(base);
  if (m) {
    let s = '';
    for (let i = 3; i < base.length; i += 4) s += String.fromCharCode(parseInt(base.slice(i, i + 4), 16));
    return s;
  }
  m = /^u([0-9A-F]{4,6})$/.exec(base);
  if (m) {
    const cp = parseInt(m[1]!, 16);
    if (cp <= 0x10ffff) return String.fromCodePoint(cp);
  }
  if (base.includes('_')) {
    const parts = base.split('_').map(glyphNameToUnicode);
    if (parts.every((p) => p !== undefined)) return parts.join('');
  }
  return undefined;
}

const STANDARD_ALIASES: Record<string, IFontNames> = {
  Arial: 'Helvetica', ArialMT: 'Helvetica', 'Arial-BoldMT': 'Helvetica-Bold', 'Arial,Bold': 'Helvetica-Bold',
  'Arial-ItalicMT': 'Helvetica-Oblique', 'Arial,Italic': 'Helvetica-Oblique', 'Arial-BoldItalicMT': 'Helvetica-BoldOblique',
  'Arial,BoldItalic': 'Helvetica-BoldOblique', TimesNewRoman: 'Times-Roman', TimesNewRomanPSMT: 'Times-Roman',
  'TimesNewRoman,Bold': 'Times-Bold', 'TimesNewRomanPS-BoldMT': 'Times-Bold', 'TimesNewRoman,Italic': 'Times-Italic',
  'TimesNewRomanPS-ItalicMT': 'Times-Italic', 'TimesNewRoman,BoldItalic': 'Times-BoldItalic',
  'TimesNewRomanPS-BoldItalicMT': 'Times-BoldItalic', CourierNew: 'Courier', CourierNewPSMT: 'Courier',
  'CourierNew,Bold': 'Courier-Bold', 'CourierNewPS-BoldMT': 'Courier-Bold', 'CourierNew,Italic': 'Courier-Oblique',
  'CourierNewPS-ItalicMT': 'Courier-Oblique', 'CourierNew,BoldItalic': 'Courier-BoldOblique',
  'CourierNewPS-BoldItalicMT': 'Courier-BoldOblique',
};
const STANDARD_NAMES = new Set<string>(['Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique', 'Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique', 'Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic', 'Symbol', 'ZapfDingbats']);
const standardCache = new Map<string, StandardFont>();

/** The standard-14 font a base font name stands for (subset prefix and common aliases allowed). */
function standardFont(baseFont: string): StandardFont | undefined {
  const name = baseFont.replace(/^[A-Z]{6}\+/, '');
  const std = STANDARD_NAMES.has(name) ? (name as IFontNames) : STANDARD_ALIASES[name];
  if (!std) return undefined;
  let f = standardCache.get(std);
  if (!f) {
    f = StandardFont.load(std);
    standardCache.set(std, f);
  }
  return f;
}

function verticalMetrics(objs: PdfObjects, descriptor: PdfDict | undefined, std?: StandardFont): { ascent: number; descent: number } {
  let ascent = lookupNumber(objs, descriptor, 'Ascent');
  let descent = lookupNumber(objs, descriptor, 'Descent');
  const bbox = numbers(objs, descriptor?.get('FontBBox'));
  if ((ascent === undefined || ascent <= 0) && bbox && bbox[3]! > 0) ascent = bbox[3];
  if ((descent === undefined || descent > 0) && bbox && bbox[1]! <= 0) descent = bbox[1];
  if ((ascent === undefined || ascent <= 0) && std?.Ascender) ascent = std.Ascender;
  if ((descent === undefined || descent > 0) && std?.Descender !== undefined) descent = std.Descender as number;
  if (ascent === undefined || ascent <= 0) ascent = 800;
  if (descent === undefined || descent > 0) descent = -200;
  // Fonts that claim absurd extents would make every glyph a page-tall box: cap to sane values.
  return { ascent: Math.min(ascent, 1500) / 1000, descent: Math.max(descent, -1000) / 1000 };
}

/**
 * The font's ToUnicode map, with no text (unmapped: the page is refused when it shows them) for
 * codes it maps to blanks where the glyphs draw ink: those `inked` says are (the encoding names a
 * glyph that is no space), and all of them when more than {@link MAX_BLANK_CODES} distinct codes
 * map to blanks, unless `byProgram` (a TrueType program's outlines tell which glyphs are empty:
 * programCheck judges each blank code by its glyph). A ToUnicode that mapped every printable code to
 * U+0020 had a (S//NF) paragraph in Helvetica read as blanks, so in no portion, and released as printed.
 */
function readToUnicode(objs: PdfObjects, font: PdfDict, shown?: (code: number) => string | undefined, byProgram = false): ParsedCMap | undefined {
  const tu = lookup(objs, font, 'ToUnicode');
  if (!(tu instanceof PdfStream)) return undefined;
  const bytes = decodeToBytes(objs, tu);
  if (!bytes) return undefined;
  const cmap = parseCMap(bytes);
  const blanks: number[] = [];
  const misread: number[] = [];
  for (const [code, u] of cmap.unicode) {
    if (BLANK_TEXT.test(u)) blanks.push(code);
    else {
      const glyph = shown?.(code);
      if (glyph !== undefined && !sameReading(u, glyph)) misread.push(code);
    }
  }
  const lying = blanks.length > MAX_BLANK_CODES && !byProgram ? blanks : shown ? blanks.filter((code) => shown(code) !== undefined) : [];
  for (const code of lying) cmap.unicode.set(code, INKED_BLANK);
  for (const code of misread) cmap.unicode.set(code, MISREAD_GLYPH);
  return cmap;
}

/**
 * The text of a code whose ToUnicode names another character than the glyph its encoding draws
 * (a standard font not embedded, or a glyph the dictionary names): no text, so the page that shows
 * it is refused. A Helvetica whose ToUnicode mapped the code of `S` to `U` had a page showing
 * `(S) …` read as `(U) …` and released as printed.
 */
export const MISREAD_GLYPH = '\uFFFD\0\0\uFFFD';

/**
 * The text of a code of a Type0 font whose ToUnicode names another character than the embedded
 * TrueType program's own cmap maps to the glyph it draws, for the characters portion marks and
 * banners are spelt with: no text, so the page that shows it is refused. A Chromium page whose
 * DejaVu Sans subset (Identity-H) had its ToUnicode map the glyph of `S` to `U` showed `(S) …` and
 * was read as `(U) …` and released as printed (probe 62b, F2).
 */
export const MISREAD_PROGRAM = '\uFFFD\0\0\0\uFFFD';

/**
 * The text of a code of a Type0 font whose ToUnicode gives its mark character to a code drawing
 * another glyph too (where the program cannot tell which draws it): no text, the page is refused.
 */
export const SHARED_READING = '\uFFFD\0\0\0\0\0\uFFFD';

/**
 * The characters checked against a font program's cmap: those of portion marks and banners
 * (`(S//NF)`, `(TS//SI//REL TO USA, FVEY)`, `SECRET`, `(U)`, `25X1`), a glyph read as one or drawn as one.
 */
const MARK_CHARACTER = /[A-Z0-9()/]/u;

/**
 * Text as compared between a ToUnicode entry and a glyph name: compatibility forms (ligatures,
 * ellipsis, decomposed accents), and one form for each family of quotes, hyphens and dashes, which
 * producers map either way; letters keep their case (`(s)` is no portion mark).
 */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/gu, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/gu, '"')
    .replace(/[\u00AD\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu, '-');
}

/**
 * True when a ToUnicode entry `text` may say what glyph `glyph` (its name's Unicode) shows: the two
 * compare equal, the name gives a private-use value (what it shows is not known), or neither holds
 * a letter, digit or punctuation (symbols, dingbats: no word of the text, no mark, hangs on which).
 */
function sameReading(text: string, glyph: string): boolean {
  const a = comparable(text);
  const b = comparable(glyph);
  return a === b || /^\p{Co}+$/u.test(b) || !/[\p{L}\p{N}\p{P}]/u.test(a + b);
}

/**
 * The text of a code whose ToUnicode blank is taken for a lie: no text (as U+FFFD and NUL are not:
 * the page is refused), and distinct from any a real map gives, so that the refusal can say why.
 */
export const INKED_BLANK = '\uFFFD\0\uFFFD';

/**
 * Text that shows nothing: spaces (U+2000–U+200A, U+3000…), format characters (U+200B, soft
 * hyphen) and every other character that draws nothing: Default_Ignorable_Code_Point (U+034F,
 * the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, U+180E, variation selectors) and the braille
 * blank U+2800, which is none of these. A ToUnicode that mapped every printable code of Helvetica
 * to U+2800 had a (S//NF) paragraph read as a line of braille blanks in no portion: released.
 */
const BLANK_TEXT = /^[\s\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\u115F\u1160\u3164\uFFA0\u180E]+$/u;

/**
 * More distinct codes of one font mapped to blanks than this, and they are taken for glyphs that
 * draw ink: a font has one space glyph, a few with no-break and thin spaces (every ToUnicode of the
 * corpus's 1,125 PDFs maps at most one code to a blank).
 */
const MAX_BLANK_CODES = 3;

/**
 * The Unicode of the glyph named `name` when it draws ink (no space, no format or control
 * character, not .notdef).
 */
function inkOf(name: string | undefined): string | undefined {
  const u = name === undefined || name === '.notdef' ? undefined : glyphNameToUnicode(name);
  return u !== undefined && !BLANK_TEXT.test(u) && !/^\p{Cc}+$/u.test(u) ? u : undefined;
}

/**
 * The names of a simple font's codes, whether its encoding is understood, and which names the
 * dictionary itself gives (`given`: a base encoding named, or a /Differences entry), so that they
 * are the glyphs drawn whatever the font program's own encoding.
 */
function simpleEncoding(objs: PdfObjects, font: PdfDict, std: StandardFont | undefined): { names: string[]; known: boolean; given: (code: number) => boolean } {
  const enc = lookup(objs, font, 'Encoding');
  const stdName = std?.FontName;
  const builtIn = stdName === 'Symbol' ? SymbolEncoding : stdName === 'ZapfDingbats' ? undefined : StandardEncoding;
  let known = true;
  if (enc instanceof PdfName) {
    const base = BASE_ENCODINGS[enc.name];
    if (!base) return { names: [...(builtIn ?? StandardEncoding)], known: false, given: () => false };
    return { names: [...base], known, given: () => true };
  } else {
    const ed = dictOf(enc);
    const baseName = lookupName(objs, ed, 'BaseEncoding');
    const base = baseName ? BASE_ENCODINGS[baseName] : undefined;
    if (baseName && !base) known = false;
    // Without a base encoding, the font's own: Standard for Type1 text fonts; unknown for embedded symbolic fonts.
    const names = [...(base ?? builtIn ?? StandardEncoding)];
    if (!base && !builtIn && !std) known = false;
    const diffs = lookupArray(objs, ed, 'Differences');
    const listed = new Set<number>();
    if (diffs) {
      let code = 0;
      for (const d of diffs) {
        const v = resolve(objs, d);
        if (typeof v === 'number') code = v;
        else if (v instanceof PdfName && code < 256) {
          listed.add(code);
          names[code++] = v.name;
        }
      }
    }
    return { names, known, given: base ? () => true : (code) => listed.has(code) };
  }
}

function loadSimple(objs: PdfObjects, font: PdfDict, subtype: string): FontInfo {
  const baseFont = lookupName(objs, font, 'BaseFont') ?? '';
  const descriptor = lookupDict(objs, font, 'FontDescriptor');
  const std = standardFont(baseFont);
  const first = lookupNumber(objs, font, 'FirstChar') ?? 0;
  const widths = numbers(objs, font.get('Widths'));
  const missing = lookupNumber(objs, descriptor, 'MissingWidth') ?? 0;
  const { names, known, given } = simpleEncoding(objs, font, std);
  // A standard font that embeds no program draws the glyphs its encoding names; an embedded one
  // may have an encoding of its own where the dictionary names none.
  const embedded = descriptor !== undefined && (descriptor.has('FontFile') || descriptor.has('FontFile2') || descriptor.has('FontFile3'));
  const named = (code: number): boolean => given(code) || (std !== undefined && !embedded);
  const toUnicode = readToUnicode(objs, font, (code) => (named(code) ? inkOf(names[code]) : undefined));
  const isType3 = subtype === 'Type3';
  const fm = isType3 ? (numbers(objs, font.get('FontMatrix')) ?? [0.001, 0, 0, 0.001, 0, 0]) : undefined;
  // Type3 widths are in glyph space: FontMatrix maps them to text space (×1000 to match the others).
  const scale = fm ? fm[0]! * 1000 : 1;
  let unsure: FontInfo['unsure'];
  // A Type3 font needs no /Name (Chromium writes none): said as `a Type3 font`, not with a gap.
  const type3Name = isType3 ? lookupName(objs, font, 'Name') : undefined;
  if (isType3) unsure = { reason: 'type3-font', detail: `${type3Name ? `Type3 font ${type3Name}` : 'a Type3 font'} draws glyphs with procedures` };
  else if (!widths && !std) unsure = { reason: 'unknown-font', detail: `font ${baseFont} has no /Widths and is not a standard font` };
  else if (!known && !toUnicode) unsure = { reason: 'unknown-encoding', detail: `font ${baseFont} has an encoding that is not understood` };
  const metrics = isType3 ? type3Metrics(objs, font, fm!) : verticalMetrics(objs, descriptor, std);
  return new SimpleFont(baseFont, isType3 ? 'type3' : 'simple', unsure, metrics.ascent, metrics.descent, widths, first, missing, scale, names, std, toUnicode);
}

/*
 * The fonts are classes, not object literals with closures: the interpreter's glyph loop calls
 * `codeLength`, `width` and `unicode` of every font of every document, and the optimised loop
 * inlined the closures of the fonts it had met and was thrown away ("weak objects") each time
 * a collection freed those documents' fonts; methods of a class are the same functions for all.
 */

/** A simple font (Type1, MMType1, TrueType, Type3): one byte a code. */
class SimpleFont implements FontInfo {
  constructor(
    readonly name: string,
    readonly type: 'simple' | 'type3',
    readonly unsure: FontInfo['unsure'],
    readonly ascent: number,
    readonly descent: number,
    private readonly widths: number[] | undefined,
    private readonly first: number,
    private readonly missing: number,
    private readonly scale: number,
    private readonly names: readonly string[],
    private readonly std: StandardFont | undefined,
    private readonly toUnicode: ParsedCMap | undefined,
  ) {}

  codes(bytes: Uint8Array): GlyphCode[] {
    return oneByteCodes(bytes);
  }

  codeLength(): number {
    return 1;
  }

  width(code: number): number {
    const { widths, missing, scale } = this;
    if (widths) {
      const w = widths[code - this.first];
      if (w !== undefined) return (w * scale) / 1000;
      return (missing * scale) / 1000;
    }
    const name = this.names[code];
    const w = name && this.std ? this.std.getWidthOfGlyph(name) : undefined;
    return (typeof w === 'number' ? w : missing) / 1000;
  }

  unicode(code: number): string | undefined {
    const t = this.toUnicode?.unicode.get(code);
    if (t !== undefined) return t;
    const name = this.names[code];
    return name ? glyphNameToUnicode(name) : undefined;
  }
}

function type3Metrics(objs: PdfObjects, font: PdfDict, fm: number[]): { ascent: number; descent: number } {
  const bbox = numbers(objs, font.get('FontBBox'));
  const sy = fm[3] ?? 0.001;
  if (bbox && bbox[3]! * sy > 0) return { ascent: Math.min(bbox[3]! * sy, 1.5), descent: Math.min(0, Math.max(bbox[1]! * sy, -1)) };
  return { ascent: 0.8, descent: -0.2 };
}

const IDENTITY_RANGES: CodespaceRange[] = [{ bytes: 2, low: Uint8Array.of(0, 0), high: Uint8Array.of(0xff, 0xff) }];

function loadType0(objs: PdfObjects, font: PdfDict): FontInfo {
  const baseFont = lookupName(objs, font, 'BaseFont') ?? '';
  const descendants = lookupArray(objs, font, 'DescendantFonts');
  const cidFont = dictOf(resolve(objs, descendants?.[0]));
  const descriptor = lookupDict(objs, cidFont, 'FontDescriptor');
  const enc = lookup(objs, font, 'Encoding');
  let ranges = IDENTITY_RANGES;
  let cmap: ParsedCMap | undefined;
  let vertical = false;
  let unsure: FontInfo['unsure'];
  if (enc instanceof PdfName) {
    if (enc.name === 'Identity-V') vertical = true;
    else if (enc.name !== 'Identity-H') unsure = { reason: 'unknown-encoding', detail: `font ${baseFont} uses the predefined CMap ${enc.name}` };
  } else if (enc instanceof PdfStream) {
    const bytes = decodeToBytes(objs, enc);
    cmap = bytes ? parseCMap(bytes) : undefined;
    const use = cmap?.useCMap ?? lookupName(objs, enc.dict, 'UseCMap');
    if (!cmap || cmap.codespace.length === 0) {
      if (cmap && (use === 'Identity-H' || use === 'Identity-V')) {
        vertical = use === 'Identity-V';
      } else unsure = { reason: 'unknown-encoding', detail: `font ${baseFont} has an embedded CMap without code-space ranges` };
    } else {
      ranges = cmap.codespace;
      if (use && use !== 'Identity-H' && use !== 'Identity-V') unsure = { reason: 'unknown-encoding', detail: `font ${baseFont} builds on the predefined CMap ${use}` };
      if (use === 'Identity-V') vertical = true;
    }
    if (cmap?.wmode === 1 || lookupNumber(objs, enc.dict, 'WMode') === 1) vertical = true;
  } else unsure = { reason: 'unknown-encoding', detail: `font ${baseFont} has no /Encoding` };
  if (!cidFont) unsure ??= { reason: 'unknown-font', detail: `font ${baseFont} has no descendant font` };
  if (vertical) unsure ??= { reason: 'vertical-text', detail: `font ${baseFont} writes vertically` };

  const dw = lookupNumber(objs, cidFont, 'DW') ?? 1000;
  const widths = new Map<number, number>();
  const wRanges: [number, number, number][] = [];
  const w = lookupArray(objs, cidFont, 'W') ?? [];
  for (let i = 0; i < w.length; ) {
    const first = resolve(objs, w[i]);
    const next = resolve(objs, w[i + 1]);
    if (typeof first !== 'number') break;
    if (Array.isArray(next)) {
      next.forEach((v, k) => {
        const n = resolve(objs, v);
        if (typeof n === 'number') widths.set(first + k, n);
      });
      i += 2;
    } else {
      const last = next;
      const width = resolve(objs, w[i + 2]);
      if (typeof last !== 'number' || typeof width !== 'number') break;
      wRanges.push([first, last, width]);
      i += 3;
    }
  }
  const toUnicode = readToUnicode(objs, font, undefined, lookupName(objs, cidFont, 'Subtype') === 'CIDFontType2' && lookup(objs, descriptor, 'FontFile2') instanceof PdfStream);
  const metrics = verticalMetrics(objs, descriptor);
  const cid = cmap && cmap.codespace.length > 0 ? (code: number) => cidOf(cmap, code) : (code: number) => code;
  const check = cidFont && toUnicode ? programCheck(objs, cidFont, descriptor, toUnicode, cid) : undefined;
  return new Type0Font(baseFont, unsure, metrics.ascent, metrics.descent, ranges, cmap, dw, widths, wRanges, toUnicode, check);
}

/** The check of a Type0 font's ToUnicode against its program: the codes it covers, and the text each failing one gets. */
interface ProgramCheck {
  readonly codes: ReadonlySet<number>;
  failing(): Map<number, string>;
}

/**
 * The check of the ToUnicode entries of a Type0 font's embedded program (TrueType, OpenType or
 * CFF) that read or draw a mark's character; undefined when there is nothing to check. Nothing is
 * decoded until a glyph of one of those codes is shown (once a font).
 */
function programCheck(objs: PdfObjects, cidFont: PdfDict, descriptor: PdfDict | undefined, toUnicode: ParsedCMap, cid: (code: number) => number | undefined): ProgramCheck | undefined {
  const truetype = lookupName(objs, cidFont, 'Subtype') === 'CIDFontType2';
  const program = lookup(objs, descriptor, truetype ? 'FontFile2' : 'FontFile3');
  if (!(program instanceof PdfStream)) return undefined;
  const codes = new Set<number>();
  for (const [code, u] of toUnicode.unicode) if (MARK_CHARACTER.test(u) || (truetype && BLANK_TEXT.test(u))) codes.add(code);
  if (codes.size === 0) return undefined;
  const cidToGid = truetype ? lookup(objs, cidFont, 'CIDToGIDMap') : undefined;
  return { codes, failing: () => failingCodes(objs, program, truetype, cidToGid, toUnicode, cid) };
}

/**
 * The codes that cannot be read as their ToUnicode says, with the text they get instead. With a
 * Unicode cmap in the program: those whose text the cmap does not give the glyph drawn. Without
 * one (pdf-lib's TrueType subsets keep none, nor do those of all 1,065 SIDtoday PDFs),
 * what the glyphs draw is not known, so: codes drawing different glyphs read as the same mark
 * character (a font draws one `U`: a pdf-lib subset whose ToUnicode read the glyphs of `S` and
 * `Z` as `U` had `(S) ZQ31 …` read as `(U) UQ31 …` and released as printed, probe 64b F1). A CFF
 * program (CID-keyed: no glyph names either) is judged the same way: refusing every page that shows
 * its glyphs as letters would refuse every honest document set in an OpenType CFF font (Chromium's
 * CJK and Noto faces, InDesign's exports) for a lie only a forged ToUnicode tells.
 */
function failingCodes(objs: PdfObjects, program: PdfStream, truetype: boolean, cidToGid: PdfValue | undefined, toUnicode: ParsedCMap, cid: (code: number) => number | undefined): Map<number, string> {
  const bytes = decodeToBytes(objs, program);
  const drawn = bytes ? programCharacters(bytes) : undefined;
  const map = cidToGid instanceof PdfStream ? decodeToBytes(objs, cidToGid) : undefined;
  const gidOf = (c: number | undefined): number | undefined => (c === undefined ? undefined : map ? (2 * c + 1 < map.length ? (map[2 * c]! << 8) | map[2 * c + 1]! : undefined) : c);
  const out = new Map<number, string>();
  if (truetype) for (const code of inkedBlanks(bytes, toUnicode, (code) => gidOf(cid(code)))) out.set(code, INKED_BLANK);
  if (drawn) {
    for (const code of misreadCodes(drawn, toUnicode, (code) => gidOf(cid(code)))) out.set(code, MISREAD_PROGRAM);
    return out;
  }
  for (const code of sharedReadings(toUnicode, (code) => gidOf(cid(code)))) out.set(code, SHARED_READING);
  return out;
}

/**
 * The codes whose ToUnicode text the program's cmap does not give the glyph they draw, where the
 * text or the glyph is a mark's character (a glyph the cmap does not reach is not judged).
 */
function misreadCodes(drawn: Map<number, string[]>, toUnicode: ParsedCMap, gidOf: (code: number) => number | undefined): number[] {
  const out: number[] = [];
  for (const [code, u] of toUnicode.unicode) {
    const gid = gidOf(code);
    const chars = gid === undefined ? undefined : drawn.get(gid);
    if (!chars || BLANK_TEXT.test(u) || u === INKED_BLANK) continue;
    if (!MARK_CHARACTER.test(u) && !chars.some((ch) => MARK_CHARACTER.test(ch))) continue;
    if (!chars.some((ch) => sameReading(u, ch))) out.push(code);
  }
  return out;
}

/**
 * The codes a TrueType program's ToUnicode maps to blanks whose glyphs draw ink (an outline), and
 * whose glyph cannot be told (no outlines read, a glyph id beyond them) when more than
 * {@link MAX_BLANK_CODES} codes map to blanks (readToUnicode's rule, left to this check). A font
 * embedded whole (pdf-lib, `subset: false`) maps a dozen Unicode spaces to its empty space glyphs;
 * counting them refused every page that showed a space (probe 64b, F4).
 */
function inkedBlanks(bytes: Uint8Array | null, toUnicode: ParsedCMap, gidOf: (code: number) => number | undefined): number[] {
  const empty = bytes ? emptyGlyphs(bytes) : undefined;
  const blanks = [...toUnicode.unicode].filter(([, u]) => BLANK_TEXT.test(u));
  const many = blanks.length > MAX_BLANK_CODES;
  // A soft hyphen draws a hyphen by right (where a wrap broke a word): its outline is no lie.
  return blanks.filter(([code, u]) => {
    if (u === '\u00AD') return many;
    const gid = gidOf(code);
    const none = gid === undefined || !empty ? undefined : empty(gid);
    return none === undefined ? many : !none;
  }).map(([code]) => code);
}

/** The codes whose text, holding a mark's character, is also the text of a code drawing another glyph. */
function sharedReadings(toUnicode: ParsedCMap, gidOf: (code: number) => number | undefined): number[] {
  const glyphs = new Map<string, Map<number, number[]>>();
  for (const [code, u] of toUnicode.unicode) {
    if (!MARK_CHARACTER.test(u)) continue;
    const gid = gidOf(code) ?? -1 - code;
    const byGlyph = glyphs.get(u) ?? new Map<number, number[]>();
    byGlyph.set(gid, [...(byGlyph.get(gid) ?? []), code]);
    glyphs.set(u, byGlyph);
  }
  return [...glyphs.values()].filter((byGlyph) => byGlyph.size > 1).flatMap((byGlyph) => [...byGlyph.values()].flat());
}

/** A Type0 font: codes of the lengths its CMap's code-space ranges say, widths of their CIDs. */
class Type0Font implements FontInfo {
  readonly type = 'type0';
  /** Identity ranges: two bytes a code (a last odd byte alone), as codeLength says for them. */
  private readonly identity: boolean;
  /** Codes are CIDs (no embedded CMap with code-space ranges). */
  private readonly codesAreCids: boolean;

  constructor(
    readonly name: string,
    readonly unsure: FontInfo['unsure'],
    readonly ascent: number,
    readonly descent: number,
    private readonly ranges: CodespaceRange[],
    private readonly cmap: ParsedCMap | undefined,
    private readonly dw: number,
    private readonly widths: ReadonlyMap<number, number>,
    private readonly wRanges: readonly [number, number, number][],
    private readonly toUnicode: ParsedCMap | undefined,
    private check: ProgramCheck | undefined,
  ) {
    this.identity = ranges === IDENTITY_RANGES;
    this.codesAreCids = !(cmap && cmap.codespace.length > 0);
  }

  codes(bytes: Uint8Array): GlyphCode[] {
    return splitCodes(bytes, (b, at) => this.codeLength(b, at));
  }

  codeLength(bytes: Uint8Array, at: number): number {
    return this.identity ? (at + 1 < bytes.length ? 2 : 1) : codeLength(this.ranges, bytes, at).length;
  }

  width(code: number): number {
    const c = this.codesAreCids ? code : (cidOf(this.cmap!, code) ?? 0);
    const v = this.widths.get(c);
    if (v !== undefined) return v / 1000;
    for (const [lo, hi, wd] of this.wRanges) if (c >= lo && c <= hi) return wd / 1000;
    return this.dw / 1000;
  }

  unicode(code: number): string | undefined {
    if (this.check?.codes.has(code)) this.checkProgram();
    return this.toUnicode?.unicode.get(code);
  }

  /** Compare the ToUnicode with the program's cmap (once): the misread codes get no text. */
  private checkProgram(): void {
    const check = this.check!;
    this.check = undefined;
    for (const [code, text] of check.failing()) this.toUnicode!.unicode.set(code, text);
  }
}

/** A font that cannot be read: every glyph of it is unsure. */
class UnknownFont implements FontInfo {
  readonly name = '?';
  readonly type = 'simple';
  readonly ascent = 0.8;
  readonly descent = -0.2;
  readonly unsure: FontInfo['unsure'];

  constructor(detail: string) {
    this.unsure = { reason: 'unknown-font', detail };
  }

  codes(bytes: Uint8Array): GlyphCode[] {
    return oneByteCodes(bytes);
  }

  codeLength(): number {
    return 1;
  }

  width(): number {
    return 0.5;
  }

  unicode(): string | undefined {
    return undefined;
  }
}

const cache = new WeakMap<object, FontInfo>();

/** The font dictionary each font was loaded from (the release's font pass rewrites it: redact/fonts.ts). */
const dictionaries = new WeakMap<FontInfo, PdfDict>();

/** The font dictionary `font` was read from; undefined for a missing resource. */
export function fontDictionary(font: FontInfo): PdfDict | undefined {
  return dictionaries.get(font);
}

/**
 * The font for a /Font resource value (a reference or a dictionary). A missing or unreadable
 * font gives a FontInfo marked unsure, never an exception.
 */
export function loadFont(objs: PdfObjects, value: PdfValue | undefined): FontInfo {
  const font = dictOf(resolve(objs, value));
  if (!font) return new UnknownFont('the font resource is missing');
  const hit = cache.get(font);
  if (hit) return hit;
  const subtype = lookupName(objs, font, 'Subtype') ?? '';
  let info: FontInfo;
  if (subtype === 'Type0') info = loadType0(objs, font);
  else if (subtype === 'Type1' || subtype === 'MMType1' || subtype === 'TrueType' || subtype === 'Type3') info = loadSimple(objs, font, subtype);
  else info = new UnknownFont(`font subtype /${subtype} is not supported`);
  cache.set(font, info);
  dictionaries.set(info, font);
  return info;
}
