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
 *   /Registry and /Ordering (which pick its character collection) and an /Indexed colour space's
 *   lookup table. A string in an array is emptied (positions keep their meaning), in a dictionary
 *   its key goes;
 * - names that are free text get neutral ones: a Separation or DeviceN colorant is `/SpotN` (the
 *   same colorant the same N throughout the file, so overprinting and separations behave the same;
 *   /All, /None and the process colours keep theirs), with its alternate space and tint transform
 *   unchanged, so the page renders as before; a DeviceN's /Attributes (colorant names again, and
 *   optional) goes; /Name (a form's, an image's or a font's, which no reader uses) goes.
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
    const r = rewrite(pass, e, k === 'Resources' ? 'resources' : 'value');
    if (r !== e) (out ??= d.clone()).set(k, r);
  }
  return out ?? d;
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
  const pass: Pass = { objs, seen: new Set(), skip: new Set(pageRefs.map((r) => r.num)), colorants: new Map(), strings: 0, names: 0, categories: 0 };
  for (const ref of pageRefs) {
    const page = objs.objects.get(ref.num);
    if (!(page instanceof PdfDict) || !page.has('Resources')) continue;
    const res = page.get('Resources')!;
    const r = rewrite(pass, res, 'resources');
    if (r !== res) objs.objects.set(ref.num, page.clone().set('Resources', r));
  }
  return { strings: pass.strings, names: pass.names, categories: pass.categories };
}
