/**
 * The PDF outputs: the release copy (`DIR/release/<stem>.pdf`) and the review ("diffed") copy
 * (`DIR/review/<stem>.review.pdf`).
 *
 * Both are laid out from the render models alone (release-layout.ts and review-layout.ts on the page grid of grid.ts, pure) and then written (write.ts,
 * a direct serializer). The release copy is typeset from the release text, never drawn over the original:
 * what is not in the {@link ReleaseView} cannot be in the file.
 */
import type { Diagnostic, ReleaseView, ReviewView } from '../../types.js';
import { layoutRelease } from './release-layout.js';
import { layoutReview, REVIEW_MARKING } from './review-layout.js';
import type { PageSizeName } from './model.js';
import { writePdf } from './write.js';

export type { PageSizeName, PageLayout, PageItem, TextItem, RectItem, Rgb, PdfLayout, PdfFont, LayoutOptions } from './model.js';
export { MONO_ADVANCE, PAGE_SIZES } from './model.js';
export { layoutRelease } from './release-layout.js';
export { layoutReview, REVIEW_MARKING } from './review-layout.js';
export { serializePdf, writePdf, type PdfMeta } from './write.js';
export { createCharMapper, type CharMapper } from './encoding.js';

/** Options of the PDF renderers. */
export interface PdfRenderOptions {
  /** Paper size: `letter` (US Letter, the default) or `a4`. */
  readonly pageSize?: PageSizeName;
}

/** Options of the review PDF. */
export interface ReviewRenderOptions extends PdfRenderOptions {
  /** The summary alone, numbered as the pages after this many of the original (the review of a PDF input). */
  readonly summaryAfterPages?: number;
}

/** A rendered PDF. */
export interface PdfRenderResult {
  /** The complete file. */
  readonly bytes: Uint8Array;
  /** Number of pages (at least 1). */
  readonly pages: number;
  /** `pdf-char-replaced` warnings: characters the font cannot show, one per distinct character. */
  readonly diagnostics: Diagnostic[];
  /** Release PDF: the page (1-based) of each withheld box and redaction box, in document order. */
  readonly regionPages?: readonly number[];
}

/**
 * Render the release copy as PDF. Title and subject in the Info dictionary come from the view
 * (its title, banner and stamp), which holds released text only; nothing else is written there.
 *
 * @param view The release model (no withheld text by construction).
 * @param options `pageSize`, US Letter by default.
 * @returns The bytes, page count and diagnostics. Deterministic: the same view gives the same bytes.
 */
export async function renderReleasePdf(view: ReleaseView, options: PdfRenderOptions = {}): Promise<PdfRenderResult> {
  const layout = layoutRelease(view, { pageSize: options.pageSize ?? 'letter' });
  const subject = [view.banner, view.stamp].map((s) => s.trim()).filter((s) => s !== '').join(' - ');
  const bytes = await writePdf(layout.pages, { title: view.title, ...(subject ? { subject } : {}) });
  return { bytes, pages: layout.pages.length, diagnostics: [...layout.diagnostics], regionPages: layout.regionPages ?? [] };
}

/**
 * Render the review ("diffed") copy as PDF: a summary page, then the whole original with every
 * decision marked, each page marked with the original classification and
 * `REVIEW COPY - NOT FOR RELEASE`. Not for release: it holds the withheld text.
 *
 * @param view The review model.
 * @param options `pageSize`, US Letter by default.
 * @returns The bytes, page count and diagnostics. Deterministic: the same view gives the same bytes.
 */
export async function renderReviewPdf(view: ReviewView, options: ReviewRenderOptions = {}): Promise<PdfRenderResult> {
  const layout = layoutReview(view, { pageSize: options.pageSize ?? 'letter', ...(options.summaryAfterPages === undefined ? {} : { summaryAfterPages: options.summaryAfterPages }) });
  const classification = view.classification.trim();
  const subject = classification === '' ? REVIEW_MARKING : `${classification} - ${REVIEW_MARKING}`;
  const bytes = await writePdf(layout.pages, { title: `${REVIEW_MARKING}: ${view.title}`, subject });
  return { bytes, pages: layout.pages.length, diagnostics: [...layout.diagnostics] };
}
