/**
 * Where other readers end an inline image's data, so that the parser can tell when they disagree
 * with it (see parse.ts). declass ends the data at an `EI` with whitespace on both sides. pdf.js
 * and poppler do not: they let the image's filter (or the W × H bytes of an unfiltered image) run
 * to its own end, then take the first `EI` that follows, whatever is before or after it. An image
 * `BI … /F /AHx ID 00>EIx Q BT (S//NF) … Tj ET q EI Q` was image data to declass up to the last
 * `EI`, and text in Firefox and pdftotext: released.
 */
import { PdfName, type PdfDict } from '../objects/model.js';

const isWhite = (c: number | undefined): boolean => c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32;

/** The first filter an inline image names (`/F /AHx` or `/F [/AHx …]`), the one pdf.js ends the data by. */
function firstFilter(dict: PdfDict): string | undefined {
  const f = dict.get('F') ?? dict.get('Filter');
  const first = Array.isArray(f) ? f[0] : f;
  return first instanceof PdfName ? first.name : undefined;
}

/** pdf.js's end of ASCIIHex data: just after the first `>`, or -1. */
function hexEnd(b: Uint8Array, from: number): number {
  const i = b.indexOf(0x3e, from);
  return i < 0 ? -1 : i + 1;
}

/** pdf.js's end of ASCII85 data: after `~` (whitespace) `>`, or before an `EI` that follows `~` and whitespace; or -1. */
function a85End(b: Uint8Array, from: number): number {
  for (let i = from; i < b.length; i++) {
    if (b[i] !== 0x7e) continue;
    let k = i + 1;
    while (k < b.length && isWhite(b[k])) k++;
    if (b[k] === 0x3e) return k + 1;
    if (k > i + 1 && b[k] === 0x45 && b[k + 1] === 0x49) return k;
    i = k - 1;
  }
  return -1;
}

/** JPEG markers followed by a two-byte length that pdf.js skips (SOFn, DHT, DAC, SOS, DQT…, APPn, COM). */
const SEGMENT = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf, 0xc4, 0xcc, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef, 0xfe]);

/** pdf.js's end of DCT data: just after the EOI marker FFD9, skipping marker segments as it does; or -1. */
function dctEnd(b: Uint8Array, from: number): number {
  let i = from;
  while (i < b.length) {
    if (b[i++] !== 0xff) continue;
    const m = b[i++];
    if (m === undefined) return -1;
    if (m === 0xd9) return i;
    if (m === 0xff) i--;
    else if (SEGMENT.has(m)) {
      const len = i + 1 < b.length ? (b[i]! << 8) | b[i + 1]! : -1;
      // A length of 2 or less: pdf.js steps back to read the length bytes as data.
      if (len > 2) i += len;
    }
  }
  return -1;
}

/** pdf.js's own end of the first filter's data (the point after which it takes the first `EI`), or -1 when it has none or finds none. */
function filterEnd(b: Uint8Array, dict: PdfDict, from: number): number {
  switch (firstFilter(dict)) {
    case 'AHx':
    case 'ASCIIHexDecode':
      return hexEnd(b, from);
    case 'A85':
    case 'ASCII85Decode':
      return a85End(b, from);
    case 'DCT':
    case 'DCTDecode':
      return dctEnd(b, from);
    default:
      return -1;
  }
}

/**
 * True when pdf.js or poppler could end the inline image whose data starts at `dataStart` at
 * another `EI` than the one at `ei` declass found. Both take the first `EI` (any bytes around it)
 * after some point: for an unfiltered image of `known` bytes, its end; for a filtered one,
 * wherever its decoder stops (poppler reads only what it needs, so anywhere in the data) or, in
 * pdf.js, the filter's end marker. So: no `EI` may lie between that earliest point and `ei`, and
 * pdf.js's end marker may not lie beyond `ei` (it would read past it, and resume inside what
 * declass read as operations). pdf.js's search without a filter end is earlierInlineEnd's.
 */
function otherReaderEnds(b: Uint8Array, dict: PdfDict, dataStart: number, known: number | undefined, ei: number): boolean {
  const lo = known !== undefined ? dataStart + known : dataStart;
  for (let i = b.indexOf(0x45, lo); i >= 0 && i < ei; i = b.indexOf(0x45, i + 1)) if (b[i + 1] === 0x49) return true;
  const end = filterEnd(b, dict, dataStart);
  return end > ei;
}

/**
 * The first `EI` in `b[from, end)` that pdf.js would take as an inline image's end, or -1. pdf.js
 * (Firefox) stops at an `EI` followed by a space, LF or CR and 15 bytes that are not binary
 * (before it checks operators follow, which this does not: it finds a superset, fail closed);
 * declass and poppler skip the W × H bytes of an unfiltered image first. An image whose data held
 * `EI Q BT … (S//NF) … Tj ET q <pad>` was image data to declass and text to pdf.js: released.
 */
function earlierInlineEnd(b: Uint8Array, from: number, end: number): number {
  for (let i = from; i + 2 < end; i++) {
    if (b[i] !== 0x45 || b[i + 1] !== 0x49) continue;
    const ws = b[i + 2];
    if (ws !== 0x20 && ws !== 0x0a && ws !== 0x0d) continue;
    let binary = false;
    for (let k = i + 3; k < Math.min(b.length, i + 3 + 15); k++) {
      const c = b[k]!;
      if (c === 0 && b[k + 1] !== 0) continue;
      if (c !== 0x0a && c !== 0x0d && (c < 0x20 || c > 0x7f)) {
        binary = true;
        break;
      }
    }
    if (!binary) return i;
  }
  return -1;
}

/**
 * True when another reader ends the inline image whose data starts at `dataStart` elsewhere than
 * at `ei`, the `EI` declass found ({@link earlierInlineEnd}, {@link otherReaderEnds}): one of the
 * two readings hides from the other what it draws, so the page is refused.
 */
export function inlineEndsDisagree(b: Uint8Array, dict: PdfDict, dataStart: number, known: number | undefined, ei: number): boolean {
  return earlierInlineEnd(b, dataStart, ei) >= 0 || otherReaderEnds(b, dict, dataStart, known, ei);
}
