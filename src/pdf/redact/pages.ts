/**
 * The pages of a document in order, with the attributes they inherit from the page tree
 * (Resources, MediaBox, CropBox, Rotate) resolved, as PDF 32000 7.7.3.4 says.
 */
import { PdfDict, PdfRef, lookup, lookupArray, numbers, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';
import { normaliseRect, type Rect } from '../geometry.js';
import { PdfInputError } from '../errors.js';

/** A page and what it inherits. */
export interface PageNode {
  /** The page object's number, when it is an indirect object (it always is in valid files). */
  readonly ref: PdfRef | undefined;
  readonly dict: PdfDict;
  readonly resources: PdfValue | undefined;
  readonly mediaBox: Rect;
  readonly cropBox: Rect | undefined;
  readonly rotate: number;
}

const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;

/**
 * The pages of `objs` in document order. Throws PdfInputError for a document without pages, with a
 * cyclic page tree, or with a page the tree names (a /Kids entry, or the root's /Count) that is not
 * there: a truncated file the parser rebuilt would otherwise be released with its later pages
 * silently missing.
 */
export function listPages(objs: PdfObjects): PageNode[] {
  const catalog = resolve(objs, objs.trailer.get('Root'));
  const root = catalog instanceof PdfDict ? catalog.get('Pages') : undefined;
  const tree = resolve(objs, root);
  const count = tree instanceof PdfDict ? lookup(objs, tree, 'Count') : undefined;
  // Says what was found, not a page number the file lacks (`page 4 of 3`).
  const counts = typeof count === 'number' ? ` (the tree counts ${count} page${count === 1 ? '' : 's'})` : '';
  const damaged = (what: string): PdfInputError => new PdfInputError(`the PDF is truncated or damaged: its page tree ${what}`);
  const out: PageNode[] = [];
  const seen = new Set<number>();
  const walk = (v: PdfValue | undefined, inherited: Partial<Record<(typeof INHERITED)[number], PdfValue>>, depth: number): void => {
    if (depth > 64) throw new PdfInputError('the page tree is nested too deep');
    if (v instanceof PdfRef) {
      if (seen.has(v.num)) throw new PdfInputError('the page tree has a cycle');
      seen.add(v.num);
    }
    const node = resolve(objs, v);
    if (!(node instanceof PdfDict)) {
      if (depth > 0) throw damaged(`names a page ${out.length + 1} (${v instanceof PdfRef ? `object ${v.num}` : 'null'}) that the file does not hold${counts}`);
      return;
    }
    const here = { ...inherited };
    for (const k of INHERITED) if (node.has(k)) here[k] = node.get(k)!;
    const kids = lookupArray(objs, node, 'Kids');
    const type = lookup(objs, node, 'Type');
    const isPages = kids !== undefined && !(type && (type as { name?: string }).name === 'Page');
    if (isPages) {
      for (const k of kids) walk(k, here, depth + 1);
      return;
    }
    const media = numbers(objs, here.MediaBox);
    const crop = numbers(objs, here.CropBox);
    const rot = resolve(objs, here.Rotate);
    out.push({
      ref: v instanceof PdfRef ? v : undefined,
      dict: node,
      resources: here.Resources,
      mediaBox: media && media.length === 4 ? normaliseRect(media as unknown as [number, number, number, number]) : [0, 0, 612, 792],
      cropBox: crop && crop.length === 4 ? normaliseRect(crop as unknown as [number, number, number, number]) : undefined,
      rotate: typeof rot === 'number' ? ((Math.round(rot / 90) * 90) % 360 + 360) % 360 : 0,
    });
  };
  walk(root, {}, 0);
  if (out.length === 0) throw new PdfInputError('the PDF has no pages');
  if (typeof count === 'number' && count > out.length) throw damaged(`counts ${count} pages but holds ${out.length}`);
  return out;
}
