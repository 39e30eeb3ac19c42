/**
 * The resources of a release hold only what rendering uses. Everything a page's /Resources
 * reaches (fonts and their descriptors, graphics states, colour spaces and their functions,
 * XObjects, patterns, shadings, the resources of forms, patterns and Type 3 fonts) was copied
 * whole, every key but a fixed list of dropped ones: a probe's `/Private << /X (…withheld
 * paragraph…) >>` resource category, an ExtGState /Note, a font descriptor's /FontFamily, an
 * image's or a tint function's string and a Separation colorant `/RAVENLEAK1` all stayed in the
 * release, where any reader of the file finds them. A list of keys to drop is never complete; what
 * rendering uses is a short list, so that is what stays (fail closed):
 *
 * - a resource dictionary keeps only the categories a content stream can name (/Font, /XObject,
 *   /ExtGState, /ColorSpace, /Pattern, /Shading, /Properties, /ProcSet);
 * - no string stays, at any depth, but the two rendering reads: a CID font's /CIDSystemInfo
 *   /Registry and /Ordering (which pick its character collection; Adobe's names only, any other
 *   written Adobe/Identity) and an /Indexed colour space's lookup table (colours, never text). A string in an array is emptied (positions keep their meaning), in a dictionary
 *   its key goes;
 * - names that are free text get neutral ones: a Separation or DeviceN colorant is `/SpotN` (the
 *   same colorant the same N throughout the file, so overprinting and separations behave the same;
 *   /All, /None and the process colours keep theirs), with its alternate space and tint transform
 *   unchanged, so the page renders as before; a DeviceN's /Attributes (colorant names again, and
 *   optional) goes; /Name (a form's, an image's or a font's, which no reader uses) goes;
 * - a font's /BaseFont and /FontName stay when they are a known family and style (a closed list),
 *   or become `FontN`, the same name the same new name; subset tags become the tool's (probe 61a:
 *   `ABCDEF+ZQCOBRANET` stayed). An embedded font draws from its program, whatever its name;
 * - a transparency group (a page's or a form's) keeps /Type, /S, /I, /K and a device or array
 *   /CS (a probe's `/ZQg (ZQGROUP)` and `/CS /ZQCSNAME` stayed); /ProcSet keeps PDF's sets.
 *
 * Resource names are resnames.ts's.
 *
 * Optional content (layers) is left to properties.ts and layers.ts, which already keep no string
 * in it and name it. Stream data (font programs, images) is kept as it is: this is about the
 * dictionaries around it. Objects are replaced in the release's copy of the object table, never
 * changed: the text layer's reading shares them.
 */
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObjects, type PdfValue } from '../objects/model.js';
import { isLayer } from './layers.js';

/** The categories a content stream names resources from (ISO 32000-1, table 33). */
const CATEGORIES = new Set(['Font', 'XObject', 'ExtGState', 'ColorSpace', 'Pattern', 'Shading', 'Properties', 'ProcSet']);

/** Keys whose string values rendering reads (a CIDSystemInfo's). */
const STRING_KEYS = new Set(['Registry', 'Ordering']);

/** The values a CIDSystemInfo keeps (Adobe's collections); any other pair is written `Adobe`/`Identity`. */
const CID_SYSTEM: Readonly<Record<string, ReadonlySet<string>>> = {
  Registry: new Set(['Adobe']),
  Ordering: new Set(['Identity', 'Japan1', 'Japan2', 'GB1', 'CNS1', 'Korea1', 'KR', 'UCS', 'Manga1']),
};
const CID_DEFAULT: Readonly<Record<string, string>> = { Registry: 'Adobe', Ordering: 'Identity' };

/** The procedure sets PDF defines (ISO 32000-1, 14.2): any other name in /ProcSet goes. */
const PROC_SETS = new Set(['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI']);

/** Colour space names PDF defines, which a transparency group's /CS may be. */
const GROUP_SPACES = new Set(['DeviceRGB', 'DeviceGray', 'DeviceCMYK']);

/**
 * Font names a release keeps as they are: the standard 14 and the families every system has,
 * each with a style from a closed list (`Verdana-Bold`, `Arial,BoldItalic`, `TimesNewRomanPS-BoldMT`),
 * behind a subset tag or not. Any other name may spell anything (`ABCDEF+ZQCOBRANET`) and becomes
 * `FontN`; every subset tag becomes one the tool makes, as six capitals can spell a word too.
 */
const FONT_FAMILIES = new Set(
  ('Helvetica Times Courier Symbol ZapfDingbats Arial ArialMT ArialNarrow ArialUnicodeMS TimesNewRoman TimesNewRomanPS TimesNewRomanPSMT CourierNew CourierNewPS CourierNewPSMT ' +
    'Verdana Tahoma Georgia Calibri Cambria CambriaMath Candara Consolas Constantia Corbel SegoeUI TrebuchetMS LucidaGrande LucidaSans LucidaSansUnicode LucidaConsole ' +
    'Garamond BookAntiqua CenturyGothic Wingdings Webdings Wingdings2 Wingdings3 MSGothic MSMincho SimSun SimHei MS-Gothic MS-Mincho').split(' '),
);
const FONT_STYLE = /^(?:[-,](?:Roman|Regular|Bold|Italic|Oblique|BoldItalic|BoldOblique|Light|LightItalic|Medium|Semibold|SemiboldItalic|Black|Narrow|NarrowBold|MT|PSMT|BoldMT|ItalicMT|BoldItalicMT|Identity-H|Identity-V))*(?:MT|PSMT)?$/;

/** Whether font name `name` (no subset tag) is one a release keeps. */
function knownFontName(name: string): boolean {
  const m = /^([A-Za-z0-9]+(?:-(?:Gothic|Mincho))?)(.*)$/.exec(name);
  return m !== null && FONT_FAMILIES.has(m[1]!) && FONT_STYLE.test(m[2]!);
}

/** Colorant names with a meaning of their own: never free text. */
const FIXED_COLORANTS = new Set(['All', 'None', 'Cyan', 'Magenta', 'Yellow', 'Black']);

/** What a pass has done, and the colorant names it gave. */
interface Pass {
  readonly objs: PdfObjects;
  /** `num:kind` already rewritten. */
  readonly seen: Set<string>;
  /** Objects never rewritten here (the release's pages, rebuilt already). */
  readonly skip: ReadonlySet<number>;
  readonly colorants: Map<string, PdfName>;
  /** Font names given (without subset tag), and subset tags given. */
  readonly fontNames: Map<string, string>;
  readonly subsetTags: Map<string, string>;
  strings: number;
  names: number;
  categories: number;
}

type Kind = 'value' | 'resources';

function colorant(pass: Pass, n: PdfValue): PdfValue {
  if (!(n instanceof PdfName) || FIXED_COLORANTS.has(n.name)) return n;
  let r = pass.colorants.get(n.name);
  if (!r) {
    r = PdfName.of(`Spot${pass.colorants.size + 1}`);
    pass.colorants.set(n.name, r);
  }
  if (r !== n) pass.names++;
  return r;
}

/** A font's /BaseFont or /FontName as released: a known name as it is, any other `FontN`; a subset tag the tool's. */
function fontName(pass: Pass, n: PdfName): PdfName {
  const m = /^([A-Z]{6})\+(.*)$/.exec(n.name);
  const [tag, base] = m ? [m[1]!, m[2]!] : [undefined, n.name];
  let name = base;
  if (!knownFontName(base)) {
    name = pass.fontNames.get(base) ?? `Font${pass.fontNames.size + 1}`;
    pass.fontNames.set(base, name);
  }
  let out = name;
  if (tag !== undefined) {
    let t = pass.subsetTags.get(tag);
    if (!t) {
      // The Nth tag given: N in base 26, capitals, six of them (AAAAAA, AAAAAB, …).
      let k = pass.subsetTags.size;
      t = '';
      for (let i = 0; i < 6; i++, k = Math.floor(k / 26)) t = String.fromCharCode(65 + (k % 26)) + t;
      pass.subsetTags.set(tag, t);
    }
    out = `${t}+${name}`;
  }
  if (out === n.name) return n;
  pass.names++;
  return PdfName.of(out);
}

/**
 * A transparency group as released: /Type, /S /Transparency, /I and /K, and /CS when it is a
 * device space or an array (a CIE or ICC space, rewritten as any colour space). Nothing else: a
 * probe's page group kept `/ZQg (…)` and `/CS /ZQCSNAME`. A group of another kind is dropped.
 */
function groupOf(pass: Pass, v: PdfValue): PdfValue | undefined {
  const d = v instanceof PdfRef ? pass.objs.objects.get(v.num) : v;
  if (!(d instanceof PdfDict) || !(d.get('S') instanceof PdfName) || (d.get('S') as PdfName).name !== 'Transparency') return undefined;
  const out = new PdfDict([['Type', PdfName.of('Group')], ['S', PdfName.of('Transparency')]]);
  for (const k of ['I', 'K']) if (typeof d.get(k) === 'boolean') out.set(k, d.get(k)!);
  const cs = d.get('CS');
  if (cs instanceof PdfName && GROUP_SPACES.has(cs.name)) out.set('CS', cs);
  else if (Array.isArray(cs) || cs instanceof PdfRef) out.set('CS', rewrite(pass, cs, 'value'));
  if (out.map.size !== d.map.size) pass.names++;
  return out;
}

/** A Separation or DeviceN colour space with neutral colorant names (and no /Attributes). */
function neutralColourSpace(pass: Pass, a: PdfValue[]): PdfValue[] {
  const family = a[0] as PdfName;
  const out = [...a];
  if (family.name === 'Separation') out[1] = colorant(pass, a[1]!);
  else {
    const names = a[1];
    if (Array.isArray(names)) out[1] = names.map((n) => colorant(pass, n));
    else if (names instanceof PdfRef) out[1] = neutralArray(pass, names);
    if (out.length > 4) {
      out.length = 4;
      pass.names++;
    }
  }
  return out;
}

/** A referenced array of DeviceN colorant names, copied with neutral names under a new reference-free value. */
function neutralArray(pass: Pass, r: PdfRef): PdfValue {
  const v = pass.objs.objects.get(r.num);
  return Array.isArray(v) ? v.map((n) => colorant(pass, n)) : v ?? null;
}

function rewriteArray(pass: Pass, v: PdfValue[]): PdfValue[] {
  const head = v[0];
  let src = v;
  if (head instanceof PdfName && (head.name === 'Separation' || head.name === 'DeviceN') && v.length >= 4) src = neutralColourSpace(pass, v);
  let out: PdfValue[] | undefined = src === v ? undefined : src;
  src.forEach((e, i) => {
    // An /Indexed space's lookup table is the one string rendering reads in an array.
    if (e instanceof PdfString && head instanceof PdfName && head.name === 'Indexed' && i === 3) return;
    let r: PdfValue;
    if (e instanceof PdfString) {
      if (e.bytes.length === 0) return;
      pass.strings++;
      r = new PdfString(new Uint8Array(0));
    } else r = rewrite(pass, e, 'value');
    if (r !== e) (out ??= [...src])[i] = r;
  });
  return out ?? v;
}

function rewriteDict(pass: Pass, d: PdfDict, kind: Kind): PdfDict {
  if (isLayer(pass.objs, d)) return d;
  let out: PdfDict | undefined;
  for (const [k, e] of d.map) {
    const drop = (kind === 'resources' && !CATEGORIES.has(k)) || (k === 'Name' && e instanceof PdfName) || (e instanceof PdfString && !STRING_KEYS.has(k));
    if (drop) {
      if (kind === 'resources' && !CATEGORIES.has(k)) pass.categories++;
      else if (e instanceof PdfString) pass.strings++;
      else pass.names++;
      (out ??= d.clone()).delete(k);
      continue;
    }
    let r: PdfValue | undefined;
    if (e instanceof PdfString && STRING_KEYS.has(k)) {
      // A CIDSystemInfo's: Adobe's names, or Adobe's Identity.
      const text = Buffer.from(e.bytes).toString('latin1');
      r = CID_SYSTEM[k]!.has(text) ? e : new PdfString(new Uint8Array(Buffer.from(CID_DEFAULT[k]!, 'latin1')));
      if (r !== e) pass.names++;
    } else if (kind === 'resources' && k === 'ProcSet') r = procSet(pass, e);
    else if (k === 'Group') r = groupOf(pass, e);
    else if ((k === 'BaseFont' || k === 'FontName') && e instanceof PdfName) r = fontName(pass, e);
    else r = rewrite(pass, e, k === 'Resources' ? 'resources' : 'value');
    if (r === undefined) (out ??= d.clone()).delete(k);
    else if (r !== e) (out ??= d.clone()).set(k, r);
  }
  return out ?? d;
}

/** A /ProcSet with PDF's procedure sets only (it is obsolete: viewers ignore it). */
function procSet(pass: Pass, v: PdfValue): PdfValue | undefined {
  const a = v instanceof PdfRef ? pass.objs.objects.get(v.num) : v;
  if (!Array.isArray(a)) return undefined;
  const kept = a.filter((n) => n instanceof PdfName && PROC_SETS.has(n.name));
  if (kept.length === a.length && a === v) return v;
  if (kept.length !== a.length) pass.names++;
  return kept;
}

/** `v` with only what rendering uses (see the module comment); referenced objects are rewritten where they are stored. */
function rewrite(pass: Pass, v: PdfValue, kind: Kind): PdfValue {
  if (v instanceof PdfRef) {
    const key = `${v.num}:${kind}`;
    if (pass.skip.has(v.num) || pass.seen.has(key)) return v;
    pass.seen.add(key);
    const target = pass.objs.objects.get(v.num);
    if (target !== undefined) {
      const r = rewrite(pass, target, kind);
      if (r !== target) pass.objs.objects.set(v.num, r);
    }
    return v;
  }
  if (Array.isArray(v)) return rewriteArray(pass, v);
  if (v instanceof PdfStream) {
    const d = rewriteDict(pass, v.dict, kind);
    return d === v.dict ? v : new PdfStream(d, v.data);
  }
  if (v instanceof PdfDict) return rewriteDict(pass, v, kind);
  return v;
}

/** What {@link renderingResources} removed. */
export interface ResourcesCleaned {
  /** Strings (outside the two rendering reads). */
  readonly strings: number;
  /** Free-text names: colorants renamed, /Name and DeviceN /Attributes dropped. */
  readonly names: number;
  /** Resource categories no content stream can name. */
  readonly categories: number;
}

/**
 * Make everything the given pages' /Resources reach hold only what rendering uses, by replacing
 * objects in `objs.objects` (the release's copy of the table) and the pages' /Resources values.
 *
 * @param pageRefs The release's page objects (already rebuilt; never rewritten here).
 */
export function renderingResources(objs: PdfObjects, pageRefs: readonly PdfRef[]): ResourcesCleaned {
  const pass: Pass = { objs, seen: new Set(), skip: new Set(pageRefs.map((r) => r.num)), colorants: new Map(), fontNames: new Map(), subsetTags: new Map(), strings: 0, names: 0, categories: 0 };
  for (const ref of pageRefs) {
    const page = objs.objects.get(ref.num);
    if (!(page instanceof PdfDict)) continue;
    let out = page;
    if (page.has('Resources')) {
      const res = page.get('Resources')!;
      const r = rewrite(pass, res, 'resources');
      if (r !== res) out = out.clone().set('Resources', r);
    }
    // The page's transparency group, as any group (document.ts copies it as given).
    if (page.has('Group')) {
      const g = groupOf(pass, page.get('Group')!);
      out = out === page ? page.clone() : out;
      if (g === undefined) out.delete('Group');
      else out.set('Group', g);
    }
    if (out !== page) objs.objects.set(ref.num, out);
  }
  return { strings: pass.strings, names: pass.names, categories: pass.categories };
}
