/**
 * A release batch: every file through the job pool with a few jobs in flight, results reported in
 * input order, figures summed as they come (nothing per document is kept except, when the
 * cross-document check is on, its shingle digest), the manifest written at the end. Library
 * code: the CLI only prints what the callbacks give it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WithheldIndex } from '../audit/cross.js';
import { buildManifest, MANIFEST_PATH, serializeManifest } from '../audit/manifest.js';
import { outputPathFor } from '../audit/verify.js';
import type { Format } from '../release/index.js';
import { sha256Hex } from '../release/index.js';
import type { Profile } from '../rules/load.js';
import type { OverrideSet } from '../rules/overrides.js';
import type { InputFormat } from '../parse/read.js';
import { prepareOutputFolder, removeStaleTemporaries, safeStem, writeFileAtomic } from '../cli/output.js';
import { createExecutor } from './executor.js';
import type { JobResult, ReleaseJob } from './job.js';

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
  readonly pageSize: 'letter' | 'a4';
  readonly force: boolean;
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
}

/** One document's outcome, as reported to the caller in input order. */
export interface DocumentOutcome {
  readonly file: string;
  readonly stem: string;
  readonly result: JobResult;
}

export interface BatchSummary {
  readonly profile: string;
  readonly asOf: string;
  readonly out: string;
  /** Documents given, and how each ended. `documents` counts released and skipped ones. */
  readonly total: number;
  readonly documents: number;
  readonly skipped: number;
  readonly failed: number;
  readonly notStarted: number;
  readonly released: number;
  readonly withheld: number;
  readonly declassified: number;
  readonly redactions: number;
  readonly withheldByAuthority: Record<string, number>;
  readonly inputBytes: number;
  readonly outputBytes: number;
  readonly outputFiles: number;
  readonly pages: number;
  readonly seconds: number;
  readonly threads: number;
  readonly interrupted: boolean;
  readonly manifest: { readonly path: string; readonly records: number; readonly head: string };
}

export interface BatchResult {
  readonly summary: BatchSummary;
  /** The batch's withheld-text index and released runs, when the cross-document check was on. */
  readonly cross: { readonly index: WithheldIndex; readonly released: readonly { readonly stem: string; readonly file: string; readonly runs: Float64Array }[] } | null;
}

/** The input path as recorded in audits: relative to the working folder when inside it. */
export function recordedPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(cwd, file) : rel.split(path.sep).join('/');
}

/**
 * Releases every file. `onOutcome` is called once per file in input order; `onProgress` after
 * each (done, total). Never throws for a document: failures are outcomes.
 */
export async function runReleaseBatch(
  opts: BatchOptions,
  events: { onOutcome?(o: DocumentOutcome): void; onProgress?(done: number, total: number): void } = {},
): Promise<BatchResult> {
  const started = performance.now();
  await prepareOutputFolder(opts.out);
  await Promise.all(['release', 'review'].map((d) => removeStaleTemporaries(path.join(opts.out, d))));
  const executor = createExecutor(opts.jobs);
  const stemOf = opts.stemOf ?? ((file: string) => safeStem(file));
  const total = opts.files.length;
  const stemOwner = new Map<string, number>();
  const auditShas = new Map<string, string>();
  const byAuthority = new Map<string, number>();
  const index = opts.crossCheck ? new WithheldIndex() : null;
  const releasedRuns: { stem: string; file: string; runs: Float64Array }[] = [];
  const totals = { documents: 0, skipped: 0, failed: 0, released: 0, withheld: 0, declassified: 0, redactions: 0, inputBytes: 0, outputBytes: 0, outputFiles: 0, pages: 0 };
  const releasedKind = opts.formats.includes('text') ? 'text' : opts.formats.includes('pdf') ? 'pdf' : null;
  const releasedName = (s: string) => (releasedKind ? outputPathFor(s, releasedKind) : `${s} (release text)`);

  // Results arrive in completion order; they are reported in input order from this buffer, which
  // never holds more than the jobs in flight.
  const ready = new Map<number, JobResult>();
  let nextToReport = 0;
  let done = 0;
  const report = (): void => {
    for (let r = ready.get(nextToReport); r !== undefined; r = ready.get(nextToReport)) {
      ready.delete(nextToReport);
      const file = opts.files[nextToReport]!;
      const stem = stemOf(file, nextToReport);
      tally(r, stem, file);
      nextToReport++;
      done++;
      events.onOutcome?.({ file, stem, result: r });
      events.onProgress?.(done, total);
    }
  };
  const tally = (r: JobResult, stem: string, file: string): void => {
    if (r.status === 'failed') {
      totals.failed++;
      return;
    }
    totals.documents++;
    if (r.status === 'skipped') totals.skipped++;
    totals.released += r.counts.released;
    totals.withheld += r.counts.withheld;
    totals.declassified += r.counts.declassified;
    totals.redactions += r.counts.redactions;
    totals.inputBytes += r.inputBytes;
    totals.outputBytes += r.outputBytes;
    totals.outputFiles += r.outputFiles;
    totals.pages += r.pages;
    for (const [a, n] of r.counts.byAuthority) byAuthority.set(a, (byAuthority.get(a) ?? 0) + n);
    auditShas.set(stem, r.auditSha256);
    if (index && r.digest) {
      index.addDigest(r.digest);
      releasedRuns.push({ stem, file: releasedName(stem), runs: r.digest.released });
    }
  };

  const window = Math.max(4, executor.threads * 6);
  const inFlight = new Set<Promise<void>>();
  let scheduled = 0;
  try {
    for (let i = 0; i < total; i++) {
      if (opts.signal?.aborted) break;
      const file = opts.files[i]!;
      const stem = stemOf(file, i);
      const owner = stemOwner.get(stem);
      scheduled++;
      if (owner !== undefined) {
        ready.set(i, { index: i, status: 'failed', message: `output name ${stem} is already taken by ${opts.files[owner]}; skipped` });
        report();
        continue;
      }
      stemOwner.set(stem, i);
      const job: ReleaseJob = {
        index: i,
        file: path.resolve(opts.cwd, file),
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
      };
      const p: Promise<void> = executor
        .run(job)
        .catch((error: unknown) => ({ index: i, status: 'failed' as const, message: `internal error: ${error instanceof Error ? error.message : String(error)}` }))
        .then((r) => {
          ready.set(i, r);
          report();
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await executor.close();
    // A worker that died mid-write leaves its temporaries; nothing else can be writing now.
    await Promise.all(['release', 'review'].map((d) => removeStaleTemporaries(path.join(opts.out, d))));
  }
  // Stems are not needed past this point; only the audit hashes for the manifest.
  stemOwner.clear();
  const manifest = await writeManifest(opts, auditShas);
  return {
    summary: {
      profile: opts.profile.id,
      asOf: opts.asOf,
      out: opts.out,
      total,
      ...totals,
      notStarted: total - scheduled,
      withheldByAuthority: Object.fromEntries([...byAuthority].sort()),
      seconds: Math.round(performance.now() - started) / 1000,
      threads: executor.threads,
      interrupted: opts.signal?.aborted ?? false,
      manifest: { path: MANIFEST_PATH, ...manifest },
    },
    cross: index ? { index, released: releasedRuns } : null,
  };
}

/**
 * Writes `review/manifest.json` over every audit record in `OUT/review` (records of earlier runs
 * into the same folder included: the manifest describes the folder, and each record its own
 * profile and date). Records written or checked by this batch are not read again.
 */
async function writeManifest(opts: BatchOptions, known: ReadonlyMap<string, string>): Promise<{ records: number; head: string }> {
  const reviewDir = path.join(opts.out, 'review');
  const names = (await readdir(reviewDir).catch(() => [] as string[])).filter((n) => n.endsWith('.audit.json') && !n.startsWith('.'));
  const records: { stem: string; sha256: string }[] = [];
  for (const name of names) {
    const stem = name.slice(0, -'.audit.json'.length);
    records.push({ stem, sha256: known.get(stem) ?? sha256Hex(await readFile(path.join(reviewDir, name))) });
  }
  const manifest = buildManifest(records, {
    profile: { id: opts.profile.id, file: opts.profile.source.file, sha256: opts.profile.source.sha256 },
    asOf: opts.asOf,
    overrides: opts.overrides ? { file: opts.overrides.file, sha256: opts.overrides.sha256 } : null,
  });
  await writeFileAtomic(path.join(opts.out, MANIFEST_PATH), new TextEncoder().encode(serializeManifest(manifest)));
  return { records: manifest.entries.length, head: manifest.head };
}
