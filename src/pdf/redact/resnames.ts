/**
 * The names of a release's resources spell no word the tool did not choose. A resource's name is
 * the producer's (`/Font << /ZQFONTRES 5 0 R >>`, `/ZQFONTRES 12 Tf`), so it can spell anything,
 * and the redaction copied it into the resources and into every content stream that uses it (a
 * probe's `/ZQFONTRES` and `/ZQGSNAME` stayed in the release). Now a name is kept only when it is
 * of a shape producers give and no word fits in: a prefix from a closed list (`F`, `Fm`, `GS`,
 * `Im`, `R`, `T`, `TT`, `C`, `X`, `Xi`, …) and figures (`/F1`, `/C2_0`, `/GS12`). Any other is
 * renamed `/DclN` for its category (`/DclF1`, `/DclX1`, `/DclGS1`, `/DclCS1`, `/DclP1`,
 * `/DclSh1`, `/DclMC1`), the same name the same new name throughout the file, in every resource
 * dictionary the pages reach (forms', patterns' and Type 3 fonts' too) and in every operator of a
 * content stream that names one: Tf, Do, gs, cs and CS, scn and SCN (a pattern), sh, BDC and DP (a
 * property list), an inline image's /CS. A stream that needs no new name is left as it is (most:
 * producers name resources so); one that does is written again, Flate-compressed. A stream that
 * cannot be decoded keeps its names and is said (it renders nothing anyway).
 */
import { deflateSync } from 'node:zlib';
import { PdfDict, PdfName, PdfRef, PdfStream, dictOf, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';
import { decodeToBytes } from '../objects/filters.js';
import { parseContent } from '../syntax/parse.js';
import { applyContentEdits, formatOperation, replaceOperation, type ContentEdit } from '../content/edits.js';

/** The categories whose names a content stream uses, and the prefix of the names given in each. */
const PREFIX: Readonly<Record<string, string>> = { Font: 'DclF', XObject: 'DclX', ExtGState: 'DclGS', ColorSpace: 'DclCS', Pattern: 'DclP', Shading: 'DclSh', Properties: 'DclMC' };

/** Resource names no word fits in: a producer's prefix (a closed list) and figures. */
const NEUTRAL = /^(?:F|Fm|FXF|Fo|Ft|C|R|T|TT|G|GS|Gs|GSa|Im|I|Img|X|Xi|XO|NxF|P|Pa|Ptn|Pt|Sh|CS|Cs|CSp|PCSp|CSpg|MC|Ob|Obj|Tx|Helv|ZaDb|DeclassLabel|DeclassStamp|Dcl(?:F|X|GS|CS|P|Sh|MC))\d*(?:_r?\d+)*$/;

/** The colour space names an operator may give without a resource (and /Pattern). */
const COLOUR_SPACES = new Set(['DeviceGray', 'DeviceRGB', 'DeviceCMYK', 'Pattern', 'G', 'RGB', 'CMYK']);

/** What {@link neutralResourceNames} did. */
export interface NamesGiven {
  /** Resource names replaced. */
  readonly names: number;
  /** Content streams written again with them. */
  readonly streams: number;
  /** Content streams that could not be read, whose names stay as they are. */
  readonly unread: number;
}

interface Walk {
  readonly objs: PdfObjects;
  /** category → old name → new name. */
  readonly given: Map<string, Map<string, string>>;
  /** Names in use in each category (never given twice). */
  readonly used: Map<string, Set<string>>;
  /** Resource dictionaries seen (by identity) and content streams to read (by object number). */
  readonly dicts: Set<PdfDict>;
  readonly streams: Set<number>;
  readonly visited: Set<number>;
}

/** Every resource dictionary and content stream reachable from `resources` (forms, patterns, Type 3 fonts). */
function collect(w: Walk, resources: PdfValue | undefined): void {
  if (resources instanceof PdfRef) {
    if (w.visited.has(resources.num)) return;
    w.visited.add(resources.num);
  }
  const res = dictOf(resolve(w.objs, resources));
  if (!res || w.dicts.has(res)) return;
  w.dicts.add(res);
  for (const cat of Object.keys(PREFIX)) {
    const d = dictOf(resolve(w.objs, res.get(cat)));
    if (!d) continue;
    const used = w.used.get(cat) ?? new Set<string>();
    w.used.set(cat, used);
    for (const [name, v] of d.map) {
      used.add(name);
      if (cat === 'XObject' || cat === 'Pattern') {
        const s = resolve(w.objs, v);
        if (s instanceof PdfStream && v instanceof PdfRef && !w.streams.has(v.num) && (cat === 'Pattern' || (s.dict.get('Subtype') instanceof PdfName && (s.dict.get('Subtype') as PdfName).name === 'Form'))) {
          w.streams.add(v.num);
          // A form without resources uses its page's: the names given are the same throughout the file.
          collect(w, s.dict.get('Resources'));
        }
      } else if (cat === 'Font') {
        const f = dictOf(resolve(w.objs, v));
        const procs = dictOf(resolve(w.objs, f?.get('CharProcs')));
        if (!f || !procs) continue;
        for (const p of procs.map.values()) if (p instanceof PdfRef) w.streams.add(p.num);
        collect(w, f.get('Resources'));
      }
    }
  }
}

/** The name given for `name` in `cat` (a new one when it is not neutral), or undefined when it stays. */
function given(w: Walk, cat: string, name: string): string | undefined {
  if (NEUTRAL.test(name)) return undefined;
  const map = w.given.get(cat) ?? new Map<string, string>();
  w.given.set(cat, map);
  let n = map.get(name);
  if (n === undefined) {
    const used = w.used.get(cat) ?? new Set<string>();
    let k = map.size + 1;
    while (used.has(`${PREFIX[cat]}${k}`)) k++;
    n = `${PREFIX[cat]}${k}`;
    used.add(n);
    map.set(name, n);
  }
  return n;
}

/** The renamed operand `v` of category `cat`, or undefined when it stays. */
function renamed(w: Walk, cat: string, v: PdfValue | undefined): PdfName | undefined {
  if (!(v instanceof PdfName)) return undefined;
  const n = w.given.get(cat)?.get(v.name);
  return n === undefined ? undefined : PdfName.of(n);
}

/** The edits that give a content stream the new names. */
function streamEdits(w: Walk, bytes: Uint8Array): ContentEdit[] {
  const edits: ContentEdit[] = [];
  for (const o of parseContent(bytes).ops) {
    const a = o.operands;
    let at = -1;
    let cat = '';
    switch (o.op) {
      case 'Tf': [at, cat] = [0, 'Font']; break;
      case 'Do': [at, cat] = [0, 'XObject']; break;
      case 'gs': [at, cat] = [0, 'ExtGState']; break;
      case 'sh': [at, cat] = [0, 'Shading']; break;
      case 'cs': case 'CS':
        if (a[0] instanceof PdfName && !COLOUR_SPACES.has(a[0].name)) [at, cat] = [0, 'ColorSpace'];
        break;
      case 'scn': case 'SCN': [at, cat] = [a.length - 1, 'Pattern']; break;
      case 'BDC': case 'DP': [at, cat] = [1, 'Properties']; break;
      case 'BI': {
        // The colour space of an inline image, by name: the name's bytes replaced where written.
        const key = o.inline?.dict.has('CS') ? 'CS' : 'ColorSpace';
        const n = renamed(w, 'ColorSpace', o.inline?.dict.get(key));
        if (!n) break;
        const head = Buffer.from(bytes.subarray(o.start, o.end)).toString('latin1');
        const old = `/${(o.inline!.dict.get(key) as PdfName).name}`;
        const m = new RegExp(`/${key}\\s*(${old.replace(/[^A-Za-z0-9]/g, '\\$&')})(?=[\\s/\\[<(%])`).exec(head);
        if (m) {
          const start = o.start + m.index + m[0].length - m[1]!.length;
          edits.push({ start, end: start + m[1]!.length, text: `/${n.name}` });
        }
        break;
      }
    }
    if (at < 0) continue;
    const n = renamed(w, cat, a[at]);
    if (!n) continue;
    const operands = [...a];
    operands[at] = n;
    edits.push(replaceOperation(o, formatOperation(o.op, operands)));
  }
  return edits;
}

/**
 * Give every resource the pages reach a neutral name where it has none (see the module comment),
 * replacing objects in `objs.objects` (the release's copy of the table) and the pages' values.
 *
 * @param pageRefs The release's pages.
 */
export function neutralResourceNames(objs: PdfObjects, pageRefs: readonly PdfRef[]): NamesGiven {
  const w: Walk = { objs, given: new Map(), used: new Map(), dicts: new Set(), streams: new Set(), visited: new Set() };
  for (const ref of pageRefs) collect(w, dictOf(objs.objects.get(ref.num))?.get('Resources'));
  // Names are given in the order met: pages, then what they reach (deterministic).
  let names = 0;
  for (const res of w.dicts) for (const cat of Object.keys(PREFIX)) {
    const d = dictOf(resolve(objs, res.get(cat)));
    if (d) for (const name of d.map.keys()) if (given(w, cat, name) !== undefined) names++;
  }
  if (w.given.size === 0) return { names: 0, streams: 0, unread: 0 };
  // The dictionaries: each category's dictionary copied with the new keys, where it is stored.
  const renameCategory = (d: PdfDict, cat: string): PdfDict | undefined => {
    const map = w.given.get(cat);
    if (!map || ![...d.map.keys()].some((k) => map.has(k))) return undefined;
    return new PdfDict([...d.map].map(([k, v]) => [map.get(k) ?? k, v] as const));
  };
  const renameResources = (res: PdfDict): PdfDict | undefined => {
    let out: PdfDict | undefined;
    for (const cat of Object.keys(PREFIX)) {
      const raw = res.get(cat);
      const d = dictOf(resolve(objs, raw));
      const r = d && renameCategory(d, cat);
      if (!r) continue;
      if (raw instanceof PdfRef) objs.objects.set(raw.num, r);
      else (out ??= res.clone()).set(cat, r);
    }
    return out;
  };
  // Resource dictionaries are replaced where they are stored: a referenced one in the table, a
  // direct one in its holder (a page, a form, a pattern, a Type 3 font).
  const holders: { get: () => PdfDict | undefined; set: (d: PdfDict) => void }[] = [];
  for (const ref of pageRefs) {
    holders.push({
      get: () => dictOf(objs.objects.get(ref.num)),
      set: (d) => objs.objects.set(ref.num, d),
    });
  }
  for (const num of w.streams) {
    holders.push({
      get: () => { const s = objs.objects.get(num); return s instanceof PdfStream ? s.dict : undefined; },
      set: (d) => { const s = objs.objects.get(num) as PdfStream; objs.objects.set(num, new PdfStream(d, s.data)); },
    });
  }
  const fontHolders = new Set<number>();
  for (const res of w.dicts) {
    const fonts = dictOf(resolve(objs, res.get('Font')));
    if (fonts) for (const v of fonts.map.values()) if (v instanceof PdfRef && dictOf(resolve(objs, v))?.has('CharProcs')) fontHolders.add(v.num);
  }
  for (const num of fontHolders) holders.push({ get: () => dictOf(objs.objects.get(num)), set: (d) => objs.objects.set(num, d) });
  const doneRefs = new Set<number>();
  for (const h of holders) {
    const holder = h.get();
    const raw = holder?.get('Resources');
    if (!holder || raw === undefined) continue;
    if (raw instanceof PdfRef) {
      if (doneRefs.has(raw.num)) continue;
      doneRefs.add(raw.num);
      const res = dictOf(objs.objects.get(raw.num));
      const r = res && renameResources(res);
      if (r) objs.objects.set(raw.num, r);
    } else if (raw instanceof PdfDict) {
      const r = renameResources(raw);
      if (r) h.set(holder.clone().set('Resources', r));
    }
  }
  // The content streams: the pages', the forms', the patterns', the Type 3 glyphs'.
  const contentRefs = new Set<number>();
  for (const ref of pageRefs) {
    const c = dictOf(objs.objects.get(ref.num))?.get('Contents');
    const list = Array.isArray(c) ? c : [c];
    for (const e of list) if (e instanceof PdfRef) contentRefs.add(e.num);
    const arr = c instanceof PdfRef ? objs.objects.get(c.num) : undefined;
    if (Array.isArray(arr)) for (const e of arr) if (e instanceof PdfRef) contentRefs.add(e.num);
  }
  for (const num of w.streams) contentRefs.add(num);
  let streams = 0;
  let unread = 0;
  for (const num of contentRefs) {
    const s = objs.objects.get(num);
    if (!(s instanceof PdfStream)) continue;
    const bytes = decodeToBytes(objs, s);
    if (bytes === null) {
      unread++;
      continue;
    }
    const edits = streamEdits(w, bytes);
    if (edits.length === 0) continue;
    const dict = s.dict.clone();
    dict.delete('DecodeParms');
    dict.delete('Length');
    dict.set('Filter', PdfName.of('FlateDecode'));
    objs.objects.set(num, new PdfStream(dict, deflateSync(applyContentEdits(bytes, edits))));
    streams++;
  }
  return { names, streams, unread };
}
