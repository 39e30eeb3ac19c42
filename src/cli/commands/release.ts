import path from 'node:path';
import { Command, Option } from 'commander';
import { crossCheckSkipReason, DEFAULT_CROSS_CHECK_LIMIT } from '../../audit/cross.js';
import type { ReleaseFolder } from '../../audit/index.js';
import type { BatchResult } from '../../batch/run.js';
import { defaultJobs, isPdfPath, MAX_JOBS, PDF_POOL_MIN_CORES, PDF_POOL_MIN_DOCUMENTS, POOL_MIN_CORES, POOL_MIN_DOCUMENTS } from '../../batch/defaults.js';
import { ExitCode, UsageError } from '../../errors.js';
import type { CommandContext } from '../context.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { batchPaths, expandInputs, noIgnoreOption, readStdinBytes, STDIN_PATH } from '../inputs.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../node/limits.js';
import { MAX_DOC_NUMBER } from '../../release/case.js';
import { FORMATS, safeStem, stemProblem, SUBFOLDERS, type Format } from '../../release/folder.js';
import { PAGE_SIZES } from '../../release/check-request.js';
import { oneOf, parseCaseOption, parseIsoDateOption, parseNameList, positiveInteger, requiredOption } from '../options.js';
import { formatDocumentLine, formatReleaseSummary } from '../format/release-summary.js';
import { formatJsonLine } from '../format/json.js';
import { groupThousands } from '../format/number.js';
import { asOfDate, loadProfileOption } from './shared.js';
import { oneLine } from '../format/one-line.js';

function parseFormats(value: string): Format[] {
  return parseNameList(value, FORMATS, 'format');
}

/** What `release --fail-on` may name: findings that make the run exit 1 although every document was released. */
export const RELEASE_FAIL_ON = ['cross-leak'] as const;
type ReleaseFailOn = (typeof RELEASE_FAIL_ON)[number];

function parseFailOn(value: string): ReleaseFailOn[] {
  return parseNameList(value, RELEASE_FAIL_ON, 'finding');
}

interface ReleaseOptions {
  profile: string;
  out: string;
  asOf?: string;
  formats: Format[];
  overrides?: string;
  /** Given or not: a page size given with no typeset PDF to write is warned about; the default is letter. */
  pageSize?: 'letter' | 'a4';
  json?: boolean;
  quiet?: boolean;
  against?: string[];
  fromList?: string;
  /** Undefined: {@link defaultJobs} for the batch's size. */
  jobs?: number;
  force?: boolean;
  rasterizeUnsure?: boolean;
  maxInputMb: number;
  crossCheckLimit: number;
  inputFormat?: InputFormat;
  ignore: boolean;
  replace?: boolean;
  stem?: string;
  failOn?: ReleaseFailOn[];
  crossLeak: 'hold' | 'warn';
  case?: string;
  docStart?: number;
  index: boolean;
}

/** `declass release`: decide, render and write releases for a batch of cables. */
export function registerRelease(program: Command, ctx: CommandContext): void {
  program
    .command('release')
    .description('write the releasable version of each document for a profile: release/ (may be handed out) and review/ (never)')
    .argument('[paths...]', 'cable, document or PDF files (.txt, .md, .pdf), folders to walk, or - for one document on standard input (with --stem)')
    .addOption(requiredOption('-p, --profile <name|file>', 'release profile: a bundled name (public, public-pii, us-secret, nato, fvey, foia-intel) or a YAML/JSON file'))
    .addOption(requiredOption('-o, --out <dir>', 'output folder (gets release/ and review/)'))
    .option('--as-of <YYYY-MM-DD>', 'decide as of this date (default: today, the UTC date)', parseIsoDateOption)
    .addOption(new Option('--formats <list>', `outputs to write, comma-separated: ${FORMATS.join(',')}`).argParser(parseFormats).default([...FORMATS], FORMATS.join(',')))
    .option('--overrides <file>', "reviewer decisions (YAML) that take precedence over the profile")
    .addOption(new Option('--page-size <size>', 'page size of typeset PDFs: letter or a4, any case (default: letter)').argParser(oneOf(PAGE_SIZES)))
    .option('--from-list <file|->', 'also read paths, one per line, from a file or standard input (-)')
    .addOption(
      new Option('-j, --jobs <n>', `documents processed in parallel (worker threads) (default: the number of cores from ${groupThousands(POOL_MIN_DOCUMENTS)} documents on ${POOL_MIN_CORES} cores or more, from ${groupThousands(PDF_POOL_MIN_DOCUMENTS)} on ${PDF_POOL_MIN_CORES} or more for a batch of mostly PDFs; else 1; at most ${MAX_JOBS}, and never more than the documents)`).argParser(
        positiveInteger(1, MAX_JOBS),
      ),
    )
    .option('--force', 'release again documents whose outputs in --out are already up to date')
    .option('--rasterize-unsure', 'PDF inputs: turn a page the rewriter cannot redact with certainty (Type3 fonts, text drawn as paths…) into an image with the boxes burnt in, instead of failing the document')
    .option('--replace', 'discard the release already in --out (only the files declass writes there) before writing this one; needed when it was made with another profile, as-of date or overrides file')
    .option('--stem <name>', 'output name of the document read from standard input (-): letters, digits, . _ -')
    .option('--fail-on <findings>', `exit 1 when the batch has one of these findings (comma-separated: ${RELEASE_FAIL_ON.join(',')}); cross-leak: text withheld in one document is released in another (held in pending/ or not), or the check did not run`, parseFailOn)
    .addOption(
      new Option('--cross-leak <mode>', 'a document whose release shows text another document of the batch (or of --against) withholds: hold moves its release to pending/ for a reviewer; warn leaves it in release/ (declass audit fails the folder)')
        .argParser(oneOf(['hold', 'warn'] as const))
        .default('hold'),
    )
    .addOption(new Option('--max-input-mb <n>', 'refuse input files larger than this').argParser(positiveInteger(1)).default(DEFAULT_MAX_INPUT_BYTES / 1024 / 1024))
    .addOption(
      new Option('--cross-check-limit <n>', 'skip the cross-document leak check for batches of more documents (it holds every document\'s shingles in memory; 0 turns it off)')
        .argParser(positiveInteger(0))
        .default(DEFAULT_CROSS_CHECK_LIMIT),
    )
    .option('--against <dir>', 'an earlier release folder to compare with for cross-document leaks (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--case <number>', "FOIA case number (e.g. F-2026-00123): State's footer `UNCLASSIFIED U.S. Department of State Case No. … Doc No. C… Date: …` on every release page and text; documents numbered by reference", parseCaseOption)
    .addOption(new Option('--doc-start <n>', `the first document number of --case (default 1; at most ${groupThousands(MAX_DOC_NUMBER)}, and room must be left for every document)`).argParser(positiveInteger(0, MAX_DOC_NUMBER)))
    .option('--no-index', 'do not write the Vaughn index (release/index.csv, .json, and .pdf when the release writes PDFs; declass index writes it in any format, .xlsx too), and remove an old one')
    .option('--json', 'print the summary as JSON')
    .addOption(inputFormatOption())
    .addOption(noIgnoreOption())
    .option('-q, --quiet', 'print only errors and the summary; no progress bar')
    .addHelpText(
      'after',
      `
An output folder holds one release: one profile, one as-of date, one overrides
file. A folder released with other settings is refused (exit 73): choose a new
--out, or --replace to discard it. Every override must apply to a document (exit
78 names the line of one that does not). Documents already released into --out
with the same input, profile, overrides, as-of date, tool version and formats
(as their audit records show) are skipped unless --force: re-running an
interrupted batch resumes it (without --replace, which would discard it again).
On a terminal a progress bar replaces the per-document lines. Ctrl-C stops
scheduling, finishes the documents in progress and writes the manifest (exit
130).`,
    )
    .action(async (paths: string[], opts: ReleaseOptions) => {
      // The documents, manifest and index are the work: a reader of the report that stops early does not end it.
      ctx.io.writesFiles?.();
      ctx.exit(await runRelease(paths, opts, ctx));
    });
}

async function runRelease(paths: string[], opts: ReleaseOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const cwd = io.cwd();
  const asOf = asOfDate(io, opts.asOf, true);
  const c = ctx.colors();
  if (opts.docStart !== undefined && opts.case === undefined) throw new UsageError('--doc-start numbers the documents of a case; name it with --case');
  // Loaded when a release runs, not for `--help` or `--version`.
  const [{ findBatchCrossLeaks, readReleaseFolder }, { runReleaseBatch }, { checkOutputFolder }, { isProfileName, readOverrides }, { removeOwnTemporariesSync }, { createProgress }, { rerunRelease }, { tuneJit }] =
    await Promise.all([
      import('../../audit/index.js'),
      import('../../batch/run.js'),
      import('../../node/release-folder.js'),
      import('../../node/profiles.js'),
      import('../../node/write.js'),
      import('../progress.js'),
      import('../../release/rerun.js'),
      import('../../node/jit.js'),
    ]);
  const profile = await loadProfileOption(ctx, opts.profile);
  const overrides = opts.overrides ? await readOverrides(opts.overrides) : null;
  const given = await batchPaths(paths, opts.fromList, io.readStdin);
  const stem = stdinStem(given, opts.stem);
  const inputs = await expandInputs(given, io.stderr, { ignore: opts.ignore, colors: ctx.colors().err });
  if (inputs.exitCode !== undefined) return inputs.exitCode;
  const { files } = inputs;
  if (opts.case !== undefined) assertDocNumbersFit(opts.docStart ?? 1, files.length);
  for (const line of idleOptions(opts, files)) io.stderr(`declass: ${c.err.yellow('warning')}: ${line}\n`);
  // Once per run, not per document (each record says it too): the profile's sample list (probe 67b F7).
  // Loaded here, not at the top: `declass help` loads this module and no rules code (test/cli/startup).
  const { sampleListNotes } = await import('../../rules/sample-lists.js');
  for (const d of sampleListNotes(profile)) io.stderr(`declass: ${c.err.yellow('warning')}: ${d.message} [${d.code}]\n`);
  // The batch starts no more threads than documents: said, as the request is not run as given.
  if (opts.jobs !== undefined && opts.jobs > files.length) io.stderr(`declass: note: --jobs ${opts.jobs} lowered to ${files.length}: one thread per document at most (${files.length} document(s))\n`);
  await checkOutputFolder(opts.out, given.filter((p) => p !== STDIN_PATH));
  const stdin = files.includes(STDIN_PATH) ? await readStdinBytes(io) : undefined;
  // Read --against folders first: a wrong path should stop the run before anything is written.
  const againstFolders: { given: string; folder: ReleaseFolder }[] = [];
  for (const a of opts.against ?? []) againstFolders.push({ given: a, folder: await readReleaseFolder(path.resolve(cwd, a)) });

  const crossCheck = opts.crossCheckLimit > 0 && files.length <= opts.crossCheckLimit;
  const showLines = !opts.quiet && !opts.json;
  const progress = createProgress(io, files.length, 'release', showLines);
  const perDocument = showLines && !io.isTTY;
  const controller = new AbortController();
  let interrupts = 0;
  const restore = io.onInterrupt?.(() => {
    interrupts++;
    if (interrupts === 1) {
      progress.log('declass: interrupted; finishing the documents in progress (Ctrl-C again to stop at once)\n');
      controller.abort();
      return;
    }
    // Second Ctrl-C: stop now. Whole files only ever appear by rename; remove our temporaries.
    removeOwnTemporariesSync(SUBFOLDERS.map((sub) => path.join(path.resolve(cwd, opts.out), sub)));
    process.exit(ExitCode.interrupted);
  });

  tuneJit(files.length);
  // --against documents whose withheld text the cross-document check could not compare.
  const notCompared: { folder: string; stem: string; why: string }[] = [];
  const onSkipped = (folder: string, stem: string, why: string): void => {
    notCompared.push({ folder, stem, why });
  };
  let result: BatchResult;
  try {
    result = await runReleaseBatch(
      {
        files,
        out: opts.out,
        profile,
        // A bundled profile's name as given; a profile file as an absolute path (workers resolve it).
        profileRef: isProfileName(opts.profile) ? opts.profile : path.resolve(cwd, opts.profile),
        overrides,
        overridesFile: opts.overrides ? path.resolve(cwd, opts.overrides) : null,
        asOf,
        formats: opts.formats,
        pageSize: opts.pageSize ?? 'letter',
        force: Boolean(opts.force),
        ...(opts.rasterizeUnsure ? { rasterizeUnsure: true } : {}),
        jobs: opts.jobs ?? defaultJobs(files.length, files.filter(isPdfPath).length),
        maxInputBytes: opts.maxInputMb * 1024 * 1024,
        inputFormat: opts.inputFormat ?? 'auto',
        crossCheck,
        cwd,
        signal: controller.signal,
        ...(stdin ? { stdin, stemOf: (file: string) => (file === STDIN_PATH ? stem! : safeStem(file)) } : {}),
        ...(opts.replace ? { replace: true } : {}),
        ...(opts.case !== undefined ? { case: { number: opts.case, docStart: opts.docStart ?? 1 } } : {}),
        index: opts.index,
        crossLeak: opts.crossLeak,
        findCrossLeaks: (cross) => findBatchCrossLeaks(cross, againstFolders, { cwd, rerun: rerunRelease, onSkipped }),
      },
      {
        onOutcome: ({ file, stem: s, result: r }) => {
          if (r.status === 'failed') progress.log(`declass: ${oneLine(file)}: ${c.err.red(oneLine(r.message))}\n`);
          else if (r.status === 'copy') for (const m of r.warnings) progress.log(`declass: ${oneLine(file)}: ${c.err.yellow('warning')}: ${oneLine(m)}\n`);
          else {
            for (const m of r.charsReplaced) progress.log(`declass: ${oneLine(file)}: ${c.err.yellow('warning')}: ${oneLine(m)} [pdf-char-replaced]\n`);
            for (const m of r.warnings) progress.log(`declass: ${oneLine(file)}: ${c.err.yellow('warning')}: ${oneLine(m)}\n`);
            if (perDocument) io.stdout(formatDocumentLine(r.stem ?? s, r, c.out));
          }
        },
        onProgress: (done) => progress.update(done),
        onRenumbered: (docs, total) => {
          progress.setTotal(total);
          const shown = docs.slice(0, 3).map((d) => `${d.stem} ${d.from || 'no number'} → ${d.to}`).join(', ') + (docs.length > 3 ? ` and ${docs.length - 3} more` : '');
          progress.log(`declass: note: --case ${opts.case}: the documents given renumber ${docs.length} document(s) already in ${oneLine(opts.out)}, released again from their recorded inputs: ${oneLine(shown)}\n`);
        },
      },
    );
  } finally {
    progress.stop();
    restore?.();
  }
  const { summary, crossLeaks } = result;
  const crossDocument = {
    checked: result.cross !== null,
    ...(result.cross ? {} : { reason: crossCheckSkipReason(opts.crossCheckLimit) }),
    mode: opts.crossLeak,
    leaks: crossLeaks.map(({ matched: _matched, ...leak }) => leak),
    held: result.held.map(({ auditSha256: _sha, ...h }) => h),
    ...(notCompared.length > 0 ? { notCompared } : {}),
  };
  const failed = summary.failed + inputs.failed;
  if (summary.manifest === null && !opts.json) {
    // Nothing was written (no folder either, when it was new): each failure said why on a line of
    // its own above, so one bad file is one line.
    if (summary.interrupted) io.stderr(`declass: interrupted before any document was written; nothing written to ${opts.out}\n`);
    else if (failed > 1) io.stderr(`declass: all ${failed} documents failed; nothing written to ${opts.out}\n`);
    return summary.interrupted ? ExitCode.interrupted : ExitCode.problems;
  }
  const failOn = new Set(opts.failOn ?? []);
  io.stdout(opts.json ? formatJsonLine({ ...summary, failed, crossDocument }) : formatReleaseSummary({ ...summary, failed }, crossDocument, c.out));
  if (summary.interrupted) return ExitCode.interrupted;
  let failedOn = false;
  if (failOn.has('cross-leak') && (crossLeaks.length > 0 || !crossDocument.checked)) {
    io.stderr(`declass: ${c.err.red(crossLeaks.length > 0 ? `--fail-on cross-leak: ${crossLeaks.length} cross-document leak(s)` : '--fail-on cross-leak: the cross-document check did not run, so it cannot be shown clean')}\n`);
    failedOn = true;
  }
  return failed > 0 || failedOn ? ExitCode.problems : ExitCode.ok;
}

/**
 * Usage error when `documents` numbered from `start` would run past the last document number
 * (`C99999999`): found before anything is read or written. The batch checks again with the
 * documents already released into the folder, which are numbered with them.
 */
function assertDocNumbersFit(start: number, documents: number): void {
  const last = start + documents - 1;
  if (last > MAX_DOC_NUMBER) throw new UsageError(`--doc-start ${start}: ${documents} document(s) would be numbered up to ${last}, past C${MAX_DOC_NUMBER}; start at ${MAX_DOC_NUMBER - documents + 1} at most`);
}

/**
 * Options given that can do nothing in this run, each said in one line (as `--jobs` lowered is):
 * `--page-size` without a typeset PDF to write, `--rasterize-unsure` without the release PDF or
 * without an input named `.pdf` (standard input may be one, so it is never warned about).
 */
function idleOptions(opts: ReleaseOptions, files: readonly string[]): string[] {
  const out: string[] = [];
  const formats = opts.formats.join(',');
  if (opts.pageSize !== undefined && !opts.formats.includes('pdf') && !opts.formats.includes('review')) out.push(`--page-size ${opts.pageSize} does nothing: --formats ${formats} writes no typeset PDF (pdf, review)`);
  if (opts.rasterizeUnsure && !opts.formats.includes('pdf')) out.push(`--rasterize-unsure does nothing: --formats ${formats} writes no release PDF`);
  else if (opts.rasterizeUnsure && !files.some((f) => f === STDIN_PATH || /\.pdf$/i.test(f))) out.push('--rasterize-unsure applies to PDF inputs, and no input is named .pdf');
  return out;
}

/**
 * The output stem of the document read from standard input: `--stem`, which only it may take.
 * Usage errors: `-` without `--stem` (its outputs need a name), `--stem` without `-`, a stem that
 * is not a safe file name.
 */
function stdinStem(given: readonly string[], stem: string | undefined): string | undefined {
  const fromStdin = given.includes(STDIN_PATH);
  if (fromStdin && stem === undefined) throw new UsageError('- reads a document from standard input; name its outputs with --stem NAME');
  if (!fromStdin && stem !== undefined) throw new UsageError('--stem names the document read from standard input (-); the outputs of files are named after them');
  const problem = stem === undefined ? null : stemProblem(stem);
  if (problem !== null) throw new UsageError(`--stem ${JSON.stringify(stem)}: ${problem}`);
  return stem;
}
