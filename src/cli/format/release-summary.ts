/** What `declass release` prints: a line per document (when not on a terminal), then the summary. */
import type { BatchSummary } from '../../batch/run.js';
import type { JobResult } from '../../batch/job.js';
import { NO_COLORS, type Colors } from '../color.js';
import { describeHold, type Hold } from '../../release/folder.js';

/** `08BERLIN173: 5 released, 3 withheld — RELEASE IN PART B1, 1.4(B)` for a document done or up to date. */
export function formatDocumentLine(stem: string, r: Extract<JobResult, { status: 'released' | 'skipped' }>, c: Colors = NO_COLORS): string {
  const n = r.counts;
  return `${stem}: ${r.status === 'skipped' ? c.dim('up to date, ') : ''}${n.released} released, ${n.withheld} withheld${n.redactions ? `, ${n.redactions} spans redacted` : ''} — ${n.stamp}\n`;
}

/** The cross-document check as the summary reports it. */
export interface CrossDocumentSummary {
  readonly checked: boolean;
  /** Why it did not run. */
  readonly reason?: string;
  readonly leaks: readonly { readonly file: string; readonly stem: string | null; readonly message: string }[];
  /** `hold` (default): documents whose release shows another's withheld text go to pending/; `warn`: they stay in release/. */
  readonly mode: 'hold' | 'warn';
  /** Documents of the batch held in pending/ for those leaks (`kept`: held by an earlier run). */
  readonly held: readonly { readonly stem: string; readonly moved: readonly string[]; readonly kept: boolean; readonly hold: Hold }[];
  /** Documents of `--against` folders whose withheld text was not compared, and why. */
  readonly notCompared?: readonly { readonly folder: string; readonly stem: string; readonly why: string }[];
}

/** One warning line per `--against` folder with documents not compared: how many, the first three and why. */
function notComparedLines(cross: CrossDocumentSummary, c: Colors): string {
  const byFolder = new Map<string, { stem: string; why: string }[]>();
  for (const n of cross.notCompared ?? []) byFolder.set(n.folder, [...(byFolder.get(n.folder) ?? []), n]);
  let out = '';
  for (const [folder, docs] of byFolder) {
    const shown = docs.slice(0, 3).map((d) => `${d.stem}: ${d.why}`).join('; ');
    out += `${c.yellow('warning')}: --against ${folder}: ${docs.length} document(s) not compared for cross-document leaks (${shown}${docs.length > 3 ? '; …' : ''})\n`;
  }
  return out;
}

/**
 * The summary after a batch: figures, portions by authority, characters the PDFs could not show,
 * the manifest head, and cross-document leaks (each a warning line, and what `declass audit` will
 * make of them). Failures are red and warnings yellow when `c` has colours.
 */
export function formatReleaseSummary(s: BatchSummary, cross: CrossDocumentSummary, c: Colors = NO_COLORS): string {
  const rate = s.seconds > 0 ? ` (${(s.documents / s.seconds).toFixed(1)} documents/s on ${s.threads} thread(s))` : '';
  const failed = `${s.failed} failed`;
  let out =
    `\n${s.documents} document(s) processed with profile ${s.profile} as of ${s.asOf} into ${s.out} in ${s.seconds.toFixed(1)} s${rate}` +
    `${s.skipped ? `, ${s.skipped} of them already up to date` : ''}${s.copies ? `, ${s.copies} more input(s) a copy of one of them (released once)` : ''}${s.pending ? `, ${s.pending} of them pending review (not released)` : ''}${s.held ? `, ${s.held} held for cross-document leaks (not released)` : ''}: ` +
    `${s.released} portions released (${s.declassified} declassified), ${s.withheld} withheld, ${s.redactions} spans redacted; ${s.failed > 0 ? c.red(c.bold(failed)) : failed}.\n`;
  if (s.interrupted) out += c.yellow(`  interrupted: ${s.notStarted} document(s) not started; run the same command again to resume.`) + '\n';
  for (const [authority, n] of Object.entries(s.withheldByAuthority)) out += `  withheld under ${authority || '(no authority)'}: ${n}\n`;
  if (s.pending > 0) {
    const why = Object.entries(s.pendingByReason).map(([reason, n]) => `${n} portion(s) ${reason}`).join(', ');
    out += c.yellow(`  ${s.pending} document(s) pending review, in pending/ (not release/): ${why}; decide them in an overrides file and run again with --overrides FILE --replace to move them to release/.`) + '\n';
  }
  if (s.charsReplaced > 0) {
    out += `  ${c.yellow(`${s.charsReplaced} character(s) the PDF font cannot show replaced by ? in the PDFs of ${s.documentsWithCharsReplaced} document(s)`)} (pdf-char-replaced; the release text keeps them)\n`;
  }
  out += s.manifest ? `  ${s.manifest.path}: ${s.manifest.records} record(s), head ${s.manifest.head}\n` : `  nothing written to ${s.out}\n`;
  if (s.index) {
    out += `  ${s.index.files.join(', ')}: Vaughn index of ${s.index.rows} withholding(s)\n`;
    for (const n of s.index.notices) out += `  note: ${n}\n`;
  }
  if (!cross.checked) out += `  cross-document leak check skipped: ${cross.reason}; raise --cross-check-limit (about 30 KB of memory per document), or run declass audit --originals on slices of the collection.\n`;
  out += notComparedLines(cross, c);
  return out + crossLeakLines(cross, c);
}

/**
 * The cross-document leaks: one line per document held (moved to pending/ now, or held by an
 * earlier run), one per leak not held (in pending/ already, in an `--against` folder, or every
 * one with `--cross-leak warn`), then what they come to.
 */
function crossLeakLines(cross: CrossDocumentSummary, c: Colors): string {
  let out = '';
  const heldStems = new Set(cross.held.map((h) => h.stem));
  for (const h of cross.held) out += `${c.yellow('held')}: ${h.stem}: ${describeHold(h.hold)}; ${h.kept ? 'held in pending/ by an earlier run' : `moved from release/ to pending/ (${h.moved.join(', ')})`}\n`;
  const rest = cross.leaks.filter((x) => x.stem === null || !heldStems.has(x.stem));
  for (const x of rest) out += `${x.file.startsWith('pending/') ? 'note' : c.yellow('warning')}: ${x.file}: cross-leak: ${x.message}${x.file.startsWith('pending/') ? ' (in pending/: not handed out)' : ''}\n`;
  const moved = cross.held.filter((h) => !h.kept).length;
  if (cross.held.length > 0) {
    out += c.yellow(`  ${cross.held.length} document(s) held in pending/ (not release/) for cross-document leaks${moved < cross.held.length ? ` (${moved} this run)` : ''}: each releases text another document withholds; a reviewer decides which is right. --cross-leak warn would leave them in release/, which declass audit fails.`) + '\n';
  }
  const inRelease = rest.filter((x) => !x.file.startsWith('pending/')).length;
  if (inRelease > 0) {
    const why = cross.mode === 'warn' ? '--cross-leak warn left them in release/' : 'in files of --against folders, not this release\'s to hold';
    out += c.yellow(`  ${inRelease} cross-document leak(s) not held (${why}): declass audit --originals will fail them; --fail-on cross-leak makes release exit 1 on any cross-document leak.`) + '\n';
  }
  return out;
}
