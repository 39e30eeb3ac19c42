/**
 * The library API of declass, in one place (as jsdiff's src/index.ts): everything the CLI does is
 * callable from here; `src/cli` only parses arguments and prints.
 *
 * The pure core (no disk, no clock): {@link readDocument} (the cable parser {@link parseCable} or
 * the reader of modern marked documents, picked from the text) → {@link evaluate} → edits →
 * renderers, and {@link releaseDocument} for one document end to end. The edges: {@link readInput} and
 * {@link resolveProfile} (src/node, the only disk access), {@link runReleaseBatch} (a folder of
 * releases) and {@link auditFolder} (verify one).
 */

// Reading a cable or a modern document (pure).
export { decodeInput, parseCable, type DecodeResult } from './parse/index.js';
export { CABLE_READER, detectFormat, DOCUMENT_READER, INPUT_FORMATS, readDocument, type InputFormat, type ReadResult } from './parse/read.js';
export { parseMarkedDocument } from './parse/document/index.js';
export { parseMarking, formatBanner, rollUp } from './markings/index.js';
export { assessAuthorityBlock, assessDocument, parseDecl } from './declass/index.js';
export { lintDocument, LINT_CHECKS, type LintCheck } from './lint/index.js';

// Deciding (pure).
export { loadProfile, type Profile } from './rules/load.js';
export { loadOverrides, type OverrideSet } from './rules/overrides.js';
export { CONDITIONS } from './rules/conditions/index.js';
export { evaluate } from './engine/evaluate.js';
export { applyEdits, buildEdits, type Edit, type Piece } from './engine/edits.js';
export { visibleTextOf, withheldPieces, type WithheldPiece } from './engine/withheld.js';

// Rendering and releasing one document (pure apart from hashing).
export { renderReleaseText } from './render/text/index.js';
export { renderDiff } from './render/diff/index.js';
export { renderReleasePdf, renderReviewPdf } from './render/pdf/index.js';
export { planRelease, releaseDocument, visibleText, withheldTexts, type OutputFile, type PlannedRelease, type ReleaseRequest, type ReleaseResult } from './release/index.js';
export { rerunRelease } from './release/rerun.js';
export * from './release/folder.js';

// The edges: disk, batches, audits.
export { readInput, readCable, DEFAULT_MAX_INPUT_BYTES, type InputRead, type CableRead } from './node/read.js';
export { resolveProfile, readOverrides } from './node/profiles.js';
export { runReleaseBatch, type BatchOptions, type BatchResult, type BatchSummary } from './batch/run.js';
export { auditFolder, AUDIT_CHECKS, type AuditOptions, type AuditReport, type Finding } from './audit/index.js';

export * from './errors.js';
export { sha256Hex } from './hash.js';
export { TOOL } from './version.js';
export type * from './types.js';
