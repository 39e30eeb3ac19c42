/**
 * Reading files: an input (cable or document) with its size limit (read, decoded and parsed by the
 * reader its content or the caller names, every failure one line), and plain bytes or text for the
 * callers that hash or parse them themselves.
 */
import { closeSync, constants as fsConstants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { Sha256Stream } from '../hash.js';
import { decodeInput } from '../parse/decode.js';
import { hasMarkings, NOT_MARKED_MESSAGE, readDocument, type InputFormat, type ReaderId } from '../parse/read.js';
import { isPdfBytes } from '../parse/readers.js';
import type { PdfSource } from '../release/pdf-names.js';
import type { Diagnostic, Document } from '../types.js';
import { describeFsError } from './errors.js';
import { DEFAULT_MAX_INPUT_BYTES } from './limits.js';

export { DEFAULT_MAX_INPUT_BYTES };

/**
 * An input read from disk: its bytes (for hashing), its parsed Document, the reader that made it
 * and decoding diagnostics.
 */
export type InputRead =
  | { readonly ok: true; readonly doc: Document; readonly reader: ReaderId; readonly bytes: Uint8Array; readonly decodeDiagnostics: readonly Diagnostic[]; readonly pdf?: PdfSource }
  | { readonly ok: false; readonly message: string };

/** What {@link readCable} gives: an {@link InputRead} made by the cable parser. */
export type CableRead = InputRead;


/** `12.3 MB`: a byte count for messages. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/**
 * Reads, decodes and parses one input with the reader `format` names (`auto`, the default: picked
 * from the content, see parse/read.ts); every failure (including a parser bug) becomes a one-line
 * message. A file over `maxBytes` is refused before it is read. A PDF is read by its text layer
 * ({@link readInputData}).
 */
export async function readInput(file: string, maxBytes: number = DEFAULT_MAX_INPUT_BYTES, format: InputFormat = 'auto'): Promise<InputRead> {
  const read = readFileWithin(file, maxBytes);
  return read.ok ? readInputData(read.bytes, maxBytes, format) : read;
}

/**
 * Reads an input's bytes as {@link readInputBytes} does, and a PDF (`%PDF-` at its start) too:
 * its text layer, then the document reader (a PDF without text is refused in one line). The PDF
 * code is loaded only when a PDF comes.
 */
export async function readInputData(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_INPUT_BYTES, format: InputFormat = 'auto'): Promise<InputRead> {
  if (!isPdfBytes(bytes)) return readInputBytes(bytes, maxBytes, format);
  if (bytes.length > maxBytes) return { ok: false, message: tooLarge(bytes.length, maxBytes) };
  if (format === 'cable') return { ok: false, message: 'a PDF cannot be read as a cable (--input-format cable)' };
  try {
    const { readPdfInput } = await import('../release/pdf.js');
    const r = await readPdfInput(bytes);
    if (!r.ok) return r;
    return { ok: true, doc: r.doc, reader: r.reader, bytes, decodeDiagnostics: [], pdf: { bytes, layout: r.layout } };
  } catch (error) {
    return { ok: false, message: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * {@link readInput} for text inputs, all synchronous (a PDF is refused: its reader is
 * asynchronous).
 */
export function readInputSync(file: string, maxBytes: number = DEFAULT_MAX_INPUT_BYTES, format: InputFormat = 'auto'): InputRead {
  const read = readFileWithin(file, maxBytes);
  return read.ok ? readInputBytes(read.bytes, maxBytes, format) : read;
}

/**
 * A file's bytes with synchronous calls (one open, one fstat, the reads, one close): in a batch's
 * jobs each of the promise-based calls was a round trip through libuv's pool costing more than
 * the read itself. A folder, a file over `maxBytes` or a file-system error is a one-line failure.
 */
function readFileWithin(file: string, maxBytes: number): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  try {
    // Non-blocking, so that a FIFO is opened (and refused below) instead of waiting for a writer
    // forever; a regular file reads as before.
    const fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) return { ok: false, message: info.isDirectory() ? 'is a folder' : 'not a regular file' };
      if (info.size > maxBytes) return { ok: false, message: tooLarge(info.size, maxBytes) };
      return { ok: true, bytes: readAllSync(fd, info.size, maxBytes) };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { ok: false, message: describeFsError(error) };
  }
}

/**
 * The rest of an open file: `expected` bytes as fstat gave them, more if it grew meanwhile (up to
 * one byte over `maxBytes`, enough for the caller to refuse it).
 */
function readAllSync(fd: number, expected: number, maxBytes: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.max(expected, 0) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) break;
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      bigger.set(buffer);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
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

/**
 * The most {@link readBytesOrNull} reads: a larger file cannot be held in one buffer (Node refuses
 * files over 2 GiB) and is treated as unreadable.
 */
const MAX_READ_BYTES = 2 ** 31 - 1;

/**
 * A file's bytes, or null when it cannot be read (missing, a folder, a FIFO or device, no
 * permission, over 2 GiB). A FIFO is refused, not waited on (see readFileWithin).
 */
export async function readBytesOrNull(file: string): Promise<Uint8Array | null> {
  return readBytesOrNullSync(file);
}

/** A file's bytes, or null when it cannot be read, with synchronous calls (for a batch's jobs). */
export function readBytesOrNullSync(file: string): Uint8Array | null {
  const read = readFileWithin(file, MAX_READ_BYTES);
  return read.ok && read.bytes.length <= MAX_READ_BYTES ? read.bytes : null;
}

/** What {@link fileSha256Streamed} gives: the sha256 and size of a regular file, or why there is none. */
export type FileHash = { readonly ok: true; readonly sha256: string; readonly size: number } | { readonly ok: false; readonly regular: boolean; readonly message: string };

/**
 * The sha256 of a regular file read a megabyte at a time (any size, in flat memory); a FIFO,
 * folder or device is refused without waiting (`regular: false`), a file-system error is a
 * one-line message.
 */
export async function fileSha256Streamed(file: string): Promise<FileHash> {
  try {
    const handle = await open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    try {
      const info = await handle.stat();
      if (!info.isFile()) return { ok: false, regular: false, message: info.isDirectory() ? 'is a folder' : 'not a regular file' };
      const hash = new Sha256Stream();
      const buffer = Buffer.allocUnsafe(1 << 20);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        hash.update(buffer.subarray(0, bytesRead));
      }
      return { ok: true, sha256: hash.digest(), size: hash.bytes };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, regular: true, message: describeFsError(error) };
  }
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
