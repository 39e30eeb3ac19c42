/**
 * PDF bytes from laid-out pages, written directly (no PDF library): a handful of object kinds as
 * string templates and the cross-reference table from byte offsets. pdf-lib took ten times as
 * long for the same bytes; it is still used to read PDFs (src/pdf) and, in the tests, to parse
 * every generated file back and to check that these bytes are the ones it wrote.
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
import { ContentBytes } from './content-bytes.js';
import type { PageLayout, PdfFont, Rgb } from './model.js';

/**
 * zlib level of the content streams of the PDFs declass writes. Level 1: on the streams of the
 * sample review PDFs (630 KB), 9-10 ms a pass against 14-19 ms at level 6, for 6% more bytes
 * (188 KB against 177 KB); deflate was 10-17% of a batch writing PDFs and of the Vaughn index PDF.
 */
export const CONTENT_DEFLATE_LEVEL = 1;

/** The buffer page contents are written into before zlib reads them (one thread, one page at a time). */
const scratch = new ContentBytes();

/** The content stream of `layout` ({@link pageContent}'s bytes), deflated. */
export function deflatedPageContent(layout: PageLayout): Buffer {
  writePageContent(layout, scratch);
  return deflateSync(scratch.view(), { level: CONTENT_DEFLATE_LEVEL });
}

/** Document metadata written to the Info dictionary. Release copies take it from released text only. */
export interface PdfMeta {
  readonly title: string;
  readonly subject?: string;
  readonly keywords?: readonly string[];
}

const FONT_RESOURCE: Readonly<Record<PdfFont, string>> = { mono: 'F1', 'mono-bold': 'F2' };

/**
 * A number as written in the content stream: at most two decimals, no trailing zeros, no `-0`,
 * no exponent (what `(Math.round(n * 100) / 100).toFixed(2)` less its trailing zeros gives, from
 * the integer number of hundredths: no `toFixed` and no regular expression per number).
 */
export function num(n: number): string {
  const out = new ContentBytes(32);
  out.num(n);
  return Buffer.from(out.view()).toString('latin1');
}

function sameColor(a: Rgb | null, b: Rgb): boolean {
  return a !== null && a.r === b.r && a.g === b.g && a.b === b.b;
}

/**
 * True when a reader at `from` hundredths of a point that moves by the difference, both read as
 * the decimals `num` writes, lands in double precision on exactly the number it reads for `to`
 * (272.4 - 218.4 is 53.99999999999997, not 54: a rasteriser that buckets glyph positions then
 * draws the glyph a subpixel off).
 */
function landsExactly(from: number, to: number): boolean {
  return from / 100 + (to - from) / 100 === to / 100;
}

/**
 * The content stream painting one page, as text with one byte per character: rectangles and
 * text in item order, with state changes only when needed.
 */
export function pageContent(layout: PageLayout): string {
  const out = new ContentBytes();
  writePageContent(layout, out);
  return Buffer.from(out.view()).toString('latin1');
}

/** Writes the content stream of `layout` into `out` (reset first), as bytes. */
function writePageContent(layout: PageLayout, out: ContentBytes): void {
  out.reset();
  out.ascii('q');
  let fill: Rgb | null = null;
  let inText = false;
  let font: PdfFont | null = null;
  let size = -1;
  // Start of the text line last set in this text object, in integer hundredths of a point
  // (NaN: none since BT). The next line is set relative to it with Td, a third of the bytes of a
  // full Tm, when a reader adding the two in double precision lands exactly where the Tm would
  // put it (else a Tm; four lines in five of a review PDF are relative): over 600 cables with
  // every output the PDFs are 12% smaller (the Vaughn index PDF 29%), the same pixels from pdftoppm.
  let lineX = NaN;
  let lineY = NaN;

  const setFill = (c: Rgb): void => {
    if (sameColor(fill, c)) return;
    out.ascii('\n');
    out.num(c.r);
    out.ascii(' ');
    out.num(c.g);
    out.ascii(' ');
    out.num(c.b);
    out.ascii(' rg');
    fill = c;
  };
  const xy = (x: number, y: number): void => {
    out.num(x);
    out.ascii(' ');
    out.num(y);
  };

  for (const item of layout.items) {
    if (item.kind === 'rect') {
      if (inText) {
        out.ascii('\nET');
        inText = false;
        lineX = NaN;
      }
      setFill(item.color);
      out.ascii('\n');
      xy(item.x, item.y);
      out.ascii(' ');
      xy(item.width, item.height);
      out.ascii(' re\nf');
      continue;
    }
    if (item.text === '') continue;
    if (!inText) {
      out.ascii('\nBT');
      inText = true;
    }
    if (item.font !== font || item.size !== size) {
      out.ascii(`\n/${FONT_RESOURCE[item.font]} `);
      out.num(item.size);
      out.ascii(' Tf');
      font = item.font;
      size = item.size;
    }
    setFill(item.color);
    const x = Math.round(item.x * 100);
    const y = Math.round(item.y * 100);
    const plain = Number.isSafeInteger(x) && Number.isSafeInteger(y);
    if (plain && !Number.isNaN(lineX) && landsExactly(lineX, x) && landsExactly(lineY, y)) {
      out.ascii('\n');
      xy((x - lineX) / 100, (y - lineY) / 100);
      out.ascii(' Td\n(');
    } else {
      out.ascii('\n1 0 0 1 ');
      xy(item.x, item.y);
      out.ascii(' Tm\n(');
    }
    lineX = plain ? x : NaN;
    lineY = y;
    out.literal(item.text);
    out.ascii(') Tj');
  }
  if (inText) out.ascii('\nET');
  out.ascii('\nQ');
}

/** `N 0 R` for object number `n`. */
export const ref = (n: number): string => `${n} 0 R`;

/** A text string as pdf-lib's `PDFHexString.fromText` writes it: UTF-16BE with a byte order mark, upper-case hex. */
export function hexText(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `${hex}>`;
}

/** A dictionary as pdf-lib writes one: `<<`, one `/Key value` per line, `>>`. */
export function dict(entries: readonly string[]): string {
  return entries.length === 0 ? '<<\n>>' : `<<\n${entries.join('\n')}\n>>`;
}

export const HEADER = '%PDF-1.7\n%\x81\x81\x81\x81\n\n';
/** Object numbers of the fixed objects; page `i` is object `FIRST_PAGE + 2i`, its content the next. */
const PAGES = 1;
const CATALOG = 2;
const FONT_OBJECT: Readonly<Record<PdfFont, number>> = { mono: 3, 'mono-bold': 4 };
const INFO = 5;
const FIRST_PAGE = 6;
export const FONT_DICT = `/Font ${dict([`/F1 ${ref(FONT_OBJECT.mono)}`, `/F2 ${ref(FONT_OBJECT['mono-bold'])}`])}`;
export const FONTS: readonly string[] = [
  dict(['/Type /Font', '/Subtype /Type1', '/BaseFont /Courier', '/Encoding /WinAnsiEncoding']),
  dict(['/Type /Font', '/Subtype /Type1', '/BaseFont /Courier-Bold', '/Encoding /WinAnsiEncoding']),
];
/** The page pdf-lib adds to a document saved without any (`addDefaultPage`): A4, empty. */
const DEFAULT_PAGE = dict(['/Type /Page', `/Parent ${ref(PAGES)}`, '/Resources <<\n>>', '/MediaBox [ 0 0 595.28 841.89 ]']);

/**
 * Assembles the file: numbered objects in order, then the cross-reference table from their byte
 * offsets and the trailer. Strings are latin1 (one byte per character); buffers are stream data.
 */
class PdfFile {
  private readonly chunks: Buffer[] = [Buffer.from(HEADER, 'latin1')];
  private length = this.chunks[0]!.length;
  private readonly offsets: number[] = [];

  private push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** Object number `offsets.length + 1`, with `body` as its value. */
  object(body: string): void {
    this.offsets.push(this.length);
    this.push(Buffer.from(`${this.offsets.length} 0 obj\n${body}\nendobj\n\n`, 'latin1'));
  }

  /** A stream object: its dictionary entries (Length added) and data. */
  stream(entries: readonly string[], data: Buffer): void {
    this.offsets.push(this.length);
    this.push(Buffer.from(`${this.offsets.length} 0 obj\n${dict([...entries, `/Length ${data.length}`])}\nstream\n`, 'latin1'));
    this.push(data);
    this.push(Buffer.from('\nendstream\nendobj\n\n', 'latin1'));
  }

  /** The whole file, closed with the cross-reference table and a trailer naming `root` and `info`. */
  finish(root: number, info: number): Uint8Array {
    const size = this.offsets.length + 1;
    let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (const offset of this.offsets) xref += `${String(offset).padStart(10, '0')} 00000 n \n`;
    const trailer = dict([`/Size ${size}`, `/Root ${ref(root)}`, `/Info ${ref(info)}`]);
    this.push(Buffer.from(`${xref}\ntrailer\n${trailer}\n\nstartxref\n${this.length}\n%%EOF`, 'latin1'));
    // A buffer of its own (not a slice of Node's shared pool), so the bytes can travel alone.
    const bytes = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }
}

/**
 * Write pages to a PDF.
 *
 * The bytes are those pdf-lib 1.17 wrote for the same document (`PDFDocument.create`, the two
 * standard Courier fonts, one deflated content stream per page, `save` without object streams),
 * which test/render/pdf/write.test.ts checks against pdf-lib itself; written directly, as strings
 * with the cross-reference table from byte offsets, in a tenth of pdf-lib's time.
 *
 * @param pages Laid-out pages (from release-layout.ts or review-layout.ts); at least one is expected, none gives a one-page blank A4 file (as pdf-lib's `addDefaultPage`).
 * @param meta Title (required), subject and keywords for the Info dictionary; nothing else is written there.
 * @returns The bytes of a complete PDF 1.7 file, deterministic for the same input.
 */
export function serializePdf(pages: readonly PageLayout[], meta: PdfMeta): Uint8Array {
  const file = new PdfFile();
  const kids = pages.length === 0 ? [FIRST_PAGE] : pages.map((_, i) => FIRST_PAGE + 2 * i);
  file.object(dict(['/Type /Pages', `/Kids [ ${kids.map(ref).join(' ')} ]`, `/Count ${kids.length}`]));
  file.object(dict(['/Type /Catalog', `/Pages ${ref(PAGES)}`]));
  for (const font of FONTS) file.object(font);
  const info = [`/Title ${hexText(meta.title)}`];
  if (meta.subject !== undefined && meta.subject !== '') info.push(`/Subject ${hexText(meta.subject)}`);
  if (meta.keywords !== undefined && meta.keywords.length > 0) info.push(`/Keywords ${hexText(meta.keywords.join(' '))}`);
  file.object(dict(info));
  if (pages.length === 0) file.object(DEFAULT_PAGE);
  for (let i = 0; i < pages.length; i++) {
    const layout = pages[i]!;
    const mediaBox = `/MediaBox [ 0 0 ${layout.width} ${layout.height} ]`;
    file.object(dict(['/Type /Page', `/Parent ${ref(PAGES)}`, `/Resources ${dict([FONT_DICT])}`, mediaBox, `/Contents ${ref(FIRST_PAGE + 2 * i + 1)}`]));
    file.stream(['/Filter /FlateDecode'], deflatedPageContent(layout));
  }
  return file.finish(CATALOG, INFO);
}

/**
 * {@link serializePdf}, as a promise (the signature the renderers have always had).
 *
 * @param pages Laid-out pages; none gives a one-page blank A4 file.
 * @param meta Title (required), subject and keywords for the Info dictionary.
 * @returns The bytes of a complete PDF 1.7 file, deterministic for the same input.
 */
export async function writePdf(pages: readonly PageLayout[], meta: PdfMeta): Promise<Uint8Array> {
  return serializePdf(pages, meta);
}
