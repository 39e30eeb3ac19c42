import { rmSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { crossCheckSkipReason, DEFAULT_CROSS_CHECK_LIMIT, describeHit, type LeakHit } from '../../audit/cross.js';
import { runReleaseBatch, type BatchResult, type BatchSummary } from '../../batch/run.js';
import { defaultJobs } from '../../batch/executor.js';
import { ExitCode } from '../../errors.js';
import { FORMATS, type Format } from '../../release/index.js';
import type { CommandContext } from '../context.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { batchPaths, DEFAULT_MAX_INPUT_BYTES, expandInputs } from '../inputs.js';
import { parseIsoDateOption, positiveInteger } from '../options.js';
import { checkOutputFolder, TEMP_PREFIX } from '../output.js';
import { isProfileName, readOverrides, resolveProfile } from '../profiles.js';
import { createProgress } from '../progress.js';
import { readReleaseFolder, RecordedConfig, withheldOfFolder, type ReleaseFolder } from './audit.js';
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
    removeOwnTemporaries(path.resolve(cwd, opts.out));
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
          else if (perDocument) {
            const c = r.counts;
            io.stdout(`${stem}: ${r.status === 'skipped' ? 'up to date, ' : ''}${c.released} released, ${c.withheld} withheld${c.redactions ? `, ${c.redactions} spans redacted` : ''} — ${c.stamp}\n`);
          }
        },
        onProgress: (done) => progress.update(done),
      },
    );
  } finally {
    progress.stop();
    restore?.();
  }
  const { summary } = result;
  const crossLeaks = result.cross ? await findCrossLeaks(result.cross, againstFolders, cwd) : [];
  const crossDocument = {
    checked: result.cross !== null,
    ...(result.cross ? {} : { reason: crossCheckSkipReason(opts.crossCheckLimit) }),
    leaks: crossLeaks,
  };
  const failed = summary.failed + inputs.failed;
  if (opts.json) io.stdout(`${JSON.stringify({ ...summary, failed, crossDocument })}\n`);
  else printSummary(io.stdout, { ...summary, failed }, crossDocument);
  if (summary.interrupted) return ExitCode.interrupted;
  return failed > 0 ? ExitCode.problems : ExitCode.ok;
}

/** A bundled profile's name as given; a profile file as an absolute path (workers resolve it). */
function profileRef(given: string, cwd: string): string {
  return isProfileName(given) ? given : path.resolve(cwd, given);
}

function printSummary(out: (t: string) => void, s: BatchSummary, cross: { checked: boolean; reason?: string; leaks: readonly { file: string; message: string }[] }): void {
  const rate = s.seconds > 0 ? ` (${(s.documents / s.seconds).toFixed(1)} documents/s on ${s.threads} thread(s))` : '';
  out(
    `\n${s.documents} document(s) released with profile ${s.profile} as of ${s.asOf} into ${s.out} in ${s.seconds.toFixed(1)} s${rate}` +
      `${s.skipped ? `, ${s.skipped} of them already up to date` : ''}: ` +
      `${s.released} portions released (${s.declassified} declassified), ${s.withheld} withheld, ${s.redactions} spans redacted; ${s.failed} failed.\n`,
  );
  if (s.interrupted) out(`  interrupted: ${s.notStarted} document(s) not started; run the same command again to resume.\n`);
  for (const [authority, n] of Object.entries(s.withheldByAuthority)) out(`  withheld under ${authority || '(no authority)'}: ${n}\n`);
  out(`  ${s.manifest.path}: ${s.manifest.records} record(s), head ${s.manifest.head}\n`);
  if (!cross.checked) out(`  cross-document leak check skipped: ${cross.reason}; raise --cross-check-limit (about 30 KB of memory per document), or run declass audit --originals on slices of the collection.\n`);
  for (const c of cross.leaks) out(`warning: ${c.file}: cross-leak: ${c.message}\n`);
}

/**
 * Text withheld in one document of the batch (or of an `--against` folder whose originals are at
 * their recorded paths) and released in another of the batch (or in an `--against` folder's
 * release files). Reported as warnings: the exit code is unchanged; `declass audit` fails on them.
 */
async function findCrossLeaks(
  cross: NonNullable<BatchResult['cross']>,
  against: readonly { given: string; folder: ReleaseFolder }[],
  cwd: string,
): Promise<{ file: string; from: string; portions: readonly string[]; runs: number; message: string }[]> {
  const { index } = cross;
  const config = new RecordedConfig(cwd);
  const targets: { file: string; find: () => LeakHit[] }[] = cross.released.map((d) => ({ file: d.file, find: () => index.findRuns(d.runs, d.stem) }));
  for (const { given: a, folder } of against) {
    for (const [stem, w] of await withheldOfFolder(folder, new Map(), config, cwd)) index.add(stem, w.pieces, w.visible, a);
    for (const f of folder.files.values()) {
      if (!f.rel.startsWith('release/') || !f.rel.endsWith('.txt') || !f.bytes) continue;
      const text = Buffer.from(f.bytes).toString('utf8');
      targets.push({ file: path.join(a, f.rel), find: () => index.find(text, path.posix.basename(f.rel, '.txt')) });
    }
  }
  const out = [];
  for (const t of targets) {
    for (const hit of t.find()) out.push({ file: t.file, from: hit.from, portions: hit.portions, runs: hit.runs, message: `${describeHit(hit, false)} appear here` });
  }
  return out;
}

/** Removes this process's temporary files from the output folder (on a forced stop). */
function removeOwnTemporaries(out: string): void {
  for (const sub of ['release', 'review']) {
    const dir = path.join(out, sub);
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) if (n.startsWith(`${TEMP_PREFIX}${process.pid}-`)) rmSync(path.join(dir, n), { force: true });
  }
}
