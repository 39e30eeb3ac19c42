/**
 * The library API of declass, in one place (as jsdiff's src/index.ts): everything the CLI does is
 * callable from here; `src/cli` only parses arguments and prints. This is the package's only
 * entry point (package.json `exports`): files under `dist/` are not public.
 *
 * ```ts
 * const { doc, reader } = readDocument(text);                 // read: cable or document reader
 * const profile = await resolveProfile('public');             // load a bundled profile (or loadProfile(yaml, file))
 * const result = await releaseDocument({ doc, reader, profile, asOf: '2010-12-01', stem: 'x', input: { path: 'x.txt', sha256 } });
 * verifyAuditRecord(result.files);                            // [] when every output matches its record
 * ```
 *
 * The pure core (no disk, no clock): {@link readDocument} (the cable parser {@link parseCable} or
 * the reader of modern marked documents, picked from the text) → {@link assessDocument} →
 * {@link evaluate} → edits → renderers, and {@link releaseDocument} for one document end to end
 * in memory. The edges: {@link readInput} and {@link resolveProfile} (the only disk access),
 * {@link runReleaseBatch} (a folder of releases) and {@link auditFolder} (verify one).
 */

// Reading a cable or a modern document (pure).
export { decodeInput, parseCable, type DecodeResult } from './parse/index.js';
export { CABLE_READER, detectFormat, DOCUMENT_READER, hasMarkings, INPUT_FORMATS, NOT_MARKED_MESSAGE, readDocument, type InputFormat, type ReaderId, type ReadResult } from './parse/read.js';
export { parseMarkedDocument } from './parse/document/index.js';
export { parseMarking, formatBanner, formatPortion, rollUp } from './markings/index.js';

// Assessing declassification (pure).
export { assessAuthorityBlock, assessDocument, parseDecl, governingOrder } from './declass/index.js';

// Linting (pure).
export { countSeverities, lintDocument, LINT_CHECKS, type LintCheck } from './lint/index.js';

// Profiles and reviewer overrides: loading (pure from text; from disk at the edges) and checking.
export { loadProfile, type Profile } from './rules/load.js';
export { loadOverrides, OverrideMatcher, unmatchedOverridesError, type Override, type OverrideSet, type UnmatchedOverride } from './rules/overrides.js';
export { CONDITIONS } from './rules/conditions/index.js';
export { lintProfile, type ProfileWarning } from './rules/lint.js';

// Deciding (pure).
export { evaluate, type EvaluateOptions } from './engine/evaluate.js';
export { computeDisposition, pdfStampLine, pendingReason, PENDING_STAMP } from './engine/disposition.js';
export { applyEdits, buildEdits, type Edit, type Piece } from './engine/edits.js';
export { visibleTextOf, withheldPieces, type WithheldPiece } from './engine/withheld.js';

// Rendering and releasing one document in memory (pure apart from hashing).
export { renderReleaseText } from './render/text/index.js';
export { renderDiff } from './render/diff/index.js';
export { renderReleasePdf, renderReviewPdf, type PdfRenderOptions, type PdfRenderResult, type ReviewRenderOptions } from './render/pdf/index.js';
export { planRelease, releaseDocument, visibleText, withheldTexts, type OutputFile, type PlannedRelease, type ReleaseRequest, type ReleaseResult } from './release/index.js';
export { rerunRelease } from './release/rerun.js';
// PDF inputs: read a born-digital PDF, and the true-redaction engine it releases through.
export { PDF_READER, isPdfBytes, readPdfInput, planRegions, safePdfStem, type PdfSource } from './release/pdf.js';
export { readPdfLayout, spanRegions, redactPdf, verifyRedaction, checkRelease, readPdfText, NO_TEXT_LAYER, PdfInputError, RegionError, UnsurePageError } from './pdf/index.js';
export type { PdfLayout, LayoutLine, SpanRegion, PdfRegion, RedactPdfOptions, RedactPdfResult, RedactionReport, VerifyOptions, VerifyResult, CheckInput, ReleaseChecker } from './pdf/index.js';
export * from './release/folder.js';
export { assignDocNumbers, caseFooter, caseNumberProblem, formatDocNumber, type CaseStamp, type NumberedDocument } from './release/case.js';
export { renderReplacementDiff } from './render/diff/index.js';

// The Vaughn index of a release folder: built from audit records and release texts (pure), written at the edge.
export { buildVaughnIndex, describeAuthority, describeCode, describeLocation, INDEX_FORMAT, renderIndexFiles, withholdingsOf, type IndexFile, type IndexRow, type IndexSource, type VaughnIndex } from './vaughn/index.js';
export { IndexStreamer, type ChunkSink } from './vaughn/stream.js';
export { writeVaughnIndex, type IndexWritten } from './batch/vaughn.js';

// Audit records: create one, serialise it, verify one in memory against its outputs.
export { createAuditRecord, serializeRecord } from './release/record.js';
export { verifyAuditRecord, type FileBytes } from './audit/verify-record.js';

// The edges: disk, batches, audits.
export { readInput, readInputBytes, readInputData, readCable, DEFAULT_MAX_INPUT_BYTES, type InputRead, type CableRead } from './node/read.js';
export { bundledProfileNames, readOverrides, readProfileFile, resolveProfile } from './node/profiles.js';
export { collectInputs, type SkippedPath, type WalkOptions } from './node/walk.js';
export { runReleaseBatch, type BatchOptions, type BatchResult, type BatchSummary } from './batch/run.js';
export { auditFolder, AUDIT_CHECKS, describeSkipped, formatFinding, type AuditCheck, type AuditOptions, type AuditReport, type CheckOutcome, type Finding } from './audit/index.js';

export * from './errors.js';
export { sha256Hex } from './hash.js';
export { TOOL } from './version.js';
export type * from './types.js';
