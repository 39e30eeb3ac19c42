/**
 * Page layout of the release and review PDFs: pure functions from the render models in
 * src/types.ts to plain page data ({@link PageLayout}). No pdf-lib here; write.ts turns the
 * pages into bytes.
 *
 * Both layouts set text in Courier on a grid of rows ("slots") of one line height each, so
 * boxes, bands and text line up and never overlap. Everything printed goes through a
 * {@link CharMapper} first (WinAnsi only).
 *
 * The release layout only ever sees a {@link ReleaseView}, which holds no withheld text: a
 * withheld portion becomes a black box of the height its text took, with its authority printed
 * inside in white; an inline redaction becomes a black box of its width.
 */
import type { Diagnostic, ReleaseBlock, ReleaseRun, ReleaseView, ReviewLine, ReviewState, ReviewView } from '../../types.js';
import { createCharMapper, type CharMapper } from './encoding.js';
import {
  MONO_ADVANCE,
  PAGE_SIZES,
  type LayoutOptions,
  type PageItem,
  type PageLayout,
  type PdfFont,
  type PdfLayout,
  type Rgb,
} from './model.js';
import { boxWidth, wrapParts, type Placed, type Row, type WrapPart } from './wrap.js';

// ---------------------------------------------------------------------------------------------
// Colours

const BLACK: Rgb = { r: 0, g: 0, b: 0 };
const WHITE: Rgb = { r: 1, g: 1, b: 1 };
const DARK_GREY: Rgb = { r: 0.3, g: 0.3, b: 0.3 };
const GREY: Rgb = { r: 0.5, g: 0.5, b: 0.5 };
const RULE_GREY: Rgb = { r: 0.75, g: 0.75, b: 0.75 };
const ZEBRA: Rgb = { r: 0.94, g: 0.94, b: 0.94 };
const MARKING_RED: Rgb = { r: 0.75, g: 0.05, b: 0.05 };

/** How each review state is shown: row band, left bar, inline highlight, text and note colours. */
interface StateStyle {
  readonly label: string;
  readonly band?: Rgb;
  readonly bar?: Rgb;
  /** Background of a run in this state when the line as a whole is in another state. */
  readonly highlight?: Rgb;
  readonly text: Rgb;
  readonly note: Rgb;
  /** Shown in the legend. */
  readonly legend: string;
}

const STATE_STYLES: Readonly<Record<ReviewState, StateStyle>> = {
  withheld: {
    label: 'WITHHELD',
    band: { r: 1, g: 0.87, b: 0.87 },
    bar: { r: 0.8, g: 0.1, b: 0.1 },
    highlight: { r: 1, g: 0.78, b: 0.78 },
    text: { r: 0.35, g: 0, b: 0 },
    note: { r: 0.7, g: 0.05, b: 0.05 },
    legend: 'Withheld portion: not in the release (box with its authority there)',
  },
  redacted: {
    label: 'RELEASED IN PART',
    bar: { r: 0.9, g: 0.45, b: 0 },
    highlight: { r: 1, g: 0.62, b: 0.45 },
    text: { r: 0.4, g: 0.1, b: 0 },
    note: { r: 0.7, g: 0.3, b: 0 },
    legend: 'Redacted span: removed from the release (inline box there)',
  },
  declassified: {
    label: 'DECLASSIFIED',
    band: { r: 0.86, g: 0.95, b: 0.86 },
    bar: { r: 0.15, g: 0.55, b: 0.2 },
    highlight: { r: 0.78, g: 0.92, b: 0.78 },
    text: BLACK,
    note: { r: 0.1, g: 0.45, b: 0.15 },
    legend: 'Declassified portion: released',
  },
  released: {
    label: 'RELEASED',
    text: BLACK,
    note: DARK_GREY,
    legend: 'Released text',
  },
  furniture: {
    label: 'FURNITURE',
    text: GREY,
    note: GREY,
    legend: 'Page furniture of the original (not content)',
  },
  header: {
    label: 'HEADER',
    text: { r: 0.1, g: 0.15, b: 0.35 },
    note: DARK_GREY,
    legend: 'Cable header and text outside the portions',
  },
};

/** Fixed review marking printed after the classification on every review page. */
export const REVIEW_MARKING = 'REVIEW COPY - NOT FOR RELEASE';

// ---------------------------------------------------------------------------------------------
// Shared geometry

/** Rounds to 1/100 pt so the content streams carry short, stable numbers. */
function r2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Baseline that centres Courier capitals of `size` in a slot of `lineHeight` above `bottom`. */
function baselineIn(bottom: number, lineHeight: number, size: number): number {
  return r2(bottom + (lineHeight - 0.6 * size) / 2);
}

function textWidth(text: string, size: number): number {
  return text.length * MONO_ADVANCE * size;
}

function textItem(x: number, y: number, size: number, font: PdfFont, text: string, color: Rgb): PageItem {
  return { kind: 'text', x: r2(x), y: r2(y), size, font, text, color };
}

function rectItem(x: number, y: number, width: number, height: number, color: Rgb): PageItem {
  return { kind: 'rect', x: r2(x), y: r2(y), width: r2(width), height: r2(height), color };
}

/** Wrap plain text at spaces to `columns` characters (for furniture, notes and labels). */
function wrapPlain(text: string, columns: number): string[] {
  if (text.trim() === '') return [];
  return wrapParts([{ kind: 'text', text, style: 0 }], columns).map((row) =>
    row.map((p) => (p.kind === 'text' ? p.text : '')).join(''),
  );
}

/** The body grid of a page: rows of `lineHeight` from `bodyTop` down, columns of `charWidth`. */
interface Grid {
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
class Flow {
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
interface FurnitureRow {
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

function furnitureItems(row: FurnitureRow, y: number, left: number, right: number): PageItem[] {
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
function centredRows(text: string, width: number, size: number, font: PdfFont, color: Rgb): FurnitureRow[] {
  return wrapPlain(text, Math.floor(width / (MONO_ADVANCE * size))).map((center) => ({ center, size, font, color }));
}

/** The `ref … Page N of M` footer row(s); the ref gets its own row when both do not fit. */
function pageNumberRows(ref: string, page: number, pages: number, width: number, size: number, color: Rgb): FurnitureRow[] {
  const pageText = `Page ${page} of ${pages}`;
  const cols = Math.floor(width / (MONO_ADVANCE * size));
  // Decided for the widest page number, so every page has the same number of footer rows.
  if (ref.length + 'Page 9999 of 9999'.length + 2 <= cols) return [{ left: ref, right: pageText, size, font: 'mono', color }];
  return [
    ...wrapPlain(ref, cols).map((left) => ({ left, size, font: 'mono' as const, color })),
    { right: pageText, size, font: 'mono', color },
  ];
}

interface FurnitureSpec {
  readonly header: readonly FurnitureRow[];
  /** Footer rows for page `page` (1-based) of `pages`; must have the same count on every page. */
  readonly footer: (page: number, pages: number) => readonly FurnitureRow[];
}

/** Vertical space the furniture takes: where the body may start and must end. */
function bodyBounds(height: number, headerRows: number, footerRows: number): { top: number; bottom: number } {
  const top =
    headerRows === 0
      ? height - 54
      : height - HEADER_FIRST_BASELINE_FROM_TOP - (headerRows - 1) * FURNITURE_STEP - 18;
  const bottom = FOOTER_LAST_BASELINE + (Math.max(1, footerRows) - 1) * FURNITURE_STEP + 20;
  return { top, bottom };
}

/** Adds header, rules and footer to every page; header items first so extraction reads them first. */
function finishPages(flow: Flow, furniture: FurnitureSpec): PageLayout[] {
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

function makeGrid(
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

// ---------------------------------------------------------------------------------------------
// Release

const RELEASE_FONT_SIZE = 10;
const RELEASE_LINE_HEIGHT = 12;
const RELEASE_MARGIN = 54; // 0.75 in
/** Box labels are smaller than the text so they sit inside the box with room to spare. */
const BOX_LABEL_SIZE = 8;
const FURNITURE_SIZE = 10;
const FOOTER_SIZE = 9;

/** A guard against a runaway `heightLines`: no cable portion is anywhere near this long. */
const MAX_BOX_ROWS = 10_000;

type ReleaseStyle = 'text' | 'box';

/**
 * Lay out the release copy: the release text in Courier 10 pt, 0.75 in margins, withheld portions
 * and redacted spans as black boxes with their authority in white, and on every page the banner
 * (top and bottom), the release stamp (top right) and `ref … Page N of M` (bottom).
 *
 * @param view The release model; it holds no withheld text, so nothing withheld can be laid out.
 * @param options `pageSize`: `letter` (default) or `a4`.
 * @returns The pages (at least one), `pdf-char-replaced` diagnostics, and `pdf-box-capped` when a
 *   withheld box asks for more than 10,000 lines.
 */
export function layoutRelease(view: ReleaseView, options: LayoutOptions = {}): PdfLayout {
  const size = PAGE_SIZES[options.pageSize ?? 'letter'];
  const mapper = createCharMapper();
  const diagnostics: Diagnostic[] = [];
  const textWidthPt = size.width - 2 * RELEASE_MARGIN;
  const banner = mapper.map(view.banner).trim();
  const stamp = mapper.map(view.stamp).trim();
  const ref = mapper.map(view.ref).trim();

  const bannerRows = centredRows(banner, textWidthPt, FURNITURE_SIZE, 'mono-bold', BLACK);
  const stampCols = Math.floor(textWidthPt / (MONO_ADVANCE * FURNITURE_SIZE));
  const stampRows: FurnitureRow[] = wrapPlain(stamp, stampCols).map((right) => ({
    right,
    size: FURNITURE_SIZE,
    font: 'mono-bold',
    color: BLACK,
  }));
  const header = [...bannerRows, ...stampRows];
  const footer = (page: number, pages: number): FurnitureRow[] => [
    ...pageNumberRows(ref, page, pages, textWidthPt, FOOTER_SIZE, BLACK),
    ...bannerRows,
  ];
  const footerRowCount = footer(1, 1).length;

  const grid = makeGrid(size, RELEASE_MARGIN, RELEASE_MARGIN, RELEASE_FONT_SIZE, RELEASE_LINE_HEIGHT, header.length, footerRowCount);
  const flow = new Flow(grid);

  for (const block of view.blocks) {
    if (block.kind === 'lines') {
      for (const line of block.lines) {
        for (const row of wrapParts(releaseParts(line, mapper), grid.columns)) drawReleaseRow(flow, flow.nextRow(), row);
      }
    } else {
      placeWithheld(flow, block, mapper, diagnostics);
    }
  }

  return { pages: finishPages(flow, { header, footer }), diagnostics: [...mapper.diagnostics, ...diagnostics] };
}

function releaseParts(line: readonly ReleaseRun[], mapper: CharMapper): WrapPart<ReleaseStyle>[] {
  const parts: WrapPart<ReleaseStyle>[] = [];
  let col = 0;
  for (const run of line) {
    if (run.kind === 'text') {
      const text = mapper.map(run.text, col);
      col += text.length;
      parts.push({ kind: 'text', text, style: 'text' });
    } else {
      const label = mapper.map(run.authority).trim();
      const width = boxWidth(Number.isFinite(run.width) ? run.width : 1, label);
      col += width;
      parts.push({ kind: 'box', width, label, style: 'box' });
    }
  }
  return parts;
}

/** A black box over `cols` columns of `rows` rows starting at `row`, inset so neighbours stay apart. */
function boxRect(flow: Flow, row: number, rows: number, col: number, cols: number): PageItem {
  const { lineHeight, charWidth } = flow.grid;
  return rectItem(flow.x(col), flow.slotBottom(row + rows - 1) + 1, cols * charWidth, rows * lineHeight - 2, BLACK);
}

function drawReleaseRow(flow: Flow, row: number, placed: Row<ReleaseStyle>): void {
  const { fontSize, charWidth } = flow.grid;
  for (const part of placed) {
    if (part.kind === 'text') {
      flow.items.push(textItem(flow.x(part.col), flow.baseline(row), fontSize, 'mono', part.text, BLACK));
    } else {
      flow.items.push(boxRect(flow, row, 1, part.col, part.width));
      if (part.label !== '') {
        const w = textWidth(part.label, BOX_LABEL_SIZE);
        const x = flow.x(part.col) + (part.width * charWidth - w) / 2;
        // On the row's own baseline, so extractors read the label in line with the text around it.
        flow.items.push(textItem(x, flow.baseline(row), BOX_LABEL_SIZE, 'mono-bold', part.label, WHITE));
      }
    }
  }
}

/**
 * A withheld portion: its label (e.g. `¶3.`) in the text, then a box `heightLines` rows tall with
 * the authority centred inside. A box that does not fit continues on the next page, where its
 * authority is printed again.
 */
function placeWithheld(
  flow: Flow,
  block: Extract<ReleaseBlock, { kind: 'withheld' }>,
  mapper: CharMapper,
  diagnostics: Diagnostic[],
): void {
  const { columns, rows: pageRows, fontSize } = flow.grid;
  let label = mapper.map(block.label).trim();
  const authority = mapper.map(block.authority).trim();

  let labelCols = label === '' ? 0 : label.length + 1;
  if (labelCols > Math.floor(columns / 3)) {
    // A long label gets its own row rather than squeezing the box.
    for (const text of wrapPlain(label, columns)) {
      const row = flow.nextRow();
      flow.items.push(textItem(flow.x(0), flow.baseline(row), fontSize, 'mono', text, BLACK));
    }
    label = '';
    labelCols = 0;
  }
  const boxCols = columns - labelCols;
  const labelCharsPerRow = Math.max(1, Math.floor((boxCols * flow.grid.charWidth) / (MONO_ADVANCE * BOX_LABEL_SIZE)) - 2);
  const authorityRows = wrapPlain(authority, labelCharsPerRow);
  let height = Math.max(1, Math.floor(Number.isFinite(block.heightLines) ? block.heightLines : 1), authorityRows.length);
  if (height > MAX_BOX_ROWS) {
    diagnostics.push({
      severity: 'warning',
      code: 'pdf-box-capped',
      message: `Withheld portion ${block.portionId} asks for a box of ${height} lines; drawn ${MAX_BOX_ROWS} lines tall.`,
    });
    height = MAX_BOX_ROWS;
  }

  let remaining = height;
  let first = true;
  while (remaining > 0) {
    // Start a segment only where at least a few rows (and the whole authority) fit.
    const need = Math.min(remaining, Math.max(3, authorityRows.length), pageRows);
    if (flow.rowsLeft < need) flow.newPage();
    const n = Math.min(remaining, flow.rowsLeft);
    const start = flow.row;
    flow.items.push(boxRect(flow, start, n, labelCols, boxCols));
    if (first && label !== '') {
      flow.items.push(textItem(flow.x(0), flow.baseline(start), fontSize, 'mono', label, BLACK));
    }
    // The authority, centred both ways in this segment of the box (rows of one line height).
    const shown = authorityRows.slice(0, n);
    const { lineHeight } = flow.grid;
    const segmentTop = flow.slotBottom(start) + lineHeight;
    const labelTop = segmentTop - (n * lineHeight - shown.length * lineHeight) / 2;
    shown.forEach((text, i) => {
      const w = textWidth(text, BOX_LABEL_SIZE);
      const x = flow.x(labelCols) + (boxCols * flow.grid.charWidth - w) / 2;
      const y = baselineIn(labelTop - (i + 1) * lineHeight, lineHeight, BOX_LABEL_SIZE);
      flow.items.push(textItem(x, y, BOX_LABEL_SIZE, 'mono-bold', text, WHITE));
    });
    flow.row += n;
    remaining -= n;
    first = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Review

const REVIEW_FONT_SIZE = 9;
const REVIEW_LINE_HEIGHT = 11;
const REVIEW_MARGIN_LEFT = 60; // room for the state bar in the gutter
const REVIEW_MARGIN_RIGHT = 40;
const NOTE_SIZE = 7.5;
const BAR_WIDTH = 4;
const BAR_GAP = 8;

/**
 * Lay out the review ("diffed") copy: a summary page (the view's summary pairs and a legend),
 * then every line of the original in Courier 9 pt. Withheld portions have a light red band and a
 * red bar at the left, redacted spans a highlight, declassified portions a green band; page
 * furniture is grey. A decision note (`[WITHHELD] p3 … B1, 1.4(B)`) is printed in small type on
 * its own row above the portion it decides, and repeated when the portion continues on a new page.
 * Every page is marked `<classification> — REVIEW COPY - NOT FOR RELEASE` in red, top and bottom.
 *
 * @param view The review model (the whole original, annotated).
 * @param options `pageSize`: `letter` (default) or `a4`.
 * @returns The pages (summary first) and `pdf-char-replaced` diagnostics.
 */
export function layoutReview(view: ReviewView, options: LayoutOptions = {}): PdfLayout {
  const size = PAGE_SIZES[options.pageSize ?? 'letter'];
  const mapper = createCharMapper();
  const left = REVIEW_MARGIN_LEFT;
  const textWidthPt = size.width - left - REVIEW_MARGIN_RIGHT;
  const classification = mapper.map(view.classification).trim();
  const ref = mapper.map(view.ref).trim();
  const marking = classification === '' ? REVIEW_MARKING : `${classification} \u2014 ${REVIEW_MARKING}`;
  const markingRows = centredRows(marking, textWidthPt, FURNITURE_SIZE, 'mono-bold', MARKING_RED);
  const footer = (page: number, pages: number): FurnitureRow[] => [
    ...pageNumberRows(ref, page, pages, textWidthPt, FOOTER_SIZE, DARK_GREY),
    ...markingRows,
  ];
  const grid = makeGrid(
    size,
    left,
    REVIEW_MARGIN_RIGHT,
    REVIEW_FONT_SIZE,
    REVIEW_LINE_HEIGHT,
    markingRows.length,
    footer(1, 1).length,
  );
  const flow = new Flow(grid);

  layoutSummary(flow, view, ref, mapper);
  flow.newPage();
  layoutReviewLines(flow, view.lines, mapper);

  return { pages: finishPages(flow, { header: markingRows, footer }), diagnostics: [...mapper.diagnostics] };
}

function noteColumns(grid: Grid): number {
  return Math.floor((grid.columns * grid.charWidth) / (MONO_ADVANCE * NOTE_SIZE));
}

function layoutSummary(flow: Flow, view: ReviewView, ref: string, mapper: CharMapper): void {
  const { columns, fontSize, lineHeight } = flow.grid;
  const titleSize = 12;
  // The title takes two rows.
  const t = flow.nextRow();
  flow.nextRow();
  flow.items.push(
    textItem(flow.x(0), flow.slotBottom(t + 1) + (2 * lineHeight - 0.6 * titleSize) / 2, titleSize, 'mono-bold', 'RELEASE REVIEW' + (ref ? `: ${ref}` : ''), BLACK),
  );
  flow.nextRow();
  for (const text of wrapPlain(mapper.map(view.title).trim(), columns)) {
    const row = flow.nextRow();
    flow.items.push(textItem(flow.x(0), flow.baseline(row), fontSize, 'mono-bold', text, BLACK));
  }
  flow.nextRow();

  // Summary table: labels in bold, values wrapped beside them, alternate entries shaded.
  const labels = view.summary.map(([label]) => mapper.map(label).trim());
  const labelCols = Math.min(Math.max(0, ...labels.map((l) => l.length)) + 2, Math.floor(columns * 0.45));
  view.summary.forEach(([, rawValue], i) => {
    const label = labels[i]!;
    const value = mapper.map(rawValue).trim();
    const labelLines = wrapPlain(label, labelCols - 2);
    const valueLines = wrapPlain(value, columns - labelCols);
    const n = Math.max(1, labelLines.length, valueLines.length);
    if (flow.rowsLeft < Math.min(n, flow.grid.rows)) flow.newPage();
    for (let j = 0; j < n; j++) {
      const row = flow.nextRow();
      if (i % 2 === 0) {
        flow.items.push(rectItem(flow.x(0) - 3, flow.slotBottom(row), columns * flow.grid.charWidth + 6, lineHeight, ZEBRA));
      }
      const l = labelLines[j];
      const v = valueLines[j];
      if (l) flow.items.push(textItem(flow.x(0), flow.baseline(row), fontSize, 'mono-bold', l, BLACK));
      if (v) flow.items.push(textItem(flow.x(labelCols), flow.baseline(row), fontSize, 'mono', v, BLACK));
    }
  });

  // Legend: a sample of each marking as it appears on the following pages.
  const legend: ReviewState[] = ['withheld', 'redacted', 'declassified', 'released', 'header', 'furniture'];
  if (flow.rowsLeft < legend.length + 4) flow.newPage();
  else flow.nextRow();
  const h = flow.nextRow();
  flow.items.push(textItem(flow.x(0), flow.baseline(h), fontSize, 'mono-bold', 'LEGEND', BLACK));
  for (const state of legend) {
    const row = flow.nextRow();
    const style = STATE_STYLES[state];
    const sample = state === 'furniture' ? 'PAGE 02' : 'Sample';
    if (state === 'redacted') {
      // Redacted spans are marked inline, within a line of another state.
      drawHighlight(flow, row, 1, sample.length, state);
    } else {
      drawStateBackground(flow, row, state, 0, 10);
    }
    flow.items.push(textItem(flow.x(1), flow.baseline(row), fontSize, 'mono', sample, style.text));
    flow.items.push(textItem(flow.x(12), flow.baseline(row), fontSize, 'mono', style.legend, BLACK));
  }
  flow.nextRow();
  const explain = [
    'A decision note in small type precedes each decided portion: its state, then the',
    "engine's note (portion id, rule id, authority). The text below is the whole original,",
    'line for line; long lines are wrapped.',
  ].join(' ');
  for (const text of wrapPlain(explain, columns)) {
    const row = flow.nextRow();
    flow.items.push(textItem(flow.x(0), flow.baseline(row), fontSize, 'mono', text, DARK_GREY));
  }
}

/** Band and bar of a row in `state`, across `cols` columns from `col` (full width by default). */
function drawStateBackground(flow: Flow, row: number, state: ReviewState, col = 0, cols = flow.grid.columns): void {
  const style = STATE_STYLES[state];
  const { lineHeight, charWidth } = flow.grid;
  const bottom = flow.slotBottom(row);
  if (style.band) flow.items.push(rectItem(flow.x(col) - 3, bottom, cols * charWidth + 6, lineHeight, style.band));
  if (style.bar) flow.items.push(rectItem(flow.grid.left - BAR_GAP - BAR_WIDTH, bottom, BAR_WIDTH, lineHeight, style.bar));
}

/** States that start a decided block, and so get a note row when they begin. */
const DECIDED: ReadonlySet<ReviewState> = new Set(['withheld', 'redacted', 'declassified']);

function isBlank(line: ReviewLine): boolean {
  return line.runs.every((r) => r.text.trim() === '');
}

/**
 * The state each line is shown in. A blank line inside a decided portion often carries no state
 * of its own (it has no runs); it takes the portion's state when the content lines around it
 * belong to the same portion with no page furniture between, so the band is not broken by gaps.
 */
function displayStates(lines: readonly ReviewLine[]): ReviewState[] {
  const states = lines.map((l) => l.state);
  const content = lines.map((l) => !isBlank(l) && l.state !== 'furniture');
  // prev[i]: last content line before i, or -1 when page furniture (or nothing) comes first.
  const prev: number[] = [];
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    prev.push(last);
    if (content[i]) last = i;
    else if (lines[i]!.state === 'furniture') last = -1;
  }
  let next = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (isBlank(line) && line.note === undefined && prev[i]! >= 0 && next >= 0) {
      const before = lines[prev[i]!]!;
      const after = lines[next]!;
      if (before.state === after.state && DECIDED.has(after.state) && after.note === undefined) states[i] = after.state;
    }
    if (content[i]) next = i;
    else if (line.state === 'furniture') next = -1;
  }
  return states;
}

/** The note row text: the view's note, prefixed by the state unless the note already names it. */
function noteText(state: ReviewState, note: string): string {
  const label = STATE_STYLES[state].label;
  return note.toUpperCase().includes(label) ? note : `[${label}] ${note}`;
}

function layoutReviewLines(flow: Flow, lines: readonly ReviewLine[], mapper: CharMapper): void {
  const { columns, fontSize } = flow.grid;
  const states = displayStates(lines);
  let previous: ReviewState | null = null;
  /** State of the last content line (not blank, not page furniture). */
  let previousContent: ReviewState | null = null;
  let currentNote: string | null = null;

  const drawNote = (state: ReviewState, text: string): void => {
    const rows = wrapPlain(text, noteColumns(flow.grid));
    // Keep a note with at least the first line of its portion.
    if (flow.rowsLeft < Math.min(rows.length + 1, flow.grid.rows)) flow.newPage();
    for (const t of rows) {
      const row = flow.nextRow();
      drawStateBackground(flow, row, state);
      flow.items.push(textItem(flow.x(0), flow.baseline(row, NOTE_SIZE), NOTE_SIZE, 'mono-bold', t, STATE_STYLES[state].note));
    }
  };

  lines.forEach((line, i) => {
    const state = states[i]!;
    const blank = isBlank(line);
    if (line.note !== undefined && line.note.trim() !== '') {
      currentNote = noteText(state, mapper.map(line.note).trim());
      drawNote(state, currentNote);
    } else if (state !== previous && DECIDED.has(state) && !blank) {
      if (state === previousContent && currentNote !== null) {
        // Back in the same portion after page furniture: say that it continues.
        drawNote(state, `${currentNote} (continued)`);
      } else {
        currentNote = `[${STATE_STYLES[state].label}]`;
        drawNote(state, currentNote);
      }
    }
    previous = state;
    if (!blank && state !== 'furniture') {
      if (!DECIDED.has(state)) currentNote = null;
      previousContent = state;
    }

    const parts: WrapPart<ReviewState>[] = [];
    let col = 0;
    for (const run of line.runs) {
      const text = mapper.map(run.text, col);
      col += text.length;
      parts.push({ kind: 'text', text, style: run.state });
    }
    for (const placed of wrapParts(parts, columns)) {
      if (flow.row >= flow.grid.rows) {
        flow.newPage();
        // A decided portion that crosses a page break is announced again.
        if (currentNote !== null && DECIDED.has(state)) drawNote(state, `${currentNote} (continued)`);
      }
      const row = flow.nextRow();
      drawStateBackground(flow, row, state);
      for (const part of placed) drawReviewPart(flow, row, part, state, fontSize);
    }
  });
}

function drawReviewPart(flow: Flow, row: number, part: Placed<ReviewState>, lineState: ReviewState, fontSize: number): void {
  if (part.kind !== 'text') return;
  const style = STATE_STYLES[part.style];
  if (style.highlight && part.style !== lineState) {
    // Highlight the run without its surrounding spaces.
    const lead = part.text.length - part.text.trimStart().length;
    const body = part.text.trim().length;
    if (body > 0) drawHighlight(flow, row, part.col + lead, body, part.style);
  }
  flow.items.push(textItem(flow.x(part.col), flow.baseline(row), fontSize, 'mono', part.text, style.text));
}

/**
 * Background of `cols` characters from `col` in `state`'s highlight colour, underlined in its bar
 * colour so the mark survives printing in grey.
 */
function drawHighlight(flow: Flow, row: number, col: number, cols: number, state: ReviewState): void {
  const style = STATE_STYLES[state];
  const { lineHeight, charWidth, fontSize } = flow.grid;
  const x = flow.x(col);
  const width = cols * charWidth;
  if (style.highlight) flow.items.push(rectItem(x, flow.slotBottom(row), width, lineHeight, style.highlight));
  if (style.bar) flow.items.push(rectItem(x, flow.baseline(row) - 0.2 * fontSize, width, 0.75, style.bar));
}
