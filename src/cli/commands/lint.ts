/**
 * `declass lint PATH... [--json] [--as-of YYYY-MM-DD]`: what a reviewer must fix before release,
 * printed like ESLint's stylish reporter (the file, then `line:col  severity  message  code`), or
 * as JSON Lines. Exit 1 when any error was found or a file could not be read.
 */
import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { lintDocument } from '../../lint/index.js';
import { formatJsonLine } from '../format/json.js';
import { formatStylish } from '../format/stylish.js';
import { toLintRecord, type LintRecord } from '../records/lint.js';
import type { CommandContext } from '../context.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { parseIsoDateOption } from '../options.js';
import { expandInputs } from '../inputs.js';
import { readInput } from '../../node/read.js';
import { today } from './shared.js';

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
    const read = await readInput(file, undefined, opts.inputFormat);
    if (!read.ok) {
      io.stderr(`declass: ${file}: ${read.message}\n`);
      failed++;
      continue;
    }
    const diagnostics = [...read.decodeDiagnostics.filter((d) => d.severity !== 'info'), ...lintDocument(read.doc, asOf)];
    const record = toLintRecord(file, read.doc.ref, read.doc.source, diagnostics);
    errorCount += record.errorCount;
    if (opts.json) io.stdout(formatJsonLine(record));
    else records.push(record);
  }
  if (!opts.json) io.stdout(formatStylish(records));
  return failed > 0 || errorCount > 0 ? ExitCode.problems : ExitCode.ok;
}
