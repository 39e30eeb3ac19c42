/**
 * Reads the text back out of a release PDF for the leak check, without pdf.js: the streams are
 * inflated with node:zlib and every string operand is taken, so nothing drawn can hide from the
 * check whatever operator shows it.
 *
 * It reads what src/render/pdf/write.ts writes (FlateDecode content streams, literal strings in
 * WinAnsi, an Info dictionary with UTF-16 hex strings) and any PDF built the same way. It fails
 * closed: an encrypted file, a stream with another filter, or one that does not inflate, is
 * reported as unreadable rather than read as empty.
 */
import { inflateSync } from 'node:zlib';
import { decodeTextString } from '../pdf/objects/text-string.js';

/** What was read from a PDF. */
export type PdfTextResult =
  | {
      readonly ok: true;
      /** Strings shown by the content streams, one per line (a TJ array's strings joined). */
      readonly text: string;
      /** Strings outside streams (the Info dictionary: Title, Subject, Keywords…) and XML metadata streams. */
      readonly metadata: string;
      /**
       * Every stream decoded, as UTF-8 text (an attachment, a script, a font), and the syntax
       * outside streams, names' `#xx` escapes decoded: for the leak check's raw scan (8-word runs).
       */
      readonly raw: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/**
 * The string operands in PDF syntax `s` (a latin1 view of bytes): literal `(…)` and hex `<…>`
 * strings, in order. Strings inside one array `[…]` are joined (a TJ array shows one run of text).
 */
export function pdfStrings(s: string): string[] {
  const out: string[] = [];
  let arrayDepth = 0;
  let arrayText: string | null = null;
  const emit = (text: string): void => {
    if (arrayDepth > 0) arrayText = (arrayText ?? '') + text;
    else out.push(text);
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    } else if (c === '(') {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < s.length && depth > 0) {
        const ch = s[i]!;
        if (ch === '\\') {
          const next = s[i + 1] ?? '';
          const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
          if (next in escapes) {
            bytes.push(escapes[next]!);
            i += 2;
          } else if (/[0-7]/.test(next)) {
            const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4))![0];
            bytes.push(parseInt(oct, 8) & 0xff);
            i += 1 + oct.length;
          } else if (next === '\r' || next === '\n') {
            i += next === '\r' && s[i + 2] === '\n' ? 3 : 2; // line continuation
          } else {
            i += 1;
          }
          continue;
        }
        if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) {
          i++;
          break;
        }
        bytes.push(ch.charCodeAt(0) & 0xff);
        i++;
      }
      emit(decodeTextString(Uint8Array.from(bytes)));
    } else if (c === '<' && s[i + 1] === '<') {
      i += 2;
    } else if (c === '<') {
      const end = s.indexOf('>', i);
      const hex = s.slice(i + 1, end < 0 ? s.length : end).replace(/[^0-9A-Fa-f]/g, '');
      const bytes: number[] = [];
      for (let k = 0; k < hex.length; k += 2) bytes.push(parseInt(hex.slice(k, k + 2).padEnd(2, '0'), 16));
      emit(decodeTextString(Uint8Array.from(bytes)));
      i = end < 0 ? s.length : end + 1;
    } else if (c === '[') {
      if (arrayDepth++ === 0) arrayText = null;
      i++;
    } else if (c === ']') {
      if (arrayDepth > 0 && --arrayDepth === 0 && arrayText !== null) {
        out.push(arrayText);
        arrayText = null;
      }
      i++;
    } else {
      i++;
    }
  }
  if (arrayText !== null) out.push(arrayText);
  return out;
}

/**
 * Extracts the text and metadata strings of a PDF.
 *
 * @param bytes The file's bytes.
 * @returns The text (content stream strings) and metadata (everything outside streams, and XML
 *   metadata streams), or why the file could not be read.
 */
export function extractPdfStrings(bytes: Uint8Array): PdfTextResult {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!s.startsWith('%PDF-')) return { ok: false, message: 'not a PDF file (no %PDF- header)' };
  if (/\/Encrypt\b/.test(s)) return { ok: false, message: 'the PDF is encrypted, so its text cannot be read back' };
  const text: string[] = [];
  const metadata: string[] = [];
  const raw: string[] = [];
  let outside = '';
  let pos = 0;
  const streamStart = />>\s*stream(?:\r\n|\n|\r)/g;
  for (let m = streamStart.exec(s); m; m = streamStart.exec(s)) {
    if (m.index < pos) continue;
    const objAt = s.lastIndexOf(' obj', m.index);
    const dict = s.slice(objAt < 0 ? pos : objAt, m.index + 2);
    const dataStart = m.index + m[0].length;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let dataEnd = -1;
    if (length) {
      const end = dataStart + Number(length[1]);
      if (/^\s*endstream/.test(s.slice(end, end + 12))) dataEnd = end;
    }
    if (dataEnd < 0) {
      const at = s.indexOf('endstream', dataStart);
      if (at < 0) return { ok: false, message: `stream at byte ${dataStart} has no end` };
      dataEnd = at;
    }
    outside += s.slice(pos, dataStart);
    pos = dataEnd;
    streamStart.lastIndex = dataEnd;

    const filters = [...(/\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1]?.matchAll(/\/(\w+)/g) ?? [])].map((f) => f[1]!);
    let data: Buffer = Buffer.from(bytes.buffer, bytes.byteOffset + dataStart, dataEnd - dataStart);
    for (const filter of filters) {
      if (filter !== 'FlateDecode' && filter !== 'Fl') {
        return { ok: false, message: `stream at byte ${dataStart} uses /${filter}, which this reader does not decode` };
      }
      try {
        data = inflateSync(data);
      } catch {
        return { ok: false, message: `stream at byte ${dataStart} does not inflate` };
      }
    }
    const decoded = data.toString('latin1');
    raw.push(withNameEscapes(data.toString('utf8')));
    if (/\/Type\s*\/Metadata\b|\/Subtype\s*\/XML\b/.test(dict)) metadata.push(decoded);
    else text.push(...pdfStrings(decoded));
  }
  outside += s.slice(pos);
  metadata.push(...pdfStrings(outside));
  raw.push(withNameEscapes(outside));
  return { ok: true, text: text.join('\n'), metadata: metadata.join('\n'), raw };
}

/** `#xx` escapes of PDF names decoded (`/Withheld#20words`): a name's words as a reader sees them. */
function withNameEscapes(s: string): string {
  return s.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The media box width and height of the first page, in points, or null when not found. */
export function pdfPageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const m = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/.exec(s);
  if (!m) return null;
  return { width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) };
}
