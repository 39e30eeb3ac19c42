/**
 * PDF bytes from laid-out pages. The only module that imports pdf-lib (unmaintained since 2021;
 * keep it replaceable).
 *
 * What the file holds, and nothing more:
 * - one page object per {@link PageLayout}, each with ONE content stream built from operators
 *   (faster and half the size of a `drawText` per line: see test/render/pdf/speed.test.ts);
 * - the standard Courier and Courier-Bold fonts (not embedded, WinAnsiEncoding), under the fixed
 *   resource names /F1 and /F2;
 * - an Info dictionary with Title, and Subject / Keywords when given: no Producer, no Creator, no
 *   dates, no XMP, no /ID, no annotations, no outlines.
 *
 * The file is written in one full save (no incremental update) without object streams, so every
 * dictionary is plain text in the file and a byte-level check for `/Annots` or `/Metadata` means
 * something. Given the same pages and meta, the bytes are the same.
 */
import {
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames as Ops,
  PDFString,
  StandardFonts,
  type PDFFont,
} from 'pdf-lib';
import { encodeWinAnsiLiteral } from './encoding.js';
import type { PageLayout, PdfFont, Rgb } from './model.js';

/** Document metadata written to the Info dictionary. Release copies take it from released text only. */
export interface PdfMeta {
  readonly title: string;
  readonly subject?: string;
  readonly keywords?: readonly string[];
}

const FONT_RESOURCE: Readonly<Record<PdfFont, string>> = { mono: 'F1', 'mono-bold': 'F2' };

/**
 * A number as written in the content stream: at most two decimals, no `-0`. PDFNumber objects are
 * immutable, and coordinates repeat on every page, so they are shared: pdf-lib formats each number
 * when it is created, which otherwise dominates the time spent here.
 */
function numberCache(): (n: number) => PDFNumber {
  const cache = new Map<number, PDFNumber>();
  return (n: number): PDFNumber => {
    const v = Math.round(n * 100) / 100 || 0;
    let out = cache.get(v);
    if (out === undefined) {
      out = PDFNumber.of(v);
      cache.set(v, out);
    }
    return out;
  };
}

function sameColor(a: Rgb | null, b: Rgb): boolean {
  return a !== null && a.r === b.r && a.g === b.g && a.b === b.b;
}

/** The operators painting one page: rectangles and text in item order, with state changes only when needed. */
function pageOperators(layout: PageLayout, num: (n: number) => PDFNumber): PDFOperator[] {
  const ops: PDFOperator[] = [PDFOperator.of(Ops.PushGraphicsState)];
  let fill: Rgb | null = null;
  let inText = false;
  let font: PdfFont | null = null;
  let size = -1;

  const setFill = (c: Rgb): void => {
    if (sameColor(fill, c)) return;
    ops.push(PDFOperator.of(Ops.NonStrokingColorRgb, [num(c.r), num(c.g), num(c.b)]));
    fill = c;
  };

  for (const item of layout.items) {
    if (item.kind === 'rect') {
      if (inText) {
        ops.push(PDFOperator.of(Ops.EndText));
        inText = false;
      }
      setFill(item.color);
      ops.push(
        PDFOperator.of(Ops.AppendRectangle, [num(item.x), num(item.y), num(item.width), num(item.height)]),
        PDFOperator.of(Ops.FillNonZero),
      );
      continue;
    }
    if (item.text === '') continue;
    if (!inText) {
      ops.push(PDFOperator.of(Ops.BeginText));
      inText = true;
    }
    if (item.font !== font || item.size !== size) {
      ops.push(PDFOperator.of(Ops.SetFontAndSize, [PDFName.of(FONT_RESOURCE[item.font]), num(item.size)]));
      font = item.font;
      size = item.size;
    }
    setFill(item.color);
    ops.push(
      PDFOperator.of(Ops.SetTextMatrix, [num(1), num(0), num(0), num(1), num(item.x), num(item.y)]),
      PDFOperator.of(Ops.ShowText, [PDFString.of(encodeWinAnsiLiteral(item.text))]),
    );
  }
  if (inText) ops.push(PDFOperator.of(Ops.EndText));
  ops.push(PDFOperator.of(Ops.PopGraphicsState));
  return ops;
}

/**
 * Write pages to a PDF.
 *
 * @param pages Laid-out pages (from layout.ts); at least one is expected, none gives a one-page blank file.
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

  const num = numberCache();
  for (const layout of pages) {
    const page = doc.addPage([layout.width, layout.height]);
    for (const key of Object.keys(FONT_RESOURCE) as PdfFont[]) {
      page.node.setFontDictionary(PDFName.of(FONT_RESOURCE[key]), fonts[key].ref);
    }
    page.pushOperators(...pageOperators(layout, num));
    // pdf-lib gives every page an empty /Annots and empty resource dictionaries; drop them so the
    // file holds exactly what is drawn (and a byte-level check for /Annots finds nothing).
    page.node.delete(PDFName.of('Annots'));
    const resources = page.node.Resources();
    resources?.delete(PDFName.of('XObject'));
    resources?.delete(PDFName.of('ExtGState'));
  }

  return doc.save({ useObjectStreams: false, addDefaultPage: true, updateFieldAppearances: false });
}
