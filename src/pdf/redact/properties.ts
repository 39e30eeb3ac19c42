/**
 * Named marked-content property lists (`/Span /MC0 BDC` with `/MC0` in a /Properties resource)
 * without their text. page.ts cleans the property list a withheld span names only in the
 * content stream (its BDC gets an inline copy without /ActualText, /Alt, /E); the named list
 * stayed in /Properties, and the release kept a withheld paragraph's /ActualText or a figure's
 * /Alt as a string anywhere a reader of the file looks.
 *
 * Every named property list of the release keeps only its /MCID and an artifact's /Type and
 * /Subtype (tags.ts): strings, names that are not PDF's own and everything else go, in every
 * document. Why not only the lists
 * withheld content names: a list may be named from released and withheld content alike, from a
 * form drawn twice, or from nothing (a string no viewer shows but the file carries), and no
 * viewer needs the text (the reader has refused any /ActualText or /E that says other letters
 * than its glyphs, and the structure tree that made /Alt accessible is dropped from every
 * release anyway). Keeping only what cannot hold words is the whitelist the inline case uses.
 *
 * Optional content (/Type /OCG or /OCMD) is kept by reference (the layer decides what shows) and
 * keeps its arrays and dictionaries, but no string at any depth, and is named `Layer`
 * (layers.ts's textlessLayer), wherever the release has one: in /Properties, an XObject's /OC, an
 * /OCMD. document.ts's neutralLayers then numbers those /OCProperties lists. A list typed as a
 * layer was skipped whole, and a probe's `<< /Type /OCG /Name (a) /ActualText (…withheld
 * paragraph…) >>` kept its /ActualText.
 */
import { PdfDict, PdfName, PdfRef, PdfStream, dictOf, type PdfObjects, type PdfValue } from '../objects/model.js';
import { isLayer, textlessLayer } from './layers.js';
import { keptProperty } from './tags.js';

/**
 * `d` with only the keys and values that cannot carry words (tags.ts's keptProperty: /MCID, an
 * artifact's /Type and /Subtype), or `d` itself when it has nothing else. Names went with it
 * once, and a name spells any text: `<</Lang /ZQBODY2 /Sub /ZQNETWORK>>` kept both.
 */
export function plain(d: PdfDict): PdfDict {
  if ([...d.map].every(([k, v]) => keptProperty(k, v))) return d;
  return new PdfDict([...d.map].filter(([k, v]) => keptProperty(k, v)));
}

/** What a pass over the file has found and changed. */
interface Pass {
  readonly objs: PdfObjects;
  /** Property lists named by reference (rewritten where they are stored). */
  readonly named: Set<number>;
  /** /Properties dictionaries stored as objects of their own. */
  readonly propsRefs: Set<number>;
  /** Objects a layer references, already rewritten (layers.ts). */
  readonly seen: Set<number>;
  lists: number;
  layers: number;
}

/** A property list as released: a layer without text, anything else plain. */
function cleaned(pass: Pass, d: PdfDict): PdfDict {
  if (!isLayer(pass.objs, d)) {
    const p = plain(d);
    if (p !== d) pass.lists++;
    return p;
  }
  const p = textlessLayer(pass.objs, d, pass.seen);
  if (p !== d) pass.layers++;
  return p;
}

/**
 * A /Properties dictionary whose inline entries are cleaned; referenced entries are recorded in
 * `named` (rewritten where they are stored). Returns `props` itself when nothing changes.
 */
function plainProperties(pass: Pass, props: PdfDict): PdfDict {
  let out: PdfDict | undefined;
  for (const [k, v] of props.map) {
    if (v instanceof PdfRef) {
      pass.named.add(v.num);
      continue;
    }
    const d = dictOf(v);
    if (!d) continue;
    const p = cleaned(pass, d);
    if (p !== d) (out ??= props.clone()).set(k, p);
  }
  return out ?? props;
}

/**
 * `v` with every /Properties value inside it made plain and every layer textless (copies along
 * the way; unchanged parts are shared, so objects the text layer still reads are never modified).
 */
function rewrite(pass: Pass, v: PdfValue): PdfValue {
  if (Array.isArray(v)) {
    let out: PdfValue[] | undefined;
    v.forEach((e, i) => {
      const r = rewrite(pass, e);
      if (r !== e) (out ??= [...v])[i] = r;
    });
    return out ?? v;
  }
  if (v instanceof PdfStream) {
    const d = rewrite(pass, v.dict) as PdfDict;
    return d === v.dict ? v : new PdfStream(d, v.data);
  }
  if (!(v instanceof PdfDict)) return v;
  // A layer anywhere (an image's /OC, inline or stored): what it holds cannot be a /Properties.
  if (isLayer(pass.objs, v)) return cleaned(pass, v);
  let out: PdfDict | undefined;
  for (const [k, e] of v.map) {
    let r: PdfValue;
    if (k === 'Properties' && e instanceof PdfRef) {
      pass.propsRefs.add(e.num);
      continue;
    } else if (k === 'Properties' && e instanceof PdfDict) r = plainProperties(pass, rewrite(pass, e) as PdfDict);
    else r = rewrite(pass, e);
    if (r !== e) (out ??= v.clone()).set(k, r);
  }
  return out ?? v;
}

/**
 * Make every named marked-content property list in `objs` plain and every layer textless (see
 * the module comment), by replacing objects in `objs.objects` (the release's copy of the table;
 * the objects themselves are not changed). Objects the release does not reach are rewritten too,
 * harmlessly. Runs before neutralLayers, which numbers the layers /OCProperties lists.
 *
 * @returns How many property lists lost text, and how many layers lost text or their name.
 */
export function plainPropertyLists(objs: PdfObjects): { lists: number; layers: number } {
  const pass: Pass = { objs, named: new Set(), propsRefs: new Set(), seen: new Set(), lists: 0, layers: 0 };
  for (const [num, v] of objs.objects) {
    const r = rewrite(pass, v);
    if (r !== v) objs.objects.set(num, r);
  }
  for (const num of pass.propsRefs) {
    const d = dictOf(objs.objects.get(num));
    if (!d) continue;
    const r = plainProperties(pass, d);
    if (r !== d) objs.objects.set(num, r);
  }
  for (const num of pass.named) {
    const d = objs.objects.get(num);
    if (!(d instanceof PdfDict)) continue;
    const p = cleaned(pass, d);
    if (p !== d) objs.objects.set(num, p);
  }
  return { lists: pass.lists, layers: pass.layers };
}
