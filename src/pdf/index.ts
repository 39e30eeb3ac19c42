/**
 * The PDF true-redaction engine: the public API the rest of declass calls.
 *
 * - {@link redactPdf}: remove what withheld regions cover from a PDF's content streams (glyphs,
 *   paths, images; exact positions kept for the rest), draw labelled full-line boxes, and rewrite
 *   the file whole with nothing that could carry withheld text (metadata, annotations, outlines,
 *   scripts, attachments, structure, form fields, update history).
 * - {@link verifyRedaction}: check a release with pdf.js (no 8-word run of withheld text, no
 *   character inside a region, released text still extractable).
 * - {@link UnsurePageError}: what fails closed, per page, with a reason code.
 *
 * Pure functions over bytes: nothing here reads or writes files.
 */
export { redactPdf } from './redact/document.js';
export type { PdfRegion, RedactPdfOptions, RedactPdfResult, RedactionReport, PageReport } from './redact/document.js';
export type { PageStats } from './redact/page.js';
export { verifyRedaction, checkRelease, normaliseWords, wordShingles } from './verify.js';
export type { CheckInput, ReleaseChecker, VerifyOptions, VerifyResult } from './verify.js';
export { readPdfText, type PdfText, type PdfTextReader, type TextRun } from './pdfjs.js';
export { PdfInputError, RegionError, UnsurePageError, type UnsureReason } from './errors.js';
export { readPdfLayout, spanRegions, spanProbes, NO_TEXT_LAYER, OUTLINE_SHAPES, LETTERING_SHAPES, letteringShapes, type PdfLayout, type LayoutLine, type SpanRegion } from './layout/index.js';
export { pageFlow } from './layout/page-flow.js';
export { unreadContent } from './redact/dropped.js';
export { unseenTextWarnings } from './layout/unseen-warnings.js';
