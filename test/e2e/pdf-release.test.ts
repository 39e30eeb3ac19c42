/**
 * PDF input end to end over the real SIDtoday corpus (../shared/corpus/pdf, read only): each PDF
 * read (text layer + document reader) and released with `public` as of 2026-12-01 (release text,
 * release PDF = the original with withheld text removed, review PDF, diff, audit record). Checked
 * with readers that share nothing with declass's reading:
 * - the portions come from poppler's pdftotext of the original, cut at portion marks with a
 *   regular expression written here: no 8-word run of any classified portion (C, S, TS) is in
 *   the release PDF as pdftotext or pdf.js reads it, nor in the release text (a run that a (U)
 *   portion also holds may appear);
 * - the words of the portions the release released are still in the release PDF (≥ 98%, by
 *   pdftotext, counted with multiplicity);
 * - a second run gives byte-identical files.
 * Default: a fixed sample (every 25th file); DECLASS_PDF_CORPUS=full runs all 1,065, any other
 * value the files whose name contains it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_TEXT_LAYER, readPdfText } from '../../src/pdf/index.js';
import { releaseDocument, type ReleaseResult } from '../../src/release/index.js';
import { readPdfInput } from '../../src/release/pdf.js';
import { loadProfile } from '../../src/rules/load.js';
import { sha256Hex } from '../../src/hash.js';
import { hasPdftotext, pdftotext } from '../helpers/pdf-text.js';
import { corpusWords, markRegions, PDF_CORPUS, shingles8 } from '../helpers/pdf-corpus.js';

const FULL = process.env['DECLASS_PDF_CORPUS'] === 'full';
/** Any other value of DECLASS_PDF_CORPUS picks the files whose name contains it (to look at one document again). */
const PICK = !FULL && process.env['DECLASS_PDF_CORPUS'] ? process.env['DECLASS_PDF_CORPUS'] : null;
const available = existsSync(PDF_CORPUS) && hasPdftotext();
if (!available) console.log(`skipped: the marked PDF corpus (${PDF_CORPUS}) or pdftotext is not available`);

const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');

async function release(bytes: Uint8Array, stem: string): Promise<ReleaseResult> {
  const read = await readPdfInput(bytes);
  if (!read.ok) throw new Error(read.message);
  return releaseDocument({ doc: read.doc, reader: read.reader, profile, asOf: '2026-12-01', stem, input: { path: `${stem}.pdf`, sha256: sha256Hex(bytes) }, pdf: { bytes, layout: read.layout } });
}

interface Outcome {
  readonly file: string;
  readonly result?: ReleaseResult;
  readonly error?: string;
  readonly bytes: Uint8Array;
}

describe.skipIf(!available)(`PDF input end to end over the SIDtoday corpus (${FULL ? 'all files' : 'every 25th file'})`, () => {
  const outcomes: Outcome[] = [];
  beforeAll(async () => {
    const files = readdirSync(PDF_CORPUS).filter((f) => f.endsWith('.pdf')).sort().filter((f, i) => (PICK ? f.includes(PICK) : FULL || i % 25 === 0));
    for (const file of files) {
      const bytes = readFileSync(path.join(PDF_CORPUS, file));
      try {
        outcomes.push({ file, bytes, result: await release(bytes, `doc${outcomes.length}`) });
      } catch (error) {
        outcomes.push({ file, bytes, error: (error as Error).message });
      }
    }
  }, 3_600_000);

  it('releases every document with a text layer (none fails its verification) and refuses those without in one line', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(FULL ? 1065 : PICK ? 1 : 40);
    const scans = outcomes.filter((o) => o.error === NO_TEXT_LAYER);
    // A refused file really has no text: poppler reads none either.
    for (const o of scans) expect(pdftotext(o.bytes)!.trim()).toBe('');
    console.log(`pdf release: ${outcomes.length - scans.length} released, ${scans.length} refused (no text layer)`);
    expect(outcomes.filter((o) => o.error && o.error !== NO_TEXT_LAYER).map((o) => `${o.file}: ${o.error}`)).toEqual([]);
  });

  it('leaves no 8-word run of a classified portion in the release PDF (pdftotext, pdf.js) or text, and keeps ≥ 98% of the released words', async () => {
    const leaks: string[] = [];
    let classified = 0;
    let want = 0;
    let kept = 0;
    for (const o of outcomes) {
      if (!o.result) continue;
      const pdf = o.result.files.find((f) => f.kind === 'pdf')!.bytes;
      const text = new TextDecoder().decode(o.result.files.find((f) => f.kind === 'text')!.bytes);
      const poppler = pdftotext(pdf)!;
      const pdfjs = (await readPdfText(pdf)).pages.map((runs) => runs.map((r) => r.str).join(' ')).join('\n');
      const released = new Set([...shingles8(poppler), ...shingles8(pdfjs), ...shingles8(text)]);
      const regions = markRegions(pdftotext(o.bytes)!);
      const unclassified = new Set(regions.filter((r) => r.level === 'U').flatMap((r) => [...shingles8(r.text)]));
      for (const r of regions) {
        if (r.level === 'U') continue;
        classified++;
        for (const s of shingles8(r.text)) if (released.has(s) && !unclassified.has(s)) leaks.push(`${o.file}: ${s}`);
      }
      // Released portions' words (declass's reading) in the release PDF as pdftotext reads it.
      const { plan } = o.result;
      const pool = new Map<string, number>();
      for (const w of corpusWords(poppler)) pool.set(w, (pool.get(w) ?? 0) + 1);
      for (const d of plan.decisions) {
        if (d.action !== 'release') continue;
        for (const w of corpusWords(plan.document.source.slice(d.span.start, d.span.end))) {
          want++;
          const n = pool.get(w) ?? 0;
          if (n > 0) {
            kept++;
            pool.set(w, n - 1);
          }
        }
      }
    }
    console.log(`pdf release: ${outcomes.length} documents, ${classified} classified portions (pdftotext), ${leaks.length} 8-word runs left; released words kept ${kept} of ${want}`);
    expect(classified).toBeGreaterThan(FULL ? 1500 : PICK ? 0 : 40);
    expect(leaks).toEqual([]);
    expect(kept / Math.max(1, want)).toBeGreaterThanOrEqual(0.98);
  }, 3_600_000);

  it('gives byte-identical outputs on a second run', async () => {
    const sample = outcomes.filter((o) => o.result).slice(0, FULL ? undefined : 8);
    for (const o of sample) {
      const again = await release(o.bytes, `doc${outcomes.indexOf(o)}`);
      expect(again.files.map((f) => [f.path, sha256Hex(f.bytes)])).toEqual(o.result!.files.map((f) => [f.path, sha256Hex(f.bytes)]));
    }
  }, 3_600_000);
});
