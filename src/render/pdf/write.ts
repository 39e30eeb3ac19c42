/**
 * PDF bytes from laid-out pages. The only module that imports pdf-lib (unmaintained since 2021;
 * keep it replaceable).
 *
 * What the file holds, and nothing more:
 * - one page object per {@link PageLayout}, each with ONE content stream written as text and
 *   deflated by Node's zlib (faster and half the size of a `drawText` per line: see
 *   test/render/pdf/speed.test.ts);
 * - the standard Courier and Courier-Bold fonts (not embedded, WinAnsiEncoding), under the fixed
 *   resource names /F1 and /F2;
 * - an Info dictionary with Title, and Subject / Keywords when given: no Producer, no Creator, no
 *   dates, no XMP, no /ID, no annotations, no outlines.
 *
 * The file is written in one full save (no incremental update) without object streams, so every
 * dictionary is plain text in the file and a byte-level check for `/Annots` or `/Metadata` means
 * something. Given the same pages and meta, the bytes are the same.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, StandardFonts, type PDFFont } from 'pdf-lib';
import { encodeWinAnsiLiteral } from './encoding.js';
import type { PageLayout, PdfFont, Rgb } from './model.js';

/** Document metadata written to the Info dictionary. Release copies take it from released text only. */
export interface PdfMeta {
  readonly title: string;
  readonly subject?: string;
  readonly keywords?: readonly string[];
}

const FONT_RESOURCE: Readonly<Record<PdfFont, string>> = { mono: 'F1', 'mono-bold': 'F2' };

/** A number as written in the content stream: at most two decimals, no `-0`, no exponent. */
function num(n: number): string {
  const v = Math.round(n * 100) / 100 || 0;
  return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, '');
}

function sameColor(a: Rgb | null, b: Rgb): boolean {
  return a !== null && a.r === b.r && a.g === b.g && a.b === b.b;
}

/**
 * The content stream painting one page, as text with one byte per character: rectangles and
 * text in item order, with state changes only when needed. Written as a string rather than
 * pdf-lib operator objects, which cost an allocation per number and were most of the time spent.
 */
export function pageContent(layout: PageLayout): string {
  const ops: string[] = ['q'];
  let fill: Rgb | null = null;
  let inText = false;
  let font: PdfFont | null = null;
  let size = -1;

  const setFill = (c: Rgb): void => {
    if (sameColor(fill, c)) return;
    ops.push(`${num(c.r)} ${num(c.g)} ${num(c.b)} rg`);
    fill = c;
  };

  for (const item of layout.items) {
    if (item.kind === 'rect') {
      if (inText) {
        ops.push('ET');
        inText = false;
      }
      setFill(item.color);
      ops.push(`${num(item.x)} ${num(item.y)} ${num(item.width)} ${num(item.height)} re`, 'f');
      continue;
    }
    if (item.text === '') continue;
    if (!inText) {
      ops.push('BT');
      inText = true;
    }
    if (item.font !== font || item.size !== size) {
      ops.push(`/${FONT_RESOURCE[item.font]} ${num(item.size)} Tf`);
      font = item.font;
      size = item.size;
    }
    setFill(item.color);
    ops.push(`1 0 0 1 ${num(item.x)} ${num(item.y)} Tm`, `(${encodeWinAnsiLiteral(item.text)}) Tj`);
  }
  if (inText) ops.push('ET');
  ops.push('Q');
  return ops.join('\n');
}

/**
 * Write pages to a PDF.
 *
 * @param pages Laid-out pages (from release-layout.ts or review-layout.ts); at least one is expected, none gives a one-page blank file.
 * @param meta Title (required), subject and keywords for the Info dictionary; nothing else is written there.
 * @returns The bytes of a complete PDF 1.7 file, deterministic for the same input.
 */
export async function writePdf(pages: readonly PageLayout[], meta: PdfMeta): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib stamps its producer string and the current time.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Record<PdfFont, PDFFont> = {
    mono: await doc.embedFont(StandardFonts.Courier),
    'mono-bold': await doc.embedFont(StandardFonts.CourierBold),
  };
  doc.setTitle(meta.title);
  if (meta.subject !== undefined && meta.subject !== '') doc.setSubject(meta.subject);
  if (meta.keywords !== undefined && meta.keywords.length > 0) doc.setKeywords([...meta.keywords]);

  for (const layout of pages) {
    const page = doc.addPage([layout.width, layout.height]);
    for (const key of Object.keys(FONT_RESOURCE) as PdfFont[]) {
      page.node.setFontDictionary(PDFName.of(FONT_RESOURCE[key]), fonts[key].ref);
    }
    // Compressed with Node's zlib (native) rather than pdf-lib's JavaScript deflate: a third of
    // the time of a whole release went there. Same input, same bytes.
    const content = deflateSync(Buffer.from(pageContent(layout), 'latin1'), { level: 6 });
    const stream = doc.context.stream(content, { Filter: 'FlateDecode' });
    page.node.set(PDFName.of('Contents'), doc.context.register(stream));
    // pdf-lib gives every page an empty /Annots and empty resource dictionaries; drop them so the
    // file holds exactly what is drawn (and a byte-level check for /Annots finds nothing).
    page.node.delete(PDFName.of('Annots'));
    const resources = page.node.Resources();
    resources?.delete(PDFName.of('XObject'));
    resources?.delete(PDFName.of('ExtGState'));
  }

  return doc.save({ useObjectStreams: false, addDefaultPage: true, updateFieldAppearances: false });
}
