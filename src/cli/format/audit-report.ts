/** The human report of `declass audit`: one line per finding, one per check, then the verdict. */
import { formatFinding, type AuditReport } from '../../audit/index.js';
import { describeSkipped } from '../../audit/report.js';
import { NO_COLORS, type Colors } from '../color.js';

/**
 * The report as printed without `--json`. The verdict says which checks were skipped and why, so
 * a partial audit never reads as a full pass. Statuses are coloured when `c` has colours.
 */
export function formatAuditReport(report: AuditReport, c: Colors = NO_COLORS): string {
  let out = '';
  for (const f of report.failures) out += `${c.red(formatFinding(f))}\n`;
  for (const f of report.warnings) out += `${c.yellow(formatFinding(f))}\n`;
  if (out) out += '\n';
  for (const check of report.checks) {
    const status = check.status.padEnd(7);
    const coloured = check.status === 'pass' ? c.green(status) : check.status === 'fail' ? c.red(c.bold(status)) : c.yellow(status);
    out += `${coloured} ${check.name.padEnd(11)} ${check.description}${check.failures ? ` (${check.failures} failure(s))` : ''}${check.skippedBecause ? c.dim(` [${check.skippedBecause}]`) : ''}\n`;
  }
  const skipped = describeSkipped(report);
  const warnings = report.warnings.length ? `, ${report.warnings.length} warning(s)` : '';
  out += report.ok
    ? `\n${report.dir}: ${c.green(c.bold('audit passed'))}${skipped ? ` ${c.yellow(`(${skipped})`)}` : ''}: ${report.documents} document(s)${warnings}.\n`
    : `\n${report.dir}: ${c.red(c.bold('audit FAILED'))}: ${report.failures.length} failure(s) in ${report.documents} document(s)${skipped ? ` (${skipped})` : ''}.\n`;
  return out;
}
