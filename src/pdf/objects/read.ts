/**
 * Reads a PDF file into the plain object model (model.ts). One of the two modules that import
 * pdf-lib, and only its core (objects and parser: its document API, most of its modules, is not
 * loaded for reading): its parser handles cross-reference streams, object streams and damaged
 * tables, and reads the file front to back so that the newest definition of an object (the last
 * incremental update) wins.
 *
 * Encrypted files are refused: their strings and streams cannot be read, so nothing in them can be
 * checked, which is reason enough to stop in a redaction tool.
 */
import {
  PDFArray,
  PDFBool,
  PDFDict as LibDict,
  PDFHexString,
  PDFName as LibName,
  PDFNumber,
  PDFParser,
  PDFRawStream,
  PDFRef as LibRef,
  PDFString as LibString,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib/cjs/core/index.js';
import { PdfInputError } from '../errors.js';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObjects, type PdfValue } from './model.js';
import { withoutConsoleWarnings } from '../quiet.js';
import { misreadDefinition, type Definition, type ObjectAt } from './definitions.js';

/** Each name's text, worked out once: pdf-lib keeps one PDFName object per name, and a file names the same few keys thousands of times. */
const nameTexts = new WeakMap<LibName, string>();

function nameText(n: LibName): string {
  let s = nameTexts.get(n);
  if (s !== undefined) return s;
  s = '';
  for (const b of n.asBytes()) s += String.fromCharCode(b);
  nameTexts.set(n, s);
  return s;
}

function convert(o: PDFObject | undefined): PdfValue {
  if (o === undefined) return null;
  if (o instanceof PDFNumber) return o.asNumber();
  if (o instanceof LibName) return PdfName.of(nameText(o));
  if (o instanceof LibRef) return new PdfRef(o.objectNumber, o.generationNumber);
  if (o instanceof PDFHexString) return new PdfString(o.asBytes(), true);
  if (o instanceof LibString) return new PdfString(o.asBytes(), false);
  if (o instanceof PDFBool) return o.asBoolean();
  if (o instanceof PDFArray) return o.asArray().map(convert);
  if (o instanceof LibDict) return convertDict(o);
  if (o instanceof PDFRawStream) return new PdfStream(convertDict(o.dict), o.contents);
  return null; // PDFNull and anything pdf-lib could not parse
}

function convertDict(d: LibDict): PdfDict {
  const out = new PdfDict();
  for (const [k, v] of d.entries()) out.set(nameText(k), convert(v));
  return out;
}

/** The parser's members the hooks below use (private in pdf-lib's types). */
interface ParserInside {
  readonly context: PDFContext;
  readonly bytes: { offset(): number; moveTo(offset: number): void };
  parseIndirectObjectHeader(): LibRef;
  skipWhitespaceAndComments(): void;
  parseObject(): PDFObject;
}

/**
 * Records every definition `parser` reads, in order, by object number (pdf-lib keeps only the
 * last): a body definition by the offset of its number; an object stream's member by the stream's
 * offset and the member's index, the order in which the stream parser assigns them.
 */
function recordDefinitions(parser: PDFParser): Map<number, Definition[]> {
  const inside = parser as unknown as ParserInside;
  const defined = new Map<number, Definition[]>();
  const header = inside.parseIndirectObjectHeader.bind(parser);
  let top = { num: -1, at: 0, next: 0 };
  inside.parseIndirectObjectHeader = () => {
    inside.skipWhitespaceAndComments();
    const at = inside.bytes.offset();
    const ref = header();
    top = { num: ref.objectNumber, at, next: 0 };
    return ref;
  };
  const assign = inside.context.assign.bind(inside.context);
  inside.context.assign = (ref, object) => {
    const def = ref.objectNumber === top.num ? { at: top.at } : { at: top.at, index: top.next++ };
    const list = defined.get(ref.objectNumber);
    if (list) list.push(def);
    else defined.set(ref.objectNumber, [def]);
    assign(ref, object);
  };
  return defined;
}

/** Parses the indirect object at an offset of `bytes` on its own (cross-reference streams, which pdf-lib does not keep). */
function objectAtIn(bytes: Uint8Array): ObjectAt {
  return (offset) => {
    try {
      const p = PDFParser.forBytesWithOptions(bytes, Infinity, false, false) as unknown as ParserInside;
      p.bytes.moveTo(offset);
      p.parseIndirectObjectHeader();
      p.skipWhitespaceAndComments();
      return convert(p.parseObject());
    } catch {
      return undefined;
    }
  };
}

/**
 * Parse `bytes` into objects and trailer.
 *
 * @throws PdfInputError when the bytes are not a PDF, cannot be parsed, are encrypted, or have no
 *   document catalog.
 */
export async function readPdfObjects(bytes: Uint8Array): Promise<PdfObjects> {
  if (bytes.length < 8 || String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') {
    throw new PdfInputError('not a PDF file (no %PDF- header)');
  }
  let context;
  // Infinity objects per tick: parse in one go (no event-loop yields, which only cost time here).
  const parser = PDFParser.forBytesWithOptions(bytes, Infinity, false, false);
  const defined = recordDefinitions(parser);
  try {
    context = await withoutConsoleWarnings(() => parser.parseDocument());
  } catch (e) {
    throw new PdfInputError(`the PDF cannot be parsed: ${(e as Error).message}`, { cause: e });
  }
  if (context.trailerInfo.Encrypt) throw new PdfInputError('the PDF is encrypted: decrypt it before redaction');
  // Viewers read the definition the cross-reference data points to, the parser the last one.
  const twice = misreadDefinition(bytes, defined, objectAtIn(bytes));
  if (twice !== undefined) throw new PdfInputError(`object ${twice} is defined more than once and the cross-reference table points to an earlier definition than the last: viewers and declass would read different documents`);
  const objects = new Map<number, PdfValue>();
  for (const [ref, obj] of context.enumerateIndirectObjects()) objects.set(ref.objectNumber, convert(obj));
  const trailer = new PdfDict();
  const info = context.trailerInfo;
  if (info.Root) trailer.set('Root', convert(info.Root));
  if (info.Info) trailer.set('Info', convert(info.Info));
  const root = trailer.get('Root');
  const catalog = root instanceof PdfRef ? objects.get(root.num) : root;
  if (!(catalog instanceof PdfDict)) throw new PdfInputError('the PDF has no document catalog');
  return { objects, trailer };
}
