import type { Diagnostic } from '../types.js';
import { foldMarkStandIns, standInDiagnostic } from './stand-ins.js';

/** Result of turning the bytes of an input file into cable text. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const latin1 = new TextDecoder('latin1');

/**
 * Decodes an input file. UTF-8 is expected; a UTF-8 BOM is dropped; invalid UTF-8 is read as
 * Latin-1 (cables predate Unicode) with a warning; CRLF and lone CR line ends become LF with an
 * info diagnostic, so that every later offset refers to `text`; a mark that hides invisible or
 * look-alike characters is read without them (./stand-ins.ts, a warning). Binary data (NUL bytes) and empty
 * files are refused: there is nothing a reviewer could release from them.
 */
export function decodeInput(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: 'empty file' };
  if (bytes.indexOf(0) !== -1) return { ok: false, message: 'binary data (NUL bytes), not a text cable' };
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = latin1.decode(bytes);
    diagnostics.push({
      severity: 'warning',
      code: 'encoding-latin1',
      message: 'Input is not valid UTF-8; it was read as Latin-1.',
    });
  }
  if (/\r/.test(text)) {
    text = text.replace(/\r\n?/g, '\n');
    diagnostics.push({
      severity: 'info',
      code: 'line-ends-normalised',
      message: 'CR or CRLF line ends were read as LF.',
    });
  }
  if (text.trim().length === 0) return { ok: false, message: 'file holds only white space' };
  // Marks that hide a zero-width space or a look-alike slash are read as written plainly (./stand-ins.ts).
  const folded = foldMarkStandIns(text);
  const standIns = standInDiagnostic(folded.marks);
  if (standIns) diagnostics.push(standIns);
  return { ok: true, text: folded.text, diagnostics };
}
