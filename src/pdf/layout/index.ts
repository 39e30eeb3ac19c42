/**
 * The text layer of a born-digital PDF: its text in reading order (lines, blank lines between
 * paragraphs and blocks, a form feed between pages, as pdftotext writes it), so that the
 * marked-document reader can read it, and for every character the glyph that shows it, so that
 * any span of the text maps back to the glyph boxes it covers on each page ({@link spanRegions}).
 *
 * Glyphs come from the content-stream interpreter (./glyphs.ts): their boxes are exact, and they
 * are the very glyphs the rewriter removes. Pure: bytes in, layout out.
 */
import type { PageContent, ParsedPdf } from '../content/interpret.js';
import { probePoint, type Rect } from '../geometry.js';
import { readPdfObjects } from '../objects/read.js';
import { pageGlyphs, type PageGlyph } from './glyphs.js';
import { SUPERSCRIPT_SCALE, dropCapEdges, horizontalRules, openHoles, pageBlocks, verticalRules, type Block, type LinePiece } from './lines.js';
import { BULLET_CHARS, drawnMarkers } from './bullets.js';
import { PdfInputError } from '../errors.js';
import { readLookalikeMark } from '../../parse/lookalike.js';
import { NOTE_NUMBER } from '../../parse/patterns.js';
import { parseMarking } from '../../markings/index.js';

export { NO_TEXT_LAYER, OUTLINE_SHAPES } from './glyphs.js';
export { LETTERING_SHAPES, letteringShapes } from './lettering.js';

/** One line of the text layer. */
export interface LayoutLine {
  /** 0-based page. */
  readonly page: number;
  /** Half-open offsets of the line's text in {@link PdfLayout.text}. */
  readonly start: number;
  readonly end: number;
  /** Baseline and font size (user space). */
  readonly y: number;
  readonly size: number;
  /** Left and right edges of the line's ink, and the fonts of its first and last glyphs (see page-flow.ts). */
  readonly x0: number;
  readonly x1: number;
  readonly font?: string;
  readonly endFont?: string;
  /** The layout block the line is in, numbered through the document (see page-flow.ts). */
  readonly block: number;
}

/** The text layer of a PDF. */
export interface PdfLayout {
  readonly text: string;
  readonly pages: number;
  /** Width and height of each page (crop box), in points. */
  readonly sizes: readonly (readonly [number, number])[];
  readonly lines: readonly LayoutLine[];
  /** For each UTF-16 unit of `text`, its glyph box `[x0, y0, x1, y1]` (4 numbers), NaN for inserted spaces and line breaks. */
  readonly boxes: Float64Array;
  /**
   * The file as the layout read it (objects and interpreted pages), for redactPdf to reuse
   * instead of parsing and interpreting the same bytes again. Not plain data: not serialised.
   */
  readonly parsed?: ParsedPdf;
}

/** A rectangle of a page that a span of the text covers. */
export interface SpanRegion {
  readonly page: number;
  readonly rect: Rect;
}

const WORD_GAP_EM = 0.15;

class TextBuilder {
  /**
   * The text so far, as pieces joined once at the end: appended to one string, each glyph's
   * text was a node of a chain the length of the document (32 bytes each), kept and copied by
   * the young-generation collector until the text was read.
   */
  private readonly parts: string[] = [];
  private length = 0;
  /** Four numbers a UTF-16 unit of `text`, in a buffer that doubles when full (a number[] of them was 2.5% of a PDF batch). */
  private boxes = new Float64Array(4096);
  private used = 0;
  readonly lines: LayoutLine[] = [];
  /** The block being written (see LayoutLine.block). */
  block = 0;
  /** Appends `s`, each of its UTF-16 units with the full box of `glyph` (NaN without one). */
  add(s: string, glyph: PageGlyph | null): void {
    this.parts.push(s);
    this.length += s.length;
    const need = this.used + 4 * s.length;
    if (need > this.boxes.length) {
      const grown = new Float64Array(Math.max(need, 2 * this.boxes.length));
      grown.set(this.boxes.subarray(0, this.used));
      this.boxes = grown;
    }
    const b = this.boxes;
    for (let k = 0; k < s.length; k++) {
      const at = this.used;
      if (glyph) {
        b[at] = glyph.x0;
        b[at + 1] = glyph.y0;
        b[at + 2] = glyph.x1;
        b[at + 3] = glyph.y1;
      } else b.fill(NaN, at, at + 4);
      this.used = at + 4;
    }
  }
  /** Widens the box of the last UTF-16 unit written to hold `glyph`'s box too. */
  widen(glyph: PageGlyph): void {
    const b = this.boxes;
    const at = this.used - 4;
    b[at] = Math.min(b[at]!, glyph.x0);
    b[at + 1] = Math.min(b[at + 1]!, glyph.y0);
    b[at + 2] = Math.max(b[at + 2]!, glyph.x1);
    b[at + 3] = Math.max(b[at + 3]!, glyph.y1);
  }
  /** The text written. */
  text(): string {
    return this.parts.join('');
  }
  /** The boxes written, in an array of their own length. */
  boxArray(): Float64Array {
    return this.boxes.slice(0, this.used);
  }
  line(page: number, piece: LinePiece, end = '\n'): void {
    const start = this.length;
    let prev: PageGlyph | null = null;
    let space = false;
    const track = tracking(piece.glyphs);
    // A list marker drawn as a shape (see drawnBullets) reads as the bullet it shows: no glyph, no box.
    if (drawnBullets.has(piece)) this.add('• ', null);
    // The soft hyphen that ends a line joined to the next (see SOFT_HYPHEN).
    const soft = end === '' ? piece.glyphs.findLast((g) => !g.blank) : undefined;
    for (const g of piece.glyphs) {
      if (g.blank) {
        space = prev !== null;
        continue;
      }
      if (g === soft && prev && g.text === SOFT_HYPHEN) {
        this.widen(g);
        continue;
      }
      if (prev && (space || wordGap(prev, g, track) || raisedDigitAfter(prev, g))) this.add(' ', null);
      this.add(g.text, g);
      prev = g;
      space = false;
    }
    this.lines.push({ page, start, end: this.length, y: piece.y, size: piece.size, x0: piece.x0, x1: piece.x1, font: piece.glyphs.find((g) => !g.blank)?.font, endFont: piece.glyphs.findLast((g) => !g.blank)?.font, block: this.block });
    this.add(end, null);
  }
}

/**
 * True when `line` ends where the text wrapped: the first word of `next` would not have fitted
 * after it within the block's right edge. Such lines are joined with a space (one line of text
 * per paragraph line run), so that the reader, which counts characters, does not take a short
 * line of proportional type for the end of a paragraph.
 */
function wrapped(block: Block, i: number): boolean {
  const line = block.lines[i]!;
  const next = block.lines[i + 1]!;
  const right = block.x1;
  if (drawnBullets.has(next)) return false;
  if (Math.abs(next.x0 - line.x0) < 0.3 * line.size && wrappedDash(block, i)) return true;
  const glyphs = next.glyphs;
  let k = 0;
  while (k < glyphs.length && !glyphs[k]!.blank) k++;
  const word = (k > 0 ? glyphs[k - 1]!.x1 : next.x0) - next.x0;
  const space = 0.3 * line.size;
  // The next line's first word would not have fitted, and it starts at the same left edge (a
  // line beside a drop cap: its text's, or the cap's, where the lines under the cap start).
  const cap = dropCapEdges(line);
  const edge = (x: number): boolean => Math.abs(next.x0 - x) < 0.3 * line.size;
  if (line.x1 + space + word <= right - 0.05 * line.size || !(cap ? edge(cap.text) || edge(cap.cap) : edge(line.x0))) return false;
  // A page's classification line alone (`SECRET//NOFORN` under a footnote that fills its line)
  // is no continuation: joined, the page's bottom banner was read into the footnote's portion and
  // stayed as printed in a release made when the memo was declassified.
  // (A DYNAMIC PAGE notice's `… HIGHEST POSSIBLE CLASSIFICATION IS` goes on with its banner.)
  if (BANNER_ONLY.test(glyphs.map((g) => g.text).join('').trim()) && !/\bIS:?\s*$/.test(line.glyphs.map((g) => g.text).join(''))) return false;
  const start = lineStart(glyphs);
  return !opensItsOwn(glyphs.slice(0, k).map((g) => g.text).join(''), start) && !AUTHORITY_LABEL.test(start) && !RUN_DATE_LABEL.test(start) && !LABEL_ITEM.test(start);
}

/**
 * True when `next`, at the left edge of `line` (lines `i` and `i + 1` of `block`), opens with a
 * spaced dash and a word in lower case (`- especially the dual screen workstations …`) and is
 * that paragraph's text wrapped onto its line, not a list item. It releases what it joins to a
 * (U) line, so it asks for the evidence of a wrap on both sides of the dash line:
 * - `line` ends no sentence, clause or lead-in (`.`, `:`, `;`; a sentence end followed by a
 *   raised or smaller footnote number, `… in 2005.¹²`, is one: see {@link endsSentence}), and the
 *   dash and its word would not have fitted after it within the block's right edge;
 * - `next` itself runs on: the line after it, in the same paragraph at the same left edge, opens
 *   with no dash, bullet, number or mark, and its first word would not have fitted after `next`
 *   (a dash item under a lead-in with no colon, `… by the fleet and` / `- zqbravo …` / `- zqcharlie
 *   …`, or a one-line item before the paragraph's end, was joined and released: probe 60e F1);
 * - the text is not set in fixed pitch (a `<pre>` or typewritten cable, hard-wrapped, has every
 *   line near its right edge, so "would not have fitted" tells no wrap from an item).
 * Taken for an item, the rest of a (U) paragraph was withheld as unmarked text under (b)(1)
 * (SIDtoday 2004-01-07, probe 60c F4); a dash line without all of this stays an item of its own,
 * withheld when unmarked (a wrong withholding is seen and reported, a leak is not).
 */
function wrappedDash(block: Block, i: number): boolean {
  const line = block.lines[i]!;
  const next = block.lines[i + 1]!;
  const after = block.lines[i + 2];
  const right = block.x1;
  const em = line.size;
  if (!DASH_WRAP.test(lineStart(next.glyphs)) || endsSentence(line, /[.!?…:;]["'”’)\]]*$/u)) return false;
  const gs = next.glyphs;
  const track = tracking(gs);
  let k = gs.findIndex((g) => !g.blank) + 1;
  while (k < gs.length && gs[k]!.blank) k++;
  while (k + 1 < gs.length && !gs[k + 1]!.blank && !wordGap(gs[k]!, gs[k + 1]!, track)) k++;
  const word = (gs[k]?.x1 ?? next.x0) - next.x0;
  if (line.x1 + 0.3 * em + word <= right - 0.05 * em) return false;
  // A dash line that ends its block is not taken for the wrap, whatever stands above it: a lone
  // item under a lead-in with no colon, whose last line is full, looks the same as a paragraph's
  // last words set after a dash (`flexible` / `- both excellent life skills!`), and was released
  // with the (U) text (probe 64e F3). Withheld when unmarked: seen and reported, not leaked.
  if (after === undefined || block.breaks.has(i + 2) || Math.abs(after.x0 - next.x0) >= 0.3 * em || pieceOpensItsOwn(after)) return false;
  if (next.x1 + 0.3 * em + firstWordWidth(after) <= right - 0.05 * em) return false;
  return !fixedPitch([line, next, after]);
}

/** A line opening with a spaced dash (`-`, `--`, `–`, `—`) and a word in lower case. */
const DASH_WRAP = /^(?:--?|[–—]) \p{Ll}/u;

/**
 * True when the text of `glyphs` ends with `end` (a sentence's end): read from its last 8 glyphs
 * after trailing blanks and a footnote number set raised or smaller than the line's text (`2005.`
 * then `12` at 7 pt, 4 pt up) are put aside.
 */
function endsSentence(piece: LinePiece, end: RegExp): boolean {
  const glyphs = piece.glyphs;
  let m = glyphs.length;
  while (m > 0 && glyphs[m - 1]!.blank) m--;
  while (m > 0 && /^[\d*†‡]$/u.test(glyphs[m - 1]!.text) && (glyphs[m - 1]!.size < 0.9 * piece.size || glyphs[m - 1]!.y > piece.y + 0.15 * piece.size)) m--;
  return end.test(lineStart(glyphs.slice(Math.max(0, m - 8), m)));
}

/**
 * True when `lines` are set in fixed pitch: every glyph that is no space as wide as the others
 * (within 3% of the size), over at least 20 of them (Courier, a `<pre>` block's monospace).
 */
function fixedPitch(lines: readonly LinePiece[]): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  let n = 0;
  for (const l of lines) {
    for (const g of l.glyphs) {
      if (g.blank || g.size <= 0) continue;
      const w = (g.x1 - g.x0) / g.size;
      lo = Math.min(lo, w);
      hi = Math.max(hi, w);
      n++;
    }
  }
  return n >= 20 && hi - lo <= 0.03;
}

/**
 * The line pieces that open with a list marker drawn as a shape, not a glyph (see ./bullets.ts):
 * read as opening with a bullet. Pieces are made per page and kept as the layout's lines are.
 */
const drawnBullets = new WeakSet<LinePiece>();

/**
 * True when line `i` of `block` is plainly the wrap of the line above, whatever stands left of it:
 * at the same left edge in the same paragraph, opening with a lower-case letter (no mark, bullet or
 * number), the line above ending no sentence, clause or lead-in (`.`, `:`, `;`, see endsSentence)
 * and full (its first word would not have fitted after it within the block's right edge). A lone
 * small picture beside such a line is an icon, no list marker (see ./bullets.ts): read as one, the
 * (U) paragraph's `uqbeta found the weather …` was cut from it and withheld under (b)(1) (probe
 * 60e finding 1). A lone shape before a line with any less evidence of a wrap stays its marker.
 */
function plainWrap(block: Block, i: number): boolean {
  const line = block.lines[i - 1];
  const next = block.lines[i]!;
  if (line === undefined || block.breaks.has(i) || Math.abs(next.x0 - line.x0) >= 0.3 * line.size) return false;
  if (!/^\p{Ll}/u.test(lineStart(next.glyphs)) || endsSentence(line, /[.!?…:;]["'”’)\]]*$/u)) return false;
  return line.x1 + 0.3 * line.size + firstWordWidth(next) > block.x1 - 0.05 * line.size;
}

/**
 * A line opening with Word's `o` bullet or a letter label (`b)`; `(a)` opens its own already): an
 * item of a list, never a wrap. Joined to a marked item that ran to the right edge (`· (U) public
 * bullet item … edge` / `o ZQOWRAP …`), it was read as that item's text and released (probe 59b,
 * F1); on a line of its own, the text reader takes it for an item under a marked one.
 */
const LABEL_ITEM = /^(?:[A-Za-z]\)|o) \S/;

/**
 * True when the text reader is to read `next` as a paragraph of its own though no wider gap parts
 * it from `line`: `line` ends the first text line of a paragraph that opens with a (U) mark
 * (`underU`, see {@link opensWithU}) with a sentence's end, the first word of `next`, which starts
 * at the same left edge or a first-line indent in, would have fitted in the space left on it within the block's right edge
 * (a line its author broke, not a wrap), and `next` with its wraps is the rest of the paragraph
 * (see {@link lastRun}): `2(U) Public footnote text.` over `ZQFOOTC unmarked next line.` at the
 * same leading, read on as the (U) footnote's rest, was released in a SECRET document (probe 58f,
 * F6). Lines broken short one after another are one paragraph's (SIDtoday's `(U) "Do you have any
 * jobs …?"` / `"My major is …?"` / `"I'm fluent …!"`, a paragraph typed with hard line breaks):
 * left as they were. A `next` set in by a first-line indent (see {@link firstLineIndent}) that
 * opens with a capital is a new paragraph whatever follows it (probe 59b, F4). The right edge is
 * taken from the block's other lines: with none, it is not known, and nothing changes. Under a
 * classified paragraph nothing changes either (the line is withheld either way).
 */
function brokenShort(block: Block, i: number, underU: boolean): boolean {
  const line = block.lines[i]!;
  const next = block.lines[i + 1]!;
  if (!underU || pieceOpensItsOwn(next)) return false;
  const cap = dropCapEdges(line);
  if (cap) {
    if (!besideCapEdge(cap, line, next)) return false;
  } else if (!(firstLineIndent(line, next) ? /^\p{Lu}/u.test(lineStart(next.glyphs)) : Math.abs(next.x0 - line.x0) < 0.3 * line.size && lastRun(block, i + 1))) return false;
  let right = -Infinity;
  block.lines.forEach((l, k) => { if (k !== i && k !== i + 1) right = Math.max(right, l.x1); });
  if (!(right > line.x1)) return false;
  if (!/[.!?…]["'”’)\]]*$/.test(lineStart(line.glyphs.slice(-8)))) return false;
  return line.x1 + 0.3 * line.size + firstWordWidth(next) <= right - 0.5 * line.size;
}

/**
 * True when `next` starts at an edge of the drop cap's lines (`cap`, see dropCapEdges) that `line`
 * beside it wraps at: its text's, or the cap's (the line under the cap). Such a `next` after a
 * (U) line broken short at a sentence's end is a paragraph of its own, whatever follows it: the
 * cap rule let it go on as the (U) paragraph's wrap, and `(U) Short public line.` over
 * `ZQNEXT unmarked …` beside a 40 pt `::first-letter` cap was released (probe 62c, F3).
 */
function besideCapEdge(cap: { readonly cap: number; readonly text: number }, line: LinePiece, next: LinePiece): boolean {
  return Math.abs(next.x0 - cap.text) < 0.3 * line.size || Math.abs(next.x0 - cap.cap) < 0.3 * line.size;
}

/** A sentence's end: `.`, `!`, `?` or `…`, with a closing quote, parenthesis or bracket after it (see endsSentence). */
const SENTENCE_END = /[.!?…]["'”’)\]]*$/u;

/**
 * True when line `i + 1` of `block`, under line `i` of a paragraph that opens with a (U) mark
 * (the caller asks only then) and that line's sentence end, opens a portion of its own though the
 * tests above read it as the line's wrap or left it in the paragraph (`joined`, see wrapped):
 * - it opens with a footnote's number at the block's left edge (see {@link opensWithNoteNumber}):
 *   `1 (U) Public footnote one.` over `2 ZQFND unmarked footnote …` in a footnote area was read as
 *   one (U) portion and released in a SECRET memo (probe 62b, F1);
 * - it is read as the wrap of the paragraph's first line (`joined`) and opens with no mark, bullet
 *   or number, and the lines that wrap mid-sentence (see {@link wrapEdge}) show no wrap: there are
 *   none, or the next line's first word would have fitted after the line within the widest of them
 *   (a line as wide as they are, or wider, runs to the edge). One-line notes of like length (or two lines alone) set no
 *   edge, and `(U) Public footnote one.` over `ZQFND unmarked footnote …` was joined and released
 *   (probe 62b, F1; `(U) One line paragraph.` over `ZQNOSC unmarked …` at 0 spacing alike). Such a line is a portion of its own: unmarked, withheld in a classified
 *   document. A (U) paragraph typed with hard line breaks whose first line ends a sentence, with
 *   no longer line beside it, is withheld past that line the same way (a wrong withholding is
 *   seen and reported, a leak is not).
 */
function opensAfterU(blocks: readonly Block[], block: Block, i: number, joined: boolean): boolean {
  const line = block.lines[i]!;
  const next = block.lines[i + 1]!;
  if (!endsSentence(line, SENTENCE_END)) return false;
  if (Math.abs(next.x0 - block.x0) < 0.3 * line.size && opensWithNoteNumber(next)) return true;
  if (!joined || !opensWithU(line) || pieceOpensItsOwn(next) || Math.abs(next.x0 - line.x0) >= 0.3 * line.size) return false;
  const right = wrapEdge(blocks, block, i);
  return !(right > -Infinity && line.x1 + 0.3 * line.size + firstWordWidth(next) > right - 0.05 * line.size);
}

/**
 * The right edge the text of `block` wraps at, as its lines other than line `i` show it: the
 * widest line that wraps mid-sentence (ends no sentence, see {@link SENTENCE_END}, or the line
 * under it opens in lower case, and that line in its paragraph is its wrap, see {@link wrapped}: an
 * authority block's `Classified By: …` over `Derived From: …` is none); with none in `block`, the
 * widest such line of the page's other blocks at its left edge (within 0.3 em, the column);
 * -Infinity with none there either. A line that ends its paragraph ends where its text does, and one-line
 * paragraphs or notes of like length (`(U) … paragraph.` / `ZQNOSC … paragraph.` / `ZQNOSD …
 * ok.`) set no edge for each other.
 */
function wrapEdge(blocks: readonly Block[], block: Block, i: number): number {
  const edge = (b: Block, skip: number): number => {
    let right = -Infinity;
    for (let k = 0; k + 1 < b.lines.length; k++) {
      const l = b.lines[k]!;
      if (k === skip || b.breaks.has(k + 1) || (endsSentence(l, SENTENCE_END) && !/^\p{Ll}/u.test(lineStart(b.lines[k + 1]!.glyphs))) || !wrapped(b, k)) continue;
      right = Math.max(right, l.x1);
    }
    return right;
  };
  const own = edge(block, i);
  if (own > -Infinity) return own;
  let right = -Infinity;
  for (const b of blocks) if (b !== block && Math.abs(b.x0 - block.x0) < 0.3 * block.lines[i]!.size) right = Math.max(right, edge(b, -1));
  return right;
}

/**
 * True when a line piece opens with a footnote's number: 1 to 3 digits (or `*`, `†`, `‡`) set
 * raised or smaller than the line's text, or 1 to 3 digits then a blank or a word gap, with text
 * after them (`¹ Source …`, `2 ZQFND …`, `12\tSee …`).
 */
function opensWithNoteNumber(piece: LinePiece): boolean {
  const gs = piece.glyphs;
  let k = 0;
  while (k < gs.length && gs[k]!.blank) k++;
  const from = k;
  while (k < gs.length && k - from < 4 && /^[\d*†‡]$/u.test(gs[k]!.text)) k++;
  const n = k - from;
  if (n === 0 || n > 3) return false;
  let after = k;
  while (after < gs.length && gs[after]!.blank) after++;
  if (after >= gs.length) return false;
  const number = gs.slice(from, k);
  if (number.every((g) => g.size < 0.9 * piece.size || g.y > piece.y + 0.15 * piece.size)) return true;
  return number.every((g) => /^\d$/u.test(g.text)) && (after > k || wordGap(gs[k - 1]!, gs[after]!, tracking(gs)));
}

/**
 * True when line `i + 1` of `block`, under line `i` of a paragraph that opens with a (U) mark (every
 * line since read as its text; `joined`: read as line `i`'s wrap), is set apart from it as no wrap
 * is: in a clearly other size (see {@link otherSize}: a wrap keeps its line's size), or, not read
 * as a wrap, starting right of the middle of the line, beyond a first-line indent, neither centred
 * under it nor sharing its right edge (a right-aligned credit under a flush-left title). Read on, a
 * 9 pt byline or a right-aligned photo credit under a 14 pt (U) title, a 9 pt `Source:` line under
 * a (U) figure caption and a body paragraph under a 13 pt (U) heading with no space after it were
 * released as the (U) portion's text (probe 63b F1). Such a line opens a portion of its own
 * (unmarked: withheld in a classified document). (A line of the same size and edge under a (U)
 * heading ending no sentence still reads as its wrap: a wider rule, tried, withheld (U) glossaries
 * and prose in 70 SIDtoday texts.)
 */
function setApartFromU(block: Block, i: number, joined: boolean, head: LinePiece): boolean {
  const line = block.lines[i]!;
  const next = block.lines[i + 1]!;
  const em = line.size;
  if (pieceOpensItsOwn(next) || dropCapEdges(line)) return false;
  if (otherSize(line, next)) return true;
  if (!joined && newBlockUnder(block, i, head)) return true;
  // (No rule reads a line opening with a publisher's bar at the paragraph's edge as its wrap: an
  // unmarked paragraph whose mark a bar covers opens the same way, and was released: probe 64e F2.)
  // Half the line's width in at least: a wrap that starts a little in (after a name a publisher
  // removed, leaving white space) is a wrap still.
  if (joined || next.x0 - line.x0 < Math.max(0.3 * em, 0.5 * (line.x1 - line.x0)) || firstLineIndent(line, next)) return false;
  return Math.abs(next.x0 + next.x1 - line.x0 - line.x1) >= em && Math.abs(next.x1 - line.x1) >= 0.3 * em;
}

/**
 * True when `next` (line `i + 1` of `block`), at the left edge of the (U) line `i` above it and in
 * its size, is a block of its own by the layout, not the rest of a paragraph typed with hard line
 * breaks: `line` ends no sentence, clause or lead-in and was broken short (the first word of
 * `next`, which opens with no lower-case letter, would have fitted on it), and
 * - the two are set in faces of another weight (a bold heading over regular text: a wrap goes on
 *   in its line's face; see {@link weightOf}), or
 * - `next` lies further below `line` than the paragraph's lines lie apart on either side (a
 *   heading's space after it, under the paragraph break's 1.4: see {@link widerGap}), or
 * - the (U) paragraph opens with a caption's label (`(U) Table 1: …`, `(U) Figure 3 …`, `(U)
 *   Source: …`), or `next` opens a table's row (see {@link tableRow}).
 * Read on, a body paragraph under a (U) heading of its own size with no wider gap than this, and a
 * table under a (U) caption, were released with the (U) portion (probe 63b F1). The rule by
 * measure alone (broken short, nothing else) withheld 125 (U) lines of SIDtoday (glossaries under
 * `(U) Notes:`, prose after white space a publisher left): each signal here is a block's, never a
 * wrap's. A line of the same face, size and pitch under a short (U) heading still reads on.
 * Whatever its first letter, `next` is a block of its own too when its first word is set in another
 * face than the last word of `line` (see {@link otherFace}: a run-in bold heading, an italic line)
 * or when it runs to the right edge under a list of short lines (see {@link proseUnderList}):
 * `(U) … and` over `**ZQ5 …** ZQ6 …` or an italic `zq5 …` line, and a wrapped paragraph under a
 * (U) glossary, were released as the (U) text (probe 66e, OLD).
 */
function newBlockUnder(block: Block, i: number, head: LinePiece): boolean {
  const line = block.lines[i]!;
  const next = block.lines[i + 1]!;
  const em = line.size;
  if (Math.abs(next.x0 - line.x0) >= 0.3 * em || line.x1 + 0.3 * em + firstWordWidth(next) > block.x1 - 0.05 * em) return false;
  if (proseUnderList(block, i, head)) return true;
  if (endsSentence(line, /[.!?…:;]["'”’)\]]*$/u)) return false;
  if (otherFace(line, next)) return true;
  if (/^\p{Ll}/u.test(lineStart(next.glyphs))) return false;
  const [a, b] = [weightOf(line), weightOf(next)];
  return (a !== null && b !== null && a !== b) || widerGap(block, i) || CAPTION.test(lineStart(head.glyphs)) || tableRow(block, i + 1);
}

/** A caption's label after a (U) mark: `(U) Table 1:`, `(U//FOUO) Figure 3.`, `(U) Source: …`. */
const CAPTION = /^\(U(?:\/\/[^()]{1,40})?\) ?(?:(?:Table|Figure|Fig\.|Chart|Graph|Exhibit|Map|Photo|Image) [\dIVX]{1,3}\b|Source ?:)/u;

/** The weight of the face 90% of a line's seen letters at least are set in (`bold`: Bold, Black, Heavy, Semibold, Demi in its name), or null (none, or no font named). */
function weightOf(piece: LinePiece): 'bold' | 'regular' | null {
  return faceOf(piece.glyphs, false) as 'bold' | 'regular' | null;
}

/** A font name of a heavy weight (`Arial-BoldMT`, `Arial,Bold`, `DejaVuSerif-Bold`, `Calibri-Semibold`, `Helvetica-Black`). */
const BOLD_FACE = /bold|black|heavy|demi|[-,]bd\b/i;
/** A font name of a slanted face (`Verdana-Italic`, `Arial-ItalicMT`, `Helvetica-Oblique`, `Minion-BoldIt`). */
const ITALIC_FACE = /italic|oblique|[-,](?:bold)?it\b/i;

/**
 * The face (weight, and slant unless `slant` is false: `bold italic`, `regular upright`) that 90%
 * of the seen letters of `glyphs` at least are set in, or null (none, or a font not named).
 */
function faceOf(glyphs: readonly PageGlyph[], slant = true): string | null {
  const count = new Map<string, number>();
  let n = 0;
  for (const g of glyphs) {
    if (g.blank || g.unseen || !/\p{L}/u.test(g.text)) continue;
    if (g.font === undefined || g.font === '') return null;
    const weight = BOLD_FACE.test(g.font) ? 'bold' : 'regular';
    const f = slant ? `${weight} ${ITALIC_FACE.test(g.font) ? 'italic' : 'upright'}` : weight;
    count.set(f, (count.get(f) ?? 0) + 1);
    n++;
  }
  for (const [f, k] of count) if (k >= 0.9 * n) return f;
  return null;
}

/**
 * True when the first word of `next` is set in another weight or slant than both the last word of
 * `line` and most of `line`: a wrap goes on in the face its line is set in (a run-in bold heading,
 * `**ZQ5 …** ZQ6 …`, and an italic line open a block of their own), or in the face of the word it
 * breaks after (`… some ***exciting***` / `times. …`, SIDtoday 2005-05-20, an emphasised word, goes
 * on in the line's face). A face not known: false.
 */
function otherFace(line: LinePiece, next: LinePiece): boolean {
  const words = (p: LinePiece): PageGlyph[][] => {
    const out: PageGlyph[][] = [];
    const track = tracking(p.glyphs);
    let word: PageGlyph[] = [];
    for (const g of p.glyphs) {
      if (g.blank || (word.length > 0 && wordGap(word[word.length - 1]!, g, track))) {
        if (word.length > 0) out.push(word);
        word = g.blank ? [] : [g];
      } else word.push(g);
    }
    if (word.length > 0) out.push(word);
    return out.filter((w) => w.some((g) => /\p{L}/u.test(g.text)));
  };
  const a = words(line).at(-1);
  const b = words(next)[0];
  if (a === undefined || b === undefined) return false;
  const [fa, fb, fl] = [faceOf(a), faceOf(b), faceOf(line.glyphs)];
  return fa !== null && fb !== null && fl !== null && fb !== fa && fb !== fl;
}

/**
 * True when line `i + 1` of `block` runs to the right edge (it wraps onto the line under it) under
 * a list: a run of at least LIST_LINES lines since `head` none of which wrapped, one at least broken
 * short of the run's own right edge (a glossary's `Tn = …` lines under `(U) Notes:`). The shape
 * changes from a list to prose, a paragraph of its own (probe 66e g4: `ZQ1 count = forty two
 * agents …`, wrapped, under a (U) glossary, was released with it). Lines that each fill a column
 * narrowed by a picture or a sidebar beside them (SIDtoday's `… Excellence is` / `having a stake
 * …`), or go on in lower case (a sentence running across them, `… suggested that` / `people are
 * good …`), are prose that widens below it, no list. A line of the list's own shape under it is
 * one more of its lines, as far as the page shows.
 */
function proseUnderList(block: Block, i: number, head: LinePiece): boolean {
  if (i + 2 >= block.lines.length || block.breaks.has(i + 2) || !wrapped(block, i + 1)) return false;
  let from = i;
  for (; block.lines[from] !== head; from--) if (from === 0 || block.breaks.has(from) || wrapped(block, from - 1)) return false;
  if (i - from + 1 < LIST_LINES) return false;
  const run = block.lines.slice(from, i + 1);
  if (run.some((l, k) => k > 0 && /^\p{Ll}/u.test(lineStart(l.glyphs)))) return false;
  const right = Math.max(...run.map((l) => l.x1));
  return run.some((l, k) => k + 1 < run.length && l.x1 + 0.3 * l.size + firstWordWidth(run[k + 1]!) <= right - 0.05 * l.size);
}

/** The fewest short lines (the head's among them) that make a list a wrapped line may not go on. */
const LIST_LINES = 3;

/**
 * True when line `i + 1` of `block` lies more than 8% further below line `i` than the lines of
 * their paragraph lie apart right above and right below (whichever there are; false with neither).
 */
function widerGap(block: Block, i: number): boolean {
  const ls = block.lines;
  const gap = ls[i]!.y - ls[i + 1]!.y;
  const near: number[] = [];
  if (i > 0 && !block.breaks.has(i)) near.push(ls[i - 1]!.y - ls[i]!.y);
  if (i + 2 < ls.length && !block.breaks.has(i + 2)) near.push(ls[i + 1]!.y - ls[i + 2]!.y);
  return near.length > 0 && near.every((g) => g > 0 && gap > 1.08 * g);
}

/**
 * True when line `j` of `block` opens a table's row: a word after a gap of 0.6 em or more starts
 * where one does on the next line of its paragraph (within 0.15 em), a cell's column.
 */
function tableRow(block: Block, j: number): boolean {
  const row = block.lines[j]!;
  const below = block.lines[j + 1];
  if (below === undefined || block.breaks.has(j + 1)) return false;
  const cells = (p: LinePiece): number[] => openHoles(p.glyphs).flatMap((h) => (h.gap >= 0.6 * p.size ? [p.glyphs[h.at]!.x0] : []));
  const under = cells(below);
  return cells(row).some((x) => under.some((u) => Math.abs(u - x) < 0.15 * row.size));
}

/**
 * True when two line pieces are set in clearly different sizes: the size most of their letters have
 * and the size of their largest letter both differ by more than 8% (11 pt under a 12 pt heading, 9
 * under 10): a wrap keeps its line's size. Both, so that a line set mostly in small caps (its
 * capitals at full size: probe 63e F4) and a line with a sample set large inside it (`I use
 * Verdana 18`, SIDtoday 2005-07-01) are no other size; letters only, so that dot leaders, digits and
 * superscript numbers decide nothing (F3).
 */
function otherSize(a: LinePiece, b: LinePiece): boolean {
  const [ma, xa] = letterSizes(a);
  const [mb, xb] = letterSizes(b);
  const apart = (p: number, q: number): boolean => Math.max(p, q) > 1.08 * Math.min(p, q);
  return apart(ma, mb) && apart(xa, xb);
}

/** The size most of a line piece's seen letters have, and the largest (its own size if it has none). */
function letterSizes(piece: LinePiece): [number, number] {
  const count = new Map<number, number>();
  let largest = 0;
  for (const g of piece.glyphs) {
    if (g.blank || g.unseen || !/\p{L}/u.test(g.text)) continue;
    count.set(g.size, (count.get(g.size) ?? 0) + 1);
    largest = Math.max(largest, g.size);
  }
  let most = piece.size;
  let n = 0;
  for (const [size, k] of count) if (k > n) [most, n] = [size, k];
  return [most, largest > 0 ? largest : piece.size];
}

/**
 * True when `next` starts a first-line indent to the right of `line`'s left edge (0.3 to 4 em in):
 * a new paragraph's first line, which a wrap never is (its lines start at the paragraph's left
 * edge). `(U) Public footnote text.` over `      ZQFOOTC unmarked …` was read on as the (U)
 * paragraph's rest and released (probe 59b, F4). Lines of a hanging indent under `line` (a
 * field's, see hangingEdges) were joined before this is asked; a next line out to the left of
 * `line` (the outdented first line of a hanging list item) is not an indent.
 */
function firstLineIndent(line: LinePiece, next: LinePiece): boolean {
  const indent = next.x0 - line.x0;
  return indent >= 0.3 * line.size && indent <= 4 * line.size;
}

/** True when the lines of `block` from `j` on, up to its next paragraph break or its end, are one text line (each wraps onto the next). */
function lastRun(block: Block, j: number): boolean {
  for (let k = j; k + 1 < block.lines.length && !block.breaks.has(k + 1); k++) if (!wrapped(block, k)) return false;
  return true;
}

/** The width of the first word of a line piece: up to its first blank glyph or word gap. */
function firstWordWidth(piece: LinePiece): number {
  const gs = piece.glyphs;
  const track = tracking(gs);
  let k = 0;
  while (k < gs.length && gs[k]!.blank) k++;
  const from = gs[k]?.x0 ?? piece.x0;
  while (k + 1 < gs.length && !gs[k + 1]!.blank && !wordGap(gs[k]!, gs[k + 1]!, track)) k++;
  return (gs[k]?.x1 ?? piece.x0) - from;
}

/** A line's start that opens with a portion mark, after at most a bullet or a number (see opensWithU). */
const U_OPENING = new RegExp(`^(?:${BULLET_CHARS} ?|\\d{1,3}[.)]? ?)?(\\([^()]{1,60}\\))`, 'u');

/**
 * True when a line piece opens with a portion mark at U (`(U) …`, `2(U) …` a footnote's, `•
 * (U//FOUO) …`), after at most a bullet or a number: the paragraph it opens is released where
 * the document is classified, so what goes on with it must be its text (see brokenShort).
 */
function opensWithU(piece: LinePiece): boolean {
  const m = U_OPENING.exec(lineStart(piece.glyphs));
  if (!m) return false;
  const read = parseMarking(m[1]!, 'portion');
  return read.ok && read.marking.level === 'U';
}

/**
 * SIDtoday's date line (`Run Date: 07/13/2006`) opens a line of its own: never the wrap of the
 * author's line above it (`Operations Chief, Yakima Research Station (F92)` filling its line), or
 * the document reader, which reads date lines at a line's start, lost the article's date
 * (`originated` unknown, an empty Date column in the Vaughn index, no date for a 25-year rule).
 */
const RUN_DATE_LABEL = /^Run\s+Dates?\s*:/i;

/**
 * A line of a classification authority block opens with its label (`Derived From:`, `Declassify
 * On:`): never the wrap of the line above. The block's short lines were joined into one (the
 * index named the classifier `Jane Roe, Chief Derived From: Multiple Sources Declassify On: …`).
 */
const AUTHORITY_LABEL = /^(?:Classified\s+By|Derived\s+From|Declassify\s+On|Declassified\s+On|Declassification\s+Date|Reasons?|Classification\s+Reasons?)\s*:/i;

/** A line of classification words only, as a banner writes them (`SECRET//NOFORN`, `TOP SECRET//SI//REL TO USA, FVEY`). */
const BANNER_ONLY = /^(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)(?:[ \t]*\/\/[ \t]*[A-Z][A-Z0-9 ,/-]*)?$/;

/** A first word that opens something of its own: a parenthesis (a mark), a bullet or a number (see opensItsOwn). */
const OPENER = new RegExp(`^(?:\\(|${BULLET_CHARS}|\\d+[.)])`, 'u');

/**
 * True when a line opens something of its own, so that it is no plain continuation of the line
 * above: a mark, bullet or number (`first`, its first word), or a mark in a form the readers do not
 * read but withhold where a mark belongs (`<S>`, `{S}`, `S//NF)`, at `start`, the line's start).
 * Joined, it would be read inside the paragraph above, under that one's mark.
 */
function opensItsOwn(first: string, start: string): boolean {
  return (OPENER.test(first) && !DOTTED_INITIALS.test(first)) || readLookalikeMark(start, 0) !== null || footnoteOpening(start);
}

/** A note's number (NOTE_NUMBER: an endnote's `ii(U) …` too) and its mark. */
const FOOTNOTE_OPENING = new RegExp(`^${NOTE_NUMBER} ?(\\([^()]{1,60}\\))`);

/**
 * A footnote's number and its mark (`1(U) Public footnote …`, as LibreOffice sets them, or `2 (S//NF)
 * …`): a note's number, then a portion mark the grammar reads. Joined to the line above, the
 * footnotes under one another were read as one unmarked paragraph.
 */
function footnoteOpening(start: string): boolean {
  const m = FOOTNOTE_OPENING.exec(start);
  return m !== null && parseMarking(m[1]!, 'portion').ok;
}

/**
 * A parenthesis opening on a dotted abbreviation (`(U.S. Foreign and Security Policy …)`,
 * `(U.K.`, `(U.N.`): words of the sentence, which a wrap put at a line's start, never a mark (no
 * mark has a dot after its level). Taken for an opener, the line and the rest of its paragraph
 * were cut from the (U//FOUO) paragraph they end and withheld as unmarked text.
 */
const DOTTED_INITIALS = /^\((?:\p{Lu}\.){2,}/u;

/** True when a line piece opens with a mark, bullet or number (see opensItsOwn). */
function pieceOpensItsOwn(piece: LinePiece): boolean {
  if (drawnBullets.has(piece)) return true;
  const start = lineStart(piece.glyphs);
  return opensItsOwn(start.split(' ', 1)[0]!, start);
}

/**
 * Where the further lines of a field hang when `line` opens with a label, bullet or number before
 * its mark (`Title: (U) OPERATION EXAMPLE;`, `• (S) Partner access …`): the left edges of the
 * mark and of the text after it. Null otherwise. A line set in at one of them, under it, goes on
 * with the field (`IT - OTHER;`), as the text reader takes a hanging indent
 * (../../parse/document/group.ts): read as a paragraph of its own it was unmarked text.
 */
function hangingEdges(line: LinePiece): readonly number[] | null {
  const glyphs = line.glyphs;
  const limit = Math.min(glyphs.length, 48);
  const track = tracking(glyphs);
  for (let k = 1; k < limit; k++) {
    // A mark opens after a blank or a gap (`Title: (U)`), not inside a word (`Enclosure(s):`).
    if (glyphs[k]!.text !== '(' || !(glyphs[k - 1]!.blank || wordGap(glyphs[k - 1]!, glyphs[k]!, track))) continue;
    let raw = '';
    let j = k;
    for (; j < glyphs.length && j < k + 40 && glyphs[j]!.text !== ')'; j++) raw += glyphs[j]!.blank ? ' ' : glyphs[j]!.text;
    if (j >= glyphs.length || glyphs[j]!.text !== ')' || !parseMarking(`${raw})`, 'portion').ok) continue;
    let after = j + 1;
    while (after < glyphs.length && glyphs[after]!.blank) after++;
    return after < glyphs.length ? [glyphs[k]!.x0, glyphs[after]!.x0] : null;
  }
  return null;
}

/**
 * True when `next` starts at one of `edges` (right of the left edge of the line that opened the
 * field: something stood before its mark) and opens with no mark, bullet or number.
 */
function hangsAt(edges: readonly number[], line: LinePiece, next: LinePiece): boolean {
  const tolerance = 0.3 * line.size;
  if (!edges.some((x) => Math.abs(next.x0 - x) < tolerance) || drawnBullets.has(next)) return false;
  const start = lineStart(next.glyphs);
  return !start.startsWith('[') && !opensItsOwn(start, start);
}

/**
 * A raised smaller digit right after a digit on the line (a citation `UQ130⁵`, `1944²`): read glued,
 * the two were one number (`UQ1305`, probe 65c F7). A word space parts them; after a letter the
 * citation stays glued (`reference¹` reads `reference1`, no number changes).
 */
function raisedDigitAfter(prev: PageGlyph, g: PageGlyph): boolean {
  return /^\d$/.test(prev.text) && /^\d$/.test(g.text) && g.size <= SUPERSCRIPT_SCALE * prev.size && g.y - prev.y > 0.1 * prev.size;
}

/**
 * True when the gap between two glyphs of a line is a word space (no blank glyph drawn in it):
 * wider than {@link WORD_GAP_EM}, over the line's tracking (`track`, in em, see {@link tracking}).
 */
function wordGap(prev: PageGlyph, g: PageGlyph, track = 0): boolean {
  return g.x0 - prev.x1 > (track + WORD_GAP_EM) * g.size;
}

/** Gaps between letters of a tracked line lie this close (em) to its tracking: kerning (`YA`, `Te`) within it. */
const TRACKING_SPREAD_EM = 0.1;
/** A word gap of a tracked line without a blank glyph is at least this much (em) wider than its tracking. */
const TRACKED_WORD_EM = 0.2;
/** Fewest gaps between letters that make a tracking. */
const TRACKED_LETTERS = 3;

/** The tracking of each line piece's glyphs, worked out once (0: none). */
const trackings = new WeakMap<readonly PageGlyph[], number>();

/**
 * The even letter spacing (in em) of a line whose every two letters stand apart (CSS
 * `letter-spacing`, the PDF's `Tc`), or 0: the median of its gaps between letters not parted by a
 * blank is wider than {@link WORD_GAP_EM}, at least {@link TRACKED_LETTERS} of them lie within
 * {@link TRACKING_SPREAD_EM} of it (a kerned pair, `LU` at 3px of tracking, comes closer than a
 * word gap), and every other gap is at least {@link TRACKED_WORD_EM} wider (a word gap). Each letter of `(S//NF) ZQYANK25 HEADING` with 0.3 em of tracking
 * was read as a word: the mark read `( S / / N F )`, an unknown marking, and a (U) heading was
 * released as `( U ) A N N U A L`. A line with one gap that is neither (or one tight pair of
 * letters) has no tracking: it is read as before, which withholds.
 */
function tracking(glyphs: readonly PageGlyph[]): number {
  const known = trackings.get(glyphs);
  if (known !== undefined) return known;
  const gaps: number[] = [];
  for (let i = 1; i < glyphs.length; i++) {
    const a = glyphs[i - 1]!;
    const b = glyphs[i]!;
    if (a.blank || b.blank) continue;
    const gap = (b.x0 - a.x1) / b.size;
    // Too tight for a letter of any tracking (its median over WORD_GAP_EM): untracked text.
    if (!(gap > WORD_GAP_EM - TRACKING_SPREAD_EM)) {
      gaps.length = 0;
      break;
    }
    gaps.push(gap);
  }
  let track = 0;
  if (gaps.length >= TRACKED_LETTERS) {
    const m = [...gaps].sort((x, y) => x - y)[gaps.length >> 1]!;
    const letters = gaps.filter((g) => Math.abs(g - m) <= TRACKING_SPREAD_EM).length;
    const words = gaps.filter((g) => g >= m + TRACKED_WORD_EM).length;
    if (m > WORD_GAP_EM && letters >= TRACKED_LETTERS && letters + words === gaps.length) track = m;
  }
  trackings.set(glyphs, track);
  return track;
}

/** The text of a line's first glyphs, spaced as TextBuilder.line spaces it: enough to read a mark at its start. */
function lineStart(glyphs: readonly PageGlyph[]): string {
  let text = '';
  let prev: PageGlyph | null = null;
  let space = false;
  const track = tracking(glyphs);
  for (let i = 0; i < glyphs.length && text.length < 72; i++) {
    const g = glyphs[i]!;
    if (g.blank) {
      space = prev !== null;
      continue;
    }
    if (prev && (space || wordGap(prev, g, track))) text += ' ';
    text += g.text;
    prev = g;
    space = false;
  }
  return text;
}

/**
 * The dark filled rectangles a page draws (one path of three to five straight segments, filled
 * near black, not a clip): what a publisher's redaction box is drawn as. The layout lets one
 * bridge a gap inside a line (./lines.ts, bridged).
 */
function darkBoxes(content: PageContent): Rect[] {
  const out: Rect[] = [];
  for (const path of content.paths) if (path.dark && !path.clip && path.curves === 0 && path.segments >= 3 && path.segments <= 5) out.push(path.bbox);
  return out;
}

/**
 * U+00AD, what a glyph drawn where a wrap broke a word at an optional hyphen is mapped to. Joined
 * to the next line (brokenAtHyphen), it is no character of the text: the word reads whole
 * (`example`, not `exam\u00ADple` or `exam\u00AD ple`, which the release text said), its glyph's
 * box the letter's before it, so that a span withholding the word removes the hyphen too.
 */
const SOFT_HYPHEN = '\u00AD';

/** Words a suspended hyphen comes before (`macro- and micro-economic`): the line's blank stays. */
const AFTER_SUSPENDED_HYPHEN = new Set(['and', 'or', 'nor', 'to']);

/**
 * True when `line` ends in a word its wrap broke at a hyphen or a double hyphen (`over-the-` over
 * `horizon`, `made--` over `watch`), the next line going on in lower case: the two are joined
 * without the blank a wrap gets, as a reader reads them (the release text said `over-the- horizon`).
 * The words the leak checks compare are the same either way (they split at hyphens).
 */
function brokenAtHyphen(line: LinePiece, next: LinePiece): boolean {
  const gs = line.glyphs;
  let i = gs.length - 1;
  while (i >= 0 && gs[i]!.blank) i--;
  // A soft hyphen shows only where a wrap breaks a word: the word goes on, whatever the next line opens with.
  if (i > 0 && gs[i]!.text === SOFT_HYPHEN) return !gs[i - 1]!.blank;
  let k = i;
  while (k >= 0 && k > i - 2 && !gs[k]!.blank && gs[k]!.text === '-') k--;
  if (k === i || k < 0) return false;
  const track = tracking(gs);
  for (let j = k; j < i; j++) if (gs[j + 1]!.blank || wordGap(gs[j]!, gs[j + 1]!, track)) return false;
  if (!/\p{L}$/u.test(gs[k]!.text)) return false;
  const first = next.glyphs.findIndex((g) => !g.blank);
  if (first < 0 || !/^\p{Ll}/u.test(next.glyphs[first]!.text)) return false;
  let word = '';
  for (let j = first; j < next.glyphs.length && !next.glyphs[j]!.blank && /^\p{L}+$/u.test(next.glyphs[j]!.text) && word.length < 5; j++) word += next.glyphs[j]!.text;
  return !AFTER_SUSPENDED_HYPHEN.has(word);
}

/**
 * The refusal of the first private-use glyph of the page read as a bullet (glyphs.ts, bulletOf)
 * that stands nowhere a list's bullet stands, or null: a bullet is the first inked glyph of its
 * line piece, a blank or a word gap after it, and text after that. LibreOffice draws its default
 * bullet in OpenSymbol mapped to U+F095, Word in Symbol to U+F0B7: refused as unreadable text,
 * every bulleted memo was. Inside a word, in a run of them or alone on a line, such a glyph may be
 * text the tool cannot read, and the page is refused as before (fail closed).
 */
function unplacedBullet(glyphs: readonly PageGlyph[], blocks: readonly Block[]): string | null {
  const first = glyphs.find((g) => g.bullet !== undefined);
  if (first === undefined) return null;
  const placed = new Set<PageGlyph>();
  for (const b of blocks) {
    for (const l of b.lines) {
      const gs = l.glyphs;
      let i = 0;
      while (i < gs.length && gs[i]!.blank) i++;
      const bullet = gs[i];
      if (bullet?.bullet === undefined) continue;
      let j = i + 1;
      while (j < gs.length && gs[j]!.blank) j++;
      const next = gs[j];
      if (next !== undefined && next.bullet === undefined && (j > i + 1 || wordGap(bullet, next))) placed.add(bullet);
    }
  }
  return glyphs.find((g) => g.bullet !== undefined && !placed.has(g))?.bullet ?? null;
}

/** Read the text layer of a PDF. Throws PdfInputError (one line) for a file that cannot be read, or whose text cannot (a scan: `no text layer: …`). */
export async function readPdfLayout(bytes: Uint8Array): Promise<PdfLayout> {
  const objs = await readPdfObjects(bytes);
  const { glyphs, sizes, contents } = pageGlyphs(objs);
  const t = new TextBuilder();
  // Loops, not callbacks made per document (see ../content/interpret.ts: the optimised code of
  // closures made per call did not outlive full GCs).
  for (let p = 0; p < glyphs.length; p++) {
    if (p > 0) t.add('\f', null);
    const blocks = pageBlocks(glyphs[p]!, pieceOpensItsOwn, darkBoxes(contents[p]!), verticalRules(contents[p]!), horizontalRules(contents[p]!));
    const unplaced = unplacedBullet(glyphs[p]!, blocks);
    if (unplaced !== null) throw new PdfInputError(unplaced);
    for (const l of drawnMarkers(blocks, contents[p]!, glyphs[p]!, plainWrap)) drawnBullets.add(l);
    for (let k = 0; k < blocks.length; k++) {
      const b = blocks[k]!;
      if (k > 0) t.add('\n', null);
      t.block++;
      // The left edge lines hang at under a field's lead mark (see hangingEdges), while they do.
      let hang: readonly number[] | null = null;
      // The text line being read is the first of a paragraph that opens with a (U) mark (see brokenShort).
      let underU = false;
      // The line being read goes on with a paragraph that opens with a (U) mark (see setApartFromU).
      let inU = false;
      // The first line of the paragraph being read (see newBlockUnder).
      let head = b.lines[0]!;
      let opens = true;
      let join = false;
      for (let i = 0; i < b.lines.length; i++) {
        const l = b.lines[i]!;
        if (b.breaks.has(i)) t.add('\n', null);
        if (opens || b.breaks.has(i) || pieceOpensItsOwn(l)) {
          underU = inU = opensWithU(l);
          head = l;
        } else if (!join) underU = false;
        const next = b.lines[i + 1];
        join = false;
        opens = false;
        if (next && !b.breaks.has(i + 1)) {
          const edges: readonly number[] | null = hang ?? hangingEdges(l);
          hang = edges && hangsAt(edges, l, next) ? [next.x0] : null;
          join = hang !== null || wrapped(b, i);
          opens = !join && brokenShort(b, i, underU);
          if (hang === null && ((underU && opensAfterU(blocks, b, i, join)) || (inU && setApartFromU(b, i, join, head)))) [join, opens] = [false, true];
        } else hang = null;
        t.line(p, l, join ? (next && brokenAtHyphen(l, next) ? '' : ' ') : opens ? '\n\n' : '\n');
      }
    }
  }
  return { text: t.text(), pages: glyphs.length, sizes, lines: t.lines, boxes: t.boxArray(), parsed: { objects: objs, pages: contents } };
}

/**
 * The rectangles that the text `[start, end)` covers: one per line it touches, from the left
 * edge of its first glyph there to the right edge of its last, and from 0.15 em below the
 * baseline to 0.6 em above it (inside the line, clear of the lines around it). Every glyph shown
 * by a character of the span intersects its rectangle; no glyph outside the span on that line does.
 */
export function spanRegions(layout: PdfLayout, start: number, end: number): SpanRegion[] {
  const out: SpanRegion[] = [];
  for (const l of linesIn(layout, start, end)) {
    // Set in by 0.01 from a glyph with width (so that a neighbour it touches is not hit), not from
    // one without: a zero-width glyph at the line's edge (U+200B, or a word of a font whose widths
    // are 0) lay outside the inset region and stayed in the release, and a line of only such
    // glyphs (x0 = x1) got no region at all.
    const tall = tallFrom(layout, l);
    let x0 = Infinity;
    let x1 = -Infinity;
    let t: [number, number, number, number] | null = null;
    for (let i = Math.max(start, l.start); i < Math.min(end, l.end); i++) {
      const a = layout.boxes[4 * i]!;
      if (Number.isNaN(a)) continue;
      const b = layout.boxes[4 * i + 2]!;
      const inset = b - a > 0.02 ? 0.01 : 0;
      const y0 = layout.boxes[4 * i + 1]!;
      const h = layout.boxes[4 * i + 3]! - y0;
      if (h > tall) {
        // Inside the glyph's box, around the point at 35% of its height that the release check probes.
        t = t ? [Math.min(t[0], a + inset), Math.min(t[1], y0 + 0.06 * h), Math.max(t[2], b - inset), Math.max(t[3], y0 + 0.74 * h)] : [a + inset, y0 + 0.06 * h, b - inset, y0 + 0.74 * h];
        continue;
      }
      x0 = Math.min(x0, a + inset);
      x1 = Math.max(x1, b - inset);
    }
    if (x0 <= x1) out.push({ page: l.page, rect: [x0, l.y - 0.15 * l.size, x1, l.y + 0.6 * l.size] });
    if (t) out.push({ page: l.page, rect: t });
  }
  return out;
}

/**
 * The point of each inked glyph of the span `start`–`end` that the release check probes (see
 * probePoint), with its page and offset in the text.
 */
export function spanProbes(layout: PdfLayout, start: number, end: number): { page: number; at: number; x: number; y: number }[] {
  const out: { page: number; at: number; x: number; y: number }[] = [];
  for (const l of linesIn(layout, start, end)) {
    for (let i = Math.max(start, l.start); i < Math.min(end, l.end); i++) {
      const a = layout.boxes[4 * i]!;
      if (Number.isNaN(a) || /\s/u.test(layout.text[i]!)) continue;
      const [x, y] = probePoint(a, layout.boxes[4 * i + 1]!, layout.boxes[4 * i + 2]!, layout.boxes[4 * i + 3]!);
      out.push({ page: l.page, at: i, x, y });
    }
  }
  return out;
}

/**
 * The height over which a glyph box of line `l` is a drop cap's (../layout/lines.ts joins a drop
 * cap to the first line beside it, at that line's baseline and size): 1.4 times its lowest box.
 * Such a glyph gets a rectangle of its own: the line's band lay under the middle of the large
 * `(S)`, which the release check then counted as released text, and the band grown to cover it
 * would cover the line above.
 */
function tallFrom(layout: PdfLayout, l: LayoutLine): number {
  let low = Infinity;
  for (let i = l.start; i < l.end; i++) {
    const h = layout.boxes[4 * i + 3]! - layout.boxes[4 * i + 1]!;
    if (h > 0) low = Math.min(low, h);
  }
  return 1.4 * low;
}

/** The lines that `[start, end)` overlaps (binary search over the sorted lines). */
function linesIn(layout: PdfLayout, start: number, end: number): LayoutLine[] {
  const lines = layout.lines;
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: LayoutLine[] = [];
  for (let i = lo; i < lines.length && lines[i]!.start < end; i++) out.push(lines[i]!);
  return out;
}
