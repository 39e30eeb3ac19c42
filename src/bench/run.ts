/**
 * `npm run bench`: throughput figures for declass. Prints a table and one JSON line; it is a
 * benchmark, never a timed test, and nothing here asserts a speed.
 *
 * Sections, each run in a fresh child process (`node dist/bench/run.js --section X`) so that the
 * peak RSS reported is the section's own, on the first 600 cables of the corpus by default:
 *   (a) full pipeline, all outputs (text,pdf,review,diff + audit), profile public, as of 2010-12-01,
 *       through the same batch runner as `declass release` (its default --jobs, atomic writes);
 *   (b) the peer pipeline /work/shared/bench/peer-mupdf.sh (MuPDF.js: one redacted PDF per cable),
 *       in one process as a user runs it, peak RSS from `/usr/bin/time -v`; it is warmed up on one
 *       cable first (npm install of mupdf);
 *   (c) text only (text,diff + audit);
 *   (d) scaling: the corpus replayed with distinct stems up to 20,000 documents, text only;
 *   (f) scaling, all outputs: the same up to 5,000 documents with every output, the batch the
 *       projection for the whole Cablegate collection is made from (a batch that size runs as a
 *       large one does: no cross-document check above 2,000 documents, the JIT long warm, the
 *       index in proportion), where (a)'s 600 documents are mostly a cold start;
 *   (e) start-up: `declass --version` and `--help`, and `declass release samples` (the 17 sample
 *       cables and 4 documents, all outputs: the README's quick start), each timed as a user sees
 *       it (wall, process start included; median).
 * Then projections for 251,287 cables, ratios to the peer, and one met / NOT met line per goal
 * of issue 18.
 *
 * Timings cover read + decode + parse + release + write of every document (not process start,
 * profile loading or clean-up). Outputs go under os.tmpdir(), one folder for the whole run, deleted
 * once after the last section (./scratch.ts: deleting a section's outputs slowed the next one's
 * file creation on this machine); the corpus is only read.
 *
 * Options: --quick (200 cables, 2,000-document scaling run, no peer unless --peer), --peer,
 * --no-peer, --corpus DIR, --limit N (cables; default 600), --scale N (scaling documents),
 * --scale-all N (documents of (f); default 5,000, --quick 1,000),
 * --section a|b|c|d|e|f (run one section in this process and print its JSON line); the PDF section
 * (./pdf.ts: declass and the MuPDF.js peer on the PDF corpus) follows: --pdf-only, --no-pdf,
 * --pdf-corpus DIR, --pdf-limit N, --no-peer-check (leave out the check of the peer's outputs).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findBatchCrossLeaks } from '../audit/against.js';
import { DEFAULT_CROSS_CHECK_LIMIT } from '../audit/cross.js';
import { defaultJobs } from '../batch/executor.js';
import { runReleaseBatch } from '../batch/run.js';
import { tuneJit } from '../node/jit.js';
import { resolveProfile } from '../node/profiles.js';
import { DEFAULT_MAX_INPUT_BYTES, fileSize } from '../node/read.js';
import { checkOutputFolder } from '../node/release-folder.js';
import { isMainModule, pathExists, removeTree } from '../node/system.js';
import { timeFileCreation } from '../node/write.js';
import { collectInputs, listNames } from '../node/walk.js';
import { safeStem, type Format } from '../release/folder.js';
import { rerunRelease } from '../release/rerun.js';
import { runPdfBench, withoutPdfArgs } from './pdf.js';
import { scratchFolder, withBenchOutputs } from './scratch.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_CORPUS = path.resolve(REPO, '../shared/corpus/cables');
const PEER_SCRIPT = path.resolve(REPO, '../shared/bench/peer-mupdf.sh');
const PROFILE = 'public';
const AS_OF = '2010-12-01';
const PROJECT_CABLES = 251_287;
const ALL_FORMATS: readonly Format[] = ['text', 'pdf', 'review', 'diff'];
/** Cables of the corpus the sections run on by default: those of the measurements in issue 18. */
const DEFAULT_LIMIT = 600;
const BIN = fileURLToPath(new URL('../cli/bin.js', import.meta.url));
const SAMPLES = path.resolve(REPO, 'samples');
const TEXT_FORMATS: readonly Format[] = ['text', 'diff'];

/** Figures of one in-process pipeline section. */
export interface PipelineFigures {
  readonly section: string;
  readonly formats: string;
  readonly docs: number;
  readonly failed: number;
  /** Worker threads used. */
  readonly threads: number;
  readonly inputBytes: number;
  readonly outputFiles: number;
  readonly outputBytes: number;
  readonly pages: number;
  readonly seconds: number;
  readonly docsPerSecond: number;
  readonly pagesPerSecond: number;
  readonly mbPerSecond: number;
  readonly peakRssMb: number;
  /** Peak RSS after the first pass over the corpus (scaling runs only), to show growth or its absence. */
  readonly peakRssMbAfterFirstPass?: number;
  /** The Vaughn index the batch wrote at its end (included in `seconds`): rows, seconds, formats left out. */
  readonly index: { readonly rows: number; readonly seconds: number; readonly files: number } | null;
  /** The cross-document search over the batch's released text after it (included in `seconds`; null: not run, as for more than --cross-check-limit documents). */
  readonly crossSeconds: number | null;
}

/** Figures of the peer run, or why it could not run. */
export type PeerFigures =
  | {
      readonly available: true;
      readonly docs: number;
      readonly pages: number;
      readonly inputBytes: number;
      readonly seconds: number;
      readonly wallSeconds: number;
      readonly setupSeconds: number;
      readonly docsPerSecond: number;
      readonly pagesPerSecond: number;
      readonly mbPerSecond: number;
      readonly peakRssMb: number | null;
      /** Peer processes used (1 unless the single-process run failed). */
      readonly processes: number;
      /** Why the single-process run failed, when it did. */
      readonly singleProcessFailure?: string;
    }
  | { readonly available: false; readonly reason: string };

const round = (x: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const rssMb = (): number => round(process.resourceUsage().maxRSS / 1024);

/** Number of page objects in a PDF written without object streams (as src/render/pdf/write.ts does). */
export function countPdfPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z0-9])/g)?.length ?? 0;
}

/** The cables of a corpus folder, sorted, optionally the first `limit`. */
export async function listCables(corpus: string, limit?: number): Promise<string[]> {
  const { files, errors } = await collectInputs([corpus]);
  if (errors.length > 0) throw new Error(`corpus ${corpus}: ${errors[0]!.message}`);
  if (files.length === 0) throw new Error(`corpus ${corpus}: no .txt cables`);
  return limit === undefined ? files : files.slice(0, limit);
}

/**
 * Runs `total` documents (the file list replayed with distinct stems when `total` exceeds it)
 * through the release batch runner (`declass release` without its printing): worker threads,
 * atomic writes, audit records and manifest, into a fresh temporary folder deleted at the end.
 */
export async function runPipeline(opts: {
  section: string;
  files: readonly string[];
  formats: readonly Format[];
  total?: number;
  jobs?: number;
  progress?: (done: number, total: number) => void;
}): Promise<PipelineFigures> {
  const total = opts.total ?? opts.files.length;
  tuneJit(total); // as `declass release` does (src/cli/commands/release.ts)
  const files = Array.from({ length: total }, (_, i) => opts.files[i % opts.files.length]!);
  const profile = await resolveProfile(PROFILE);
  const scratch = await scratchFolder(`declass-bench-${opts.section}-`);
  const out = scratch.dir;
  try {
    await checkOutputFolder(out, [path.dirname(files[0]!)]);
    let afterFirstPass: number | undefined;
    const step = Math.max(1, Math.ceil(total / 10));
    const { summary, cross } = await runReleaseBatch(
      {
        files,
        out,
        profile,
        profileRef: PROFILE,
        overrides: null,
        overridesFile: null,
        asOf: AS_OF,
        formats: opts.formats,
        pageSize: 'letter',
        force: true,
        jobs: opts.jobs ?? defaultJobs(total),
        maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
        // As `declass release` decides by default (--cross-check-limit).
        crossCheck: total <= DEFAULT_CROSS_CHECK_LIMIT,
        cwd: process.cwd(),
        stemOf: total > opts.files.length ? (file, i) => `${safeStem(file)}_r${Math.floor(i / opts.files.length)}` : undefined,
      },
      {
        onProgress: (done) => {
          if (done === opts.files.length && total > opts.files.length) afterFirstPass = rssMb();
          if (opts.progress && (done % step === 0 || done === total)) opts.progress(done, total);
        },
      },
    );
    // What `declass release` does next, before it prints: the cross-document search over the
    // batch's released text (on by default up to --cross-check-limit documents).
    const crossStarted = performance.now();
    if (cross) await findBatchCrossLeaks(cross, [], { cwd: process.cwd(), rerun: rerunRelease });
    const crossSeconds = (performance.now() - crossStarted) / 1000;
    const seconds = summary.seconds + crossSeconds;
    return {
      section: opts.section,
      formats: opts.formats.join(','),
      docs: summary.documents,
      failed: summary.failed,
      threads: summary.threads,
      inputBytes: summary.inputBytes,
      outputFiles: summary.outputFiles,
      outputBytes: summary.outputBytes,
      pages: summary.pages,
      seconds: round(seconds, 3),
      docsPerSecond: round(summary.documents / seconds),
      pagesPerSecond: round(summary.pages / seconds),
      mbPerSecond: round(summary.inputBytes / 1e6 / seconds, 3),
      peakRssMb: rssMb(),
      ...(afterFirstPass !== undefined ? { peakRssMbAfterFirstPass: afterFirstPass } : {}),
      index: summary.index ? { rows: summary.index.rows, seconds: summary.index.seconds, files: summary.index.files.length } : null,
      crossSeconds: cross ? round(crossSeconds, 3) : null,
    };
  } finally {
    await scratch.done();
  }
}

interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** Runs a command in its own process group; kills that group (by id) after `timeoutMs`. */
function run(cmd: string, args: readonly string[], opts: { timeoutMs?: number; inheritStderr?: boolean } = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', opts.inheritStderr ? 'inherit' : 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          stderr += `\ntimed out after ${opts.timeoutMs! / 1000} s`;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, opts.timeoutMs)
      : null;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (performance.now() - t0) / 1000 });
    });
  });
}

const lastLine = (text: string): string => text.trim().split('\n').pop() ?? '';

/** Splits a file list into runs of at most `maxFiles` files and `maxBytes` of arguments. */
function chunkArgs(files: readonly string[], maxFiles = Infinity, maxBytes = 512 * 1024): string[][] {
  const chunks: string[][] = [];
  let cur: string[] = [];
  let size = 0;
  for (const f of files) {
    const n = Buffer.byteLength(f) + 1;
    if (cur.length > 0 && (size + n > maxBytes || cur.length >= maxFiles)) {
      chunks.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(f);
    size += n;
  }
  if (cur.length > 0) chunks.push(cur);
  return chunks;
}

/** The one line of a failed peer's stderr that says why (not the `/usr/bin/time -v` report). */
export function failureReason(stderr: string, code: number | null): string {
  const own = stderr.replace(/\n?(Command exited with non-zero status|Command terminated by signal|\tCommand being timed)[\s\S]*$/, '');
  const lines = own.split('\n').map((l) => l.trim()).filter((l) => l.length > 0 && l.length < 400);
  const error = lines.filter((l) => /^(\w*Error\b|npm (ERR!|error))|\bE[A-Z]{3,}\b/.test(l)).pop() ?? lines.filter((l) => /failed|cannot|not found/i.test(l)).pop();
  return (error ?? lines.pop() ?? `exit ${code}`).slice(0, 200);
}

const PEER_CHUNK = 500;

interface PeerBatches {
  readonly ok: boolean;
  readonly reason?: string;
  readonly docs: number;
  readonly pages: number;
  readonly seconds: number;
  readonly wallSeconds: number;
  readonly peakKb: number | null;
  readonly processes: number;
}

/** Runs the peer over `files` in processes of at most `maxFiles` cables each. */
async function peerBatches(files: readonly string[], outDir: string, maxFiles: number): Promise<PeerBatches> {
  const haveTime = pathExists('/usr/bin/time');
  let docs = 0;
  let pages = 0;
  let seconds = 0;
  let wallSeconds = 0;
  let peakKb: number | null = haveTime ? 0 : null;
  let processes = 0;
  for (const chunk of chunkArgs(files, maxFiles)) {
    const args = [PEER_SCRIPT, outDir, ...chunk];
    const r = haveTime ? await run('/usr/bin/time', ['-v', 'bash', ...args]) : await run('bash', args);
    processes++;
    wallSeconds += r.seconds;
    if (peakKb !== null) {
      const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(r.stderr);
      peakKb = m ? Math.max(peakKb, Number(m[1])) : null;
    }
    if (r.code !== 0) return { ok: false, reason: failureReason(r.stderr, r.code), docs, pages, seconds, wallSeconds, peakKb, processes };
    let figures: { docs: number; pages: number; seconds: number };
    try {
      figures = JSON.parse(lastLine(r.stdout));
    } catch {
      return { ok: false, reason: `unexpected output: ${lastLine(r.stdout).slice(0, 200)}`, docs, pages, seconds, wallSeconds, peakKb, processes };
    }
    docs += figures.docs;
    pages += figures.pages;
    seconds += figures.seconds;
  }
  return { ok: true, docs, pages, seconds, wallSeconds, peakKb, processes };
}

/**
 * Section (b): the MuPDF.js peer pipeline, warmed up on one cable, then timed on all of them in one
 * process. If that process fails (MuPDF.js's WebAssembly heap is capped near 2 GB and the peer frees
 * nothing), the failure is recorded and the run is repeated in processes of 500 cables.
 */
export async function runPeer(files: readonly string[]): Promise<PeerFigures> {
  if (!pathExists(PEER_SCRIPT)) return { available: false, reason: `${PEER_SCRIPT} not found` };
  const scratch = await scratchFolder('declass-bench-peer-');
  const out = scratch.dir;
  try {
    // Warm-up: installs mupdf into /tmp/declass-peer the first time; not part of the figures.
    const warm = await run('bash', [PEER_SCRIPT, path.join(out, 'warm-up'), files[0]!], { timeoutMs: 600_000 });
    if (warm.code !== 0) return { available: false, reason: failureReason(warm.stderr, warm.code) };
    let r = await peerBatches(files, path.join(out, 'one'), Infinity);
    let singleProcessFailure: string | undefined;
    if (!r.ok) {
      const written = await listNames(path.join(out, 'one'));
      const rss = r.peakKb === null ? '' : `, peak RSS ${round(r.peakKb / 1024)} MB`;
      singleProcessFailure = `${r.reason} after ${written.length} of ${files.length} cables${rss}`;
      await removeTree(path.join(out, 'one'));
      process.stderr.write(`  (b) peer failed in one process (${singleProcessFailure}); retrying in processes of ${PEER_CHUNK}\n`);
      r = await peerBatches(files, path.join(out, 'chunked'), PEER_CHUNK);
      if (!r.ok) return { available: false, reason: `${r.reason}; in one process: ${singleProcessFailure}` };
    }
    let inputBytes = 0;
    for (const f of files) inputBytes += await fileSize(f);
    return {
      available: true,
      docs: r.docs,
      pages: r.pages,
      inputBytes,
      seconds: round(r.seconds, 3),
      wallSeconds: round(r.wallSeconds, 3),
      setupSeconds: round(warm.seconds, 1),
      docsPerSecond: round(r.docs / r.seconds),
      pagesPerSecond: round(r.pages / r.seconds),
      mbPerSecond: round(inputBytes / 1e6 / r.seconds, 3),
      peakRssMb: r.peakKb === null ? null : round(r.peakKb / 1024),
      processes: r.processes,
      ...(singleProcessFailure ? { singleProcessFailure } : {}),
    };
  } catch (error) {
    return { available: false, reason: (error as Error).message };
  } finally {
    await scratch.done();
  }
}

interface Options {
  quick: boolean;
  peer: boolean;
  corpus: string;
  limit: number | undefined;
  scale: number;
  scaleAll: number;
  section: 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      peer: { type: 'boolean' },
      'no-peer': { type: 'boolean', default: false },
      corpus: { type: 'string' },
      limit: { type: 'string' },
      scale: { type: 'string' },
      'scale-all': { type: 'string' },
      section: { type: 'string' },
    },
    strict: true,
  });
  const int = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} expects a positive whole number, got "${v}"`);
    return n;
  };
  const section = values.section;
  if (section !== undefined && !['a', 'b', 'c', 'd', 'e', 'f'].includes(section)) throw new Error(`--section expects a, b, c, d, e or f, got "${section}"`);
  const quick = values.quick ?? false;
  return {
    quick,
    peer: values['no-peer'] ? false : (values.peer ?? !quick),
    corpus: path.resolve(values.corpus ?? DEFAULT_CORPUS),
    limit: int('limit', values.limit) ?? (quick ? 200 : DEFAULT_LIMIT),
    scale: int('scale', values.scale) ?? (quick ? 2_000 : 20_000),
    scaleAll: int('scale-all', values['scale-all']) ?? (quick ? 1_000 : 5_000),
    section: section as Options['section'],
  };
}

const progress = (label: string) => (done: number, total: number) => process.stderr.write(`  ${label}: ${done}/${total}\n`);

/** Figures of section (e): what a user waits for at the command line, in milliseconds (medians). */
export interface StartupFigures {
  readonly section: 'e';
  readonly versionMs: number;
  readonly helpMs: number;
  /** `declass release samples` (all outputs), process start to exit. */
  readonly batchMs: number;
  readonly batchDocs: number;
  readonly batchFailed: boolean;
}

const median = (xs: readonly number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

/** Section (e): `declass --version`, `--help` (7 runs each) and `declass release samples` (5 runs), wall time. */
export async function runStartup(): Promise<StartupFigures> {
  const timed = async (args: (i: number) => readonly string[], times: number): Promise<{ ms: number; ok: boolean }> => {
    const ms: number[] = [];
    let ok = true;
    for (let i = 0; i < times; i++) {
      const r = await run(process.execPath, [BIN, ...args(i)]);
      ok &&= r.code === 0;
      ms.push(r.seconds * 1000);
    }
    return { ms: round(median(ms), 0), ok };
  };
  const version = await timed(() => ['--version'], 7);
  const help = await timed(() => ['--help'], 7);
  const { files } = await collectInputs([SAMPLES]);
  const scratch = await scratchFolder('declass-bench-e-');
  const out = scratch.dir;
  try {
    // A new folder each run, as a user's first release: replacing the last run's outputs would delete them first (./scratch.ts).
    const batch = await timed((i) => ['release', SAMPLES, '--profile', PROFILE, '--as-of', AS_OF, '--out', path.join(out, `out${i}`), '--force', '--quiet'], 5);
    return { section: 'e', versionMs: version.ms, helpMs: help.ms, batchMs: batch.ms, batchDocs: files.length, batchFailed: !batch.ok || !version.ok || !help.ok };
  } finally {
    await scratch.done();
  }
}

/** Runs one section in this process and prints its figures as one JSON line. */
async function runSection(opts: Options): Promise<void> {
  if (opts.section === 'e') {
    process.stdout.write(`${JSON.stringify(await runStartup())}
`);
    return;
  }
  const files = await listCables(opts.corpus, opts.limit);
  let figures: PipelineFigures | PeerFigures;
  switch (opts.section) {
    case 'a':
      figures = await runPipeline({ section: 'a', files, formats: ALL_FORMATS, progress: progress('(a) all outputs') });
      break;
    case 'b':
      figures = await runPeer(files);
      break;
    case 'c':
      figures = await runPipeline({ section: 'c', files, formats: TEXT_FORMATS, progress: progress('(c) text only') });
      break;
    case 'f':
      figures = await runPipeline({ section: 'f', files, formats: ALL_FORMATS, total: opts.scaleAll, progress: progress('(f) scaling, all outputs') });
      break;
    default:
      figures = await runPipeline({ section: 'd', files, formats: TEXT_FORMATS, total: opts.scale, progress: progress('(d) scaling') });
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** The goals of issue 18, each as a line: met or NOT met, and the figure reached. */
export function goalLines(a: PipelineFigures, b: PeerFigures, c: PipelineFigures, d: PipelineFigures, e: StartupFigures, p: { allOutputsSeconds: number }): string[] {
  const mark = (ok: boolean) => (ok ? 'met    ' : 'NOT met');
  const out: string[] = [];
  if (b.available) {
    const ra = a.docsPerSecond / b.docsPerSecond;
    out.push(`  ${mark(ra >= 10)} all outputs >= 10x the peer's docs/s (peer in ${b.processes} process(es)): ${round(ra, 2)}x`);
  } else out.push('  n/a     all outputs >= 10x the peer: no peer figures');
  out.push(`  ${mark(c.docsPerSecond >= 600)} text and diff >= 600 docs/s: ${c.docsPerSecond} docs/s${b.available ? ` (${round(c.docsPerSecond / b.docsPerSecond, 2)}x the peer)` : ''}`);
  out.push(`  ${mark(e.versionMs < 150 && e.helpMs < 150)} declass --version and --help < 150 ms: ${e.versionMs} ms and ${e.helpMs} ms`);
  out.push(`  ${mark(e.batchMs < 1000 && !e.batchFailed)} declass release samples (${e.batchDocs} documents, all outputs) < 1 s: ${round(e.batchMs / 1000, 2)} s${e.batchFailed ? ' (a run failed)' : ''}`);
  out.push(`  ${mark(d.peakRssMb < 300)} peak RSS < 300 MB at ${d.docs + d.failed} documents: ${d.peakRssMb} MB`);
  out.push(`  ${mark(p.allOutputsSeconds < 900)} ${PROJECT_CABLES.toLocaleString('en-US')} cables projected < 15 min (all outputs, from (f)): ${hours(p.allOutputsSeconds)}`);
  return out;
}

/** Spawns `node run.js --section X` and returns the JSON line it prints. */
async function sectionInChild<T>(section: string, opts: Options): Promise<T> {
  const args = [fileURLToPath(import.meta.url), '--section', section, '--corpus', opts.corpus, '--scale', String(opts.scale), '--scale-all', String(opts.scaleAll)];
  if (opts.limit !== undefined) args.push('--limit', String(opts.limit));
  const r = await run(process.execPath, args, { inheritStderr: true });
  if (r.code !== 0) throw new Error(`section ${section} exited with ${r.code}`);
  return JSON.parse(lastLine(r.stdout)) as T;
}

const hours = (seconds: number): string => (seconds >= 3600 ? `${round(seconds / 3600, 2)} h` : `${round(seconds / 60, 1)} min`);

/**
 * What creating a small file costs on the outputs' disk now (ms, see timeFileCreation): the
 * figures of a run depend on it as much as on the load, and it changes from hour to hour here.
 */
async function fileCreationMs(): Promise<number> {
  const scratch = await scratchFolder('declass-bench-probe-');
  try {
    return round(timeFileCreation(scratch.dir), 3);
  } finally {
    await scratch.done();
  }
}

async function orchestrate(opts: Options): Promise<void> {
  const files = await listCables(opts.corpus, opts.limit);
  let inputBytes = 0;
  for (const f of files) inputBytes += await fileSize(f);
  const loadBefore = os.loadavg().map((x) => round(x, 2));
  const cpus = os.cpus().length;
  process.stderr.write(`declass bench: ${files.length} cables (${round(inputBytes / 1e6)} MB) from ${opts.corpus}; ${cpus} CPUs, load ${loadBefore.join(' ')}\n`);

  const fileCreationBefore = await fileCreationMs();
  const a = await sectionInChild<PipelineFigures>('a', opts);
  let b: PeerFigures;
  if (opts.peer) {
    process.stderr.write('  (b) peer mupdf.js: running\n');
    b = await runPeer(files);
  } else b = { available: false, reason: 'skipped with --quick; add --peer to run it' };
  const c = await sectionInChild<PipelineFigures>('c', opts);
  const d = await sectionInChild<PipelineFigures>('d', opts);
  const f = await sectionInChild<PipelineFigures>('f', opts);
  process.stderr.write('  (e) start-up and a small batch: running\n');
  const e = await sectionInChild<StartupFigures>('e', opts);
  const loadAfter = os.loadavg().map((x) => round(x, 2));
  const fileCreation = { before: fileCreationBefore, after: await fileCreationMs() };

  const projection = {
    cables: PROJECT_CABLES,
    textOnlySeconds: Math.round(PROJECT_CABLES / d.docsPerSecond),
    allOutputsSeconds: Math.round(PROJECT_CABLES / f.docsPerSecond),
  };
  const ratios = b.available
    ? { allOutputsOverPeer: round(a.docsPerSecond / b.docsPerSecond, 2), textOnlyOverPeer: round(c.docsPerSecond / b.docsPerSecond, 2) }
    : null;

  const rows: string[][] = [['section', 'docs', 'failed', 'seconds', 'docs/s', 'pages/s', 'MB/s', 'peak RSS MB']];
  const row = (name: string, f: PipelineFigures) => [name, String(f.docs), String(f.failed), f.seconds.toFixed(1), f.docsPerSecond.toFixed(1), f.pages ? f.pagesPerSecond.toFixed(1) : '-', f.mbPerSecond.toFixed(2), f.peakRssMb.toFixed(0)];
  rows.push(row('(a) all outputs: text,pdf,review,diff', a));
  if (b.available) {
    rows.push(['(b) peer mupdf.js: 1 redacted PDF', String(b.docs), '-', b.seconds.toFixed(1), b.docsPerSecond.toFixed(1), b.pagesPerSecond.toFixed(1), b.mbPerSecond.toFixed(2), b.peakRssMb === null ? 'n/a' : b.peakRssMb.toFixed(0)]);
  }
  rows.push(row('(c) text only: text,diff', c));
  rows.push(row(`(d) scaling, text only, ${d.docs + d.failed} docs`, d));
  rows.push(row(`(f) scaling, all outputs, ${f.docs + f.failed} docs`, f));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');

  const lines = [
    '',
    `declass bench — ${files.length} cables, ${round(inputBytes / 1e6)} MB, profile ${PROFILE}, as of ${AS_OF}`,
    `${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus} CPUs, load ${loadBefore.join(' ')} → ${loadAfter.join(' ')}; each section in its own process, threads as --jobs defaults (a: ${a.threads}, c: ${c.threads}, d: ${d.threads}, f: ${f.threads}); outputs written under ${os.tmpdir()}`,
    '',
    fmt(rows[0]!),
    fmt(rows[0]!.map((_, i) => '-'.repeat(widths[i]!))),
    ...rows.slice(1).map(fmt),
    '',
    ...(b.available ? [] : [`peer: unavailable (${b.reason})`]),
    ...(b.available
      ? [
          `peer: ${b.pages} pages in ${b.processes} process(es); ${b.wallSeconds.toFixed(1)} s wall including node start; warm-up ${b.setupSeconds} s not counted`,
          ...(b.singleProcessFailure ? [`peer: in one process it failed: ${b.singleProcessFailure}; figures are from processes of ${PEER_CHUNK} cables`] : []),
        ]
      : []),
    `creating a file on the outputs' disk (open, write 4 KB, close, rename): ${fileCreation.before} ms before the sections, ${fileCreation.after} ms after; (a) and (f) create 5 files a document, (c) and (d) 3`,
    `(a) pages: ${a.pages} (release + review PDFs)`,
    `Vaughn index written at the end of each batch, included in its seconds: ${([['a', a], ['c', c], ['d', d], ['f', f]] as const).map(([k, f]) => (f.index ? `(${k}) ${f.index.rows} rows, ${f.index.files} file(s), ${f.index.seconds.toFixed(1)} s` : `(${k}) none`)).join('; ')}`,
    `cross-document search after the batch, as release does (up to ${DEFAULT_CROSS_CHECK_LIMIT} documents), included in its seconds: ${([['a', a], ['c', c], ['d', d], ['f', f]] as const).map(([k, f]) => `(${k}) ${f.crossSeconds === null ? 'not run' : `${f.crossSeconds.toFixed(2)} s`}`).join('; ')}`,
    `(d) peak RSS after the first pass of ${files.length}: ${d.peakRssMbAfterFirstPass ?? '-'} MB; at the end: ${d.peakRssMb} MB`,
    `(e) declass --version ${e.versionMs} ms, --help ${e.helpMs} ms, release samples (${e.batchDocs} documents, all outputs) ${e.batchMs} ms: wall, process start included, medians`,
    `projected for ${PROJECT_CABLES.toLocaleString('en-US')} cables: text only ${hours(projection.textOnlySeconds)} at (d)'s ${d.docsPerSecond} docs/s; all outputs ${hours(projection.allOutputsSeconds)} at (f)'s ${f.docsPerSecond} docs/s (${f.threads} worker thread(s); at (a)'s ${a.docsPerSecond} docs/s, a cold start of 600, it would be ${hours(Math.round(PROJECT_CABLES / a.docsPerSecond))})`,
    ratios
      ? `ratios to the peer (docs/s): (a) all outputs ${ratios.allOutputsOverPeer}×, (c) text only ${ratios.textOnlyOverPeer}×`
      : 'ratios to the peer: n/a (no peer figures)',
    'goals (issue 18):',
    ...goalLines(a, b, c, d, e, projection),
    '',
  ];
  process.stdout.write(lines.join('\n'));
  const summary = {
    bench: 'declass',
    node: process.version,
    cpus,
    loadavg: { before: loadBefore, after: loadAfter },
    fileCreationMs: fileCreation,
    corpus: opts.corpus,
    cables: files.length,
    inputBytes,
    profile: PROFILE,
    asOf: AS_OF,
    quick: opts.quick,
    a,
    b,
    c,
    d,
    e,
    f,
    projection,
    ratios,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // The PDF section (./pdf.ts) runs after the cable sections; --pdf-only runs it alone, --no-pdf leaves it out.
  // Every section's outputs stay until the end (./scratch.ts: deleting them slowed the next section).
  if (argv.includes('--pdf-only')) return withBenchOutputs(() => runPdfBench(argv));
  const opts = parseOptions(withoutPdfArgs(argv));
  if (opts.section) await runSection(opts);
  else {
    await withBenchOutputs(async () => {
      await orchestrate(opts);
      if (!argv.includes('--no-pdf')) await runPdfBench(argv);
    });
  }
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
