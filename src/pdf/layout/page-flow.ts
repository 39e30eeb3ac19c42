/**
 * Whether the first body line of a page goes on with the last line of the page before, across the
 * page's footer and the next page's header (probe 65c, F2 and F4). The text reader sees only text:
 * a short `(U) … ends without a stop` line ran on into the next page's unmarked first paragraph,
 * released as its (U); a footnote at the page's foot took the next page's half of an (S//NF)
 * paragraph; a full justified line cut mid-sentence lost its next-page half as unmarked. The
 * geometry tells: a paragraph broken by a page break ends the page on a full line (the next page's
 * first word would not have fitted after it, the test a wrap within a page passes), and goes on in
 * the same face and size at the same left edge. Anything else (a heading, a citation, a footnote
 * in a smaller face) is no continuation: the next page's text opens a portion of its own.
 * Pure: the layout's lines and text in, a predicate out.
 */
import type { LayoutLine } from './index.js';

/** Left edges this close (in ems of the line's size) are one edge, as a wrap within a page asks. */
const EDGE_EM = 0.3;
/** A word space, in ems, between a line's end and the next line's first word (as layout's wrapped). */
const SPACE_EM = 0.3;
/**
 * A line ending this close to the right edge (in ems, besides the word space and the next word) is
 * full: ragged-right text (SIDtoday's Verdana) wraps short of the edge its longest lines reach.
 */
const FULL_SLACK_EM = 1;
/**
 * The next page's first word counts at most this many ems in the full-line test: a URL or an
 * identifier wider than any line's remainder made a short line full (probe 65d F1).
 */
const WORD_CAP_EM = 6;
/**
 * A line this many ems or less above the lowest line of its size, face and left edge in the whole
 * document ends its page's body: a paragraph runs on into the next page only from the foot of a
 * full page. A page left short (a forced break, a paragraph kept whole for the next page) ends
 * its text there (probe 65d F1-F4: a stop-less (U) line over a forced break took the next page's
 * unmarked paragraph). A little more than a line's pitch: pages end a fraction of a line apart.
 */
const FOOT_EM = 1.6;
/**
 * A page's foot lies at most this many ems above the page's bottom edge besides the white its top
 * text leaves above it (the page's top margin, taken for its bottom one). Of the 309 pages of the
 * 1,065 SIDtoday PDFs whose text went on at the next page, 308 end within 2 em of it (a line's pitch
 * left over), the other 37 em above it with a caption the next page repeats, marked; a page a
 * forced break left half empty ends tens of ems above it. 8 em leave room for a bottom margin
 * wider than the top one (a page of 11 pt text 50 pt above its foot, 42 pt below its top: probe
 * 63c's sidebar page, whose (U) paragraph goes on).
 */
const PAGE_FOOT_EM = 8;
/** Sizes this close (relative) are one size. */
const SIZE_RATIO = 0.05;
/**
 * Where no wrapped line shows the body's right edge, it lies no nearer the left edge than the page's
 * width less that left margin (margins mirror) and this many ems of slack.
 */
const MARGIN_SLACK_EM = 2;

interface FlowInput {
  readonly text: string;
  readonly lines: readonly LayoutLine[];
  readonly boxes: Float64Array;
  readonly sizes: readonly (readonly [number, number])[];
}

/** The index of the layout line holding offset `at`, or -1 (lines sorted by start). */
function lineAt(lines: readonly LayoutLine[], at: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = lines[mid]!;
    if (at < l.start) hi = mid - 1;
    else if (at >= l.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The width of a line's first word: from its first glyph's left edge to the right edge of the glyph before its first space. */
function firstWord(layout: FlowInput, l: LayoutLine): number {
  let right = l.x0;
  for (let k = l.start; k < l.end && !/\s/.test(layout.text[k]!); k++) {
    const x1 = layout.boxes[4 * k + 2]!;
    if (!Number.isNaN(x1)) right = Math.max(right, x1);
  }
  return right - l.x0;
}

const sameSize = (a: LayoutLine, b: LayoutLine): boolean => Math.abs(a.size - b.size) <= SIZE_RATIO * Math.max(a.size, b.size);
const sameEdge = (a: LayoutLine, b: LayoutLine): boolean => Math.abs(a.x0 - b.x0) < EDGE_EM * a.size;
/** A font without its subset tag (`ABCDEF+Times-Roman`). */
const face = (font: string | undefined): string | undefined => font?.replace(/^[A-Z]{6}\+/, '');

/**
 * The right edge of the body `l` belongs to: the farthest a line of its size, face and left edge
 * that the layout found wrapped (joined to the next) reaches in its block (the edge a wrap within
 * the page is measured against), or else on its page, or else on the next (a SIDtoday article's
 * column is narrower than its first page's head or its last page's republication notice, which set
 * the edge too far: the next page's half of a (U) paragraph was withheld as unmarked). Where no
 * such line is, the edge is not shown (a page of two short lines): it is taken no nearer the left
 * edge than the page's width less that left margin allows (margins mirror), less MARGIN_SLACK_EM.
 */
function rightEdge(layout: FlowInput, l: LayoutLine): number {
  const near = (o: LayoutLine): boolean => sameSize(o, l) && sameEdge(o, l) && face(o.font) === face(l.font) && joined(layout.text, o);
  for (const within of [(o: LayoutLine) => o.block === l.block, (o: LayoutLine) => o.page === l.page, (o: LayoutLine) => o.page === l.page + 1]) {
    let right = -Infinity;
    for (const o of layout.lines) if (within(o) && near(o)) right = Math.max(right, o.x1);
    if (right > -Infinity) return Math.max(right, l.x1);
  }
  const width = layout.sizes[l.page]?.[0] ?? 0;
  return Math.max(l.x1, width - l.x0 - MARGIN_SLACK_EM * l.size);
}

/** The layout joined the line to the next as its wrap (a space or nothing after it, not a line break). */
function joined(text: string, l: LayoutLine): boolean {
  const c = text[l.end];
  return c !== undefined && c !== '\n' && c !== '\f';
}

/** A list item's label: a number or letter with its stop, or a bullet. */
const LABEL = /^(?:\d{1,3}[.)]|\p{L}[.)]|[•·▪◦●○■□*–-])[ \t]+/u;

/**
 * `b` starts where the text of `a` starts after its label (`9. (U) Take …` / `you will …`): the
 * hanging indent of a list item whose first line ends the page (SIDtoday 2006-06-28), as a wrap
 * within a page hangs (./index.ts, hangingEdges).
 */
function hangsUnder(layout: FlowInput, a: LayoutLine, b: LayoutLine): boolean {
  const label = LABEL.exec(layout.text.slice(a.start, Math.min(a.end, a.start + 12)));
  const x0 = label ? layout.boxes[4 * (a.start + label[0].length)] : undefined;
  return x0 !== undefined && !Number.isNaN(x0) && Math.abs(b.x0 - x0) < EDGE_EM * a.size;
}

/**
 * Over the text's offsets, the line holding `end` (the last character of the text before a page
 * break) and the line at `start` (the next page's first text): `wrap` when the first is full and the
 * second goes on in the face the first ends in (a `(U)` in roman before a bold title's words), in its size at the same left edge, on the next page; `aligned` when
 * only the first is not full; `apart` otherwise.
 */
export function pageFlow(layout: FlowInput): (end: number, start: number) => 'wrap' | 'aligned' | 'apart' {
  return (end, start) => {
    const a = layout.lines[lineAt(layout.lines, end)];
    const b = layout.lines[lineAt(layout.lines, start)];
    if (!a || !b || b.page !== a.page + 1) return 'apart';
    if (!sameSize(a, b) || !(sameEdge(a, b) || hangsUnder(layout, a, b)) || face(a.endFont) !== face(b.font)) return 'apart';
    if (!atFoot(layout, a)) return 'apart';
    const word = Math.min(firstWord(layout, b), WORD_CAP_EM * a.size);
    return a.x1 + SPACE_EM * a.size + word > rightEdge(layout, a) - FULL_SLACK_EM * a.size ? 'wrap' : 'aligned';
  };
}

/**
 * `l` is its page's last body line at the foot of the text area: no more than FOOT_EM above the
 * lowest baseline that lines of its size, face and left edge reach on any page (centred banners and
 * page numbers, smaller footnotes, are of another edge or size and set no foot), and, on its own
 * page, no more than PAGE_FOOT_EM above the page's bottom edge besides the white its top text
 * leaves above it (margins mirror). Measured against the whole document alone, a page left
 * half empty by a forced break was a foot when it was the document's longest, and its `(U) … and`
 * took the next page's unmarked paragraph (probe 66e f1).
 */
function atFoot(layout: FlowInput, l: LayoutLine): boolean {
  let lowest = l.y;
  let top = -Infinity;
  for (const o of layout.lines) {
    if (o.page === l.page) top = Math.max(top, o.y);
    if (o.y < lowest && sameSize(o, l) && sameEdge(o, l) && face(o.font) === face(l.font)) lowest = o.y;
  }
  const height = layout.sizes[l.page]?.[1] ?? 0;
  return l.y - lowest <= FOOT_EM * l.size && l.y <= height - top + PAGE_FOOT_EM * l.size;
}
