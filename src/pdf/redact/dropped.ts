/**
 * What of the input's own content the release leaves out unread: parts of the document catalog a
 * reader of the original could open (attached files, JavaScript, bookmarks, named destinations,
 * page labels, XMP metadata, article threads, a portfolio). The release drops them all (document.ts
 * keeps only /Pages); this names them so that the record and the console say so (probe 65a, F4):
 * an attached file is a record of its own, neither reviewed nor released. Catalog housekeeping
 * (structure tree, language, viewer preferences, an empty outline) is not content and not named.
 * Never quotes a name or text from the file: the list goes to the console.
 */
import { PdfDict, lookupArray, lookupDict, lookupName, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';

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

/** The content `catalog` holds that the release leaves out, as short phrases (empty when none). */
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
