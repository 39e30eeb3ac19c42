/** What a lint check is and what it sees. */
import type { Diagnostic, Document, DocumentFormat, Level, Span } from '../types.js';

/** What every check sees: the document, the as-of date and facts derived once for all checks. */
export interface LintContext {
  readonly doc: Document;
  /** `YYYY-MM-DD`, for the declassification assessment. */
  readonly asOf: string;
  /** The document's level, or null when nothing was understood. */
  readonly level: Level | null;
  /**
   * True when the document is, or may be, classified (an unknown level counts: fail closed; so,
   * for a document read by the document reader, does a portion mark that was not understood).
   */
  readonly classified: boolean;
  /** Where document-level problems point: the banner (else a document's first banner line), else the first character. */
  readonly bannerSpan: Span;
}

/**
 * One lint check: an id (its module's name), a sentence for the docs, the diagnostic codes it
 * may report, the readers whose documents it applies to, and a function of the document
 * (markdownlint's names / description / function).
 */
export interface LintCheck {
  /** Kebab-case, the module's file name (`banner-roll-up`). */
  readonly id: string;
  /** One sentence: what the check finds and why it matters. */
  readonly description: string;
  /** Every diagnostic code the check may report (stable; tests assert them). */
  readonly codes: readonly string[];
  /** The readers whose documents the check applies to (see `Document.format`; absent means `cable`). */
  readonly formats: readonly DocumentFormat[];
  /** The problems found; never infos. */
  check(ctx: LintContext): Diagnostic[];
}
