/** The human report of `declass audit`: one line per finding, one per check, then the verdict. */
import { formatFinding, type AuditReport } from '../../audit/index.js';

/** The report as printed without `--json`. */
export function formatAuditReport(report: AuditReport): string {
  let out = '';
  for (const f of [...report.failures, ...report.warnings]) out += `${formatFinding(f)}\n`;
  if (out) out += '\n';
  for (const c of report.checks) out += `${c.status.padEnd(7)} ${c.name.padEnd(10)} ${c.description}${c.failures ? ` (${c.failures} failure(s))` : ''}\n`;
  out += report.ok
    ? `\n${report.dir}: audit passed: ${report.documents} document(s)${report.warnings.length ? `, ${report.warnings.length} warning(s)` : ''}.\n`
    : `\n${report.dir}: audit FAILED: ${report.failures.length} failure(s) in ${report.documents} document(s).\n`;
  return out;
}
