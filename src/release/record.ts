/**
 * The audit record of one release (`review/<stem>.audit.json`, format in ./folder.ts): what was
 * decided, by which rule and authority, from which input, profile and date, and every output with
 * its sha256. Holds no withheld text (the one text it holds, `input.title`, is released in full).
 */
import { releasedSpanText, type Edit } from '../engine/edits.js';
import { LineIndex } from '../source/line-index.js';
import type { Diagnostic, Plan } from '../types.js';
import { TOOL } from '../version.js';
import type { CaseStamp } from './case.js';
import { RECORD_FORMAT, type AuditRecord, type OutputRecord, type Placement, type ReaderId } from './folder.js';

/**
 * Builds the audit record of a plan. Deterministic: no wall-clock time; the as-of date, tool
 * version, profile hash and input hash identify the run. `input.reader` is recorded when given
 * (the caller leaves it out for the cable parser, so cable records stay as they were); `case`
 * only when the release names a FOIA case; `input.title` when given ({@link releasedTitleOf}).
 */
export function createAuditRecord(
  plan: Plan,
  input: { readonly path: string; readonly sha256: string; readonly reader?: ReaderId; readonly title?: string | null },
  outputs: readonly OutputRecord[],
  extraDiagnostics: readonly Diagnostic[] = [],
  caseStamp: CaseStamp | null = null,
  placement: Placement | null = null,
): AuditRecord {
  const { document: doc } = plan;
  const index = new LineIndex(doc.source);
  const point = (offset: number) => {
    const p = index.pointAt(offset);
    return { line: p.line, column: p.column };
  };
  const { diagnostics: declDiagnostics, ...declassification } = plan.declassification;
  const diagnostics = [...extraDiagnostics, ...doc.diagnostics, ...declDiagnostics, ...plan.diagnostics].map((d) =>
    d.span ? { ...d, line: index.pointAt(d.span.start).line } : d,
  );
  return {
    format: RECORD_FORMAT,
    tool: { name: TOOL.name, version: TOOL.version },
    asOf: plan.asOf,
    profile: { id: plan.profile.id, file: plan.profile.file, sha256: plan.profile.sha256 },
    overrides: plan.overrides,
    input: {
      path: input.path,
      sha256: input.sha256,
      ref: doc.ref,
      originated: doc.originated,
      ...(input.reader ? { reader: { name: input.reader.name, version: input.reader.version } } : {}),
      ...(input.title ? { title: input.title } : {}),
    },
    declassification,
    banner: { original: doc.banner?.raw ?? null, release: plan.releaseBanner },
    stamp: plan.stamp,
    ...(plan.declassMarking ? { declassMarking: plan.declassMarking } : {}),
    disposition: plan.disposition,
    decisions: plan.decisions.map((d) => ({ ...d, start: point(d.span.start), end: point(d.span.end) })),
    redactions: plan.redactions,
    diagnostics,
    outputs,
    ...(caseStamp ? { case: { number: caseStamp.number, docNumber: caseStamp.docNumber } } : {}),
    ...(placement ? { placement } : {}),
  };
}

/** The record as written: pretty JSON with a final newline. */
export function serializeRecord(record: AuditRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/**
 * The document's title portion as the release text shows it, when the title is released in full
 * (probe 64a F6: the Vaughn index's Subject of a document without a subject line, a SIDtoday
 * article); null when there is none, or it is withheld or holds a redacted span: a withheld
 * title's words must never reach the record's readers, the index among them.
 */
export function releasedTitleOf(plan: Pick<Plan, 'decisions' | 'document'>, edits: readonly Edit[]): string | null {
  const decision = plan.decisions.find((d) => d.kind === 'title');
  if (!decision || decision.action !== 'release') return null;
  const text = releasedSpanText(plan.document.source, edits, decision.span);
  return text && text.trim() !== '' ? text : null;
}
