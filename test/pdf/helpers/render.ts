/**
 * Renders PDF pages to gray pixels with poppler's pdftoppm (an independent renderer), to check
 * that a release looks like the original everywhere outside its boxes ("nothing else moved").
 */
import { spawnSync } from 'node:child_process';
import { hasPdftotext } from '../../helpers/pdf-text.js';

/** A gray image, rows top to bottom. */
export interface Gray {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** True when pdftoppm can be run (it comes with pdftotext in poppler-utils). */
export function hasPdftoppm(): boolean {
  return hasPdftotext() && spawnSync('pdftoppm', ['-v']).error === undefined;
}

/** Page `page` (0-based) of `bytes` at `dpi`, gray. */
export function renderGray(bytes: Uint8Array, page: number, dpi = 72): Gray {
  const out = spawnSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page + 1), '-l', String(page + 1), '-'], { input: Buffer.from(bytes), maxBuffer: 1 << 28 });
  if (out.status !== 0) throw new Error(`pdftoppm failed: ${out.stderr.toString()}`);
  const buf = out.stdout as Buffer;
  // PGM (P5): "P5\n<w> <h>\n<max>\n" then bytes.
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (buf[pos] === 0x20 || buf[pos] === 0x0a || buf[pos] === 0x0d || buf[pos] === 0x09) pos++;
    let s = '';
    while (buf[pos] !== 0x20 && buf[pos] !== 0x0a && buf[pos] !== 0x0d && buf[pos] !== 0x09) s += String.fromCharCode(buf[pos++]!);
    fields.push(s);
  }
  pos++;
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, data: new Uint8Array(buf.buffer, buf.byteOffset + pos, width * height) };
}

/**
 * Pixels that differ between two renderings outside `boxes` (user space rectangles of a page of
 * height `pageHeight`, grown by `margin` pixels for anti-aliasing).
 */
export function differingPixelsOutside(a: Gray, b: Gray, boxes: readonly (readonly [number, number, number, number])[], pageHeight: number, dpi = 72, margin = 2): number {
  if (a.width !== b.width || a.height !== b.height) return a.width * a.height;
  const s = dpi / 72;
  const px = boxes.map(([x0, y0, x1, y1]) => [x0 * s - margin, (pageHeight - y1) * s - margin, x1 * s + margin, (pageHeight - y0) * s + margin] as const);
  let diff = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = y * a.width + x;
      if (Math.abs(a.data[i]! - b.data[i]!) <= 8) continue;
      if (px.some(([l, t, r, bt]) => x >= l && x <= r && y >= t && y <= bt)) continue;
      diff++;
    }
  }
  return diff;
}
