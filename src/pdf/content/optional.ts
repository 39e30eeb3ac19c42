/**
 * Optional content (PDF 32000-1 §8.11): whether content tagged with an optional-content group
 * (`BDC /OC /name … EMC`, a form XObject's /OC) is hidden when the document opens. A group is off
 * when the default configuration (/OCProperties /D) lists it in /OFF, or sets /BaseState /OFF and
 * does not list it in /ON; a membership dictionary (/OCMD) by its /P policy over its /OCGs. What
 * declass cannot evaluate (a visibility expression /VE, a tag that names no dictionary) counts as
 * hidden: no reader is known to see it, so it is never read as the text around it (fail closed).
 * So is a group whose /Usage turns it off for viewing, printing or export: a viewer that applies
 * the configuration's auto-states (/AS, Acrobat does) hides it although /D lists it ON (probe 61d).
 */
import { PdfDict, PdfName, dictOf, lookup, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';

/** The document's default optional-content state: the groups it turns off. */
interface OcState {
  readonly off: ReadonlySet<PdfValue>;
  readonly on: ReadonlySet<PdfValue>;
  readonly baseOff: boolean;
}

const STATES = new WeakMap<PdfObjects, OcState>();

/** The default configuration of `objs`'s catalog (read once per document). */
function stateOf(objs: PdfObjects): OcState {
  let s = STATES.get(objs);
  if (s) return s;
  const catalog = dictOf(resolve(objs, objs.trailer.get('Root')));
  const d = dictOf(resolve(objs, dictOf(resolve(objs, catalog?.get('OCProperties')))?.get('D')));
  const list = (k: string): Set<PdfValue> => {
    const a = resolve(objs, d?.get(k));
    const out = new Set<PdfValue>();
    if (Array.isArray(a)) for (const v of a) { const r = resolve(objs, v); if (r !== undefined) out.add(r); }
    return out;
  };
  const base = lookup(objs, d, 'BaseState');
  s = { off: list('OFF'), on: list('ON'), baseOff: base instanceof PdfName && base.name === 'OFF' };
  STATES.set(objs, s);
  return s;
}

/** True when content tagged with the optional-content dictionary `v` (an /OCG or /OCMD, or a reference) is hidden by default. */
export function ocHidden(objs: PdfObjects, v: PdfValue | undefined): boolean {
  const d = dictOf(resolve(objs, v));
  if (!d) return true;
  const st = stateOf(objs);
  const off = (g: PdfValue | undefined): boolean => {
    const r = resolve(objs, g);
    return r === undefined || st.off.has(r) || (st.baseOff && !st.on.has(r)) || usageOff(objs, r);
  };
  const type = lookup(objs, d, 'Type');
  if (!(type instanceof PdfName) || type.name !== 'OCMD') return off(d);
  if (d.get('VE') !== undefined) return true;
  const raw = resolve(objs, d.get('OCGs'));
  const groups = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (groups.length === 0) return false;
  const hidden = groups.map(off);
  const p = lookup(objs, d, 'P');
  const policy = p instanceof PdfName ? p.name : 'AnyOn';
  if (policy === 'AllOn') return hidden.some((h) => h);
  if (policy === 'AnyOff') return !hidden.some((h) => h);
  if (policy === 'AllOff') return !hidden.every((h) => h);
  return hidden.every((h) => h);
}

/** The /Usage categories whose state can turn a group off under the configuration's auto-states (/AS). */
const USAGE_STATES: readonly (readonly [string, string])[] = [['View', 'ViewState'], ['Print', 'PrintState'], ['Export', 'ExportState']];

/** True when the group `g`'s /Usage says OFF for viewing, printing or export. */
function usageOff(objs: PdfObjects, g: PdfValue): boolean {
  const usage = dictOf(resolve(objs, dictOf(g)?.get('Usage')));
  if (!usage) return false;
  return USAGE_STATES.some(([category, key]) => {
    const state = lookup(objs, dictOf(resolve(objs, usage.get(category))), key);
    return state instanceof PdfName && state.name === 'OFF';
  });
}
