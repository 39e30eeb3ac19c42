/**
 * Objects defined more than once in a file where the cross-reference data picks another definition
 * than the parser read. pdf-lib's parser reads front to back, so the last definition wins (read.ts),
 * whether it stands in the body or in an object stream; viewers resolve objects through the
 * cross-reference chain. A file whose page content was defined twice, the table pointing to the
 * first, had declass read and release another page than pdf.js, pdftotext and Ghostscript showed,
 * and nothing said (probe 64b, F3). The chain is followed as pdf.js does: from `startxref`, each
 * section a classic table or a cross-reference stream (PDF 1.5), a hybrid table's /XRefStm read
 * after its own entries and before /Prev, the first entry in use of an object deciding.
 */
import { decodeToBytes } from './filters.js';
import { PdfDict, PdfName, PdfStream, type PdfObjects, type PdfValue } from './model.js';

/** Where the parser took an object from: the offset of a body definition, or of the object stream holding it and its index there. */
export interface Definition {
  readonly at: number;
  readonly index?: number;
}

/** What the cross-reference chain selects: a body offset, or an object stream's number and an index. */
type Entry = { readonly at: number } | { readonly stream: number; readonly index: number };

/** Parses the indirect object at a byte offset (a cross-reference stream), or undefined. */
export type ObjectAt = (offset: number) => PdfValue | undefined;

const ENTRY = /^(\d{10}) (\d{5}) ([nf])/;

/** A section's links on: a hybrid table's cross-reference stream, and the section before. */
interface Links {
  readonly stm?: number | undefined;
  readonly prev?: number | undefined;
}

/** A classic section's in-use entries, its trailer's /XRefStm and /Prev; undefined when `at` holds no table. */
function classicSection(text: string, at: number, entries: Map<number, Entry>): Links | undefined {
  const section = text.slice(at, at + 20 + 20 * 200_000);
  if (!section.startsWith('xref')) return undefined;
  const trailer = section.indexOf('trailer');
  const lines = section.slice(4, trailer < 0 ? undefined : trailer).split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '');
  for (let i = 0; i < lines.length; ) {
    const [first, count] = lines[i]!.split(/\s+/).map(Number);
    for (let k = 0; k < count!; k++) {
      const e = ENTRY.exec(lines[i + 1 + k] ?? '');
      if (e && e[3] === 'n' && !entries.has(first! + k)) entries.set(first! + k, { at: Number(e[1]) });
    }
    i += 1 + count!;
  }
  const dict = trailer < 0 ? '' : section.slice(trailer, trailer + 4096);
  const num = (key: string): number | undefined => {
    const m = new RegExp(`/${key}\\s+(\\d+)`).exec(dict);
    return m ? Number(m[1]) : undefined;
  };
  return { stm: num('XRefStm'), prev: num('Prev') };
}

const field = (data: Uint8Array, from: number, width: number): number => {
  let v = 0;
  for (let i = 0; i < width; i++) v = v * 256 + data[from + i]!;
  return v;
};

/** A cross-reference stream's in-use entries and its /Prev; undefined when `at` holds none that decodes. */
function streamSection(objectAt: ObjectAt, at: number, entries: Map<number, Entry>): Links | undefined {
  const s = objectAt(at);
  if (!(s instanceof PdfStream) || s.dict.get('Type') !== PdfName.of('XRef')) return undefined;
  const objs: PdfObjects = { objects: new Map(), trailer: new PdfDict() };
  const data = decodeToBytes(objs, s);
  const w = s.dict.get('W');
  if (!data || !Array.isArray(w) || w.length !== 3 || !w.every((n) => typeof n === 'number')) return undefined;
  const [tw, ow, gw] = w as number[];
  const size = s.dict.get('Size');
  const index = s.dict.get('Index');
  const ranges = (Array.isArray(index) ? index : [0, size]).map(Number);
  let p = 0;
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    for (let k = 0; k < ranges[r + 1]! && p + tw! + ow! + gw! <= data.length; k++, p += tw! + ow! + gw!) {
      const type = tw === 0 ? 1 : field(data, p, tw!);
      const a = field(data, p + tw!, ow!);
      const b = field(data, p + tw! + ow!, gw!);
      const num = ranges[r]! + k;
      if (entries.has(num)) continue;
      if (type === 1) entries.set(num, { at: a });
      else if (type === 2) entries.set(num, { stream: a, index: b });
    }
  }
  const prev = s.dict.get('Prev');
  return typeof prev === 'number' ? { prev } : {};
}

/** The in-use entry the cross-reference chain selects for each object; undefined when a section cannot be read. */
function chainEntries(text: string, objectAt: ObjectAt): Map<number, Entry> | undefined {
  const entries = new Map<number, Entry>();
  const last = text.lastIndexOf('startxref');
  const queue = [Number(/^startxref\s+(\d+)/.exec(text.slice(Math.max(last, 0)))?.[1])];
  const seen = new Set<number>();
  while (queue.length > 0 && seen.size < 64) {
    const at = queue.shift()!;
    if (!Number.isFinite(at) || seen.has(at)) continue;
    seen.add(at);
    const section: Links | undefined = classicSection(text, at, entries) ?? streamSection(objectAt, at, entries);
    if (!section) return undefined;
    for (const next of [section.stm, section.prev]) if (next !== undefined) queue.push(next);
  }
  return entries;
}

/** An entry may point a few bytes before its object's number (at the end of the line before it). */
const pointsTo = (entry: number, at: number): boolean => entry >= at - 16 && entry <= at;

/** Whether the chain's entry selects the definition the parser read (`read`, the last of an object's definitions). */
function selects(entry: Entry, read: Definition, entries: Map<number, Entry>): boolean {
  if ('at' in entry) return read.index === undefined && entry.at >= read.at - 16;
  const holder = entries.get(entry.stream);
  return read.index === entry.index && holder !== undefined && 'at' in holder && pointsTo(holder.at, read.at);
}

/**
 * The first object defined more than once (`defined`: every definition the parser read, in order)
 * whose cross-reference entry selects another definition than the last, or undefined.
 */
export function misreadDefinition(bytes: Uint8Array, defined: ReadonlyMap<number, readonly Definition[]>, objectAt: ObjectAt): number | undefined {
  const twice = [...defined].filter(([, list]) => list.length > 1);
  if (twice.length === 0) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const entries = chainEntries(text, objectAt);
  if (!entries) return undefined;
  for (const [num, list] of twice) {
    const entry = entries.get(num);
    if (entry && !selects(entry, list[list.length - 1]!, entries)) return num;
  }
  return undefined;
}
