/**
 * `declass parse PATH... [--json]`: what the parser read in each cable. A readable summary by
 * default; with `--json`, JSON Lines (one object per file). The record is built first (plain
 * data), then serialised.
 */
import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { formatParseSummary } from '../format/parse-summary.js';
import { formatJsonLine } from '../format/json.js';
import { toParseRecord } from '../records/parse.js';
import type { CommandContext } from '../context.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { expandInputs, noIgnoreOption, readCliInput } from '../inputs.js';
import { oneLine } from '../format/one-line.js';

interface ParseOptions {
  json?: boolean;
  ignore: boolean;
  inputFormat?: InputFormat;
}

/** Registers `declass parse`. */
export function registerParse(program: Command, ctx: CommandContext): void {
  program
    .command('parse')
    .description('show what was read in each cable, document or PDF: header, banner, E.O./DECL line, portions with their marks, diagnostics')
    .argument('<paths...>', 'cable, document or PDF files (.txt, .md, .pdf), folders to walk, or - for standard input')
    .option('--json', 'print JSON Lines, one object per file')
    .addOption(inputFormatOption())
    .addOption(noIgnoreOption())
    .addHelpText(
      'after',
      `
Exit codes: 0 every file was read; 1 a file could not be read (empty, binary,
unreadable); 66 none of the paths exists. Diagnostics never change the exit
code: use "declass lint".`,
    )
    .action(async (paths: string[], opts: ParseOptions) => {
      ctx.exit(await runParse(paths, opts, ctx));
    });
}

async function runParse(paths: string[], opts: ParseOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const inputs = await expandInputs(paths, io.stderr, { ignore: opts.ignore, colors: ctx.colors().err });
  if (inputs.exitCode !== undefined) return inputs.exitCode;
  const { files } = inputs;
  let failed = inputs.failed;
  let first = true;
  for (const file of files) {
    const read = await readCliInput(file, io, undefined, opts.inputFormat);
    if (!read.ok) {
      io.stderr(`declass: ${oneLine(file)}: ${ctx.colors().err.red(oneLine(read.message))}\n`);
      failed++;
      continue;
    }
    const record = toParseRecord(file, read.doc, read.decodeDiagnostics);
    if (opts.json) io.stdout(formatJsonLine(record));
    else {
      io.stdout(`${first ? '' : '\n'}${formatParseSummary(record)}`);
      first = false;
    }
  }
  return failed > 0 ? ExitCode.problems : ExitCode.ok;
}

