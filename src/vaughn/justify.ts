/**
 * The prose of a Vaughn index: why each withholding applies (from the rule's reason and the
 * document's classification facts in the audit record) and, per document, that every reasonably
 * segregable part was released. Built from records and released facts only: it never quotes
 * withheld text (nor the portion mark of a withheld portion, which is part of it), and a
 * reviewer's free-text override note is left out (it might). Pure.
 */
import { CATEGORIES_RENUMBERED, governingOrder } from '../declass/orders.js';
import type { AuditRecord } from '../release/folder.js';
import { categoriesOf, categoryWords, describeAuthority } from './categories.js';
import type { ReleasedFacts } from './facts.js';
import { foreignInformation, LEVEL_BANNER, parseMarking } from '../markings/index.js';
import { OUTSIDE_PORTIONS_ID } from '../types.js';

type RecordDecision = AuditRecord['decisions'][number];

const LEVEL_WORDS: Readonly<Record<string, string>> = LEVEL_BANNER;

/** The portion as a reader finds it in the release: `¶3`, `¶3.a`, `subject line`, `header (h1)`, `header lines` (outside every portion). */
export function paragraphOf(d: Pick<RecordDecision, 'portionId' | 'kind'>): string {
  if (d.kind === 'subject') return 'subject line';
  if (d.portionId === OUTSIDE_PORTIONS_ID) return 'header lines';
  const p = /^p(\d.*)$/.exec(d.portionId);
  if (p) return `¶${p[1]}`;
  const kind = d.kind.replace('-', ' ');
  return d.portionId === d.kind ? kind : `${kind} (${d.portionId})`;
}

/** The subject of a justification: `Paragraph ¶3`, `The subject line`, `A span of ¶3`. */
function whatOf(d: RecordDecision, redacted: boolean): string {
  const where = paragraphOf(d);
  if (redacted) return `A span of ${where}`;
  if (d.kind === 'subject') return 'The subject line';
  return where.startsWith('¶') ? `${d.kind === 'subparagraph' ? 'Subparagraph' : 'Paragraph'} ${where}` : `The ${where}`;
}

/** One withholding to justify: the decision on its portion, and the redaction when it is a span. */
export interface Withholding {
  readonly decision: RecordDecision;
  readonly redaction: AuditRecord['redactions'][number] | null;
}

/** The justification paragraph of one withholding. */
export function justify(record: AuditRecord, facts: ReleasedFacts, w: Withholding): string {
  const authority = w.redaction ? w.redaction.authority : w.decision.authority;
  const rule = w.redaction ? w.redaction.ruleId : w.decision.ruleId;
  const why = w.decision.override && !w.redaction ? `a reviewer's decision (${w.decision.override.reviewer}, ${w.decision.override.date})` : (w.redaction ?? w.decision).reason;
  const what = whatOf(w.decision, w.redaction !== null);
  const ruleSentence = `Rule ${rule}: ${why}`;
  if (!authority.includes('B1') || w.redaction) return `${what} is ${w.redaction ? 'redacted' : 'withheld'} under ${describeAuthority(authority)}. ${ruleSentence}`;
  const byReviewer = w.decision.override !== undefined && w.decision.override !== null;
  const foreign = w.decision.markingSource === 'marked' && !w.decision.raisedFrom ? foreignOf(w.decision.mark) : null;
  // A portion classified by NATO or another government: what it is withheld as, and a date that is the US information's only.
  if (foreign === 'nato' || foreign === 'foreign') {
    const reasons = byReviewer ? reasonsSentence(authority, true, record.input.originated ?? null) : foreignReasonSentence(foreign);
    return [markingSentence(record, facts, what, w.decision), reasons, `Declassification as of ${record.asOf}: ${foreignDeclassification(record, foreign)}`, ruleSentence].join(' ');
  }
  const declassification = foreign === 'us-with-fgi' ? `for its US information, ${declassificationOf(record, w.decision)} ${foreignDeclassification(record, foreign)}` : declassificationOf(record, w.decision);
  return [markingSentence(record, facts, what, w.decision), reasonsSentence(authority, byReviewer, record.input.originated ?? null), `Declassification as of ${record.asOf}: ${declassification}`, ruleSentence].filter(Boolean).join(' ');
}

/**
 * Why a portion classified by NATO or another government is withheld: it is foreign government
 * information (E.O. 13526 §1.4(b)). The US classifier's reasons are not its reasons: the index gave
 * a portion "classified by NATO and not by the document's classifier" that classifier's reasons.
 */
function foreignReasonSentence(foreign: 'nato' | 'foreign'): string {
  const what = foreign === 'nato' ? 'NATO information, which is foreign government information' : 'foreign government information';
  return `It is withheld because it is ${what}: 1.4(b) (${categoryWords('1.4(b)')}) (E.O. 13526 §1.4).`;
}

/**
 * For a portion whose mark shows foreign government information (NATO's, another government's, or
 * a US portion holding some): the document's declassification date (`SECRET until 2040-12-31`) is
 * the US classifier's instruction and applies to the US information only. The index said each
 * such portion was "declassified on that date under 32 CFR 2001.12(b)" and then that the
 * instruction "does not by itself declassify" it. NATO information is not declassified or
 * downgraded without NATO's consent; other governments' information may need their consultation
 * (32 CFR 2001.30(i); domain reference, Equities).
 */
function foreignDeclassification(record: AuditRecord, foreign: 'nato' | 'foreign' | 'us-with-fgi'): string {
  const kind = kindOf(record);
  if (foreign === 'us-with-fgi') return `The ${kind}'s declassification instruction is the US classifier's and does not declassify the foreign government information this portion holds: the government that provided it may have to be consulted first (32 CFR 2001.30(i)).`;
  const date = /\buntil (\d{4}-\d{2}-\d{2})\b/.exec(record.declassification.reason)?.[1];
  const instruction = `the ${kind}'s declassification instruction${date ? ` (${date})` : ''} is the US classifier's and applies to the ${kind}'s US information only`;
  if (foreign === 'nato') return `${instruction}; it does not declassify the NATO information in this portion, which is not declassified or downgraded without NATO's consent.`;
  return `${instruction}; it does not declassify the foreign government information in this portion: the government that provided it may have to be consulted first (32 CFR 2001.30(i)).`;
}

/**
 * The document's declassification, said of the document when the portion's level is not the
 * document's: the assessment opens with the document's level (`SECRET until 2045-12-31`), and a
 * CONFIDENTIAL paragraph's row said it was SECRET.
 */
function declassificationOf(record: AuditRecord, d: RecordDecision): string {
  const reason = record.declassification.reason;
  const level = /^(?:TOP SECRET|SECRET|CONFIDENTIAL)\b/.exec(reason)?.[0];
  if (!level || (d.level && LEVEL_WORDS[d.level] === level)) return reason;
  return `the ${kindOf(record)} as a whole (${level})${reason.slice(level.length)}`;
}

/** `cable` or `document`: cable records name no reader; every other reader reads a document. */
function kindOf(record: AuditRecord): 'cable' | 'document' {
  const reader = record.input.reader?.name;
  return reader === undefined || reader === 'cable' ? 'cable' : 'document';
}

/** What the portion's marking establishes (or, unmarked or unreadable, why it is withheld whole). */
function markingSentence(record: AuditRecord, facts: ReleasedFacts, what: string, d: RecordDecision): string {
  // A justification filed in court must say whether it describes a cable or a document.
  const kind = kindOf(record);
  const level = d.level ? LEVEL_WORDS[d.level] : undefined;
  if (d.markingSource === 'unknown') return `${what} carries a portion mark that could not be read, so it is withheld as classified (fail closed).`;
  // Marked UNCLASSIFIED and withheld under B1 (a reviewer's decision): said as it is, never as
  // unmarked text (the index called such a paragraph one that "carries no portion mark").
  if (d.level === 'U' && d.markingSource !== 'unmarked') {
    const by = d.override ? "a reviewer's decision" : 'its rule';
    return `${what} is portion-marked UNCLASSIFIED; it is withheld under B1 by ${by}, not by its marking.`;
  }
  if (d.markingSource === 'unmarked' || !level || d.level === 'U') {
    // The original banner is not quoted: its controls are not in the release either.
    return `${what} carries no portion mark in a classified ${kind}; its level cannot be established from its marking, so it is withheld as classified (fail closed).`;
  }
  // The mark itself is never quoted: it is part of the withheld portion, and its controls (a REL TO
  // list) can say what the portion is about. The level is what the exemption rests on.
  if (d.raisedFrom) return raisedSentence(record, facts, what, d, level);
  const foreign = d.markingSource === 'marked' ? foreignOf(d.mark) : null;
  if (foreign === 'nato') return `${what} is portion-marked ${NATO_LEVEL_WORDS[d.level!] ?? `NATO ${level}`}: it is NATO information, classified by NATO and not by the ${kind}'s classifier, and is foreign government information.`;
  if (foreign === 'foreign') return `${what} is portion-marked as foreign government information classified ${level} by the government that provided it, not by the ${kind}'s classifier.`;
  const fgi = foreign === 'us-with-fgi' ? '; it holds foreign government information' : '';
  const how = d.markingSource === 'entire-text' ? `is covered by the ${kind}'s entire-text classification statement` : d.markingSource === 'inherited' ? 'takes the marking of the paragraph it belongs to' : `is portion-marked ${level}`;
  const origin = record.input.originated ? ` when the ${kind} originated on ${record.input.originated}` : ` in the ${kind}`;
  return `${what} ${how} and was classified ${level}${origin}${facts.classifiedBy ? `, classified by ${facts.classifiedBy}` : ''}${fgi}.`;
}

const NATO_LEVEL_WORDS: Readonly<Record<string, string>> = { C: 'NATO CONFIDENTIAL', S: 'NATO SECRET', TS: 'COSMIC TOP SECRET' };

/**
 * The foreign government information the portion's own mark shows (E.O. 13526 §1.4(b)): who
 * classified it is the index's claim, and a NATO or foreign-government mark is not the document's
 * US classifier's (the index said "portion-marked SECRET … classified by" the US analyst). Only
 * the level and that it is foreign are said: the mark's country code and REL TO list are part of
 * the withheld portion and are never quoted.
 */
function foreignOf(mark: string | null): ReturnType<typeof foreignInformation> {
  if (mark === null) return null;
  const parsed = parseMarking(mark, 'portion');
  return parsed.ok ? foreignInformation(parsed.marking) : null;
}

/**
 * A portion marked below a mark inside its text (`(U) The officer (S) said …`): its own mark's
 * level, the level the inner mark raised it to, and that it is withheld whole for want of a
 * marking that sets the inner words apart. The index said "portion-marked SECRET".
 */
function raisedSentence(record: AuditRecord, facts: ReleasedFacts, what: string, d: RecordDecision, level: string): string {
  const kind = kindOf(record);
  const own = LEVEL_WORDS[d.raisedFrom!] ?? d.raisedFrom!;
  const how = d.markingSource === 'inherited' ? `takes the marking ${own} of the paragraph it belongs to` : `is portion-marked ${own}`;
  const origin = record.input.originated ? ` (the ${kind} originated on ${record.input.originated}${facts.classifiedBy ? `, classified by ${facts.classifiedBy}` : ''})` : facts.classifiedBy ? ` (classified by ${facts.classifiedBy})` : '';
  return `${what} ${how} and is raised to ${level} by a portion mark of that level inside its text${origin}; it is withheld whole (fail closed), as its marking does not show which of its words the inner mark covers.`;
}

/**
 * The classification reasons cited. A reviewer's decision cites its own (checked against the
 * document's by the engine's warnings), and is said to: the index called a reviewer's 1.4(d) on
 * an UNCLASSIFIED paragraph the paragraph's "classification reasons".
 */
function reasonsSentence(authority: readonly string[], byReviewer: boolean, originated: string | null): string {
  const categories = categoriesOf(authority);
  // Letters alone in a cable of before 14 October 1995 (parse/patterns.ts bareReasonsUnder): no section, no category claimed.
  const asWritten = authority.filter((a) => /^reason \([A-H]\)$/i.test(a)).map((a) => a.slice('reason '.length).toLowerCase());
  const written = asWritten.length === 0 ? '' : `The classification reasons are cited as the ${byReviewer ? 'decision' : 'cable'} writes them, ${asWritten.join(' and ')}, by letter alone: the ${byReviewer ? 'document' : 'cable'}${originated ? ` (${originated})` : ''} predates E.O. 12958 (14 October 1995), whose categories §1.5 and §1.4 letter, so no section or category is claimed for them.`;
  if (categories.length === 0) return written;
  // Each section with its own order: a list mixing 1.5(c) and 1.4(d) was all said to be cited as §1.5.
  const cited = (['1.5', '1.4'] as const)
    .map((section) => {
      const these = categories.filter((c) => c.startsWith(section));
      if (these.length === 0) return null;
      const order = section === '1.5' ? oldSectionOrder(originated) : 'E.O. 13526 §1.4';
      return `${these.map((c) => `${c} (${categoryWords(c)})`).join(' and ')} (${order})`;
    })
    .filter((x): x is string => x !== null)
    .join(' and ');
  return [byReviewer ? `The reviewer's decision cites ${cited}.` : `The classification reasons are ${cited}.`, written].filter(Boolean).join(' ');
}

/**
 * The order a §1.5 category is cited under. It is E.O. 12958's numbering as issued in 1995; a
 * document of 25 March 2003 or later that cites it (an old habit of State's cables) fell under an
 * order whose §1.4 holds the same category under the same letter: the index says so rather than
 * name an order that did not govern the document.
 */
function oldSectionOrder(originated: string | null): string {
  // A document of unknown date (a partial extract's header is cut off) is not said to fall under
  // the 1995 order: §1.5 was cited out of habit for years after (probe 66a, F4: 05MADRID3260).
  if (originated === null) return "cited as §1.5, the numbering of E.O. 12958 as issued in 1995; the document's date is not known, so the order that governed it is not stated";
  const inForce = governingOrder(originated);
  if (inForce === null || originated < CATEGORIES_RENUMBERED) return 'E.O. 12958 §1.5 as issued in 1995';
  return `cited as §1.5, the numbering of E.O. 12958 as issued in 1995; on ${originated} the order in force was ${inForce}, whose §1.4 has the same category under the same letter`;
}

/** The segregability statement of a document, from its decisions and redactions. */
export function segregability(record: AuditRecord, disposition: string): string {
  const withheld = record.decisions.filter((d) => d.action === 'withhold');
  const released = record.decisions.length - withheld.length;
  const why = wholeReasons(withheld);
  if (record.held) {
    const others = [...new Set(record.held.matches.map((m) => m.from))].join(', ');
    return `Segregability is not final: the document is held for review because its release would show text that ${others} withholds; by its own marks ${released} of ${record.decisions.length} portion(s) would be released.`;
  }
  if (disposition === 'pending-review') {
    const pending = withheld.filter((d) => d.authority.some((a) => /PENDING/i.test(a))).length;
    return `Segregability is not final: ${pending} portion(s) are withheld pending FOIA review; ${released} of ${record.decisions.length} portion(s) are released so far.`;
  }
  const outside = record.redactions.filter((r) => r.portionId === OUTSIDE_PORTIONS_ID).length;
  if (disposition === 'denied-in-full') {
    const but = outside > 0 ? `, but for ${outside} redacted span(s)` : '';
    return `No reasonably segregable information could be released: all ${withheld.length} portion(s) are withheld in their entirety (${why}); the header lines that identify the document are released${but}.`;
  }
  const spans = record.redactions.length - outside;
  const redacted = spans > 0 ? `; ${spans} span(s) inside released portions are redacted and the rest of those portions released` : '';
  const header = outside > 0 ? `; ${outside} span(s) of the header lines outside the portions are redacted` : '';
  const whole = withheld.length > 0 ? `; the ${withheld.length} withheld portion(s) are withheld in their entirety (${why})` : '';
  return `All reasonably segregable information has been released: ${released} of ${record.decisions.length} portion(s) are released${redacted}${header}${whole}.`;
}

/** Why the withheld portions are withheld whole, one phrase per class present. */
function wholeReasons(withheld: readonly RecordDecision[]): string {
  const phrases: string[] = [];
  // A reviewer's B1 on a portion its mark calls (U) (an `override-b1-not-classified` warning) is
  // the reviewer's determination: neither "classified in its entirety" by its mark nor an unmarked
  // portion (probe 65a, F6).
  const reviewedU = (d: RecordDecision): boolean => d.override != null && d.markingSource !== 'unmarked' && d.markingSource !== 'unknown' && d.level === 'U';
  const classified = withheld.filter((d) => d.authority.includes('B1') && !reviewedU(d));
  const reviewed = withheld.some((d) => d.authority.includes('B1') && reviewedU(d));
  if (reviewed) phrases.push("a portion marked (U) is withheld whole under B1 by the reviewer's decision, which the decision records");
  if (classified.some((d) => d.markingSource !== 'unmarked' && d.markingSource !== 'unknown' && d.level && d.level !== 'U' && !d.raisedFrom)) {
    phrases.push(`the ${reviewed ? 'other ' : ''}withheld paragraphs are classified in their entirety, each under its own portion mark`);
  }
  if (classified.some((d) => d.markingSource !== 'unmarked' && d.markingSource !== 'unknown' && d.level && d.level !== 'U' && d.raisedFrom)) {
    phrases.push('a paragraph that holds a portion mark above its own inside its text is withheld whole, as its marking does not show which of its words the inner mark covers');
  }
  if (classified.some((d) => d.markingSource === 'unmarked' || d.markingSource === 'unknown' || !d.level || d.level === 'U')) {
    phrases.push('unmarked or unreadably marked portions of a classified document cannot be segregated by their marking');
  }
  if (withheld.some((d) => !d.authority.includes('B1'))) phrases.push('the other portions fall under their exemption as a whole');
  return phrases.join('; ');
}
