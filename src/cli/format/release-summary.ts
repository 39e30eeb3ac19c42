/** What `declass release` prints: a line per document (when not on a terminal), then the summary. */
import type { BatchSummary } from '../../batch/run.js';
import type { JobResult } from '../../batch/job.js';

/** `08BERLIN173: 5 released, 3 withheld — RELEASE IN PART B1, 1.4(B)` for a document done or up to date. */
export function formatDocumentLine(stem: string, r: Extract<JobResult, { status: 'released' | 'skipped' }>): string {
  const c = r.counts;
  return `${stem}: ${r.status === 'skipped' ? 'up to date, ' : ''}${c.released} released, ${c.withheld} withheld${c.redactions ? `, ${c.redactions} spans redacted` : ''} — ${c.stamp}\n`;
}

/** The cross-document check as the summary reports it. */
export interface CrossDocumentSummary {
  readonly checked: boolean;
  /** Why it did not run. */
  readonly reason?: string;
  readonly leaks: readonly { readonly file: string; readonly message: string }[];
}

/** The summary after a batch: figures, portions by authority, the manifest head, cross-document warnings. */
export function formatReleaseSummary(s: BatchSummary, cross: CrossDocumentSummary): string {
  const rate = s.seconds > 0 ? ` (${(s.documents / s.seconds).toFixed(1)} documents/s on ${s.threads} thread(s))` : '';
  let out =
    `\n${s.documents} document(s) released with profile ${s.profile} as of ${s.asOf} into ${s.out} in ${s.seconds.toFixed(1)} s${rate}` +
    `${s.skipped ? `, ${s.skipped} of them already up to date` : ''}: ` +
    `${s.released} portions released (${s.declassified} declassified), ${s.withheld} withheld, ${s.redactions} spans redacted; ${s.failed} failed.\n`;
  if (s.interrupted) out += `  interrupted: ${s.notStarted} document(s) not started; run the same command again to resume.\n`;
  for (const [authority, n] of Object.entries(s.withheldByAuthority)) out += `  withheld under ${authority || '(no authority)'}: ${n}\n`;
  out += `  ${s.manifest.path}: ${s.manifest.records} record(s), head ${s.manifest.head}\n`;
  if (!cross.checked) out += `  cross-document leak check skipped: ${cross.reason}; raise --cross-check-limit (about 30 KB of memory per document), or run declass audit --originals on slices of the collection.\n`;
  for (const c of cross.leaks) out += `warning: ${c.file}: cross-leak: ${c.message}\n`;
  return out;
}
