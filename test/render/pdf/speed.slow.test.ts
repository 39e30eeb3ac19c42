/**
 * Speed sanity, not a timed assertion: logs pages per second for a 100-page document, and the
 * same pages drawn with one pdf-lib `drawText` per text item for comparison.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { layoutRelease, layoutReview, renderReleasePdf, renderReviewPdf, type PageLayout } from '../../../src/render/pdf/index.js';
import type { ReviewView } from '../../../src/types.js';
import { repeatedRelease, wrappedReview } from './fixtures.js';

async function timed<T>(fn: () => Promise<T>, rounds = 3): Promise<{ value: T; ms: number }> {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    value = await fn();
    best = Math.min(best, performance.now() - t);
  }
  return { value, ms: best };
}

/** The same pages drawn the slow way, one `drawText` / `drawRectangle` per item. */
async function drawTextPerItem(pages: readonly PageLayout[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Courier);
  const bold = await doc.embedFont(StandardFonts.CourierBold);
  for (const layout of pages) {
    const page = doc.addPage([layout.width, layout.height]);
    for (const item of layout.items) {
      const color = rgb(item.color.r, item.color.g, item.color.b);
      if (item.kind === 'rect') page.drawRectangle({ x: item.x, y: item.y, width: item.width, height: item.height, color });
      else page.drawText(item.text, { x: item.x, y: item.y, size: item.size, font: item.font === 'mono' ? regular : bold, color });
    }
  }
  return doc.save({ useObjectStreams: false });
}

describe('PDF speed (logged, not asserted)', () => {
  it('renders a ~100-page release and review', async () => {
    const release = repeatedRelease(72);
    const rel = await timed(() => renderReleasePdf(release));
    const layoutOnly = await timed(async () => layoutRelease(release));
    const slow = await timed(() => drawTextPerItem(layoutOnly.value.pages));

    const one = wrappedReview();
    const review: ReviewView = { ...one, lines: Array.from({ length: 70 }, () => one.lines).flat() };
    const rev = await timed(() => renderReviewPdf(review));
    const revLayout = await timed(async () => layoutReview(review));

    const pps = (pages: number, ms: number): string => `${Math.round((pages / ms) * 1000)} pages/s`;
    console.log(
      [
        `release: ${rel.value.pages} pages in ${rel.ms.toFixed(0)} ms = ${pps(rel.value.pages, rel.ms)}, ${(rel.value.bytes.length / 1024).toFixed(0)} KiB (${(rel.value.bytes.length / rel.value.pages / 1024).toFixed(1)} KiB/page); layout alone ${layoutOnly.ms.toFixed(0)} ms`,
        `release drawn with one drawText per item: ${slow.ms.toFixed(0)} ms = ${pps(rel.value.pages, slow.ms)}, ${(slow.value.length / 1024).toFixed(0)} KiB (x${(slow.ms / rel.ms).toFixed(1)} slower)`,
        `review: ${rev.value.pages} pages in ${rev.ms.toFixed(0)} ms = ${pps(rev.value.pages, rev.ms)}, ${(rev.value.bytes.length / 1024).toFixed(0)} KiB; layout alone ${revLayout.ms.toFixed(0)} ms`,
      ].join('\n'),
    );
    expect(rel.value.pages).toBeGreaterThanOrEqual(95);
    expect(rev.value.pages).toBeGreaterThanOrEqual(95);
  });
});
