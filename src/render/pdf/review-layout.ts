/**
 * Page layout of the review ("diffed") PDF: a summary page, then every line of the original in
 * Courier 9 pt, each decision shown by a band, a bar, a highlight and a note. Pure.
 */
import type { ReviewLine, ReviewState, ReviewView } from '../../types.js';
import { createCharMapper, type CharMapper } from './encoding.js';
import {
  BLACK,
  centredRows,
  DARK_GREY,
  finishPages,
  Flow,
  FOOTER_SIZE,
  FURNITURE_SIZE,
  GREY,
  makeGrid,
  pageNumberRows,
  rectItem,
  textItem,
  wrapPlain,
  type FurnitureRow,
  type Grid,
} from './grid.js';
import { MONO_ADVANCE, PAGE_SIZES, type ReviewLayoutOptions, type PageItem, type PdfLayout, type Rgb } from './model.js';
import { wrapParts, type Placed, type WrapPart } from './wrap.js';

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
 * @param options `pageSize`: `letter` (default) or `a4`; `summaryAfterPages`: the summary alone,
 *   numbered as the pages after that many of the original.
 * @returns The pages (summary first) and `pdf-char-replaced` diagnostics.
 */
export function layoutReview(view: ReviewView, options: ReviewLayoutOptions = {}): PdfLayout {
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
  const flow = new ReviewFlow(grid);

  const before = options.summaryAfterPages;
  layoutSummary(flow, view, ref, mapper, before !== undefined);
  if (before === undefined) {
    flow.newPage();
    layoutReviewLines(flow, view.lines, mapper);
  }
  const numbered = before === undefined ? footer : (page: number, pages: number) => footer(before + page, before + pages);
  return { pages: finishPages(flow, { header: markingRows, footer: numbered }), diagnostics: [...mapper.diagnostics] };
}

function noteColumns(grid: Grid): number {
  return Math.floor((grid.columns * grid.charWidth) / (MONO_ADVANCE * NOTE_SIZE));
}

function layoutSummary(flow: ReviewFlow, view: ReviewView, ref: string, mapper: CharMapper, ofPdf: boolean): void {
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

  if (ofPdf) {
    // The review of a PDF input: the original's pages come first, marked on the page itself.
    flow.nextRow();
    explainRows(flow, [
      'The pages before this summary are the original PDF. Each withheld portion and each redacted',
      'span is shaded red, with a note in small red type above it: the portion id, WITHHELD or',
      'REDACTED, the rule id and the authority. Where the note would cover another withheld line,',
      'the portion id alone stands in the left margin; this summary and the audit record give the rest.',
      'A banner line the release replaces is shaded too, its note saying what replaces it.',
    ]);
    return;
  }
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
      flow.stateBackground(row, state, 0, 10);
    }
    flow.items.push(textItem(flow.x(1), flow.baseline(row), fontSize, 'mono', sample, style.text));
    flow.items.push(textItem(flow.x(12), flow.baseline(row), fontSize, 'mono', style.legend, BLACK));
  }
  flow.nextRow();
  explainRows(flow, [
    'A decision note in small type precedes each decided portion: its state, then the',
    "engine's note (portion id, rule id, authority). The text below is the whole original,",
    'line for line; long lines are wrapped.',
  ]);
}

/** A paragraph of explanation in the summary, wrapped to the column, in grey. */
function explainRows(flow: ReviewFlow, sentences: readonly string[]): void {
  const { columns, fontSize } = flow.grid;
  const explain = sentences.join(' ');
  for (const text of wrapPlain(explain, columns)) {
    const row = flow.nextRow();
    flow.items.push(textItem(flow.x(0), flow.baseline(row), fontSize, 'mono', text, DARK_GREY));
  }
}

/**
 * The page flow of the review copy: a {@link Flow} that paints each row's state background (band
 * and bar). The rows of a run in one state meet edge to edge, so their band and bar are each one
 * rect, grown row by row: one per row made half of a review page's content rects and, with the
 * colour set and the text object left for each, most of its bytes to write and deflate.
 */
class ReviewFlow extends Flow {
  /** The band or bar being grown in each colour: on which page, its item's index, its rows and its x and width. */
  private readonly growing = new Map<Rgb, { page: PageItem[]; at: number; first: number; last: number; x: number; width: number }>();

  /** Band and bar of `row` in `state`, across `cols` columns from `col` (full width by default). */
  stateBackground(row: number, state: ReviewState, col = 0, cols = this.grid.columns): void {
    const style = STATE_STYLES[state];
    if (style.band) this.grow(style.band, row, this.x(col) - 3, cols * this.grid.charWidth + 6);
    if (style.bar) this.grow(style.bar, row, this.grid.left - BAR_GAP - BAR_WIDTH, BAR_WIDTH);
  }

  /** Grows the rect of `color` at `x` down to `row` when it ends on the row above on this page, else starts one there. */
  private grow(color: Rgb, row: number, x: number, width: number): void {
    const page = this.items;
    const g = this.growing.get(color);
    const grows = g !== undefined && g.page === page && g.last === row - 1 && g.x === x && g.width === width;
    const bottom = this.slotBottom(row);
    const rect = rectItem(x, bottom, width, this.slotBottom(grows ? g.first : row) + this.grid.lineHeight - bottom, color);
    if (grows) {
      g.last = row;
      page[g.at] = rect;
    } else {
      this.growing.set(color, { page, at: page.length, first: row, last: row, x, width });
      page.push(rect);
    }
  }
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

function layoutReviewLines(flow: ReviewFlow, lines: readonly ReviewLine[], mapper: CharMapper): void {
  const { columns, fontSize } = flow.grid;
  const states = displayStates(lines);
  let previous: ReviewState | null = null;
  /** State of the last content line (not blank, not page furniture). */
  let previousContent: ReviewState | null = null;
  let currentNote: string | null = null;

  // A loop, not a callback made per document (see src/pdf/content/interpret.ts: the optimised
  // code of closures made per call did not outlive full GCs).
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const state = states[i]!;
    const blank = isBlank(line);
    if (line.note !== undefined && line.note.trim() !== '') {
      currentNote = noteText(state, mapper.map(line.note).trim());
      drawNote(flow, state, currentNote);
    } else if (state !== previous && DECIDED.has(state) && !blank) {
      if (state === previousContent && currentNote !== null) {
        // Back in the same portion after page furniture: say that it continues.
        drawNote(flow, state, `${currentNote} (continued)`);
      } else {
        currentNote = `[${STATE_STYLES[state].label}]`;
        drawNote(flow, state, currentNote);
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
        if (currentNote !== null && DECIDED.has(state)) drawNote(flow, state, `${currentNote} (continued)`);
      }
      const row = flow.nextRow();
      flow.stateBackground(row, state);
      for (const part of placed) drawReviewPart(flow, row, part, state, fontSize);
    }
  }
}

/** A note row (wrapped) on the state's background, kept on one page with the first line of its portion. */
function drawNote(flow: ReviewFlow, state: ReviewState, text: string): void {
  const rows = wrapPlain(text, noteColumns(flow.grid));
  if (flow.rowsLeft < Math.min(rows.length + 1, flow.grid.rows)) flow.newPage();
  for (const t of rows) {
    const row = flow.nextRow();
    flow.stateBackground(row, state);
    flow.items.push(textItem(flow.x(0), flow.baseline(row, NOTE_SIZE), NOTE_SIZE, 'mono-bold', t, STATE_STYLES[state].note));
  }
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
