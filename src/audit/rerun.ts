/**
 * What the audit needs to release a document again (check 3), as a function it is handed: the
 * audit never imports src/release beyond its folder contract, so the caller passes
 * `rerunRelease` from src/release/rerun.ts (or a stand-in in tests).
 */
import type { WithheldPiece } from '../engine/withheld.js';
import type { AuditRecord, PageSize } from '../release/folder.js';
import type { Profile } from '../rules/load.js';
import type { OverrideSet } from '../rules/overrides.js';

/** One document to release again, as its record says. */
export interface RerunRequest {
  readonly stem: string;
  readonly record: AuditRecord;
  /** The original's bytes; their sha256 must be the recorded input sha256. */
  readonly original: Uint8Array;
  readonly profile: Profile;
  readonly overrides: OverrideSet | null;
  /** Page size of the recorded PDFs; `letter` when none was written. */
  readonly pageSize: PageSize;
}

/** What a re-run gives: its audit record, the withheld pieces and the text it is meant to show. */
export interface RerunResult {
  readonly audit: AuditRecord;
  readonly withheld: readonly WithheldPiece[];
  readonly visible: string;
  /** The document's header and frame lines (src/engine/withheld.ts, headerText); none when absent. */
  readonly header?: string;
}

/** Releases a document again; a one-line reason when it cannot be done. */
export type Rerun = (request: RerunRequest) => Promise<{ ok: true; result: RerunResult } | { ok: false; message: string }>;
