import { createHash } from 'node:crypto';
import { createAuditRecord, type AuditRecord, type OutputRecord } from '../audit/record.js';
import { withheldPieces } from '../audit/cross.js';
import { recordPath } from '../audit/manifest.js';
import { countLeakRuns } from '../audit/shingle-hash.js';
import { outputPathFor } from '../audit/verify.js';
import { applyEdits, buildEdits, labelOf } from '../engine/edits.js';
import { evaluate } from '../engine/evaluate.js';
import { renderDiff } from '../render/diff/index.js';
import { renderReleasePdf, renderReviewPdf } from '../render/pdf/index.js';
import { renderReleaseText } from '../render/text/index.js';
import { toReleaseView, toReviewView } from '../render/view.js';
import type { Profile } from '../rules/load.js';
import type { OverrideSet } from '../rules/overrides.js';
import type { Diagnostic, Document, Plan, Span } from '../types.js';
import { InternalError } from '../errors.js';
import type { ReaderId } from '../parse/read.js';

/** Output formats `release` can write. The audit record is always written. */
export const FORMATS = ['text', 'pdf', 'review', 'diff'] as const;
export type Format = (typeof FORMATS)[number];

/** Everything needed to release one document. */
export interface ReleaseRequest {
  readonly doc: Document;
  readonly profile: Profile;
  readonly asOf: string;
  readonly overrides?: OverrideSet | null;
  /** Output file stem (safe file-name characters only), e.g. `08BERLIN173`. */
  readonly stem: string;
  /** Input path as recorded, and the sha256 of its bytes. */
  readonly input: { readonly path: string; readonly sha256: string };
  readonly formats: ReadonlySet<Format>;
  readonly pageSize: 'letter' | 'a4';
  /** Diagnostics from reading the input (encoding), recorded in the audit. */
  readonly inputDiagnostics?: readonly Diagnostic[];
  /** The reader that made `doc` (recorded in the audit record unless it is the cable parser). */
  readonly reader?: ReaderId;
}

/** One file to write, relative to the output folder (`release/x.txt`, `review/x.diff`). */
export interface OutputFile {
  readonly kind: OutputRecord['kind'] | 'audit';
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface ReleaseResult {
  readonly plan: Plan;
  readonly releaseText: string;
  readonly audit: AuditRecord;
  /** Pages of the PDFs written (release and review together). */
  readonly pages: number;
  /** Files in write order; the audit record comes last. */
  readonly files: readonly OutputFile[];
}

const encoder = new TextEncoder();


/** sha256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The decisions for a document and the release text they give (no rendering, no self-check):
 * the first step of {@link releaseDocument}, and all a skipped document needs for the
 * cross-document check.
 */
export function planRelease(doc: Document, profile: Profile, opts: { asOf: string; overrides?: OverrideSet | null; stem: string }): { plan: Plan; pieces: ReturnType<typeof applyEdits>; releaseText: string } {
  const plan = evaluate(doc, profile, { asOf: opts.asOf, overrides: opts.overrides ?? null, fallbackRef: opts.stem });
  const pieces = applyEdits(doc.source, buildEdits(plan));
  return { plan, pieces, releaseText: renderReleaseText(pieces) };
}

/**
 * Decides, renders and self-checks one document. Pure apart from hashing: returns the bytes of
 * every output; the caller writes them. Throws InternalError (and so writes nothing) when the
 * release text still holds a shingle of withheld text: the self-check fails closed.
 */
export async function releaseDocument(req: ReleaseRequest): Promise<ReleaseResult> {
  const { plan, pieces, releaseText } = planRelease(req.doc, req.profile, { asOf: req.asOf, overrides: req.overrides ?? null, stem: req.stem });
  assertNoLeak(plan, releaseText);

  const ref = req.doc.ref ?? req.stem;
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [...(req.inputDiagnostics ?? [])];
  let pages = 0;
  if (req.formats.has('text')) files.push({ kind: 'text', path: outputPathFor(req.stem, 'text'), bytes: encoder.encode(releaseText) });
  if (req.formats.has('pdf')) {
    const pdf = await renderReleasePdf(toReleaseView(pieces, plan, ref), { pageSize: req.pageSize });
    diagnostics.push(...pdf.diagnostics);
    pages += pdf.pages;
    files.push({ kind: 'pdf', path: outputPathFor(req.stem, 'pdf'), bytes: pdf.bytes });
  }
  if (req.formats.has('review')) {
    const review = await renderReviewPdf(toReviewView(plan, ref), { pageSize: req.pageSize });
    diagnostics.push(...review.diagnostics);
    pages += review.pages;
    files.push({ kind: 'review', path: outputPathFor(req.stem, 'review'), bytes: review.bytes });
  }
  if (req.formats.has('diff')) files.push({ kind: 'diff', path: outputPathFor(req.stem, 'diff'), bytes: encoder.encode(renderDiff(req.doc.source, releaseText, req.stem)) });

  const outputs: OutputRecord[] = files.map((f) => ({ kind: f.kind as OutputRecord['kind'], path: f.path, sha256: sha256Hex(f.bytes), bytes: f.bytes.length }));
  const audit = createAuditRecord(plan, req.reader && req.reader.name !== 'cable' ? { ...req.input, reader: req.reader } : req.input, outputs, diagnostics);
  files.push({ kind: 'audit', path: recordPath(req.stem), bytes: encoder.encode(`${JSON.stringify(audit, null, 2)}\n`) });
  return { plan, releaseText, audit, pages, files };
}

/** Texts of the withheld portions and redacted spans of a plan (for leak checks; never written). */
export function withheldTexts(plan: Plan): string[] {
  return withheldPieces(plan).map((p) => p.text);
}

/**
 * The original text minus withheld portions (their kept labels, `¶3. ` or `SUBJECT: `, stay) and
 * redacted spans: what the release is meant to show.
 */
export function visibleText(plan: Plan): string {
  const { source, portions, banner } = plan.document;
  const byId = new Map(portions.map((p) => [p.id, p]));
  const SEPARATOR = '\n\u0000\n';
  // Each cut replaces a span of the source with `text`. Withheld portions and redactions leave a
  // separator, so no run of words crosses them. The rest mirrors what the release itself changes
  // (found by the fuzzer: otherwise released text next to a change reads as a leak, exit 2):
  // page furniture is deleted and the text around it joined; the banner is recomputed, with the
  // stamp under it (or both on top when there is no banner line); caveat lines go.
  const cut: { span: Span; text: string }[] = [
    ...plan.decisions.filter((d) => d.action === 'withhold').map((d) => ({ span: d.span, text: `${labelOf(source, byId.get(d.portionId)!)}${SEPARATOR}` })),
    ...plan.redactions.map((r) => ({ span: r.span, text: SEPARATOR })),
    ...plan.document.furniture.map((span) => ({ span, text: '' })),
    ...(banner
      ? [
          { span: banner.span, text: plan.releaseBanner },
          { span: { start: lineEndAt(source, banner.span.end), end: lineEndAt(source, banner.span.end) }, text: `\n${plan.stamp}` },
          ...banner.caveats.filter((c) => c.span.start > lineEndAt(source, banner.span.end)).map((c) => ({ span: c.span, text: '' })),
        ]
      : [{ span: { start: 0, end: 0 }, text: `${plan.releaseBanner}\n${plan.stamp}\n\n` }]),
  ].sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let at = 0;
  for (const { span, text } of cut) {
    out += `${source.slice(at, Math.max(at, span.start))}${text}`;
    at = Math.max(at, span.end);
  }
  return out + source.slice(at);
}

/** Offset of the end of the line holding `offset` (its newline, or the end of the text). */
function lineEndAt(source: string, offset: number): number {
  const i = source.indexOf('\n', offset);
  return i === -1 ? source.length : i;
}

function assertNoLeak(plan: Plan, releaseText: string): void {
  const leaks = countLeakRuns(withheldTexts(plan), releaseText, visibleText(plan));
  if (leaks > 0) {
    // The message never quotes the leaked words: stderr and logs are not review material.
    throw new InternalError(`self-check failed: the release text still holds ${leaks} run(s) of withheld words; nothing was written`);
  }
}
