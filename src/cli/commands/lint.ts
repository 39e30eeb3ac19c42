/**
 * `declass lint PATH... [--json] [--as-of YYYY-MM-DD]`: what a reviewer must fix before release,
 * printed like ESLint's stylish reporter (the file, then `line:col  severity  message  code`), or
 * as JSON Lines. Exit 1 when any error was found or a file could not be read.
 */
import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { countSeverities, lintDocument } from '../../lint/index.js';
import { LineIndex } from '../../source/line-index.js';
import type { Diagnostic } from '../../types.js';
import type { CommandContext } from '../context.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { parseIsoDateOption } from '../options.js';
import { expandInputs, readCable } from '../inputs.js';
import { today } from './shared.js';

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

interface LintOptions {
  json?: boolean;
  asOf?: string;
  inputFormat?: InputFormat;
}

/** Registers `declass lint`. */
export function registerLint(program: Command, ctx: CommandContext): void {
  program
    .command('lint')
    .description('list what a reviewer must fix before release: unmarked portions, unknown marks, a banner below its portions, a missing E.O./DECL line or Classified By reasons')
    .argument('<paths...>', 'cable files (.txt) or folders to walk')
    .option('--json', 'print JSON Lines, one object per file')
    .option('--as-of <YYYY-MM-DD>', 'assess DECL lines as of this date (default: today)', parseIsoDateOption)
    .addOption(inputFormatOption())
    .addHelpText(
      'after',
      `
Exit codes: 0 no errors (warnings allowed); 1 errors found, or a file could not be read;
66 none of the paths exists.`,
    )
    .action(async (paths: string[], opts: LintOptions) => {
      ctx.exit(await runLint(paths, opts, ctx));
    });
}

async function runLint(paths: string[], opts: LintOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const asOf = opts.asOf ?? today(io);
  const inputs = await expandInputs(paths, io.stderr);
  if (inputs.exitCode !== undefined) return inputs.exitCode;
  const { files } = inputs;
  let failed = inputs.failed;
  let errorCount = 0;
  const records: LintRecord[] = [];
  for (const file of files) {
    const read = await readCable(file, undefined, opts.inputFormat);
    if (!read.ok) {
      io.stderr(`declass: ${file}: ${read.message}\n`);
      failed++;
      continue;
    }
    const diagnostics = [...read.decodeDiagnostics.filter((d) => d.severity !== 'info'), ...lintDocument(read.doc, asOf)];
    const record = toLintRecord(file, read.doc.ref, read.doc.source, diagnostics);
    errorCount += record.errorCount;
    if (opts.json) io.stdout(`${JSON.stringify(record)}\n`);
    else records.push(record);
  }
  if (!opts.json) io.stdout(formatStylish(records));
  return failed > 0 || errorCount > 0 ? ExitCode.problems : ExitCode.ok;
}
