/**
 * Every string and every decodable stream of every object of a handed-out PDF, for the leak
 * check (probe 59a F6): the text layer and the Info dictionary are not all a PDF carries. An
 * attachment (an embedded file stream), document JavaScript, or a string under a custom key of
 * the catalog or any object is handed out too, and a reader of the file can get at it.
 *
 * Strings (literal and hex) and names are text as they are; streams are decoded through their
 * filters (Flate, LZW, ASCIIHex, ASCII85, RunLength, through src/pdf) and read as UTF-8, then as
 * the strings of PDF syntax they hold. An image codec's data, which is no text, is left as is.
 */
import { PdfDict, PdfName, PdfStream, PdfString, type PdfObjects, type PdfValue } from '../pdf/objects/model.js';
import { decodeTextString } from '../pdf/objects/text-string.js';
import { pdfStrings } from './pdf-text.js';

/** What the objects of a PDF hold as text. */
export interface PdfObjectTexts {
  /** Strings of every object (dictionaries and arrays walked; streams' dictionaries too), one a line. */
  readonly strings: string;
  /**
   * Each decoded stream (an image codec's data, or an undecodable stream, as it is) as UTF-8 text
   * and the PDF strings it holds; and the names and keys of every object, one a line.
   */
  readonly streams: readonly string[];
}

const utf8 = new TextDecoder('utf-8');

/** What a walk collects: strings, names and keys, and the streams met. */
interface Walked {
  readonly strings: string[];
  readonly names: string[];
  readonly streams: PdfStream[];
}

/** The strings, names and streams of `v` and of what it holds, appended to `to`. */
function walk(v: PdfValue | undefined, to: Walked): void {
  if (v instanceof PdfString) to.strings.push(decodeTextString(v.bytes));
  else if (v instanceof PdfName) to.names.push(v.name);
  else if (Array.isArray(v)) for (const x of v) walk(x, to);
  else if (v instanceof PdfDict) {
    for (const [key, x] of v.map) {
      to.names.push(key);
      walk(x, to);
    }
  } else if (v instanceof PdfStream) {
    to.streams.push(v);
    walk(v.dict, to);
  }
}

/**
 * The texts of every object of a PDF. Throws (as src/pdf's reader does) when the file cannot be
 * parsed or is encrypted: the caller reports it as unreadable.
 */
export async function pdfObjectTexts(bytes: Uint8Array): Promise<PdfObjectTexts> {
  const { readPdfObjects } = await import('../pdf/objects/read.js');
  const { decodeStream } = await import('../pdf/objects/filters.js');
  const objs: PdfObjects = await readPdfObjects(bytes);
  const to: Walked = { strings: [], names: [], streams: [] };
  for (const v of objs.objects.values()) walk(v, to);
  walk(objs.trailer, to);
  const streams: string[] = [to.names.join('\n')];
  for (const s of to.streams) {
    const d = decodeStream(objs, s);
    // Undecodable (an unknown filter) or an image codec's data: its raw bytes are read as they are.
    const data = d.ok && !d.codec ? d.data : s.data;
    const text = utf8.decode(data);
    streams.push(text);
    // A stream of PDF syntax (content, an object stream, JavaScript in parentheses) holds strings.
    if (data.includes(0x28) || data.includes(0x3c)) streams.push(pdfStrings(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1')).join('\n'));
  }
  return { strings: to.strings.join('\n'), streams };
}
