/**
 * The cable parser: text in, {@link Document} out. Pure (no I/O), linear in the input, never throws.
 *
 * Conventions for the engine and renderer:
 * - `Document.source` is the input verbatim; every span is half-open `[start, end)` into it.
 * - Every non-blank character belongs to exactly one of: a portion segment, a furniture span
 *   (`Document.furniture`, page headers such as `ROME 00001021  002 OF 005`), or a boilerplate span
 *   (`Document.boilerplate`: routing, database record, banner and caveats, SIPDIS, pass lines,
 *   E.O., TAGS, REF, Classified By, WikiLeaks notices, `NNNN`). So text outside the portions is
 *   header or furniture, never content.
 * - Portions are in document order and never overlap. `span` runs from the number (`¶3.`), mark or
 *   first character to the last content character; `segments` are the same text with page
 *   furniture cut out (a segment before a page break ends after its newline, so joining the
 *   segments gives the portion as one text).
 * - Ids: `subject` (and `subject-2` when an extract repeats its header); `p3` for a numbered
 *   paragraph (`pA` for a lettered one with no numbered paragraphs around); `p3.a`, `p3.1`,
 *   `p3.a.1` for subparagraphs; `p3.m1` for a marked block inside p3 without a number (`-- (S)
 *   …`); `text1`, `text2` for unnumbered text outside paragraphs (intro text, headings between
 *   paragraphs, marked blocks in cables without numbers); `signature`. A repeated id gets `-2`.
 * - Effective marking (`markingSource`): `marked` (own mark understood), `unknown` (a mark that
 *   was not understood: `marking` is null), `inherited` (a subparagraph without its own mark takes
 *   its parent's, unless a sibling's own mark says more: then it is `unmarked`), `entire-text`
 *   (under `CONFIDENTIAL - ENTIRE TEXT`, subject and signature included), `unmarked` (nothing: withhold unless a rule says otherwise).
 *
 * Diagnostic codes: `unmarked-portion` (error in a classified or unknown-level cable, info in an
 * unclassified one), `unmarked-subject` and `unmarked-heading` (warning/info), `unknown-marking`
 * (error), `marking-normalised` and `double-mark` (info), `mark-raised-inside` (warning: a mark
 * inside the text raised the portion's level), `no-banner` (warning), `banner-unknown`
 * (error), `unclassified-banner-contradicted` (error: see `classifiedSigns`), `not-a-cable`
 * (warning), `no-eo-line` (warning/info), `no-portions` (warning), `section-header-unmatched`
 * (warning: a header field under a later section line that the first header does not hold,
 * removed as furniture: ./section-header.ts).
 */
import { abovePlainU, compareLevels, parseMarking, raisedByMark } from '../markings/index.js';
import { DECL_CODE_START, parseDecl, withCodeUnder } from '../declass/parse-decl.js';
import type { ClassifiedSign, Diagnostic, Document, ExecutiveOrderLine, Field, Level, Marking, MarkingSource, Portion, RaisedFrom, Span } from '../types.js';
import { raisedFromOf } from './raised-inside.js';
import { buildBanner } from './banner.js';
import { readBannerWords } from './banner-words.js';
import { bannerSign, isDeclassificationInstruction, MAX_SIGNS, signDiagnostics } from './classified-signs.js';
import { groupBody, segmentsOf, type DraftPortion } from './body.js';
import { documentDiagnostics, maxPortionLevel, portionDiagnostics } from './diagnostics.js';
import { forwardedEo, forwardedEoDiagnostic } from './forwarded-eo.js';
import type { HeaderResult, Role } from './header/index.js';
import { assignIds } from './ids.js';
import { isLetterOrDigit, type Line } from './lines.js';
import { isNoMarkInText } from './mentions.js';
import { labelAfterSiblingLine } from './list-label.js';
import { lookalikeMarksInside, type LookalikeMark } from './lookalike.js';
import { unreadScriptMarkAtLineEnd } from './unread-script.js';
import { readMarkAt } from './marks.js';
import { bareReasonsUnder, matchBanner, matchEoLine } from './patterns.js';
import { originatedOf, referenceOf } from './reference.js';
import { assignRoles } from './roles.js';
import { unmatchedHeaderDiagnostic } from './section-header.js';
import { readStatements } from './statements.js';

export { decodeInput } from './decode.js';
export type { DecodeResult } from './decode.js';
export { joinBrokenWords } from './statements.js';

/**
 * Parses cable text (already decoded, LF line ends: see {@link decodeInput}) into a
 * {@link Document}. Never throws on any string: text that is not a cable is still returned as
 * portions (with a `not-a-cable` diagnostic), so nothing escapes review. See the module comment
 * for ids, spans and diagnostic codes.
 */
export function parseCable(source: string): Document {
  const { lines, roles, header: own, unmatchedHeader } = assignRoles(source);
  // A cable forwarded inside an e-mail: its E.O. line, below the e-mail's header (probe 62a F6).
  const forwarded = own.eo ? null : forwardedEo(source, lines, roles);
  const h: HeaderResult = forwarded ? { ...own, eo: forwarded } : own;
  const furniture: Span[] = [];
  const boilerplate: Span[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (roles[i] === 'furniture') furniture.push({ start: l.first, end: l.last });
    else if (roles[i] === 'boilerplate') boilerplate.push({ start: l.first, end: l.last });
  }
  const { portions: drafts } = groupBody(source, lines, roles);
  const statements = readStatements(source, h, drafts);
  const diagnostics: Diagnostic[] = [];
  const banner = buildBanner(source, h, diagnostics);
  const textLines = textClassificationLines(lines, roles, h);
  const classifiedSigns = banner?.marking?.level === 'U' ? cableClassifiedSigns(source, textLines, h, statements.classifiedBy) : [];
  for (const d of signDiagnostics(classifiedSigns)) diagnostics.push(d);
  const ctx: SettleContext = { source, entireMarking: statements.entireMarking };
  const { portions, draftOf, lookalikes } = settlePortions(ctx, h, lines, roles, drafts);

  // The document's level, for diagnostic severities: unknown counts as classified (fail closed).
  const recordClassification = h.record?.fields['classification'] ?? null;
  const recordMarking = recordClassification ? parseMarking(recordClassification.toUpperCase(), 'banner') : null;
  const docLevel: Level | null =
    banner?.marking?.level ?? (recordMarking && recordMarking.ok ? recordMarking.marking.level : null) ?? statements.entireMarking?.level ?? maxPortionLevel(portions);
  const classified = docLevel === null ? true : docLevel !== 'U';
  for (const p of portions) portionDiagnostics(p, draftOf.get(p) ?? null, classified, diagnostics, lookalikes.get(p) ?? null);
  diagnostics.push(...documentDiagnostics(source, h, banner, portions, classified));
  if (forwarded) diagnostics.push(forwardedEoDiagnostic(forwarded));
  diagnostics.push(...unmatchedHeader.map(unmatchedHeaderDiagnostic));
  diagnostics.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));

  const originated = originatedOf(h);
  const classifiedBy = statements.classifiedBy && { ...statements.classifiedBy, reasons: bareReasonsUnder(statements.classifiedBy.raw, statements.classifiedBy.reasons, originated) };
  if (classifiedBy && classifiedBy.reasons.some((r) => r.startsWith('reason ('))) {
    diagnostics.push({
      severity: 'info',
      code: 'reasons-as-written',
      message: `The Classified By line cites ${classifiedBy.reasons.join(', ')} by letter alone in a cable of ${originated}, before E.O. 12958 (14 October 1995) gave its categories the letters §1.5 and §1.4 cite (E.O. 12356 numbered them §1.3(a)(1)-(10)): they are cited as written, under no section.`,
      span: classifiedBy.span,
    });
    diagnostics.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));
  }
  return {
    source,
    ref: referenceOf(h),
    originated,
    record: h.record,
    routing: h.routing,
    banner,
    eo: h.eo,
    ...(forwarded ? { eoForwarded: true } : {}),
    ...eoInTextOf(source, lines, h),
    ...(h.declassifiedStamp ? { declassifiedStamp: h.declassifiedStamp } : {}),
    ...classificationLinesOf(textLines),
    tags: h.tags,
    subject: h.subject,
    refs: h.refs,
    classifiedBy,
    entireText: statements.entireText,
    portions,
    furniture,
    diagnostics,
    boilerplate,
    classifiedSigns,
  };
}

/**
 * What says a cable bannered UNCLASSIFIED may be classified: a classification line in its body
 * (a bottom banner, a page header) above U or not understood, the database record's
 * classification above U, a Classified By line, a DECL instruction (not `N/A`).
 */
function cableClassifiedSigns(source: string, textLines: readonly TextClassificationLine[], h: HeaderResult, classifiedBy: Field | null): ClassifiedSign[] {
  const signs: ClassifiedSign[] = [];
  for (const t of textLines) {
    if (signs.length >= MAX_SIGNS) break;
    const sign = bannerSign(t.marking, t.raw, 'a classification line in the text', t.span);
    if (sign) signs.push(sign);
  }
  const record = h.record?.fields['classification'] ?? null;
  const recordRead = record ? readBannerWords(record.toUpperCase()) : null;
  if (record && recordRead?.ok && recordRead.marking.level !== 'U') signs.push({ what: `the database record's classification reads ${JSON.stringify(record)}`, span: { start: 0, end: Math.min(1, source.length) } });
  if (classifiedBy) signs.push({ what: 'it has a Classified By line', span: classifiedBy.span });
  if (h.eo && isDeclassificationInstruction(parseDecl(h.eo.decl).kind)) signs.push({ what: `its E.O. line gives a declassification instruction (${JSON.stringify(h.eo.raw)})`, span: h.eo.span });
  return signs;
}

/** A classification line in a cable's text: its classification words as written and as read (null: not understood). */
interface TextClassificationLine {
  readonly raw: string;
  readonly marking: Marking | null;
  readonly span: Span;
}

/**
 * A cable's classification lines in its text: page furniture read as a banner, bare (`SECRET`) or
 * with its section (`S E C R E T SECTION 02 OF 02 STATE 000123`). Read once for the signs that an
 * UNCLASSIFIED cable may be classified and for the levels its declassification weighs.
 */
function textClassificationLines(lines: readonly Line[], roles: readonly Role[], h: HeaderResult): TextClassificationLine[] {
  const out: TextClassificationLine[] = [];
  for (let i = h.bodyStart; i < lines.length; i++) {
    const l = lines[i]!;
    const m = roles[i] === 'furniture' ? matchBanner(l.text) : null;
    if (!m) continue;
    const raw = l.text.slice(m.wordsStart, m.wordsEnd);
    const read = readBannerWords(raw);
    out.push({ raw, marking: read.ok ? read.marking : null, span: { start: l.first, end: l.last } });
  }
  return out;
}

/**
 * The first classification line in the text of each level read (every level is weighed, however
 * many lines), and every line that ends with a declassification instruction (each is weighed too).
 */
function classificationLinesOf(textLines: readonly TextClassificationLine[]): { classificationLines?: { level: Level; span: Span; declassifyOn?: string }[] } {
  const out: { level: Level; span: Span; declassifyOn?: string }[] = [];
  for (const t of textLines) {
    const m = t.marking;
    if (!m) continue;
    if (m.declassifyOn) out.push({ level: m.level, span: t.span, declassifyOn: m.declassifyOn });
    else if (!out.some((o) => o.level === m.level)) out.push({ level: m.level, span: t.span });
  }
  return out.length > 0 ? { classificationLines: out } : {};
}

/** What settling a portion's marking needs besides the draft. */
interface SettleContext {
  readonly source: string;
  /** The marking of an ENTIRE TEXT statement, which covers every unmarked portion. */
  readonly entireMarking: Marking | null;
  /**
   * For each draft with subparagraphs that carry a mark of their own, those marks (null: a mark
   * not understood). Absent for the subject.
   */
  readonly siblingMarks?: ReadonlyMap<DraftPortion, readonly (Marking | null)[]>;
}

/** The marks the subparagraphs of each draft carry (null: a mark not understood). */
function subparagraphMarks(drafts: readonly DraftPortion[]): Map<DraftPortion, (Marking | null)[]> {
  const out = new Map<DraftPortion, (Marking | null)[]>();
  for (const d of drafts) {
    if (d.kind !== 'subparagraph' || !d.parent || !d.mark) continue;
    const marks = out.get(d.parent) ?? [];
    marks.push(d.mark.status === 'marked' ? d.mark.marking : null);
    out.set(d.parent, marks);
  }
  return out;
}

/**
 * True when a sibling's own mark says more than the paragraph's (`¶1. (U) … three points:` /
 * `A. (S) …` / `B. …`), or was not understood: a (U) paragraph cannot hold a SECRET item, so its
 * mark is a lead-in's, not the list's, and an unmarked item's level is unknown. Under a
 * paragraph that covers them (`1. (C//NF) …` / `-- (C) …` / `-- …`) the item takes its mark.
 */
function siblingMarkedAbove(ctx: SettleContext, d: DraftPortion, parent: Portion): boolean {
  const marks = d.parent ? ctx.siblingMarks?.get(d.parent) : undefined;
  if (!marks || !parent.marking) return false;
  // Under a (U) paragraph, items that carry marks of their own say the paragraph's mark is its
  // lead-in's (`2. (U) Points:` / `(a) (U) …` / `(b) …`): an item without one has no known level.
  // Inherited, its text was released under a (U) it was never given.
  if (parent.marking.level === 'U' && marks.length > 0) return true;
  return marks.some((m) => m === null || raisedByMark(parent.marking!, m) !== null);
}

/**
 * The portions in document order (the subject where it is written, usually before the body), and
 * the draft each came from (for its diagnostics).
 */
function settlePortions(
  ctx: SettleContext,
  h: HeaderResult,
  lines: readonly Line[],
  roles: readonly Role[],
  drafts: readonly DraftPortion[],
): { portions: Portion[]; draftOf: Map<Portion, DraftPortion>; lookalikes: Map<Portion, LookalikeMark> } {
  const draftOf = new Map<Portion, DraftPortion>();
  const lookalikes = new Map<Portion, LookalikeMark>();
  const settle = (d: DraftPortion, id: string, parent: Portion | null, c: SettleContext = ctx): Portion => {
    const own = settleOwn(c, d, id, parent);
    const inside = own.markingSource === 'unknown' ? null : lookalikeMarkAbove(ctx.source, own);
    if (!inside) return own;
    // Not understood: nothing raised it (a level raised by marks inside is a marking's).
    const { raisedFrom: _raised, ...rest } = own;
    const p: Portion = { ...rest, marking: null, markingSource: 'unknown' };
    lookalikes.set(p, inside);
    return p;
  };
  const subjects: Portion[] = [];
  h.subjects.forEach((subj, k) => {
    const d = subjectDraft(ctx.source, lines, roles, subj);
    const p = settle(d, k === 0 ? 'subject' : `subject-${k + 1}`, null);
    draftOf.set(p, d);
    subjects.push(p);
  });
  const ids = assignIds(drafts);
  const listCtx: SettleContext = { ...ctx, siblingMarks: subparagraphMarks(drafts) };
  const settled = new Map<DraftPortion, Portion>();
  const body: Portion[] = [];
  for (const d of drafts) {
    const parent = d.parent ? (settled.get(d.parent) ?? null) : null;
    const p = settle(d, ids.get(d)!, parent, listCtx);
    settled.set(d, p);
    draftOf.set(p, d);
    const before = body[body.length - 1];
    const raised = before ? raisedByLoneMark(ctx.source, before, p) : null;
    if (before && raised) {
      // The portion before, raised: every map keyed by it now holds the raised one.
      const d0 = draftOf.get(before)!;
      draftOf.delete(before);
      draftOf.set(raised, d0);
      settled.set(d0, raised);
      body[body.length - 1] = raised;
    }
    body.push(p);
  }
  const portions = [...subjects, ...body];
  portions.sort((a, b) => a.span.start - b.span.start);
  return { portions, draftOf, lookalikes };
}

/**
 * `before` raised by `p` when `p` is a mark alone on its line right under `before`'s last line
 * (`2. (U) The source reported …` / `(S)`: a trailing mark wrapped onto a line of its own) and
 * says more than `before`'s marking; null otherwise. A blank line away it is left alone, as in
 * marked documents.
 */
function raisedByLoneMark(source: string, before: Portion, p: Portion): Portion | null {
  if (!p.mark || !p.marking || p.markingSource !== 'marked' || source.slice(p.mark.span.end, p.span.end).trim() !== '') return null;
  if (!before.marking || (before.markingSource !== 'marked' && before.markingSource !== 'inherited')) return null;
  if (!/^[ \t]*\n[ \t]*$/.test(source.slice(before.span.end, p.span.start))) return null;
  const both = raisedByMark(before.marking, p.marking);
  if (!both) return null;
  return { ...before, marking: { ...both, raw: before.marking.raw, span: before.marking.span, normalisations: [...both.normalisations, `raised by the mark ${p.mark.raw} alone on the line under it`] } };
}

/**
 * The first look-alike mark inside the portion's text (`(U) … [S] the source …`, a later line
 * opening `S//NF The source …`) that says more than the portion's marking, or that the grammar does
 * not read: which words it covers is not known, so the portion is a mark not understood (withheld
 * pending review). Null when none.
 */
function lookalikeMarkAbove(source: string, p: Portion): LookalikeMark | null {
  const from = p.mark ? p.mark.span.end : p.span.start;
  for (const inside of lookalikeMarksInside(source, from, p.span.end)) {
    if (inside.marking && p.marking && !raisedByMark(p.marking, inside.marking)) continue;
    return inside;
  }
  // `… the plan (ꓢ).`: a mark in an unread script ending a line, as the memo reader reads it.
  const unread = unreadScriptMarkAtLineEnd(source, from, p.span.end);
  return unread ? { ...unread, marking: null } : null;
}

/** The draft of a SUBJECT field: its lines (page furniture between them is a break), and its mark. */
function subjectDraft(source: string, lines: readonly Line[], roles: readonly Role[], subj: HeaderResult['subjects'][number]): DraftPortion {
  const subjLines: Line[] = [];
  const breaks: boolean[] = [];
  let sawFurniture = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.start >= subj.field.span.end) break;
    if (l.last <= subj.field.span.start && !l.blank) continue;
    if (roles[i] === 'subject') {
      breaks.push(subjLines.length > 0 && sawFurniture);
      subjLines.push(l);
      sawFurniture = false;
    } else if (roles[i] === 'furniture' && subjLines.length > 0) {
      sawFurniture = true;
    }
  }
  let at = subj.textStart;
  while (at < subj.field.span.end && (source[at] === ' ' || source[at] === '\t')) at++;
  const mark = at < subj.field.span.end ? readMarkAt(source, at) : null;
  return {
    kind: 'subject',
    number: null,
    suffix: '',
    parent: null,
    start: subj.field.span.start,
    mark,
    topic: false,
    lines: subjLines,
    breakBefore: breaks,
    gapBefore: breaks,
    heading: false,
    childMarks: 0,
    lastChildNumber: 0,
    lastChildLetter: null,
  };
}

/** Offset after a line's newline (the end of the text when it has none). */
function after(source: string, l: Line): number {
  return source.charCodeAt(l.end) === 10 ? l.end + 1 : l.end;
}

/**
 * A draft as a portion with its effective marking: its own mark, else its parent's (a
 * subparagraph), else the ENTIRE TEXT statement's, else none (`unmarked`).
 */
function settleOwn(ctx: SettleContext, d: DraftPortion, id: string, parent: Portion | null): Portion {
  const { source, entireMarking } = ctx;
  const last = d.lines[d.lines.length - 1];
  const end = last ? last.last : d.start;
  const span: Span = { start: d.start, end: Math.max(end, d.start) };
  const segments = segmentsOf(d, span.end, (l) => after(source, l));
  const mark: Field | null = d.mark ? { raw: source.slice(d.mark.start, d.mark.end), span: { start: d.mark.start, end: d.mark.end } } : null;
  let marking: Marking | null = null;
  let markingSource: MarkingSource;
  if (d.mark && d.mark.status === 'marked') {
    marking = d.mark.marking;
    markingSource = d.mark.entireText ? 'entire-text' : 'marked';
  } else if (d.mark) {
    markingSource = 'unknown';
  } else if (d.kind === 'subparagraph' && parent && parent.marking && !(parent.markingSource !== 'entire-text' && siblingMarkedAbove(ctx, d, parent)) && (parent.markingSource === 'marked' || parent.markingSource === 'inherited' || parent.markingSource === 'entire-text')) {
    // Not inherited when a sibling's own mark says more than the paragraph's: the item is then
    // unmarked (`¶1. (U) … three points:` / `A. (S) …` / `B. …`: B's level is unknown). An ENTIRE
    // TEXT statement still covers it.
    marking = parent.marking;
    markingSource = parent.markingSource === 'entire-text' ? 'entire-text' : 'inherited';
  } else if (d.kind === 'subparagraph' && parent && parent.markingSource === 'unknown') {
    markingSource = 'unknown';
  } else if (entireMarking) {
    // `CONFIDENTIAL - ENTIRE TEXT` covers every unmarked portion, the subject included.
    marking = entireMarking;
    markingSource = 'entire-text';
  } else {
    // A mark above plain (U) after a short prefix the grouping did not take for a number or bullet
    // (`1.1 (S) …`, `II  (SBU) …`, `[1] (S) …`), or ending the text (`SUBJECT: … FIRMS (S)`, `… at
    // the old airfield (S).`), is the portion's mark; one after a prefix on a later line leaves
    // unknown which of the words before it it covers: a mark not understood (withheld pending
    // review), as is one further inside it. Never unmarked text.
    const found = markAfterPrefix(source, span) ?? trailingMark(source, span);
    if (found && found.firstLine) {
      // Raised by the marks inside it like any marked text (`1.1 (S) … (TS) …`); from the text's
      // start, as a trailing mark ends it (before the mark there is only the short prefix).
      const raised = raisedBy(source, segments, null, found.marking);
      return { id, kind: d.kind, number: d.number, parent: parent?.id ?? null, marking: raised.marking, markingSource: 'marked', mark: found.mark, span, segments, ...(raised.raisedFrom ? { raisedFrom: raised.raisedFrom } : {}) };
    }
    markingSource = found || holdsLevelMark(source, span, d.number) ? 'unknown' : 'unmarked';
  }
  // A mark inside the text can only raise it (`(U) Released text (S) secret …`), as in marked documents.
  const raised = marking && (markingSource === 'marked' || markingSource === 'inherited') ? raisedBy(source, segments, mark, marking, d.number) : null;
  return {
    id,
    kind: d.kind,
    number: d.number,
    parent: parent?.id ?? null,
    marking: raised ? raised.marking : marking,
    markingSource,
    mark,
    span,
    segments,
    ...(raised?.raisedFrom ? { raisedFrom: raised.raisedFrom } : {}),
  };
}

/** A mark that starts with a U.S. level: `(S)`, `(TS//SI)`, `(C/NF)`, `(SECRET)`. */
const US_LEVEL_MARK = /^\((?:TS|S|C|TOP SECRET|SECRET|CONFIDENTIAL)(?:\)|[ \t]*\/)/;

/**
 * The U.S. level marks inside `span` from `from` on: an upper-case parenthetical not glued to a
 * word (`NOMINEE(S)`) that the grammar reads and that starts with a level. A `(C)` after a `(B)` in
 * the same text is a list label. With `within` (a portion's segments), a mark between them is page
 * furniture's (a later section's repeated `SUBJECT: (C) …` across a (U) paragraph), not the text's.
 */
function* levelMarksInside(source: string, span: Span, from: number, within?: readonly Span[]): Generator<Marking> {
  // The first `)` at or after the current `(`, kept across iterations: looking it up afresh for
  // each `(` made a text of many `(S ` and no `)` quadratic (0.9 MB: 2.2 s).
  let close = -1;
  for (let open = source.indexOf('(', from); open >= 0 && open < span.end; open = source.indexOf('(', open + 1)) {
    if (isLetterOrDigit(source.charCodeAt(open - 1)) || !/[A-Z]/.test(source[open + 1] ?? '')) continue;
    if (close < open) close = source.indexOf(')', open);
    if (close < 0 || close > span.end) return;
    if (close - open > 50) continue;
    const raw = source.slice(open, close + 1);
    // Only a U.S. level written as a mark counts (`(S)`, `(C//NF)`, `(SECRET)`): a control or NATO
    // abbreviation alone inside text is, in the corpus, an abbreviation (`the Sustainable Economy
    // Law (LES)`, `sensitive security information (SSI)`, `the National Crime Squad (NR)`).
    if (!US_LEVEL_MARK.test(raw)) continue;
    if (within && !within.some((g) => g.start <= open && open < g.end)) continue;
    // The line check reads the line's lead itself (blanks, then a dash or bullet): `-- (C) …` under
    // `-- (B) …` is a label even when a mark cut the portion between them.
    if (isNoMarkInText(source, open, raw, span.start) || labelAfterSiblingLine(source, open, raw)) continue;
    const read = parseMarking(raw, 'portion');
    if (read.ok) yield read.marking;
  }
}

/**
 * `marking` raised by every level mark inside the portion's `segments` (after its own mark; not in the furniture between them) that says more: a
 * higher level, or controls it lacks (`(S//REL TO USA, NATO) … (S//NF) …` is NOFORN: the NATO
 * reader must not see it).
 */
function raisedBy(source: string, segments: readonly Span[], own: Field | null, marking: Marking, number: string | null = null): { marking: Marking; raisedFrom?: RaisedFrom } {
  let raised = marking;
  let from: RaisedFrom | null = null;
  const span = { start: segments[0]!.start, end: segments[segments.length - 1]!.end };
  for (const inside of levelMarksInside(source, span, own ? own.span.end : afterOwnLabel(source, span, number), segments)) {
    const both = raisedByMark(raised, inside);
    if (!both) continue;
    // The mark named is the one that sets the level (`(C) … (TS//SI)`: the (TS//SI)).
    const higher = compareLevels(both.level, raised.level) > 0;
    raised = { ...both, raw: marking.raw, span: marking.span, normalisations: [...both.normalisations, `raised by the mark ${inside.raw} inside the portion`] };
    if (higher) from = raisedFromOf(marking, raised, inside.raw);
  }
  return from ? { marking: raised, raisedFrom: from } : { marking: raised };
}

/**
 * True when unmarked text holds a level mark above (U) (`| a | (S) cell |`, `Title (S)` over its
 * body): which words it covers is not known. A list item's own label (`(C) Seminar for …` after
 * `(B) …`, 09MEXICO3091) is its number, not a mark.
 */
function holdsLevelMark(source: string, span: Span, number: string | null): boolean {
  for (const inside of levelMarksInside(source, span, afterOwnLabel(source, span, number))) if (inside.level !== 'U') return true;
  return false;
}

/** Where a portion's text starts after its own list label (`(C) Seminar …`, item `C`), else its start. */
function afterOwnLabel(source: string, span: Span, number: string | null): number {
  return number !== null && source.startsWith(`(${number})`, span.start) ? span.start + number.length + 2 : span.start;
}

/**
 * The first line of `span` that opens, after a short prefix (`1.1 `, `[1] `, `> > `, `**`, `A.1 `,
 * `II  `), with a portion mark above plain (U): a level above U or a control (`(S)`, `(C//NF)`,
 * `(SBU)`); its mark, and whether that line is the portion's first. A mark at the very start of a
 * line is the grouping's to decide (`(C)` after `(B)` is a list label), and one further into a
 * line may be an abbreviation (`the National Crime Squad (NR)`).
 */
function markAfterPrefix(source: string, span: Span): MarkFound | null {
  for (let line = span.start; line < span.end; ) {
    const next = source.indexOf('\n', line);
    const end = next < 0 || next > span.end ? span.end : next;
    // Only the line's head is searched: a line without a parenthesis costs no scan to the next one.
    const at = source.slice(line, Math.min(end, line + 40)).indexOf('(');
    const open = at < 0 ? -1 : line + at;
    // Glued to a word or number (`2(C)(2)`, `NOMINEE(S)`), a parenthesis is no mark.
    if (open > line && !isLetterOrDigit(source.charCodeAt(open - 1)) && LINE_PREFIX.test(source.slice(line, open))) {
      const to = source.slice(open, Math.min(end, open + 51)).indexOf(')');
      const close = to < 0 ? -1 : open + to;
      // `-- (c) Yes, …` under `-- b) …`: a list's label, not a mark (src/parse/list-label.ts).
      if (close > open && !labelAfterSiblingLine(source, open, source.slice(open, close + 1))) {
        const found = markAbovePlainU(source, open, close);
        if (found) return { ...found, firstLine: line === span.start };
      }
    }
    line = end + 1;
  }
  return null;
}

/** A mark found by {@link markAfterPrefix} or {@link trailingMark}, and whether it marks the text from its first line. */
interface MarkFound {
  readonly mark: Field;
  readonly marking: Marking;
  readonly firstLine: boolean;
}

/** The mark `source[open..close]` when the grammar reads it above plain (U): a level above U, or a control. */
function markAbovePlainU(source: string, open: number, close: number): Omit<MarkFound, 'firstLine'> | null {
  const raw = source.slice(open, close + 1);
  const read = parseMarking(raw, 'portion');
  if (!read.ok || !abovePlainU(read.marking)) return null;
  const at = { start: open, end: close + 1 };
  return { mark: { raw, span: at }, marking: { ...read.marking, raw, span: at } };
}

/** A mark above plain (U) that ends `span` (`… FIRMS (S)`, `… airfield (S).`), not glued to the word before it; it marks the whole text. */
function trailingMark(source: string, span: Span): MarkFound | null {
  let close = span.end - 1;
  while (close > span.start && /[\s.;:,]/.test(source[close]!)) close--;
  if (source[close] !== ')') return null;
  const open = source.lastIndexOf('(', close);
  if (open <= span.start || close - open > 50 || source.slice(open, close).includes('\n') || isLetterOrDigit(source.charCodeAt(open - 1))) return null;
  const found = markAbovePlainU(source, open, close);
  return found ? { ...found, firstLine: true } : null;
}

/**
 * A short prefix before a mark: blanks, then up to eight characters that are not letters, a label
 * of one or two letters and its punctuation, or a paragraph label (`PARA 2 `, `Paragraph 3: `).
 */
const LINE_PREFIX = /^[ \t]*(?:[^\p{L}\s][^\p{L}]{0,7}|[A-Za-z]{1,2}[^\p{L}\s][^\p{L}]{0,5}|[A-Z]{1,2}[ \t]+|[Pp](?:ARA|ara)(?:GRAPH|graph)?\.?[ \t]*\d{1,3}[.):]?[ \t]+)$/u;

/**
 * E.O. lines with a DECL value in the text after the header that differs from the header's
 * (`E.O. 12958: DECL: 02/13/2040` under a header's `DECL: 02/13/2010`): the assessment keeps the
 * most protective instruction (a second one was dropped, and the cable released as of 2020).
 * Repeats of the header's own line (a cable held twice in its record) change nothing.
 */
function eoInTextOf(source: string, lines: readonly Line[], h: HeaderResult): { eoInText?: ExecutiveOrderLine[] } {
  const out: ExecutiveOrderLine[] = [];
  const own = h.eo?.decl?.trim().toUpperCase() ?? null;
  // Every line, the header's too: an instruction in or under its Classified By (`… (D). DECLASSIFY
  // ON: 25X1`, `DECL ON: 25X1` on the next line) counts as one after the header does. Only lines
  // that say DECL (found in one search of the whole text) or open with an E or a quote (an E.O.
  // line's start) are read: a test of every line cost more than the rest of this.
  const declAt: number[] = [];
  for (const c of source.matchAll(DECL_WORD)) declAt.push(c.index);
  let d = 0;
  for (let i = 0; i < lines.length && out.length < MAX_SIGNS; i++) {
    const l = lines[i]!;
    while (d < declAt.length && declAt[d]! < l.first) d++;
    const sayDecl = d < declAt.length && declAt[d]! < l.last;
    const opening = source.charCodeAt(l.first);
    if (l.blank || (!sayDecl && opening !== 0x45 && opening !== 0x65 && opening !== 0x22)) continue;
    const found = instructionOn(l.text);
    if (!found) continue;
    const declStart = l.first + found.declStart;
    // The value up to the next field on a re-flowed line (`… DECL: 07/02/2017 TAGS: …`).
    const rest = source.slice(declStart, l.last);
    const cut = /\s(?:TAGS?|SUBJECT|SUBJ|REF)\s*:/i.exec(rest);
    const decl = (cut ? rest.slice(0, cut.index) : rest).trim().replace(/\.$/, '');
    const code = codeUnder(source, lines[i + 1], decl, declStart);
    if (code) out.push(code);
    // Without the word DECL, only a short value that is an instruction (prose names orders too:
    // `E.O. 13382 in July 2008 …`); a quoted cable's `E.O. 12958: N/A` instructs nothing.
    if (decl === '' || (!found.keyword && decl.length > 30) || decl.toUpperCase() === own || !isDeclassificationInstruction(parseDecl(decl).kind)) continue;
    out.push({ raw: source.slice(l.first, l.last), span: { start: l.first, end: l.last }, order: found.order, decl, declSpan: { start: declStart, end: declStart + decl.length } });
  }
  return out.length > 0 ? { eoInText: out } : {};
}

/**
 * The line under an instruction when it is an exemption or a prior order's code that goes on with
 * it (`E.O. 12958: DECL: 02/13/2009` / `25X1-HUMAN`): the two read as one instruction
 * (`02/13/2009, 25X1-HUMAN`), which the assessment weighs with the header's (the cable was
 * declassified by the date alone).
 */
function codeUnder(source: string, l: Line | undefined, above: string, aboveStart: number): ExecutiveOrderLine | null {
  if (!l || l.blank || l.text.length > 60 || !DECL_CODE_START.test(l.text)) return null;
  const code = l.text.replace(/\.$/, '');
  const decl = withCodeUnder(above, code);
  if (!isDeclassificationInstruction(parseDecl(decl).kind)) return null;
  const span = { start: above === '' ? l.first : aboveStart, end: l.last };
  return { raw: source.slice(span.start, span.end), span, order: null, decl, declSpan: span };
}

/** The word a declassification keyword starts with, in any case. */
const DECL_WORD = /decl/gi;

/** A declassification keyword anywhere in a line (`DECL:`, `DECL ON:`, `DECLASSIFY ON:`). */
const DECL_ANYWHERE = /\bDECL(?:ASSIFY)?(?:\s+ON)?\s*:\s*/i;

/**
 * Where a declassification instruction's value starts on `text`: after an E.O. line's label (and
 * its DECL word, `keyword` then), or after a DECL keyword anywhere in the line (`E.O. 13526: 25X1`
 * and `DECLASSIFY ON: 02/13/2033` in a cable's text, or after its Classified By reasons, were not
 * read: the cable was released as declassified by the header's earlier date).
 */
function instructionOn(text: string): { declStart: number; order: string | null; keyword: boolean } | null {
  const m = matchEoLine(text);
  if (m) {
    const head = text.slice(0, m.declStart);
    if (/\bDECL/i.test(head)) return { declStart: m.declStart, order: m.order, keyword: true };
    const k = DECL_ANYWHERE.exec(text.slice(m.declStart));
    if (k) return { declStart: m.declStart + k.index + k[0].length, order: m.order, keyword: true };
    return { declStart: m.declStart, order: m.order, keyword: false };
  }
  const k = DECL_ANYWHERE.exec(text);
  return k ? { declStart: k.index + k[0].length, order: null, keyword: true } : null;
}
