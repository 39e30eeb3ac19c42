/** The report of one audit: every check with its outcome, and the findings. Pure data. */
import { AUDIT_CHECKS, sortFindings, type AuditCheck, type Finding } from './findings.js';

/** One check and how it ended. */
export interface CheckOutcome {
  readonly name: AuditCheck;
  readonly description: string;
  readonly status: 'pass' | 'fail' | 'skipped';
  readonly failures: number;
}

export interface AuditReport {
  /** True when no check failed (warnings allowed). */
  readonly ok: boolean;
  /** The folder as given. */
  readonly dir: string;
  /** Audit records found in review/. */
  readonly documents: number;
  readonly checks: readonly CheckOutcome[];
  /** Sorted by file, check and message. */
  readonly failures: readonly Finding[];
  readonly warnings: readonly Finding[];
}

/** The report of an audit's findings, every check listed in {@link AUDIT_CHECKS} order. */
export function buildReport(dir: string, documents: number, findings: readonly Finding[], skipped: ReadonlySet<AuditCheck>): AuditReport {
  const sorted = sortFindings(findings);
  const failures = sorted.filter((f) => f.severity === 'failure');
  const warnings = sorted.filter((f) => f.severity === 'warning');
  return {
    ok: failures.length === 0,
    dir,
    documents,
    checks: (Object.keys(AUDIT_CHECKS) as AuditCheck[]).map((name) => {
      const n = failures.filter((f) => f.check === name).length;
      return { name, description: AUDIT_CHECKS[name], status: skipped.has(name) ? 'skipped' : n > 0 ? 'fail' : 'pass', failures: n };
    }),
    failures,
    warnings,
  };
}
