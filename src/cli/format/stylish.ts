/** ESLint's stylish reporter, without colours: how `declass lint` prints its records. */
import type { LintRecord } from '../records/lint.js';

/**
 * Formats records as ESLint's stylish reporter does (without colours): each file with problems,
 * its problems as aligned `line:col  severity  message  code` rows, then a summary line.
 */
export function formatStylish(records: readonly LintRecord[]): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  for (const r of records) {
    errors += r.errorCount;
    warnings += r.warningCount;
    if (r.diagnostics.length === 0) continue;
    const rows = r.diagnostics.map((d) => [`${d.line}:${d.column}`, d.severity, d.message.replace(/\s+/g, ' '), d.code]);
    const w0 = Math.max(...rows.map((x) => x[0]!.length));
    const w1 = Math.max(...rows.map((x) => x[1]!.length));
    const w2 = Math.max(...rows.map((x) => x[2]!.length));
    out += `\n${r.file}\n`;
    for (const x of rows) out += `  ${x[0]!.padEnd(w0)}  ${x[1]!.padEnd(w1)}  ${x[2]!.padEnd(w2)}  ${x[3]}\n`;
  }
  const total = errors + warnings;
  if (total > 0) {
    out += `\n✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})\n`;
  }
  return out;
}
