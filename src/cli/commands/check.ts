/**
 * `declass check PATH... [--as-of YYYY-MM-DD] [--json | --csv] [--fail-on STATUS,...] [--ics FILE]`:
 * the declassification status of every cable as of a date. The rows are built first (plain data),
 * then serialised as a table, JSON Lines, CSV or an iCalendar file.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { ExitCode, OutputError, UsageError } from '../../errors.js';
import type { DeclStatus, Diagnostic } from '../../types.js';
import type { Colors } from '../color.js';
import { formatJsonLine } from '../format/json.js';
import type { CheckRow } from '../records/check.js';
import { STATUSES } from '../records/statuses.js';
import type { CommandContext } from '../context.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { batchPaths, expandInputs, noIgnoreOption, readCliInput, STDIN_PATH } from '../inputs.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../node/limits.js';
import { parseIsoDateOption, parseNameList, positiveInteger } from '../options.js';
import { asOfDate } from './shared.js';

/** commander parser for `--fail-on review,invalid`: known status names only, else a usage error. */
export function parseStatusList(value: string): DeclStatus[] {
  return parseNameList(value, STATUSES, 'status', true);
}

interface CheckOptions {
  asOf?: string;
  json?: boolean;
  csv?: boolean;
  failOn?: DeclStatus[];
  ics?: string;
  fromList?: string;
  maxInputMb: number;
  quiet?: boolean;
  inputFormat?: InputFormat;
  ignore: boolean;
}

/** Registers `declass check`. */
export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check')
    .description('report whether each document\'s classification has lapsed as of a date, when it will, and which need a human decision')
    .argument('[paths...]', 'cable, document or PDF files (.txt, .md, .pdf), folders to walk, or - for standard input')
    .option('--from-list <file|->', 'also read paths, one per line, from a file or standard input (-)')
    .option('--as-of <YYYY-MM-DD>', 'decide as of this date (default: today, the UTC date)', parseIsoDateOption)
    .addOption(new Option('--json', 'print JSON Lines, one record per document').conflicts('csv'))
    .addOption(new Option('--csv', 'print CSV (RFC 4180) for spreadsheets').conflicts('json'))
    .option('--fail-on <statuses>', `exit 1 when any document has one of these statuses (comma-separated: ${STATUSES.join(',')})`, parseStatusList)
    .option('--ics <file|->', 'also write the coming declassification dates as an iCalendar file (- for standard output, instead of the table)')
    .addOption(new Option('--max-input-mb <n>', 'refuse input files larger than this').argParser(positiveInteger(1)).default(DEFAULT_MAX_INPUT_BYTES / 1024 / 1024))
    .option('-q, --quiet', 'no progress bar and no diagnostics on standard error')
    .addOption(inputFormatOption())
    .addOption(noIgnoreOption())
    .addHelpText(
      'after',
      `
Statuses:
  unclassified  an unclassified document (E.O. line N/A or none)
  classified    a DECL date (or computed date) still to come: see "lapses on"
  declassified  the DECL date has passed (32 CFR 2001.12(b)); release still
                needs FOIA review
  review        a human must decide: events, exemptions/OADR/MR past their
                computed date (CAPCO E.6), downgrades, cut-off lines
  invalid       a classified document with no usable declassification
                instruction (32 CFR 2001.21)
`,
    )
    .action(async (paths: string[], opts: CheckOptions) => {
      // The calendar is written after the report: a reader that stops early does not end it.
      if (opts.ics && opts.ics !== '-') ctx.io.writesFiles?.();
      ctx.exit(await runCheck(paths, opts, ctx));
    });
}

async function runCheck(paths: string[], opts: CheckOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const asOf = asOfDate(io, opts.asOf);
  // Loaded when a check runs, not for `--help` or `--version`.
  const [{ formatIcs }, { createProgress }, { formatCheckCounts, formatCheckTable, tableCells }, { CSV_HEADER, csvLine }, { checkDocument, emptyCounts, isDue, shownReading, toCheckJson }, { writeFileAtomic }] =
    await Promise.all([
      import('../format/ics.js'),
      import('../progress.js'),
      import('../format/check-table.js'),
      import('../format/csv.js'),
      import('../records/check.js'),
      import('../../node/write.js'),
    ]);
  // `--ics -`: the calendar alone on standard output; the counts go to standard error.
  const icsOut = opts.ics === STDIN_PATH;
  if (icsOut && (opts.json || opts.csv)) throw new UsageError(`--ics - writes the calendar to standard output; it cannot be combined with ${opts.json ? '--json' : '--csv'}`);
  const inputs = await expandInputs(await batchPaths(paths, opts.fromList, io.readStdin), io.stderr, { ignore: opts.ignore, colors: ctx.colors().err });
  if (inputs.exitCode !== undefined) return inputs.exitCode;
  const { files } = inputs;
  if (opts.ics && !icsOut) {
    const target = path.resolve(io.cwd(), opts.ics);
    if (files.some((f) => path.resolve(io.cwd(), f) === target)) {
      throw new OutputError(`--ics ${opts.ics} is one of the input files; choose another file`);
    }
  }

  // Streamed: JSON Lines and CSV rows are printed as they come; the table keeps only its cells,
  // the calendar only the rows it will show, so a collection of any size runs in flat memory.
  const c = ctx.colors();
  let failed = inputs.failed;
  const counts = emptyCounts();
  const cells: string[][] = [];
  const due: CheckRow[] = [];
  const failOn = new Set(opts.failOn ?? []);
  const progress = createProgress(io, files.length, 'check', !opts.json && !opts.csv && !opts.quiet);
  if (opts.csv) io.stdout(CSV_HEADER);
  let done = 0;
  for (const file of files) {
    const read = await readCliInput(file, io, opts.maxInputMb * 1024 * 1024, opts.inputFormat);
    progress.update(++done);
    if (!read.ok) {
      progress.log(`declass: ${file}: ${c.err.red(read.message)}\n`);
      failed++;
      continue;
    }
    const row = checkDocument(file, read.doc, asOf);
    counts[row.assessment.status]++;
    if (opts.ics && isDue(row, asOf)) due.push(row);
    if (opts.json) io.stdout(formatJsonLine(toCheckJson(row)));
    else if (opts.csv) io.stdout(csvLine(row));
    else {
      if (!icsOut) cells.push(tableCells(row));
      if (!opts.quiet) for (const d of [...row.assessment.diagnostics, ...shownReading(read.doc, asOf)]) progress.log(formatDiagnostic(row.file, d, c.err));
    }
  }
  progress.stop();

  if (icsOut) {
    io.stdout(formatIcs(due, asOf));
    io.stderr(formatCheckCounts(Object.values(counts).reduce((a, b) => a + b, 0), counts, asOf, c.err));
  } else if (!opts.json && !opts.csv) io.stdout(formatCheckTable(cells, counts, asOf, c.out));
  if (opts.ics && !icsOut) {
    const calendar = formatIcs(due, asOf);
    await writeFileAtomic(path.resolve(io.cwd(), opts.ics), new TextEncoder().encode(calendar));
  }

  const matched = [...failOn].reduce((n, s) => n + counts[s], 0);
  if (matched > 0) {
    io.stderr(`declass: --fail-on matched ${matched} document(s): ${[...failOn].map((s) => `${counts[s]} ${s}`).join(', ')}\n`);
  }
  return failed > 0 || matched > 0 ? ExitCode.problems : ExitCode.ok;
}

function formatDiagnostic(file: string, d: Diagnostic, c: Colors): string {
  const severity = d.severity === 'error' ? c.red(d.severity) : d.severity === 'warning' ? c.yellow(d.severity) : d.severity;
  // Prefixed as every other command's messages are (`declass: FILE: warning: …`), so they can be searched for.
  return `declass: ${file}: ${severity}: ${d.message} [${d.code}]\n`;
}
