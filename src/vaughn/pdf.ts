/**
 * The index as a PDF: a landscape table in Courier, the heading row repeated on every page, the
 * title on top and `Page N of M` at the foot; laid out here and written page by page
 * (render/pdf/stream-write.ts), so it carries no producer, dates or metadata beyond its title.
 */
import { createCharMapper, MONO_ADVANCE, type PageItem } from '../render/pdf/index.js';
import { StreamingPdfWriter } from '../render/pdf/stream-write.js';
import { BLACK, rectItem, RULE_GREY, textItem, wrapPlain } from '../render/pdf/grid.js';
import { INDEX_COLUMNS } from './columns.js';
import type { IndexRow, VaughnIndex } from './types.js';

const PAGE = { width: 792, height: 612 }; // US Letter, landscape
const MARGIN = 36;
const TITLE_SIZE = 9;
const FOOTER_SIZE = 7;
const BANNER_SIZE = 9;
const PAD = 1; // characters between columns
const HEADING_BAND = { r: 0.88, g: 0.88, b: 0.88 };
const SEGREGABILITY = INDEX_COLUMNS.find((c) => c.heading === 'Segregability');

/** A table laid out row by row onto pages, with the heading row on top of each; each page is handed on when full. */
class TableFlow {
  private items: PageItem[] = [];
  private y = 0;
  constructor(
    private readonly size: number,
    private readonly title: string,
    private readonly heading: readonly string[][],
    private readonly onPage: (items: PageItem[]) => void,
  ) {
    this.newPage();
  }

  get lineHeight(): number {
    return this.size * 1.25;
  }

  private get bottom(): number {
    return MARGIN + 14;
  }

  newPage(): void {
    this.items = [];
    this.y = PAGE.height - MARGIN;
    this.items.push(textItem(MARGIN, this.y - TITLE_SIZE, TITLE_SIZE, 'mono-bold', this.title, BLACK));
    this.y -= TITLE_SIZE + 8;
    this.row(this.heading, true);
  }

  /** Hands on the page being filled (at the end, or when the next row does not fit). */
  flush(): void {
    this.onPage(this.items);
  }

  /** Places one row (each cell's lines), on a new page when it does not fit; a row taller than a page is split. */
  row(cells: readonly string[][], heading = false): void {
    let lines = Math.max(1, ...cells.map((c) => c.length));
    let from = 0;
    while (lines > 0) {
      const room = Math.floor((this.y - this.bottom - 2) / this.lineHeight);
      if (room < Math.min(lines, 3) && !heading) {
        this.flush();
        this.newPage();
        continue;
      }
      const n = Math.min(lines, Math.max(1, room));
      this.place(cells, from, n, heading);
      from += n;
      lines -= n;
    }
  }

  private place(cells: readonly string[][], from: number, n: number, heading: boolean): void {
    const height = n * this.lineHeight + 2;
    if (heading) this.items.push(rectItem(MARGIN, this.y - height, PAGE.width - 2 * MARGIN, height, HEADING_BAND));
    let x = MARGIN;
    for (let i = 0; i < INDEX_COLUMNS.length; i++) {
      const lines = cells[i] ?? [];
      for (let k = 0; k < n && from + k < lines.length; k++) {
        this.items.push(textItem(x, this.y - (k + 1) * this.lineHeight + 1, this.size, heading ? 'mono-bold' : 'mono', lines[from + k]!, BLACK));
      }
      x += (INDEX_COLUMNS[i]!.pdfWidth + PAD) * this.size * MONO_ADVANCE;
    }
    this.y -= height;
    this.items.push(rectItem(MARGIN, this.y, PAGE.width - 2 * MARGIN, 0.4, RULE_GREY));
  }
}

/** What the index's title and table need before the rows: the head and the number of rows. */
export type IndexPdfHead = Omit<VaughnIndex, 'rows'> & { readonly rowCount: number };

/**
 * The PDF index written row by row to `sink`: pages go out as they fill, so a long index never
 * sits whole in memory; `Page N of M` is painted by a small second content stream per page once
 * M is known.
 */
export class IndexPdfWriter {
  private readonly pdf: StreamingPdfWriter;
  private readonly flow: TableFlow;
  private readonly wrap: (text: string, width: number) => string[];
  /** The segregability statement is the document's: printed on its first row, referred to after. */
  private readonly firstRow = new Map<string, number>();
  private rows = 0;
  /** The index's classification banner, mapped for the font, or null (it quotes nothing classified). */
  private readonly banner: string | null;
  /** Each column's last cell text and its wrapped lines (rows of a document repeat most cells). */
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastLines: string[][] = [];

  constructor(head: IndexPdfHead, sink: (chunk: Buffer) => void) {
    const title = titleOf(head);
    this.pdf = new StreamingPdfWriter(sink, { title });
    const mapper = createCharMapper();
    this.banner = head.classification ? mapper.map(head.classification) : null;
    const chars = INDEX_COLUMNS.reduce((n, c) => n + c.pdfWidth + PAD, 0);
    const size = Math.floor(((PAGE.width - 2 * MARGIN) / (chars * MONO_ADVANCE)) * 10) / 10;
    this.wrap = (text, width) => wrapPlain(mapper.map(text), width);
    this.flow = new TableFlow(size, mapper.map(title), INDEX_COLUMNS.map((c) => this.wrap(c.heading, c.pdfWidth)), (items) => this.pdf.addPage({ width: PAGE.width, height: PAGE.height, items }));
  }

  addRow(row: IndexRow): void {
    const first = this.firstRow.get(row.stem);
    if (first === undefined) this.firstRow.set(row.stem, row.no);
    this.flow.row(
      INDEX_COLUMNS.map((c, i) => {
        const text = c === SEGREGABILITY && first !== undefined ? `As for row ${first}.` : c.cell(row);
        // A cell as the one above it (the document's columns, an exemption or rule again) is not wrapped again.
        if (text !== this.lastText[i]) {
          this.lastText[i] = text;
          this.lastLines[i] = this.wrap(text, c.pdfWidth);
        }
        return this.lastLines[i]!;
      }),
    );
    this.rows++;
  }

  /** Closes the table and the file. */
  finish(): void {
    if (this.rows === 0) this.flow.row([[], ['No withholdings.']]);
    this.flow.flush();
    const banner = this.banner;
    this.pdf.finish((i, total) => {
      const page = `Page ${i + 1} of ${total}`;
      const items = [textItem(PAGE.width - MARGIN - page.length * FOOTER_SIZE * MONO_ADVANCE, MARGIN - 8, FOOTER_SIZE, 'mono', page, BLACK)];
      // The classification of what the index quotes, centred top and bottom of every page, as a
      // release PDF carries its banner (a SECRET subject quoted in an unbannered index).
      if (banner !== null) {
        const x = (PAGE.width - banner.length * BANNER_SIZE * MONO_ADVANCE) / 2;
        items.push(textItem(x, PAGE.height - MARGIN + 12, BANNER_SIZE, 'mono-bold', banner, BLACK), textItem(x, MARGIN - 24, BANNER_SIZE, 'mono-bold', banner, BLACK));
      }
      return { width: PAGE.width, height: PAGE.height, items };
    });
  }
}

/** `Vaughn index - Case No. F-2026-00123 - public as of 2010-12-01 - 120 withholding(s) in 21 document(s)`. */
export function titleOf(index: Omit<VaughnIndex, 'rows'> & ({ readonly rows: readonly unknown[] } | { readonly rowCount: number })): string {
  const rows = 'rowCount' in index ? index.rowCount : index.rows.length;
  return [
    'Vaughn index',
    index.case ? `Case No. ${index.case}` : null,
    index.profile ? `${index.profile} as of ${index.asOf ?? '?'}` : null,
    `${rows} withholding(s) in ${index.documents} document(s)`,
  ]
    .filter(Boolean)
    .join(' - ');
}

/** The bytes of the PDF index. */
export async function renderIndexPdf(index: VaughnIndex): Promise<Uint8Array> {
  const { rows, ...head } = index;
  const chunks: Buffer[] = [];
  const writer = new IndexPdfWriter({ ...head, rowCount: rows.length }, (c) => chunks.push(c));
  for (const row of rows) writer.addRow(row);
  writer.finish();
  return new Uint8Array(Buffer.concat(chunks));
}
