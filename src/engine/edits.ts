import { InternalError } from '../errors.js';
import type { Decision, Plan, Portion, Span } from '../types.js';

/**
 * One change to the source. Edits are the only way release text is produced from the original
 * (ESLint's fixes): text between edits is copied verbatim.
 */
export type Edit =
  | { readonly kind: 'delete'; readonly span: Span }
  | { readonly kind: 'replace'; readonly span: Span; readonly text: string }
  | {
      readonly kind: 'withhold';
      readonly span: Span;
      readonly portionId: string;
      /** Number kept in place of the portion, e.g. `¶3. `; never content. */
      readonly label: string;
      readonly authority: string;
      /** Lines the withheld text took at 80 columns. */
      readonly heightLines: number;
    }
  | { readonly kind: 'redact'; readonly span: Span; readonly authority: string };

/** What applying edits yields: verbatim text, and the placeholders the renderers draw. */
export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'withheld'; readonly portionId: string; readonly label: string; readonly authority: string; readonly heightLines: number }
  | { readonly kind: 'redacted'; readonly authority: string; readonly width: number };

/** Columns assumed when estimating how many lines a withheld portion took. */
export const RELEASE_COLUMNS = 80;

/**
 * Builds every edit the plan implies: withheld portions replaced by placeholders, redacted spans,
 * declassified marks rewritten, the banner recomputed and stamped (a document's other banner
 * lines replaced by the release banner), banner caveats and page furniture removed. Furniture inside a withheld portion is covered by the portion's edit.
 */
export function buildEdits(plan: Plan): Edit[] {
  const { document: doc } = plan;
  const source = doc.source;
  const edits: Edit[] = [];
  const withheldSpans: Span[] = [];
  const portions = new Map(doc.portions.map((p) => [p.id, p]));
  // The declassification marking, when any, is the line under the stamp (32 CFR 2001.25).
  const stamp = plan.declassMarking ? `${plan.stamp}\n${plan.declassMarking}` : plan.stamp;

  for (const decision of plan.decisions) {
    const portion = portions.get(decision.portionId)!;
    if (decision.action === 'withhold') {
      withheldSpans.push(portion.span);
      edits.push({
        kind: 'withhold',
        span: portion.span,
        portionId: portion.id,
        label: labelOf(source, portion, doc.format === 'document'),
        authority: decision.authority.join(', '),
        heightLines: heightOf(source, portion),
      });
      const cells = doc.format === 'document' ? tableRowEnd(source, portion) : '';
      if (cells !== '') edits.push({ kind: 'replace', span: { start: portion.span.end, end: portion.span.end }, text: cells });
    } else if (decision.declassified && portion.mark) {
      edits.push({ kind: 'replace', span: portion.mark.span, text: declassifiedMark(decision) });
    }
  }
  for (const r of plan.redactions) edits.push({ kind: 'redact', span: r.span, authority: r.authority.join(', ') });

  const inWithheld = (span: Span) => withheldSpans.some((w) => span.start >= w.start && span.end <= w.end);
  for (const f of doc.furniture) if (!inWithheld(f)) edits.push({ kind: 'delete', span: wholeLine(source, f) });

  // A banner read inside a withheld portion (a PDF whose page banner was printed over the body
  // text) goes with the portion: the release banner and stamp then open the text, as for a
  // document without one.
  if (doc.banner && !inWithheld(doc.banner.span)) {
    edits.push({ kind: 'replace', span: doc.banner.span, text: plan.releaseBanner });
    const eol = lineEnd(source, doc.banner.span.end);
    // Under the banner when it opens the text; when a marked portion comes before it (a typed
    // memo whose only banner line was printed mid-text), the release banner and stamp open the
    // text. (A cable's stray routing line above its banner is unmarked text: the stamp stays.)
    const atTop = !doc.portions.some((p) => p.span.start < doc.banner!.span.start && p.markingSource !== 'unmarked');
    if (atTop) edits.push({ kind: 'replace', span: { start: eol, end: eol }, text: `\n${stamp}` });
    else edits.push({ kind: 'replace', span: { start: 0, end: 0 }, text: `${plan.releaseBanner}\n${stamp}\n\n` });
    // Caveat lines (NOFORN, SENSITIVE under the banner) go: the recomputed banner says what applies.
    for (const c of doc.banner.caveats) if (c.span.start > eol && !inWithheld(c.span)) edits.push({ kind: 'delete', span: wholeLine(source, c.span) });
    // The same banner where an extract's cable is printed again says the release banner as well.
    for (const r of doc.banner.repeats ?? []) {
      if (inWithheld(r.span)) continue;
      if (source.slice(r.span.start, r.span.end) !== plan.releaseBanner) edits.push({ kind: 'replace', span: r.span, text: plan.releaseBanner });
      const end = lineEnd(source, r.span.end);
      for (const c of r.caveats) if (c.start > end && !inWithheld(c)) edits.push({ kind: 'delete', span: wholeLine(source, c) });
    }
  } else {
    edits.push({ kind: 'replace', span: { start: 0, end: 0 }, text: `${plan.releaseBanner}\n${stamp}\n\n` });
  }
  // The other banner lines of a document (bottom of the page, later pages) show the release banner
  // too. DYNAMIC PAGE banners are furniture, removed above. One that already reads as the release
  // banner is left alone: replacing it by the same text would change nothing but show in the diff.
  for (const b of doc.pageBanners ?? []) {
    if (b.highestPossible || (doc.banner && b.span.start === doc.banner.span.start && !inWithheld(doc.banner.span)) || inWithheld(b.span)) continue;
    // Its further lines (`Caveats: FOUO`) go, as the document banner's caveats do.
    for (const l of b.lines.slice(1)) if (l.start > b.span.end && !inWithheld(l)) edits.push({ kind: 'delete', span: wholeLine(source, l) });
    if (doc.source.slice(b.span.start, b.span.end) === plan.releaseBanner) continue;
    edits.push({ kind: 'replace', span: b.span, text: plan.releaseBanner });
  }
  return sortEdits(edits);
}

/** Sorts edits by position and refuses any overlap: in a redaction tool a dropped edit is a leak. */
export function sortEdits(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    if (next.span.start < prev.span.end) {
      throw new InternalError(
        `overlapping edits at offsets ${prev.span.start}-${prev.span.end} (${prev.kind}) and ${next.span.start}-${next.span.end} (${next.kind})`,
      );
    }
  }
  return sorted;
}

/** Applies sorted, non-overlapping edits to `source`, yielding pieces (the source itself is never changed). */
export function applyEdits(source: string, edits: readonly Edit[]): Piece[] {
  const pieces: Piece[] = [];
  const text = (t: string) => {
    if (t.length === 0) return;
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'text') pieces[pieces.length - 1] = { kind: 'text', text: last.text + t };
    else pieces.push({ kind: 'text', text: t });
  };
  let at = 0;
  for (const e of sortEdits(edits)) {
    text(source.slice(at, e.span.start));
    if (e.kind === 'replace') text(e.text);
    else if (e.kind === 'withhold') pieces.push({ kind: 'withheld', portionId: e.portionId, label: e.label, authority: e.authority, heightLines: e.heightLines });
    else if (e.kind === 'redact') pieces.push({ kind: 'redacted', authority: e.authority, width: e.span.end - e.span.start });
    at = e.span.end;
  }
  text(source.slice(at));
  return pieces;
}

/**
 * What `span` of the source reads in the release the sorted `edits` give, when nothing in it is
 * withheld or redacted and no edit crosses its ends (a rewritten mark or removed furniture inside
 * it is applied); null otherwise. The text between edits is copied verbatim (applyEdits), so what
 * this returns stands in the release text as it is.
 */
export function releasedSpanText(source: string, edits: readonly Edit[], span: Span): string | null {
  let out = '';
  let at = span.start;
  for (const e of edits) {
    // An insertion at either end (the stamp under a banner) is outside the span.
    if (e.span.end <= span.start || e.span.start >= span.end) continue;
    if (e.span.start < span.start || e.span.end > span.end || e.kind === 'withhold' || e.kind === 'redact') return null;
    out += source.slice(at, e.span.start) + (e.kind === 'replace' ? e.text : '');
    at = e.span.end;
  }
  return out + source.slice(at, span.end);
}

/** The marking a declassified portion shows in the release: `(DECLASSIFIED, formerly C)`. */
function declassifiedMark(decision: Decision): string {
  const was = (decision.mark ?? '').replace(/^\(|\)$/g, '').trim();
  return `(DECLASSIFIED, formerly ${was})`;
}

const NUMBER_LABEL = /^(?:¶\s*)?(?:[0-9A-Za-z]{1,3}\s*[.)]|\([0-9A-Za-z]{1,4}\))\s*/;
const SUBJECT_LABEL = /^SUBJ(?:ECT)?\s*:\s*/i;

/**
 * The part of a withheld portion kept in the release: its paragraph number (`¶3. `, `a. `, `(b) `) or the
 * `SUBJECT: ` field name; in a document read by the document reader (`markdown`), the Markdown
 * syntax its line opens with (MARKDOWN_OPENER). Only those shapes are kept; anything else gets no label.
 */
export function labelOf(source: string, portion: Portion, markdown = false): string {
  const head = source.slice(portion.span.start, Math.min(portion.span.end, portion.span.start + 16));
  const re = portion.kind === 'subject' ? SUBJECT_LABEL : portion.number !== null ? NUMBER_LABEL : markdown ? MARKDOWN_OPENER : null;
  const m = re?.exec(head);
  if (!m || m[0] === '') return '';
  const label = m[0];
  // Keep the label only if it ends before the portion's mark or content: a label must never carry text.
  const markStart = portion.mark ? portion.mark.span.start - portion.span.start : Infinity;
  return label.length <= markStart ? label.replace(/\s+$/, ' ') : '';
}

/**
 * The Markdown syntax a withheld portion's line opens with: block-quote marks, a heading's hashes,
 * a bullet's marker, a table row's pipe. Kept before the placeholder, a rendered release keeps its
 * structure: a withheld quote line stays in its quote (without its `>` it became the lazy
 * continuation of the quote line above), a nested bullet stays an item (`  [WITHHELD: B1]` under a
 * bullet joined its text), a heading a heading, a row a row (probe 66c F11). Syntax only, never text.
 */
const MARKDOWN_OPENER = /^(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\|[ \t]*)?/;

/**
 * After a withheld table head row of one line (`| (S) … | … |` over `|---|---|`): its closing pipe
 * and an empty cell for each of its other cells (` | |`), so the placeholder stays the head of the
 * table (a GFM table whose head row has fewer cells than its delimiter row is no table; a body row
 * may have fewer). Empty for anything else.
 */
function tableRowEnd(source: string, portion: Portion): string {
  const text = source.slice(portion.span.start, portion.span.end);
  if (portion.kind !== 'table-row' || !text.startsWith('|') || text.includes('\n')) return '';
  const eol = lineEnd(source, portion.span.end);
  const next = source.slice(eol + 1, lineEnd(source, eol + 1));
  if (!DELIMITER_ROW.test(next)) return '';
  const cells = text.replace(/\\\|/g, '').replace(/^\||\|[ \t]*$/g, '').split('|').length;
  return ' |'.repeat(cells);
}

/** A GFM table's delimiter row (`|---|:--:|`). */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Lines the portion's content took, wrapped at RELEASE_COLUMNS (at least one). */
function heightOf(source: string, portion: Portion): number {
  let lines = 0;
  for (const seg of portion.segments) {
    for (const line of source.slice(seg.start, seg.end).split('\n')) {
      lines += Math.max(1, Math.ceil(line.length / RELEASE_COLUMNS));
    }
  }
  return Math.max(1, lines);
}

function lineEnd(source: string, offset: number): number {
  const i = source.indexOf('\n', offset);
  return i === -1 ? source.length : i;
}

/**
 * Extends a span that is all the text of its line(s) to the whole lines, including the line break
 * that ends them, so no empty line is left behind. A span inside a longer line (page furniture
 * embedded in a re-flowed body) is removed alone.
 */
function wholeLine(source: string, span: Span): Span {
  const start = source.lastIndexOf('\n', span.start - 1) + 1;
  const end = lineEnd(source, Math.max(span.start, span.end - 1));
  const before = source.slice(start, span.start);
  const after = source.slice(span.end, end);
  if (before.trim() !== '' || after.trim() !== '') return span;
  return { start, end: Math.min(source.length, end + 1) };
}
