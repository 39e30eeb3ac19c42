/**
 * Typed errors of the PDF redaction engine. Each names what went wrong in one line; the ones about
 * a page carry its 0-based index and a stable reason code (tests assert codes, not prose).
 */
import { DeclassError, ExitCode, InputError } from '../errors.js';

/** A PDF that cannot be read at all (not a PDF, damaged beyond parsing, encrypted). */
export class PdfInputError extends InputError {}

/** Why a page cannot be redacted with certainty. */
export type UnsureReason =
  | 'type3-font'
  | 'unknown-font'
  | 'unknown-encoding'
  | 'vertical-text'
  | 'clipping-text'
  | 'zero-size-font'
  | 'text-as-paths'
  | 'line-drawing'
  | 'inline-image'
  | 'inline-image-end'
  | 'tiling-pattern'
  | 'soft-mask'
  | 'unknown-filter'
  | 'bad-content'
  | 'nested-too-deep'
  | 'rasterize-failed'
  | 'unbounded-drawing';

/** Reasons a raster of the page (`--rasterize-unsure`) cannot help with: the message does not point to it. */
const NOT_RASTERIZABLE: ReadonlySet<UnsureReason> = new Set(['rasterize-failed', 'unbounded-drawing']);

/**
 * A page that the rewriter cannot redact with certainty inside a withheld region. Redaction of the
 * whole document stops (fail closed) unless the caller asked to rasterise such pages. The message
 * is one line: the page, what it draws (each detail once, no reason code: tests assert `reason`),
 * and whether `--rasterize-unsure` would help (probe 67a, F5).
 */
export class UnsurePageError extends DeclassError {
  /** 0-based page index. */
  readonly page: number;
  readonly reason: UnsureReason;
  constructor(page: number, reason: UnsureReason, detail: string, options?: { cause?: unknown; rasterized?: boolean }) {
    const hint = NOT_RASTERIZABLE.has(reason) || options?.rasterized ? 'fail closed' : 'fail closed; --rasterize-unsure would turn the page into an image with the boxes burnt in';
    super(`page ${page + 1}: cannot redact with certainty: ${detail} (${hint})`, ExitCode.problems, options);
    this.page = page;
    this.reason = reason;
  }
}

/** A region that does not describe a place on a page of the document (bad index or rectangle). */
export class RegionError extends DeclassError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}
