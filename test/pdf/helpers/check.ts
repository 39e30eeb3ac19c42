/**
 * Independent read-back of a release for the PDF tests: text by pdf.js and by poppler's
 * pdftotext, every decoded stream and string of the file (so text hidden anywhere in an object is
 * found whatever draws it), and the opaque boxes the release draws.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { readPdfObjects } from '../../../src/pdf/objects/read.js';
import { decodeStream } from '../../../src/pdf/objects/filters.js';
import { PdfDict, PdfStream, PdfString, type PdfValue } from '../../../src/pdf/objects/model.js';
import { parseContent } from '../../../src/pdf/syntax/parse.js';
import { readPdfText } from '../../../src/pdf/pdfjs.js';
import { pdftotext } from '../../helpers/pdf-text.js';
import { extractPdfStrings } from '../../../src/audit/pdf-text.js';

/** Text of all pages by pdf.js (runs joined by spaces, pages by form feeds), plus metadata/annotation texts. */
export async function pdfjsText(bytes: Uint8Array): Promise<{ pages: string[]; extra: string }> {
  const t = await readPdfText(bytes);
  return { pages: t.pages.map((runs) => runs.map((r) => r.str).join(' ')), extra: t.extra.join('\n') };
}

/** pdftotext output, or null when poppler is absent. */
export function popplerText(bytes: Uint8Array): string | null {
  return pdftotext(bytes);
}

/**
 * Everything textual in the file's objects: every string (UTF-16 decoded when it has a BOM) and
 * every decodable stream's bytes as latin1. Searching this proves a text is nowhere in the file.
 */
export async function everythingInFile(bytes: Uint8Array): Promise<string> {
  const objs = await readPdfObjects(bytes);
  const parts: string[] = [];
  const visit = (v: PdfValue | undefined): void => {
    if (v instanceof PdfString) {
      const b = v.bytes;
      if (b[0] === 0xfe && b[1] === 0xff) parts.push(new TextDecoder('utf-16be').decode(b.subarray(2)));
      else parts.push(Buffer.from(b).toString('latin1'));
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v instanceof PdfDict) for (const x of v.map.values()) visit(x);
    else if (v instanceof PdfStream) {
      visit(v.dict);
      const d = decodeStream(objs, v);
      if (d.ok) {
        parts.push(Buffer.from(d.data).toString('latin1'));
        // Strings inside content streams too (hex strings are otherwise unreadable).
        for (const op of parseContent(d.data).ops) op.operands.forEach(visit);
      }
    }
  };
  for (const o of objs.objects.values()) visit(o);
  visit(objs.trailer);
  // And a scan of the raw bytes that ignores the cross-reference table, so that object versions
  // an update superseded (which a parser hides) are searched too.
  const raw = extractPdfStrings(bytes);
  if (raw.ok) parts.push(raw.text, raw.metadata);
  return parts.join('\n');
}

/** The rectangles the release paints as boxes on page `index`: the `re` operations of its final `q 0 g 0 G … f` block. */
export async function releaseBoxes(bytes: Uint8Array, index: number): Promise<[number, number, number, number][]> {
  const objs = await readPdfObjects(bytes);
  const catalog = objs.objects.get((objs.trailer.get('Root') as { num: number }).num) as PdfDict;
  const pages = objs.objects.get((catalog.get('Pages') as { num: number }).num) as PdfDict;
  const ref = (pages.get('Kids') as { num: number }[])[index]!;
  const page = objs.objects.get(ref.num) as PdfDict;
  const contents = objs.objects.get((page.get('Contents') as { num: number }).num) as PdfStream;
  const d = decodeStream(objs, contents);
  if (!d.ok) throw new Error(d.message);
  const ops = parseContent(d.data).ops;
  let start = -1;
  for (let i = 0; i < ops.length; i++) if (ops[i]!.op === 'G' && ops[i - 1]?.op === 'g' && ops[i - 2]?.op === 'q') start = i;
  const out: [number, number, number, number][] = [];
  for (let i = start + 1; i < ops.length && ops[i]!.op !== 'f'; i++) {
    if (ops[i]!.op === 're') {
      const [x, y, w, h] = ops[i]!.operands as number[];
      out.push([x!, y!, x! + w!, y! + h!]);
    }
  }
  return out;
}

/** Word boxes by poppler (`pdftotext -bbox`), in user space (y up), or null when poppler is absent. */
export function popplerWords(bytes: Uint8Array): { page: number; word: string; rect: [number, number, number, number] }[] | null {
  const html = pdftotext(bytes, ['-bbox']);
  if (html === null) return null;
  const out: { page: number; word: string; rect: [number, number, number, number] }[] = [];
  let page = -1;
  let height = 0;
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[1] !== undefined) {
      page++;
      height = Number(m[2]);
    } else {
      const word = m[7]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&apos;/g, "'");
      out.push({ page, word, rect: [Number(m[3]), height - Number(m[6]), Number(m[5]), height - Number(m[4])] });
    }
  }
  return out;
}

/** The operations of page `index`'s content (one stream, as the release writes it, or an array joined). */
export async function pageOps(bytes: Uint8Array, index: number): Promise<{ op: string; operands: PdfValue[] }[]> {
  const objs = await readPdfObjects(bytes);
  const catalog = objs.objects.get((objs.trailer.get('Root') as { num: number }).num) as PdfDict;
  const pages = objs.objects.get((catalog.get('Pages') as { num: number }).num) as PdfDict;
  const page = objs.objects.get((pages.get('Kids') as { num: number }[])[index]!.num) as PdfDict;
  const c = page.get('Contents');
  const refs = (Array.isArray(c) ? c : [c]) as { num: number }[];
  const parts = refs.map((r) => {
    const d = decodeStream(objs, objs.objects.get(r.num) as PdfStream);
    if (!d.ok) throw new Error(d.message);
    return Buffer.from(d.data).toString('latin1');
  });
  return parseContent(Uint8Array.from(Buffer.from(parts.join('\n'), 'latin1'))).ops;
}

/**
 * The file as an independent reader sees it: its raw bytes (dictionaries are written as text)
 * and every stream that zlib inflates, as latin1. No object model of declass's own.
 */
export function rawAndInflated(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const parts = [raw];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    try {
      parts.push(inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1'));
    } catch {
      // not Flate: the raw bytes above hold it
    }
  }
  return parts.join('\n');
}

/** The images poppler's `pdfimages -list` finds in the file ({page, width, height} each), or null when it is not installed. */
export function popplerImages(bytes: Uint8Array): { page: number; width: number; height: number }[] | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-pdfimages-'));
  const file = path.join(dir, 'in.pdf');
  writeFileSync(file, bytes);
  const out = spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  if (out.error) return null;
  if (out.status !== 0) throw new Error(`pdfimages exited with ${out.status}: ${out.stderr}`);
  return out.stdout.split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => {
    const f = l.trim().split(/\s+/);
    return { page: Number(f[0]), width: Number(f[3]), height: Number(f[4]) };
  });
}
