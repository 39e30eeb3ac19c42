/**
 * `declass check PATH... [--as-of YYYY-MM-DD] [--json | --csv] [--fail-on STATUS,...] [--ics FILE]`:
 * the declassification status of every cable as of a date. The rows are built first (plain data),
 * then serialised as a table, JSON Lines, CSV or an iCalendar file.
 */
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { createEvents, type EventAttributes } from 'ics';
import { assessDocument, documentLevel } from '../../declass/index.js';
import { ExitCode, OutputError } from '../../errors.js';
import type { AuthorityBlock, DeclAssessment, DeclStatus, Diagnostic, Document, Level } from '../../types.js';
import type { CommandContext } from '../context.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { batchPaths, DEFAULT_MAX_INPUT_BYTES, expandInputs, readCable } from '../inputs.js';
import { parseIsoDateOption, positiveInteger } from '../options.js';
import { createProgress } from '../progress.js';
import { writeFileAtomic } from '../output.js';
import { today } from './shared.js';

/** Every status, in the order counts are printed. */
export const STATUSES: readonly DeclStatus[] = ['unclassified', 'classified', 'declassified', 'review', 'invalid'];

/** commander parser for `--fail-on review,invalid`: known status names only, else a usage error. */
export function parseStatusList(value: string): DeclStatus[] {
  const list = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (list.length === 0) throw new InvalidArgumentError(`expected some of ${STATUSES.join(', ')}`);
  for (const s of list) {
    if (!(STATUSES as readonly string[]).includes(s)) {
      throw new InvalidArgumentError(`unknown status "${s}"; expected some of ${STATUSES.join(', ')}`);
    }
  }
  return [...new Set(list)] as DeclStatus[];
}

/** One checked document: what every output format is made from. */
export interface CheckRow {
  /** The input path as collected (relative paths stay relative). */
  readonly file: string;
  readonly ref: string | null;
  readonly originated: string | null;
  readonly level: Level | null;
  readonly assessment: DeclAssessment;
  /** For a document read by the document reader: its classification authority block (null: none). */
  readonly authority?: AuthorityBlock | null;
}

/** Builds the row for one parsed cable. Pure. */
export function checkDocument(file: string, doc: Document, asOf: string): CheckRow {
  const row: CheckRow = { file, ref: doc.ref, originated: doc.originated, level: documentLevel(doc), assessment: assessDocument(doc, asOf) };
  return doc.format === 'document' ? { ...row, authority: doc.authority ?? null } : row;
}

/** The JSON Lines record of a row (one object, no newline). */
export function toJsonRecord(row: CheckRow): Record<string, unknown> {
  const a = row.assessment;
  const d = a.decl;
  return {
    file: row.file,
    ref: row.ref,
    originated: row.originated,
    level: row.level,
    order: a.order,
    decl: {
      raw: d.raw,
      kind: d.kind,
      date: d.date,
      codes: d.codes,
      ...(d.years !== undefined ? { years: d.years } : {}),
      ...(d.event !== undefined ? { event: d.event } : {}),
      ...(d.truncated ? { truncated: true } : {}),
      notes: d.notes ?? [],
    },
    status: a.status,
    declassifyOn: a.declassifyOn,
    automaticOn: a.automaticOn,
    rule: a.rule,
    reason: a.reason,
    diagnostics: a.diagnostics.map((x) => ({ severity: x.severity, code: x.code, message: x.message })),
    ...(row.authority !== undefined ? { authority: authorityRecord(row.authority) } : {}),
  };
}

/** The authority block of a document as read (values as written), for JSON. */
function authorityRecord(b: AuthorityBlock | null): Record<string, unknown> | null {
  if (!b) return null;
  return {
    classifiedBy: b.classifiedBy?.value ?? null,
    derivedFrom: b.derivedFrom?.value ?? null,
    reason: b.reason?.value ?? null,
    reasons: b.reasons,
    dated: b.dated?.value ?? null,
    sourceDate: b.sourceDate,
    declassifyOn: b.declassifyOn.map((f) => f.value),
  };
}

/** The DECL value as written, on one line, for the table and CSV. */
function declText(row: CheckRow): string {
  const raw = row.assessment.decl.raw;
  if (raw === null) return row.authority === undefined ? '(no E.O. line)' : row.authority ? '(no Declassify On line)' : '(no authority block)';
  const oneLine = raw.replace(/\\\s*$/, '').replace(/\s+/g, ' ').trim();
  return oneLine === '' ? '(empty)' : oneLine;
}

/** Zero counts for every status, in {@link STATUSES} order. */
export function emptyCounts(): Record<DeclStatus, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<DeclStatus, number>;
}

const TABLE_HEADINGS = ['FILE', 'REF', 'ORIGINATED', 'LEVEL', 'DECL', 'STATUS', 'LAPSES ON', 'WHY'] as const;

/** The cells of a row in the table (all a table keeps of a document: a big batch holds only these). */
export function tableCells(r: CheckRow): string[] {
  return [r.file, r.ref ?? '-', r.originated ?? '-', r.level ?? '-', declText(r), r.assessment.status, r.assessment.declassifyOn ?? '-', r.assessment.reason];
}

/**
 * Formats rows (as {@link tableCells}) as an aligned table followed by the counts by status.
 * Every column but the last (WHY) is padded to its widest cell; `-` stands for an unknown value.
 */
export function formatTable(cells: readonly string[][], counts: Record<DeclStatus, number>, asOf: string): string {
  const all = [[...TABLE_HEADINGS], ...cells];
  const widths = TABLE_HEADINGS.map((_, i) => Math.max(...all.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((cell, i) => (i === c.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const summary = STATUSES.map((s) => `${counts[s]} ${s}`).join(', ');
  return `${all.map(line).join('\n')}\n\n${cells.length} document(s) as of ${asOf}: ${summary}\n`;
}

const CSV_HEADINGS = [
  'file',
  'ref',
  'originated',
  'level',
  'order',
  'decl_raw',
  'decl_kind',
  'decl_date',
  'decl_codes',
  'status',
  'declassify_on',
  'automatic_on',
  'rule',
  'reason',
  'diagnostics',
] as const;

/** The CSV header line (with its CRLF). */
export const CSV_HEADER = `${CSV_HEADINGS.map(csvField).join(',')}\r\n`;

/**
 * One row as a CSV line (RFC 4180: CRLF line end; a field with a comma, quote or line break is
 * quoted, quotes doubled). A field that a spreadsheet would run as a formula (starting with `=`,
 * `+`, `-`, `@`, tab or CR) gets a leading `'`, so that cable text cannot inject formulas.
 */
export function csvLine(r: CheckRow): string {
  const a = r.assessment;
  return `${[
        r.file,
        r.ref ?? '',
        r.originated ?? '',
        r.level ?? '',
        a.order ?? '',
        a.decl.raw === null ? '' : a.decl.raw.replace(/\s+/g, ' ').trim(),
        a.decl.kind,
        a.decl.date ?? '',
        a.decl.codes.join(' '),
        a.status,
        a.declassifyOn ?? '',
        a.automaticOn ?? '',
        a.rule,
        a.reason,
        a.diagnostics.map((d) => d.code).join(' '),
      ]
        .map(csvField)
        .join(',')}\r\n`;
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Builds an iCalendar file of the coming declassification dates: one all-day event for each row
 * that is `classified` with a `declassifyOn` after `asOf`. An explicit or resolved DECL date gives
 * "Declassify REF"; a computed date (OADR, X-codes, exemptions) gives "Declassification review due
 * REF", since those are never declassified without a reviewer (CAPCO §E.6). Deterministic: the
 * UID is `REF-YYYYMMDD@declass` (one event per document and date), DTSTAMP is `asOf` at 00:00 UTC,
 * events are sorted by date then reference.
 */
/** True for a row that gives a calendar event: classified, with a date still to come. */
export function isDue(r: CheckRow, asOf: string): boolean {
  return r.assessment.status === 'classified' && r.assessment.declassifyOn !== null && r.assessment.declassifyOn > asOf;
}

export function buildCalendar(rows: readonly CheckRow[], asOf: string): string {
  const seen = new Set<string>();
  const events: (EventAttributes & { timestamp: number })[] = [];
  const timestamp = Date.parse(`${asOf}T00:00:00Z`);
  const due = rows
    .filter((r) => isDue(r, asOf))
    .map((r) => ({ r, date: r.assessment.declassifyOn!, name: r.ref ?? path.basename(r.file).replace(/\.txt$/i, '') }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { r, date, name } of due) {
    const uid = `${name.replace(/[^A-Za-z0-9._-]/g, '_')}-${date.replace(/-/g, '')}@declass`;
    if (seen.has(uid)) continue;
    seen.add(uid);
    const explicit = r.assessment.rule === 'eo13526-1.5' || r.assessment.rule === '32cfr2001.25';
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    events.push({
      uid,
      title: `${explicit ? 'Declassify' : 'Declassification review due'} ${name}`,
      description: `${r.assessment.reason} File: ${r.file}.`,
      start: [y, m, d],
      end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()],
      timestamp,
      productId: 'declass',
      calName: 'Declassification dates',
      transp: 'TRANSPARENT',
    });
  }
  const { error, value } = createEvents(events, { productId: 'declass', calName: 'Declassification dates' });
  if (error || value === null) throw new OutputError(`cannot build the calendar: ${error?.message ?? 'no output'}`, { cause: error });
  return value;
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
}

/** Registers `declass check`. */
export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check')
    .description('report whether each cable\'s classification has lapsed as of a date, when it will, and which need a human decision')
    .argument('[paths...]', 'cable files (.txt) or folders to walk')
    .option('--from-list <file|->', 'also read paths, one per line, from a file or standard input (-)')
    .option('--as-of <YYYY-MM-DD>', 'decide as of this date (default: today)', parseIsoDateOption)
    .addOption(new Option('--json', 'print JSON Lines, one record per document').conflicts('csv'))
    .addOption(new Option('--csv', 'print CSV (RFC 4180) for spreadsheets').conflicts('json'))
    .option('--fail-on <statuses>', `exit 1 when any document has one of these statuses (comma-separated: ${STATUSES.join(',')})`, parseStatusList)
    .option('--ics <file>', 'also write the coming declassification dates as an iCalendar file')
    .addOption(new Option('--max-input-mb <n>', 'refuse input files larger than this').argParser(positiveInteger(1)).default(DEFAULT_MAX_INPUT_BYTES / 1024 / 1024))
    .option('-q, --quiet', 'no progress bar and no diagnostics on standard error')
    .addOption(inputFormatOption())
    .addHelpText(
      'after',
      `
Statuses:
  unclassified  an unclassified document (E.O. line N/A or none)
  classified    a DECL date (or computed date) still to come: see "lapses on"
  declassified  the DECL date has passed (32 CFR 2001.12(b)); release still needs FOIA review
  review        a human must decide: events, exemptions/OADR/MR past their computed date (CAPCO E.6), downgrades, cut-off lines
  invalid       a classified document with no usable declassification instruction (32 CFR 2001.21)
`,
    )
    .action(async (paths: string[], opts: CheckOptions) => {
      ctx.exit(await runCheck(paths, opts, ctx));
    });
}

async function runCheck(paths: string[], opts: CheckOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const asOf = opts.asOf ?? today(io);
  const inputs = await expandInputs(await batchPaths(paths, opts.fromList, io.readStdin), io.stderr);
  if (inputs.exitCode !== undefined) return inputs.exitCode;
  const { files } = inputs;
  if (opts.ics) {
    const target = path.resolve(io.cwd(), opts.ics);
    if (files.some((f) => path.resolve(io.cwd(), f) === target)) {
      throw new OutputError(`--ics ${opts.ics} is one of the input files; choose another file`);
    }
  }

  // Streamed: JSON Lines and CSV rows are printed as they come; the table keeps only its cells,
  // the calendar only the rows it will show, so a collection of any size runs in flat memory.
  let failed = inputs.failed;
  const counts = emptyCounts();
  const cells: string[][] = [];
  const due: CheckRow[] = [];
  const failOn = new Set(opts.failOn ?? []);
  const progress = createProgress(io, files.length, 'check', !opts.json && !opts.csv && !opts.quiet);
  if (opts.csv) io.stdout(CSV_HEADER);
  let done = 0;
  for (const file of files) {
    const read = await readCable(file, opts.maxInputMb * 1024 * 1024, opts.inputFormat);
    progress.update(++done);
    if (!read.ok) {
      progress.log(`declass: ${file}: ${read.message}\n`);
      failed++;
      continue;
    }
    const row = checkDocument(file, read.doc, asOf);
    counts[row.assessment.status]++;
    if (opts.ics && isDue(row, asOf)) due.push(row);
    if (opts.json) io.stdout(`${JSON.stringify(toJsonRecord(row))}\n`);
    else if (opts.csv) io.stdout(csvLine(row));
    else {
      cells.push(tableCells(row));
      if (!opts.quiet) for (const d of row.assessment.diagnostics) progress.log(formatDiagnostic(row.file, d));
    }
  }
  progress.stop();

  if (!opts.json && !opts.csv) io.stdout(formatTable(cells, counts, asOf));
  if (opts.ics) {
    const calendar = buildCalendar(due, asOf);
    await writeFileAtomic(path.resolve(io.cwd(), opts.ics), new TextEncoder().encode(calendar));
  }

  const matched = [...failOn].reduce((n, s) => n + counts[s], 0);
  if (matched > 0) {
    io.stderr(`declass: --fail-on matched ${matched} document(s): ${[...failOn].map((s) => `${counts[s]} ${s}`).join(', ')}\n`);
  }
  return failed > 0 || matched > 0 ? ExitCode.problems : ExitCode.ok;
}

function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}: ${d.severity}: ${d.message} [${d.code}]\n`;
}
