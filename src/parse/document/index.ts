/**
 * The reader of modern marked documents (memos, reports, newsletters; plain text and Markdown,
 * including text that pdftotext extracted from a PDF): text in, {@link Document} out, the same
 * model the cable parser makes, so the engine, renderers and audit work on both. Pure (no I/O),
 * linear in the input, never throws.
 *
 * Conventions (as the cable parser's):
 * - `source` is the input verbatim; every span is half-open into it.
 * - Every non-blank character belongs to exactly one of: a portion segment; a furniture span (the
 *   lines of a `DYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS` banner, removed from
 *   releases); a boilerplate span (other banner lines, the classification authority block, date
 *   lines such as `Run Date: 02/22/2006`, lines with no letter or digit, a memo's form lines and
 *   letterhead).
 * - Portions are in document order and never overlap. Kinds: `title`, `subject`, `header` (`FROM:`
 *   and the lines under it, `MEMORANDUM FOR:`, `TO:`), `heading`, `paragraph`, `bullet`, `item`,
 *   `table-row`, `signature`. Ids: `title`, `subject`, `header` (`header-2` …), `signature`, and
 *   `p1`, `p2`, … for the rest in order.
 * - Effective marking: `marked` (its own mark, raised by any higher mark inside it), `unknown` (a
 *   mark the grammar did not understand, or one inside it), `unmarked`.
 * - `banner` is the first banner line that is not a DYNAMIC PAGE banner; every banner is in
 *   `pageBanners`. A bare `REL` in a portion mark reads as the REL TO list of `banner`, or, when the
 *   document has none, of its DYNAMIC PAGE banner.
 *
 * Diagnostic codes: `unmarked-portion` (error in a classified or unknown-level document, info in an
 * unclassified one), `unmarked-heading` and `unmarked-header` (warning/info), `unknown-marking`
 * (error), `marking-normalised` (info), `trailing-mark-unplaced` (warning: a mark at the end of a
 * line that could not be tied to the text before it), `mark-raised-inside` (warning: a mark inside
 * the text raised the portion's level), `sentence-marks-joined` (warning: a paragraph marked
 * sentence by sentence, read at its highest mark: ./sentence-marks.ts), `banner-highest-possible` (info),
 * `banner-unknown` (error), `unclassified-banner-contradicted` (error: see `classifiedSigns`),
 * `no-banner` (warning), `no-portions` (warning), `letterhead` (info: where the letterhead was
 * read), `date-line` (info: a date line, kept as written), `reader-error` (error: a bug in the
 * reader; every line is then an unmarked portion).
 */
import { abovePlainU, compareLevels, normalisedNote, raisedByMark, relToSubset, rollUp } from '../../markings/index.js';
import type { AuthorityBlock, Banner, ClassifiedSign, Diagnostic, Document, Field, Level, Marking, MarkingSource, PageBanner, Portion, PortionKind, RaisedFrom, Span } from '../../types.js';
import { loweredInsideDiagnostic, raisedFromOf, raisedInsideDiagnostic } from '../raised-inside.js';
import { bannerSign, MAX_SIGNS, signDiagnostics } from '../classified-signs.js';
import { findAuthority, type AuthorityRead } from './authority.js';
import { findBanners, LABEL, type BannerHit } from './banners.js';
import { foldBannerStandIns, holdsClassification, readClassificationLine, readsAsClassificationLine, type TextClassificationLine } from './classification-lines.js';
import { groupPortions, type Draft, type PageFlow } from './group.js';
import { frontMatterSigns } from './front-matter.js';
import type { MarkHit } from './marks.js';
import { folioLines } from './folio.js';
import { closedFenceLines, fencedBlocks, fencedLines } from './fences.js';
import { quotedMessages, unclassifiedMessages } from './messages.js';
import { unclassifiedOwnBannerSpans } from './own-banner.js';
import { isBarePunctuation, isRunDateLine, lineRole, officeSymbolLines, type LineRole } from './header.js';
import { letterheadLines } from './letterhead.js';
import { isSignatureBlock } from './signature.js';
import { splitDocLines, undecorated, wrapWidth, type DocLine } from './lines.js';
import { portionLabel } from '../portion-label.js';
import { sentenceMarks, sentenceMarksDiagnostic } from './sentence-marks.js';
import { heldAboveStrays, placelessMarkSigns, strayDiagnostic, strayHolds } from './stray-marks.js';

/**
 * Reads a modern marked document (decoded text, LF line ends, form feeds between pages). Never
 * throws: a bug in the reader gives every line as an unmarked portion (withheld in a classified
 * document) with a `reader-error` diagnostic.
 */
export function parseMarkedDocument(source: string, pageFlow?: PageFlow): Document {
  try {
    return readDocumentText(source, pageFlow);
  } catch (error) {
    return fallback(source, error);
  }
}

function readDocumentText(source: string, pageFlow: PageFlow | undefined): Document {
  const lines = splitDocLines(source);
  const { roles, banners, authority, dates, letterhead, fences } = readRoles(source, lines);
  const pageBanners = placeBanners(source, lines, roles, banners);
  const own = pageBanners.find((b) => !b.highestPossible) ?? null;
  const dynamic = pageBanners.find((b) => b.highestPossible && b.marking) ?? null;
  const textLines = classificationLinesInText(source, lines, roles);
  // A classification line not understood in a classified document: what the document holds is
  // not known, so neither is its banner (read from the first banner alone, a NATO SECRET memo's
  // `SECRET//NOFORN//WNINTEL` page went to a NATO audience as NATO's own unmarked text).
  const unread = own?.marking && own.marking.level !== 'U' && textLines.some((t) => t.whole && t.marking === null);
  const bannerMarking = own && !unread ? documentMarking(own, pageBanners) : null;
  // A bare `REL` takes the list every banner allows (documentMarking), not the first banner's.
  const bannerRelTo = (own ? bannerMarking?.relTo : dynamic?.marking?.relTo) ?? [];

  // --- Portions.
  const contentLines = lines.filter((_, i) => roles[i] === 'content');
  const block = authority.block;
  const readSigns = bannerMarking?.level === 'U' ? withFrontMatterSigns(documentClassifiedSigns(pageBanners, own, block, textLines), frontMatterSigns(lines, bannerMarking, MAX_SIGNS)) : [];
  // Only where the document is known to be UNCLASSIFIED is `Top Secret (TS) clearances` text: in a
  // classified one the mark may mark what follows it (probe 60d F1), so it raises the portion.
  const definitions = bannerMarking?.level === 'U' && readSigns.length === 0;
  const drafts = groupPortions({ source, lines, roles, bannerRelTo, definitions, width: wrapWidth(contentLines), levelBreaks: levelBreaks(banners, own), fences, pageFlow });
  const settled = settle(source, lines, roles, drafts, bannerMarking?.level ?? null);
  // A classified mark no portion opens with contradicts the banner as any other sign does (probe 69a F1).
  const classifiedSigns = bannerMarking?.level === 'U' ? withFrontMatterSigns(readSigns, placelessMarkSigns(drafts)) : readSigns;
  const messages = unclassifiedMessages(lines, roles, banners, settled);
  const quoted = quotedMessages(lines, roles, banners).map((m) => m.span);
  const inMessage = (p: Portion) => messages.some((m) => p.span.start >= m.start && p.span.end <= m.end);
  const ownU = unclassifiedOwnBannerSpans(lines, roles, banners, settled);
  const inOwnU = (p: Portion) => ownU.some((m) => p.span.start >= m.start && p.span.end <= m.end);
  const portions = messages.length + ownU.length === 0 ? settled : settled.map((p) => (p.markingSource !== 'unmarked' ? p : inMessage(p) ? { ...p, inUnclassifiedMessage: true as const } : inOwnU(p) ? { ...p, underUnclassifiedBanner: true as const } : p));

  // A banner's further lines (`Caveats: FOUO`, `FOR OFFICIAL USE ONLY` under the classification)
  // are its caveats: a release shows the recomputed banner, not them.
  const banner: Banner | null = own ? { raw: own.raw, span: own.span, marking: bannerMarking, caveats: own.lines.slice(1).map((l) => ({ raw: source.slice(l.start, l.end), span: l })), section: null } : null;
  const diagnostics = documentDiagnostics({ source, lines, banners, pageBanners, dynamic, banner, portions, drafts, classifiedSigns, letterhead, dates });
  const unreadLines = textLines.filter((t) => t.whole && t.marking === null);
  for (const t of unreadLines) diagnostics.push(unreadLineDiagnostic(t));
  if (unreadLines.length > 0) diagnostics.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));
  const { furniture, boilerplate } = lineSpans(lines, roles);
  const subjectPortion = portions.find((p) => p.kind === 'subject');
  const subject: Field | null = subjectPortion ? { raw: source.slice(subjectPortion.span.start, subjectPortion.span.end), span: subjectPortion.span } : null;
  // The latest date line's: an e-mail printout's newest message is the document's (its quoted
  // messages are older), and a later origination never brings a computed declassification date
  // forward. Of one line's dates (`Run Dates: 11/22/2006, 11/23/2006`), the first: the article
  // existed when it first ran.
  const firstOfLine = new Map<number, string>();
  for (const d of dates) if (!firstOfLine.has(d.span.start) || d.date < firstOfLine.get(d.span.start)!) firstOfLine.set(d.span.start, d.date);
  const originated = firstOfLine.size > 0 ? [...firstOfLine.values()].reduce((a, b) => (b > a ? b : a)) : null;

  return {
    source,
    ref: null,
    originated,
    record: null,
    routing: { precedence: null, dtg: null, from: null, to: [], info: [] },
    banner,
    eo: null,
    tags: null,
    subject,
    refs: [],
    classifiedBy: block && (block.classifiedBy || block.reason) ? { raw: block.raw, span: block.span, reasons: block.reasons } : null,
    entireText: null,
    portions,
    furniture,
    boilerplate,
    ...(messages.length > 0 ? { unclassifiedMessages: messages } : {}),
    ...(quoted.length > 0 ? { quotedMessages: quoted } : {}),
    diagnostics,
    format: 'document',
    authority: block,
    pageBanners,
    classifiedSigns,
    ...(unreadLines.length > 0 ? { unreadClassificationLines: unreadLines.map((t) => t.span) } : {}),
  };
}

/**
 * The document banner's marking: the first banner's, rolled up with the document's other banners
 * that say more. An UNCLASSIFIED document takes the controls its other UNCLASSIFIED banners carry
 * and the first does not (`UNCLASSIFIED` at the top, `UNCLASSIFIED//FOR OFFICIAL USE ONLY` at the
 * bottom: read from the first alone, the FOUO document's unmarked text was released as
 * unclassified; other banners above U are signs that it may be classified: see
 * documentClassifiedSigns). A classified document takes the higher level and the further controls
 * of its other banners (`NATO SECRET` at the top, `TOP SECRET//NOFORN` on a later page or at the
 * bottom: read from the first alone, the document was NATO's own and its unmarked text went to a
 * NATO audience, the US-only page too), and only the countries every banner's REL TO list names
 * (`REL TO USA, FVEY` at the top, `REL TO USA, GBR` at the bottom: a bare `(S//REL)` and the
 * unmarked text went to all of FVEY).
 */
function documentMarking(own: PageBanner, pageBanners: readonly PageBanner[]): Marking | null {
  const m = own.marking;
  if (!m) return m;
  const saysMore = (o: Marking) =>
    o.controls.some((c) => !m.controls.includes(c)) ||
    o.sci.some((s) => !m.sci.includes(s)) ||
    (m.level !== 'U' && compareLevels(o.level, m.level) > 0) ||
    (m.relTo.length > 0 && o.relTo.length > 0 && !relToSubset(m.relTo, o.relTo));
  const others = pageBanners.filter((b) => b !== own && !b.highestPossible && b.marking !== null && (m.level !== 'U' || b.marking.level === 'U') && saysMore(b.marking));
  if (others.length === 0) return m;
  const rolled = rollUp([m, ...others.map((b) => b.marking!)]);
  return { ...rolled, raw: m.raw, span: m.span, normalisations: [...rolled.normalisations, `controls of the document's other banners added: ${others.map((b) => b.raw.replace(/\s+/g, ' ')).join('; ')}`] };
}

/** The lines of every banner whose level is not `own`'s, or that was not understood (DYNAMIC PAGE banners aside). */
function levelBreaks(banners: ReadonlyMap<number, BannerHit>, own: PageBanner | null): Set<number> {
  const out = new Set<number>();
  const level = own?.marking?.level ?? null;
  for (const b of banners.values()) {
    if (b.highestPossible || (b.marking !== null && b.marking.level === level)) continue;
    for (const k of b.lines) out.add(k);
  }
  return out;
}

/**
 * What says a document bannered UNCLASSIFIED may be classified: another banner above U or not
 * understood (a DYNAMIC PAGE banner states only what the page could hold: not a sign), a
 * classification line in the text above U or not understood, or a classification authority block.
 */
function documentClassifiedSigns(pageBanners: readonly PageBanner[], own: PageBanner | null, block: AuthorityBlock | null, textLines: readonly TextClassificationLine[]): ClassifiedSign[] {
  const signs: ClassifiedSign[] = [];
  for (const b of pageBanners) {
    if (signs.length >= MAX_SIGNS) break;
    if (b === own || b.highestPossible) continue;
    const sign = bannerSign(b.marking, b.raw, `the ${b.position === 'inline' ? '' : `${b.position} `}banner on page ${b.page}`, b.span);
    if (sign) signs.push(sign);
  }
  for (const t of textLines.slice(0, MAX_SIGNS)) {
    const sign = bannerSign(t.marking, t.raw, t.whole ? 'a classification line in the text' : 'a line of the text', t.span);
    if (sign) signs.push(sign);
  }
  if (block && (block.classifiedBy || block.derivedFrom || block.reason || block.declassifyOn.length > 0)) signs.push({ what: 'it has a classification authority block', span: block.span });
  return signs;
}

/** The document's signs and, after them, the front matter's on lines no sign of the document names already (one line, one error). */
function withFrontMatterSigns(signs: readonly ClassifiedSign[], front: readonly ClassifiedSign[]): ClassifiedSign[] {
  return [...signs, ...front.filter((f) => !signs.some((s) => f.span.start < s.span.end && s.span.start < f.span.end))];
}

/**
 * The role of every line: banners (a DYNAMIC PAGE one is furniture), the authority block, then
 * header, subject, date and rule lines among the rest; with the dates that date lines give.
 */
function readRoles(
  source: string,
  lines: readonly DocLine[],
): { roles: LineRole[]; banners: Map<number, BannerHit>; authority: AuthorityRead; dates: { date: string; span: Span }[]; letterhead: number[]; fences: Map<number, number> } {
  const roles: LineRole[] = lines.map((l) => (l.blank ? 'blank' : 'content'));
  const banners = findBanners(source, lines);
  for (const b of banners.values()) for (const k of b.lines) roles[k] = b.highestPossible ? 'furniture' : 'banner';
  // A closed fenced block's lines are its literal text, never the document's authority block.
  const inFence = closedFenceLines(source, lines, roles);
  const authority = findAuthority(source, lines, (i) => roles[i] !== 'content' || inFence.has(i));
  for (const i of authority.lines) roles[i] = 'authority';
  const dates: { date: string; span: Span }[] = [];
  const found = lines.map((l, i) => (roles[i] === 'content' ? lineRole(l) : null));
  for (let i = 0; i < lines.length; i++) if (found[i]) roles[i] = found[i]!.role;
  // A fenced code block's lines, its fences too, are its text (`DATE: …`, `---`, a bare ```` ``` ````):
  // one portion (see fences.ts), no line of it boilerplate kept whatever the block's decision.
  const fences = fencedBlocks(source, lines, roles);
  const fenced = fencedLines(fences, lines);
  for (const k of fenced) roles[k] = 'content';
  // Punctuation right under a line of text is that text's (`please notify (` / `).`, the name
  // between blanked by the publisher): as a rule line it was boilerplate, kept in a release that
  // withheld the paragraph.
  for (let i = 1; i < lines.length; i++) {
    if (roles[i] === 'rule' && roles[i - 1] === 'content' && lines[i]!.page === lines[i - 1]!.page && isBarePunctuation(lines[i]!.text)) roles[i] = 'content';
  }
  // Date lines are the header's (`DATE: 12 March 2012`, `Run Date:`, an e-mail's `Sent:`): in the
  // body, a date line that does not sit right under header lines is text of the body, to be decided
  // with what is around it (`(S) The meeting is set.` / `Date: 12 March 2012`): as boilerplate it
  // was released whatever the paragraph's mark.
  const body = bodyLines(lines, roles);
  // A date alone on its line is the letter's or memo's date only as a paragraph of its own above
  // the first header or subject line (`June 3, 2015` over `MEMORANDUM FOR …`); anywhere else it is
  // text (a seminar's date inside an announcement, a quote's date under its `From:`).
  const firstHeader = roles.findIndex((r) => r === 'header' || r === 'subject');
  const alone = (i: number) => (i === 0 || lines[i - 1]!.blank) && (i + 1 === lines.length || lines[i + 1]!.blank);
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== 'date') continue;
    if ((found[i]?.bare && (firstHeader < i || !alone(i))) || (body[i] && !isRunDateLine(lines[i]!))) {
      roles[i] = 'content';
      continue;
    }
    for (const d of found[i]?.dates ?? []) dates.push({ date: d, span: { start: lines[i]!.first, end: lines[i]!.last } });
  }
  for (const i of officeSymbolLines(lines, roles)) roles[i] = 'rule';
  for (const i of folioLines(lines, roles)) roles[i] = 'folio';
  const letterhead = letterheadLines(lines, roles);
  for (const i of letterhead) roles[i] = 'rule';
  // The passes after this one (office symbols, page numbers, letterhead) leave a fence's lines alone too.
  for (const k of fenced) roles[k] = 'content';
  return { roles, banners, authority, dates, letterhead: letterhead.filter((i) => !fenced.has(i)), fences };
}

/**
 * For each line, whether it is in the body: after a paragraph that is neither the document's first
 * text (its title, when no header line came before it) nor lines right under a header line (`FROM:`
 * and the author under it), and not itself right under header, subject or date lines. Rule lines
 * (`,`, `--`) are passed over.
 */
function bodyLines(lines: readonly DocLine[], roles: readonly LineRole[]): boolean[] {
  const out = new Array<boolean>(lines.length).fill(false);
  let started = false;
  let seenContent = false;
  /** Role of the previous non-blank, non-rule line when no blank line comes between, else null. */
  let above: LineRole | null = null;
  for (let i = 0; i < lines.length; i++) {
    const role = roles[i]!;
    if (role === 'blank') {
      above = null;
      continue;
    }
    if (role === 'rule') {
      if (/\p{L}/u.test(lines[i]!.text)) seenContent = true; // MEMORANDUM FOR THE RECORD: the memo's header
      continue;
    }
    if (role === 'folio') continue;
    const underHeader = above === 'header' || above === 'subject' || above === 'date';
    if (role === 'content' && above !== 'content') {
      if (seenContent && !underHeader) started = true;
      seenContent = true;
    }
    // After a memo's header lines the first paragraph is the body, not a title.
    if (role === 'header' || role === 'subject') seenContent = true;
    out[i] = started && !underHeader;
    above = role === 'content' && above === 'header' ? 'header' : role;
  }
  return out;
}

/** What the document-level diagnostics are made from. */
interface DiagnosticsInput {
  readonly source: string;
  readonly lines: readonly DocLine[];
  readonly banners: ReadonlyMap<number, BannerHit>;
  readonly pageBanners: readonly PageBanner[];
  readonly dynamic: PageBanner | null;
  readonly banner: Banner | null;
  readonly portions: readonly Portion[];
  readonly drafts: readonly Draft[];
  readonly classifiedSigns: readonly ClassifiedSign[];
  /** Lines read as the memo's letterhead (boilerplate). */
  readonly letterhead: readonly number[];
  /** The dates of date lines (boilerplate), with their lines' spans. */
  readonly dates: readonly { date: string; span: Span }[];
}

/** Every portion's diagnostics, then the banners' and the document's, sorted by position. */
function documentDiagnostics(input: DiagnosticsInput): Diagnostic[] {
  const { source, lines, banners, pageBanners, dynamic, banner, portions, drafts, classifiedSigns, letterhead, dates } = input;
  const diagnostics: Diagnostic[] = [];
  const topPortion = maxLevel(portions);
  const docLevel: Level | null = banner?.marking ? maxOf(banner.marking.level, topPortion) : topPortion;
  const classified = docLevel === null || docLevel !== 'U' || portions.some((p) => p.markingSource === 'unknown');
  portions.forEach((p, k) => portionDiagnostics(source, p, drafts[k]!, classified, diagnostics));

  for (const b of banners.values()) {
    if (b.marking === null) {
      diagnostics.push({ severity: 'error', code: 'banner-unknown', message: b.message ?? 'A banner was not understood.', span: { start: lines[b.lines[0]!]!.first, end: lines[b.lines[b.lines.length - 1]!]!.last } });
    }
  }
  if (dynamic) {
    diagnostics.push({
      severity: 'info',
      code: 'banner-highest-possible',
      message: `The DYNAMIC PAGE banner states the highest classification the page could hold (${dynamic.raw.replace(/\s+/g, ' ')}), not this document's own; its level comes from its portion marks.`,
      span: dynamic.span,
    });
  }
  if (pageBanners.length === 0 && classified) {
    diagnostics.push({
      severity: 'warning',
      code: 'no-banner',
      message: 'No banner line (e.g. SECRET//NOFORN at the top and bottom of each page) was found.',
      span: { start: 0, end: Math.min(source.length, 1) },
    });
  }
  if (portions.length === 0) {
    diagnostics.push({ severity: 'warning', code: 'no-portions', message: 'No text was found outside banners, header and authority lines.' });
  }
  if (letterhead.length > 0) {
    diagnostics.push({
      severity: 'info',
      code: 'letterhead',
      message: 'These lines were read as the letterhead (the issuing office and its address at the top of the first page): kept as written, not a portion to mark.',
      span: { start: lines[letterhead[0]!]!.first, end: lines[letterhead[letterhead.length - 1]!]!.last },
    });
  }
  for (const d of dateLineDiagnostics(dates)) diagnostics.push(d);
  for (const d of signDiagnostics(classifiedSigns)) diagnostics.push(d);
  diagnostics.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));
  return diagnostics;
}

/**
 * A note on each date line (`DATE: 12 March 2012`, an e-mail's `Sent: Monday, May 2, 2022 9:00 AM`,
 * a letter's date): kept as written, not a portion, it is in no decision, and a forwarded
 * message's `Sent:` line under its `From:` portion was released with nothing to say why (probe
 * 60a, F10). The note puts it in the record.
 */
function dateLineDiagnostics(dates: readonly { date: string; span: Span }[]): Diagnostic[] {
  const seen = new Set<number>();
  const out: Diagnostic[] = [];
  for (const d of dates) {
    if (seen.has(d.span.start)) continue;
    seen.add(d.span.start);
    out.push({ severity: 'info', code: 'date-line', message: `This line was read as a date line (${d.date}), boilerplate of the header: kept as written, not a portion to mark.`, span: d.span });
  }
  return out;
}

/** The furniture (DYNAMIC PAGE banner lines) and boilerplate (other banners, page numbers, authority, date and rule lines) of the text. */
function lineSpans(lines: readonly DocLine[], roles: readonly LineRole[]): { furniture: Span[]; boilerplate: Span[] } {
  const furniture: Span[] = [];
  const boilerplate: Span[] = [];
  lines.forEach((l, i) => {
    const r = roles[i];
    if (r === 'furniture') furniture.push({ start: l.first, end: l.last });
    else if (r === 'banner' || r === 'folio' || r === 'authority' || r === 'date' || r === 'rule') boilerplate.push({ start: l.first, end: l.last });
  });
  return { furniture, boilerplate };
}

/** Page, position and span of every banner. */
function placeBanners(source: string, lines: readonly DocLine[], roles: readonly LineRole[], banners: ReadonlyMap<number, BannerHit>): PageBanner[] {
  // First and last content line of each page.
  const firstOn = new Map<number, number>();
  const lastOn = new Map<number, number>();
  lines.forEach((l, i) => {
    // Only text counts: a banner under the authority block is still the page's bottom banner.
    if (roles[i] !== 'content' && roles[i] !== 'header' && roles[i] !== 'subject') return;
    if (!firstOn.has(l.page)) firstOn.set(l.page, i);
    lastOn.set(l.page, i);
  });
  const out: PageBanner[] = [];
  for (const [i, b] of [...banners].sort((a, z) => a[0] - z[0])) {
    const page = lines[i]!.page;
    const f = firstOn.get(page);
    const l = lastOn.get(page);
    const position = f === undefined || f > i ? 'top' : l! < i ? 'bottom' : 'inline';
    out.push({
      raw: source.slice(b.start, b.end),
      span: { start: b.start, end: b.end },
      lines: b.lines.map((k) => ({ start: lines[k]!.first, end: lines[k]!.last })),
      marking: b.marking,
      page,
      position,
      highestPossible: b.highestPossible,
    });
  }
  return out;
}

/** Drafts → portions: kinds, ids, spans, segments and effective markings. */
function settle(source: string, lines: readonly DocLine[], roles: readonly LineRole[], drafts: readonly Draft[], docLevel: Level | null): Portion[] {
  const firstHeader = roles.findIndex((r) => r === 'header');
  // A signature block comes after the last marked portion (none after it: it closes the document).
  const lastMarked = drafts.findLastIndex((d) => d.lead !== null);
  const used = new Set<string>();
  const unique = (base: string): string => {
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  };
  let n = 0;
  const heldAbove = heldAboveStrays(lines, drafts, docLevel);
  return drafts.map((d, k) => {
    const first = d.pieces[0]!;
    const last = d.pieces[d.pieces.length - 1]!;
    let kind = kindOf(d, source);
    // The title: the first portion above the header block, or the first `# ` heading.
    const aboveHeader = k === 0 && firstHeader >= 0 && first.line < firstHeader && (kind === 'paragraph' || kind === 'heading');
    const h1 = kind === 'heading' && /^#[ \t]/.test(source.slice(first.start, first.start + 2)) && !used.has('title');
    if (aboveHeader || h1) kind = 'title';
    else if (kind === 'paragraph' && lastMarked >= 0 && k > lastMarked && isSignatureBlock(lines, roles, d)) kind = 'signature';
    const id = kind === 'title' || kind === 'subject' || kind === 'header' || kind === 'signature' ? unique(kind) : unique(`p${++n}`);

    const segments: Span[] = [];
    let segStart = first.start;
    for (let j = 1; j < d.pieces.length; j++) {
      const p = d.pieces[j]!;
      if (!p.breakBefore) continue;
      const before = d.pieces[j - 1]!;
      const nl = source.indexOf('\n', before.end);
      const end = nl >= 0 && source.slice(before.end, nl).trim() === '' ? nl + 1 : before.end;
      segments.push({ start: segStart, end });
      segStart = p.start;
    }
    segments.push({ start: segStart, end: last.end });

    const { marking, markingSource, unplaced, raisedFrom } = heldAbove.has(k) ? STRAY_HELD : effectiveMarking(d, docLevel);
    return {
      id,
      kind,
      number: d.number,
      parent: null,
      marking,
      markingSource,
      mark: d.lead ? { raw: d.lead.raw, span: { start: d.lead.start, end: d.lead.end } } : null,
      span: { start: first.start, end: last.end },
      segments,
      ...(unplaced ? { markUnplaced: true as const } : {}),
      ...(markingSource === 'unknown' && d.lead?.firstCellOnly ? { markFirstCellOnly: true as const } : {}),
      ...(markingSource === 'unknown' && d.lead?.cellsPartlyMarked ? { rowCellsPartlyMarked: { atLeast: d.lead.firstCellOnly ?? null } } : {}),
      ...(markingSource === 'unmarked' && d.itemUnder ? { listItemUnderMark: true as const } : {}),
      ...(raisedFrom ? { raisedFrom } : {}),
    };
  });
}

/** A portion a mark ending its line, or a line right under it, may mark (stray-marks.ts): held for review. */
const STRAY_HELD: { marking: null; markingSource: MarkingSource; unplaced: true; raisedFrom?: RaisedFrom } = { marking: null, markingSource: 'unknown', unplaced: true };

function kindOf(d: Draft, source: string): PortionKind {
  switch (d.structure) {
    case 'header':
      return 'header';
    case 'subject':
      return 'subject';
    case 'heading':
      return 'heading';
    case 'table-row':
      return 'table-row';
    case 'bullet':
      return 'bullet';
    case 'item':
      return 'item';
    default:
      // A line of sentences (several, or each with its mark: probe62a F7) is a paragraph, not a heading.
      return d.trailingLead && d.pieces.length === 1 && !d.trailsSentences && sentenceMarks(source, d).length === 0 ? 'heading' : 'paragraph';
  }
}

/**
 * The portion's own mark, raised by every mark inside it that says more (see raisedByMark). A mark
 * at U trailing several sentences in a document not bannered UNCLASSIFIED (`The raid on … will
 * begin at dawn. The press covered the statement (U).` in a SECRET memo, released whole as (U)) is
 * a mark whose reach is not known: withheld pending review. SIDtoday marks its lead paragraphs
 * so, whole; a classified mark there withholds the whole paragraph, as it means to.
 */
function effectiveMarking(d: Draft, docLevel: Level | null): { marking: Marking | null; markingSource: MarkingSource; unplaced?: true; raisedFrom?: RaisedFrom } {
  const lead = d.lead;
  // Text without a mark of its own that holds a mark above plain (U) (`(a) (S) …`, `[1] (S) …`,
  // after a prefix the reader does not take for a bullet): which words the mark covers is not
  // known, so the portion is a mark not understood (withheld pending review), not unmarked text.
  if (!lead) return strayHolds(d, docLevel) ? STRAY_HELD : { marking: null, markingSource: d.raises.some(notPlainU) ? 'unknown' : 'unmarked' };
  // A table row whose (U) marks its first cell only, in an UNCLASSIFIED document: unmarked text
  // there is unclassified text (the other cells say nothing above U, or they hold a mark).
  if (lead.firstCellOnly === 'U' && docLevel === 'U' && !d.raises.some(notPlainU)) return { marking: null, markingSource: 'unmarked' };
  if (lead.status !== 'marked' || !lead.marking) return { marking: null, markingSource: 'unknown' };
  const span = { start: lead.start, end: lead.end };
  let marking: Marking = { ...lead.marking, raw: lead.raw, span };
  let raisedFrom: RaisedFrom | null = null;
  for (const r of d.raises) {
    if (r.lookalike) continue;
    if (r.status !== 'marked' || !r.marking) return { marking: null, markingSource: 'unknown' };
    const both = raisedByMark(marking, r.marking);
    if (!both) continue;
    // The mark named is the one that sets the level (`(C) … (TS//SI)`: the (TS//SI)).
    const higher = compareLevels(both.level, marking.level) > 0;
    marking = { ...both, raw: lead.raw, span, normalisations: [...both.normalisations, `raised by the mark ${r.raw} inside the portion`] };
    if (higher) raisedFrom = raisedFromOf(lead.marking, marking, r.raw);
  }
  // A look-alike mark inside (`[S]`, `Tuesday(S//NF)`, a lone mark under it) that says more than the
  // portion's marking as raised by its marks, or that the grammar does not read: which words it
  // covers is not known.
  if (d.raises.some((r) => r.lookalike && (!r.marking || raisedByMark(marking, r.marking)))) return { marking: null, markingSource: 'unknown' };
  // The mark was understood; which sentences it marks was not (Portion.markUnplaced).
  if (d.trailsSentences && marking.level === 'U' && docLevel !== 'U') return { marking: null, markingSource: 'unknown', unplaced: true };
  return raisedFrom ? { marking, markingSource: 'marked', raisedFrom } : { marking, markingSource: 'marked' };
}

/** A mark not understood, or one above plain (U): a level above U, or any control. */
function notPlainU(m: MarkHit): boolean {
  return m.status !== 'marked' || !m.marking || abovePlainU(m.marking);
}

function maxOf(a: Level, b: Level | null): Level {
  return b !== null && compareLevels(b, a) > 0 ? b : a;
}

function maxLevel(portions: readonly Portion[]): Level | null {
  let level: Level | null = null;
  for (const p of portions) if (p.marking) level = level === null ? p.marking.level : maxOf(level, p.marking.level);
  return level;
}

function portionDiagnostics(source: string, p: Portion, d: Draft, classified: boolean, out: Diagnostic[]): void {
  const where = p.mark?.span ?? { start: p.span.start, end: Math.min(p.span.end, p.span.start + 1) };
  if (d.trailsSentences && p.markingSource === 'unknown') {
    out.push({
      severity: 'warning',
      code: 'trailing-mark-unplaced',
      message: `The mark ${d.lead!.raw} ends a paragraph of several sentences: which of them it marks is not known; the portion is held for review.`,
      span: where,
    });
  }
  if (d.strayTrailing) out.push(strayDiagnostic(d.strayTrailing, p.markUnplaced === true));
  for (const t of d.readAsText) {
    out.push({
      severity: 'warning',
      code: 'parenthetical-read-as-text',
      message:
        t.definition
          ? `${t.raw} follows the words it abbreviates or names a mark as an example, in a document bannered UNCLASSIFIED: it was read as text, not as a mark, so it does not raise this portion; if it marks the words after it, start their paragraph with it.`
          : t.status === 'marked'
          ? `The mark ${t.raw} at the start of this line is followed by lower case under a line that ends no sentence: a mark named in the sentence that the line wrap put first, not a new portion, so the line goes on with the portion above and the mark can only raise it; if it opens a paragraph, put a blank line or a sentence end before it.`
          : `${t.raw} at the start of this line goes on with the sentence above (an acronym or office code the line wrap put there), so it was read as text, not as a mark; if it is a mark, start its paragraph with it.`,
      span: { start: t.start, end: t.end },
    });
  }
  if (p.markingSource === 'unknown') {
    // The mark was read; where it applies was not: the trailing-mark-unplaced warning (this
    // portion's, or the stray mark's under it) says so, not that the mark was not understood (probe 69a F2).
    if (p.markUnplaced) return;
    if (!d.lead) {
      const inside = d.raises.find(notPlainU)!;
      out.push({
        severity: 'error',
        code: 'unknown-marking',
        message: `This text has no mark of its own but holds the mark ${inside.raw}; which words that mark covers is not known, so it is withheld pending review. Put the mark at the start of the paragraph.`,
        span: { start: inside.start, end: inside.end },
      });
      return;
    }
    const bad = d.lead?.status === 'unknown' ? d.lead : (d.raises.find((r) => r.status === 'unknown' && !r.lookalike) ?? d.raises.find((r) => r.status === 'unknown'));
    out.push({
      severity: 'error',
      code: 'unknown-marking',
      message: bad?.message ?? `The mark ${JSON.stringify(p.mark?.raw ?? '')} was not understood; expected a mark such as (U), (S//SI) or (TS//SI//REL TO USA, FVEY).`,
      span: bad ? { start: bad.start, end: bad.end } : where,
    });
    return;
  }
  if (p.markingSource === 'marked' && p.marking) {
    // A paragraph marked sentence by sentence: one warning, whichever order its marks come in.
    const sentences = sentenceMarksDiagnostic(source, p, d);
    if (sentences) out.push(sentences);
    out.push(...lineMarkNotes(d));
    const lowered = sentences ? null : loweredInsideDiagnostic(p, d.raises);
    if (lowered) out.push(lowered);
    if (p.marking.normalisations.length === 0) return;
    out.push({
      ...normalisedNote(p.marking.normalisations),
      message: `The mark ${JSON.stringify(p.mark?.raw ?? '')} was read as ${p.marking.level}: ${p.marking.normalisations.join('; ')}.`,
      span: where,
    });
    const raised = sentences ? null : raisedInsideDiagnostic(p);
    if (raised) out.push(raised);
    return;
  }
  // A signature block is marked only when it is classified (32 CFR 2001.21(c)), as in cables.
  if (p.markingSource !== 'unmarked' || p.kind === 'signature') return;
  // The message names the portion, never its text (diagnostics go into audit records).
  const titleLike = p.kind === 'title' || p.kind === 'heading' || p.kind === 'subject';
  const code = p.kind === 'header' ? 'unmarked-header' : titleLike ? 'unmarked-heading' : 'unmarked-portion';
  // Text of a quoted message marked UNCLASSIFIED by its own lines needs no portion mark.
  const severity = !classified || p.inUnclassifiedMessage ? 'info' : code === 'unmarked-portion' ? 'error' : 'warning';
  const message = d.itemUnder
    ? `${portionLabel(p)} is an unmarked list item set right under the marked paragraph ${d.itemUnder.raw}: each list item is a portion and carries its own mark (the lead-in's mark does not cover the list), so it was read as unmarked text; expected a mark such as (U) or (S) before it.`
    : `${portionLabel(p)} has no portion mark; expected a mark such as (U) or (S) before it.`;
  out.push({ severity, code, message, span: where });
}

/** What a reader bug leaves: every non-blank line an unmarked portion, so all of it is withheld. */
function fallback(source: string, error: unknown): Document {
  const lines = splitDocLines(source);
  const portions: Portion[] = [];
  for (const l of lines) {
    if (l.blank) continue;
    const span = { start: l.first, end: l.last };
    portions.push({ id: `p${portions.length + 1}`, kind: 'paragraph', number: null, parent: null, marking: null, markingSource: 'unmarked', mark: null, span, segments: [span] });
  }
  return {
    source,
    ref: null,
    originated: null,
    record: null,
    routing: { precedence: null, dtg: null, from: null, to: [], info: [] },
    banner: null,
    eo: null,
    tags: null,
    subject: null,
    refs: [],
    classifiedBy: null,
    entireText: null,
    portions,
    furniture: [],
    boilerplate: [],
    diagnostics: [{ severity: 'error', code: 'reader-error', message: `The document reader failed (${error instanceof Error ? error.message : String(error)}); every line was read as an unmarked portion.` }],
    format: 'document',
    authority: null,
    pageBanners: [],
  };
}

/**
 * The classification lines among the content lines (see classification-lines.ts): text lines
 * that read as a banner the reader did not take (not understood, or under a lead-in). Linear.
 */
function classificationLinesInText(source: string, lines: readonly DocLine[], roles: readonly LineRole[]): TextClassificationLine[] {
  const out: TextClassificationLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (roles[i] !== 'content' || line.text.length > 120) continue;
    const u = undecorated(line.text);
    // After a `Classification:` label the words can only be a classification, in any case.
    const label = LABEL.exec(u.text)?.[0] ?? '';
    const words = u.text.slice(label.length);
    const whole = label ? words.trim() !== '' : readsAsClassificationLine(foldBannerStandIns(words) ?? words);
    if (!whole && !holdsClassification(foldBannerStandIns(u.text) ?? u.text)) continue;
    const start = line.first + u.lead;
    const end = start + u.text.length;
    out.push({ raw: source.slice(start, end), marking: whole ? readClassificationLine(label ? words.toUpperCase() : words) : null, span: { start, end }, whole });
  }
  return out;
}

/** The error a classification line not understood makes: its words, and what the reader did. */
function unreadLineDiagnostic(t: TextClassificationLine): Diagnostic {
  return {
    severity: 'error',
    code: 'classification-line-unknown',
    message: `The line ${JSON.stringify(t.raw.replace(/\s+/g, ' ').slice(0, 60))} reads as a classification that was not understood: the document's classification is uncertain, so its unmarked text is withheld (fail closed).`,
    span: t.span,
  };
}

/**
 * A note for each later line's own mark read only after normalising (`(u)`, `(UNCLASSIFIED)`) in a
 * portion that takes it as a raise, as a fenced block takes its later lines' marks: the note the
 * line had as a portion's mark was lost (probe 64d F5b).
 */
function lineMarkNotes(d: Draft): Diagnostic[] {
  return d.raises
    .filter((r) => r.marking && r.marking.normalisations.length > 0 && d.pieces.some((pc) => pc.start === r.start))
    .map((r) => ({
      ...normalisedNote(r.marking!.normalisations),
      message: `The mark ${JSON.stringify(r.raw)} was read as ${r.marking!.level}: ${r.marking!.normalisations.join('; ')}.`,
      span: { start: r.start, end: r.end },
    }));
}
