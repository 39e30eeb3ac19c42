/**
 * A PDF written page by page to a sink, for documents too long to hold whole (the Vaughn index of
 * a large batch): each page's content stream is deflated and handed on as soon as the page is
 * laid out; the small objects that depend on the page count (the page dictionaries, a second
 * content stream per page painted once the count is known, the page tree) follow at the end,
 * then the cross-reference table. Object numbers need not follow file order, so the fixed
 * objects (pages 1, catalog 2, fonts 3-4, Info 5) keep the numbers write.ts gives them.
 * Same fonts, Info and no-metadata policy as write.ts; deterministic.
 */
import type { PageLayout } from './model.js';
import { deflatedPageContent, dict, FONT_DICT, FONTS, HEADER, hexText, ref, type PdfMeta } from './write.js';

const PAGES = 1;
const CATALOG = 2;
const FIRST_FONT = 3;
const INFO = 5;
const FIRST_FREE = 6;

/** Writes one PDF to `sink`, a page at a time. */
export class StreamingPdfWriter {
  private length = 0;
  /** Byte offset of object `n` at index `n - 1`. */
  private readonly offsets: number[] = [];
  private next = FIRST_FREE;
  private readonly pages: { readonly width: number; readonly height: number; readonly content: number }[] = [];

  constructor(
    private readonly sink: (chunk: Buffer) => void,
    private readonly meta: PdfMeta,
  ) {
    this.push(Buffer.from(HEADER, 'latin1'));
  }

  /** Pages added so far. */
  get pageCount(): number {
    return this.pages.length;
  }

  /** Adds a page; its content is written now. */
  addPage(layout: PageLayout): void {
    const content = this.stream(layout);
    this.pages.push({ width: layout.width, height: layout.height, content });
  }

  /**
   * Writes what depends on the page count and closes the file. `overlay(i, total)` gives what is
   * painted on page `i` (0-based) over its content once the count is known (page numbers).
   */
  finish(overlay: (page: number, total: number) => PageLayout): void {
    const total = this.pages.length;
    const kids: number[] = [];
    this.pages.forEach((p, i) => {
      const over = this.stream(overlay(i, total));
      kids.push(this.object(this.next++, dict(['/Type /Page', `/Parent ${ref(PAGES)}`, `/Resources ${dict([FONT_DICT])}`, `/MediaBox [ 0 0 ${p.width} ${p.height} ]`, `/Contents [ ${ref(p.content)} ${ref(over)} ]`])));
    });
    this.object(PAGES, dict(['/Type /Pages', `/Kids [ ${kids.map(ref).join(' ')} ]`, `/Count ${kids.length}`]));
    this.object(CATALOG, dict(['/Type /Catalog', `/Pages ${ref(PAGES)}`]));
    FONTS.forEach((font, i) => this.object(FIRST_FONT + i, font));
    const info = [`/Title ${hexText(this.meta.title)}`];
    if (this.meta.subject !== undefined && this.meta.subject !== '') info.push(`/Subject ${hexText(this.meta.subject)}`);
    if (this.meta.keywords !== undefined && this.meta.keywords.length > 0) info.push(`/Keywords ${hexText(this.meta.keywords.join(' '))}`);
    this.object(INFO, dict(info));
    const size = this.next;
    let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let n = 1; n < size; n++) xref += `${String(this.offsets[n - 1]).padStart(10, '0')} 00000 n \n`;
    const trailer = dict([`/Size ${size}`, `/Root ${ref(CATALOG)}`, `/Info ${ref(INFO)}`]);
    this.push(Buffer.from(`${xref}\ntrailer\n${trailer}\n\nstartxref\n${this.length}\n%%EOF`, 'latin1'));
  }

  private push(chunk: Buffer): void {
    this.sink(chunk);
    this.length += chunk.length;
  }

  private object(n: number, body: string): number {
    this.offsets[n - 1] = this.length;
    this.push(Buffer.from(`${n} 0 obj\n${body}\nendobj\n\n`, 'latin1'));
    return n;
  }

  /** A content stream object painting `layout`; returns its number. */
  private stream(layout: PageLayout): number {
    const n = this.next++;
    const data = deflatedPageContent(layout);
    this.offsets[n - 1] = this.length;
    this.push(Buffer.from(`${n} 0 obj\n${dict(['/Filter /FlateDecode', `/Length ${data.length}`])}\nstream\n`, 'latin1'));
    this.push(data);
    this.push(Buffer.from('\nendstream\nendobj\n\n', 'latin1'));
    return n;
  }
}
