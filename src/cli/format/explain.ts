/** What `declass explain` prints: every portion with its marking, decision, rule and reason. */
import type { Profile } from '../../rules/load.js';
import { LineIndex } from '../../source/line-index.js';
import type { DeclAssessment, Decision, Document, Plan } from '../../types.js';
import { formatJsonLine } from './json.js';

/**
 * One JSON Lines record per decision, with the file, reference and 1-based line and column, and
 * the document's declassification assessment (the same on every line: which instruction decided,
 * on which line, and why). A document without portions gets one line with the assessment alone.
 */
export function formatExplainJson(file: string, doc: Document, plan: Plan): string {
  const index = new LineIndex(doc.source);
  const declassification = declassificationJson(plan.declassification, index);
  if (plan.decisions.length === 0) return formatJsonLine({ file, ref: doc.ref, declassification });
  let out = '';
  for (const d of plan.decisions) {
    const { line, column } = index.pointAt(d.span.start);
    out += formatJsonLine({ file, ref: doc.ref, ...d, line, column, declassification });
  }
  return out;
}

/** The document's assessment for JSON: the instruction as written, its status, rule, reason and line. */
function declassificationJson(a: DeclAssessment, index: LineIndex): Record<string, unknown> {
  return {
    value: a.decl.raw,
    kind: a.decl.kind,
    status: a.status,
    declassifyOn: a.declassifyOn,
    automaticOn: a.automaticOn,
    rule: a.rule,
    reason: a.reason,
    line: a.span ? index.pointAt(a.span.start).line : null,
    diagnostics: a.diagnostics.map((x) => ({ severity: x.severity, code: x.code, message: x.message, ...(x.span ? { line: index.pointAt(x.span.start).line } : {}) })),
  };
}

/** The codes of the notes on text kept as written outside every portion (no decision names it). */
export const KEPT_AS_WRITTEN_CODES: ReadonlySet<string> = new Set(['letterhead', 'date-line']);

/** The readable explanation: the document, its DECL status and profile, then each decision and redaction. */
export function formatExplanation(file: string, doc: Document, plan: Plan, profile: Profile, asOf: string): string {
  const index = new LineIndex(doc.source);
  const d = plan.declassification;
  let out = `${file}  ref ${doc.ref ?? '?'}  originated ${doc.originated ?? '?'}  banner ${doc.banner?.raw ?? noBanner(doc)}\n`;
  // A document without an authority block says so (the first note names what is missing).
  // The instruction that decided, and where: with several (a banner's, two Declassify On lines)
  // the line says which one.
  const at = d.span ? ` (line ${index.pointAt(d.span.start).line})` : '';
  out += `DECL ${d.decl.raw ?? `(${d.decl.notes?.[0] ?? 'no E.O. line'})`}${at}: ${d.status} as of ${asOf}. ${d.reason}\n`;
  // Every note of the assessment, as check and release say them (an as-of date before the
  // document was written, a date before origination or over 25 years, instructions that disagree):
  // only decl-conflict was shown, and the command that explains the decision was silent on the rest.
  for (const diag of d.diagnostics) out += `${diag.severity}: ${diag.message} (${diag.code})\n`;
  out += `Profile ${profile.id}: banner ${plan.releaseBanner}; ${plan.stamp}\n`;
  const pending = plan.disposition.pending;
  if (pending.length > 0) {
    const why = [...new Set(pending.map((p) => p.reason))].join(', ');
    out += `Pending review (goes to pending/, not release/): ${pending.map((p) => p.portionId).join(', ')} (${why})\n`;
  }
  out += '\n';
  for (const dec of plan.decisions) {
    const { line, column } = index.pointAt(dec.span.start);
    const verdict = dec.action === 'withhold' ? `WITHHELD ${dec.authority.join(', ')}` : dec.declassified ? 'RELEASED (declassified)' : 'RELEASED';
    out += `${`${line}:${column}`.padEnd(8)} ${dec.portionId.padEnd(10)} ${markColumn(dec).padEnd(14)} ${verdict}  [${dec.ruleId}]\n`;
    out += `${' '.repeat(9)}${dec.reason}\n`;
  }
  for (const r of plan.redactions) {
    const { line, column } = index.pointAt(r.span.start);
    out += `${`${line}:${column}`.padEnd(8)} ${r.portionId.padEnd(10)} span of ${r.span.end - r.span.start} chars REDACTED ${r.authority.join(', ')}  [${r.ruleId}]\n`;
  }
  for (const diag of plan.diagnostics) out += `${diag.severity}: ${diag.message} (${diag.code})\n`;
  // A FOIA notice decides nothing, so no decision above names it: said here, where it stands; so
  // are the lines kept as written outside every portion (a date line, an e-mail's `Sent:`, the
  // letterhead), which no decision covers either.
  for (const diag of doc.diagnostics) {
    if ((diag.code !== 'foia-notice' && !KEPT_AS_WRITTEN_CODES.has(diag.code)) || !diag.span) continue;
    const { line, column } = index.pointAt(diag.span.start);
    out += `${`${line}:${column}`.padEnd(8)} ${diag.severity}: ${diag.message} (${diag.code})\n`;
  }
  return out;
}

/**
 * What stands for a banner the document does not have: a DYNAMIC PAGE banner (SIDtoday's) says
 * only the most its pages could hold, so it is never the document's banner; `(none)` alone read as
 * if the pages had no banner at all.
 */
function noBanner(doc: Document): string {
  const dynamic = doc.pageBanners?.find((b) => b.highestPossible);
  return dynamic ? `(none; its pages say highest possible: ${dynamic.raw.replace(/\s+/g, ' ')})` : '(none)';
}

/**
 * The MARK column: the mark as written, and for a table row whose cells say more than its first
 * cell's mark, the row's level after it (`(U) row S`): the column showed `(U)` beside a row withheld
 * as SECRET under B1.
 */
function markColumn(dec: Decision): string {
  const mark = dec.mark ?? `(${dec.markingSource})`;
  if (dec.kind !== 'table-row' || dec.mark === null || dec.level === null || dec.mark.startsWith(`(${dec.level}`)) return mark;
  return `${mark} row ${dec.level}`;
}
