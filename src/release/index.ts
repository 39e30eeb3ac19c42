/**
 * One document end to end: decide (engine), render (text, PDFs, diff), self-check for leaks, and
 * describe the outputs in an audit record. Returns the bytes of every file with its path in the
 * release folder (./folder.ts); writing them is the caller's (src/batch, through src/node).
 * Pure apart from hashing. Every option is checked first (./check-request.ts): a bad one is a
 * UsageError, nothing made.
 */
import { applyEdits, buildEdits, type Edit, type Piece } from '../engine/edits.js';
import { evaluate } from '../engine/evaluate.js';
import { headerText, visibleTextOf, withheldPieces, withKeptFurniture, withShown, type WithheldPiece } from '../engine/withheld.js';
import { InternalError } from '../errors.js';
import { bannerBelowPortions } from '../lint/index.js';
import { sha256Hex } from '../hash.js';
import { countLeakRuns, countLeakRunsIn, releaseShingles, type ReleaseShingles } from '../leak/shingle-hash.js';
import { renderDiff, renderReplacementDiff } from '../render/diff/index.js';
import { sortAuthorities } from '../engine/authority.js';
import { renderDeniedText } from '../render/text/denied.js';
import { renderReleasePdf, renderReviewPdf } from '../render/pdf/index.js';
import { renderReleaseText } from '../render/text/index.js';
import { releaseTitleWords, toReleaseView, toReviewView } from '../render/view.js';
import type { Profile } from '../rules/load.js';
import type { OverrideSet } from '../rules/overrides.js';
import { overrideIdsOf } from '../rules/override-ids.js';
import type { Diagnostic, Document, Plan } from '../types.js';
import { requireAsOf } from '../options.js';
import { checkReleaseOptions } from './check-request.js';
import { FORMATS, outputPath, recordPath, type AuditRecord, type Format, type OutputRecord, type PageSize, type ReaderId } from './folder.js';
import type { PdfSource } from './pdf-names.js';
import { createAuditRecord, releasedTitleOf, serializeRecord } from './record.js';
import { caseFooter, type CaseStamp } from './case.js';
import { placementOf } from './placement.js';

export { FORMATS, type Format } from './folder.js';
export { withheldTexts } from '../engine/withheld.js';
export { PDF_READER, isPdfBytes, safePdfStem, type PdfSource } from './pdf-names.js';
export { safeOutputStem } from './safe-stem.js';
export { stemHidesTextWord, stemWordsIn } from '../leak/name-check.js';
export { isRenamedStem, renamedStem } from './folder.js';

/** Everything needed to release one document. */
export interface ReleaseRequest {
  readonly doc: Document;
  readonly profile: Profile;
  readonly asOf: string;
  readonly overrides?: OverrideSet | null;
  /** Output file stem (safe file-name characters only), e.g. `08BERLIN173`. */
  readonly stem: string;
  /**
   * The names reviewer overrides may give a document without a reference by, when `stem` is not
   * the only one ({@link documentNames}: the input's file name and its output names), as
   * `explain` and the batch's override check match them.
   */
  readonly overrideNames?: readonly string[];
  /** Input path as recorded, and the sha256 of its bytes. */
  readonly input: { readonly path: string; readonly sha256: string };
  /** Outputs to render (default: all of {@link FORMATS}; none: the decisions and the audit record alone); the audit record is always made. */
  readonly formats?: ReadonlySet<Format> | readonly Format[];
  /** PDF page size (default `letter`). */
  readonly pageSize?: PageSize;
  /** Diagnostics from reading the input (encoding), recorded in the audit. */
  readonly inputDiagnostics?: readonly Diagnostic[];
  /** The reader that made `doc` (recorded in the audit record unless it is the cable parser). */
  readonly reader?: ReaderId;
  /**
   * The input is a PDF: the release PDF is then the original with the withheld text removed
   * (src/pdf), and the review PDF the original banded, instead of typeset copies.
   */
  readonly pdf?: PdfSource;
  /**
   * The FOIA case and document number (`release --case`): a footer ending the release text and
   * every typeset release PDF page (not the redacted original of a PDF input), recorded.
   */
  readonly case?: CaseStamp | null;
  /**
   * Return the release's shingle hashes (`ReleaseResult.shingles`), for the cross-document digest:
   * the self-check then reads them instead of hashing the texts its own cheaper way.
   */
  readonly shingles?: boolean;
  /**
   * This request's plan, when the caller made it already with the same document, profile, as-of
   * date, overrides, stem, case and input kind (the batch does, to check the outputs' name): it is
   * then not made again.
   */
  readonly planned?: PlannedRelease;
}

/** One file to write, relative to the output folder (`release/x.txt`, `review/x.diff`). */
export interface OutputFile {
  readonly kind: Format | 'audit';
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The decisions for a document, the release text they give, and what it withholds and shows. */
export interface PlannedRelease {
  readonly plan: Plan;
  /** The edits that make the release from the original (sorted, non-overlapping). */
  readonly edits: readonly Edit[];
  readonly pieces: readonly Piece[];
  readonly releaseText: string;
  /** What the release is meant to show (see {@link visibleTextOf}), from the same pieces as the text. */
  readonly visible: string;
  /** The document's header and frame lines ({@link headerText}), for the cross-document check. */
  readonly header: string;
  /** The withheld portions and redacted spans, with their text (never written). */
  readonly withheld: readonly WithheldPiece[];
  /** The case footer ending the text and every PDF page, or null when no case is named. */
  readonly footer: string | null;
  /**
   * Set when the document is denied in full: the release is then one page (its header lines, the
   * stamp `DENIED IN FULL <authorities>`, the count withheld), and `pieces` is that page's text.
   */
  readonly denied: { readonly stamp: string } | null;
}

export interface ReleaseResult extends PlannedRelease {
  readonly audit: AuditRecord;
  /**
   * With `shingles` asked for: the shingle hashes of the withheld pieces (in the order of
   * `withheld`), the release text and the visible text, as the self-check read them.
   */
  readonly shingles?: ReleaseShingles;
  /** Pages of the PDFs written (release and review together). */
  readonly pages: number;
  /** Files in write order; the audit record comes last. */
  readonly files: readonly OutputFile[];
}

const encoder = new TextEncoder();

/**
 * The decisions for a document and the release text they give (no rendering, no self-check):
 * the first step of {@link releaseDocument}, and all a skipped document needs for the
 * cross-document check.
 */
export function planRelease(
  doc: Document,
  profile: Profile,
  opts: { asOf: string; overrides?: OverrideSet | null; stem: string; overrideNames?: readonly string[]; case?: CaseStamp | null; pdfInput?: boolean; inputSha256?: string | null },
): PlannedRelease {
  requireAsOf(opts.asOf);
  const plan = evaluate(doc, profile, { asOf: opts.asOf, overrides: opts.overrides ?? null, fallbackRef: opts.overrideNames ?? opts.stem, inputSha256: opts.inputSha256 ?? null });
  assertOverridesApplied(doc, opts.overrides ?? null, opts.overrideNames ?? [opts.stem], plan);
  // A PDF input's release is its own pages redacted: no typeset footer, no denial page (its text follows it).
  const footer = opts.case && !opts.pdfInput ? caseFooter(opts.case, plan.releaseBanner, opts.asOf) : null;
  const edits = buildEdits(plan);
  let pieces = applyEdits(doc.source, edits);
  const withheld = withheldPieces(plan);
  if (!opts.pdfInput && plan.disposition.kind === 'denied-in-full') {
    // One page that shows the document exists: its header lines, the stamp, the count withheld.
    const denial = deniedRelease(plan, pieces);
    const text = footer === null ? denial.text : `${denial.text}\n${footer}\n`;
    return { plan, edits, pieces: [{ kind: 'text', text }], releaseText: text, visible: withShown(text, [releaseTitleWords(plan)]), header: headerText(doc), withheld, footer, denied: { stamp: denial.stamp } };
  }
  if (footer !== null) {
    // The footer is one more edit (an insertion at the end), so the diff and every check see it.
    const text = renderReleaseText(pieces);
    edits.push({ kind: 'replace', span: { start: doc.source.length, end: doc.source.length }, text: `${text === '' || text.endsWith('\n') ? '' : '\n'}\n${footer}\n` });
    pieces = applyEdits(doc.source, edits);
  }
  // A PDF input's release is its own pages (titled with the output stem): what they keep shows.
  const visible = opts.pdfInput ? withKeptFurniture(visibleTextOf(pieces), doc, plan.releaseBanner) : withShown(visibleTextOf(pieces), [releaseTitleWords(plan)]);
  return { plan, edits, pieces, releaseText: renderReleaseText(pieces), visible, header: headerText(doc), withheld, footer, denied: null };
}

/** The denial of a document denied in full: its text (./render/text/denied.ts) and stamp. */
function deniedRelease(plan: Plan, pieces: readonly Piece[]): { text: string; stamp: string } {
  const counts = new Map<string, number>();
  for (const d of plan.decisions) {
    if (d.action !== 'withhold') continue;
    const key = d.authority.join(', ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const codes = plan.decisions.filter((d) => d.action === 'withhold').flatMap((d) => d.authority);
  const stamp = `DENIED IN FULL ${sortAuthorities(codes).join(', ')}`.trimEnd();
  return { text: renderDeniedText(pieces, plan.stamp, stamp, counts), stamp };
}

/**
 * Decides, renders and self-checks one document. Pure apart from hashing: returns the bytes of
 * every output; the caller writes them. Throws InternalError (and so writes nothing) when the
 * release text still holds a shingle of withheld text: the self-check fails closed.
 */
export async function releaseDocument(req: ReleaseRequest): Promise<ReleaseResult> {
  // The caller's options are checked as the command line checks its own: nothing made with a bad one.
  checkReleaseOptions(req);
  const planned =
    req.planned ??
    planRelease(req.doc, req.profile, { asOf: req.asOf, overrides: req.overrides ?? null, stem: req.stem, ...(req.overrideNames !== undefined ? { overrideNames: req.overrideNames } : {}), case: req.case ?? null, pdfInput: req.pdf !== undefined, inputSha256: req.input.sha256 });
  const heldTexts = planned.withheld.map((p) => p.text);
  const shingles = req.shingles ? releaseShingles(heldTexts, planned.releaseText, planned.visible) : null;
  assertNoLeak(shingles ? countLeakRunsIn(shingles) : countLeakRuns(heldTexts, planned.releaseText, planned.visible));
  const { plan, pieces, releaseText } = planned;

  // A PDF whose withheld regions would take released words is refused whatever the formats asked
  // for: the release text and PDF must never disagree (pdf.ts, assertRegionsApart).
  if (req.pdf) (await import('./pdf.js')).assertRegionsApart(plan, req.pdf.layout);
  const ref = req.doc.ref ?? req.stem;
  const formats: ReadonlySet<Format> = new Set(req.formats ?? FORMATS);
  const pageSize = req.pageSize ?? 'letter';
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [...(req.inputDiagnostics ?? []), ...bannerBelowPortions(req.doc, req.asOf)];
  let pages = 0;
  let placedPdf: { pages: number; regionPages: readonly number[] } | null = null;
  // A document with a portion still pending review is not final: its text and PDF go to pending/.
  const pending = plan.disposition.kind === 'pending-review';
  if (formats.has('text')) files.push({ kind: 'text', path: outputPath(req.stem, 'text', pending), bytes: encoder.encode(releaseText) });
  if (formats.has('pdf') && req.pdf) {
    // The PDF code (pdf.js, pdf-lib) is loaded when a PDF is released, not with the library.
    const { releasePdf } = await import('./pdf.js');
    const pdf = await releasePdf(planned, req.pdf, req.stem);
    diagnostics.push(...pdf.diagnostics);
    pages += req.pdf.layout.pages;
    // The redacted original keeps its pages; where each box is, is not known here.
    placedPdf = { pages: req.pdf.layout.pages, regionPages: [] };
    files.push({ kind: 'pdf', path: outputPath(req.stem, 'pdf', pending), bytes: pdf.bytes });
  } else if (formats.has('pdf')) {
    const view = toReleaseView(pieces, plan, ref, planned.footer);
    const pdf = await renderReleasePdf(planned.denied ? { ...view, stamp: planned.denied.stamp } : view, { pageSize });
    diagnostics.push(...pdf.diagnostics);
    pages += pdf.pages;
    placedPdf = { pages: pdf.pages, regionPages: pdf.regionPages ?? [] };
    files.push({ kind: 'pdf', path: outputPath(req.stem, 'pdf', pending), bytes: pdf.bytes });
  }
  if (formats.has('review') && req.pdf) {
    const { reviewOfPdf } = await import('./pdf.js');
    const review = await reviewOfPdf(planned, req.pdf, ref);
    diagnostics.push(...review.diagnostics);
    pages += review.pages;
    files.push({ kind: 'review', path: outputPath(req.stem, 'review'), bytes: review.bytes });
  } else if (formats.has('review')) {
    const review = await renderReviewPdf(toReviewView(plan, ref), { pageSize });
    diagnostics.push(...review.diagnostics);
    pages += review.pages;
    files.push({ kind: 'review', path: outputPath(req.stem, 'review'), bytes: review.bytes });
  }
  if (formats.has('diff')) {
    const diff = planned.denied ? renderReplacementDiff(req.doc.source, releaseText, req.stem) : renderDiff(req.doc.source, planned.edits, releaseText, req.stem);
    files.push({ kind: 'diff', path: outputPath(req.stem, 'diff'), bytes: encoder.encode(diff) });
  }

  const outputs: OutputRecord[] = files.map((f) => ({ kind: f.kind as Format, path: f.path, sha256: sha256Hex(f.bytes), bytes: f.bytes.length }));
  // The reader is recorded for documents only, so cable records stay byte-identical.
  const input = { ...(req.reader && req.reader.name !== 'cable' ? { ...req.input, reader: req.reader } : req.input), title: planned.denied ? null : releasedTitleOf(plan, planned.edits) };
  const placement = placementOf(plan, releaseText, placedPdf, planned.denied !== null);
  const audit = createAuditRecord(plan, input, outputs, diagnostics, req.case ?? null, placement);
  files.push({ kind: 'audit', path: recordPath(req.stem), bytes: encoder.encode(serializeRecord(audit)) });
  return { ...planned, audit, pages, files, ...(shingles ? { shingles } : {}) };
}

/**
 * The original text minus withheld portions (their kept labels, `¶3. ` or `SUBJECT: `, stay) and
 * redacted spans, with every other change the release makes: what the release is meant to show.
 * Computed from the same edits as the release text.
 */
export function visibleText(plan: Plan): string {
  return visibleTextOf(applyEdits(plan.document.source, buildEdits(plan)));
}

function assertNoLeak(leaks: number): void {
  if (leaks > 0) {
    // The message never quotes the leaked words: stderr and logs are not review material.
    throw new InternalError(`self-check failed: the release text still holds ${leaks} run(s) of withheld words; nothing was written`);
  }
}

/**
 * Fails (InternalError: nothing is written) when a reviewer decision that names this document
 * (its reference, or `stem` for a document without one) and one of its portions was neither
 * applied nor reported as not applied (`override-portion-changed`). The batch's override check
 * counts such a decision as matched; a release that then dropped it left the portion pending
 * with exit 0 and no word (probe 59a F4: outputs renamed to `pdf-<sha12>`).
 */
function assertOverridesApplied(doc: Document, overrides: OverrideSet | null, names: readonly string[], plan: Plan): void {
  if (!overrides || overrides.overrides.length === 0) return;
  const ids = overrideIdsOf(doc.ref, names);
  const portions = new Set(doc.portions.map((p) => p.id));
  const decisions = new Map(plan.decisions.map((d) => [d.portionId, d]));
  const reported = plan.diagnostics.filter((d) => d.code === 'override-portion-changed').map((d) => d.message);
  for (const o of overrides.overrides) {
    if (!ids.includes(o.ref) || !portions.has(o.portion)) continue;
    const d = decisions.get(o.portion);
    if (d?.ruleId === 'override' && d.action === o.action && d.override?.reviewer === o.reviewer && d.override.date === o.date) continue;
    if (reported.some((m) => m.startsWith(`The override for ${o.portion} (${o.reviewer}, ${o.date})`))) continue;
    throw new InternalError(`${overrides.file}: the override for ${o.ref} ${o.portion} (${o.reviewer}, ${o.date}) matches this document but was not applied; nothing was released for it`);
  }
}
