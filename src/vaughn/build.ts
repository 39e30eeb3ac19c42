/**
 * Building the Vaughn index of a release folder from its audit records and release texts. Pure.
 */
import { dispositionOf, type AuditRecord } from '../release/folder.js';
import { describeAuthority } from './categories.js';
import { formatBanner, parseMarking, rollUp } from '../markings/index.js';
import type { Marking } from '../types.js';
import { releasedFacts, type ReleasedFacts } from './facts.js';
import { justify, paragraphOf, segregability, type Withholding } from './justify.js';
import type { RenderedRows } from './rendered.js';
import { INDEX_FORMAT, type IndexRow, type VaughnIndex } from './types.js';

/** One document of the folder: its stem, audit record, and release text (null when none was written). */
export interface IndexSource {
  readonly stem: string;
  readonly record: AuditRecord;
  readonly releaseText: string | null;
}

/**
 * The index: one row per withheld portion and per redacted span of every record, documents in
 * order of reference (as they are numbered), withholdings in document order.
 *
 * @param options `case`: the case number to name when the records name none.
 */
export function buildVaughnIndex(sources: readonly IndexSource[], options: { readonly case?: string | null } = {}): VaughnIndex {
  const sorted = [...sources].sort((a, b) => compareIndexOrder(a, b));
  const rows: IndexRow[] = [];
  for (const source of sorted) rows.push(...indexRowsOf(source, rows.length + 1));
  return { ...indexHeadOf(sorted[0]?.record, sorted.length, options.case ?? null, indexClassificationOf(sorted.map((s) => ({ quoted: quotedMarkingOf(s.record) })))), rows };
}

/** What orders the documents of an index: reference (or stem), then stem. */
export interface IndexOrderKey {
  readonly stem: string;
  readonly record: { readonly input: { readonly ref?: string | null } };
}

/** The order of documents in the index: by reference (the stem when there is none), then stem. */
export function compareIndexOrder(a: IndexOrderKey, b: IndexOrderKey): number {
  return compare(a.record.input.ref ?? a.stem, b.record.input.ref ?? b.stem) || compare(a.stem, b.stem);
}

/** What the head of the index takes from a record. */
export interface IndexHeadFacts {
  readonly case?: Pick<NonNullable<AuditRecord['case']>, 'number'>;
  readonly asOf: string;
  readonly profile: { readonly id: string };
}

/**
 * The index less its rows, from the first record in index order (none: an empty folder), with
 * the banner of the text it quotes when that is classified ({@link indexClassificationOf}).
 */
export function indexHeadOf(first: IndexHeadFacts | undefined, documents: number, caseNumber: string | null, classification: string | null = null): Omit<VaughnIndex, 'rows'> {
  return {
    format: INDEX_FORMAT,
    case: first?.case?.number ?? caseNumber,
    asOf: first?.asOf ?? null,
    profile: first?.profile.id ?? null,
    documents,
    ...(classification !== null ? { classification } : {}),
  };
}

/**
 * The marking of the text an index row of `record` quotes, when it is classified: the subject
 * line (or the title standing for it), released and neither unclassified nor declassified (a cleared reader's release hands out
 * a SECRET subject, and the index quotes it on each row of the document). Its own portion mark
 * when it has a readable one; otherwise the release's banner, the highest the released text can
 * be (fail closed). Null when the index quotes nothing classified of the document. The header's
 * From / To lines the index also quotes are routing, not portions, and are not counted. A
 * document released in full gives no row and the index quotes nothing of it: its subject was
 * counted, and an index of pending rows with `[subject withheld]` read SECRET//FGI DEU//NOFORN
 * (probe 61c F10).
 */
export function quotedMarkingOf(record: Pick<AuditRecord, 'decisions' | 'banner' | 'redactions'> & { readonly input?: { readonly title?: string } }): string | null {
  if (!record.decisions.some((d) => d.action === 'withhold') && record.redactions.length === 0) return null;
  // The title a document without a subject line gives in its place counts as its subject.
  const subject = record.decisions.find((d) => d.kind === 'subject') ?? (record.input?.title ? record.decisions.find((d) => d.kind === 'title') : undefined);
  if (!subject || subject.action !== 'release' || subject.declassified || subject.level === 'U') return null;
  if (subject.markingSource === 'marked' && subject.mark) {
    const own = parseMarking(subject.mark, 'portion');
    if (own.ok) return own.marking.level === 'U' ? null : formatBanner(own.marking);
  }
  const banner = parseMarking(record.banner.release, 'banner');
  if (banner.ok && banner.marking.level === 'U') return null;
  return banner.ok ? formatBanner(banner.marking) : record.banner.release;
}

/**
 * The banner of an index whose documents quote `entries`' markings ({@link quotedMarkingOf}):
 * their roll-up, or null when none is classified.
 */
export function indexClassificationOf(entries: readonly { readonly quoted?: string | null }[]): string | null {
  const markings: Marking[] = [];
  for (const e of entries) {
    if (!e.quoted) continue;
    const m = parseMarking(e.quoted, 'banner');
    // A banner that cannot be read back is not dropped: the index carries it as written.
    if (!m.ok) return e.quoted;
    markings.push(m.marking);
  }
  return markings.length === 0 ? null : formatBanner(rollUp(markings));
}

/** A document of the index as a first pass over the records knows it: what orders it, its head facts, how many rows it gives. */
export interface IndexEntry {
  readonly stem: string;
  /** The record's file name in `review/`. */
  readonly name: string;
  readonly record: IndexHeadFacts & { readonly input: { readonly ref?: string | null } };
  readonly rows: number;
  /**
   * The rows themselves, numbered from 1, when the record was just made by this process with its
   * release text at hand: the index then need not read the record and the text back.
   */
  readonly made?: readonly IndexRow[];
  /** Instead of `made`: those rows as the CSV and JSON index hold them (./rendered.ts), for an index written in those formats only. */
  readonly rendered?: RenderedRows;
  /** The classified marking of the text the index quotes from the document ({@link quotedMarkingOf}), or null. */
  readonly quoted: string | null;
}

/**
 * The index entry of the record of `stem` (a record's file name is `<stem>.audit.json`); with
 * `releaseText` (the release text file's content, or null when none was written) it carries the rows.
 */
export function indexEntryOf(stem: string, record: AuditRecord, releaseText?: string | null): IndexEntry {
  const made = releaseText === undefined ? undefined : indexRowsOf({ stem, record, releaseText }, 1);
  return {
    stem,
    name: `${stem}.audit.json`,
    record: { ...(record.case ? { case: { number: record.case.number } } : {}), asOf: record.asOf, profile: { id: record.profile.id }, input: { ref: record.input.ref ?? null } },
    rows: made?.length ?? withholdingsOf(record).length,
    quoted: quotedMarkingOf(record),
    ...(made ? { made } : {}),
  };
}

/**
 * The withholdings of a record in document order: what its placeholders and boxes follow. A span
 * redacted outside every portion (OUTSIDE_PORTIONS_ID: the header lines) has no decision of its
 * own: it is listed with the released, unmarked text it is in (outsideDecision).
 */
export function withholdingsOf(record: AuditRecord): Withholding[] {
  const byId = new Map(record.decisions.map((d) => [d.portionId, d]));
  const list = [
    ...record.decisions.filter((d) => d.action === 'withhold').map((d) => ({ start: d.span.start, w: { decision: d, redaction: null } })),
    ...record.redactions.map((r) => ({ start: r.span.start, w: { decision: byId.get(r.portionId) ?? outsideDecision(r), redaction: r } })),
  ];
  return list.sort((a, b) => a.start - b.start).map((x) => x.w);
}

/** The decision a span outside the portions is listed with: released unmarked text of kind `header`. */
function outsideDecision(r: AuditRecord['redactions'][number]): AuditRecord['decisions'][number] {
  const at = { line: 0, column: 0 };
  return { portionId: r.portionId, kind: 'header', number: null, span: r.span, mark: null, level: null, markingSource: 'unmarked', action: 'release', declassified: false, ruleId: r.ruleId, authority: [], reason: '', start: at, end: at };
}

/** The rows of one document, numbered from `firstNo`. */
export function indexRowsOf(source: IndexSource, firstNo: number): IndexRow[] {
  const { record } = source;
  const facts = releasedFacts(source.releaseText);
  // A held release (its text shows what another document withholds) is not final: pending review,
  // whatever its own decisions would make it, or the index handed out would call it released.
  const disposition = record.held ? 'pending-review' : dispositionOf(record);
  const statement = segregability(record, disposition);
  const subject = subjectCell(record, facts, source.releaseText);
  const withholdings = withholdingsOf(record);
  const placed = record.placement?.regions.length === withholdings.length ? record.placement.regions : null;
  return withholdings.map((w, i) => {
    const authority = w.redaction ? w.redaction.authority : w.decision.authority;
    const at = placed?.[i]?.id === w.decision.portionId ? placed[i]! : null;
    return {
      no: firstNo + i,
      document: record.input.ref ?? source.stem,
      stem: source.stem,
      docNumber: record.case?.docNumber ?? null,
      date: record.input.originated,
      subject,
      fromTo: facts.fromTo,
      pages: record.placement?.pages ?? null,
      disposition,
      portion: w.decision.portionId,
      kind: w.redaction ? 'redacted' : 'withheld',
      location: { page: at?.page ?? null, paragraph: paragraphOf(w.decision), line: at?.line ?? null },
      authority: [...authority],
      exemptions: describeAuthority(authority),
      rule: w.redaction ? w.redaction.ruleId : w.decision.ruleId,
      justification: justify(record, facts, w),
      segregability: statement,
    };
  });
}

/**
 * The Subject cell: the subject line as released (`[subject withheld]` when it is); a document
 * without one (a SIDtoday article, a titled memo) gives its title, only when the record says it is
 * released in full and the release text shows it as recorded (`[title withheld]` when it is
 * withheld; a partly withheld title gives nothing).
 */
function subjectCell(record: AuditRecord, facts: ReleasedFacts, releaseText: string | null): string | null {
  const subject = record.decisions.find((d) => d.kind === 'subject');
  if (subject) return subject.action === 'withhold' ? '[subject withheld]' : facts.subject;
  if (record.decisions.find((d) => d.kind === 'title')?.action === 'withhold') return '[title withheld]';
  const title = record.input.title;
  if (!title || releaseText === null || !releaseText.includes(title)) return facts.subject;
  // A Markdown heading's `# ` is layout, not title.
  return title.replace(/^#+[ \t]+/, '').replace(/\s+/g, ' ').trim();
}

/** `p. 2, ¶3, line 41`: a location in words (parts that are unknown left out). */
export function describeLocation(l: IndexRow['location']): string {
  return [l.page !== null ? `p. ${l.page}` : null, l.paragraph, l.line !== null ? `line ${l.line}` : null].filter(Boolean).join(', ');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
