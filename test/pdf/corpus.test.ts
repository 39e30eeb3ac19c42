/**
 * True redaction over the real PDF corpus (../shared/corpus/pdf, read only), with regions from
 * the stand-in reader (helpers/stand-in.ts: lines opening with a classified portion mark and the
 * lines after them, as the MuPDF peer finds them). For every document:
 * - no run of 8 words of the withheld lines survives, read back by poppler's pdftotext and by
 *   pdf.js (a run that also occurs in the released lines, such as the page banner repeated at the
 *   foot, is not a leak);
 * - no character is left inside a region (pdf.js), and at least 98% of the original's words
 *   outside the regions are still extractable, each reader comparing with its own reading of the
 *   original (pdf.js characters, poppler's word boxes);
 * - redacting again gives the same bytes.
 *
 * The default run takes a fixed sample (every 30th file); DECLASS_PDF_CORPUS=full runs all files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { redactPdf, verifyRedaction, type PdfRegion } from '../../src/pdf/index.js';
import { normaliseWords, shingles } from '../helpers/leak.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { findStandInRegions } from './helpers/stand-in.js';
import { popplerWords } from './helpers/check.js';
import { hasPdftoppm, renderGray } from './helpers/render.js';
import { readPdfObjects } from '../../src/pdf/objects/read.js';
import { dictOf, resolve } from '../../src/pdf/objects/model.js';
import { listPages } from '../../src/pdf/redact/pages.js';
import { interpretPage, pageContentBytes } from '../../src/pdf/content/interpret.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.resolve(here, '../../../shared/corpus/pdf');
const FULL = process.env.DECLASS_PDF_CORPUS === 'full';
const N = 8;

if (!existsSync(CORPUS)) console.warn(`skipping the PDF corpus tests: ${CORPUS} not found`);

/** Words of `want` found among `have`, counted with multiplicity. */
function keptShare(want: readonly string[], have: readonly string[]): { words: number; kept: number } {
  const pool = new Map<string, number>();
  for (const w of have) pool.set(w, (pool.get(w) ?? 0) + 1);
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

/**
 * poppler's words (from its word boxes: plain pdftotext joins hyphenated line ends, the boxes do
 * not, so both sides are read the same way) whose box centre lies outside every region.
 */
function popplerWordsOutside(bytes: Uint8Array, regions: readonly PdfRegion[]): string[] | null {
  const words = popplerWords(bytes);
  if (words === null) return null;
  return words
    .filter((w) => {
      const cx = (w.rect[0] + w.rect[2]) / 2, cy = (w.rect[1] + w.rect[3]) / 2;
      return !regions.some((r) => r.page === w.page && cx > r.rect[0] && cx < r.rect[2] && cy > r.rect[1] && cy < r.rect[3]);
    })
    .flatMap((w) => normaliseWords(w.word));
}

describe.skipIf(!existsSync(CORPUS))('PDF corpus', () => {
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort() : [];
  const ONLY = process.env.DECLASS_PDF_CORPUS_ONLY?.split(',');
  const chosen = ONLY ? files.filter((f) => ONLY.some((o) => f.startsWith(o))) : FULL ? files : files.filter((_, i) => i % 30 === 0);
  const totals = { docs: 0, regions: 0, withheldWords: 0, releasedWords: 0, keptPdfjs: 0, popplerWords: 0, keptPoppler: 0, minKept: 1 };

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
      // poppler on both sides: its words of the original outside the regions, found in its text of the release.
      const k = keptShare(popplerWordsOutside(bytes, regions)!, popplerWordsOutside(out, [])!);
      expect(k.words === 0 ? 1 : k.kept / k.words).toBeGreaterThanOrEqual(0.98);
      totals.popplerWords += k.words;
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

  it('blanks the left half of a real JPEG logo in its pixels', async () => {
    const file = path.join(CORPUS, '2003-04-11_SIDToday_-_Post-war_Iraq_Plan.pdf');
    if (!existsSync(file)) return;
    const bytes = new Uint8Array(readFileSync(file));
    const objs = await readPdfObjects(bytes);
    const page = listPages(objs)[0]!;
    const content = interpretPage(objs, pageContentBytes(objs, page.dict.get('Contents'))!, dictOf(resolve(objs, page.resources)), page.mediaBox);
    expect(content.images).toHaveLength(1);
    const [x0, y0, x1, y1] = content.images[0]!.bbox;
    const mid = (x0 + x1) / 2;
    const { bytes: out, report } = await redactPdf(bytes, [{ page: 0, rect: [x0 - 1, y0 - 1, mid, y1 + 1], label: 'B1' }]);
    expect(report.totals.imagesBlanked).toBe(1);
    if (hasPdftoppm()) {
      const before = renderGray(bytes, 0, 72);
      const after = renderGray(out, 0, 72);
      const at = (g: typeof before, x: number, y: number): number => g.data[Math.round(842 - y) * g.width + Math.round(x)]!;
      const cy = (y0 + y1) / 2;
      expect(at(after, x0 + (mid - x0) / 2, cy)).toBeLessThan(30); // covered: black
      // Uncovered: as before.
      for (const fx of [0.6, 0.75, 0.9]) expect(Math.abs(at(after, x0 + (x1 - x0) * fx, cy) - at(before, x0 + (x1 - x0) * fx, cy))).toBeLessThanOrEqual(8);
    }
  });

  it('summary', () => {
    // One line for the log: how much was withheld and kept over the documents run.
    console.log(`PDF corpus (${FULL ? 'full' : 'sample'}): ${JSON.stringify(totals)}`);
    expect(totals.docs).toBe(chosen.length);
  });
});
