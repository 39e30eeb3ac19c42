/**
 * The readers' names and versions, and the input formats a user can ask for: small constants
 * kept apart from the readers themselves, so that the command line can offer them (and the
 * release folder contract record them) without loading the parsers.
 */
import { TOOL } from '../version.js';
import type { DocumentFormat } from '../types.js';

/** What the caller asks for: a format, or `auto` to detect it. */
export type InputFormat = DocumentFormat | 'auto';

/** The input formats a user can name (`--input-format`). */
export const INPUT_FORMATS: readonly InputFormat[] = ['auto', 'cable', 'document'];

/** A reader's name and version, as recorded in audit records. */
export interface ReaderId {
  /** `pdf`: the PDF text layer, then the document reader (src/release/pdf.ts). */
  readonly name: DocumentFormat | 'pdf';
  readonly version: string;
}

/** The cable parser (its version is the tool's). */
export const CABLE_READER: ReaderId = { name: 'cable', version: TOOL.version };
/**
 * The document reader. Its version changes whenever the same text could be read differently
 * (so an audit record names the reading it was made from).
 */
export const DOCUMENT_READER: ReaderId = { name: 'document', version: '1.0.0' };

/** True when `bytes` start like a PDF file (`%PDF-` within the first 1024 bytes, as readers allow). */
export function isPdfBytes(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}
