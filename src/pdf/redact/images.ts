/**
 * Blanks the part of an image that withheld regions cover, in its pixels: the samples under the
 * regions (one pixel of margin) are set to zero, and the image is written anew, Flate-compressed,
 * as a new object (the original may be drawn elsewhere, uncovered). Soft masks and stencil masks
 * are blanked at the same place, so that their shape cannot show what was there.
 *
 * Decoded: raw and Flate/ASCII/RunLength-filtered samples of 1, 2, 4, 8 or 16 bits, and DCT (JPEG,
 * by jpeg-js: re-encoded without loss as Flate RGB or gray). JPX, JBIG2 and CCITT images cannot be
 * decoded here: the caller removes their drawing instead (fail closed).
 */
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PdfDict, PdfName, PdfStream, lookup, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';
import { decodeStream } from '../objects/filters.js';
import { invert, transformRect, type Matrix, type Rect } from '../geometry.js';

/** The outcome: a new image stream, or why the image cannot be blanked. */
export type BlankResult = { readonly ok: true; readonly image: PdfStream; /** New soft mask / mask streams to register (the caller makes them objects). */ readonly extra: { key: 'SMask' | 'Mask'; stream: PdfStream }[] } | { readonly ok: false; readonly message: string };

/** Components of a colour space (1 for unknown single-channel spaces; undefined when not known). */
function components(objs: PdfObjects, cs: PdfValue | undefined): number | undefined {
  const v = resolve(objs, cs);
  if (v instanceof PdfName) return ({ DeviceGray: 1, CalGray: 1, G: 1, DeviceRGB: 3, CalRGB: 3, RGB: 3, DeviceCMYK: 4, CMYK: 4, Lab: 3, Indexed: 1, I: 1 } as Record<string, number>)[v.name];
  if (Array.isArray(v)) {
    const fam = resolve(objs, v[0]);
    if (!(fam instanceof PdfName)) return undefined;
    switch (fam.name) {
      case 'Indexed': case 'I': case 'Separation': return 1;
      case 'CalGray': return 1;
      case 'CalRGB': case 'Lab': return 3;
      case 'DeviceN': { const names = resolve(objs, v[1]); return Array.isArray(names) ? names.length : undefined; }
      case 'ICCBased': {
        const s = resolve(objs, v[1]);
        const n = s instanceof PdfStream ? lookup(objs, s.dict, 'N') : undefined;
        return typeof n === 'number' ? n : undefined;
      }
      default: return components(objs, fam);
    }
  }
  return undefined;
}

/** Pixel rectangles `[col0, row0, col1, row1)` that the regions cover, for an image of w×h drawn by `ctm`. */
export function coveredPixels(ctm: Matrix, w: number, h: number, regions: readonly Rect[]): [number, number, number, number][] {
  const inv = invert(ctm);
  if (!inv) return [];
  const out: [number, number, number, number][] = [];
  for (const r of regions) {
    const u = transformRect(inv, r); // in the image's unit square, y up
    const c0 = Math.max(0, Math.floor(u[0] * w) - 1);
    const c1 = Math.min(w, Math.ceil(u[2] * w) + 1);
    const r0 = Math.max(0, Math.floor((1 - u[3]) * h) - 1);
    const r1 = Math.min(h, Math.ceil((1 - u[1]) * h) + 1);
    if (c0 < c1 && r0 < r1) out.push([c0, r0, c1, r1]);
  }
  return out;
}

/** Set the samples of the covered pixels to `value` bits (0 or all ones). */
function paint(data: Uint8Array, w: number, h: number, comps: number, bpc: number, rects: readonly [number, number, number, number][], ones: boolean): void {
  const rowBytes = Math.ceil((w * comps * bpc) / 8);
  const bitsPerPixel = comps * bpc;
  for (const [c0, r0, c1, r1] of rects) {
    for (let row = r0; row < r1 && row < h; row++) {
      const base = row * rowBytes;
      if (bitsPerPixel % 8 === 0) {
        const bpp = bitsPerPixel / 8;
        data.fill(ones ? 0xff : 0, base + c0 * bpp, Math.min(data.length, base + c1 * bpp));
      } else {
        for (let bit = c0 * bitsPerPixel; bit < c1 * bitsPerPixel; bit++) {
          const at = base + (bit >> 3);
          if (at >= data.length) break;
          const mask = 0x80 >> (bit & 7);
          data[at] = ones ? data[at]! | mask : data[at]! & ~mask;
        }
      }
    }
  }
}

function flateImage(dict: PdfDict, data: Uint8Array): PdfStream {
  const d = dict.clone();
  for (const k of ['Filter', 'DecodeParms', 'F', 'DP', 'Length', 'Metadata', 'Alternates', 'OPI', 'StructParent', 'SMaskInData']) d.delete(k);
  d.set('Filter', PdfName.of('FlateDecode'));
  return new PdfStream(d, deflateSync(data));
}

/**
 * A blanked copy of `image`, drawn by `ctm`, with the parts under `regions` set to zero samples.
 *
 * @param objs The document's objects (to resolve the image's entries).
 * @param image The image XObject.
 * @param ctm The matrix mapping the image's unit square to user space.
 * @param regions Withheld rectangles in user space.
 */
export function blankImage(objs: PdfObjects, image: PdfStream, ctm: Matrix, regions: readonly Rect[]): BlankResult {
  const dict = image.dict;
  const w = lookup(objs, dict, 'Width');
  const h = lookup(objs, dict, 'Height');
  if (typeof w !== 'number' || typeof h !== 'number' || w <= 0 || h <= 0) return { ok: false, message: 'image without a valid size' };
  const rects = coveredPixels(ctm, w, h, regions);
  const decoded = decodeStream(objs, image);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const isMask = lookup(objs, dict, 'ImageMask') === true;
  let out: PdfStream;
  if (decoded.codec) {
    if (decoded.codec !== 'DCTDecode' && decoded.codec !== 'DCT') return { ok: false, message: `image codec /${decoded.codec} cannot be decoded here` };
    let raw;
    try {
      raw = jpeg.decode(decoded.data, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: 200, maxMemoryUsageInMB: 1024 });
    } catch (e) {
      return { ok: false, message: `JPEG image does not decode: ${(e as Error).message}` };
    }
    if (raw.width !== w || raw.height !== h) return { ok: false, message: 'JPEG size differs from the image dictionary' };
    const gray = components(objs, dict.get('ColorSpace')) === 1;
    let data: Uint8Array = raw.data;
    if (gray) {
      data = new Uint8Array(w * h);
      for (let i = 0; i < w * h; i++) data[i] = raw.data[i * 3]!;
    }
    paint(data, w, h, gray ? 1 : 3, 8, rects, false);
    const d = dict.clone();
    d.set('ColorSpace', PdfName.of(gray ? 'DeviceGray' : 'DeviceRGB')).set('BitsPerComponent', 8);
    d.delete('Decode');
    out = flateImage(d, data);
  } else {
    const comps = isMask ? 1 : components(objs, dict.get('ColorSpace'));
    const bpc = isMask ? 1 : lookup(objs, dict, 'BitsPerComponent');
    if (comps === undefined || typeof bpc !== 'number' || ![1, 2, 4, 8, 16].includes(bpc)) return { ok: false, message: 'image colour space or depth not understood' };
    const expected = Math.ceil((w * comps * bpc) / 8) * h;
    if (decoded.data.length < expected) return { ok: false, message: 'image data shorter than its size says' };
    const data = Uint8Array.from(decoded.data.subarray(0, expected));
    // A stencil mask paints where its sample is 0 (Decode [0 1]): blank means "not painted".
    const decodeArr = resolve(objs, dict.get('Decode'));
    const inverted = Array.isArray(decodeArr) && resolve(objs, decodeArr[0]) === 1;
    paint(data, w, h, comps, bpc, rects, isMask ? !inverted : false);
    out = flateImage(dict, data);
  }
  const extra: { key: 'SMask' | 'Mask'; stream: PdfStream }[] = [];
  for (const key of ['SMask', 'Mask'] as const) {
    const m = resolve(objs, dict.get(key));
    if (!(m instanceof PdfStream)) continue;
    const r = blankImage(objs, m, ctm, regions);
    if (!r.ok) return { ok: false, message: `${key}: ${r.message}` };
    extra.push({ key, stream: r.image });
  }
  return { ok: true, image: out, extra };
}
