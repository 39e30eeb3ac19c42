/**
 * Opt-in: write the sample PDFs for a person to look at, e.g.
 *   DECLASS_PDF_SAMPLES=/tmp/pdf npx vitest run test/render/pdf/samples.test.ts
 *   pdftoppm -png -r 60 /tmp/pdf/08BERLIN173.pdf /tmp/pdf/page
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReleasePdf, renderReviewPdf } from '../../../src/render/pdf/index.js';
import { seedRelease, seedReview, wrappedRelease, wrappedReview } from './fixtures.js';

const dir = process.env['DECLASS_PDF_SAMPLES'];

describe.runIf(dir)('sample PDFs', () => {
  it(`writes them to ${dir}`, async () => {
    mkdirSync(dir!, { recursive: true });
    const outputs = {
      '08BERLIN173.pdf': await renderReleasePdf(seedRelease().view),
      '08BERLIN173.review.pdf': await renderReviewPdf(seedReview()),
      '08BERLIN173-wrapped-a4.pdf': await renderReleasePdf(wrappedRelease().view, { pageSize: 'a4' }),
      '08BERLIN173-wrapped-a4.review.pdf': await renderReviewPdf(wrappedReview(), { pageSize: 'a4' }),
    };
    for (const [name, out] of Object.entries(outputs)) {
      writeFileSync(path.join(dir!, name), out.bytes);
      console.log(`${name}: ${out.pages} pages, ${out.bytes.length} bytes`);
      expect(out.diagnostics).toEqual([]);
    }
  });
});
