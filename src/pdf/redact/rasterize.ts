/**
 * Renders one page to pixels with pdf.js and @napi-rs/canvas, with the redaction boxes burnt in,
 * for pages the rewriter cannot redact with certainty (option `rasterizeUnsure`). The page then
 * becomes a single image with no text layer: what was under a box is gone from the pixels too.
 *
 * pdf.js draws glyphs as paths here (`disableFontFace`), since there is no FontFace in Node.
 * Labels are written with Liberation Sans, which pdf.js ships.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { UnsurePageError } from '../errors.js';
import type { Rect } from '../geometry.js';
import type { RedactionBox } from './boxes.js';
import { labelText } from './boxes.js';
import { loadPdfjs } from '../load-pdfjs.js';

const require = createRequire(import.meta.url);

/** RGB pixels of a rendered page and the user-space rectangle they cover. */
export interface RasterPage {
  readonly width: number;
  readonly height: number;
  /** 8-bit RGB, rows top to bottom. */
  readonly rgb: Uint8Array;
  /** The page's view box (crop box) in default user space, unrotated. */
  readonly viewBox: Rect;
}

let fontRegistered = false;

/**
 * Render page `index` (0-based) of `bytes` at `dpi`, unrotated, and paint `boxes` (user space)
 * black with their labels in white.
 *
 * @throws UnsurePageError (reason `rasterize-failed`) when pdf.js or the canvas cannot render it.
 */
export async function rasterizePage(bytes: Uint8Array, index: number, boxes: readonly RedactionBox[], dpi: number): Promise<RasterPage> {
  let pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs');
  let canvasLib: typeof import('@napi-rs/canvas');
  try {
    pdfjs = await loadPdfjs();
    canvasLib = await import('@napi-rs/canvas');
  } catch (e) {
    throw new UnsurePageError(index, 'rasterize-failed', 'pdf.js or @napi-rs/canvas cannot be loaded', { cause: e });
  }
  const base = path.dirname(require.resolve('pdfjs-dist/package.json'));
  if (!fontRegistered) {
    canvasLib.GlobalFonts.registerFromPath(path.join(base, 'standard_fonts', 'LiberationSans-Regular.ttf'), 'DeclassLabel');
    fontRegistered = true;
  }
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: path.join(base, 'standard_fonts') + path.sep,
    cMapUrl: path.join(base, 'cmaps') + path.sep,
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(index + 1);
    const viewport = page.getViewport({ scale: dpi / 72, rotation: 0 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    const canvas = canvasLib.createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    // pdf.js types its parameters with the DOM canvas; @napi-rs/canvas implements the same API.
    const params = { canvas, canvasContext: ctx, viewport, annotationMode: pdfjs.AnnotationMode.DISABLE } as unknown as Parameters<typeof page.render>[0];
    await page.render(params).promise;
    for (const b of boxes) {
      const [x0, y0, x1, y1] = viewport.convertToViewportRectangle([b.rect[0], b.rect[1], b.rect[2], b.rect[3]]) as [number, number, number, number];
      const left = Math.floor(Math.min(x0, x1)), top = Math.floor(Math.min(y0, y1));
      const w = Math.ceil(Math.max(x0, x1)) - left, h = Math.ceil(Math.max(y0, y1)) - top;
      ctx.fillStyle = '#000000';
      ctx.fillRect(left, top, w, h);
      if (b.label) {
        const size = Math.min(9 * (dpi / 72), h * 0.7);
        if (size >= 3 * (dpi / 72)) {
          ctx.fillStyle = '#ffffff';
          ctx.font = `${size}px DeclassLabel`;
          ctx.textBaseline = 'middle';
          ctx.fillText(labelText(b.label).text, left + 2 * (dpi / 72), top + h / 2, Math.max(1, w - 4 * (dpi / 72)));
        }
      }
    }
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const rgb = new Uint8Array(width * height * 3);
    for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
      rgb[j] = rgba[i]!;
      rgb[j + 1] = rgba[i + 1]!;
      rgb[j + 2] = rgba[i + 2]!;
    }
    const vb = page.view as number[];
    return { width, height, rgb, viewBox: [vb[0]!, vb[1]!, vb[2]!, vb[3]!] };
  } catch (e) {
    if (e instanceof UnsurePageError) throw e;
    throw new UnsurePageError(index, 'rasterize-failed', `pdf.js could not render the page: ${(e as Error).message}`, { cause: e });
  } finally {
    await task.destroy();
  }
}
