/**
 * Decides the declassification status of a document as of a date: pure, no clock, no I/O.
 * Every result names the rule that decided it (`rule`, stable) and says why in one sentence
 * (`reason`, prose). See README.md ("Declassification status") for the authorities.
 */
import type { DeclAssessment, DeclStatus, DeclValue, Diagnostic, Document, ExecutiveOrderLine, Level, PageBanner, Span } from '../types.js';
import { addYears, endOfYearAfter } from '../dates.js';
import { requireAsOf } from '../options.js';
import { governingOrder } from './orders.js';
import { DECL_CODE_START, parseDecl, withCodeUnder } from './parse-decl.js';
import { LEVEL_BANNER } from '../markings/levels.js';
import { natoOwnBanner } from '../markings/nato-banner.js';
import { chooseInstruction, type Instruction } from './choose.js';
import { eoLineAt, forwardedAt, forwardedOnly, type Weighed } from './forwarded.js';
import { ambiguousDayMonth } from './parse-date.js';
import { pageIndex } from '../source/page-index.js';

/** What {@link assessDeclassification} needs. */
export interface AssessInput {
  readonly decl: DeclValue;
  /** ISO origination date, or null when unknown. */
  readonly originated: string | null;
  /** Overall classification (banner / highest portion); `U` unclassified; null unknown (treated as classified: fail closed). */
  readonly level: Level | null;
  /** ISO date the status is computed for. A date equal to `asOf` counts as passed. */
  readonly asOf: string;
  /** Span of the instruction in the source, put on diagnostics when given. */
  readonly span?: Span;
  /**
   * The date of the source a derivative classification was made from (the `Dated` of an authority
   * block's `Derived From`). The 25-year limit on a date counts from the later of it and the
   * origination date (a derivative classifier carries the source's instruction forward), and the
   * automatic declassification date counts from it when the origination date is unknown (earlier
   * than the truth, so the status turns to `review` sooner: fail closed).
   */
  readonly sourceDate?: string | null;
  /** How a missing instruction is named in reasons (default `no E.O. line`). */
  readonly missing?: string;
}

/** Stable ids of the rules that decide a status; documented in README.md ("Declassification status"). */
export const DECL_RULES = [
  'unclassified',
  '32cfr2001.12b',
  'eo13526-1.5',
  'eo13526-3.3',
  'eo13526-3.3b',
  'eo13526-3.3h',
  'capco-e6',
  '32cfr2001.25',
  '32cfr2001.21',
  'decl-event',
  'decl-downgrade',
  'decl-truncated',
  'decl-unrecognised',
  'decl-level-mismatch',
  'decl-no-origin',
  'decl-before-origin',
  '32cfr2001.24h',
  '32cfr2001.26',
  'decl-date-ambiguous',
  'decl-forwarded-only',
] as const;

/** One of {@link DECL_RULES}. */
export type DeclRule = (typeof DECL_RULES)[number];

/**
 * What the 25-year date means for a classified document whose instruction a reviewer must set or
 * read (DNG, none, an event, one not understood): until then it stays classified at its level (a
 * missing instruction declassifies nothing); from then E.O. 13526 §3.3(a) has declassified it
 * unless it was exempted, which the document cannot show. It said "the 25-year date … applies
 * meanwhile" after that date too, beside a portion reason that the portion might not be
 * classified (probe 68c F4).
 */
function twentyFiveYears(automaticOn: string, asOf: string): string {
  return automaticOn > asOf
    ? `; meanwhile it stays classified at its marked level, at the latest until its 25-year date ${automaticOn}, when E.O. 13526 §3.3(a) declassifies it unless it is exempted`
    : `; but its 25-year date ${automaticOn} has passed, so what the reviewer must do now is different: E.O. 13526 §3.3(a) declassified it on that date unless it was exempted (§3.3(b)-(h)), which the document cannot show, so the reviewer must confirm with the originating agency that no exemption applies before it is released (32 CFR 2001.30)`;
}

/**
 * Computes the status of a declassification instruction for a document of a given level and
 * origination date, as of `asOf`:
 * - `unclassified`: level `U` with `N/A`, no E.O. line or an empty one;
 * - `classified`: a date (or a duration resolved against origination) still to come, or a
 *   prior-order / exemption marking whose computed date is still to come; `declassifyOn` gives it;
 * - `declassified`: an explicit or resolved date on or before `asOf` (32 CFR 2001.12(b)), or a
 *   declassification marking (`DECLASSIFIED BY NARA …`, 32 CFR 2001.25);
 * - `review`: an event; an exemption, OADR, MR, X-code, GDS or DCI-only marking whose computed
 *   date has passed (CAPCO §E.6: never assume declassified); a downgrade; a cut-off value; a
 *   duration without origination date; an unclassified document carrying an instruction; a DECL
 *   date beyond 25 years once the 25-year date has passed; a DECL date before origination;
 * - `invalid`: a classified (or unknown-level) document with `N/A`, no instruction, or an
 *   unrecognised one.
 *
 * `automaticOn` is 31 December of the 25th year after origination (E.O. 13526 §3.3(a)); with
 * 25X# and a date, that date; undated 25X#, the 50th year (CAPCO §E.6); 50X1-HUM, 50X2-WMD, 50X#
 * and 75X# without a date, the 75th year (E.O. 13526 §3.3(h), 32 CFR 2001.26). Null when
 * origination is unknown and no exemption date is given.
 *
 * Diagnostics: `decl-unrecognised` (error, quotes the value), `decl-missing` (error, classified
 * without instruction), `decl-over-25-years` and `decl-before-origin` (warnings, date lint),
 * `decl-truncated` and `decl-on-unclassified` (warnings).
 */
export function assessDeclassification(input: AssessInput): DeclAssessment {
  const { decl, originated, level, asOf } = input;
  const order = governingOrder(originated);
  // A derivative `Source marked OADR, Date of source: …` counts from the source's date (CAPCO §E.6:
  // the derivative classifier computes the 25-year date from it), unless that is after the
  // document's own date (miswritten): the earlier then.
  const fromSource = decl.sourceDate !== undefined && !(originated && decl.sourceDate > originated);
  const automaticOn = automaticDate(decl, fromSource ? decl.sourceDate! : (originated ?? input.sourceDate ?? null));
  const none = input.missing ?? 'no E.O. line';
  const diagnostics: Diagnostic[] = [];
  const diag = (severity: Diagnostic['severity'], code: string, message: string) =>
    diagnostics.push({ severity, code, message, ...(input.span ? { span: input.span } : {}) });
  const result = (status: DeclStatus, rule: DeclRule, reason: string, declassifyOn: string | null = null): DeclAssessment => ({
    decl,
    status,
    order,
    declassifyOn,
    automaticOn,
    reason,
    rule,
    diagnostics,
    ...(input.span ? { span: input.span } : {}),
  });
  const who = levelWords(level);
  const written = decl.raw === null ? none : `"${decl.raw.trim()}"`;
  const fallback = automaticOn ? twentyFiveYears(automaticOn, asOf) : '';

  switch (decl.kind) {
    case 'not-applicable':
    case 'none': {
      if (level === 'U') {
        return result(
          'unclassified',
          'unclassified',
          decl.kind === 'not-applicable'
            ? 'Unclassified document marked N/A: there is nothing to declassify (32 CFR 2001.21 asks a declassification instruction only of classified documents).'
            : `Unclassified document with ${decl.truncated ? 'a cut-off E.O. line' : decl.raw === null ? none : 'an empty E.O. line'}: none is needed (32 CFR 2001.21 asks a declassification instruction only of classified documents).`,
        );
      }
      if (decl.truncated) {
        diag('warning', 'decl-truncated', `The declassification instruction ${written} is cut off; the full cable is needed to read it.`);
        return result(
          'review',
          'decl-truncated',
          `${who} whose E.O. line is cut off in this copy (${written}), so its instruction cannot be read: check the full cable (32 CFR 2001.21(a)).`,
        );
      }
      const what = decl.kind === 'not-applicable' ? 'an E.O. line reading N/A' : decl.raw === null ? none : `no usable instruction (${written})`;
      diag('error', 'decl-missing', `${who} has ${what}; a classified document must say when it is declassified.`);
      return result(
        'invalid',
        '32cfr2001.21',
        `${who} with ${what}: a classified document must carry a declassification instruction (32 CFR 2001.21(a))${fallback}.`,
      );
    }

    case 'unrecognised': {
      diag(
        'error',
        'decl-unrecognised',
        `Declassification instruction ${written} is not a recognised form; expected a date, a duration, an event, an exemption code, OADR, MR, GDS or N/A.`,
      );
      if (level === 'U') {
        return result('review', 'decl-unrecognised', `Unclassified document whose E.O. line ${written} is not a recognised instruction: a reviewer must check it (32 CFR 2001.21).`);
      }
      return result(
        'invalid',
        'decl-unrecognised',
        `${who} whose declassification instruction ${written} is not a recognised form, so it has no usable instruction (32 CFR 2001.21(a))${fallback}.`,
      );
    }

    default:
      break;
  }

  const isMarking = decl.kind === 'date' && decl.codes.includes('DECLASSIFIED');
  if (isMarking && decl.date) {
    return decl.date <= asOf
      ? result('declassified', '32cfr2001.25', `Marked declassified on ${decl.date} (${written}), as a declassification marking records (32 CFR 2001.25).`, decl.date)
      : result('classified', '32cfr2001.25', `Marked to be declassified on ${decl.date} (${written}), which is still to come (32 CFR 2001.25).`, decl.date);
  }

  if (level === 'U') {
    diag('warning', 'decl-on-unclassified', `Unclassified document carries a declassification instruction ${written}; expected N/A.`);
    return result(
      'review',
      'decl-level-mismatch',
      `Unclassified document with a declassification instruction (${written}): either the banner or the instruction is wrong, so a reviewer must decide (32 CFR 2001.21).`,
      resolvedDate(decl, originated),
    );
  }

  // A date written, or set under a prior order (E.O. 12065 `GDS 12/31/84`), or a duration.
  if (decl.kind === 'date' || decl.kind === 'duration' || (decl.kind === 'gds' && decl.date)) {
    if (decl.kind === 'duration' && !originated) {
      return result('review', 'decl-no-origin', `A duration (${written}) needs the origination date, which is unknown: a reviewer must resolve it (E.O. 13526 §1.5).`);
    }
    const date = resolvedDate(decl, originated)!;
    const from = decl.kind === 'duration' ? `, ${decl.years} year${decl.years === 1 ? '' : 's'} after origination on ${originated},` : '';
    const sets = decl.kind === 'duration' ? `${from} as its declassification instruction sets` : ', the date its declassification instruction sets';
    const prior = decl.kind === 'gds' ? ' (a date set under a prior order works the same way, 32 CFR 2001.12(c)(1))' : '';
    const base = laterOf(originated, input.sourceDate ?? null);
    if (base) {
      const limit = addYears(base, 25);
      const counted = base === originated ? `origination on ${originated}` : `the source date ${base} (Derived From … Dated)`;
      if (date > limit) {
        diag('warning', 'decl-over-25-years', `DECL date ${date} is more than 25 years after ${counted}; expected ${limit} at the latest (E.O. 13526 §1.5(b)).`);
      }
      if (originated && date < originated) {
        diag('warning', 'decl-before-origin', `DECL date ${date} is before origination on ${originated}; expected a later date.`);
        // Not read as passed: the instruction is miswritten (a typing error, a two-digit year of
        // the wrong century), and what was meant is not known (fail closed).
        return result(
          'review',
          'decl-before-origin',
          `The declassification date ${date} is before the document's origination on ${originated}, so it is not the instruction as meant (one set at origination lies after it, E.O. 13526 §1.5): a reviewer must read it.`,
          date,
        );
      }
    }
    if (date <= asOf) {
      return result(
        'declassified',
        '32cfr2001.12b',
        `Declassified on ${date}${from} because the date set by its instruction has passed and classification is not extended automatically (32 CFR 2001.12(b))${prior}.`,
        date,
      );
    }
    if (automaticOn && automaticOn <= asOf) {
      return result(
        'review',
        'eo13526-3.3',
        `The 25-year automatic declassification date ${automaticOn} has passed, but the instruction sets a later date ${date} that no exemption supports: a reviewer must decide (E.O. 13526 §3.3).`,
        date,
      );
    }
    return result(
      'classified',
      'eo13526-1.5',
      `${who} until ${date}${sets} (E.O. 13526 §1.5; declassified on that date under 32 CFR 2001.12(b))${prior}.`,
      date,
    );
  }

  if (decl.kind === 'event') {
    return result(
      'review',
      'decl-event',
      `The instruction names an event (${written}), which cannot be checked by machine: a reviewer must decide whether it has occurred (32 CFR 2001.12(b))${fallback}.`,
    );
  }

  if (decl.kind === 'downgrade') {
    const note = decl.notes?.find((n) => n.startsWith('downgrade')) ?? 'a downgrade';
    return result(
      'review',
      'decl-downgrade',
      `${written} is a downgrading instruction (${note.replace(/; not a declassification instruction$/, '')}), not a declassification instruction: a reviewer must set one (32 CFR 2001.21(a))${fallback}.`,
    );
  }

  if (decl.kind === 'source-list') {
    const named = decl.codes.join('/');
    const why = decl.codes.every((c) => c === 'NATO')
      ? "NATO information is declassified only with NATO's consent"
      : 'Atomic Energy Act information is declassified only by the Department of Energy, never automatically, 32 CFR 2001.24(h)(2)';
    return result(
      'review',
      '32cfr2001.24h',
      `${who} whose instruction ${written} does not apply to its ${named} portions (${why}) and leaves the other portions' dates to a source list, which the tool does not read: a reviewer must read it (32 CFR 2001.24(h)(3))${fallback}.`,
    );
  }

  // Exemptions and prior-order markings: classified until a computed (or Panel-approved) date, then review.
  const codes = decl.codes.join(', ');
  const computed = decl.date ?? automaticOn;
  if (!computed) {
    return result('review', 'decl-no-origin', `${codes} needs the origination date to compute its declassification date, which is unknown: a reviewer must decide (CAPCO §E.6).`);
  }
  const tier = exemptionTier(decl);
  if (tier === 'review-date') {
    return computed <= asOf
      ? result(
          'review',
          'capco-e6',
          `The review date ${computed} set by ${codes} under a prior order has passed; a review date does not declassify, so a reviewer must decide (32 CFR 2001.12(c)(2); CAPCO §E.6).`,
          computed,
        )
      : result('classified', 'capco-e6', `${who} until its prior-order review date ${computed} (${codes}; 32 CFR 2001.12(c)(2), CAPCO §E.6).`, computed);
  }
  // A 50X1-HUM code with a date written beside it (`25X1-human, 02/13/2033`): that date is the
  // classifier's, not the 75-year date the code gives (2083 for a 2008 cable), which the text
  // called it; classified until the date written, then review (fail closed).
  const writtenDate = tier === 'long' && decl.date !== null;
  const over = beyondLimit(decl, laterOf(originated, input.sourceDate ?? null));
  if (over) {
    const counted = over.counted === originated ? `origination on ${originated}` : `the source date ${over.counted} (Derived From … Dated)`;
    diag('warning', over.code, `Exemption date ${decl.date} for ${codes} is more than ${over.years} years after ${counted}; the code allows ${over.limit} at the latest (32 CFR 2001.26(${over.paragraph})).`);
  }
  if (computed <= asOf) {
    if (tier === 'dated' || writtenDate) {
      return result(
        'review',
        'eo13526-3.3h',
        `The exemption date ${computed} for ${codes} has passed, but exempted records can be exempted further with Panel approval: a reviewer must confirm before treating it as declassified (E.O. 13526 §3.3(h)).`,
        computed,
      );
    }
    return result(
      'review',
      'capco-e6',
      `The ${decl.date ? 'date' : 'computed date'} ${computed} for ${codes}${fromSource ? ` (25 years from the date of source ${decl.sourceDate})` : ''} has passed, but CAPCO §E.6 says never to assume such information is declassified: a reviewer must decide.`,
      computed,
    );
  }
  if (over) {
    // The written date is not taken as written past the code's own limit: classified until the
    // limit at most, then a reviewer (as a plain date past 25 years is, rule eo13526-3.3).
    return over.limit <= asOf
      ? result(
          'review',
          '32cfr2001.26',
          `The ${over.years}-year limit ${over.limit} for ${codes} has passed; the date written with the code, ${decl.date}, lies beyond it, which only a Panel-approved further exemption allows: a reviewer must decide (32 CFR 2001.26(${over.paragraph}); E.O. 13526 §3.3(h)).`,
          computed,
        )
      : result(
          'classified',
          tier === 'dated' ? 'eo13526-3.3b' : 'eo13526-3.3h',
          `${who}, exempted (${codes}) until its ${over.years}-year limit ${over.limit} at the latest, then due for review: the date written with the code, ${decl.date}, lies beyond that limit (32 CFR 2001.26(${over.paragraph})).`,
          computed,
        );
  }
  switch (tier) {
    case 'dated':
      return result('classified', 'eo13526-3.3b', `${who}, exempted from automatic declassification (${codes}) until ${computed} (E.O. 13526 §3.3(b)).`, computed);
    case 'long':
      if (writtenDate) {
        return result('classified', 'eo13526-3.3h', `${who}, exempted (${codes}) until the date written with the code, ${computed}, then due for review; the code's own 75-year date is ${automaticOn ?? 'unknown'} (E.O. 13526 §3.3(h); 32 CFR 2001.26).`, computed);
      }
      return result('classified', 'eo13526-3.3h', `${who}, exempted (${codes}) until the 75-year date ${computed} (E.O. 13526 §3.3(h); 32 CFR 2001.26).`, computed);
    case 'undated-25x':
      return result('classified', 'capco-e6', `${who}, exempted (${codes}) without a date: classified until the computed 50-year date ${computed} (CAPCO §E.6).`, computed);
    default:
      return result(
        'classified',
        'capco-e6',
        `${who} under a prior-order marking (${codes}): classified until the computed 25-year date ${computed}${fromSource ? ` (from the date of source ${decl.sourceDate})` : ''}, then due for review (32 CFR 2001.12(c)(2); CAPCO §E.6).`,
        computed,
      );
  }
}

/**
 * Assesses a parsed cable: the instruction is its E.O. line (none when it has no E.O. line), the
 * level its overall classification ({@link documentLevel}), the origin `doc.originated`.
 */
export function assessDocument(doc: Document, asOf: string): DeclAssessment {
  requireAsOf(asOf);
  const a = natoDocument(doc, belowItsPortions(doc, doc.format === 'document' ? assessAuthorityBlock(doc, asOf) : assessCable(doc, asOf)));
  // Decided as the document stood before it was written: not an error (the status is still the
  // instruction's), but hardly what was meant (a mistyped year), so never silent.
  if (doc.originated && asOf < doc.originated) {
    return {
      ...a,
      diagnostics: [
        ...a.diagnostics,
        { severity: 'warning', code: 'as-of-before-origin', message: `The as-of date ${asOf} is before the document's origination on ${doc.originated}: it is decided as it stood before it was written.` },
      ],
    };
  }
  return a;
}

/**
 * A NATO document (its banner NATO's own, `NATO RESTRICTED`, `NATO SECRET`) carries no E.O. 13526
 * declassification instruction: NATO classifies it, and NATO information is declassified only with
 * NATO's consent (32 CFR 2001.24(h)(3); ISM declassException `NATO`). Without an instruction it
 * was `invalid` with a `decl-missing` error, which asked for what a NATO document never has (probe
 * 67b F5). Its status is `review` (a reviewer consults NATO; domain.md §1.8: never declassified
 * without NATO's consent), said once as information, not as the document's error.
 */
function natoDocument(doc: Document, a: DeclAssessment): DeclAssessment {
  const words = natoOwnBanner(doc.banner?.raw, doc.banner?.marking);
  if (words === null || a.rule !== '32cfr2001.21' || a.decl.kind !== 'none' || a.decl.raw !== null || a.decl.truncated) return a;
  if (doc.banner!.marking!.level === 'U') return a;
  return {
    ...a,
    status: 'review',
    rule: '32cfr2001.24h',
    declassifyOn: null,
    reason: `A NATO document (${words}): NATO's classification carries no E.O. 13526 declassification instruction, and NATO information is declassified only with NATO's consent (32 CFR 2001.24(h)(3)): a reviewer consults NATO.`,
    diagnostics: [
      ...a.diagnostics.filter((d) => d.code !== 'decl-missing'),
      { severity: 'info', code: 'decl-nato-document', message: `${words} is NATO's classification: a NATO document carries no E.O. 13526 declassification instruction, and is declassified only with NATO's consent.` },
    ],
  };
}

/**
 * A document whose banner is lower than one of its portions (`CONFIDENTIAL` over a `(TS)`
 * paragraph) or than a classification line in its text is not declassified by its instruction:
 * that was given for the banner's level, and whether it covers the higher portion is a reviewer's
 * decision (a TS paragraph under a C banner
 * with a DECL date of 2010 was released as declassified; lint calls the banner an error).
 */
function belowItsPortions(doc: Document, a: DeclAssessment): DeclAssessment {
  if (a.status !== 'declassified') return a;
  // A page banner whose words are not understood (`TOP SECRET//XYZZY`, `T0P 5ECRET`) holds text of
  // a level not known: no instruction of another page declassifies it (probe 66d: released whole
  // by a SECRET cover's passed date).
  const unread = (doc.pageBanners ?? []).find((b) => !b.marking && !b.highestPossible);
  if (unread || (doc.unreadClassificationLines?.length ?? 0) > 0) {
    const which = unread ? `A banner of page ${unread.page}` : 'A classification line in its text';
    return { ...a, status: 'review', rule: 'decl-level-mismatch', reason: `${which} is not understood: the level of the text under it is not known, so whether the declassification instruction covers it is a reviewer's decision (32 CFR 2001.21).` };
  }
  if (!doc.banner?.marking) return a;
  const pages = blockPagesLevel(doc);
  const banner = pages?.level ?? doc.banner.marking.level;
  // A portion marked higher, or a classification line in the text above the banner (`S E C R E T
  // SECTION 02 OF 02 …` under a CONFIDENTIAL banner: its unmarked paragraph was released as
  // declassified by the banner's date), or a later page's banner above it.
  const levels = [...doc.portions.map((p) => p.marking?.level), ...(doc.classificationLines ?? []).map((c) => c.level), ...(doc.pageBanners ?? []).map((b) => (b.highestPossible ? null : b.marking?.level))];
  const top = levels.reduce<Level>((m, l) => (l && RANK[l] > RANK[m] ? l : m), banner);
  if (top === banner) return a;
  const whose = pages ? `The banner of ${pages.where} (${LEVEL_BANNER[banner]})` : `Its banner (${LEVEL_BANNER[banner]})`;
  return {
    ...a,
    status: 'review',
    rule: 'decl-level-mismatch',
    reason: `${whose} is lower than a portion, a page's banner or a classification line in its text (${LEVEL_BANNER[top]}): the declassification instruction was given for that banner's level, so a reviewer must decide whether it covers the higher text (32 CFR 2001.21).`,
  };
}

/**
 * The level the declassification instruction was given for, in a document of several pages: the
 * highest banner of page 1 (the face, whose banner is the document's overall marking) and of the
 * pages holding a Declassify On line. A joined document's document-wide banner is raised by every
 * page's (documentMarking), so a TOP SECRET enclosure page without a block of its own behind a
 * SECRET cover memo took the memo's passed date and was released as declassified (probe 66c F1).
 * Null when those pages carry no banner understood (the document's banner then stands).
 */
function blockPagesLevel(doc: Document): { level: Level; where: string } | null {
  const banners = (doc.pageBanners ?? []).filter((b) => !b.highestPossible && b.marking);
  const around = bannersAroundBlock(doc, banners);
  if (around) return around;
  if (banners.length === 0 || !banners.some((b) => b.page > 1)) return null;
  const pageOf = pageIndex(doc.source);
  const pages = new Set([1, ...(doc.authority?.declassifyOn ?? []).map((f) => pageOf(f.span.start))]);
  const own = banners.filter((b) => pages.has(b.page));
  if (own.length === 0) return null;
  const level = own.reduce<Level>((m, b) => (RANK[b.marking!.level] > RANK[m] ? b.marking!.level : m), 'U');
  const list = [...pages].sort((x, y) => x - y);
  return { level, where: list.length === 1 ? 'page 1 (with the authority block)' : `pages ${list.join(', ')} (page 1 and the authority block's)` };
}

/**
 * The level of the banners next to each Declassify On line (the last above it and the first below
 * it), when banners of two levels stand in the document: pages joined without a form feed are one
 * page, and a TOP SECRET enclosure's banners raised page 1's, so the SECRET cover's passed date
 * declassified the enclosure (probe 66d). Null when all banners agree or no line is found.
 */
function bannersAroundBlock(doc: Document, banners: readonly PageBanner[]): { level: Level; where: string } | null {
  const lines = doc.authority?.declassifyOn ?? [];
  if (lines.length === 0 || new Set(banners.map((b) => b.marking!.level)).size < 2) return null;
  let level: Level | null = null;
  for (const line of lines) {
    const above = banners.filter((b) => b.span.end <= line.span.start).at(-1);
    const below = banners.find((b) => b.span.start >= line.span.end);
    for (const b of [above, below]) if (b && (level === null || RANK[b.marking!.level] > RANK[level])) level = b.marking!.level;
  }
  return level === null ? null : { level, where: 'the banners next to the Declassify On line' };
}

/**
 * A cable's assessment: its E.O. line, any other DECL line in its text, and an instruction its
 * banner ends with (the most protective, {@link chooseInstruction}). Without an E.O. line, the
 * banner's instruction is the cable's.
 */
function assessCable(doc: Document, asOf: string): DeclAssessment {
  const stamp = doc.declassifiedStamp;
  // State's declassification stamp records a decision made after the E.O. line's instruction.
  const eo = stamp ? { decl: stamp.raw.replace(/\s+/g, ' '), raw: stamp.raw, span: stamp.span, declSpan: stamp.span } : doc.eo;
  let decl = parseDecl(eo ? eo.decl ?? eo.raw : null);
  if (eo && eo.decl !== null && decl.kind === 'unrecognised') {
    // The parser may have split the line differently; the whole line is the fallback.
    const whole = parseDecl(eo.raw);
    if (whole.kind !== 'unrecognised') decl = whole;
  }
  const span = eo ? eo.declSpan ?? eo.span : undefined;
  const common = { originated: doc.originated, level: documentLevel(doc), asOf };
  const banners = bannerInstructions(doc, common);
  const inText = doc.eoInText ?? [];
  const own = eo === null ? headerInstructions(doc, inText, common) : [];
  const where = stamp ? 'the declassification stamp' : doc.eoForwarded ? 'the E.O. line of a forwarded cable' : 'the E.O. line';
  const first = assessDeclassification({ decl, ...common, ...(span ? { span } : {}) });
  const all: Weighed[] = own.length > 0 ? own.map((o) => ({ ...o, forwarded: false })) : [{ assessment: first, where, forwarded: doc.eoForwarded === true }];
  let ownDecl = false;
  // A second instruction in the text (parse/index.ts eoInTextOf): the most protective result is
  // kept, as with two Declassify On lines, the worse status, then the later date (fail closed).
  for (const e of inText) {
    if (own.some((o) => o.assessment.span?.start === (e.declSpan ?? e.span).start)) continue;
    const at = (e.declSpan ?? e.span).start;
    const eoLine = doc.eoForwarded ? eoLineAt(doc.source, at) : /^\s*["']?E\.?\s?O\b/i.test(e.raw);
    // Without an E.O. line of its own, every E.O. line in the body is a forwarded or quoted cable's.
    const forwarded = doc.eoForwarded === true && (eoLine || forwardedAt(doc.source, at));
    if (!forwarded && !eoLine) ownDecl = true;
    const where = forwarded ? (eoLine ? 'an E.O. line of a forwarded or quoted cable' : 'a Declassify On line of a forwarded or quoted message') : eoLine ? 'an E.O. line in the text' : 'a Declassify On line in the text';
    all.push({ assessment: assessDeclassification({ decl: parseDecl(e.decl), ...common, span: e.declSpan ?? e.span }), where, forwarded });
  }
  all.push(...banners.map((b) => ({ ...b, forwarded: false })));
  return withBannerOnly(chooseInstruction(doc, forwardedOnly(all, ownDecl)), eo === null && banners.length > 0);
}

/**
 * A cable without an E.O. line: the declassification instructions written in its header or its
 * Classified By block instead (`DECLASSIFY ON: 2018-05-30` under the banner, `Classified By: …;
 * Declassify On: 20180530`), read as a document's Declassify On line is. The cable was said to
 * carry no instruction, which was false. One that is not understood is assessed as written
 * (invalid, quoted: fail closed); lines further down (a quoted cable's) are not the cable's own,
 * nor a DECL inside a REF, SUBJECT or TAGS line (a referenced cable's, probe 60d F2: see
 * {@link ownInstructionAt}).
 */
function headerInstructions(doc: Document, inText: readonly ExecutiveOrderLine[], common: Omit<AssessInput, 'decl'>): Instruction[] {
  const end = headerEnd(doc);
  const out: Instruction[] = [];
  for (const e of inText) {
    const span = e.declSpan ?? e.span;
    if (span.start < end && ownInstructionAt(doc, span.start)) out.push({ assessment: assessDeclassification({ decl: parseDecl(e.decl), ...common, span }), where: 'a Declassify On line' });
  }
  if (out.length > 0) return out;
  for (const unread of doc.source.slice(0, end).matchAll(HEADER_DECL)) {
    const start = unread.index + unread[0].length - unread[1]!.length;
    const value = unread[1]!.trimEnd();
    if (value === '' || !ownInstructionAt(doc, start)) continue;
    return [{ assessment: assessDeclassification({ decl: parseDecl(value), ...common, span: { start, end: start + value.length } }), where: 'a Declassify On line' }];
  }
  return [];
}

/** A declassification keyword and the rest of its line (`DECLASSIFY ON: …`, `DECL: …`). */
const HEADER_DECL = /\bDECL(?:ASSIFY)?(?:[ \t]+ON)?[ \t]*:[ \t]*([^\n]*)/gi;
/** What may stand before a header instruction's value on its line: nothing but the keyword (`DECL: …`, `DECLASSIFY ON: …`). */
const LINE_OPENS_WITH_DECL = /^[ \t]*DECL(?:ASSIFY)?(?:[ \t]+ON)?[ \t]*:?[ \t]*$/i;
/** Or an E.O. line glued to the banner or a routing line (`… ISLAMABAD 002903SIPDISE.O. 12958: DECL: …`, `… AND T E.O. 12958: DECL: …`). */
const AFTER_EO = /E\.?[ \t]?O\.?[ \t]*1\d{4}[ \t]*:?[ \t]*(?:DECL(?:ASSIFY)?(?:[ \t]+ON)?[ \t]*:?[ \t]*)?$/i;
/** A header field line that quotes other cables or names the subject: a DECL in it is not the cable's own. */
const FIELD_LINE = /^[ \t]*(?:REFS?|REFERENCES?|SUBJ(?:ECT)?|TAGS?)\b/i;

/**
 * Whether the instruction whose value starts at `at` is the cable's own: in its Classified By
 * block, or on a header line that opens with the DECL keyword (or on the line right under the
 * Classified By block), or after an `E.O. 1xxxx:` on a header line; never inside the subject,
 * the tags or a reference (`REF: A. PARIS 1200 DECL: 10/15/2018` is the referenced cable's: read
 * as this one's, a SECRET cable was declassified and released in full, probe 60d F2).
 */
function ownInstructionAt(doc: Document, at: number): boolean {
  const src = doc.source;
  const within = (s: Span | null | undefined) => s !== null && s !== undefined && s.start <= at && at < s.end;
  const cab = doc.classifiedBy?.span ?? null;
  if (within(cab)) return true;
  if (within(doc.subject?.span) || within(doc.tags?.span) || doc.refs.some((r) => within(r.span))) return false;
  const lineStart = src.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = src.indexOf('\n', at);
  if (FIELD_LINE.test(src.slice(lineStart, lineEnd < 0 ? src.length : lineEnd))) return false;
  const head = src.slice(lineStart, at);
  if (AFTER_EO.test(head)) return true;
  if (!LINE_OPENS_WITH_DECL.test(head)) return false;
  const body = doc.portions.find((p) => p.kind !== 'subject');
  const underCab = cab !== null && cab.end <= lineStart && !/\n[ \t]*\S[^\n]*\n/.test(src.slice(cab.end, lineStart));
  return at < (body ? body.span.start : src.length) || underCab;
}

/** Where a cable's header and Classified By block end: its first portion after the subject, or the Classified By line's end when that is later. */
function headerEnd(doc: Document): number {
  const cab = doc.classifiedBy?.span.end ?? 0;
  const body = doc.portions.find((p) => p.kind !== 'subject');
  return Math.max(cab, body ? body.span.start : cab);
}

/**
 * The instructions banner lines end with (`SECRET//NOFORN//20320108`), assessed: the banner's, every
 * page banner's (a memo's bottom banner may say 2040 where its top says 2012) and a cable's
 * classification lines in its text (a later section's `SECRET//NOFORN//20400101 BERLIN 000999`).
 * They are instructions of the document as much as its Declassify On or E.O. line's, but only
 * beside one: alone, the most protective cannot be known from banners that may have been cut
 * (see {@link withBannerOnly}).
 */
function bannerInstructions(doc: Document, common: Omit<AssessInput, 'decl'>): Instruction[] {
  const lines: { raw: string; span: Span; value: string | undefined }[] = [];
  if (doc.banner) lines.push({ raw: doc.banner.raw, span: doc.banner.span, value: doc.banner.marking?.declassifyOn });
  for (const b of doc.pageBanners ?? []) lines.push({ raw: b.raw, span: b.span, value: b.marking?.declassifyOn });
  for (const c of doc.classificationLines ?? []) lines.push({ raw: doc.source.slice(c.span.start, c.span.end), span: c.span, value: c.declassifyOn });
  const out: Instruction[] = [];
  for (const { raw, span, value } of lines) {
    if (!value) continue;
    // The value ends the banner as written (the parser read it from there); its own span when found.
    const at = raw.toUpperCase().lastIndexOf(value.toUpperCase());
    const where = at >= 0 ? { start: span.start + at, end: span.start + at + value.length } : span;
    out.push({ assessment: assessDeclassification({ ...common, decl: parseDecl(value), span: where }), where: 'a banner line' });
  }
  return out;
}

/**
 * The assessment of a document whose only instruction is a banner's, with a warning that says
 * so: it is assessed as having none (no Declassify On line or E.O. line), the banner's value not
 * applied alone. A banner-only passed date declassified a memo whose bottom banner said 2040.
 */
function withBannerOnly(a: DeclAssessment, bannerOnly: boolean): DeclAssessment {
  if (!bannerOnly) return a;
  const note: Diagnostic = {
    severity: 'warning',
    code: 'decl-banner-only',
    message: 'A banner line ends with a declassification instruction, but the document has no Declassify On or E.O. line: the banner\'s instruction is not applied alone (32 CFR 2001.21 puts it in the classification authority block).',
    ...(a.span ? { span: a.span } : {}),
  };
  return { ...a, diagnostics: [...a.diagnostics, note] };
}

const RANK: Readonly<Record<Level, number>> = { U: 0, C: 1, S: 2, TS: 3 };

/** The later of two ISO dates (either may be missing). */
function laterOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b > a ? b : a;
}

/**
 * A document's overall level: the highest of its banner, its portion marks and its leaked database
 * record's classification field. Null (unknown) when none gives a level, or when the banner was
 * not understood and nothing else is classified: fail closed.
 */
export function documentLevel(doc: Document): Level | null {
  const levels: Level[] = [];
  if (doc.banner?.marking) levels.push(doc.banner.marking.level);
  for (const p of doc.portions) if (p.marking) levels.push(p.marking.level);
  const recorded = recordLevel(doc.record?.fields['classification']);
  if (recorded) levels.push(recorded);
  if (levels.length === 0) return null;
  const top = levels.reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
  if (top === 'U' && doc.banner && !doc.banner.marking) return null;
  return top;
}

function recordLevel(value: string | undefined): Level | null {
  const v = value?.trim().toUpperCase() ?? '';
  if (v.startsWith('TOP SECRET')) return 'TS';
  if (v.startsWith('SECRET')) return 'S';
  if (v.startsWith('CONFIDENTIAL')) return 'C';
  if (v.startsWith('UNCLASSIFIED')) return 'U';
  return null;
}

/** The date an explicit date or a duration stands for, or null. */
function resolvedDate(decl: DeclValue, originated: string | null): string | null {
  if (decl.kind === 'duration') return originated && decl.years ? addYears(originated, decl.years) : null;
  return decl.date;
}

type Tier = 'dated' | 'long' | 'undated-25x' | 'prior' | 'review-date';

function exemptionTier(decl: DeclValue): Tier {
  const codes = decl.codes;
  if (decl.kind !== 'exemption') return decl.date ? 'review-date' : 'prior';
  if (codes.some((c) => c === '50X1-HUM' || c === '50X2-WMD')) return 'long';
  if (codes.some((c) => /^(25|50|75)X\d$/.test(c))) {
    if (decl.date) return 'dated';
    return codes.some((c) => /^(50|75)X/.test(c)) ? 'long' : 'undated-25x';
  }
  if (codes.includes('EO12951')) return 'undated-25x';
  return 'prior';
}

/** How far past its code's limit an exemption date is written (see {@link beyondLimit}). */
interface BeyondLimit {
  readonly code: 'decl-over-50-years' | 'decl-over-75-years';
  readonly years: 50 | 75;
  /** 31 December of the 50th / 75th year after `counted`'s date. */
  readonly limit: string;
  readonly counted: string;
  readonly paragraph: 'a' | 'b';
}

/**
 * An exemption date written past what its code allows, counted from `base` (the later of
 * origination and the source date, as the 25-year limit on a plain date is): a 25X# date runs at
 * most to 31 December of the 50th year (32 CFR 2001.26(a); E.O. 13526 §3.3(b)), a 50X1-HUM,
 * 50X2-WMD or 50X# date to the 75th (2001.26(b)). With several codes the longest limit counts;
 * a 75X# code (Panel-approved beyond 75 years) or E.O. 12951 sets none. Null when within it.
 */
function beyondLimit(decl: DeclValue, base: string | null): BeyondLimit | null {
  if (decl.kind !== 'exemption' || decl.date === null || base === null) return null;
  const years = decl.codes.map((c) => (/^(50X\d|50X1-HUM|50X2-WMD)$/.test(c) ? 75 : /^25X\d$/.test(c) ? 50 : Infinity));
  const most = Math.max(...years);
  if (most === Infinity) return null;
  const limit = endOfYearAfter(base, most);
  if (decl.date <= limit) return null;
  const long = most === 75;
  return { code: long ? 'decl-over-75-years' : 'decl-over-50-years', years: long ? 75 : 50, limit, counted: base, paragraph: long ? 'b' : 'a' };
}

/**
 * The automatic declassification date (see {@link assessDeclassification}); null when it cannot be
 * computed. With several codes the longest protection wins.
 */
export function automaticDate(decl: DeclValue, originated: string | null): string | null {
  const years = (n: number) => (originated ? endOfYearAfter(originated, n) : null);
  if (decl.kind !== 'exemption') return years(25);
  const dates: (string | null)[] = [];
  for (const c of decl.codes) {
    if (c === '50X1-HUM' || c === '50X2-WMD') dates.push(years(75));
    else if (/^(50|75)X\d$/.test(c)) dates.push(decl.date ?? years(75));
    else if (/^25X\d$/.test(c) || c === 'EO12951') dates.push(decl.date ?? years(50));
    else dates.push(years(25));
  }
  const known = dates.filter((d): d is string => d !== null);
  return known.length ? known.reduce((a, b) => (b > a ? b : a)) : null;
}

function levelWords(level: Level | null): string {
  switch (level) {
    case 'U':
      return 'Unclassified document';
    case 'C':
      return 'CONFIDENTIAL';
    case 'S':
      return 'SECRET';
    case 'TS':
      return 'TOP SECRET';
    default:
      return 'Document of unknown level (treated as classified)';
  }
}

/**
 * A Declassify On value continued on lines under it, read and quoted as one line: a code on the
 * next line is a further value (`20100108` / `25X1-human` reads `20100108, 25X1-human`, as the
 * same on one line does), any other line more of the words above (`20 years from` / `date of …`).
 */
function oneLine(raw: string): string {
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .reduce((all, l) => (DECL_CODE_START.test(l) ? withCodeUnder(all, l) : `${all} ${l}`));
}

/**
 * Assesses a modern document by its classification authority block: each `Declassify On` value is
 * read like a DECL value (dates as `20320108` or `08 JAN 2007`, `25X1, 20591231`, `50X1-HUM`, …)
 * and assessed with the document's level and origination date, and the source date of `Derived
 * From … Dated` (see {@link AssessInput}). An instruction the banner ends with (`…//X1`,
 * `…//20320108`) is one more value. With several values (two blocks side by side, a banner's and
 * a block's) the most protective result is kept, the worse status, then the later date (fail
 * closed), and a disagreement is a `decl-conflict` warning ({@link chooseInstruction}). A document
 * with neither a `Declassify On` value nor a banner's instruction is assessed as having none.
 */
export function assessAuthorityBlock(doc: Document, asOf: string): DeclAssessment {
  requireAsOf(asOf);
  const block = doc.authority ?? null;
  const level = documentLevel(doc);
  const common = { originated: doc.originated, level, asOf, sourceDate: block?.sourceDate ?? null };
  const fields = block?.declassifyOn ?? [];
  const banners = bannerInstructions(doc, common);
  if (fields.length === 0) {
    const missing = block ? 'an authority block without a Declassify On line' : 'no classification authority block';
    const decl: DeclValue = { raw: null, kind: 'none', date: null, codes: [], notes: [missing] };
    return withBannerOnly(assessDeclassification({ decl, ...common, missing, ...(block ? { span: block.span } : {}) }), banners.length > 0);
  }
  // A Declassify On line below a forwarding header or `>`-quoted is the forwarded message's (forwarded.ts).
  const all: Weighed[] = fields.map((f) => {
    const forwarded = forwardedAt(doc.source, f.span.start);
    const assessment = dayOrMonthFirst(assessDeclassification({ decl: parseDecl(oneLine(f.raw)), ...common, span: f.span }), asOf);
    return { assessment, where: forwarded ? 'a Declassify On line of a forwarded or quoted message' : 'a Declassify On line', forwarded };
  });
  const ownDecl = all.some((c) => !c.forwarded);
  const inPortions = portionInstructions(doc, common);
  for (const c of [...banners, ...inPortions.instructions]) all.push({ ...c, forwarded: false });
  const chosen = chooseInstruction(doc, forwardedOnly(all, ownDecl));
  return inPortions.warnings.length === 0 ? chosen : { ...chosen, diagnostics: [...chosen.diagnostics, ...inPortions.warnings] };
}

/**
 * A document's Declassify On date that reads two ways (`01/08/2026`: 8 January as MM/DD, 1 August
 * as DD/MM, as a partner's document may write it). The US order is kept (US documents and cables
 * write MM/DD), never silently: a `decl-date-ambiguous` warning gives the other reading, and when
 * the date has passed as MM/DD but not as DD/MM, whether the document is declassified depends on
 * the reading, so a reviewer decides (status `review`, fail closed). Cables are not read here.
 */
function dayOrMonthFirst(a: DeclAssessment, asOf: string): DeclAssessment {
  const both = a.decl.raw === null || a.decl.date === null ? null : ambiguousDayMonth(a.decl.raw);
  if (both === null || both.monthFirst !== a.decl.date) return a;
  const written = `"${oneLine(a.decl.raw!).replace(/^Declassify\s+On\s*:\s*/i, '')}"`;
  const warning: Diagnostic = {
    severity: 'warning',
    code: 'decl-date-ambiguous',
    message: `Declassify On ${written} is read as MM/DD (${both.monthFirst}); as DD/MM it would be ${both.dayFirst}.`,
    ...(a.span ? { span: a.span } : {}),
  };
  const diagnostics = [...a.diagnostics, warning];
  if (a.status !== 'declassified' || both.dayFirst <= asOf) return { ...a, diagnostics };
  return {
    ...a,
    status: 'review',
    rule: 'decl-date-ambiguous',
    declassifyOn: both.dayFirst,
    reason: `Its declassification instruction ${written} has passed if read as MM/DD (${both.monthFirst}, the US order) but not if read as DD/MM (${both.dayFirst}): which was meant decides whether it is declassified, so a reviewer must decide (32 CFR 2001.21(a)).`,
    diagnostics,
  };
}

/** A declassification instruction in parentheses or brackets inside a portion: `(Declassify on 20400101)`. */
const IN_PORTION = /[([]\s*(Declassify\s+On\b\s*:?\s*([^()[\]\n]{1,80}?))\s*[)\]]/gi;

/**
 * Declassification instructions written inside a portion's text (`1. (S) … (Declassify on
 * 20400101)` under a block's `Declassify On: 20200101`), each with a `decl-in-portion` warning.
 * They were ignored, and the portion released as declassified in 2020 while its own words keep it
 * classified until 2040. The status is the document's, not the portion's, so each is one more
 * instruction of the document: the most protective applies (a `decl-conflict` warning names them
 * all), which withholds the other portions as long as the latest date (fail closed, said aloud).
 * A value that is not a recognised instruction is not counted (prose), but still warned of.
 */
function portionInstructions(doc: Document, common: Omit<AssessInput, 'decl'>): { instructions: Instruction[]; warnings: Diagnostic[] } {
  const instructions: Instruction[] = [];
  const warnings: Diagnostic[] = [];
  for (const portion of doc.portions) {
    const text = doc.source.slice(portion.span.start, portion.span.end);
    for (const m of text.matchAll(IN_PORTION)) {
      const at = portion.span.start + m.index! + m[0].indexOf(m[1]!);
      const span = { start: at, end: at + m[1]!.length };
      const decl = parseDecl(m[1]!.replace(/\s+/g, ' '));
      const counted = decl.kind !== 'unrecognised' && decl.kind !== 'none';
      const warning: Diagnostic = {
        severity: 'warning',
        code: 'decl-in-portion',
        message: `Portion ${portion.id} carries its own declassification instruction "${m[1]!.replace(/\s+/g, ' ').trim()}"; ${counted ? 'it counts as one of the document\'s instructions, and what is chosen among them applies to the whole document' : 'it is not a recognised instruction and is not applied: a reviewer should check it'}.`,
        span,
      };
      warnings.push(warning);
      if (counted) instructions.push({ assessment: assessDeclassification({ ...common, decl, span }), where: `inside portion ${portion.id}` });
    }
  }
  return { instructions, warnings };
}
