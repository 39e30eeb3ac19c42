/**
 * What a plan withholds and what it shows, both from the same decisions: the withheld pieces (for
 * leak checks, held in memory only, never written) and the visible text, which is computed from
 * the very pieces the release is rendered from, so the two can never disagree about an edit.
 * Pure.
 */
import type { Document, PageBanner, Plan } from '../types.js';
import { labelOf, type Piece } from './edits.js';

/** A withheld portion or redacted span and its text (held in memory only; never written). */
export interface WithheldPiece {
  /** Portion id (`p3`, `subject`); a redacted span carries the id of the portion it is in. */
  readonly portionId: string;
  readonly text: string;
  /**
   * True when the portion carries no marking at all and is withheld only because its level is
   * unknown (fail closed): no claim that the text is classified (a cable's trailing `Visit … Web
   * Site` line). Absent otherwise.
   */
  readonly unmarked?: true;
}

/** The withheld portions and redacted spans of a plan, with their text, in decision order. */
export function withheldPieces(plan: Plan): WithheldPiece[] {
  const { source, portions } = plan.document;
  const byId = new Map(portions.map((p) => [p.id, p]));
  const out: WithheldPiece[] = [];
  for (const d of plan.decisions) {
    if (d.action !== 'withhold') continue;
    const p = byId.get(d.portionId);
    if (!p) continue;
    // The kept label (`¶3. `) is shown in the release: it is not withheld text.
    const label = labelOf(source, p, plan.document.format === 'document');
    const text = p.segments.map((s) => source.slice(s.start, s.end)).join('\n');
    out.push({ portionId: d.portionId, text: text.startsWith(label) ? text.slice(label.length) : text, ...(p.markingSource === 'unmarked' ? { unmarked: true as const } : {}) });
  }
  for (const r of plan.redactions) out.push({ portionId: r.portionId, text: source.slice(r.span.start, r.span.end) });
  return out;
}

/**
 * The document's header and frame lines (routing, banner and caveats, pass lines read as header,
 * E.O., TAGS, REF; `Document.boilerplate`), one per line: a cable's furniture, shared with the
 * cables of the same post and addressees. The cross-document check does not count it as quoted
 * text where another document withholds it only as unmarked text (../audit/cross.ts).
 */
export function headerText(doc: Pick<Document, 'source' | 'boilerplate'>): string {
  return (doc.boilerplate ?? []).map((s) => doc.source.slice(s.start, s.end)).join('\n');
}

/** Texts of the withheld portions and redacted spans of a plan (for leak checks; never written). */
export function withheldTexts(plan: Plan): string[] {
  return withheldPieces(plan).map((p) => p.text);
}

/**
 * A separator no run of words crosses: left where text was withheld or redacted, so the words
 * before and after a removal never form a shingle together.
 */
const SEPARATOR = '\n\u0000\n';

/**
 * The text a release is meant to show, from the pieces it is rendered from: verbatim text as it
 * is (page furniture gone, the banner recomputed and stamped, declassified marks rewritten), a
 * withheld portion as its kept label (`¶3. `) and a separator, a redacted span as a separator.
 * Leak checks count only withheld words that this text does not also hold.
 */
export function visibleTextOf(pieces: readonly Piece[]): string {
  let out = '';
  for (const p of pieces) {
    if (p.kind === 'text') out += p.text;
    else if (p.kind === 'withheld') out += `${p.label}${SEPARATOR}`;
    else out += SEPARATOR;
  }
  return out;
}

/**
 * The page banners a PDF input's release boxes and labels with the release banner, as its text
 * replaces them: not a DYNAMIC PAGE banner (the most the page could hold, printed as it is), nor
 * one that already reads as the release banner.
 */
export function replacedPageBanners(doc: Document, releaseBanner: string): PageBanner[] {
  const release = releaseBanner.trim();
  const squeeze = (raw: string): string => raw.replace(/\s+/g, '').toUpperCase();
  return (doc.pageBanners ?? []).filter((b) => !b.highestPossible && release !== '' && squeeze(b.raw) !== squeeze(release));
}

/**
 * What a PDF input's release shows besides its released text: the page furniture its redacted
 * pages keep as printed (running heads, a DYNAMIC PAGE banner), which the release text leaves
 * out, added to `visible` (withheld words the release shows anyway are no leak: a withheld
 * fragment `to` is not leaked by the `REL TO` of a page's banner).
 */
export function withKeptFurniture(visible: string, doc: Document, releaseBanner: string): string {
  const replaced = replacedPageBanners(doc, releaseBanner).flatMap((b) => b.lines);
  const kept = doc.furniture.filter((f) => !replaced.some((r) => r.start < f.end && f.start < r.end));
  return withShown(visible, kept.map((f) => doc.source.slice(f.start, f.end)));
}

/**
 * `visible` and `texts` the release shows besides, each read apart (no run of words joins two): a
 * separator after `visible` too, which need not end with a line break (a document whose last
 * paragraph ends the file: its last word glued to the first added one was no word of the release,
 * so the release's own last run counted as withheld text and the self-check refused it).
 */
export function withShown(visible: string, texts: readonly string[]): string {
  return texts.length === 0 ? visible : `${visible}${SEPARATOR}${texts.join(SEPARATOR)}${SEPARATOR}`;
}

/**
 * The visible text with the released text on either side of each withheld portion or span run
 * together, as a reader of the release PDF may read it: the box's label stands elsewhere in its
 * reading order (pdf.js gives box labels after the page's text), so the line before a removed
 * paragraph and the line after it come out side by side. A run of words across that join holds
 * only released words; a withheld text that happens to hold the same run (a paragraph repeating
 * the lines around another) is no leak.
 */
export function visibleAcrossGaps(visible: string): string {
  return visible.split(SEPARATOR).join('\n');
}
