/**
 * Reading files: an input (cable or document) with its size limit (read, decoded and parsed by the
 * reader its content or the caller names, every failure one line), and plain bytes or text for the
 * callers that hash or parse them themselves.
 */
import { readFile, stat } from 'node:fs/promises';
import { decodeInput } from '../parse/decode.js';
import { hasMarkings, NOT_MARKED_MESSAGE, readDocument, type InputFormat, type ReaderId } from '../parse/read.js';
import { isPdfBytes, readPdfInput, type PdfSource } from '../release/pdf.js';
import type { Diagnostic, Document } from '../types.js';
import { describeFsError } from './errors.js';

/**
 * An input read from disk: its bytes (for hashing), its parsed Document, the reader that made it
 * and decoding diagnostics.
 */
export type InputRead =
  | { readonly ok: true; readonly doc: Document; readonly reader: ReaderId; readonly bytes: Uint8Array; readonly decodeDiagnostics: readonly Diagnostic[]; readonly pdf?: PdfSource }
  | { readonly ok: false; readonly message: string };

/** What {@link readCable} gives: an {@link InputRead} made by the cable parser. */
export type CableRead = InputRead;

/**
 * Largest input read by default: 10 MiB. The longest cable of the corpus is well under 1 MB; a
 * file far larger is not a cable, and parsing, rendering and the leak check all hold a document
 * (and several copies of it) in memory, so a limit is what keeps memory bounded.
 */
export const DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** `12.3 MB`: a byte count for messages. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/**
 * Reads, decodes and parses one input with the reader `format` names (`auto`, the default: picked
 * from the content, see parse/read.ts); every failure (including a parser bug) becomes a one-line
 * message. A file over `maxBytes` is refused before it is read.
 */
export async function readInput(file: string, maxBytes: number = DEFAULT_MAX_INPUT_BYTES, format: InputFormat = 'auto'): Promise<InputRead> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, message: info.isDirectory() ? 'is a folder' : 'not a regular file' };
    if (info.size > maxBytes) return { ok: false, message: tooLarge(info.size, maxBytes) };
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, message: describeFsError(error) };
  }
  return readInputData(bytes, maxBytes, format);
}

/**
 * Reads an input's bytes as {@link readInputBytes} does, and a PDF (`%PDF-` at its start) too:
 * its text layer, then the document reader (a PDF without text is refused in one line).
 */
export async function readInputData(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_INPUT_BYTES, format: InputFormat = 'auto'): Promise<InputRead> {
  if (!isPdfBytes(bytes)) return readInputBytes(bytes, maxBytes, format);
  if (bytes.length > maxBytes) return { ok: false, message: tooLarge(bytes.length, maxBytes) };
  if (format === 'cable') return { ok: false, message: 'a PDF cannot be read as a cable (--input-format cable)' };
  try {
    const r = await readPdfInput(bytes);
    if (!r.ok) return r;
    return { ok: true, doc: r.doc, reader: r.reader, bytes, decodeDiagnostics: [], pdf: { bytes, layout: r.layout } };
  } catch (error) {
    return { ok: false, message: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Decodes and parses an input's bytes (a file's, or standard input's) as {@link readInput} does:
 * over `maxBytes`, undecodable, or without any classification marking (`not a marked document`)
 * is a one-line failure. A PDF is read by {@link readInputData} only.
 */
export function readInputBytes(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_INPUT_BYTES, format: InputFormat = 'auto'): InputRead {
  // A file may have grown between stat and read.
  if (bytes.length > maxBytes) return { ok: false, message: tooLarge(bytes.length, maxBytes) };
  if (isPdfBytes(bytes)) return { ok: false, message: 'a PDF: read it with readInputData' };
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  try {
    const { doc, reader } = readDocument(decoded.text, { format });
    if (!hasMarkings(doc)) return { ok: false, message: NOT_MARKED_MESSAGE };
    return { ok: true, doc, reader, bytes, decodeDiagnostics: decoded.diagnostics };
  } catch (error) {
    // A parser bug must cost one file, never the batch.
    return { ok: false, message: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Reads one cable: {@link readInput} with the cable parser, whatever the content looks like. */
export async function readCable(file: string, maxBytes: number = DEFAULT_MAX_INPUT_BYTES): Promise<CableRead> {
  return readInput(file, maxBytes, 'cable');
}

function tooLarge(size: number, max: number): string {
  // Just over the limit would read "2 MB, over the 2 MB limit": then say it in bytes.
  const [a, b] = formatMegabytes(size) === formatMegabytes(max) ? [`${size} bytes`, `${max}-byte`] : [formatMegabytes(size), formatMegabytes(max)];
  return `too large: ${a}, over the ${b} input limit (raise it with --max-input-mb)`;
}

/** A file's bytes; throws the file-system error. */
export async function readBytes(file: string): Promise<Uint8Array> {
  return readFile(file);
}

/** A file's bytes, or null when it cannot be read (missing, a folder, no permission). */
export async function readBytesOrNull(file: string): Promise<Uint8Array | null> {
  return readFile(file).catch(() => null);
}

/** A file's text (UTF-8); throws the file-system error. */
export async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8');
}

/** A file's text (UTF-8), or null when it cannot be read. */
export async function readTextOrNull(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch(() => null);
}

/** Size in bytes of a file; throws the file-system error. */
export async function fileSize(file: string): Promise<number> {
  return (await stat(file)).size;
}
