/**
 * One document of a release batch, as a worker thread runs it: read, decide, render, self-check,
 * write atomically, and report small, cloneable figures back. Everything a job needs travels in
 * a plain {@link ReleaseJob}; profiles and overrides are loaded once per thread and cached.
 */
import { computeDisposition } from '../engine/disposition.js';
import path from 'node:path';
import { crossDigest, crossDigestOf, type CrossDigest } from '../audit/cross.js';
import { DeclassError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import { readOverrides, resolveProfile } from '../node/profiles.js';
import { readInput, readInputData } from '../node/read.js';
import { removeFiles, removeFileSync, writeFileAtomicSync } from '../node/write.js';
import { pathExists } from '../node/system.js';
import type { FileWriterThread } from '../node/write-thread.js';
import type { PdfTextThread } from '../node/pdfjs-thread.js';
import type { InputFormat } from '../parse/read.js';
import { documentNames, FORMATS, RELEASE_DIR, outputPath, recordPath, type AuditRecord, type Format, type Hold, type PageSize } from '../release/folder.js';
import { planRelease, releaseDocument, renamedStem, safeOutputStem, stemHidesTextWord, stemWordsIn } from '../release/index.js';
import type { CaseStamp } from '../release/case.js';
import type { Profile } from '../rules/load.js';
import type { OverrideSet } from '../rules/overrides.js';
import type { Diagnostic, Disposition, Plan } from '../types.js';
import type { ReleaseChecker } from '../pdf/verify.js';
import { otherDocumentUnder, unchangedRecord } from './resume.js';
import { consoleWarnings } from './console-warnings.js';
import { indexEntryOf, type IndexEntry } from '../vaughn/build.js';
import { withRenderedRows } from '../vaughn/rendered.js';

/** What a worker needs to release one document (structured-cloneable). */
export interface ReleaseJob {
  /** Position in the batch, so results can be reported in input order. */
  readonly index: number;
  readonly file: string;
  readonly stem: string;
  /** The input path as recorded in the audit record. */
  readonly recordedPath: string;
  readonly out: string;
  /** `--profile` as given (a bundled name, or an absolute path). */
  readonly profile: string;
  /** `--overrides` as an absolute path, or null. */
  readonly overrides: string | null;
  readonly asOf: string;
  readonly formats: readonly Format[];
  readonly pageSize: PageSize;
  /** Release again even when the folder already holds this document's outputs for the same inputs. */
  readonly force: boolean;
  /** Also return the document's cross-document digest. */
  readonly cross: boolean;
  readonly maxInputBytes: number;
  /** Reader for the input (`auto`: picked from its content). */
  readonly inputFormat: InputFormat;
  /** The input's bytes when they do not come from `file` (a document read from standard input). */
  readonly source?: Uint8Array;
  /** The FOIA case and this document's number (`release --case`). */
  readonly case?: CaseStamp;
  /** PDF inputs: rasterise a page the rewriter cannot handle with certainty instead of failing the document. */
  readonly rasterizeUnsure?: boolean;
  /**
   * The folder held no outputs when the batch started: there is no earlier record to resume from
   * and no stale file to remove, so neither is looked for (each look is a failing system call per
   * file: 5% of a batch).
   */
  readonly fresh?: boolean;
  /**
   * Return the document's Vaughn index rows with its index entry (batches small enough to hold
   * them: the index then reads nothing back); `rendered`: as the CSV and JSON index hold them
   * (../vaughn/rendered.ts), for a batch whose index has no other format.
   */
  readonly indexRows?: boolean | 'rendered';
  /**
   * This input is a copy (same bytes) of earlier ones of the batch, with the stems their outputs
   * took: when this one's outputs take one of them too, nothing is written (the first copy in input order is the
   * one released and recorded, whatever the number of threads).
   */
  readonly copyOf?: readonly { readonly stem: string; readonly path: string }[];
}

/** Figures of a document released (or found already released). */
export interface JobCounts {
  readonly released: number;
  readonly withheld: number;
  readonly declassified: number;
  readonly redactions: number;
  /** Withheld portions by authority (`B1, 1.4(b)`), as pairs for cloning. */
  readonly byAuthority: readonly (readonly [string, number])[];
  readonly stamp: string;
  /** Portions pending review, by why (empty for a final disposition), as pairs for cloning. */
  readonly pending: readonly (readonly [string, number])[];
}

export type JobResult =
  | {
      readonly index: number;
      readonly status: 'released' | 'skipped';
      readonly counts: JobCounts;
      readonly inputBytes: number;
      readonly outputBytes: number;
      readonly outputFiles: number;
      /** PDF pages written. */
      readonly pages: number;
      /** sha256 of the audit record as written (for the manifest). */
      readonly auditSha256: string;
      readonly digest?: CrossDigest;
      /**
       * The `pdf-char-replaced` warnings of the document's PDFs (one per distinct character the
       * PDF font cannot show), from its audit record: printed on the console, counted in the summary.
       */
      readonly charsReplaced: readonly string[];
      /** The stem the outputs were written under (a PDF whose name repeats withheld words gets a neutral one). */
      readonly stem: string;
      /** What the Vaughn index takes from the document's audit record (so that the index need not read it twice). */
      readonly indexEntry: IndexEntry;
      /** Warnings to show on the console: the renaming, and what the PDF redaction reports (a rasterised page). */
      readonly warnings: readonly string[];
      /** The hold of a document found up to date, held in pending/ by an earlier run's cross-document check. */
      readonly held?: Hold;
    }
  | { readonly index: number; readonly status: 'failed'; readonly message: string }
  /** A copy of an earlier input whose release it would have written again: nothing written. */
  | { readonly index: number; readonly status: 'copy'; readonly stem: string; readonly warnings: readonly string[] };

/** Per-thread cache of loaded profiles and overrides (keyed by how they were named), and the threads that help an in-thread batch. */
export class JobCache {
  private pdfText: PdfTextThread | null | undefined;
  /**
   * @param writer Where the outputs are written: a thread of their own (in-thread batches), or null for this thread.
   * @param startPdfText Starts the thread that reads release PDFs back with pdf.js for their
   *   verification (in-thread batches; called with the first PDF), or null to read them in this thread.
   */
  constructor(
    readonly writer: FileWriterThread | null = null,
    private readonly startPdfText: (() => PdfTextThread | null) | null = null,
  ) {}
  /**
   * The pdf.js thread, started on first use, and again after it died (a file that crashed pdf.js
   * fails alone: the documents after it get a new thread); null when pdf.js runs in this thread.
   */
  pdfTextThread(): PdfTextThread | null {
    if (this.pdfText === undefined || this.pdfText?.failed) this.pdfText = this.startPdfText?.() ?? null;
    return this.pdfText;
  }
  /** Stops the threads once their work is done. */
  async close(): Promise<void> {
    await this.writer?.close();
    await this.pdfText?.close();
  }
  private readonly profiles = new Map<string, Promise<Profile>>();
  private readonly overrides = new Map<string, Promise<OverrideSet>>();
  profile(ref: string): Promise<Profile> {
    let p = this.profiles.get(ref);
    if (!p) this.profiles.set(ref, (p = resolveProfile(ref)));
    return p;
  }
  overridesOf(file: string | null): Promise<OverrideSet | null> {
    if (file === null) return Promise.resolve(null);
    let o = this.overrides.get(file);
    if (!o) this.overrides.set(file, (o = readOverrides(file)));
    return o;
  }
}

/** The figures of a document's decisions; `pending` its disposition's pending portions (a plan has them, a record's decisions give them). */
function countsOf(plan: Pick<Plan, 'decisions' | 'redactions' | 'stamp'>, pendingPortions: Disposition['pending']): JobCounts {
  const pending = new Map<string, number>();
  for (const p of pendingPortions) pending.set(p.reason, (pending.get(p.reason) ?? 0) + 1);
  const byAuthority = new Map<string, number>();
  let released = 0;
  let declassified = 0;
  for (const d of plan.decisions) {
    if (d.action === 'release') released++;
    else {
      const key = d.authority.join(', ');
      byAuthority.set(key, (byAuthority.get(key) ?? 0) + 1);
    }
    if (d.declassified) declassified++;
  }
  return {
    released,
    withheld: plan.decisions.length - released,
    declassified,
    redactions: plan.redactions.length,
    byAuthority: [...byAuthority],
    stamp: plan.stamp,
    pending: [...pending],
  };
}

/** The distinct `pdf-char-replaced` messages among a document's diagnostics (its release and review PDFs report the same character each). */
function charsReplacedIn(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.filter((d) => d.code === 'pdf-char-replaced').map((d) => d.message))];
}

/**
 * How a PDF job's release is read back with pdf.js and checked: on the batch's pdf.js thread when
 * it has one. The job then waits on that thread, and the next document may start meanwhile
 * (`onComputed`).
 */
function releaseChecker(cache: JobCache, onComputed: (() => void) | undefined): { checkRelease?: ReleaseChecker } {
  const thread = cache.pdfTextThread();
  if (!thread) return {};
  return {
    checkRelease: (bytes, input) => {
      onComputed?.();
      return thread.check(bytes, input);
    },
  };
}

/** Why a document is not released over another one an earlier run put under its output name. */
function takenMessage(stem: string, taken: { path: string; sha256: string }): string {
  return `output name ${stem} is already taken by ${taken.path} (sha256 ${taken.sha256.slice(0, 12)}…, released into this folder by an earlier run); skipped: use another --out or --stem, or --replace to discard the release in the folder`;
}

/**
 * Runs one job. Never throws: every failure becomes a one-line message, and a document that
 * fails after some of its files were written has those files removed again. `onComputed` is
 * called when the job starts waiting on another thread (the verification of its release PDF on
 * the pdf.js thread, or the writing of its files on the writer thread), so that the caller may
 * start the next document meanwhile.
 */
export async function runReleaseJob(job: ReleaseJob, cache: JobCache, onComputed?: () => void): Promise<JobResult> {
  const written: string[] = [];
  try {
    // The pdf.js thread starts loading pdf.js (half a second) while this first PDF is read and
    // redacted, not when its release is ready to be checked: the batch's thread then waited for it.
    if (!job.source && /\.pdf$/i.test(job.file)) cache.pdfTextThread();
    const read = job.source ? await readInputData(job.source, job.maxInputBytes, job.inputFormat) : await readInput(job.file, job.maxInputBytes, job.inputFormat);
    if (!read.ok) return { index: job.index, status: 'failed', message: read.message };
    const profile = await cache.profile(job.profile);
    const overrides = await cache.overridesOf(job.overrides);
    const inputSha256 = sha256Hex(read.bytes);
    // Outputs never carry withheld words in their names (planned for that only when the name has a
    // word of the text). A cable named by its own reference (`08BERLIN173`) keeps it: that is its
    // identity, printed in its release header, even where an extract repeats it in withheld text.
    const prefix = read.pdf ? 'pdf' : 'doc';
    // Overrides name a document without a reference by its file's name or its outputs' (renamed or not), as explain and the override check do.
    const keyed = { overrideNames: documentNames(job.file, [job.stem], inputSha256) };
    const namePlan =
      read.pdf || (job.stem.toUpperCase() !== read.doc.ref?.toUpperCase() && (stemWordsIn(job.stem, read.doc.source) || stemHidesTextWord(job.stem, read.doc.source)))
        ? planRelease(read.doc, profile, { asOf: job.asOf, overrides, stem: job.stem, ...keyed, case: job.case ?? null, pdfInput: read.pdf !== undefined, inputSha256 })
        : null;
    const named = namePlan ? safeOutputStem(job.stem, namePlan, inputSha256, prefix) : { stem: job.stem };
    // The same input under its other name (renamed now and not by an earlier run, or the other way
    // round): its files are removed with the stale ones, so no earlier output keeps the name.
    const renamed = named.stem !== job.stem;
    const otherStem = renamed ? job.stem : renamedStem(inputSha256, prefix);
    // The plan made for the name is this release's plan unless the outputs were renamed (the stem
    // stands in for a missing reference: a new stem is a new plan).
    const ownPlan = namePlan && !renamed ? namePlan : null;
    job = { ...job, stem: named.stem };
    const original = job.copyOf?.find((c) => c.stem === named.stem);
    if (original) return { index: job.index, status: 'copy', stem: named.stem, warnings: [`the same content as ${original.path}: released once, as ${named.stem} [same-content]`] };
    const taken = job.fresh ? null : otherDocumentUnder(job, inputSha256);
    if (taken) return { index: job.index, status: 'failed', message: takenMessage(job.stem, taken) };

    if (!job.force && !job.fresh) {
      const unchanged = await unchangedRecord(job, inputSha256, profile, overrides, read.reader);
      if (unchanged) {
        const { record } = unchanged;
        let digest: CrossDigest | undefined;
        if (job.cross) {
          // Decided again, without rendering, for the cross-document check only.
          const planned = ownPlan ?? planRelease(read.doc, profile, { asOf: job.asOf, overrides, stem: job.stem, ...keyed, case: job.case ?? null, pdfInput: read.pdf !== undefined, inputSha256 });
          digest = crossDigest(job.stem, planned.withheld, planned.visible, planned.releaseText, planned.header);
        }
        return {
          index: job.index,
          status: 'skipped',
          counts: countsOf(record, computeDisposition(record.decisions, record.redactions).pending),
          inputBytes: read.bytes.length,
          outputBytes: 0,
          outputFiles: 0,
          pages: 0,
          auditSha256: unchanged.sha256,
          ...(digest ? { digest } : {}),
          charsReplaced: charsReplacedIn(record.diagnostics),
          stem: job.stem,
          indexEntry: indexEntryOf(job.stem, record),
          warnings: consoleWarnings(record.diagnostics),
          ...(record.held ? { held: record.held } : {}),
        };
      }
    }

    const result = await releaseDocument({
      doc: read.doc,
      profile,
      asOf: job.asOf,
      overrides,
      stem: job.stem,
      ...keyed,
      input: { path: job.recordedPath, sha256: inputSha256 },
      formats: new Set(job.formats),
      pageSize: job.pageSize,
      inputDiagnostics: named.diagnostic ? [...read.decodeDiagnostics, named.diagnostic] : read.decodeDiagnostics,
      reader: read.reader,
      case: job.case ?? null,
      shingles: job.cross,
      ...(ownPlan ? { planned: ownPlan } : {}),
      ...(read.pdf ? { pdf: { ...read.pdf, rasterizeUnsure: job.rasterizeUnsure ?? false, ...releaseChecker(cache, onComputed) } } : {}),
    });
    let outputBytes = 0;
    let auditSha256 = '';
    for (const f of result.files) {
      outputBytes += f.bytes.length;
      if (f.kind === 'audit') auditSha256 = sha256Hex(f.bytes);
    }
    if (cache.writer) {
      // The next document may start while this one's files are written (all or none) on the writer's thread.
      onComputed?.();
      await cache.writer.write(result.files.map((f) => ({ path: path.join(job.out, f.path), bytes: f.bytes })));
    } else {
      for (const f of result.files) {
        const target = path.join(job.out, f.path);
        writeFileAtomicSync(target, f.bytes);
        written.push(target);
      }
    }
    // Outputs of formats not asked for this time, left by an earlier run, would no longer match
    // the new audit record (and audit would call them unrecorded): remove them.
    const removed = job.fresh ? [] : removeStale(job, otherStem, result.files);
    return {
      index: job.index,
      status: 'released',
      counts: countsOf(result.plan, result.plan.disposition.pending),
      inputBytes: read.bytes.length,
      outputBytes,
      outputFiles: result.files.length,
      pages: result.pages,
      auditSha256,
      // The release made its shingles exactly when the digest is wanted (`shingles: job.cross`).
      ...(result.shingles ? { digest: crossDigestOf(job.stem, result.withheld, result.shingles, result.header) } : {}),
      charsReplaced: charsReplacedIn(result.audit.diagnostics),
      stem: job.stem,
      indexEntry: indexEntryFor(job, result),
      warnings: [...consoleWarnings(result.audit.diagnostics), ...removed.map((f) => handedOutRemoved(f, result.plan.disposition.pending.length > 0))],
    };
  } catch (error) {
    // Never leave half a document's outputs behind.
    await removeFiles(written);
    const message = error instanceof DeclassError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    return { index: job.index, status: 'failed', message };
  }
}

/**
 * Removes the outputs an earlier run left under the document's names that this release did not
 * write. Returns those of release/ that were there: files already handed out, whose removal is said
 * (probe 65a, F5: a `--formats text` run, or a document now pending, took them without a word).
 */
function removeStale(job: ReleaseJob, otherStem: string, files: readonly { readonly path: string }[]): string[] {
  const current = new Set(files.map((f) => f.path));
  // A document decided since (an override) moves from pending/ to release/: the other copy goes too.
  const stale = [...[job.stem, otherStem].flatMap((stem) => FORMATS.flatMap((f) => [outputPath(stem, f), outputPath(stem, f, true)])), recordPath(otherStem)];
  const handedOut: string[] = [];
  for (const file of new Set(stale)) {
    if (current.has(file)) continue;
    if (file.startsWith(`${RELEASE_DIR}/`) && pathExists(path.join(job.out, file))) handedOut.push(file);
    removeFileSync(path.join(job.out, file));
  }
  return handedOut;
}

/** The warning for a release file an earlier run wrote (and may have handed out) that this run removed. */
function handedOutRemoved(file: string, pending: boolean): string {
  const why = pending ? 'the document is pending review now (its files are in pending/)' : 'this run does not write that format (--formats)';
  return `${file}, written by an earlier run, removed: ${why}; a copy already handed out is no longer in the release [release-file-removed]`;
}

/** The index entry of a document released, with its rows when the job asks for them. */
function indexEntryFor(job: ReleaseJob, result: { readonly audit: AuditRecord; readonly files: readonly { readonly kind: string; readonly bytes: Uint8Array }[] }): IndexEntry {
  const entry = indexEntryOf(job.stem, result.audit, job.indexRows ? releaseTextOf(result.files) : undefined);
  return job.indexRows === 'rendered' ? withRenderedRows(entry) : entry;
}

/** The release text file's content among a document's outputs (as the index reads it back), or null when none was written. */
function releaseTextOf(files: readonly { readonly kind: string; readonly bytes: Uint8Array }[]): string | null {
  const text = files.find((f) => f.kind === 'text');
  return text ? Buffer.from(text.bytes.buffer, text.bytes.byteOffset, text.bytes.byteLength).toString('utf8') : null;
}
