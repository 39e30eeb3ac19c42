/**
 * What of the input's own content the release leaves out unread: parts of the document catalog a
 * reader of the original could open (attached files, JavaScript, bookmarks, named destinations,
 * page labels, XMP metadata, article threads, a portfolio) and the document properties (Info: title,
 * author, subject, keywords). The release drops them all (document.ts keeps only /Pages and an Info
 * of its own title); this names them so that the record and the console say so (probe 65a, F4):
 * an attached file is a record of its own, neither reviewed nor released. Catalog housekeeping
 * (structure tree, language, viewer preferences, an empty outline) is not content and not named.
 * Never quotes a name or text from the file: the list goes to the console.
 */
import { PdfDict, PdfString, lookupArray, lookupDict, lookupName, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';
import { decodeTextString } from '../objects/text-string.js';

const SIMPLE: readonly (readonly [key: string, label: string])[] = [
  ['Dests', 'named destinations'],
  ['PageLabels', 'page labels'],
  ['Metadata', 'XMP metadata'],
  ['Threads', 'article threads'],
  ['Collection', 'a portfolio'],
];

/** The number of entries of a name tree (its /Names pairs, through /Kids). */
function nameTreeSize(objs: PdfObjects, node: PdfDict | undefined, depth = 0): number {
  if (!node || depth > 32) return 0;
  const names = lookupArray(objs, node, 'Names');
  let n = names ? Math.floor(names.length / 2) : 0;
  for (const kid of lookupArray(objs, node, 'Kids') ?? []) {
    const k = resolve(objs, kid);
    if (k instanceof PdfDict) n += nameTreeSize(objs, k, depth + 1);
  }
  return n;
}

/** An action dictionary that runs JavaScript (an open action or a document's additional action). */
function runsScript(objs: PdfObjects, v: PdfValue | undefined): boolean {
  const d = resolve(objs, v);
  if (!(d instanceof PdfDict)) return false;
  return lookupName(objs, d, 'S') === 'JavaScript';
}

/** The Info keys whose text a viewer shows as the document's properties. */
const PROPERTIES = ['Title', 'Author', 'Subject', 'Keywords'];
/** Info keys of the producing software and dates: no content of the document. */
const HOUSEKEEPING = new Set(['Creator', 'Producer', 'CreationDate', 'ModDate', 'Trapped']);

/**
 * The document properties of the trailer's Info dictionary that hold text: the release keeps a
 * minimal Info (its own title), so they went unsaid (probe 67a, F3). Their keys, never their
 * values; other keys a producer added are counted, not named (a key is free text too).
 */
function documentProperties(objs: PdfObjects): string | null {
  const info = resolve(objs, objs.trailer.get('Info'));
  if (!(info instanceof PdfDict)) return null;
  const text = (k: string): boolean => {
    const v = resolve(objs, info.get(k));
    return v instanceof PdfString && decodeTextString(v.bytes).trim() !== '';
  };
  const named = PROPERTIES.filter(text);
  const others = [...info.map.keys()].filter((k) => !PROPERTIES.includes(k) && !HOUSEKEEPING.has(k) && text(k)).length;
  const parts = [...named, ...(others > 0 ? [`${others} other entr${others === 1 ? 'y' : 'ies'}`] : [])];
  return parts.length > 0 ? `document properties (${parts.join(', ')})` : null;
}

/** The content `catalog` holds that the release leaves out, as short phrases (empty when none), and the document properties (Info). */
export function droppedContent(objs: PdfObjects, catalog: PdfDict): string[] {
  const out: string[] = [];
  const names = lookupDict(objs, catalog, 'Names');
  const files = nameTreeSize(objs, lookupDict(objs, names, 'EmbeddedFiles'));
  if (files > 0) out.push(`${files} attached file${files === 1 ? '' : 's'}`);
  const aa = lookupDict(objs, catalog, 'AA');
  const scripts = nameTreeSize(objs, lookupDict(objs, names, 'JavaScript')) > 0 || runsScript(objs, catalog.get('OpenAction')) || (aa !== undefined && [...aa.map.values()].some((a) => runsScript(objs, a)));
  if (scripts) out.push('document JavaScript');
  if (lookupDict(objs, lookupDict(objs, catalog, 'Outlines'), 'First') !== undefined) out.push('bookmarks (outlines)');
  const namedDests = nameTreeSize(objs, lookupDict(objs, names, 'Dests')) > 0;
  for (const [key, label] of SIMPLE) {
    if (catalog.has(key) || (key === 'Dests' && namedDests)) out.push(label);
  }
  const properties = documentProperties(objs);
  if (properties) out.push(properties);
  return out;
}

/**
 * The content the catalog of `objs` holds beyond its pages, read when the input is: a release of
 * text only leaves it out as surely as a release PDF, and said nothing of it (the warning came
 * from the PDF writer alone).
 */
export function unreadContent(objs: PdfObjects): string[] {
  const catalog = resolve(objs, objs.trailer.get('Root'));
  return catalog instanceof PdfDict ? droppedContent(objs, catalog) : [];
}
