/** ESLint's stylish reporter: how `declass lint` prints its records. */
import { NO_COLORS, type Colors } from '../color.js';
import type { LintRecord } from '../records/lint.js';

/**
 * Formats records as ESLint's stylish reporter does: each file with problems (underlined), its
 * problems as aligned `line:col  severity  message  code` rows (errors red, warnings yellow, the
 * position and code dim), then a summary line. Colours only when `c` has them.
 */
export function formatStylish(records: readonly LintRecord[], c: Colors = NO_COLORS): string {
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
    out += `\n${c.underline(r.file)}\n`;
    for (const x of rows) {
      // Pad first, colour second: escape codes have no width on the terminal.
      const severity = x[1]!.padEnd(w1);
      const coloured = x[1] === 'error' ? c.red(severity) : x[1] === 'warning' ? c.yellow(severity) : severity;
      out += `  ${c.dim(x[0]!.padEnd(w0))}  ${coloured}  ${x[2]!.padEnd(w2)}  ${c.dim(x[3]!)}\n`;
    }
  }
  const total = errors + warnings;
  if (total > 0) {
    const line = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    out += `\n${c.bold(errors > 0 ? c.red(line) : c.yellow(line))}\n`;
  }
  return out;
}
