/**
 * Redact rules over released text. A rule matches inside each portion, in the text the release
 * shows outside the portions (header lines: see linesOutsidePortions), and also across the break
 * between two released portions: the parser may end a paragraph at a short line (`(U) We met
 * Burkhard⏎Ducoffre at …`, a PDF's `… on 202-647-⏎4000 today`), and a reader still reads the name or
 * number whole. Such a match is withheld in both portions, each part in its own.
 */
import type { CompiledSpanRule } from '../rules/compile.js';
import type { Profile } from '../rules/load.js';
import type { PortionFacts } from '../rules/types.js';
import { conditionsHold } from '../rules/conditions/index.js';
import { OUTSIDE_PORTIONS_ID, type Document, type Portion, type Redaction, type Span } from '../types.js';
import { expandAuthority } from './authority.js';

/** A released portion with the facts its rules are tested on. */
export interface ReleasedPortion {
  readonly portion: Portion;
  readonly facts: PortionFacts;
}

function applies(rule: CompiledSpanRule, facts: PortionFacts): boolean {
  return conditionsHold(rule.conditions, facts);
}

function redaction(portion: Portion, span: Span, rule: CompiledSpanRule, reasons: readonly string[]): Redaction | null {
  // Never redact the portion mark itself: it is not content, and the renderer rewrites it.
  const mark = portion.mark?.span;
  if (mark && span.start < mark.end && mark.start < span.end) return null;
  return {
    portionId: portion.id,
    span,
    ruleId: rule.fullId,
    authority: expandAuthority(rule.authority, reasons),
    reason: rule.reason ?? `Redacted because the text matches rule ${rule.fullId}.`,
  };
}

/** Every redact rule's matches inside `released.portion`'s segments. */
export function spansInPortion(doc: Document, released: ReleasedPortion, profile: Profile, reasons: readonly string[]): Redaction[] {
  const found: Redaction[] = [];
  for (const rule of profile.spanRules) {
    if (!applies(rule, released.facts)) continue;
    for (const seg of released.portion.segments) {
      for (const m of rule.matcher.find(doc.source.slice(seg.start, seg.end))) {
        const r = redaction(released.portion, { start: seg.start + m.start, end: seg.start + m.end }, rule, reasons);
        if (r) found.push(r);
      }
    }
  }
  return found;
}

/**
 * The text the release shows outside the portions, one span per line piece, trimmed: the source
 * less the portions (each released or withheld whole), the page furniture (removed), the banner,
 * its caveats and the page banners (each replaced by the release banner or removed: buildEdits).
 * The complement, not `doc.boilerplate`: whatever a parser leaves outside both is shown, and so
 * matched. A piece never crosses a line end, where the release stamp is inserted.
 */
export function linesOutsidePortions(doc: Document): Span[] {
  const covered: Span[] = [...doc.portions.map((p) => p.span), ...doc.furniture];
  if (doc.banner) {
    covered.push(doc.banner.span, ...doc.banner.caveats.map((c) => c.span));
    for (const r of doc.banner.repeats ?? []) covered.push(r.span, ...r.caveats);
  }
  for (const b of doc.pageBanners ?? []) covered.push(b.span, ...b.lines);
  covered.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  const gap = (from: number, to: number) => {
    for (let at = from; at < to; ) {
      const eol = doc.source.indexOf('\n', at);
      const end = eol < 0 || eol > to ? to : eol;
      const piece = trimmed(doc.source, { start: at, end });
      if (piece) out.push(piece);
      at = end + 1;
    }
  };
  let at = 0;
  for (const c of covered) {
    if (c.start > at) gap(at, c.start);
    at = Math.max(at, c.end);
  }
  gap(at, doc.source.length);
  return out;
}

/** The pseudo-portion of one line piece outside the portions: unmarked text of kind `header`. */
export function outsidePortion(span: Span): Portion {
  return { id: OUTSIDE_PORTIONS_ID, kind: 'header', number: null, parent: null, marking: null, markingSource: 'unmarked', mark: null, span, segments: [span] };
}

/** `span` without the blanks and line ends at its ends; null when nothing is left. */
function trimmed(source: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/.test(source[start]!)) start++;
  while (end > start && /\s/.test(source[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/**
 * Matches that run from the last segment of `a` into the first of `b`, two released portions with
 * only blanks and line ends between them, as one redaction in each portion (its part of the match).
 */
export function spansAcrossPortions(doc: Document, a: ReleasedPortion, b: ReleasedPortion, profile: Profile, reasons: readonly string[]): Redaction[] {
  const end = a.portion.segments[a.portion.segments.length - 1]!;
  const start = b.portion.segments[0]!;
  if (start.start < end.end || doc.source.slice(end.end, start.start).trim() !== '') return [];
  // A match across the break holds its line end, and no other (a name's words, a wrapped number or
  // address, break at one line end): a's last line and b's first are all it can span.
  const aText = trimmed(doc.source, end);
  const bText = trimmed(doc.source, start);
  if (!aText || !bText) return [];
  const from = Math.max(aText.start, doc.source.lastIndexOf('\n', aText.end - 1) + 1);
  const lineEnd = doc.source.indexOf('\n', bText.start);
  const to = lineEnd < 0 ? bText.end : Math.min(bText.end, lineEnd);
  const text = doc.source.slice(from, to);
  const found: Redaction[] = [];
  for (const rule of profile.spanRules) {
    if (!applies(rule, a.facts) || !applies(rule, b.facts)) continue;
    for (const m of rule.matcher.find(text)) {
      const span = { start: from + m.start, end: from + m.end };
      if (span.start >= end.end || span.end <= start.start) continue;
      const inA = trimmed(doc.source, { start: span.start, end: Math.min(span.end, end.end) });
      const inB = trimmed(doc.source, { start: Math.max(span.start, start.start), end: span.end });
      for (const [p, s] of [[a.portion, inA], [b.portion, inB]] as const) {
        const r = s && redaction(p, s, rule, reasons);
        if (r) found.push(r);
      }
    }
  }
  return found;
}
