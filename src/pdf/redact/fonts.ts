/**
 * The fonts of a release name no character only withheld text used. Removing a withheld
 * paragraph's glyphs left its fonts in the file as they were: a Chromium PDF whose (S//NF)
 * paragraph alone used two CJK characters kept a font subset whose ToUnicode mapped exactly those
 * two (`<64EA> <9752>`, `<6C05> <9E6D>`) and whose program held their outlines; the `Tf` that
 * selected it stayed, so it counted as used (found by a probe).
 *
 * Only fonts that lost a glyph to a region (or to a rasterised page) are touched: a font nothing
 * was removed from names only what the original showed with it, all of which the release shows.
 * Of those, counted over every glyph the release still shows (on every page, in every form drawn):
 * - a font that shows none is replaced, at its object number, by a bare Helvetica: a `Tf` left in
 *   the content (it may set the font for nothing but removed glyphs) still resolves, and its
 *   program, ToUnicode, CIDSet, widths and encoding go;
 * - a font that still shows some keeps its program, but its ToUnicode maps only the codes still
 *   shown, and its /Differences names only their glyphs.
 *
 * What stays (README, "does not guarantee"): the program of a partly used font is not subset, so
 * it keeps the outlines, widths (hmtx, /W, /Widths) and CIDSet of glyphs only withheld text used;
 * a reader who renders them by code can see which glyphs the font has. Fonts drawn only in what
 * the release does not interpret (a tiling pattern's or a Type3 glyph's own content) count as not
 * showing those glyphs.
 */
import { deflateSync } from 'node:zlib';
import { PdfDict, PdfName, PdfRef, PdfStream, dictOf, lookup, lookupArray, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';
import { decodeToBytes } from '../objects/filters.js';
import { fontDictionary, type FontInfo } from '../font/font.js';
import { parseCMap } from '../font/cmap.js';
import type { GlyphEvent } from '../content/interpret.js';

/** What the release still shows with one font. */
interface FontUse {
  readonly font: FontInfo;
  /** code → its length in bytes, for each code still shown. */
  readonly kept: Map<number, number>;
  /** A glyph of it was removed. */
  withheld: boolean;
}

/** The glyphs a release shows and withholds, by font dictionary; then the rewrite of the fonts that lost glyphs. */
export class FontLedger {
  private readonly uses = new Map<PdfDict, FontUse>();

  private use(font: FontInfo): FontUse | undefined {
    const dict = fontDictionary(font);
    if (!dict) return undefined;
    let u = this.uses.get(dict);
    if (!u) this.uses.set(dict, (u = { font, kept: new Map(), withheld: false }));
    return u;
  }

  /** `glyphs` as drawn on a page of the release, less those in `removed`. */
  shown(glyphs: readonly GlyphEvent[], removed?: ReadonlySet<GlyphEvent>): void {
    for (const g of glyphs) {
      const u = this.use(g.font);
      if (!u) continue;
      if (removed?.has(g)) u.withheld = true;
      else if (!u.kept.has(g.code)) u.kept.set(g.code, g.end - g.start);
    }
  }

  /** `glyphs` that the release does not show as text (a rasterised page's). */
  withheld(glyphs: readonly GlyphEvent[]): void {
    for (const g of glyphs) {
      const u = this.use(g.font);
      if (u) u.withheld = true;
    }
  }

  /** Whether a font lost a glyph (then every page's glyphs must be counted before {@link rewrite}). */
  get touched(): boolean {
    for (const u of this.uses.values()) if (u.withheld) return true;
    return false;
  }

  /**
   * Rewrites, in `objs.objects` (the release's copy of the table), each font that lost a glyph
   * (see the module comment). Returns how many were replaced and pruned.
   */
  rewrite(objs: PdfObjects): { replaced: number; pruned: number } {
    const numbers = new Map<PdfDict, number>();
    for (const [num, v] of objs.objects) if (v instanceof PdfDict && this.uses.get(v)?.withheld) numbers.set(v, num);
    let replaced = 0, pruned = 0;
    for (const [dict, u] of this.uses) {
      if (!u.withheld) continue;
      const num = numbers.get(dict);
      if (u.kept.size === 0 && num !== undefined) {
        objs.objects.set(num, new PdfDict([['Type', PdfName.of('Font')], ['Subtype', PdfName.of('Type1')], ['BaseFont', PdfName.of('Helvetica')]]));
        replaced++;
        continue;
      }
      // Still used, or held inline in a resource dictionary (no number to replace it at): its
      // program stays when used; an unused inline font loses it from its descriptors.
      let out = dict;
      const diffs = prunedEncoding(objs, dict, u.kept);
      if (diffs) (out = dict.clone()).set('Encoding', diffs);
      if (u.kept.size === 0) for (const d of descriptorRefs(objs, dict)) objs.objects.set(d.num, withoutProgram(dictOf(resolve(objs, d))!));
      const tu = dict.get('ToUnicode');
      if (tu instanceof PdfRef) {
        const s = resolve(objs, tu);
        const bytes = s instanceof PdfStream ? decodeToBytes(objs, s) : null;
        // An undecodable ToUnicode cannot be pruned: it goes (the text of the codes kept is then
        // read from the encoding, or not at all), rather than keep what it names.
        const text = bytes === null ? emptyCMap() : prunedCMap(bytes, u.kept);
        objs.objects.set(tu.num, new PdfStream(new PdfDict([['Filter', PdfName.of('FlateDecode')]]), deflateSync(Buffer.from(text, 'latin1'))));
      }
      if (out !== dict) {
        if (num === undefined) continue; // an inline font's encoding: left as it is (no number to write it at)
        objs.objects.set(num, out);
      }
      pruned++;
    }
    return { replaced, pruned };
  }
}

/** The font descriptors of `font` stored at a number: its own, or its descendant's (Type0). */
function descriptorRefs(objs: PdfObjects, font: PdfDict): PdfRef[] {
  const out: PdfRef[] = [];
  const own = font.get('FontDescriptor');
  if (own instanceof PdfRef && dictOf(resolve(objs, own))) out.push(own);
  for (const d of lookupArray(objs, font, 'DescendantFonts') ?? []) {
    const fd = dictOf(resolve(objs, d))?.get('FontDescriptor');
    if (fd instanceof PdfRef && dictOf(resolve(objs, fd))) out.push(fd);
  }
  return out;
}

function withoutProgram(d: PdfDict): PdfDict {
  const out = d.clone();
  for (const k of ['FontFile', 'FontFile2', 'FontFile3', 'CIDSet', 'CharSet']) out.delete(k);
  return out;
}

/** A simple font's /Encoding dictionary whose /Differences names only glyphs of `kept` codes; undefined when nothing changes. */
function prunedEncoding(objs: PdfObjects, font: PdfDict, kept: ReadonlyMap<number, number>): PdfDict | undefined {
  const enc = dictOf(lookup(objs, font, 'Encoding'));
  const diffs = enc && lookupArray(objs, enc, 'Differences');
  if (!enc || !diffs) return undefined;
  const out: PdfValue[] = [];
  let code = 0, last = -2, changed = false;
  for (const e of diffs) {
    if (typeof e === 'number') code = e;
    else if (e instanceof PdfName) {
      if (kept.has(code)) {
        if (last !== code - 1) out.push(code);
        out.push(e);
        last = code;
      } else changed = true;
      code++;
    }
  }
  if (!changed) return undefined;
  const copy = enc.clone();
  copy.set('Differences', out);
  return copy;
}

const HEAD = '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n';
const TAIL = 'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n';

function emptyCMap(): string {
  return `${HEAD}1 begincodespacerange\n<00> <FF>\nendcodespacerange\n${TAIL}`;
}

const hex = (bytes: Iterable<number>): string => [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
const codeHex = (code: number, length: number): string => code.toString(16).toUpperCase().padStart(2 * length, '0');

/** The ToUnicode CMap `bytes` with only the codes of `kept` (its code-space ranges as they were). */
function prunedCMap(bytes: Uint8Array, kept: ReadonlyMap<number, number>): string {
  const cmap = parseCMap(bytes);
  const space = cmap.codespace.length > 0 ? cmap.codespace.map((r) => `<${hex(r.low)}> <${hex(r.high)}>`) : [...new Set(kept.values())].map((n) => `<${'00'.repeat(n)}> <${'FF'.repeat(n)}>`);
  const entries: string[] = [];
  for (const [code, length] of [...kept].sort((a, b) => a[0] - b[0])) {
    const text = cmap.unicode.get(code);
    if (text === undefined) continue;
    const units: number[] = [];
    for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff);
    entries.push(`<${codeHex(code, length)}> <${hex(units)}>`);
  }
  let body = `${space.length} begincodespacerange\n${space.join('\n')}\nendcodespacerange\n`;
  // At most 100 entries a block (PDF 32000-1, 9.10.3, after Adobe Technical Note #5411).
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    body += `${block.length} beginbfchar\n${block.join('\n')}\nendbfchar\n`;
  }
  return HEAD + body + TAIL;
}
