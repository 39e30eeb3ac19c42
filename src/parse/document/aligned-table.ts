/**
 * Plain-text tables whose columns are aligned with spaces or tabs, not drawn with `|` (probe 62a
 * F4). In such a table a mark at a row's start marks only the first cell, as in a grid table, and
 * an unmarked row is a row of its own, never the wrap of the row above: read as text, `(U) Bob
 * is the source` was released whole as (U), and the unmarked row under it with it.
 *
 * A block of rows is two or more consecutive lines (no blank line between) whose cells are
 * separated by a tab, or by a run of two or more spaces starting the next cell at the same column
 * in both lines; a dashed rule between them (`-----  -----`, or one dashed line under a header)
 * does not break the block, and one with several runs is a row of it. A single line is a table
 * only with a cell's text wrapped under a later column (the wrap shows the columns); alone it is
 * never one: its mark covers the whole line, tab or not (README, "Aligned tables"). Lines of prose
 * are kept out so:
 * - two spaces (after a sentence end, `… said.  The …`, or a stray one, `of about 100  soldiers`)
 *   separate cells only at a column where another row of the block has a wider gap or a tab;
 * - a gap right after a line's label or mark (`1.  (C)  The …`) separates no cells;
 * - leading indents (a quotation, a right-aligned date) are not gaps: only white space between
 *   characters of a line counts.
 * Only lines the reader took for text (and dashed rules) are looked at: header, authority, banner
 * and page lines never are, nor the rows of a `|` grid table (padded with spaces, they line up too).
 */
import type { LineRole } from './header.js';
import type { DocLine } from './lines.js';
import { readCellStartMark, type MarkHit } from './marks.js';

/** The cells of an aligned row after the first: source offsets, half-open (`end` is where the next gap starts). */
export type AlignedRow = readonly { readonly start: number; readonly end: number }[];

/** A gap between two cells of a line. */
interface Gap {
  /** Offset of the gap's first blank. */
  readonly from: number;
  /** Offset of the next cell's first character. */
  readonly at: number;
  /** `t<k>` after the k-th tab gap; `s<column>` for spaces (column of the next cell in the line). */
  readonly key: string;
  /** Two spaces only: a cell gap only where another row confirms the column with a wider gap or a tab. */
  readonly weak: boolean;
}

/** A label or mark (or several), all that comes before a gap: `1.`, `a)`, `-`, `(U)`, `(a) (S//NF)`. */
const PREFIX_ONLY = /^(?:(?:[-*•·–]|[¶§]\s?\d{1,3}[.)]?|\(?\d{1,3}[.)]|\(?[A-Za-z][.)]|[IVXivx]{1,4}\.|\([^()]{1,60}\))[ \t]*)+$/u;

/** A line of dashes (or `=`, `_`), with or without gaps: a table's rule. */
const DASH_LINE = /^[-=_+]+(?:[ \t]+[-=_+]+)*$/;

/** The gaps of one line (not its leading or trailing blanks). */
function lineGaps(source: string, line: DocLine): Gap[] {
  const gaps: Gap[] = [];
  let tabs = 0;
  for (let i = line.first; i < line.last; i++) {
    const c = source[i];
    if (c !== ' ' && c !== '\t') continue;
    let j = i;
    while (j < line.last && (source[j] === ' ' || source[j] === '\t')) j++;
    const run = source.slice(i, j);
    if (run.includes('\t') || run.length >= 2) {
      const before = source.slice(line.first, i);
      if (!PREFIX_ONLY.test(before)) {
        const key = run.includes('\t') ? `t${++tabs}` : `s${j - line.start}`;
        gaps.push({ from: i, at: j, key, weak: run === '  ' });
      }
    }
    i = j - 1;
  }
  return gaps;
}

/** True when `line` is indented to where a cell of `above` starts (by spaces to its column, or by a tab under a tab row). */
function indentedToColumn(source: string, line: DocLine, above: readonly Gap[]): boolean {
  if (line.first === line.start) return false;
  if (source[line.first - 1] === '\t') return above.some((g) => g.key.startsWith('t'));
  return above.some((g) => !g.weak && g.key === `s${line.first - line.start}`);
}

/** True when two consecutive lines' gaps start a cell at the same place, at least one of the two not weak. */
function aligned(a: readonly Gap[], b: readonly Gap[]): boolean {
  return a.some((g) => b.some((h) => h.key === g.key && !(g.weak && h.weak)));
}

/**
 * A line of a block: its gaps; `wrap` for a line indented to a column of the row above (a cell's
 * wrap), `tail` for any other line right under the block, with no gap or with gaps not aligned
 * with its last row (a row of its own too).
 */
interface BlockLine {
  readonly i: number;
  readonly gaps: Gap[];
  readonly kind: 'row' | 'wrap' | 'tail';
}

/**
 * The rows of aligned tables in the document: line index → the cells after the first. A line with
 * no gap is a row when it is indented to a column of the row above it (a cell's text wrapped
 * under it: `(U) Bob          (U) spokesman` / `                 ZQ… and source`), or right under
 * the table's last row, and then a row of its own, never the row above's wrap: a mark at a row's
 * start is its first cell's alone. So is a line with gaps right under the last row that are not
 * aligned with it (and it may open a table of its own with the lines under it). Such a line is no
 * row of the two. Linear in the lines.
 */
export function alignedTableRows(source: string, lines: readonly DocLine[], roles: readonly LineRole[]): Map<number, AlignedRow> {
  const out = new Map<number, AlignedRow>();
  let block: BlockLine[] = [];
  let last: Gap[] | null = null;
  const flush = (): void => {
    // Two rows at least (a dashed rule with several runs is one), or one row and a cell's text
    // wrapped under its column: the wrap shows the columns a second row would.
    const rows = block.filter((b) => b.kind === 'row').length;
    if (rows >= 2 || (rows === 1 && block.some((b) => b.kind === 'wrap'))) for (const r of rowsOf(block, lines)) out.set(r.i, r.cells);
    block = [];
    last = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const dash = DASH_LINE.test(line.text);
    // A `|` grid table's row is read as one (group.ts): its cells are the `|` ones.
    if (line.blank || line.text.startsWith('|') || (roles[i] !== 'content' && !(roles[i] === 'rule' && dash))) {
      flush();
      continue;
    }
    const gaps = lineGaps(source, line);
    if (gaps.length === 0) {
      // A dashed line without gaps under a header goes on with the block; a cell's wrap is a row of
      // it; any other line ends it, a row of its own when the block is a table: not under a later
      // cell it is no wrap of one, and the first cell's mark is not the row's (read as the last
      // row's wrap, an unmarked line under a (U) row was released: probe 63).
      if (last !== null && !dash && indentedToColumn(source, line, last)) block.push({ i, gaps, kind: 'wrap' });
      else if (!dash) {
        if (last !== null) block.push({ i, gaps, kind: 'tail' });
        flush();
      }
      continue;
    }
    if (last !== null && !aligned(last, gaps)) {
      // Gaps or a tab at other columns make no wrap of the last row either: a row of its own
      // when the block is a table (read as prose under the (U) row, it was released: probe 63d
      // F3), and maybe the first row of a table of its own.
      block.push({ i, gaps: [], kind: 'tail' });
      flush();
    }
    block.push({ i, gaps, kind: 'row' });
    last = gaps;
  }
  flush();
  return out;
}

/** The rows of a block: each line's cells, weak gaps kept only at a column another row confirms. */
function rowsOf(block: readonly BlockLine[], lines: readonly DocLine[]): { i: number; cells: AlignedRow }[] {
  const strong = new Set<string>();
  for (const r of block) for (const g of r.gaps) if (!g.weak) strong.add(g.key);
  const rows: { i: number; cells: AlignedRow }[] = [];
  for (const r of block) {
    const gaps = r.gaps.filter((g) => !g.weak || strong.has(g.key));
    if (r.kind !== 'row') rows.push({ i: r.i, cells: [] });
    if (gaps.length === 0 || DASH_LINE.test(lines[r.i]!.text)) continue;
    const cells = gaps.map((g, k) => ({ start: g.at, end: k + 1 < gaps.length ? gaps[k + 1]!.from : lines[r.i]!.last }));
    rows.push({ i: r.i, cells });
  }
  return rows;
}

/** Marks at the start of an aligned row's cells after the first (see group.ts tableCellMarks). */
export function alignedCellMarks(source: string, row: AlignedRow, last: number, bannerRelTo: readonly string[]): MarkHit[] {
  const out: MarkHit[] = [];
  for (const c of row) {
    const m = readCellStartMark(source, c.start, last, bannerRelTo);
    if (m) out.push(m);
  }
  return out;
}

/** True when every cell of an aligned row after the first starts with a mark (see group.ts laterCellsMarked). */
export function alignedLaterCellsMarked(source: string, row: AlignedRow, last: number, bannerRelTo: readonly string[]): boolean {
  return row.every((c) => /^[\s:*_-]*$/.test(source.slice(c.start, c.end)) || readCellStartMark(source, c.start, last, bannerRelTo) !== null);
}
