import { assessDocument } from '../declass/index.js';
import { foreignInformation, formatBanner, LEVEL_BANNER, natoOwnBanner, natoReleaseBanner, rollUp } from '../markings/index.js';
import { conditionsHold, CONDITIONS } from '../rules/conditions/index.js';
import type { CompiledRule, Profile } from '../rules/load.js';
import type { Override, OverrideSet } from '../rules/overrides.js';
import { classificationReason, isB1 } from '../rules/authority-items.js';
import { overrideIdsOf, overrideMismatch } from '../rules/override-ids.js';
import { sampleListNotes } from '../rules/sample-lists.js';
import type { PortionFacts } from '../rules/types.js';
import { endOfYearAfter } from '../dates.js';
import { declassificationMarking } from './declass-marking.js';
import { requireAsOf } from '../options.js';
import { OUTSIDE_PORTIONS_ID, type DeclAssessment, type DeclStatus, type Decision, type Diagnostic, type Document, type Marking, type Plan, type Portion, type Redaction } from '../types.js';
import { expandAuthority, formatReason, governingReasons, portionReasons, unreadReasons } from './authority.js';
import { computeDisposition } from './disposition.js';
import { linesOutsidePortions, outsidePortion, spansAcrossPortions, spansInPortion, type ReleasedPortion } from './span-redactions.js';
import { isBannerAbovePortions, isDocumentClassified, portionFacts } from './facts.js';

/** Options of one evaluation. */
export interface EvaluateOptions {
  /** The date decisions are made as of (`YYYY-MM-DD`). */
  readonly asOf: string;
  /** Reviewer decisions; they take precedence over the profile. */
  readonly overrides?: OverrideSet | null;
  /** The names overrides are matched against when the cable has no reference id (its file and output stems). */
  readonly fallbackRef?: string | readonly string[];
  /** The input's sha256, which a decision that names the document it was written for is checked against. */
  readonly inputSha256?: string | null;
}

const U_MARKING: Marking = { raw: '(U)', level: 'U', sci: [], controls: [], relTo: [], fgi: [], normalisations: [] };

/**
 * Decides every portion of `doc` for `profile` as of a date. Precedence, first that applies:
 * 1. a reviewer override for the portion;
 * 2. a portion whose mark was not understood is withheld (`<profile>/unknown-marking`), whatever
 *    the profile says;
 * 3. the profile's release/withhold rules, in file order: the first rule whose conditions all hold;
 * 4. nothing matched: withheld by `<profile>/default-deny`.
 * Then redact rules remove matching spans inside released portions (they can only remove more).
 */
export function evaluate(doc: Document, profile: Profile, options: EvaluateOptions): Plan {
  // Checked first: DECL dates are compared with it as strings (`today` would pass them all).
  requireAsOf(options?.asOf);
  const declassification = assessDocument(doc, options.asOf);
  const classified = isDocumentClassified(doc);
  const bannerAbove = isBannerAbovePortions(doc);
  const governing = governingReasons(doc, declassification);
  const reasons = withholdingReasons(doc, governing.reasons, declassification, options.asOf);
  const diagnostics: Diagnostic[] = [...(governing.note ? [governing.note] : []), ...sampleListNotes(profile)];
  const overrides = overridesFor(doc, options);

  const decisions: Decision[] = [];
  const redactions: Redaction[] = [];
  const released: ReleasedPortion[] = [];
  for (const portion of doc.portions) {
    const facts = portionFacts(doc, portion, classified, declassification.status, bannerAbove);
    const override = boundOverride(overrides.get(portion.id), portion, options.inputSha256, diagnostics);
    const foreign = facts.marking ? foreignInformation(facts.marking) : null;
    const decision = withCitedBlock(decide(portion, facts, profile, portionReasons(reasons, foreign), override), governing.cited);
    if (override) diagnostics.push(...overrideWarnings(portion, facts, override, doc, declassification, options.asOf));
    else if (decision.declassified && declassification.status !== 'declassified') diagnostics.push(releasedWhileClassified(portion, decision, declassification));
    overrides.delete(portion.id);
    decisions.push(decision);
    if (decision.action === 'release') released.push({ portion, facts });
  }
  // Only a profile with redact rules looks at the lines outside the portions (public has none).
  const outside =
    profile.spanRules.length === 0
      ? []
      : linesOutsidePortions(doc).map((span) => {
          const portion = outsidePortion(span);
          return { portion, facts: portionFacts(doc, portion, classified, declassification.status, bannerAbove) };
        });
  redactions.push(...redactReleased(doc, released, outside, profile, reasons));
  for (const [portionId] of overrides) {
    diagnostics.push({
      severity: 'error',
      code: 'override-unknown-portion',
      message: `An override names portion "${portionId}", which this document does not have; it was not applied.`,
    });
  }

  const unread = unreadReasons(doc, decisions);
  if (unread) diagnostics.push(unread);

  const disposition = computeDisposition(decisions, redactions);
  const releaseBanner = profile.banner === 'foia' ? 'UNCLASSIFIED' : rolledUpBanner(doc, decisions, declassification.status);

  return {
    document: doc,
    profile: { id: profile.id, description: profile.description, file: profile.source.file, sha256: profile.source.sha256, banner: profile.banner },
    overrides: options.overrides ? { file: options.overrides.file, sha256: options.overrides.sha256 } : null,
    asOf: options.asOf,
    declassification,
    decisions,
    redactions,
    releaseBanner,
    stamp: disposition.stamp,
    declassMarking: declassificationMarking({ declassification, decisions, disposition, asOf: options.asOf }),
    disposition,
    diagnostics,
  };
}

/**
 * What `{reasons}` cites: the Classified By 1.4 reasons (of the governing block, governingReasons), or, for a record from 31 December of its
 * 25th year that is still classified, the E.O. 13526 §3.3(b) exemptions its declassification
 * instruction names (`25X1`-`25X9`, `50X1-HUM`, `50X2-WMD`): past 25 years only an exemption keeps
 * information classified, and NARA's redaction codes cite it for such records (1.4 letters below 25
 * years, 25X above, 50X beyond). A record whose origin is not known keeps its 1.4 reasons.
 */
function withholdingReasons(doc: Document, reasons: readonly string[], declassification: DeclAssessment, asOf: string): readonly string[] {
  // On 31 December itself the 25 years are reached (E.O. 13526 §3.3(a) declassifies on that day, and
  // declass/assess.ts turns OADR and X1 to review on it): the exemption alone holds from that day.
  if (declassification.status !== 'classified' || doc.originated === null || asOf < endOfYearAfter(doc.originated, 25)) return reasons;
  const exemptions = declassification.decl.kind === 'exemption' ? declassification.decl.codes.filter((c) => /^(?:25|50|75)X\d/.test(c)) : [];
  return exemptions.length > 0 ? exemptions : reasons;
}

/**
 * A withholding under B1 of a document whose authority blocks give different reasons says whose
 * it cites (governingReasons): the warning alone left the record and the index silent on it. A
 * reviewer's decision keeps its own words.
 */
function withCitedBlock(decision: Decision, cited: string | null): Decision {
  if (cited === null || decision.override || decision.action !== 'withhold' || !decision.authority.some(isB1)) return decision;
  return { ...decision, reason: `${decision.reason} ${cited}` };
}

/**
 * What a reviewer's decision claims that the document does not bear out, said on the console and in
 * the audit record (the decision still applies: it is the reviewer's): a decision dated after the
 * release's as-of date (a 2031 decision applied as of 2012); B1 on a portion marked UNCLASSIFIED or
 * in a document not classified as of the date; 1.4 reasons the document's Classified By does not
 * give. Each was printed in the release, its stamp and the Vaughn index without a word.
 */
function overrideWarnings(portion: Portion, facts: PortionFacts, o: Override, doc: Document, declassification: DeclAssessment, asOf: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = `override for ${portion.id} (${o.reviewer}, ${o.date})`;
  const warn = (code: string, message: string) => out.push({ severity: 'warning', code, message, span: portion.span });
  if (o.date > asOf) warn('override-after-as-of', `The ${at} is dated after the release's as-of date ${asOf}; it was applied.`);
  if (o.action !== 'withhold' || !(o.authority ?? []).some(isB1)) return out;
  if (facts.marking?.level === 'U') warn('override-b1-not-classified', `The ${at} withholds under B1 a portion marked UNCLASSIFIED.`);
  else if (declassification.status === 'declassified' || declassification.status === 'unclassified')
    warn('override-b1-not-classified', `The ${at} withholds under B1 a portion of a document that is ${declassification.status} as of ${asOf}.`);
  // A memo's authority block gives its reasons as classifiedBy's too (parse/document/index.ts).
  const own = new Set((doc.classifiedBy?.reasons ?? []).map((r) => formatReason(r)));
  const other = (o.authority ?? []).filter((a) => classificationReason(a) !== null && !own.has(classificationReason(a)!));
  if (other.length > 0) warn('override-reasons-differ', `The ${at} cites ${other.join(', ')}, which the document's classification authority does not give${own.size > 0 ? ` (it gives ${[...own].join(', ')})` : ''}.`);
  return out;
}

/**
 * A rule (not its `declassify`) released to the public a portion still classified as of the date:
 * the release shows it as declassified, the profile's decision, which is said aloud.
 */
function releasedWhileClassified(portion: Portion, decision: Decision, declassification: DeclAssessment): Diagnostic {
  return {
    severity: 'warning',
    code: 'released-while-classified',
    message: `Rule ${decision.ruleId} releases ${portion.id}, marked ${portion.mark?.raw ?? 'by the document'}, to the public while the document is ${declassification.status}: the release shows it as declassified.`,
    span: portion.span,
  };
}

/**
 * The decision for a portion if it binds to this document (see overrideMismatch), else undefined
 * with an `override-portion-changed` warning: a decision written for another document with the
 * same reference, or for the portion as it was marked before an edit, is not the reviewer's
 * decision on this one, which the profile decides (fail closed: a release never follows it).
 */
function boundOverride(o: Override | undefined, portion: Portion, inputSha256: string | null | undefined, diagnostics: Diagnostic[]): Override | undefined {
  if (!o) return undefined;
  const mismatch = overrideMismatch(o, inputSha256, { mark: portion.mark?.raw ?? null });
  if (mismatch === null) return o;
  diagnostics.push({ severity: 'warning', code: 'override-portion-changed', message: `The override for ${portion.id} (${o.reviewer}, ${o.date}) was not applied: ${mismatch}.`, span: portion.span });
  return undefined;
}

/** The reviewer decisions for this document, by portion id (matched on its ref, or its file stem when it has none). */
function overridesFor(doc: Document, options: EvaluateOptions): Map<string, Override> {
  const map = new Map<string, Override>();
  const ids = new Set(overrideIdsOf(doc.ref, options.fallbackRef));
  for (const o of options.overrides?.overrides ?? []) if (ids.has(o.ref)) map.set(o.portion, o);
  return map;
}

function decide(portion: Portion, facts: PortionFacts, profile: Profile, reasons: readonly string[], override: Override | undefined): Decision {
  const classifiedPortion = facts.marking !== null && facts.marking.level !== 'U';
  if (override) {
    const release = override.action === 'release';
    return {
      ...decisionBase(portion, facts),
      action: override.action,
      // A public (FOIA) release of a classified portion is a declassification, whatever was written.
      declassified: release && classifiedPortion && (override.declassify === true || profile.banner === 'foia'),
      ruleId: 'override',
      authority: override.authority ? expandAuthority(override.authority, reasons) : [],
      // A note that ends its own sentence gets no second full stop (`MDR case M-2031.`).
      reason: `Reviewer ${override.reviewer} decided on ${override.date} to ${override.action} this portion${override.note ? `: ${override.note}` : ''}${override.note && /[.!?]$/.test(override.note.trim()) ? '' : '.'}`,
      override: { reviewer: override.reviewer, date: override.date, ...(override.note ? { note: override.note } : {}) },
    };
  }
  if (portion.markingSource === 'unknown') {
    return decision(portion, facts, 'withhold', false, `${profile.id}/unknown-marking`, expandAuthority(profile.failClosedAuthority, reasons), unknownMarkingReason(portion));
  }
  const rule = profile.rules.find((r) => conditionsHold(r.conditions, facts));
  if (!rule) {
    return decision(portion, facts, 'withhold', false, `${profile.id}/default-deny`, expandAuthority(profile.defaultAuthority, reasons), `Withheld because no rule of profile ${profile.id} releases it (default deny).`);
  }
  const release = rule.action === 'release';
  const reason = rule.reason ?? explainRule(rule);
  return decision(
    portion,
    facts,
    rule.action,
    release && classifiedPortion && (rule.declassify || profile.banner === 'foia'),
    rule.fullId,
    release ? [] : expandAuthority(rule.authority, reasons),
    release && rule.declassify ? reason + lapsedControls(facts.marking) : release ? reason : reason + (portion.listItemUnderMark ? LIST_ITEM_NOTE : '') + raisedNote(portion, facts),
  );
}

/** The fields every decision of a portion starts with, in the record's order. */
function decisionBase(portion: Portion, facts: PortionFacts): Omit<Decision, 'action' | 'declassified' | 'ruleId' | 'authority' | 'reason'> {
  return {
    portionId: portion.id,
    kind: portion.kind,
    number: portion.number,
    span: portion.span,
    mark: portion.mark?.raw ?? null,
    level: facts.marking?.level ?? null,
    markingSource: portion.markingSource,
    ...(portion.raisedFrom && facts.marking === portion.marking ? { raisedFrom: portion.raisedFrom.level } : {}),
  };
}

/**
 * A decision without an override, its fields written out in the record's order ({@link decisionBase}'s,
 * then these): built at once rather than spread from the base, which was most of `decide`'s time
 * (an object spread per portion, 3% of a text-only batch).
 */
function decision(portion: Portion, facts: PortionFacts, action: Decision['action'], declassified: boolean, ruleId: string, authority: readonly string[], reason: string): Decision {
  const mark = portion.mark?.raw ?? null;
  const level = facts.marking?.level ?? null;
  if (portion.raisedFrom && facts.marking === portion.marking) {
    return { portionId: portion.id, kind: portion.kind, number: portion.number, span: portion.span, mark, level, markingSource: portion.markingSource, raisedFrom: portion.raisedFrom.level, action, declassified, ruleId, authority, reason };
  }
  return { portionId: portion.id, kind: portion.kind, number: portion.number, span: portion.span, mark, level, markingSource: portion.markingSource, action, declassified, ruleId, authority, reason };
}

/** Why a portion whose marking is not known is withheld. */
function unknownMarkingReason(portion: Portion): string {
  const partly = portion.rowCellsPartlyMarked;
  if (partly) {
    // Levels only: the marks' controls are not quoted (see below).
    const atLeast = partly.atLeast ? ` (its marked cells make it at least ${LEVEL_NAMES[partly.atLeast]})` : '';
    return `Withheld because some cells of the table row carry a mark and another cell holding text carries none, so the row's level is not known${atLeast}; a portion whose marking is not known is withheld in every profile (fail closed).`;
  }
  const unplaced = portion.mark
    ? `its mark ${portion.mark.raw} ends a paragraph of several sentences, and which of them it marks is not known`
    : // A mark ending this line or one right under it, not tied to a portion (probe 69a F1): not quoted, as below.
      'a mark ends this line or the line under it where the text it marks may start on a line above, and which lines it marks is not known';
  return portion.markUnplaced
    ? `Withheld because ${unplaced} (trailing-mark-unplaced); a portion whose marking is not known is withheld in every profile (fail closed).`
    : portion.markFirstCellOnly
      ? // The mark is not quoted: its controls can say what the row is about.
        "Withheld because its mark marks only the first cell of the table row and its other cells carry no mark, so the row's level is not known; a portion whose marking is not known is withheld in every profile (fail closed)."
      : // The mark is not quoted: not being understood, it may hold any words (`(S//NF source is …)`),
        // and this reason goes into the Vaughn index that is handed out (the record and explain keep it).
        'Withheld because its mark was not understood; unknown markings are withheld in every profile (fail closed).';
}

const LEVEL_NAMES: Readonly<Record<string, string>> = LEVEL_BANNER;

/**
 * What a withheld portion's reason adds when a mark inside its text raised it (Portion.raisedFrom):
 * that level, not its own mark's, is what the rule decided on (`(U) … (TS//SI) …` in an UNCLASSIFIED
 * memo is TOP SECRET with no authority block, and the reason blamed the document's declassification
 * instruction alone, probe 60a F6). Levels only: the inner mark's controls are not quoted (the
 * reason goes into the Vaughn index). Empty otherwise.
 */
function raisedNote(portion: Portion, facts: PortionFacts): string {
  if (!portion.raisedFrom || !facts.marking || facts.marking !== portion.marking) return '';
  return ` Its own mark is ${LEVEL_NAMES[portion.raisedFrom.level]}, but a portion mark inside its text raises it to ${LEVEL_NAMES[facts.marking.level]}, the level it is decided at: its marking does not show which of its words the inner mark covers (mark-raised-inside).`;
}

/** What an unmarked list item's reason adds (Portion.listItemUnderMark). */
const LIST_ITEM_NOTE = " It is an unmarked list item set right under a marked paragraph: each list item is a portion and carries its own mark, and the lead-in's mark does not cover the list (CAPCO).";

/** Dissemination controls that only qualify classified information, and lapse with it. */
const LAPSING_CONTROLS: readonly string[] = ['NOFORN', 'ORCON', 'RELIDO', 'PROPIN', 'IMCON', 'EXDIS', 'NODIS', 'LIMDIS'];

/**
 * The sentence a declassified portion's reason gets when its mark carried controls that lapse with
 * the classification they qualify (NOFORN, REL TO, ORCON, State's distribution captions); empty
 * when it carried none. SBU-type handling never reaches here: the profiles withhold it first.
 */
export function lapsedControls(marking: Marking | null): string {
  if (!marking || marking.level === 'U') return '';
  const lapsed = marking.controls.filter((c) => LAPSING_CONTROLS.includes(c));
  if (marking.relTo.length > 0) lapsed.push(`REL TO ${marking.relTo.join(', ')}`);
  if (lapsed.length === 0) return '';
  return ` Its ${lapsed.join(', ')} marking${lapsed.length > 1 ? 's' : ''} lapse${lapsed.length > 1 ? '' : 's'} with the classification ${lapsed.length > 1 ? 'they qualify' : 'it qualifies'}: dissemination controls apply to classified information only (32 CFR 2001.12(b); CAPCO §H.8).`;
}

function explainRule(rule: CompiledRule): string {
  const verb = rule.action === 'release' ? 'Released' : 'Withheld';
  if (rule.conditions.length === 0) return `${verb} by rule ${rule.fullId}.`;
  const why = rule.conditions.map(([key, value]) => CONDITIONS.get(key)!.explain(value as never)).join(' and ');
  return `${verb} because ${why} (rule ${rule.fullId}).`;
}

/**
 * The redact rules' matches in released portions, inside each and across the break between two
 * that follow each other (span-redactions.ts), merged per portion; and in the lines the release
 * shows outside the portions (`outside`, one pseudo-portion per line piece: the routing lines, TAGS,
 * the banner line's other words), merged as one, OUTSIDE_PORTIONS_ID. In document order.
 */
function redactReleased(doc: Document, released: readonly ReleasedPortion[], outside: readonly ReleasedPortion[], profile: Profile, reasons: readonly string[]): Redaction[] {
  if (profile.spanRules.length === 0) return [];
  const byPortion = new Map<string, Redaction[]>(released.map((r) => [r.portion.id, spansInPortion(doc, r, profile, reasons)]));
  byPortion.set(OUTSIDE_PORTIONS_ID, outside.flatMap((r) => spansInPortion(doc, r, profile, reasons)));
  const index = new Map(doc.portions.map((p, k) => [p.id, k]));
  for (let k = 1; k < released.length; k++) {
    const a = released[k - 1]!;
    const b = released[k]!;
    if (index.get(b.portion.id) !== index.get(a.portion.id)! + 1) continue;
    for (const r of spansAcrossPortions(doc, a, b, profile, reasons)) byPortion.get(r.portionId)!.push(r);
  }
  return [...byPortion.values()].flatMap((found) => mergeRedactions(found)).sort((a, b) => a.span.start - b.span.start);
}

/** Sorts redactions and merges overlapping ones (union of spans and authorities): removal only grows. */
export function mergeRedactions(redactions: readonly Redaction[]): Redaction[] {
  const sorted = [...redactions].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: Redaction[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.span.start < last.span.end) {
      out[out.length - 1] = {
        ...last,
        span: { start: last.span.start, end: Math.max(last.span.end, r.span.end) },
        authority: [...new Set([...last.authority, ...r.authority])],
        ruleId: last.ruleId === r.ruleId ? last.ruleId : `${last.ruleId}+${r.ruleId}`,
        // Each rule's reason: an agency's address is withheld under (b)(3) and (b)(6), and says both.
        reason: last.reason.includes(r.reason) ? last.reason : `${last.reason} ${r.reason}`,
      };
    } else out.push(r);
  }
  return out;
}

/**
 * The roll-up of the released portions, written as a banner. A NATO document's text released at
 * its own banner's level keeps NATO's words (`//NATO RESTRICTED`), not the US level its marking
 * maps to (`CONFIDENTIAL//NATO`: a level the document never had, probe 67b F5).
 */
function rolledUpBanner(doc: Document, decisions: readonly Decision[], status: DeclStatus): string {
  const rolled = rollUp(releasedMarkings(doc, decisions, status));
  const marking = doc.banner?.marking ?? null;
  const nato = marking ? natoReleaseBanner(natoOwnBanner(doc.banner?.raw, marking), marking.level, rolled) : null;
  return nato ?? formatBanner(rolled);
}

/**
 * Markings of what the release still shows. A declassified portion counts as U, and so does an
 * unmarked one whose classification lapsed with the document's date, one of a quoted message marked
 * UNCLASSIFIED, or one a reviewer released. Other unmarked text a profile's rule releases carries
 * the document's banner, as unmarked text does (nato's `unmarked-in-nato-document`: NATO's own
 * text, not portion marked; `NATO SECRET` rolls up to `SECRET//NATO`, as a released `(NS)` portion
 * does), never U: the release banner claims what the release holds.
 */
function releasedMarkings(doc: Document, decisions: readonly Decision[], status: DeclStatus): Marking[] {
  const byId = new Map(doc.portions.map((p) => [p.id, p]));
  const banner = doc.banner?.marking ?? null;
  return decisions
    .filter((d) => d.action === 'release')
    .map((d) => {
      const p = byId.get(d.portionId)!;
      if (d.declassified) return U_MARKING;
      if (p.marking !== null) return p.marking;
      const asBanner = banner !== null && status !== 'declassified' && !p.inUnclassifiedMessage && d.ruleId !== 'override';
      return asBanner ? banner : U_MARKING;
    });
}
