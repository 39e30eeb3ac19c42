/**
 * True redaction over the real PDF corpus (../shared/corpus/pdf, read only), with regions from
 * the stand-in reader (helpers/stand-in.ts: lines opening with a classified portion mark and the
 * lines after them, as the MuPDF peer finds them). For every document:
 * - no run of 8 words of the withheld lines survives, read back by poppler's pdftotext and by
 *   pdf.js (a run that also occurs in the released lines, such as the page banner repeated at the
 *   foot, is not a leak);
 * - no character is left inside a region (pdf.js), and at least 98% of the released lines' words
 *   are still extractable, by pdf.js and by pdftotext;
 * - redacting again gives the same bytes.
 *
 * The default run takes a fixed sample (every 30th file); DECLASS_PDF_CORPUS=full runs all files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { redactPdf, verifyRedaction } from '../../src/pdf/index.js';
import { normaliseWords, shingles } from '../helpers/leak.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { findStandInRegions } from './helpers/stand-in.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.resolve(here, '../../../shared/corpus/pdf');
const FULL = process.env.DECLASS_PDF_CORPUS === 'full';
const N = 8;

if (!existsSync(CORPUS)) console.warn(`skipping the PDF corpus tests: ${CORPUS} not found`);

/** Words of `have` found in `text`, counted with multiplicity, over the number of words. */
function keptShare(released: string, text: string): { words: number; kept: number } {
  const want = normaliseWords(released);
  const pool = new Map<string, number>();
  for (const w of normaliseWords(text.replace(/-\s*\n/g, '- '))) pool.set(w, (pool.get(w) ?? 0) + 1);
  let kept = 0;
  for (const w of want) {
    const c = pool.get(w) ?? 0;
    if (c > 0) {
      kept++;
      pool.set(w, c - 1);
    }
  }
  return { words: want.length, kept };
}

describe.skipIf(!existsSync(CORPUS))('PDF corpus', () => {
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort() : [];
  const chosen = FULL ? files : files.filter((_, i) => i % 30 === 0);
  const totals = { docs: 0, regions: 0, withheldWords: 0, releasedWords: 0, keptPdfjs: 0, keptPoppler: 0, minKept: 1 };

  it.each(chosen)('%s', async (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(CORPUS, file)));
    const { regions, withheld, released } = await findStandInRegions(bytes);
    const releasedText = released.join('\n');
    const { bytes: out } = await redactPdf(bytes, regions, { title: 'SIDtoday article (release)' });

    // pdf.js: shingles, characters in regions, released words kept.
    const v = await verifyRedaction(bytes, out, regions, withheld, { shingleWords: N, releasedTexts: [releasedText] });
    expect(v.leaks, 'pdf.js finds withheld text').toEqual([]);
    expect(v.charsInRegions, 'pdf.js finds characters inside regions').toEqual([]);
    expect(v.keptFraction).toBeGreaterThanOrEqual(0.98);

    // poppler: the same on its own text.
    const pop = pdftotext(out);
    if (pop !== null) {
      const allowed = new Set(shingles(releasedText, N));
      const found = new Set(shingles(pop, N));
      const leaks = withheld.flatMap((t) => (normaliseWords(t).length >= N ? shingles(t, N) : [])).filter((s) => found.has(s) && !allowed.has(s));
      expect(leaks, 'pdftotext finds withheld text').toEqual([]);
      const k = keptShare(releasedText, pop);
      expect(k.kept / Math.max(1, k.words)).toBeGreaterThanOrEqual(0.98);
      totals.keptPoppler += k.kept;
    }
    const again = await redactPdf(bytes, regions, { title: 'SIDtoday article (release)' });
    expect(Buffer.from(again.bytes).equals(Buffer.from(out)), 'same bytes on a second run').toBe(true);

    totals.docs++;
    totals.regions += regions.length;
    totals.withheldWords += withheld.reduce((n, t) => n + normaliseWords(t).length, 0);
    totals.releasedWords += v.releasedWords;
    totals.keptPdfjs += v.keptWords;
    totals.minKept = Math.min(totals.minKept, v.keptFraction);
  });

  it('summary', () => {
    // One line for the log: how much was withheld and kept over the documents run.
    console.log(`PDF corpus (${FULL ? 'full' : 'sample'}): ${JSON.stringify(totals)}`);
    expect(totals.docs).toBe(chosen.length);
  });
});
