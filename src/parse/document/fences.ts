/**
 * Markdown fenced code blocks (```` ``` ```` or `~~~`, with or without an info string): a block of
 * literal lines, opener and closing fence included. Its lines are not a wrapped sentence: read as
 * the wrap of a `(U)` line right above it, or of a `(U)` first line inside it, its unmarked lines
 * were released (probe 63a F9); and an opener with an info string (```` ```text ````), withheld
 * alone as unmarked text, left the closing fence to open a code block that swallowed the rest of
 * the rendered release. The block is one portion (see group.ts groupFence), so a withheld block
 * goes whole, fences included, and the release stays balanced.
 */
import type { DocLine } from './lines.js';
import type { LineRole } from './header.js';
import { readLineStart, scanLine, type MarkHit } from './marks.js';

/** An opening fence: up to three blanks, three or more backticks (no backtick in the info string) or tildes. */
const OPENER = /^(`{3,})(?!.*`)|^(~{3,})/;

/**
 * Lines that stop a fence from being read as one (page structure the reader must keep): a banner,
 * page furniture or number, the authority block. An opener with no closing fence before one of
 * them, or before the end, runs only to its paragraph's end (its closing fence may be the
 * document's last text: CommonMark runs it to the end, which would swallow banners and authority).
 */
const STOPS: ReadonlySet<LineRole> = new Set<LineRole>(['banner', 'furniture', 'folio', 'authority']);

/**
 * Opening line → closing line of every fenced code block, in document order. Linear. A block with
 * no closing fence (an opener with an info string and none, a closer with text after it) is one
 * too, from its opener to its paragraph's last line: read line by line, its lines were the wrap of
 * a (U) line and released (probe 64d F3). A bare fence alone on its paragraph (a rule of tildes) is
 * none.
 */
export function fencedBlocks(source: string, lines: readonly DocLine[], roles: readonly LineRole[]): Map<number, number> {
  return blocks(source, lines, roles, true);
}

/**
 * The lines of every closed fenced block, read before the authority block is looked for: a
 * `Declassify On:` line or a whole authority block inside one is its literal text, not the
 * document's (taken as the document's, it released a SECRET body as declassified: probe 64d F4).
 */
export function closedFenceLines(source: string, lines: readonly DocLine[], roles: readonly LineRole[]): Set<number> {
  return fencedLines(blocks(source, lines, roles, false), lines);
}

/** Opening line → closing line of each block, in order; with `unclosed`, the blocks with no closing fence too. */
function blocks(source: string, lines: readonly DocLine[], roles: readonly LineRole[], unclosed: boolean): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    const open = fenceOf(source, lines[i]!);
    if (open === null || STOPS.has(roles[i]!)) continue;
    const end = closingLine(source, lines, roles, i, open) ?? (unclosed ? paragraphEnd(lines, roles, i) : null);
    if (end === null || (end === i && lines[i]!.text === open)) continue;
    out.set(i, end);
    i = end;
  }
  return out;
}

/** The closing fence of the opener at line `i`, before a stop or another page, else null. */
function closingLine(source: string, lines: readonly DocLine[], roles: readonly LineRole[], i: number, open: string): number | null {
  for (let j = i + 1; j < lines.length; j++) {
    if (STOPS.has(roles[j]!) || lines[j]!.page !== lines[i]!.page) return null;
    if (closes(source, lines[j]!, open)) return j;
  }
  return null;
}

/** The last line of the paragraph line `i` is in: before a blank line, a stop or another page. */
function paragraphEnd(lines: readonly DocLine[], roles: readonly LineRole[], i: number): number {
  let j = i;
  while (j + 1 < lines.length && !lines[j + 1]!.blank && !STOPS.has(roles[j + 1]!) && lines[j + 1]!.page === lines[i]!.page) j++;
  return j;
}

/** The lines of the blocks `fences` holds (fences included) that hold text. */
export function fencedLines(fences: ReadonlyMap<number, number>, lines: readonly DocLine[]): Set<number> {
  const out = new Set<number>();
  for (const [open, close] of fences) for (let k = open; k <= close; k++) if (!lines[k]!.blank) out.add(k);
  return out;
}

/** The fence (its characters) a line opens with, or null. */
function fenceOf(source: string, line: DocLine): string | null {
  if (line.blank || line.first - line.start > 3 || source.slice(line.start, line.first).includes('\t')) return null;
  const m = OPENER.exec(line.text);
  return m ? (m[1] ?? m[2]!) : null;
}

/** A closing fence for `open`: the same character, at least as many, nothing after but blanks. */
function closes(source: string, line: DocLine, open: string): boolean {
  const f = fenceOf(source, line);
  return f !== null && f[0] === open[0] && f.length >= open.length && line.text === f;
}

/**
 * The marks of the fenced block from line `open` to line `close`. Its lines are literal, so a mark
 * at a line's start marks that line only: the block is marked by its first inside line's mark
 * only when every inside line that holds text opens with a mark (the others raise it). Otherwise
 * it has no mark of its own (unmarked text: withheld in a classified document, fail closed) and
 * every mark in it can only raise it (one above plain (U) leaves it a mark not understood,
 * withheld pending review). A mark on the opening fence's line (its info string) raises it too.
 * A block with no closing fence is read so too, its last line an inside line.
 */
export function fenceMarks(source: string, lines: readonly DocLine[], open: number, close: number, bannerRelTo: readonly string[]): { lead: MarkHit | null; raises: MarkHit[] } {
  const leads: (MarkHit | null)[] = [];
  const raises: MarkHit[] = [];
  // A block with no closing fence: its last line is text (` ``` ZQ …`), read as an inside line.
  const last = closes(source, lines[close]!, fenceOf(source, lines[open]!)!) && close > open ? close - 1 : close;
  for (let k = open; k <= last; k++) {
    const l = lines[k]!;
    if (l.blank) continue;
    const s = k === open ? null : readLineStart(source, l.first, l.last, bannerRelTo);
    if (s) leads.push(s.mark);
    const from = s ? (s.mark ? s.mark.end : s.textStart) : l.first;
    const scanned = scanLine(source, from, l.last, bannerRelTo);
    raises.push(...scanned.openers.map((o) => o.mark), ...(scanned.trailing ? [scanned.trailing] : []), ...scanned.inline);
  }
  const marked = leads.filter((m): m is MarkHit => m !== null);
  if (marked.length > 0 && marked.length === leads.length) return { lead: marked[0]!, raises: [...marked.slice(1), ...raises] };
  return { lead: null, raises: [...marked, ...raises] };
}
