/**
 * The link annotations a release keeps, each rebuilt from what its kind allows and nothing else.
 * The keys a link draws with (/Rect, /Border, /BS, /C, /H, /QuadPoints, /F) were copied as they
 * were, and an explicit destination was checked by its first element only: a probe's
 * `/Dest [4 0 R /XYZ (ZEBRALEAK38 dest) 792 0]`, a GoTo's `/D [4 0 R /Fit (…)]` and a string in a
 * /Border dash array were all in the release. Now every value is read against its shape: numbers
 * where numbers go, a name where a name goes. A drawing key of another shape goes (the link keeps
 * its place); a destination of another shape takes the link with it (where would it go?).
 */
import { PdfDict, PdfName, PdfRef, PdfString, dictOf, lookup, lookupName, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';

/** A link as released (null when it goes), and whether something it held was left out. */
export interface SafeLink {
  readonly link: PdfDict | null;
  /** Something the link held is not in the release because it was not of its kind's shape. */
  readonly cut: boolean;
  /** The address of a kept URI link, as written (latin1): hidden data the release text does not show. */
  readonly uri?: string;
  /** A URI link that went because `keepUri` refused its address. */
  readonly refused?: boolean;
  /**
   * A link that went because the release keeps no link of its kind (a named destination, another
   * file, a launch or script action, no destination): what it pointed to, for the page's warning.
   */
  readonly dropped?: string;
}

/** How many operands each fit type of an explicit destination takes (PDF 32000 12.3.2.2). */
const FIT_OPERANDS: Readonly<Record<string, number>> = { XYZ: 3, Fit: 0, FitH: 1, FitV: 1, FitR: 4, FitB: 0, FitBH: 1, FitBV: 1 };
const HIGHLIGHT = new Set(['N', 'I', 'O', 'P']);
/** PDF 32000's action types (12.6.4), the only ones a warning names: a name of the file's own could hold withheld words. */
const ACTIONS = new Set(['GoToR', 'GoToE', 'Launch', 'Thread', 'Sound', 'Movie', 'Hide', 'Named', 'SubmitForm', 'ResetForm', 'ImportData', 'JavaScript', 'SetOCGState', 'Rendition', 'Trans', 'GoTo3DView']);
const BORDER_STYLE = new Set(['S', 'D', 'B', 'I', 'U']);

const isNumbers = (v: PdfValue | undefined, min: number, max: number): v is number[] =>
  Array.isArray(v) && v.length >= min && v.length <= max && v.every((e) => typeof e === 'number');

/** An explicit destination on a page of the release: the page, a fit type, its numbers (or null). */
export function explicitDest(d: PdfValue | undefined, pageRefs: ReadonlySet<number>): boolean {
  if (!Array.isArray(d) || !(d[0] instanceof PdfRef) || !pageRefs.has(d[0].num)) return false;
  const fit = d[1];
  if (!(fit instanceof PdfName) || FIT_OPERANDS[fit.name] === undefined) return false;
  const rest = d.slice(2);
  return rest.length <= FIT_OPERANDS[fit.name]! && rest.every((e) => typeof e === 'number' || e === null);
}

/** /Border: three numbers, then a dash array of numbers. */
function border(v: PdfValue | undefined): PdfValue | undefined {
  if (!Array.isArray(v) || v.length < 3 || v.length > 4 || !v.slice(0, 3).every((e) => typeof e === 'number')) return undefined;
  if (v.length === 4 && !isNumbers(v[3], 0, 8)) return undefined;
  return v.length === 4 ? [...v.slice(0, 3), [...(v[3] as number[])]] : [...v];
}

/** /BS: a width, a style and a dash array; nothing else. */
function borderStyle(objs: PdfObjects, v: PdfValue | undefined): PdfValue | undefined {
  const d = dictOf(v);
  if (!d) return undefined;
  const out = new PdfDict();
  for (const [k, raw] of d.map) {
    const e = resolve(objs, raw);
    if (k === 'Type' && e instanceof PdfName && e.name === 'Border') out.set(k, e);
    else if (k === 'W' && typeof e === 'number') out.set(k, e);
    else if (k === 'S' && e instanceof PdfName && BORDER_STYLE.has(e.name)) out.set(k, e);
    else if (k === 'D' && isNumbers(e, 0, 8)) out.set(k, [...e]);
    else return undefined;
  }
  return out;
}

/** The value of drawing key `k` as released, or undefined when it is not of its shape. */
function drawing(objs: PdfObjects, k: string, v: PdfValue): PdfValue | undefined {
  const r = resolve(objs, v);
  switch (k) {
    case 'Rect': return isNumbers(r, 4, 4) ? [...r] : undefined;
    case 'QuadPoints': return isNumbers(r, 8, 8 * 64) && r.length % 8 === 0 ? [...r] : undefined;
    case 'C': return isNumbers(r, 0, 4) ? [...r] : undefined;
    case 'F': return typeof r === 'number' ? r : undefined;
    case 'H': return r instanceof PdfName && HIGHLIGHT.has(r.name) ? r : undefined;
    case 'Border': return border(r);
    case 'BS': return borderStyle(objs, r);
    default: return undefined;
  }
}

/**
 * The link annotation `annot` as released: its drawing keys of their shape, and an explicit
 * destination on a page of the release or a URI `keepUri` accepts (anything else: no link).
 */
export function safeLink(objs: PdfObjects, annot: PdfDict, pageRefs: ReadonlySet<number>, keepUri: (uri: string) => boolean): SafeLink {
  const out = new PdfDict([['Type', PdfName.of('Annot')], ['Subtype', PdfName.of('Link')]]);
  let cut = false;
  for (const k of ['Rect', 'Border', 'BS', 'C', 'H', 'QuadPoints', 'F']) {
    if (!annot.has(k)) continue;
    const v = drawing(objs, k, annot.get(k)!);
    if (v === undefined) cut = true;
    else out.set(k, v);
  }
  const none = (why: boolean): SafeLink => ({ link: null, cut: why });
  const drop = (kind: string): SafeLink => ({ link: null, cut: false, dropped: kind });
  // A link has a place on its page, or it is not a link.
  if (!out.has('Rect')) return none(annot.has('Rect'));
  const dest = lookup(objs, annot, 'Dest');
  const action = dictOf(lookup(objs, annot, 'A'));
  if (dest !== undefined) {
    // A named destination: the names are gone, and the link with them (said, never quoted).
    if (!explicitDest(dest, pageRefs)) return Array.isArray(dest) ? none(true) : drop('a named destination');
    out.set('Dest', [...(dest as PdfValue[])]);
  } else if (action) {
    const s = lookupName(objs, action, 'S');
    if (s === 'URI') {
      const uri = lookup(objs, action, 'URI');
      if (!(uri instanceof PdfString)) return drop('an address that is not a string');
      const address = Buffer.from(uri.bytes).toString('latin1');
      if (!keepUri(address)) return { link: null, cut: false, refused: true };
      out.set('A', new PdfDict([['S', PdfName.of('URI')], ['URI', uri]]));
      return { link: out, cut, uri: address };
    } else if (s === 'GoTo') {
      const d = lookup(objs, action, 'D');
      if (!explicitDest(d, pageRefs)) return Array.isArray(d) ? none(true) : drop('a named destination');
      out.set('A', new PdfDict([['S', PdfName.of('GoTo')], ['D', [...(d as PdfValue[])]]]));
    } else return drop(s !== undefined && ACTIONS.has(s) ? `a ${s} action` : 'an action of another type');
  } else return drop('no destination');
  return { link: out, cut };
}
