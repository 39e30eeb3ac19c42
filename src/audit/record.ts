import type { DeclAssessment, Decision, Diagnostic, Plan, Redaction } from '../types.js';
import { CABLE_READER, type ReaderId } from '../parse/read.js';
import { TOOL } from '../version.js';
import { LineIndex } from '../source/line-index.js';

/** One output file as recorded: its kind, path relative to the output folder, and sha256. */
export interface OutputRecord {
  readonly kind: 'text' | 'pdf' | 'diff' | 'review';
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** The per-document decision record (`review/<stem>.audit.json`). Holds no withheld text. */
export interface AuditRecord {
  readonly format: 'declass-audit/1';
  readonly tool: { readonly name: string; readonly version: string };
  readonly asOf: string;
  readonly profile: { readonly id: string; readonly file: string; readonly sha256: string };
  readonly overrides: { readonly file: string; readonly sha256: string } | null;
  /**
   * The input. `reader` names the reader that made the document and its version; it is absent for
   * the cable parser (records written before issue 16 have none, and cable records stay as they were).
   */
  readonly input: { readonly path: string; readonly sha256: string; readonly ref: string | null; readonly originated: string | null; readonly reader?: ReaderId };
  readonly declassification: Omit<DeclAssessment, 'diagnostics'>;
  readonly banner: { readonly original: string | null; readonly release: string };
  readonly stamp: string;
  readonly decisions: readonly (Decision & { readonly start: { line: number; column: number }; readonly end: { line: number; column: number } })[];
  readonly redactions: readonly Redaction[];
  readonly diagnostics: readonly (Diagnostic & { readonly line?: number })[];
  readonly outputs: readonly OutputRecord[];
}

/**
 * Builds the audit record of a plan. Deterministic: no wall-clock time; the as-of date, tool
 * version, profile hash and input hash identify the run.
 */
export function createAuditRecord(
  plan: Plan,
  input: { readonly path: string; readonly sha256: string; readonly reader?: ReaderId },
  outputs: readonly OutputRecord[],
  extraDiagnostics: readonly Diagnostic[] = [],
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
    format: 'declass-audit/1',
    tool: { name: TOOL.name, version: TOOL.version },
    asOf: plan.asOf,
    profile: { id: plan.profile.id, file: plan.profile.file, sha256: plan.profile.sha256 },
    overrides: plan.overrides,
    input: { path: input.path, sha256: input.sha256, ref: doc.ref, originated: doc.originated, ...(input.reader ? { reader: { name: input.reader.name, version: input.reader.version } } : {}) },
    declassification,
    banner: { original: doc.banner?.raw ?? null, release: plan.releaseBanner },
    stamp: plan.stamp,
    decisions: plan.decisions.map((d) => ({ ...d, start: point(d.span.start), end: point(d.span.end) })),
    redactions: plan.redactions,
    diagnostics,
    outputs,
  };
}

/** The reader a record names: `input.reader`, or the cable parser when it names none. */
export function recordedReader(record: Pick<AuditRecord, 'input'>): ReaderId {
  const r = record.input.reader;
  return r && (r.name === 'cable' || r.name === 'document') && typeof r.version === 'string' ? r : CABLE_READER;
}
