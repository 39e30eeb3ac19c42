/**
 * Named marked-content property lists (`/Span /MC0 BDC` with `/MC0` in a /Properties resource)
 * without their text. page.ts cleans the property list a withheld span names only in the
 * content stream (its BDC gets an inline copy without /ActualText, /Alt, /E); the named list
 * stayed in /Properties, and the release kept a withheld paragraph's /ActualText or a figure's
 * /Alt as a string anywhere a reader of the file looks.
 *
 * Every named property list of the release keeps only its names, numbers and booleans (the
 * /MCID a tag needs): strings and everything else go, in every document. Why not only the lists
 * withheld content names: a list may be named from released and withheld content alike, from a
 * form drawn twice, or from nothing (a string no viewer shows but the file carries), and no
 * viewer needs the text (the reader has refused any /ActualText or /E that says other letters
 * than its glyphs, and the structure tree that made /Alt accessible is dropped from every
 * release anyway). Keeping only what cannot hold words is the whitelist the inline case uses.
 *
 * Optional content (/Type /OCG or /OCMD) is kept by reference (the layer decides what shows) and
 * keeps its arrays and dictionaries, but not a string at any depth but its /Name, which
 * document.ts's neutralLayers renames. A list typed as a layer was skipped whole, and a probe's
 * `<< /Type /OCG /Name (a) /ActualText (…withheld paragraph…) >>` kept its /ActualText.
 */
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, dictOf, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';

/** A property list that is optional content, which must stay the object it is. */
function isLayer(objs: PdfObjects, d: PdfDict): boolean {
  const t = resolve(objs, d.get('Type'));
  return t instanceof PdfName && (t.name === 'OCG' || t.name === 'OCMD');
}

/** `v` without a string at any depth (inline; references stay), or `v` itself when it has none. */
function stringless(v: PdfValue): PdfValue | undefined {
  if (v instanceof PdfString) return undefined;
  if (Array.isArray(v)) {
    const kept = v.map(stringless);
    return kept.every((e, i) => e === v[i]) ? v : kept.filter((e): e is PdfValue => e !== undefined);
  }
  if (!(v instanceof PdfDict)) return v;
  let out: PdfDict | undefined;
  for (const [k, e] of v.map) {
    const r = stringless(e);
    if (r === e) continue;
    out ??= v.clone();
    if (r === undefined) out.delete(k);
    else out.set(k, r);
  }
  return out ?? v;
}

/** A layer's dictionary without text but its /Name (renamed by layers.ts), or `d` itself. */
function plainLayer(d: PdfDict): PdfDict {
  const rest = d.clone();
  rest.delete('Name');
  const out = stringless(rest) as PdfDict;
  if (out === rest) return d;
  const name = d.get('Name');
  if (name !== undefined) out.set('Name', name);
  return out;
}

/** `d` with only the values that cannot carry text, or `d` itself when it has nothing else. */
export function plain(d: PdfDict): PdfDict {
  const keep = (v: PdfValue): boolean => typeof v === 'number' || typeof v === 'boolean' || v instanceof PdfName;
  if ([...d.map.values()].every(keep)) return d;
  return new PdfDict([...d.map].filter(([, v]) => keep(v)));
}

/**
 * A /Properties dictionary whose inline entries are plain; referenced entries are recorded in
 * `named` (rewritten where they are stored). Returns `props` itself when nothing changes.
 */
function plainProperties(objs: PdfObjects, props: PdfDict, named: Set<number>, count: { n: number }): PdfDict {
  let out: PdfDict | undefined;
  for (const [k, v] of props.map) {
    if (v instanceof PdfRef) {
      named.add(v.num);
      continue;
    }
    const d = dictOf(v);
    if (!d) continue;
    const p = isLayer(objs, d) ? plainLayer(d) : plain(d);
    if (p === d) continue;
    (out ??= props.clone()).set(k, p);
    count.n++;
  }
  return out ?? props;
}

/**
 * `v` with every /Properties value inside it made plain (copies along the way; unchanged parts
 * are shared, so objects the text layer still reads are never modified).
 */
function rewrite(objs: PdfObjects, v: PdfValue, named: Set<number>, propsRefs: Set<number>, count: { n: number }): PdfValue {
  if (Array.isArray(v)) {
    let out: PdfValue[] | undefined;
    v.forEach((e, i) => {
      const r = rewrite(objs, e, named, propsRefs, count);
      if (r !== e) (out ??= [...v])[i] = r;
    });
    return out ?? v;
  }
  if (v instanceof PdfStream) {
    const d = rewrite(objs, v.dict, named, propsRefs, count) as PdfDict;
    return d === v.dict ? v : new PdfStream(d, v.data);
  }
  if (!(v instanceof PdfDict)) return v;
  let out: PdfDict | undefined;
  for (const [k, e] of v.map) {
    let r: PdfValue;
    if (k === 'Properties' && e instanceof PdfRef) {
      propsRefs.add(e.num);
      continue;
    } else if (k === 'Properties' && e instanceof PdfDict) r = plainProperties(objs, rewrite(objs, e, named, propsRefs, count) as PdfDict, named, count);
    else r = rewrite(objs, e, named, propsRefs, count);
    if (r !== e) (out ??= v.clone()).set(k, r);
  }
  return out ?? v;
}

/**
 * Make every named marked-content property list in `objs` plain (see the module comment), by
 * replacing objects in `objs.objects` (the release's copy of the table; the objects themselves
 * are not changed). Objects the release does not reach are rewritten too, harmlessly.
 *
 * @returns How many property lists lost text.
 */
export function plainPropertyLists(objs: PdfObjects): number {
  const named = new Set<number>();
  const propsRefs = new Set<number>();
  const count = { n: 0 };
  for (const [num, v] of objs.objects) {
    const r = rewrite(objs, v, named, propsRefs, count);
    if (r !== v) objs.objects.set(num, r);
  }
  // /Properties dictionaries stored as objects of their own.
  for (const num of propsRefs) {
    const d = dictOf(objs.objects.get(num));
    if (!d) continue;
    const r = plainProperties(objs, d, named, count);
    if (r !== d) objs.objects.set(num, r);
  }
  for (const num of named) {
    const d = objs.objects.get(num);
    if (!(d instanceof PdfDict)) continue;
    const p = isLayer(objs, d) ? plainLayer(d) : plain(d);
    if (p !== d) {
      objs.objects.set(num, p);
      count.n++;
    }
  }
  return count.n;
}
