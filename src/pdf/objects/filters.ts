/**
 * Stream decoding: FlateDecode and LZWDecode (with PNG and TIFF predictors), ASCIIHexDecode,
 * ASCII85Decode and RunLengthDecode, the filters that carry content streams, fonts' CMaps and most images in
 * practice. Image codecs (DCTDecode, JPXDecode, JBIG2Decode, CCITTFaxDecode) are left to the image
 * code, which decodes DCT and refuses the rest. Anything else is reported as undecodable, and the
 * caller fails closed.
 */
import { inflateRawSync, inflateSync, constants as zlibConstants } from 'node:zlib';
import { PdfDict, PdfName, PdfStream, dictOf, lookup, resolve, type PdfObjects, type PdfValue } from './model.js';

/** Filters that compress image samples and are decoded (or refused) by the image code. */
export const IMAGE_CODECS: ReadonlySet<string> = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode', 'CCF']);

/** The result of decoding a stream. */
export type Decoded =
  | { readonly ok: true; readonly data: Uint8Array; /** An image codec left undecoded (its data is what the codec reads). */ readonly codec?: string; readonly codecParms?: PdfDict }
  | { readonly ok: false; readonly message: string };

/** The filter names and parameter dictionaries of a stream, in the order they apply. */
export function filtersOf(objs: PdfObjects, dict: PdfDict): { name: string; parms: PdfDict | undefined }[] {
  const f = lookup(objs, dict, 'Filter') ?? lookup(objs, dict, 'F');
  const p = lookup(objs, dict, 'DecodeParms') ?? lookup(objs, dict, 'DP');
  const names = Array.isArray(f) ? f.map((x) => resolve(objs, x)) : f === undefined || f === null ? [] : [f];
  const parms = Array.isArray(p) ? p.map((x) => resolve(objs, x)) : [p];
  return names.map((n, i) => ({
    name: n instanceof PdfName ? n.name : '?',
    parms: dictOf(parms[i] ?? undefined),
  }));
}

/**
 * Inflate as viewers do: what pdf.js and poppler show, declass must read. Many producers cut the
 * zlib stream short or omit the checksum, and a wrong Adler-32 trailer does not stop a viewer
 * either: a form whose checksum was wrong was drawn by every viewer and released unread. So a
 * stream zlib refuses is inflated raw (no header, no checksum), and one corrupt part-way gives
 * what inflates before the damage (the longest prefix that does, as a viewer draws up to it).
 */
function inflate(data: Uint8Array): Uint8Array {
  try {
    return inflateSync(data);
  } catch {
    const body = data.subarray(Math.min(2, data.length));
    const raw = (n: number): Uint8Array | null => {
      try {
        return inflateRawSync(body.subarray(0, n), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
      } catch {
        return null;
      }
    };
    const whole = raw(body.length);
    if (whole) return whole;
    // A prefix up to the damage inflates, one past it does not: search for the longest.
    let lo = 0;
    let hi = body.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (raw(mid)) lo = mid;
      else hi = mid;
    }
    const part = raw(lo);
    if (!part || part.length === 0) throw new Error('the data does not inflate');
    return part;
  }
}

/**
 * LZW as PDF defines it (ISO 32000-1, 7.4.4): codes of 9 to 12 bits, most significant bit first,
 * 256 clears the table, 257 ends the data; with /EarlyChange 1 (the default) the code length
 * grows one code early. Viewers decode it, so a form compressed with it must be read too.
 */
function lzw(data: Uint8Array, earlyChange: number): Uint8Array {
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let c = 0; c < 256; c++) {
    prefix[c] = -1;
    suffix[c] = first[c] = c;
    length[c] = 1;
  }
  const out: Buffer[] = [];
  let next = 258;
  let width = 9;
  let prev = -1;
  let bits = 0;
  let nbits = 0;
  let pos = 0;
  for (;;) {
    while (nbits < width && pos < data.length) {
      bits = ((bits << 8) | data[pos++]!) & 0xffffff;
      nbits += 8;
    }
    if (nbits < width) break; // the data ends without an end code: keep what was decoded
    const code = (bits >>> (nbits - width)) & ((1 << width) - 1);
    nbits -= width;
    if (code === 256) {
      next = 258;
      width = 9;
      prev = -1;
      continue;
    }
    if (code === 257) break;
    if (code > next || (code === next && prev < 0)) throw new Error(`LZW code ${code} is not in the table`);
    if (prev >= 0 && next < 4096) {
      prefix[next] = prev;
      suffix[next] = code === next ? first[prev]! : first[code]!;
      first[next] = first[prev]!;
      length[next] = length[prev]! + 1;
      next++;
    }
    const entry = Buffer.alloc(length[code]!);
    for (let c = code, k = entry.length - 1; c >= 0; c = prefix[c]!, k--) entry[k] = suffix[c]!;
    out.push(entry);
    prev = code;
    if (next + earlyChange >= 1 << width && width < 12) width++;
  }
  return Buffer.concat(out);
}

function num(objs: PdfObjects, d: PdfDict | undefined, key: string, dflt: number): number {
  const v = lookup(objs, d, key);
  return typeof v === 'number' ? v : dflt;
}

/** Undo a PNG (10–15) or TIFF (2) predictor. */
function unpredict(objs: PdfObjects, data: Uint8Array, parms: PdfDict | undefined): Uint8Array {
  const predictor = num(objs, parms, 'Predictor', 1);
  if (predictor <= 1) return data;
  const colors = num(objs, parms, 'Colors', 1);
  const bpc = num(objs, parms, 'BitsPerComponent', 8);
  const columns = num(objs, parms, 'Columns', 1);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowBytes = Math.ceil((colors * bpc * columns) / 8);
  if (predictor === 2) {
    if (bpc !== 8) throw new Error(`TIFF predictor with ${bpc} bits per component`);
    const out = Uint8Array.from(data);
    for (let r = 0; r + rowBytes <= out.length; r += rowBytes) {
      for (let i = bpp; i < rowBytes; i++) out[r + i] = (out[r + i]! + out[r + i - bpp]!) & 0xff;
    }
    return out;
  }
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowBytes + 1)]!;
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowBytes + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowBytes + i - bpp]! : 0;
      let v: number;
      switch (type) {
        case 0: v = raw; break;
        case 1: v = raw + left; break;
        case 2: v = raw + up; break;
        case 3: v = raw + ((left + up) >> 1); break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
          v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default: throw new Error(`PNG predictor row type ${type}`);
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let hi = -1;
  for (const c of data) {
    if (c === 0x3e) break; // '>'
    const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
    if (v < 0) continue;
    if (hi < 0) hi = v;
    else {
      out.push((hi << 4) | v);
      hi = -1;
    }
  }
  if (hi >= 0) out.push(hi << 4);
  return Uint8Array.from(out);
}

function ascii85(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  const group: number[] = [];
  const flush = (n: number): void => {
    let v = 0;
    for (let i = 0; i < 5; i++) v = v * 85 + (group[i] ?? 84);
    const b = [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
    out.push(...b.slice(0, n));
    group.length = 0;
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x7e) break; // '~>'
    if (c === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group.push(c - 0x21);
    if (group.length === 5) flush(4);
  }
  if (group.length > 0) flush(group.length - 1);
  return Uint8Array.from(out);
}

function runLength(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < data.length; ) {
    const n = data[i++]!;
    if (n === 128) break;
    if (n < 128) {
      for (let k = 0; k <= n && i < data.length; k++) out.push(data[i++]!);
    } else {
      const b = data[i++] ?? 0;
      for (let k = 0; k < 257 - n; k++) out.push(b);
    }
  }
  return Uint8Array.from(out);
}

/**
 * Decode a stream's data through its filters. An image codec stops the chain: its input is
 * returned with `codec` set (a codec followed by another filter is refused).
 */
export function decodeStream(objs: PdfObjects, stream: PdfStream): Decoded {
  let data = stream.data;
  const filters = filtersOf(objs, stream.dict);
  for (let i = 0; i < filters.length; i++) {
    const { name, parms } = filters[i]!;
    try {
      switch (name) {
        case 'FlateDecode':
        case 'Fl':
          data = unpredict(objs, inflate(data), parms);
          break;
        case 'LZWDecode':
        case 'LZW':
          data = unpredict(objs, lzw(data, num(objs, parms, 'EarlyChange', 1) === 0 ? 0 : 1), parms);
          break;
        case 'ASCIIHexDecode':
        case 'AHx':
          data = asciiHex(data);
          break;
        case 'ASCII85Decode':
        case 'A85':
          data = ascii85(data);
          break;
        case 'RunLengthDecode':
        case 'RL':
          data = runLength(data);
          break;
        default:
          if (IMAGE_CODECS.has(name) && i === filters.length - 1) return { ok: true, data, codec: name, ...(parms ? { codecParms: parms } : {}) };
          return { ok: false, message: `stream filter /${name} is not supported` };
      }
    } catch (e) {
      return { ok: false, message: `stream does not decode through /${name}: ${(e as Error).message}` };
    }
  }
  return { ok: true, data };
}

/** Decode a stream that must not be an image codec (content streams, CMaps); null when it cannot be. */
export function decodeToBytes(objs: PdfObjects, v: PdfValue | undefined): Uint8Array | null {
  const s = resolve(objs, v);
  if (!(s instanceof PdfStream)) return null;
  const d = decodeStream(objs, s);
  return d.ok && !d.codec ? d.data : null;
}
