/**
 * Skip-if-unchanged: a document whose audit record in the output folder names the same input
 * (sha256), profile (sha256), overrides, as-of date, tool version and formats, and whose recorded
 * outputs are all present with their recorded hashes, need not be released again. This is also
 * how an interrupted run resumes: the audit record is written last, so a document without one
 * (or with one from another configuration) is done again.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pdfPageSize } from '../audit/pdf-text.js';
import { recordPath } from '../audit/manifest.js';
import type { AuditRecord } from '../audit/record.js';
import { pageSizeOf } from '../audit/rerun.js';
import { parseRecord } from '../audit/verify.js';
import { sha256Hex } from '../release/index.js';
import type { Profile } from '../rules/load.js';
import type { OverrideSet } from '../rules/overrides.js';
import { TOOL } from '../version.js';
import type { ReleaseJob } from './job.js';
import { recordedReader } from '../audit/record.js';
import { CABLE_READER, type ReaderId } from '../parse/read.js';

/**
 * The existing audit record of `job.stem` when it shows the document released with exactly this
 * configuration and its outputs intact; null when the document must be released (again).
 */
export async function unchangedRecord(
  job: ReleaseJob,
  inputSha256: string,
  profile: Profile,
  overrides: OverrideSet | null,
  reader: ReaderId = CABLE_READER,
): Promise<{ record: AuditRecord; sha256: string } | null> {
  const bytes = await readFile(path.join(job.out, recordPath(job.stem))).catch(() => null);
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
    sameKinds(record.outputs.map((o) => o.kind), job.formats);
  if (!same) return null;
  for (const o of record.outputs) {
    const bytes = await readFile(path.join(job.out, o.path)).catch(() => null);
    if (!bytes || bytes.length !== o.bytes || sha256Hex(bytes) !== o.sha256) return null;
    // The page size is not recorded on its own; the PDFs show it.
    if (o.kind === 'pdf' || o.kind === 'review') {
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
