/** The PDF section of `npm run bench` (src/bench/pdf.ts): its options are kept from the cable sections' parser. */
import { describe, expect, it } from 'vitest';
import { withoutPdfArgs } from '../../src/bench/pdf.js';

describe('withoutPdfArgs', () => {
  it('removes the PDF section options and their values, and keeps the rest', () => {
    expect(withoutPdfArgs(['--quick', '--pdf-corpus', '/x', '--no-pdf', '--pdf-limit=5', '--limit', '10', '--pdf-only', '--no-peer-check'])).toEqual(['--quick', '--limit', '10']);
  });
});
