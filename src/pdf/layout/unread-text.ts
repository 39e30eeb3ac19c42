/**
 * Text a page can show that the text reader never reads: the cell of a tiling pattern, the group
 * of a soft mask (its glyphs shape what is painted through it), and the glyph procedure of a
 * Type3 font. The interpreter reads the page and the forms it draws; these streams it does not
 * read (a Type3 glyph is one glyph to it, whatever its procedure draws). A rectangle outside every
 * withheld region filled with a pattern whose cell drew `(S//NF) … secret words` was released as
 * it was: the text on the rendered page, in no extraction, under no decision. So was a Type3
 * glyph `a` shown after a released line whose procedure showed a withheld paragraph in Helvetica.
 *
 * Such a document is refused (fail closed), with or without `--rasterize-unsure`: rasterising a
 * page burns in what it shows, so the unread text would be released as pixels.
 */
import { PdfDict, PdfName, PdfStream, dictOf, lookup, lookupDict, lookupName, resolve, type PdfObjects } from '../objects/model.js';
import { decodeToBytes } from '../objects/filters.js';
import { parseContent } from '../syntax/parse.js';
import type { PageContent } from '../content/interpret.js';

/** Operators that show text. */
const SHOW_OPS: ReadonlySet<string> = new Set(['Tj', 'TJ', "'", '"']);

/** Nesting of patterns, forms and masks followed; deeper counts as showing text (fail closed). */
const MAX_DEPTH = 12;

/** A stream the reader does not read, and what it is, for the refusal. */
interface Unread {
  readonly stream: PdfStream;
  readonly what: string;
  /** The resources it uses when it has none of its own, if not those naming it (a Type3 font's). */
  readonly resources?: PdfDict;
}

/** The pattern cells, soft-mask groups and Type3 glyph procedures named by `res`. */
function unreadStreams(objs: PdfObjects, res: PdfDict | undefined): Unread[] {
  const out: Unread[] = [];
  const patterns = lookupDict(objs, res, 'Pattern');
  for (const [name, v] of patterns?.map ?? []) {
    const p = resolve(objs, v);
    // A shading pattern (type 2) is colour only; a tiling pattern's cell is a content stream.
    if (p instanceof PdfStream && lookup(objs, p.dict, 'PatternType') === 1) out.push({ stream: p, what: `tiling pattern /${name}` });
  }
  const states = lookupDict(objs, res, 'ExtGState');
  for (const [name, v] of states?.map ?? []) {
    const g = lookup(objs, dictOf(resolve(objs, v)), 'SMask');
    const group = lookup(objs, dictOf(g), 'G');
    if (group instanceof PdfStream) out.push({ stream: group, what: `soft mask of graphics state /${name}` });
  }
  const fonts = lookupDict(objs, res, 'Font');
  for (const [name, v] of fonts?.map ?? []) {
    const f = dictOf(resolve(objs, v));
    if (!f || lookupName(objs, f, 'Subtype') !== 'Type3') continue;
    const own = lookupDict(objs, f, 'Resources');
    for (const [glyph, p] of lookupDict(objs, f, 'CharProcs')?.map ?? []) {
      const proc = resolve(objs, p);
      if (proc instanceof PdfStream) out.push({ stream: proc, what: `glyph /${glyph} of Type3 font /${name}`, ...(own ? { resources: own } : {}) });
    }
  }
  return out;
}

/**
 * Whether `stream` (with `inherited` resources when it has none of its own) shows text: itself, a
 * form it draws, or a pattern or soft mask it names. A stream that cannot be decoded counts as
 * showing text.
 */
function showsText(objs: PdfObjects, stream: PdfStream, inherited: PdfDict | undefined, seen: Set<PdfStream>, depth: number): boolean {
  if (seen.has(stream)) return false;
  seen.add(stream);
  if (depth > MAX_DEPTH) return true;
  const bytes = decodeToBytes(objs, stream);
  if (bytes === null) return true;
  const res = lookupDict(objs, stream.dict, 'Resources') ?? inherited;
  const xobjects = lookupDict(objs, res, 'XObject');
  for (const o of parseContent(bytes).ops) {
    if (SHOW_OPS.has(o.op)) return true;
    const n = o.operands[0];
    if (o.op === 'Do' && n instanceof PdfName) {
      const x = lookup(objs, xobjects, n.name);
      if (x instanceof PdfStream && lookupName(objs, x.dict, 'Subtype') === 'Form' && showsText(objs, x, res, seen, depth + 1)) return true;
    }
  }
  return unreadStreams(objs, res).some((u) => showsText(objs, u.stream, u.resources ?? res, seen, depth + 1));
}

/**
 * What {@link showsText} found for a stream with resources of its own (its answer depends on
 * nothing else): a pattern is named by every page of a document, and was parsed again for each.
 */
const answered = new WeakMap<PdfStream, boolean>();

/**
 * The one-line refusal of page `index` (0-based) when a pattern cell, soft-mask group or Type3 glyph procedure named by
 * the resources of any stream it draws (the page, its forms) shows text; null otherwise. Named
 * and never used counts too: the stream stays in the file.
 */
export function unreadTextOf(objs: PdfObjects, drawn: PageContent, index: number): string | null {
  const checkedRes = new Set<PdfDict>();
  for (const s of drawn.streams) {
    if (!s.resources || checkedRes.has(s.resources)) continue;
    checkedRes.add(s.resources);
    for (const u of unreadStreams(objs, s.resources)) {
      const own = u.stream.dict.has('Resources') || u.resources !== undefined;
      let shows = own ? answered.get(u.stream) : undefined;
      if (shows === undefined) {
        shows = showsText(objs, u.stream, u.resources ?? s.resources, new Set<PdfStream>(), 1);
        if (own) answered.set(u.stream, shows);
      }
      if (shows) {
        return `page ${index + 1}: a ${u.what} draws text, which declass does not read (it would be released unread: fail closed)`;
      }
    }
  }
  return null;
}
