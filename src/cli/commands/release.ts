import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { crossCheckSkipReason, DEFAULT_CROSS_CHECK_LIMIT } from '../../audit/cross.js';
import { findBatchCrossLeaks, readReleaseFolder, type ReleaseFolder } from '../../audit/index.js';
import { runReleaseBatch, type BatchResult } from '../../batch/run.js';
import { defaultJobs } from '../../batch/executor.js';
import { ExitCode } from '../../errors.js';
import { FORMATS, type Format } from '../../release/index.js';
import type { CommandContext } from '../context.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { batchPaths, expandInputs } from '../inputs.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../node/read.js';
import { checkOutputFolder } from '../../node/release-folder.js';
import { isProfileName, readOverrides, resolveProfile } from '../../node/profiles.js';
import { removeOwnTemporariesSync } from '../../node/write.js';
import { SUBFOLDERS } from '../../release/folder.js';
import { parseIsoDateOption, positiveInteger } from '../options.js';
import { createProgress } from '../progress.js';
import { formatDocumentLine, formatReleaseSummary } from '../format/release-summary.js';
import { formatJsonLine } from '../format/json.js';
import { rerunRelease } from '../../release/rerun.js';
import { today } from './shared.js';

function parseFormats(value: string): Format[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new InvalidArgumentError(`unknown format "${f}"; expected some of ${FORMATS.join(', ')}`);
  }
  if (list.length === 0) throw new InvalidArgumentError(`expected some of ${FORMATS.join(', ')}`);
  return list as Format[];
}

interface ReleaseOptions {
  profile: string;
  out: string;
  asOf?: string;
  formats: Format[];
  overrides?: string;
  pageSize: 'letter' | 'a4';
  json?: boolean;
  quiet?: boolean;
  against?: string[];
  fromList?: string;
  jobs: number;
  force?: boolean;
  maxInputMb: number;
  crossCheckLimit: number;
  inputFormat?: InputFormat;
}

/** `declass release`: decide, render and write releases for a batch of cables. */
export function registerRelease(program: Command, ctx: CommandContext): void {
  program
    .command('release')
    .description('write the releasable version of each cable for a profile: release/ (may be handed out) and review/ (never)')
    .argument('[paths...]', 'cable files (.txt) or folders to walk')
    .requiredOption('-p, --profile <name|file>', 'release profile: a bundled name (public, public-pii, us-secret, nato, fvey, foia-intel) or a YAML/JSON file')
    .requiredOption('-o, --out <dir>', 'output folder (gets release/ and review/)')
    .option('--as-of <YYYY-MM-DD>', 'decide as of this date (default: today)', parseIsoDateOption)
    .addOption(new Option('--formats <list>', `outputs to write, comma-separated: ${FORMATS.join(',')}`).argParser(parseFormats).default([...FORMATS], FORMATS.join(',')))
    .option('--overrides <file>', "reviewer decisions (YAML) that take precedence over the profile")
    .addOption(new Option('--page-size <size>', 'PDF page size').choices(['letter', 'a4']).default('letter'))
    .option('--from-list <file|->', 'also read paths, one per line, from a file or standard input (-)')
    .addOption(new Option('-j, --jobs <n>', 'documents processed in parallel (worker threads)').argParser(positiveInteger(1)).default(defaultJobs(), 'the number of cores'))
    .option('--force', 'release again documents whose outputs in --out are already up to date')
    .addOption(new Option('--max-input-mb <n>', 'refuse input files larger than this').argParser(positiveInteger(1)).default(DEFAULT_MAX_INPUT_BYTES / 1024 / 1024))
    .addOption(
      new Option('--cross-check-limit <n>', 'skip the cross-document leak check for batches of more documents (it holds every document\'s shingles in memory; 0 turns it off)')
        .argParser(positiveInteger(0))
        .default(DEFAULT_CROSS_CHECK_LIMIT),
    )
    .option('--against <dir>', 'an earlier release folder to compare with for cross-document leaks (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--json', 'print the summary as JSON')
    .addOption(inputFormatOption())
    .option('-q, --quiet', 'print only errors and the summary; no progress bar')
    .addHelpText(
      'after',
      `
Documents already released into --out with the same input, profile, overrides, as-of date, tool
version and formats (as their audit records show) are skipped unless --force: re-running an
interrupted batch resumes it. On a terminal a progress bar replaces the per-document lines.
Ctrl-C stops scheduling, finishes the documents in progress and writes the manifest (exit 130).`,
    )
    .action(async (paths: string[], opts: ReleaseOptions) => {
      ctx.exit(await runRelease(paths, opts, ctx));
    });
}

async function runRelease(paths: string[], opts: ReleaseOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const cwd = io.cwd();
  const asOf = opts.asOf ?? today(io);
  const profile = await resolveProfile(opts.profile);
  const overrides = opts.overrides ? await readOverrides(opts.overrides) : null;
  const given = await batchPaths(paths, opts.fromList, io.readStdin);
  const inputs = await expandInputs(given, io.stderr);
  if (inputs.exitCode !== undefined) return inputs.exitCode;
  const { files } = inputs;
  await checkOutputFolder(opts.out, given);
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

  let result: BatchResult;
  try {
    result = await runReleaseBatch(
      {
        files,
        out: opts.out,
        profile,
        profileRef: profileRef(opts.profile, cwd),
        overrides,
        overridesFile: opts.overrides ? path.resolve(cwd, opts.overrides) : null,
        asOf,
        formats: opts.formats,
        pageSize: opts.pageSize,
        force: Boolean(opts.force),
        jobs: opts.jobs,
        maxInputBytes: opts.maxInputMb * 1024 * 1024,
        inputFormat: opts.inputFormat ?? 'auto',
        crossCheck,
        cwd,
        signal: controller.signal,
      },
      {
        onOutcome: ({ file, stem, result: r }) => {
          if (r.status === 'failed') progress.log(`declass: ${file}: ${r.message}\n`);
          else if (perDocument) io.stdout(formatDocumentLine(stem, r));
        },
        onProgress: (done) => progress.update(done),
      },
    );
  } finally {
    progress.stop();
    restore?.();
  }
  const { summary } = result;
  const crossLeaks = result.cross ? await findBatchCrossLeaks(result.cross, againstFolders, { cwd, rerun: rerunRelease }) : [];
  const crossDocument = {
    checked: result.cross !== null,
    ...(result.cross ? {} : { reason: crossCheckSkipReason(opts.crossCheckLimit) }),
    leaks: crossLeaks,
  };
  const failed = summary.failed + inputs.failed;
  io.stdout(opts.json ? formatJsonLine({ ...summary, failed, crossDocument }) : formatReleaseSummary({ ...summary, failed }, crossDocument));
  if (summary.interrupted) return ExitCode.interrupted;
  return failed > 0 ? ExitCode.problems : ExitCode.ok;
}

/** A bundled profile's name as given; a profile file as an absolute path (workers resolve it). */
function profileRef(given: string, cwd: string): string {
  return isProfileName(given) ? given : path.resolve(cwd, given);
}
