/**
 * Word wrapping for fixed-width text with inline boxes, used by the PDF layouts.
 *
 * A line is a list of parts: styled text, or a box (an inline redaction) of a given width in
 * characters with a label printed inside it. Lines wrap at spaces to a column count; a word
 * (a run of text and boxes with no space between them) is only broken when it is wider than a
 * whole row. Spaces at a wrap point are dropped; leading spaces of the line (indentation) are kept.
 * Pure, and measured in characters: every Courier glyph has the same advance.
 */

/** One input part of a line. `text` must already be mapped (no tabs, no controls). */
export type WrapPart<S> =
  | { readonly kind: 'text'; readonly text: string; readonly style: S }
  | {
      readonly kind: 'box';
      /** Width in characters (at least 1). */
      readonly width: number;
      /** Printed inside the box; the box is widened to `label.length + 2` when narrower. */
      readonly label: string;
      readonly style: S;
    };

/** A part placed on a row, at a 0-based column. */
export type Placed<S> =
  | { readonly kind: 'text'; readonly col: number; readonly text: string; readonly style: S }
  | { readonly kind: 'box'; readonly col: number; readonly width: number; readonly label: string; readonly style: S };

/** One output row: placed parts, left to right, non-overlapping. */
export type Row<S> = readonly Placed<S>[];

type Frag<S> =
  | { readonly kind: 'text'; readonly text: string; readonly style: S }
  | { readonly kind: 'box'; readonly width: number; readonly label: string; readonly style: S };

type Token<S> =
  | { readonly kind: 'space'; readonly text: string; readonly style: S }
  | { readonly kind: 'word'; readonly frags: readonly Frag<S>[]; readonly width: number };

/** Padding (in characters) kept around a box label: one character on each side. */
export const BOX_LABEL_PADDING = 2;

/** The width a box must have to hold its label. */
export function boxWidth(width: number, label: string): number {
  return Math.max(1, Math.floor(width), label.length === 0 ? 0 : label.length + BOX_LABEL_PADDING);
}

function tokenize<S>(parts: readonly WrapPart<S>[]): Token<S>[] {
  const tokens: Token<S>[] = [];
  let frags: Frag<S>[] = [];
  let width = 0;
  const flushWord = (): void => {
    if (frags.length > 0) tokens.push({ kind: 'word', frags, width });
    frags = [];
    width = 0;
  };
  for (const part of parts) {
    if (part.kind === 'box') {
      const w = boxWidth(part.width, part.label);
      frags.push({ kind: 'box', width: w, label: part.label, style: part.style });
      width += w;
      continue;
    }
    // Runs of spaces and of other characters, in order (a scan: `split(/( +)/)` cost twice as much).
    const text = part.text;
    for (let at = 0; at < text.length; ) {
      const space = text.charCodeAt(at) === 0x20;
      let end = at + 1;
      while (end < text.length && (text.charCodeAt(end) === 0x20) === space) end++;
      const piece = text.slice(at, end);
      at = end;
      if (space) {
        flushWord();
        tokens.push({ kind: 'space', text: piece, style: part.style });
      } else {
        frags.push({ kind: 'text', text: piece, style: part.style });
        width += piece.length;
      }
    }
  }
  flushWord();
  return tokens;
}

/**
 * Wrap one line to `columns` characters (at least 1). Always returns at least one row (an empty
 * row for an empty line). Adjacent text of the same style on a row is merged into one part.
 */
export function wrapParts<S>(parts: readonly WrapPart<S>[], columns: number): Row<S>[] {
  const cols = Math.max(1, Math.floor(columns));
  // Fast path: a line of one style that fits (nearly every line of a cable wrapped at 70).
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (only !== undefined && only.kind === 'text' && only.text.length <= cols) {
    const text = only.text.trimEnd();
    return [text === '' ? [] : [{ kind: 'text', col: 0, text, style: only.style }]];
  }
  const rows = new RowBuilder<S>(cols);
  for (const token of tokenize(parts)) {
    if (token.kind === 'space') rows.addSpace(token.text, token.style);
    else rows.addWord(token);
  }
  return rows.rows;
}

type MutablePlaced<S> = { kind: 'text'; col: number; text: string; style: S } | Placed<S>;

/** Rows being filled: the current column, and the spaces waiting for the next word. */
class RowBuilder<S> {
  readonly rows: MutablePlaced<S>[][] = [[]];
  private col = 0;
  private pending: { text: string; style: S }[] = [];

  constructor(private readonly cols: number) {}

  /** Spaces: kept until a word follows on the same row (dropped at a wrap point). */
  addSpace(text: string, style: S): void {
    this.pending.push({ text, style });
  }

  /** A word: on this row when it fits, else on the next; a word wider than a row is broken. */
  addWord(token: Extract<Token<S>, { kind: 'word' }>): void {
    const spaces = this.pending.reduce((n, p) => n + p.text.length, 0);
    if (this.col + spaces + token.width <= this.cols) {
      this.flushPending();
    } else if (token.width <= this.cols) {
      this.newRow();
    } else {
      // A word wider than a row: start it where it is if some room is left, then break it.
      if (this.col + spaces < this.cols && this.col + spaces > 0) this.flushPending();
      else if (this.col > 0) this.newRow();
      else this.pending = [];
      for (const frag of token.frags) {
        if (frag.kind === 'text') this.placeBrokenText(frag.text, frag.style);
        else this.placeBrokenBox(frag.width, frag.label, frag.style);
      }
      return;
    }
    for (const frag of token.frags) {
      if (frag.kind === 'text') this.putText(frag.text, frag.style);
      else this.putBox(frag.width, frag.label, frag.style);
    }
  }

  private newRow(): void {
    this.rows.push([]);
    this.col = 0;
    this.pending = [];
  }

  private putText(text: string, style: S): void {
    if (text === '') return;
    const row = this.rows[this.rows.length - 1]!;
    const last = row[row.length - 1];
    if (last !== undefined && last.kind === 'text' && last.style === style && last.col + last.text.length === this.col) {
      (last as { text: string }).text += text;
    } else {
      row.push({ kind: 'text', col: this.col, text, style });
    }
    this.col += text.length;
  }

  private putBox(width: number, label: string, style: S): void {
    this.rows[this.rows.length - 1]!.push({ kind: 'box', col: this.col, width, label, style });
    this.col += width;
  }

  private flushPending(): void {
    for (const p of this.pending) this.putText(p.text, p.style);
    this.pending = [];
  }

  private placeBrokenText(text: string, style: S): void {
    let rest = text;
    while (rest.length > 0) {
      if (this.col >= this.cols) this.newRow();
      const room = this.cols - this.col;
      this.putText(rest.slice(0, room), style);
      rest = rest.slice(room);
    }
  }

  /**
   * Each piece of a broken box carries the whole label when it fits a row; a label longer than
   * a row is split over the pieces instead, so it is never clipped.
   */
  private placeBrokenBox(width: number, label: string, style: S): void {
    const need = label.length === 0 ? 1 : label.length + BOX_LABEL_PADDING;
    if (need > this.cols) {
      this.placeBoxWithSplitLabel(width, label, style);
      return;
    }
    let left = width;
    while (left > 0) {
      let room = this.cols - this.col;
      if (room < need) {
        this.newRow();
        room = this.cols;
      }
      // The last piece is widened so its label fits (need <= cols, so it still fits the row).
      const w = Math.max(Math.min(room, left), need);
      this.putBox(w, label, style);
      left -= w;
    }
  }

  /** A box whose label is wider than a row: one piece per row of the label, then the rest unlabelled. */
  private placeBoxWithSplitLabel(width: number, label: string, style: S): void {
    const cols = this.cols;
    const chunk = Math.max(1, cols - BOX_LABEL_PADDING);
    const labels = wrapParts([{ kind: 'text', text: label, style: null }], chunk).map((r) => r.map((p) => (p.kind === 'text' ? p.text : '')).join(''));
    let left = width;
    labels.forEach((piece, i) => {
      if (this.col > 0) this.newRow();
      const last = i === labels.length - 1;
      const w = last ? Math.min(cols, Math.max(piece.length + BOX_LABEL_PADDING, left)) : cols;
      this.putBox(w, piece, style);
      left -= w;
    });
    while (left > 0) {
      if (this.col >= cols) this.newRow();
      const w = Math.min(cols - this.col, left);
      this.putBox(w, '', style);
      left -= w;
    }
  }
}
