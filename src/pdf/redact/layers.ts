/**
 * The optional content properties (/OCProperties) of a release, with no text: every string under
 * them goes, and each layer and configuration gets a neutral name. A layer's name, a
 * configuration's /Name and /Creator, the labels of an /Order (`[(Operation BLUEHERON) 5 0 R]`)
 * and a layer's /Usage (/CreatorInfo /Creator, /Language /Lang) are text the document's author
 * wrote and declass never reads. Only the layers' and the default configuration's /Name were
 * renamed; a probe found a withheld codename in /D /Order labels, in /Configs and in /Usage
 * /CreatorInfo of the release.
 *
 * The layers (kept at their object numbers: content names them), their visibility, order and
 * groups stay; a label of /Order goes with its string (a viewer lists the layers ungrouped).
 */
import { PdfDict, PdfName, PdfRef, PdfString, dictOf, lookupArray, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';

/** A dictionary that is optional content (/Type /OCG or /OCMD). */
export function isLayer(objs: PdfObjects, d: PdfDict): boolean {
  const t = resolve(objs, d.get('Type'));
  return t instanceof PdfName && (t.name === 'OCG' || t.name === 'OCMD');
}

/**
 * `v` without strings, at any depth: arrays and dictionaries are copied where something goes, and
 * an object they reference is rewritten where it is stored (its number stays). With `skipLayers`,
 * a referenced layer is left to its own rewriting (textlessLayer), which names it.
 */
function stripped(objs: PdfObjects, v: PdfValue, seen: Set<number>, skipLayers = false): PdfValue | undefined {
  if (v instanceof PdfString) return undefined;
  if (v instanceof PdfRef) {
    const target = objs.objects.get(v.num);
    if (skipLayers && target instanceof PdfDict && isLayer(objs, target)) return v;
    if (!seen.has(v.num)) {
      seen.add(v.num);
      // Streams under /OCProperties are not expected; their dictionaries would be text too.
      if (target !== undefined && (Array.isArray(target) || target instanceof PdfDict)) {
        const r = stripped(objs, target, seen);
        if (r !== target && r !== undefined) objs.objects.set(v.num, r);
      }
    }
    return v;
  }
  if (Array.isArray(v)) {
    let out: PdfValue[] | undefined;
    v.forEach((e, i) => {
      const r = stripped(objs, e, seen, skipLayers);
      if (r === e && !out) return;
      out ??= v.slice(0, i);
      if (r !== undefined) out.push(r);
    });
    return out ?? v;
  }
  if (v instanceof PdfDict) {
    let out: PdfDict | undefined;
    for (const [k, e] of v.map) {
      const r = stripped(objs, e, seen, skipLayers);
      if (r === e) continue;
      out ??= v.clone();
      if (r === undefined) out.delete(k);
      else out.set(k, r);
    }
    return out ?? v;
  }
  return v;
}

/** The name of every layer before neutralLayers numbers those /OCProperties lists. */
const LAYER = 'Layer';

/**
 * A layer's dictionary, wherever it is (a /Properties entry, an image's or form's /OC, an /OCMD's
 * /OCGs, inline or stored), with no string at any depth and an OCG named `Layer`; `d` itself when
 * it is so already. Objects it references that are not layers are rewritten where stored. A probe
 * found a layer's name (`ZEBRALEAK11 layer`) in a release: only layers /OCProperties lists were
 * renamed, and one reached from content or an image alone kept its name.
 */
export function textlessLayer(objs: PdfObjects, d: PdfDict, seen: Set<number>): PdfDict {
  const rest = d.clone();
  rest.delete('Name');
  const out = stripped(objs, rest, seen, true) as PdfDict;
  const name = d.get('Name');
  const t = resolve(objs, d.get('Type'));
  // An /OCMD has no name; whatever one holds goes.
  if (!(t instanceof PdfName && t.name === 'OCG')) return out === rest && name === undefined ? d : out;
  if (out === rest && name instanceof PdfString && Buffer.from(name.bytes).toString('latin1') === LAYER) return d;
  out.set('Name', PdfString.fromText(LAYER));
  return out;
}

/** Give the dictionary stored at `ref` (or `d` itself, inline) the name `name`; returns what to store inline. */
function renamed(objs: PdfObjects, ref: PdfValue, name: string): PdfValue {
  const d = dictOf(resolve(objs, ref));
  if (!d) return ref;
  const out = d.clone();
  out.set('Name', PdfString.fromText(name));
  if (ref instanceof PdfRef) {
    objs.objects.set(ref.num, out);
    return ref;
  }
  return out;
}

/**
 * The release's /OCProperties for the catalog's `value`: no strings anywhere under it; layers
 * named `Layer N` (in /OCGs order), the default configuration `Layers` and the others
 * `Layers N`. Objects it references are replaced in `objs.objects` (the release's copy of the
 * table).
 */
export function neutralLayers(objs: PdfObjects, value: PdfValue): PdfValue {
  const original = dictOf(resolve(objs, value));
  if (!original) return value;
  // Which dictionaries had a name, before their strings go (a layer must have one).
  const named = (ref: PdfValue): boolean => dictOf(resolve(objs, ref))?.has('Name') ?? false;
  const ocgs = (lookupArray(objs, original, 'OCGs') ?? []).map((ref) => ({ ref, named: named(ref) }));
  const defaultNamed = original.has('D') && named(original.get('D')!);
  const configsNamed = (lookupArray(objs, original, 'Configs') ?? []).filter((c) => !(c instanceof PdfString)).map(named);
  const props = stripped(objs, value, new Set());
  const d = dictOf(resolve(objs, props));
  if (!d) return new PdfDict();
  ocgs.forEach((o, i) => {
    if (o.ref instanceof PdfRef && o.named) renamed(objs, o.ref, `Layer ${i + 1}`);
  });
  let out: PdfDict | undefined = d === original ? undefined : d;
  if (defaultNamed) (out ??= d.clone()).set('D', renamed(objs, d.get('D')!, 'Layers'));
  const configs = lookupArray(objs, d, 'Configs');
  if (configs && configsNamed.some((n) => n)) (out ??= d.clone()).set('Configs', configs.map((c, i) => (configsNamed[i] ? renamed(objs, c, `Layers ${i + 2}`) : c)));
  // As before: the catalog holds the properties inline when they change, else what it held.
  return out ?? props ?? value;
}
