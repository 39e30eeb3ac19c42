/**
 * The page grid both PDF layouts set text on: Courier on rows ("slots") of one line height each,
 * so boxes, bands and text line up and never overlap; the header and footer furniture of every
 * page (banner or marking, stamp, `ref … Page N of M`); and the items pages are made of. Pure:
 * plain page data ({@link PageLayout}), no pdf-lib.
 */
import { MONO_ADVANCE, type PageItem, type PageLayout, type PdfFont, type Rgb } from './model.js';

/** Colours of text, boxes and rules. */
export const BLACK: Rgb = { r: 0, g: 0, b: 0 };
export const WHITE: Rgb = { r: 1, g: 1, b: 1 };
export const DARK_GREY: Rgb = { r: 0.3, g: 0.3, b: 0.3 };
export const GREY: Rgb = { r: 0.5, g: 0.5, b: 0.5 };
export const RULE_GREY: Rgb = { r: 0.75, g: 0.75, b: 0.75 };

/** Size of the banner, stamp and marking rows. */
export const FURNITURE_SIZE = 10;
/** Size of the `ref … Page N of M` footer. */
export const FOOTER_SIZE = 9;

/** Rounds to 1/100 pt so the content streams carry short, stable numbers. */
export function r2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Baseline that centres Courier capitals of `size` in a slot of `lineHeight` above `bottom`. */
export function baselineIn(bottom: number, lineHeight: number, size: number): number {
  return r2(bottom + (lineHeight - 0.6 * size) / 2);
}

/** Width in points of `text` in Courier at `size`. */
export function textWidth(text: string, size: number): number {
  return text.length * MONO_ADVANCE * size;
}

/** A text item at (`x`, `y`), its baseline, in points. */
export function textItem(x: number, y: number, size: number, font: PdfFont, text: string, color: Rgb): PageItem {
  return { kind: 'text', x: r2(x), y: r2(y), size, font, text, color };
}

/** A filled rectangle from its lower left corner, in points. */
export function rectItem(x: number, y: number, width: number, height: number, color: Rgb): PageItem {
  return { kind: 'rect', x: r2(x), y: r2(y), width: r2(width), height: r2(height), color };
}

/**
 * Wrap plain text at spaces to `columns` characters (for furniture, notes, labels and the cells of
 * the Vaughn index): the rows `wrapParts` (./wrap.ts) makes of one text part, joined, written as a scan
 * over the text without its tokens and row parts (the Vaughn index wraps megabytes of
 * justifications; the property test in test/render/pdf/wrap.test.ts holds the two equal).
 */
export function wrapPlain(text: string, columns: number): string[] {
  if (text.trim() === '') return [];
  const cols = Math.max(1, Math.floor(columns));
  if (text.length <= cols) return [text.trimEnd()];
  const rows: string[] = [];
  // The row being filled is always a stretch of `text` (the spaces kept between its words are
  // the text's own): `text.slice(start, start + len)`, cut once it is done.
  let start = 0;
  let len = 0;
  // Spaces since the last word: kept when the next word joins this row, dropped at a wrap.
  let pending = 0;
  for (let at = 0; at < text.length; ) {
    const space = text.charCodeAt(at) === 0x20;
    let end = at + 1;
    while (end < text.length && (text.charCodeAt(end) === 0x20) === space) end++;
    if (space) {
      pending += end - at;
      at = end;
      continue;
    }
    const width = end - at;
    if (len + pending + width <= cols) {
      if (len === 0) start = at - pending;
      len += pending + width;
    } else if (width <= cols) {
      rows.push(text.slice(start, start + len));
      start = at;
      len = width;
    } else {
      // A word wider than a row: started where it is if some room is left, then broken.
      if (len + pending < cols && len + pending > 0) {
        if (len === 0) start = at - pending;
        len += pending;
      } else if (len > 0) {
        rows.push(text.slice(start, start + len));
        len = 0;
      }
      for (let from = at; from < end; ) {
        if (len >= cols) {
          rows.push(text.slice(start, start + len));
          len = 0;
        }
        const take = Math.min(cols - len, end - from);
        if (len === 0) start = from;
        len += take;
        from += take;
      }
    }
    pending = 0;
    at = end;
  }
  rows.push(text.slice(start, start + len));
  return rows;
}

/** The body grid of a page: rows of `lineHeight` from `bodyTop` down, columns of `charWidth`. */
export interface Grid {
  readonly width: number;
  readonly height: number;
  /** x of column 0. */
  readonly left: number;
  readonly columns: number;
  readonly fontSize: number;
  readonly charWidth: number;
  readonly lineHeight: number;
  /** Top edge of row 0. */
  readonly bodyTop: number;
  /** Rows per page (at least 1). */
  readonly rows: number;
}

/** Fills pages row by row. */
export class Flow {
  readonly pages: PageItem[][] = [[]];
  row = 0;

  constructor(readonly grid: Grid) {}

  get items(): PageItem[] {
    return this.pages[this.pages.length - 1]!;
  }

  get rowsLeft(): number {
    return this.grid.rows - this.row;
  }

  newPage(): void {
    this.pages.push([]);
    this.row = 0;
  }

  /** Claims the next row (starting a new page when the current one is full); returns its index. */
  nextRow(): number {
    if (this.row >= this.grid.rows) this.newPage();
    return this.row++;
  }

  slotBottom(row: number): number {
    return this.grid.bodyTop - (row + 1) * this.grid.lineHeight;
  }

  baseline(row: number, size = this.grid.fontSize): number {
    return baselineIn(this.slotBottom(row), this.grid.lineHeight, size);
  }

  x(col: number): number {
    return this.grid.left + col * this.grid.charWidth;
  }
}

/** One row of page furniture: strings placed left, centred or right in the text column. */
export interface FurnitureRow {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
  readonly size: number;
  readonly font: PdfFont;
  readonly color: Rgb;
}

const FURNITURE_STEP = 13;
const HEADER_FIRST_BASELINE_FROM_TOP = 36;
const FOOTER_LAST_BASELINE = 30;

/** The items of one furniture row at baseline `y`, in the text column from `left` to `right`. */
export function furnitureItems(row: FurnitureRow, y: number, left: number, right: number): PageItem[] {
  const items: PageItem[] = [];
  const width = right - left;
  if (row.left) items.push(textItem(left, y, row.size, row.font, row.left, row.color));
  if (row.center) {
    const w = textWidth(row.center, row.size);
    items.push(textItem(left + Math.max(0, (width - w) / 2), y, row.size, row.font, row.center, row.color));
  }
  if (row.right) {
    const w = textWidth(row.right, row.size);
    items.push(textItem(Math.max(left, right - w), y, row.size, row.font, row.right, row.color));
  }
  return items;
}

/** Rows of `text` centred, wrapped to fit the column at `size`. */
export function centredRows(text: string, width: number, size: number, font: PdfFont, color: Rgb): FurnitureRow[] {
  return wrapPlain(text, Math.floor(width / (MONO_ADVANCE * size))).map((center) => ({ center, size, font, color }));
}

/** The `ref … Page N of M` footer row(s); the ref gets its own row when both do not fit. */
export function pageNumberRows(ref: string, page: number, pages: number, width: number, size: number, color: Rgb): FurnitureRow[] {
  const pageText = `Page ${page} of ${pages}`;
  const cols = Math.floor(width / (MONO_ADVANCE * size));
  // Decided for the widest page number, so every page has the same number of footer rows.
  if (ref.length + 'Page 9999 of 9999'.length + 2 <= cols) return [{ left: ref, right: pageText, size, font: 'mono', color }];
  return [
    ...wrapPlain(ref, cols).map((left) => ({ left, size, font: 'mono' as const, color })),
    { right: pageText, size, font: 'mono', color },
  ];
}

/** The furniture of every page: header rows, and footer rows by page number. */
export interface FurnitureSpec {
  readonly header: readonly FurnitureRow[];
  /** Footer rows for page `page` (1-based) of `pages`; must have the same count on every page. */
  readonly footer: (page: number, pages: number) => readonly FurnitureRow[];
}

/** Vertical space the furniture takes: where the body may start and must end. */
export function bodyBounds(height: number, headerRows: number, footerRows: number): { top: number; bottom: number } {
  const top =
    headerRows === 0
      ? height - 54
      : height - HEADER_FIRST_BASELINE_FROM_TOP - (headerRows - 1) * FURNITURE_STEP - 18;
  const bottom = FOOTER_LAST_BASELINE + (Math.max(1, footerRows) - 1) * FURNITURE_STEP + 20;
  return { top, bottom };
}

/** Adds header, rules and footer to every page; header items first so extraction reads them first. */
export function finishPages(flow: Flow, furniture: FurnitureSpec): PageLayout[] {
  const { width, height, left, columns, charWidth } = flow.grid;
  const right = left + columns * charWidth;
  const total = flow.pages.length;
  return flow.pages.map((body, i) => {
    const items: PageItem[] = [];
    furniture.header.forEach((row, j) => {
      items.push(...furnitureItems(row, height - HEADER_FIRST_BASELINE_FROM_TOP - j * FURNITURE_STEP, left, right));
    });
    const footer = furniture.footer(i + 1, total);
    const { top, bottom } = bodyBounds(height, furniture.header.length, footer.length);
    items.push(rectItem(left, top + 6, right - left, 0.5, RULE_GREY));
    items.push(rectItem(left, bottom - 8, right - left, 0.5, RULE_GREY));
    items.push(...body);
    footer.forEach((row, j) => {
      const y = FOOTER_LAST_BASELINE + (footer.length - 1 - j) * FURNITURE_STEP;
      items.push(...furnitureItems(row, y, left, right));
    });
    return { width, height, items };
  });
}

/**
 * The body grid of a page of `size`: margins `left` and `right`, rows of `lineHeight` between
 * the header and footer furniture (`headerRows`, `footerRows` rows of it).
 */
export function makeGrid(
  size: { width: number; height: number },
  left: number,
  right: number,
  fontSize: number,
  lineHeight: number,
  headerRows: number,
  footerRows: number,
): Grid {
  const charWidth = MONO_ADVANCE * fontSize;
  const columns = Math.max(20, Math.floor((size.width - left - right) / charWidth + 1e-9));
  const { top, bottom } = bodyBounds(size.height, headerRows, footerRows);
  const rows = Math.max(1, Math.floor((top - bottom) / lineHeight + 1e-9));
  return { width: size.width, height: size.height, left, columns, fontSize, charWidth, lineHeight, bodyTop: top, rows };
}
