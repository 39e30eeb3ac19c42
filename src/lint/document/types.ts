import type { Diagnostic, Document } from '../../types.js';

/** What every check sees besides the document. */
export interface CheckContext {
  /** `YYYY-MM-DD`: the declassification assessment is made as of this date. */
  readonly asOf: string;
  /** True when the document is, or may be, classified (fail closed: unknown counts as classified). */
  readonly classified: boolean;
}

/**
 * One lint check for documents read by the document reader (markdownlint's rule shape): an id,
 * the diagnostic codes it reports, one sentence of description, and a pure function.
 */
export interface DocumentCheck {
  /** Kebab-case, stable. */
  readonly id: string;
  /** Every diagnostic code the check can report (the reader's own diagnostics with these codes are left to it). */
  readonly codes: readonly string[];
  readonly description: string;
  check(doc: Document, ctx: CheckContext): Diagnostic[];
}

/** A span to hang a document-level diagnostic on: the first banner, or the first character. */
export function documentSpan(doc: Document): { start: number; end: number } {
  return doc.banner?.span ?? doc.pageBanners?.[0]?.span ?? { start: 0, end: Math.min(1, doc.source.length) };
}
