/** What `declass lint` reports of one file: a plain record the formatters print (stylish, JSON Lines). */
import { countSeverities } from '../../lint/index.js';
import { LineIndex } from '../../source/line-index.js';
import type { Diagnostic } from '../../types.js';

/** One linted file: what both output formats are made from. */
export interface LintRecord {
  readonly file: string;
  readonly ref: string | null;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly diagnostics: readonly {
    readonly severity: string;
    readonly code: string;
    readonly message: string;
    readonly line: number;
    readonly column: number;
  }[];
}

/** Builds the record of one file from its diagnostics. Pure. */
export function toLintRecord(file: string, ref: string | null, source: string, diagnostics: readonly Diagnostic[]): LintRecord {
  const index = new LineIndex(source);
  const { errors, warnings } = countSeverities(diagnostics);
  return {
    file,
    ref,
    errorCount: errors,
    warningCount: warnings,
    diagnostics: diagnostics.map((d) => {
      const p = index.pointAt(d.span?.start ?? 0);
      return { severity: d.severity, code: d.code, message: d.message, line: p.line, column: p.column };
    }),
  };
}

/** The record with its warnings (and infos) left out, as `--quiet` prints it. */
export function errorsOnly(record: LintRecord): LintRecord {
  return { ...record, warningCount: 0, diagnostics: record.diagnostics.filter((d) => d.severity === 'error') };
}
