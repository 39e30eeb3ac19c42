/** The report of one audit: every check with its outcome, and the findings. Pure data. */
import { AUDIT_CHECKS, sortFindings, type AuditCheck, type Finding } from './findings.js';

/** One check and how it ended. */
export interface CheckOutcome {
  readonly name: AuditCheck;
  readonly description: string;
  /** `fail` for a skipped check too, when the audit was asked to be complete (`requireComplete`). */
  readonly status: 'pass' | 'fail' | 'skipped';
  readonly failures: number;
  /** Why a skipped check did not run (`needs --originals`). */
  readonly skippedBecause?: string;
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

/**
 * The report of an audit's findings, every check listed in {@link AUDIT_CHECKS} order.
 *
 * @param skipped The checks that did not run, with why (`needs --originals`).
 */
export function buildReport(dir: string, documents: number, findings: readonly Finding[], skipped: ReadonlyMap<AuditCheck, string>): AuditReport {
  const sorted = sortFindings(findings);
  const failures = sorted.filter((f) => f.severity === 'failure');
  const warnings = sorted.filter((f) => f.severity === 'warning');
  return {
    ok: failures.length === 0,
    dir,
    documents,
    checks: (Object.keys(AUDIT_CHECKS) as AuditCheck[]).map((name) => {
      const n = failures.filter((f) => f.check === name).length;
      const because = skipped.get(name);
      const status = n > 0 ? 'fail' : because !== undefined ? 'skipped' : 'pass';
      return { name, description: AUDIT_CHECKS[name], status, failures: n, ...(because !== undefined ? { skippedBecause: because } : {}) };
    }),
    failures,
    warnings,
  };
}

/**
 * `3 checks skipped: rerun, leak, cross-leak need --originals` for the checks of a report that
 * did not run, or null when every check ran.
 */
export function describeSkipped(report: Pick<AuditReport, 'checks'>): string | null {
  const skipped = report.checks.filter((c) => c.skippedBecause !== undefined);
  if (skipped.length === 0) return null;
  const byReason = new Map<string, string[]>();
  for (const c of skipped) byReason.set(c.skippedBecause!, [...(byReason.get(c.skippedBecause!) ?? []), c.name]);
  const parts = [...byReason].map(([reason, names]) => `${names.join(', ')} ${reason}`);
  return `${skipped.length} check${skipped.length === 1 ? '' : 's'} skipped: ${parts.join('; ')}`;
}
