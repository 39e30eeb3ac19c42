/**
 * The page model shared by the PDF layout (pure) and the PDF writer (write.ts): plain data.
 *
 * Units are PDF points (1/72 inch). Coordinates follow PDF: the origin is the bottom-left corner
 * of the page, `y` grows upwards. Items are painted in array order, so a rectangle listed before
 * a text item lies under it.
 */
import type { Diagnostic } from '../../types.js';

/** Paper sizes the renderers support. */
export type PageSizeName = 'letter' | 'a4';

/** Page dimensions in points: US Letter 8.5 × 11 in, ISO A4 210 × 297 mm. */
export const PAGE_SIZES: Readonly<Record<PageSizeName, { readonly width: number; readonly height: number }>> = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
};

/** Fonts available to a layout: the standard Courier faces (fixed width, as cables are set). */
export type PdfFont = 'mono' | 'mono-bold';

/** Advance width of every Courier glyph, as a fraction of the font size. */
export const MONO_ADVANCE = 0.6;

/** An RGB colour, each component in `[0, 1]`. */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** A string drawn on one baseline. */
export interface TextItem {
  readonly kind: 'text';
  /** Left edge of the first glyph, in points. */
  readonly x: number;
  /** Baseline, in points from the bottom of the page. */
  readonly y: number;
  /** Font size in points. */
  readonly size: number;
  readonly font: PdfFont;
  /** Already mapped to WinAnsi by the layout (see encoding.ts); drawn as is. */
  readonly text: string;
  readonly color: Rgb;
}

/** A filled rectangle (no stroke). */
export interface RectItem {
  readonly kind: 'rect';
  /** Bottom-left corner, in points. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly color: Rgb;
}

/** Anything drawn on a page. */
export type PageItem = TextItem | RectItem;

/** One laid-out page: its size and what to paint, in order. */
export interface PageLayout {
  readonly width: number;
  readonly height: number;
  readonly items: readonly PageItem[];
}

/** A laid-out document: its pages and the diagnostics raised while laying it out. */
export interface PdfLayout {
  readonly pages: readonly PageLayout[];
  readonly diagnostics: readonly Diagnostic[];
  /** Release layout: the page (1-based) of each withheld box and redaction box, in document order. */
  readonly regionPages?: readonly number[];
}

/** Options shared by the layouts. */
export interface LayoutOptions {
  /** Paper size; US Letter by default. */
  readonly pageSize?: PageSizeName;
}

/** Options of the review layout. */
export interface ReviewLayoutOptions extends LayoutOptions {
  /**
   * Lay out the summary alone, to follow this many pages of the original in one file (the review
   * PDF of a PDF input): no pages of text, and its pages numbered as pages of that file.
   */
  readonly summaryAfterPages?: number;
}
