/**
 * Page layout of the release PDF: the release text in Courier 10 pt, withheld portions and
 * redacted spans as black boxes with their authority printed inside in white. Pure.
 *
 * The release layout only ever sees a {@link ReleaseView}, which holds no withheld text: a
 * withheld portion becomes a black box of the height its text took, an inline redaction a black
 * box of its width. Everything printed goes through a {@link CharMapper} first (WinAnsi only).
 */
import type { Diagnostic, ReleaseBlock, ReleaseRun, ReleaseView } from '../../types.js';
import { createCharMapper, type CharMapper } from './encoding.js';
import {
  baselineIn,
  BLACK,
  centredRows,
  finishPages,
  Flow,
  FOOTER_SIZE,
  FURNITURE_SIZE,
  makeGrid,
  pageNumberRows,
  rectItem,
  textItem,
  textWidth,
  WHITE,
  wrapPlain,
  type FurnitureRow,
} from './grid.js';
import { MONO_ADVANCE, PAGE_SIZES, type LayoutOptions, type PageItem, type PdfLayout } from './model.js';
import { boxWidth, wrapParts, type Row, type WrapPart } from './wrap.js';

const RELEASE_FONT_SIZE = 10;
const RELEASE_LINE_HEIGHT = 12;
const RELEASE_MARGIN = 54; // 0.75 in
/** Box labels are smaller than the text so they sit inside the box with room to spare. */
const BOX_LABEL_SIZE = 8;
/** The case footer is set small enough that State's one-line form fits the text column. */
const CASE_FOOTER_SIZE = 8;

/** A guard against a runaway `heightLines`: no cable portion is anywhere near this long. */
const MAX_BOX_ROWS = 10_000;

type ReleaseStyle = 'text' | 'box';

/**
 * Lay out the release copy: the release text in Courier 10 pt, 0.75 in margins, withheld portions
 * and redacted spans as black boxes with their authority in white, and on every page the banner
 * (top and bottom), the release stamp (top right), `ref … Page N of M` (bottom) and, when the
 * release names a case, the case footer as the last line.
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
  // Loops and concat rather than callbacks and spreads: an empty and a full array are different
  // kinds to V8, and each new one seen threw this function's optimised code away.
  const header: FurnitureRow[] = bannerRows.slice();
  for (const right of wrapPlain(stamp, stampCols)) header.push({ right, size: FURNITURE_SIZE, font: 'mono-bold', color: BLACK });
  // The case footer (State's form) is the last line of every page, under the banner.
  const caseRows = view.footer ? centredRows(mapper.map(view.footer).trim(), textWidthPt, CASE_FOOTER_SIZE, 'mono', BLACK) : [];
  const footer = (page: number, pages: number): FurnitureRow[] => [
    ...pageNumberRows(ref, page, pages, textWidthPt, FOOTER_SIZE, BLACK),
    ...bannerRows,
    ...caseRows,
  ];
  const footerRowCount = footer(1, 1).length;

  const grid = makeGrid(size, RELEASE_MARGIN, RELEASE_MARGIN, RELEASE_FONT_SIZE, RELEASE_LINE_HEIGHT, header.length, footerRowCount);
  const flow = new Flow(grid);

  // The page of every withheld box and redaction box, in order (1-based): where the Vaughn index says it is.
  const regionPages: number[] = [];
  for (const block of view.blocks) {
    if (block.kind === 'lines') {
      for (const line of block.lines) {
        for (const row of wrapParts(releaseParts(line, mapper), grid.columns)) {
          const at = flow.nextRow();
          for (const part of row) if (part.kind === 'box') regionPages.push(flow.pages.length);
          drawReleaseRow(flow, at, row);
        }
      }
    } else {
      regionPages.push(placeWithheld(flow, block, mapper, diagnostics));
    }
  }

  return { pages: finishPages(flow, { header, footer }), diagnostics: [...mapper.diagnostics, ...diagnostics], regionPages };
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
 * authority is printed again. Returns the page (1-based) where the box starts.
 */
function placeWithheld(
  flow: Flow,
  block: Extract<ReleaseBlock, { kind: 'withheld' }>,
  mapper: CharMapper,
  diagnostics: Diagnostic[],
): number {
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
  let startPage = flow.pages.length;
  while (remaining > 0) {
    // Start a segment only where at least a few rows (and the whole authority) fit.
    const need = Math.min(remaining, Math.max(3, authorityRows.length), pageRows);
    if (flow.rowsLeft < need) flow.newPage();
    if (first) startPage = flow.pages.length;
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
  return startPage;
}
