/**
 * Skip-if-unchanged: a document whose audit record in the output folder names the same input
 * (sha256), profile (sha256), overrides, as-of date, tool version, formats and case stamp, and whose recorded
 * outputs are all present with their recorded hashes, need not be released again. This is also
 * how an interrupted run resumes: the audit record is written last, so a document without one
 * (or with one from another configuration) is done again.
 */
import path from 'node:path';
import { pdfPageSize } from '../audit/pdf-text.js';
import { parseRecord } from '../audit/verify.js';
import { sha256Hex } from '../hash.js';
import { readBytesOrNullSync } from '../node/read.js';
import { CABLE_READER } from '../parse/read.js';
import { pageSizeOf, recordedReader, recordPath, type AuditRecord, type PageSize, type ReaderId } from '../release/folder.js';
import type { Profile } from '../rules/load.js';
import type { OverrideSet } from '../rules/overrides.js';
import { TOOL } from '../version.js';

/** What identifies a document's release in an output folder (a release job has all of it). */
export interface ReleaseIdentity {
  /** The output folder. */
  readonly out: string;
  readonly stem: string;
  /** The input path as recorded in the audit record. */
  readonly recordedPath: string;
  readonly asOf: string;
  readonly formats: readonly string[];
  readonly pageSize: PageSize;
  /** The FOIA case and document number the release must carry, if any. */
  readonly case?: { readonly number: string; readonly docNumber: string };
}

/**
 * The input path of the record already under `job.stem` when it is another document (another path
 * and other bytes), else null: a second run into the folder with `b/memo.txt` replaced the release
 * of `a/memo.txt` without a word, where the same two inputs in one batch are refused. The same path
 * with new bytes is an edit, and the same bytes under a new path a move: both are released again.
 */
export function otherDocumentUnder(job: ReleaseIdentity, inputSha256: string): { path: string; sha256: string } | null {
  const bytes = readBytesOrNullSync(path.join(job.out, recordPath(job.stem)));
  if (!bytes) return null;
  const parsed = parseRecord(job.stem, bytes);
  if (!parsed.ok) return null;
  const { input } = parsed.record;
  return input.path !== job.recordedPath && input.sha256 !== inputSha256 ? { path: input.path, sha256: input.sha256 } : null;
}

/**
 * The existing audit record of `job.stem` when it shows the document released with exactly this
 * configuration and its outputs intact; null when the document must be released (again).
 */
export async function unchangedRecord(
  job: ReleaseIdentity,
  inputSha256: string,
  profile: Profile,
  overrides: OverrideSet | null,
  reader: ReaderId = CABLE_READER,
): Promise<{ record: AuditRecord; sha256: string } | null> {
  const bytes = readBytesOrNullSync(path.join(job.out, recordPath(job.stem)));
  if (!bytes) return null; // none yet: release.
  // The audit's own reader: a record that is not well-formed is released again.
  const parsed = parseRecord(job.stem, bytes);
  if (!parsed.ok) return null;
  const { record } = parsed;
  const same =
    record.tool?.version === TOOL.version &&
    record.asOf === job.asOf &&
    record.input.sha256 === inputSha256 &&
    record.input.path === job.recordedPath &&
    record.profile.sha256 === profile.source.sha256 &&
    sameReader(recordedReader(record), reader) &&
    (record.overrides?.sha256 ?? null) === (overrides?.sha256 ?? null) &&
    (record.case?.number ?? null) === (job.case?.number ?? null) &&
    (record.case?.docNumber ?? null) === (job.case?.docNumber ?? null) &&
    sameKinds(record.outputs.map((o) => o.kind), job.formats);
  if (!same) return null;
  for (const o of record.outputs) {
    const bytes = readBytesOrNullSync(path.join(job.out, o.path));
    if (!bytes || bytes.length !== o.bytes || sha256Hex(bytes) !== o.sha256) return null;
    // The page size is not recorded on its own; the PDFs show it (a PDF input's keep the original's).
    if ((o.kind === 'pdf' || o.kind === 'review') && recordedReader(record).name !== 'pdf') {
      const size = pdfPageSize(bytes);
      if (!size || pageSizeOf(size.width) !== job.pageSize) return null;
    }
  }
  return { record, sha256: sha256Hex(bytes) };
}

function sameReader(a: ReaderId, b: ReaderId): boolean {
  return a.name === b.name && a.version === b.version;
}

function sameKinds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}
