/**
 * Releasing one original again with what its audit record says (profile, as-of date, overrides, reader,
 * input path, output formats and page size), for the audit to compare with what was recorded.
 * The audit is handed this function (it never imports release); the caller finds the original
 * and loads the profile. Pure apart from hashing.
 */
import { sha256Hex } from '../hash.js';
import { decodeInput } from '../parse/decode.js';
import { readDocument } from '../parse/read.js';
import type { Profile } from '../rules/load.js';
import type { OverrideSet } from '../rules/overrides.js';
import { recordedReader, type AuditRecord, type Format, type PageSize } from './folder.js';
import { releaseDocument, type ReleaseResult } from './index.js';

/** What a re-run needs besides the record. */
export interface RerunInput {
  readonly stem: string;
  readonly record: AuditRecord;
  /** The original's bytes; their sha256 must be the recorded input sha256. */
  readonly original: Uint8Array;
  readonly profile: Profile;
  readonly overrides: OverrideSet | null;
  /** Page size of the recorded PDFs (see pageSizeOf in ./folder.ts); `letter` when none was written. */
  readonly pageSize: PageSize;
}

/**
 * Releases the original again. Returns the result, or a one-line reason when it cannot be done
 * (the bytes are not the recorded input, they do not decode, or the release fails its self-check).
 */
export async function rerunRelease(input: RerunInput): Promise<{ ok: true; result: ReleaseResult } | { ok: false; message: string }> {
  const { record } = input;
  if (sha256Hex(input.original) !== record.input.sha256) return { ok: false, message: 'the original does not have the recorded sha256' };
  const decoded = decodeInput(input.original);
  if (!decoded.ok) return { ok: false, message: `the original cannot be read: ${decoded.message}` };
  const formats = new Set<Format>(record.outputs.map((o) => o.kind));
  try {
    // The reader the record names (the cable parser when it names none), never a fresh guess.
    const { doc, reader } = readDocument(decoded.text, { format: recordedReader(record).name });
    const result = await releaseDocument({
      doc,
      reader,
      profile: input.profile,
      asOf: record.asOf,
      overrides: input.overrides,
      stem: input.stem,
      input: { path: record.input.path, sha256: record.input.sha256 },
      formats,
      pageSize: input.pageSize,
      inputDiagnostics: decoded.diagnostics,
      case: record.case ?? null,
    });
    return { ok: true, result };
  } catch (error) {
    return { ok: false, message: `the re-run failed: ${(error as Error).message}` };
  }
}
