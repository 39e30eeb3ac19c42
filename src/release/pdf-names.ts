/**
 * What the rest of the release code needs to know of PDF inputs without loading the PDF code
 * (pdf.js and pdf-lib take half a second to load; a batch of text documents never needs them):
 * the reader's id, the read source's shape, and the safe output name. The PDF work is ./pdf.ts,
 * imported when a PDF is released.
 */
import type { PdfLayout } from '../pdf/layout/index.js';
import type { ReleaseChecker } from '../pdf/verify.js';
import type { ReaderId } from '../parse/read.js';
import type { Diagnostic } from '../types.js';
import type { PlannedRelease } from './index.js';
import { safeOutputStem } from './safe-stem.js';

export { isPdfBytes } from '../parse/readers.js';

/**
 * The PDF reader: text layer (src/pdf/layout) and the document reader. Its version changes
 * whenever the same PDF could be read differently.
 */
export const PDF_READER: ReaderId = { name: 'pdf', version: '1.0.0' };

/** A PDF read for release: its bytes and text layer. */
export interface PdfSource {
  readonly bytes: Uint8Array;
  readonly layout: PdfLayout;
  /** Turn a page the rewriter cannot handle with certainty into an image instead of failing. */
  readonly rasterizeUnsure?: boolean;
  /** How the release is read back with pdf.js and checked (default: in this thread). */
  readonly checkRelease?: ReleaseChecker;
}

/**
 * The output stem of a PDF input: `stem`, unless one of its words (three letters or more) is a
 * withheld word that the release does not show anyway; then `pdf-<first 12 hex of the input
 * sha256>`, with a warning (see ./safe-stem.ts; SIDtoday file names hold the article's title).
 */
export function safePdfStem(stem: string, planned: Pick<PlannedRelease, 'withheld' | 'visible'>, sha256: string): { stem: string; diagnostic?: Diagnostic } {
  return safeOutputStem(stem, planned, sha256, 'pdf');
}
