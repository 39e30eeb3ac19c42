/**
 * Verifying one audit record in memory, for library users who keep a release's files themselves
 * (in a database, an object store) rather than in a release folder: the record is well-formed,
 * lists only the paths `release` writes for its stem, and every output it lists is there with its
 * sha256. Pure apart from hashing; `auditFolder` does this and more for a folder on disk.
 */
import { sha256Hex } from '../hash.js';
import { stemOfRecordPath } from '../release/folder.js';
import { failure, type Finding } from './findings.js';
import { checkOutputs, parseRecord } from './verify.js';

/** A file of a release as held in memory: its path in the release folder and its bytes. */
export interface FileBytes {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * Checks the audit record among `files` (the one at `review/<stem>.audit.json`; `releaseDocument`
 * returns it last) against the other files.
 *
 * @returns Findings (checks `record`, `missing`, `hash`); empty when the record is sound and every
 *   output it lists is present with the recorded sha256.
 */
export function verifyAuditRecord(files: readonly FileBytes[]): Finding[] {
  const records = files.filter((f) => stemOfRecordPath(f.path) !== null);
  if (records.length !== 1) return [failure('.', 'record', `expected one audit record (review/<stem>.audit.json) among the files, found ${records.length}`)];
  const recordFile = records[0]!;
  const parsed = parseRecord(stemOfRecordPath(recordFile.path)!, recordFile.bytes);
  if (!parsed.ok) return [parsed.finding];
  const actual = new Map(files.filter((f) => f !== recordFile).map((f) => [f.path, sha256Hex(f.bytes)]));
  return checkOutputs(stemOfRecordPath(recordFile.path)!, parsed.record, actual);
}
