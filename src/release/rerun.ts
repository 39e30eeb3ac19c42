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
import type { Diagnostic, Document } from '../types.js';
import { documentNames, recordedReader, renamedStem, type AuditRecord, type Format, type PageSize, type ReaderId } from './folder.js';
import type { PdfSource } from './pdf-names.js';
import { releaseDocument, type ReleaseResult } from './index.js';
import { renamedDiagnostic } from './safe-stem.js';

/**
 * The batch's warning for outputs renamed because the input's name repeats withheld words, given
 * again when the stem is the neutral one of this input (the name is not in the record to decide it
 * again from; the stem and sha256 are): the re-run's record then has the diagnostics the release's has.
 */
function renamedWarning(stem: string, sha256: string): Diagnostic[] {
  return stem === renamedStem(sha256, 'pdf') || stem === renamedStem(sha256, 'doc') ? [renamedDiagnostic(stem)] : [];
}

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

type OriginalRead = { ok: true; doc: Document; reader: ReaderId; diagnostics: readonly Diagnostic[]; pdf?: PdfSource } | { ok: false; message: string };

/** The original read again with the reader the record names (the cable parser when it names none), never a fresh guess. */
async function readOriginal(bytes: Uint8Array, record: AuditRecord): Promise<OriginalRead> {
  const recorded = recordedReader(record);
  if (recorded.name === 'pdf') {
    const { readPdfInput } = await import('./pdf.js');
    const r = await readPdfInput(bytes);
    // A page rasterised then (its warning is recorded) is rasterised again.
    const rasterizeUnsure = record.diagnostics.some((d) => d.code === 'pdf-redaction' && d.message.includes('rasterised'));
    return r.ok ? { ok: true, doc: r.doc, reader: r.reader, diagnostics: [], pdf: { bytes, layout: r.layout, rasterizeUnsure } } : r;
  }
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const { doc, reader } = readDocument(decoded.text, { format: recorded.name });
  return { ok: true, doc, reader, diagnostics: decoded.diagnostics };
}

/**
 * Releases the original again. Returns the result, or a one-line reason when it cannot be done
 * (the bytes are not the recorded input, they do not decode, or the release fails its self-check).
 */
export async function rerunRelease(input: RerunInput): Promise<{ ok: true; result: ReleaseResult } | { ok: false; message: string }> {
  const { record } = input;
  if (sha256Hex(input.original) !== record.input.sha256) return { ok: false, message: 'the original does not have the recorded sha256' };
  const formats = new Set<Format>(record.outputs.map((o) => o.kind));
  const read = await readOriginal(input.original, record);
  if (!read.ok) return { ok: false, message: `the original cannot be read: ${read.message}` };
  try {
    const result = await releaseDocument({
      doc: read.doc,
      reader: read.reader,
      profile: input.profile,
      asOf: record.asOf,
      overrides: input.overrides,
      stem: input.stem,
      // Overrides name a document by its file's name or its outputs' (as the release did).
      overrideNames: documentNames(record.input.path, [input.stem], record.input.sha256),
      input: { path: record.input.path, sha256: record.input.sha256 },
      formats,
      pageSize: input.pageSize,
      inputDiagnostics: [...read.diagnostics, ...renamedWarning(input.stem, record.input.sha256)],
      ...(read.pdf ? { pdf: read.pdf } : {}),
      case: record.case ?? null,
    });
    return { ok: true, result };
  } catch (error) {
    return { ok: false, message: `the re-run failed: ${(error as Error).message}` };
  }
}
