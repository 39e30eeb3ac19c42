import { formatPatch, type StructuredPatch, type StructuredPatchHunk } from 'diff';
import { InternalError } from '../../errors.js';
import type { Edit } from '../../engine/edits.js';
import { redactedPlaceholder, withheldPlaceholder } from '../text/index.js';

/** Lines of context around each change, as `diff -u` gives. */
const CONTEXT = 3;

/**
 * Unified diff from the original to the release. It shows withheld text on its `-` lines, so it
 * belongs in the review folder, never in the release folder.
 *
 * The changes are not searched for (a Myers diff is quadratic in the number of changes, and a
 * document with thousands of withheld portions took minutes): they are the edits that made the
 * release. A line is unchanged when a stretch of source copied verbatim holds the whole line on
 * both sides; every other line is removed and added. The hunks are grouped as jsdiff's
 * `structuredPatch` groups them and serialised by its `formatPatch`.
 *
 * @param source the original text; `edits` sorted and non-overlapping (see `sortEdits`);
 *   `releaseText` the text the same edits gave (checked, so the diff can never describe another
 *   release than the one written).
 */
export function renderDiff(source: string, edits: readonly Edit[], releaseText: string, stem: string): string {
  const changes = lineChanges(source, edits, releaseText);
  const patch: StructuredPatch = { oldFileName: `original/${stem}.txt`, newFileName: `release/${stem}.txt`, oldHeader: undefined, newHeader: undefined, hunks: hunksOf(changes) };
  return formatPatch(patch);
}

/**
 * Unified diff from the original to a release that replaces it as a whole (the one page of a
 * document denied in full): every line of the original removed, every line of the release added,
 * in one hunk. Linear in the size of both.
 */
export function renderReplacementDiff(source: string, releaseText: string, stem: string): string {
  const changes: Change[] = [
    { kind: 'removed', lines: splitKeepingNewlines(source) },
    { kind: 'added', lines: splitKeepingNewlines(releaseText) },
  ];
  const patch: StructuredPatch = { oldFileName: `original/${stem}.txt`, newFileName: `release/${stem}.txt`, oldHeader: undefined, newHeader: undefined, hunks: hunksOf(changes) };
  return formatPatch(patch);
}

/** A run of lines: kept on both sides, or removed from the original, or added in the release. */
interface Change {
  readonly kind: 'equal' | 'removed' | 'added';
  /** Each line with its `\n`, except a last line that has none. */
  readonly lines: readonly string[];
}

/** A stretch of the source copied verbatim into the release: `[from, to)` there, from `at` here. */
interface Copy {
  readonly from: number;
  readonly to: number;
  readonly at: number;
}

/** The release line by line against the original, from the edits. */
function lineChanges(source: string, edits: readonly Edit[], releaseText: string): Change[] {
  const { copies, text } = copiesOf(source, edits);
  if (text !== releaseText) throw new InternalError('the diff was asked for another release text than its edits give');
  const oldLines = splitKeepingNewlines(source);
  const newLines = splitKeepingNewlines(releaseText);
  const newLineAt = new Map<number, number>();
  for (let k = 0, at = 0; k < newLines.length; at += newLines[k]!.length, k++) newLineAt.set(at, k);

  // Pairs (old line, new line) that are the same copied line, in order.
  const pairs: [number, number][] = [];
  let c = 0;
  for (let k = 0, at = 0; k < oldLines.length; at += oldLines[k]!.length, k++) {
    const end = at + oldLines[k]!.length;
    while (c < copies.length && copies[c]!.to < end) c++;
    const copy = copies[c];
    if (!copy || copy.from > at) continue;
    const mapped = copy.at + (at - copy.from);
    const n = newLineAt.get(mapped);
    if (n === undefined || newLines[n]!.length !== end - at) continue;
    pairs.push([k, n]);
  }

  // Runs are extended in place: a run of unchanged lines used to be copied whole for each line
  // it gained (quadratic; a tenth of a batch's garbage).
  const out: { kind: Change['kind']; lines: string[] }[] = [];
  const push = (kind: Change['kind'], lines: readonly string[], from: number, to: number): void => {
    if (to <= from) return;
    let last = out[out.length - 1];
    if (!last || last.kind !== kind) out.push((last = { kind, lines: [] }));
    for (let k = from; k < to; k++) last.lines.push(lines[k]!);
  };
  let o = 0;
  let n = 0;
  for (const [po, pn] of pairs) {
    push('removed', oldLines, o, po);
    push('added', newLines, n, pn);
    push('equal', oldLines, po, po + 1);
    o = po + 1;
    n = pn + 1;
  }
  push('removed', oldLines, o, oldLines.length);
  push('added', newLines, n, newLines.length);
  return out;
}

/** Applies the edits as `applyEdits` and `renderReleaseText` do, keeping where each copied stretch lands. */
function copiesOf(source: string, edits: readonly Edit[]): { copies: Copy[]; text: string } {
  const copies: Copy[] = [];
  let text = '';
  let at = 0;
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    copies.push({ from, to, at: text.length });
    text += source.slice(from, to);
  };
  for (const e of edits) {
    copy(at, e.span.start);
    if (e.kind === 'replace') text += e.text;
    else if (e.kind === 'withhold') text += withheldPlaceholder(e.label, e.authority);
    else if (e.kind === 'redact') text += redactedPlaceholder(e.authority);
    at = e.span.end;
  }
  copy(at, source.length);
  return { copies, text };
}

/** Lines with their newline kept; no empty last line (as jsdiff's line tokenizer). */
function splitKeepingNewlines(text: string): string[] {
  const lines: string[] = [];
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl + 1;
    lines.push(text.slice(at, end));
    at = end;
  }
  return lines;
}

/**
 * Groups changes into hunks with {@link CONTEXT} lines around them, joining hunks whose context
 * would overlap, and marks a last line without a newline: the grouping of jsdiff's
 * `structuredPatch` (BSD-3-Clause), so the output reads as any unified diff.
 */
function hunksOf(changes: readonly Change[]): StructuredPatchHunk[] {
  const all = [...changes, { kind: 'equal', lines: [] } as Change];
  const hunks: StructuredPatchHunk[] = [];
  let oldStart = 0;
  let newStart = 0;
  let range: string[] = [];
  let oldLine = 1;
  let newLine = 1;
  const context = (lines: readonly string[]) => lines.map((l) => ` ${l}`);
  for (let i = 0; i < all.length; i++) {
    const cur = all[i]!;
    if (cur.kind !== 'equal') {
      if (!oldStart) {
        const prev = all[i - 1];
        oldStart = oldLine;
        newStart = newLine;
        if (prev) {
          range = context(prev.lines.slice(-CONTEXT));
          oldStart -= range.length;
          newStart -= range.length;
        }
      }
      for (const l of cur.lines) range.push(`${cur.kind === 'added' ? '+' : '-'}${l}`);
      if (cur.kind === 'added') newLine += cur.lines.length;
      else oldLine += cur.lines.length;
      continue;
    }
    if (oldStart) {
      if (cur.lines.length <= CONTEXT * 2 && i < all.length - 2) {
        range.push(...context(cur.lines));
      } else {
        const size = Math.min(cur.lines.length, CONTEXT);
        range.push(...context(cur.lines.slice(0, size)));
        hunks.push({ oldStart, oldLines: oldLine - oldStart + size, newStart, newLines: newLine - newStart + size, lines: range });
        oldStart = 0;
        newStart = 0;
        range = [];
      }
    }
    oldLine += cur.lines.length;
    newLine += cur.lines.length;
  }
  for (const hunk of hunks) {
    const lines: string[] = [];
    for (const l of hunk.lines) {
      if (l.endsWith('\n')) lines.push(l.slice(0, -1));
      else lines.push(l, '\\ No newline at end of file');
    }
    hunk.lines = lines;
  }
  return hunks;
}
