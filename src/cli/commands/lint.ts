/**
 * `declass lint PATH... [--json] [--as-of YYYY-MM-DD]`: what a reviewer must fix before release,
 * printed like ESLint's stylish reporter (the file, then `line:col  severity  message  code`), or
 * as JSON Lines. Exit 1 when any error was found or a file could not be read.
 */
import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { formatJsonLine } from '../format/json.js';
import { formatStylish } from '../format/stylish.js';
import type { LintRecord } from '../records/lint.js';
import type { CommandContext } from '../context.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { parseIsoDateOption, positiveInteger } from '../options.js';
import { expandInputs, noIgnoreOption, readCliInput } from '../inputs.js';
import { asOfDate } from './shared.js';
import { oneLine } from '../format/one-line.js';

interface LintOptions {
  json?: boolean;
  ignore: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  asOf?: string;
  inputFormat?: InputFormat;
}

/** Registers `declass lint`. */
export function registerLint(program: Command, ctx: CommandContext): void {
  program
    .command('lint')
    .description('list what a reviewer must fix before release: unmarked portions, unknown marks, a banner below its portions, a missing E.O./DECL line or Classified By reasons')
    .argument('<paths...>', 'cable, document or PDF files (.txt, .md, .pdf), folders to walk, or - for standard input')
    .option('--json', 'print JSON Lines, one object per file')
    .option('--quiet', 'report errors only (as ESLint\'s --quiet); warnings still count for --max-warnings')
    .option('--max-warnings <n>', 'exit 1 when more than this many warnings are found (as ESLint\'s --max-warnings)', positiveInteger(0))
    .option('--as-of <YYYY-MM-DD>', 'assess DECL lines as of this date (default: today, the UTC date)', parseIsoDateOption)
    .addOption(inputFormatOption())
    .addOption(noIgnoreOption())
    .addHelpText(
      'after',
      `
Exit codes: 0 no errors (warnings allowed, up to --max-warnings); 1 errors
found, more warnings than --max-warnings, or a file could not be read; 66 none
of the paths exists.`,
    )
    .action(async (paths: string[], opts: LintOptions) => {
      ctx.exit(await runLint(paths, opts, ctx));
    });
}

async function runLint(paths: string[], opts: LintOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const asOf = asOfDate(io, opts.asOf);
  // Loaded when a lint runs, not for `--help` or `--version`.
  const [{ lintDocument }, { errorsOnly, toLintRecord }] = await Promise.all([import('../../lint/index.js'), import('../records/lint.js')]);
  const inputs = await expandInputs(paths, io.stderr, { ignore: opts.ignore, colors: ctx.colors().err });
  if (inputs.exitCode !== undefined) return inputs.exitCode;
  const { files } = inputs;
  let failed = inputs.failed;
  let errorCount = 0;
  let warningCount = 0;
  const records: LintRecord[] = [];
  for (const file of files) {
    const read = await readCliInput(file, io, undefined, opts.inputFormat);
    if (!read.ok) {
      io.stderr(`declass: ${oneLine(file)}: ${ctx.colors().err.red(oneLine(read.message))}\n`);
      failed++;
      continue;
    }
    const diagnostics = [...read.decodeDiagnostics.filter((d) => d.severity !== 'info'), ...lintDocument(read.doc, asOf)];
    const full = toLintRecord(file, read.doc.ref, read.doc.source, diagnostics);
    errorCount += full.errorCount;
    warningCount += full.warningCount;
    const record = opts.quiet ? errorsOnly(full) : full;
    if (opts.json) io.stdout(formatJsonLine(record));
    else records.push(record);
  }
  if (!opts.json) io.stdout(formatStylish(records, ctx.colors().out));
  const tooManyWarnings = opts.maxWarnings !== undefined && warningCount > opts.maxWarnings;
  if (tooManyWarnings) io.stderr(`declass: ${ctx.colors().err.red(`too many warnings: ${warningCount} found, at most ${opts.maxWarnings} allowed (--max-warnings)`)}\n`);
  return failed > 0 || errorCount > 0 || tooManyWarnings ? ExitCode.problems : ExitCode.ok;
}
