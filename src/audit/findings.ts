/**
 * What `declass audit` reports: findings, each about one file and one check, one line each.
 * Pure data; the CLI formats and prints them.
 */

/** The checks `declass audit` runs, by name (stable; tests and `--json` consumers use them). */
export const AUDIT_CHECKS = {
  record: 'every audit record in review/ is readable and well-formed',
  hash: 'every file in release/, pending/ and review/ matches the sha256 in its record',
  missing: 'every file a record or the manifest lists exists',
  unrecorded: 'no file in release/ or pending/ is missing from the audit records',
  pending: 'no document pending review (SBU/FOUO, an unknown mark, a declassification instruction to review) sits in release/, and every record states the disposition its decisions give',
  chain: 'review/manifest.json lists every record and its hash chain is intact',
  rerun: 'with the originals: a re-run with the recorded profile, date and overrides gives the same audit record (every field) and bytes',
  leak: 'with the originals: no withheld text of a document appears in its release text or PDF (text, metadata and every object: attachments, scripts, streams) or in the Vaughn index, and no redact rule of its profile (one without conditions) matches its release text',
  'cross-leak': 'with the originals: no text withheld in one document appears in the release of another (or of --against folders)',
  authority: 'every withheld region in a release states an authority, as its record says',
  consistency: 'every record and the manifest name the same profile (audience), as-of date and overrides: a folder is one release; the documents of a case each have their own number, in the order release --case gives them',
  index: 'the Vaughn index (release/index.*) lists every withholding of every record exactly once, where and under what the record says, and nothing else; its files match the manifest',
} as const;

export type AuditCheck = keyof typeof AUDIT_CHECKS;

/**
 * One thing found. `file` is relative to the audited folder with `/` separators
 * (`release/08BERLIN173.pdf`), or a path as given for files outside it (`--against`, originals).
 * `failure` makes the audit fail (exit 1); `warning` is reported only.
 */
export interface Finding {
  readonly file: string;
  readonly check: AuditCheck;
  readonly severity: 'failure' | 'warning';
  /** What was found, one line, never quoting withheld text. */
  readonly message: string;
}

/** A failure finding. */
export function failure(file: string, check: AuditCheck, message: string): Finding {
  return { file, check, severity: 'failure', message };
}

/** A warning finding. */
export function warning(file: string, check: AuditCheck, message: string): Finding {
  return { file, check, severity: 'warning', message };
}

/** `FILE: check: message` (warnings get `warning: ` in front). */
export function formatFinding(f: Finding): string {
  return `${f.severity === 'warning' ? 'warning: ' : ''}${f.file}: ${f.check}: ${f.message}`;
}

/** Findings in a stable order: by file, then check, then message. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const key = (f: Finding) => `${f.file}\u0000${f.check}\u0000${f.message}`;
  return [...findings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
