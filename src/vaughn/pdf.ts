/**
 * The index as a PDF: a landscape table in Courier, the heading row repeated on every page, the
 * title on top and `Page N of M` at the foot; laid out here (pure) and written by the release
 * PDF writer, so it carries no producer, dates or metadata beyond its title.
 */
import { createCharMapper, MONO_ADVANCE, writePdf, type PageItem, type PageLayout } from '../render/pdf/index.js';
import { BLACK, rectItem, RULE_GREY, textItem, wrapPlain } from '../render/pdf/grid.js';
import { INDEX_COLUMNS } from './columns.js';
import type { VaughnIndex } from './types.js';

const PAGE = { width: 792, height: 612 }; // US Letter, landscape
const MARGIN = 36;
const TITLE_SIZE = 9;
const FOOTER_SIZE = 7;
const PAD = 1; // characters between columns
const HEADING_BAND = { r: 0.88, g: 0.88, b: 0.88 };
const SEGREGABILITY = INDEX_COLUMNS.find((c) => c.heading === 'Segregability');

/** A table laid out row by row onto pages, with the heading row on top of each. */
class TableFlow {
  readonly pages: PageItem[][] = [];
  private y = 0;
  constructor(
    private readonly size: number,
    private readonly title: string,
    private readonly heading: readonly string[][],
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
    this.pages.push([]);
    this.y = PAGE.height - MARGIN;
    this.items.push(textItem(MARGIN, this.y - TITLE_SIZE, TITLE_SIZE, 'mono-bold', this.title, BLACK));
    this.y -= TITLE_SIZE + 8;
    this.row(this.heading, true);
  }

  get items(): PageItem[] {
    return this.pages[this.pages.length - 1]!;
  }

  /** Places one row (each cell's lines), on a new page when it does not fit; a row taller than a page is split. */
  row(cells: readonly string[][], heading = false): void {
    let lines = Math.max(1, ...cells.map((c) => c.length));
    let from = 0;
    while (lines > 0) {
      const room = Math.floor((this.y - this.bottom - 2) / this.lineHeight);
      if (room < Math.min(lines, 3) && !heading) {
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
    INDEX_COLUMNS.forEach((col, i) => {
      (cells[i] ?? []).slice(from, from + n).forEach((text, k) => {
        this.items.push(textItem(x, this.y - (k + 1) * this.lineHeight + 1, this.size, heading ? 'mono-bold' : 'mono', text, BLACK));
      });
      x += (col.pdfWidth + PAD) * this.size * MONO_ADVANCE;
    });
    this.y -= height;
    this.items.push(rectItem(MARGIN, this.y, PAGE.width - 2 * MARGIN, 0.4, RULE_GREY));
  }
}

/** The pages of the index table. Pure. */
export function layoutIndexPdf(index: VaughnIndex): PageLayout[] {
  const mapper = createCharMapper();
  const chars = INDEX_COLUMNS.reduce((n, c) => n + c.pdfWidth + PAD, 0);
  const size = Math.floor(((PAGE.width - 2 * MARGIN) / (chars * MONO_ADVANCE)) * 10) / 10;
  const wrap = (text: string, width: number) => wrapPlain(mapper.map(text), width);
  const flow = new TableFlow(size, mapper.map(titleOf(index)), INDEX_COLUMNS.map((c) => wrap(c.heading, c.pdfWidth)));
  // The segregability statement is the document's: printed on its first row, referred to after.
  const firstRow = new Map<string, number>();
  for (const row of index.rows) {
    const first = firstRow.get(row.stem);
    if (first === undefined) firstRow.set(row.stem, row.no);
    flow.row(INDEX_COLUMNS.map((c) => wrap(c === SEGREGABILITY && first !== undefined ? `As for row ${first}.` : c.cell(row), c.pdfWidth)));
  }
  if (index.rows.length === 0) flow.row([[], ['No withholdings.']]);
  const total = flow.pages.length;
  return flow.pages.map((items, i) => {
    const page = `Page ${i + 1} of ${total}`;
    const footer = textItem(PAGE.width - MARGIN - page.length * FOOTER_SIZE * MONO_ADVANCE, MARGIN - 8, FOOTER_SIZE, 'mono', page, BLACK);
    return { width: PAGE.width, height: PAGE.height, items: [...items, footer] };
  });
}

/** `Vaughn index - Case No. F-2026-00123 - public as of 2010-12-01 - 120 withholding(s) in 21 document(s)`. */
export function titleOf(index: VaughnIndex): string {
  return [
    'Vaughn index',
    index.case ? `Case No. ${index.case}` : null,
    index.profile ? `${index.profile} as of ${index.asOf ?? '?'}` : null,
    `${index.rows.length} withholding(s) in ${index.documents} document(s)`,
  ]
    .filter(Boolean)
    .join(' - ');
}

/** The bytes of the PDF index. */
export async function renderIndexPdf(index: VaughnIndex): Promise<Uint8Array> {
  return writePdf(layoutIndexPdf(index), { title: titleOf(index) });
}
