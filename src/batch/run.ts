/**
 * A release batch: every file through the job pool with a few jobs in flight, results reported in
 * input order, figures summed as they come (nothing per document is kept except, when the
 * cross-document check is on, its shingle digest), the manifest written at the end. Library
 * code: the CLI only prints what the callbacks give it.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WithheldIndex } from '../audit/cross.js';
import { parseRecord } from '../audit/verify.js';
import { sha256Hex } from '../hash.js';
import type { Profile } from '../rules/load.js';
import type { OverrideSet } from '../rules/overrides.js';
import { readBytes } from '../node/read.js';
import { assertNoForeignFiles, discardRelease, holdsNoOutputs, prepareOutputFolder, removeEmptyFolders } from '../node/release-folder.js';
import { listNames } from '../node/walk.js';
import { firstCopies } from '../node/same-content.js';
import { removeStaleTemporaries, writeFileAtomic } from '../node/write.js';
import type { InputFormat } from '../parse/read.js';
import { FORMATS, INDEX_STEM, isRenamedStem, MANIFEST_PATH, outputPath, renamedInputNote, REVIEW_DIR, safeStem, stemOfReleaseFile, SUBFOLDERS, type Format, type PageSize, type ReleaseSettings } from '../release/folder.js';
import { UsageError } from '../errors.js';
import { describeValue, nameListProblem, oneOfProblem, requireAsOf, requireValid, wholeNumberProblem } from '../options.js';
import { PAGE_SIZES } from '../release/check-request.js';
import { MAX_JOBS } from './defaults.js';
import { docNumbersOfBatch, inputsToReleaseAgain, type RenumberedDocument } from './doc-numbers.js';
import { removeVaughnIndex, writeVaughnIndex } from './vaughn.js';
import { assertOneRelease, assertOverridesApply, type OverrideCheckInputs } from './folder-check.js';
import { buildManifest, serializeManifest } from '../release/manifest.js';
import { createExecutor, type Executor } from './executor.js';
import type { JobResult, ReleaseJob } from './job.js';
import type { IndexEntry } from '../vaughn/build.js';
import type { CrossLeak } from '../audit/against.js';
import type { Hold } from '../release/folder.js';
import { holdReleases, type HeldDocument } from './hold.js';

/**
 * Batches of at most this many documents keep each document's Vaughn index rows from when it was
 * released (about 4 KB a cable), so that writing the index reads no record or release text back
 * (0.2-0.5 ms a document); larger batches read them back, to keep their memory flat.
 */
export const INDEX_ROWS_HELD_MAX = 2000;

export interface BatchOptions {
  readonly files: readonly string[];
  readonly out: string;
  /** The loaded profile (already validated) and how it was named, for the workers. */
  readonly profile: Profile;
  readonly profileRef: string;
  readonly overrides: OverrideSet | null;
  readonly overridesFile: string | null;
  readonly asOf: string;
  readonly formats: readonly Format[];
  readonly pageSize: PageSize;
  readonly force: boolean;
  /** PDF inputs: rasterise a page the rewriter cannot handle with certainty instead of failing the document. */
  readonly rasterizeUnsure?: boolean;
  /** Documents released in parallel, 1 to {@link MAX_JOBS}; no more threads than documents are started. */
  readonly jobs: number;
  readonly maxInputBytes: number;
  /** Reader for the inputs (`auto`: picked from each file's content); default `auto`. */
  readonly inputFormat?: InputFormat;
  /** Keep shingle digests for the cross-document check (memory grows with the batch). */
  readonly crossCheck: boolean;
  /** Working folder: input paths inside it are recorded relative to it. */
  readonly cwd: string;
  /** Output stem of each file (default: safeStem of its name); the bench replays files under new stems. */
  readonly stemOf?: (file: string, index: number) => string;
  /** Aborting stops scheduling; documents in progress are finished, so no partial file remains. */
  readonly signal?: AbortSignal;
  /** The bytes of the document named `-` in `files` (read from standard input); recorded with the path `-`. */
  readonly stdin?: Uint8Array;
  /**
   * Discard the release already in `out` (whatever its settings) before writing: only files the
   * folder contract names as declass outputs are removed (see node/release-folder.ts
   * `discardRelease`). Without it, a folder released with another profile, as-of date or
   * overrides file is refused (exit 73).
   */
  readonly replace?: boolean;
  /**
   * The FOIA case (`--case`) and the first document number (`--doc-start`, default 1): every
   * release page and text gets State's footer, every document a number (sorted by reference).
   */
  readonly case?: { readonly number: string; readonly docStart?: number } | null;
  /** Write the Vaughn index of the folder after the batch (`release/index.*`; default true; never for a folder without any document). */
  readonly index?: boolean;
  /**
   * The cross-document check, run when `crossCheck` is on after the documents and before the
   * manifest (the CLI's adds `--against` folders): its leaks are returned, and those of documents
   * in release/ are held ({@link holdReleases}) unless `crossLeak` is `warn`.
   */
  readonly findCrossLeaks?: (cross: NonNullable<BatchResult['cross']>) => Promise<CrossLeak[]>;
  /** `hold` (default): a release showing text another document withholds goes to pending/; `warn`: it stays in release/ (audit fails the folder). */
  readonly crossLeak?: 'hold' | 'warn';
}

/** What a batch tells its caller as it goes. */
export interface BatchEvents {
  /** Once per file, in input order (files given, then documents of the folder released again). */
  onOutcome?(o: DocumentOutcome): void;
  onProgress?(done: number, total: number): void;
  /** Before anything is written: documents of the folder the case renumbers, to be released again; `total` counts them with the files given. */
  onRenumbered?(docs: readonly RenumberedDocument[], total: number): void;
}

/** One document's outcome, as reported to the caller in input order. */
export interface DocumentOutcome {
  readonly file: string;
  readonly stem: string;
  readonly result: JobResult;
}

export interface BatchSummary {
  readonly profile: string;
  /** Documents already in the folder that the batch renumbered (`--case`), released again after the files given. */
  readonly renumbered: readonly RenumberedDocument[];
  readonly asOf: string;
  readonly out: string;
  /** Documents given, and how each ended. `documents` counts released and skipped ones. */
  readonly total: number;
  readonly documents: number;
  readonly skipped: number;
  /** Copies (same bytes) of an earlier input whose outputs would have taken its name: not released again, not in `documents`. */
  readonly copies: number;
  readonly failed: number;
  readonly notStarted: number;
  readonly released: number;
  readonly withheld: number;
  readonly declassified: number;
  readonly redactions: number;
  readonly withheldByAuthority: Record<string, number>;
  /** Documents pending review (written to pending/, not release/), and their pending portions by why. */
  readonly pending: number;
  readonly pendingByReason: Record<string, number>;
  /** Documents of the batch whose final release is held in pending/ for a cross-document leak (this run's holds and earlier runs'). */
  readonly held: number;
  /** Characters the PDF font could not show, replaced by `?` (distinct characters per document, summed). */
  readonly charsReplaced: number;
  /** Documents whose PDFs have such replacements. */
  readonly documentsWithCharsReplaced: number;
  readonly inputBytes: number;
  readonly outputBytes: number;
  readonly outputFiles: number;
  readonly pages: number;
  readonly seconds: number;
  readonly threads: number;
  readonly interrupted: boolean;
  /** The manifest written, or null when the batch wrote nothing into a folder that held nothing (no document released, pending or up to date): nothing is left there then. */
  readonly manifest: { readonly path: string; readonly records: number; readonly head: string } | null;
  /** The Vaughn index written (its files and rows), or null with `index: false` or when the folder holds no document (every one failed). */
  readonly index: { readonly files: readonly string[]; readonly rows: number; readonly notices: readonly string[]; /** Of `seconds`, those the index took. */ readonly seconds: number } | null;
}

export interface BatchResult {
  readonly summary: BatchSummary;
  /** What the cross-document check found ({@link BatchOptions.findCrossLeaks}); empty when it did not run. */
  readonly crossLeaks: readonly CrossLeak[];
  /** Documents of the batch held in pending/ for those leaks (`kept`: held by an earlier run). */
  readonly held: readonly HeldDocument[];
  /** The batch's withheld-text index and released runs, when the cross-document check was on. */
  readonly cross: { readonly index: WithheldIndex; readonly released: readonly { readonly stem: string; readonly file: string; readonly runs: Float64Array }[] } | null;
}

/** The input path as recorded in audits: relative to the working folder when inside it; `-` for standard input. */
export function recordedPath(file: string, cwd: string): string {
  if (file === '-') return file;
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(cwd, file) : rel.split(path.sep).join('/');
}

/**
 * Throws a {@link UsageError} naming the first option of a batch that is not valid, with the
 * command line's checks (../options.ts): before anything is read, written or discarded.
 */
function checkBatchOptions(opts: BatchOptions): void {
  requireValid('files', Array.isArray(opts.files) && opts.files.every((f) => typeof f === 'string' && f !== '') ? null : `expected a list of paths, got ${describeValue(opts.files)}`);
  requireValid('out', typeof opts.out === 'string' && opts.out !== '' ? null : `expected the output folder's path, got ${describeValue(opts.out)}`);
  requireValid('profile', typeof opts.profile === 'object' && opts.profile !== null && Array.isArray(opts.profile.rules) ? null : `expected a profile (resolveProfile() or loadProfile()), got ${describeValue(opts.profile)}`);
  requireAsOf(opts.asOf);
  requireValid('formats', nameListProblem(opts.formats, FORMATS, 'format'));
  requireValid('pageSize', oneOfProblem(opts.pageSize, PAGE_SIZES));
  requireValid('jobs', wholeNumberProblem(opts.jobs, 1, MAX_JOBS));
  requireValid('maxInputBytes', wholeNumberProblem(opts.maxInputBytes, 1));
}

/**
 * Releases every file. `onOutcome` is called once per file in input order; `onProgress` after
 * each (done, total). Never throws for a document: failures are outcomes.
 */
export async function runReleaseBatch(
  given: BatchOptions,
  events: BatchEvents = {},
): Promise<BatchResult> {
  const started = performance.now();
  checkBatchOptions(given);
  const givenStemOf = given.stemOf ?? ((file: string) => safeStem(file));
  // Documents added after the files given (those of the folder the case renumbers) are named as their input is.
  const stemOf = (file: string, i: number): string => (i < given.files.length ? givenStemOf(file, i) : safeStem(file));
  // The pool's threads start now and load their modules while this thread checks the folder and
  // the inputs (a case may add documents to release again: its pool waits for their number).
  const starting = given.case ? null : createExecutor(given.jobs, given.files.length);
  // Handled where it is awaited; until then a failure must not count as unhandled.
  starting?.catch(() => {});
  let prepared: Prepared;
  try {
    prepared = await prepareBatch(given, events, stemOf);
  } catch (error) {
    await (await starting?.catch(() => null))?.close();
    throw error;
  }
  const { opts, docNumbers, renumbered, fresh, created } = prepared;
  const executor = await (starting ?? createExecutor(opts.jobs, opts.files.length));
  const total = opts.files.length;
  const tally = new BatchTally(opts);
  let done = 0;
  // Outputs named after the input's content (a name that repeated withheld words) are one for
  // copies of one file under several names: said, not silently folded into one release.
  const byOutputStem = new Map<string, string>();
  const inOrder = new InputOrder((i, given) => {
    const file = opts.files[i]!;
    const stem = stemOf(file, i);
    let r = given;
    if (r.status !== 'failed' && r.status !== 'copy') {
      const first = byOutputStem.get(r.stem);
      if (first === undefined) byOutputStem.set(r.stem, file);
      else r = { ...r, warnings: [...r.warnings, `the same content as ${first}: released once, as ${r.stem} [same-content]`] };
      // A name that is not a safe output name is changed, never silently (a renamed `doc-…` says so itself).
      const renamed = r.stem === stem ? renamedInputNote(file, stem) : null;
      if (renamed) r = { ...r, warnings: [renamed, ...r.warnings] };
    }
    tally.add(r, stem);
    events.onOutcome?.({ file, stem, result: r });
    events.onProgress?.(++done, total);
  });
  let scheduled = 0;
  try {
    scheduled = await schedule({ ...opts, fresh }, executor, stemOf, inOrder, docNumbers);
  } finally {
    await executor.close();
    // A worker that died mid-write leaves its temporaries; nothing else can be writing now.
    await Promise.all(SUBFOLDERS.map((d) => removeStaleTemporaries(path.join(opts.out, d))));
  }
  return endBatch(opts, tally, { total, scheduled, started, threads: executor.threads, renumbered, fresh, created });
}

/** What the checks and preparations before a batch's documents give. */
interface Prepared {
  readonly opts: BatchOptions;
  readonly docNumbers: ReadonlyMap<string, string> | null;
  readonly renumbered: readonly RenumberedDocument[];
  readonly fresh: boolean;
  readonly created: readonly string[];
}

/** The refusals before a batch (nothing written when one applies), its case's numbers, and its output folder made ready. */
async function prepareBatch(given: BatchOptions, events: BatchEvents, stemOf: (file: string, i: number) => string): Promise<Prepared> {
  let opts = given;
  // Refusals first, so that nothing is written (or discarded) when one applies.
  if (!opts.replace) {
    await assertOneRelease(opts.out, runSettings(opts));
    // Outputs of this run's documents may be there unrecorded (an interrupted run): it records them
    // now. The Vaughn index is the run's own too (rewritten, or removed when no record is left).
    const own = new Set([...opts.files.map((f, i) => stemOf(f, i)), INDEX_STEM]);
    await assertNoForeignFiles(opts.out, (rel) => own.has(stemOfReleaseFile(rel)) || isRenamedStem(stemOfReleaseFile(rel)));
  }
  // The inputs as the checks before the run read them (the folder's records too, unless it is to be discarded).
  const inputs: OverrideCheckInputs = {
    files: opts.files,
    stemOf,
    maxInputBytes: opts.maxInputBytes,
    inputFormat: opts.inputFormat ?? 'auto',
    ...(opts.stdin ? { stdin: opts.stdin } : {}),
    out: opts.replace ? null : opts.out,
  };
  if (opts.overrides) {
    // An authority neither an exemption nor the profile's own label is refused before anything is read.
    const unknown = (await import('../rules/overrides.js')).unknownAuthorityError(opts.overrides, opts.profile);
    if (unknown) throw unknown;
    await assertOverridesApply(opts.overrides, inputs);
  }
  const numbering = opts.case ? await docNumbersOfBatch({ ...inputs, start: opts.case.docStart ?? 1 }) : null;
  const docNumbers = numbering?.numbers ?? null;
  const renumbered = numbering?.renumbered ?? [];
  if (renumbered.length > 0) {
    // Released again after the files given, or two documents of the case would carry one number.
    opts = { ...opts, files: [...opts.files, ...(await inputsToReleaseAgain(renumbered, opts.cwd, opts.out))] };
    events.onRenumbered?.(renumbered, opts.files.length);
  }
  if (opts.replace) await discardRelease(opts.out);
  const fresh = await holdsNoOutputs(opts.out);
  const created = await prepareOutputFolder(opts.out);
  await Promise.all(SUBFOLDERS.map((d) => removeStaleTemporaries(path.join(opts.out, d))));
  return { opts, docNumbers, renumbered, fresh, created };
}

/** The end of a batch whose documents are done: its manifest and Vaughn index, and its result. */
async function endBatch(
  opts: BatchOptions,
  tally: BatchTally,
  end: { total: number; scheduled: number; started: number; threads: number; renumbered: readonly RenumberedDocument[]; fresh: boolean; created: readonly string[] },
): Promise<BatchResult> {
  const { total, scheduled, started, threads, renumbered, fresh, created } = end;
  // A batch that wrote no document into a folder that held none (every one failed, or none was
  // started) leaves nothing: no manifest of no records, and the folders it made go again.
  if (fresh && tally.totals.documents === 0) {
    await removeEmptyFolders(created);
    return { summary: summaryOf(opts, tally, { total, scheduled, started, threads, manifest: null, index: null, renumbered }), cross: crossOf(tally), crossLeaks: [], held: [] };
  }
  // Before the manifest: an interrupted run leaves no manifest naming a release a hold moves.
  const cross = crossOf(tally);
  const crossLeaks = cross && opts.findCrossLeaks ? await opts.findCrossLeaks(cross) : [];
  const held = opts.crossLeak === 'warn' ? [] : await holdReleases(opts.out, crossLeaks);
  for (const h of held) {
    tally.auditShas.set(h.stem, h.auditSha256);
    tally.holds.set(h.stem, h.hold);
    // Its index rows, made while it was released, say released in part: built again from the held record.
    tally.indexEntries.delete(h.stem);
  }
  const manifest = await writeManifest(opts, tally.auditShas, tally.holds);
  let index: BatchSummary['index'] = null;
  // A folder without any document released or pending (every one failed, none from an earlier
  // run) gets no index rather than an empty one; an old index goes too.
  if (opts.index === false || manifest.records === 0) await removeVaughnIndex(opts.out);
  else {
    const indexStarted = performance.now();
    const written = await writeVaughnIndex(opts.out, { case: opts.case?.number ?? null, pdf: indexHasPdf(opts.formats), known: tally.indexEntries });
    index = { files: written.files, rows: written.rows, notices: written.notices, seconds: Math.round(performance.now() - indexStarted) / 1000 };
  }
  return {
    summary: summaryOf(opts, tally, { total, scheduled, started, threads, manifest: { path: MANIFEST_PATH, ...manifest }, index, renumbered }),
    cross,
    crossLeaks,
    held,
  };
}

/**
 * Whether a release in these formats gets a PDF index: only beside PDFs. Without one, the index
 * is CSV and JSON only, and the jobs return their rows rendered for those (../vaughn/rendered.ts).
 */
const indexHasPdf = (formats: readonly Format[]): boolean => formats.includes('pdf') || formats.includes('review');

/** What the cross-document check needs of the batch, when it is on. */
const crossOf = (tally: BatchTally): BatchResult['cross'] => (tally.index ? { index: tally.index, released: tally.releasedRuns } : null);

/** The summary of a batch from its tally and what was written at its end. */
function summaryOf(
  opts: BatchOptions,
  tally: BatchTally,
  end: { total: number; scheduled: number; started: number; threads: number; manifest: BatchSummary['manifest']; index: BatchSummary['index']; renumbered: readonly RenumberedDocument[] },
): BatchSummary {
  return {
    profile: opts.profile.id,
    renumbered: end.renumbered,
    asOf: opts.asOf,
    out: opts.out,
    total: end.total,
    ...tally.totals,
    notStarted: end.total - end.scheduled,
    withheldByAuthority: Object.fromEntries([...tally.byAuthority].sort()),
    pending: tally.pendingDocuments,
    held: tally.holds.size,
    pendingByReason: Object.fromEntries([...tally.pendingByReason].sort()),
    seconds: Math.round(performance.now() - end.started) / 1000,
    threads: end.threads,
    interrupted: opts.signal?.aborted ?? false,
    manifest: end.manifest,
    index: end.index,
  };
}

/**
 * Runs the jobs with a few in flight in a pool (enough to keep every thread busy, few enough that results
 * waiting to be reported stay few), until done or aborted. A file whose stem another file already
 * took fails without running. Returns how many files were scheduled.
 */
async function schedule(
  opts: BatchOptions & { readonly fresh: boolean },
  executor: Executor,
  stemOf: (file: string, index: number) => string,
  inOrder: InputOrder,
  docNumbers: ReadonlyMap<string, string> | null,
): Promise<number> {
  // In this thread, one job computing at a time: CPU-bound jobs gain nothing from interleaving, and
  // a PDF in flight holds its parsed file and page interpretations (4 in flight: 394 MB peak over
  // 100 corpus PDFs, 1: 297 MB and 15% less CPU); a few more may be waiting for their files to be
  // written on the writer thread.
  const window = executor.threads === 1 ? 4 : Math.max(4, executor.threads * 6);
  const computeWindow = executor.threads === 1 ? 1 : window;
  const inFlight = new Set<Promise<void>>();
  const stemOwner = new Map<string, number>();
  // Copies of an earlier input wait for its result, so that the first in input order is the one released.
  const copies = await firstCopies(opts.files, opts.cwd);
  const firstOfCopies = new Set(copies.values());
  const groupResults = new Map<number, { index: number; stem: Promise<string | null> }[]>();
  let computing = 0;
  let wake: (() => void) | null = null;
  const slotFreed = (): void => {
    wake?.();
    wake = null;
  };
  let scheduled = 0;
  for (let i = 0; i < opts.files.length; i++) {
    while (computing >= computeWindow || inFlight.size >= window) await new Promise<void>((r) => (wake = r));
    if (opts.signal?.aborted) break;
    const file = opts.files[i]!;
    const stem = stemOf(file, i);
    const owner = stemOwner.get(stem);
    scheduled++;
    if (owner !== undefined || stem === INDEX_STEM) {
      const message = owner !== undefined ? `output name ${stem} is already taken by ${opts.files[owner]}; skipped: rename one of the two files to release both` : `output name ${stem} is reserved for the Vaughn index (release/${INDEX_STEM}.*); rename the file`;
      inOrder.put(i, { index: i, status: 'failed', message });
      continue;
    }
    stemOwner.set(stem, i);
    const docNumber = docNumbers?.get(stem);
    const group = copies.get(i) ?? (firstOfCopies.has(i) ? i : undefined);
    // A copy waits for the earlier copies' results in its own slot, not here: awaited in this loop,
    // every document after it waited too.
    const job = withCopyOf(jobFor(opts, i, file, stem), groupResults.get(group ?? -1) ?? [], opts);
    let computed = false;
    const onComputed = (): void => {
      if (computed) return;
      computed = true;
      computing--;
      slotFreed();
    };
    computing++;
    const result: Promise<JobResult> = job
      .then((j) => executor.run(opts.case && docNumber ? { ...j, case: { number: opts.case.number, docNumber } } : j, onComputed))
      .catch((error: unknown) => ({ index: i, status: 'failed' as const, message: `internal error: ${error instanceof Error ? error.message : String(error)}` }));
    // A copy group may run through the whole batch: it keeps only what a later copy needs, the stem a
    // result's outputs took (holding the results held every copy's index rows to the batch's end).
    if (group !== undefined) groupResults.set(group, [...(groupResults.get(group) ?? []), { index: i, stem: result.then(stemTaken) }]);
    const p: Promise<void> = result
      .then((r) => inOrder.put(i, r))
      .finally(() => {
        inFlight.delete(p);
        onComputed();
        slotFreed();
      });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  return scheduled;
}

/**
 * The job of a copy of earlier inputs: once their results are in, the stems their outputs took, so
 * that the copy writes nothing over them (see ReleaseJob.copyOf).
 */
async function withCopyOf(job: ReleaseJob, earlier: readonly { index: number; stem: Promise<string | null> }[], opts: BatchOptions): Promise<ReleaseJob> {
  if (earlier.length === 0) return job;
  const copyOf: { stem: string; path: string }[] = [];
  for (const e of earlier) {
    const stem = await e.stem;
    if (stem !== null) copyOf.push({ stem, path: opts.files[e.index]! });
  }
  return copyOf.length > 0 ? { ...job, copyOf } : job;
}

/** The stem a result's outputs took, or null when it wrote none (failed, or a copy). */
const stemTaken = (r: JobResult): string | null => (r.status !== 'failed' && r.status !== 'copy' ? r.stem : null);

/** The job of file `i` of the batch. */
function jobFor(opts: BatchOptions & { readonly fresh: boolean }, i: number, file: string, stem: string): ReleaseJob {
  const fromStdin = file === '-';
  if (fromStdin && !opts.stdin) throw new Error('the batch names standard input (-) but was given no bytes for it');
  return {
    ...(fromStdin ? { source: opts.stdin! } : {}),
    index: i,
    file: fromStdin ? file : path.resolve(opts.cwd, file),
    stem,
    recordedPath: recordedPath(file, opts.cwd),
    out: path.resolve(opts.cwd, opts.out),
    profile: opts.profileRef,
    overrides: opts.overridesFile,
    asOf: opts.asOf,
    formats: opts.formats,
    pageSize: opts.pageSize,
    force: opts.force,
    cross: opts.crossCheck,
    maxInputBytes: opts.maxInputBytes,
    inputFormat: opts.inputFormat ?? 'auto',
    ...(opts.rasterizeUnsure ? { rasterizeUnsure: true } : {}),
    ...(opts.fresh ? { fresh: true } : {}),
    ...(opts.index !== false && opts.files.length <= INDEX_ROWS_HELD_MAX ? { indexRows: indexHasPdf(opts.formats) ? true : ('rendered' as const) } : {}),
  };
}

/**
 * Results arrive in completion order; they are handed on in input order from a buffer that never
 * holds more than the jobs in flight.
 */
class InputOrder {
  private readonly ready = new Map<number, JobResult>();
  private next = 0;

  constructor(private readonly onResult: (index: number, result: JobResult) => void) {}

  /** The result of file `index`; hands on every result now in order. */
  put(index: number, result: JobResult): void {
    this.ready.set(index, result);
    for (let r = this.ready.get(this.next); r !== undefined; r = this.ready.get(this.next)) {
      this.ready.delete(this.next);
      this.onResult(this.next++, r);
    }
  }
}

/** The figures of a batch, summed as results come (nothing per document is kept but its audit hash and digest). */
class BatchTally {
  readonly totals = { documents: 0, skipped: 0, copies: 0, failed: 0, released: 0, withheld: 0, declassified: 0, redactions: 0, charsReplaced: 0, documentsWithCharsReplaced: 0, inputBytes: 0, outputBytes: 0, outputFiles: 0, pages: 0 };
  readonly byAuthority = new Map<string, number>();
  /** Documents pending review, and their pending portions by why. */
  pendingDocuments = 0;
  readonly pendingByReason = new Map<string, number>();
  /** sha256 of each audit record written or found up to date, by stem (for the manifest). */
  readonly auditShas = new Map<string, string>();
  /** The hold of each such record held in pending/ (by an earlier run, then by this one's cross check), by stem. */
  readonly holds = new Map<string, Hold>();
  /** The index entry of each such record, by stem (the index reads only the records of earlier runs twice). */
  readonly indexEntries = new Map<string, IndexEntry>();
  /** The withheld-text index of the cross-document check, when it is on. */
  readonly index: WithheldIndex | null;
  readonly releasedRuns: { stem: string; file: string; runs: Float64Array }[] = [];
  private readonly releasedKind: Format | null;

  constructor(opts: BatchOptions) {
    this.index = opts.crossCheck ? new WithheldIndex() : null;
    this.releasedKind = opts.formats.includes('text') ? 'text' : opts.formats.includes('pdf') ? 'pdf' : null;
  }

  add(r: JobResult, stem: string): void {
    const t = this.totals;
    if (r.status === 'failed') {
      t.failed++;
      return;
    }
    if (r.status === 'copy') {
      t.copies++;
      return;
    }
    t.documents++;
    if (r.status === 'skipped') t.skipped++;
    t.released += r.counts.released;
    t.withheld += r.counts.withheld;
    t.declassified += r.counts.declassified;
    t.redactions += r.counts.redactions;
    t.charsReplaced += r.charsReplaced.length;
    if (r.charsReplaced.length > 0) t.documentsWithCharsReplaced++;
    t.inputBytes += r.inputBytes;
    t.outputBytes += r.outputBytes;
    t.outputFiles += r.outputFiles;
    t.pages += r.pages;
    for (const [a, n] of r.counts.byAuthority) this.byAuthority.set(a, (this.byAuthority.get(a) ?? 0) + n);
    if (r.counts.pending.length > 0) this.pendingDocuments++;
    for (const [why, n] of r.counts.pending) this.pendingByReason.set(why, (this.pendingByReason.get(why) ?? 0) + n);
    this.auditShas.set(r.stem, r.auditSha256);
    if (r.held) this.holds.set(r.stem, r.held);
    this.indexEntries.set(r.indexEntry.stem, r.indexEntry);
    if (this.index && r.digest) {
      this.index.addDigest(r.digest);
      // Where the text was written: pending/ for a document pending review, under the name its
      // outputs took (a PDF whose name repeats withheld words gets a neutral one).
      const file = this.releasedKind ? outputPath(r.stem, this.releasedKind, r.counts.pending.length > 0 || r.held !== undefined) : `${r.stem} (release text)`;
      // Under the name its outputs and digest took, so that its own withheld text is not matched.
      this.releasedRuns.push({ stem: r.stem, file, runs: r.digest.released });
    }
  }
}

/** The settings of this batch: what makes its folder one release (and its manifest's `run`). */
function runSettings(opts: BatchOptions): ReleaseSettings {
  return {
    profile: { id: opts.profile.id, file: opts.profile.source.file, sha256: opts.profile.source.sha256 },
    asOf: opts.asOf,
    overrides: opts.overrides ? { file: opts.overrides.file, sha256: opts.overrides.sha256 } : null,
    ...(opts.case ? { case: opts.case.number } : {}),
  };
}

/**
 * Writes `review/manifest.json` over every audit record in `OUT/review` (records of earlier runs
 * into the same folder included: the manifest describes the folder, and each record its own
 * profile and date). Records written or checked by this batch are not read again.
 */
async function writeManifest(opts: BatchOptions, known: ReadonlyMap<string, string>, holds: ReadonlyMap<string, Hold>): Promise<{ records: number; head: string }> {
  const reviewDir = path.join(opts.out, REVIEW_DIR);
  const names = (await listNames(reviewDir)).filter((n) => n.endsWith('.audit.json') && !n.startsWith('.'));
  const records: { stem: string; sha256: string; held?: Hold }[] = [];
  for (const name of names) {
    const stem = name.slice(0, -'.audit.json'.length);
    const sha = known.get(stem);
    if (sha !== undefined) {
      const held = holds.get(stem);
      records.push({ stem, sha256: sha, ...(held ? { held } : {}) });
      continue;
    }
    // A record of an earlier run: its hold, if any, is listed as the record states it.
    const bytes = await readBytes(path.join(reviewDir, name));
    const parsed = parseRecord(stem, bytes);
    records.push({ stem, sha256: sha256Hex(bytes), ...(parsed.ok && parsed.record.held ? { held: parsed.record.held } : {}) });
  }
  const manifest = buildManifest(records, runSettings(opts));
  await writeFileAtomic(path.join(opts.out, MANIFEST_PATH), new TextEncoder().encode(serializeManifest(manifest)));
  return { records: manifest.entries.length, head: manifest.head };
}
