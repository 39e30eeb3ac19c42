/**
 * The audit of a release folder, as a library: {@link auditFolder} runs every check and returns
 * an {@link AuditReport}; the CLI only parses options and prints it (src/cli/format/audit-report.ts).
 *
 * Checks (stable names, see {@link AUDIT_CHECKS}): record, hash, missing, unrecorded, chain,
 * rerun, leak, cross-leak, authority.
 */
export { auditFolder, type AuditEvents, type AuditOptions } from './audit-folder.js';
export { findBatchCrossLeaks, readReleaseFolder, withheldOfFolder, type CrossLeak, type ReleaseFolder } from './against.js';
export { AUDIT_CHECKS, formatFinding, type AuditCheck, type Finding } from './findings.js';
export { RecordedConfig } from './recorded-config.js';
export { verifyAuditRecord, type FileBytes } from './verify-record.js';
export { describeSkipped } from './report.js';
export type { AuditReport, CheckOutcome } from './report.js';
export type { Rerun, RerunRequest, RerunResult } from './rerun.js';
