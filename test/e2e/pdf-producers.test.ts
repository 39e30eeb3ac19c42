/**
 * PDF inputs from other producers: the marked sample documents turned into PDFs by pdf-lib,
 * groff (gropdf), Ghostscript (ps2pdf), Chromium and LibreOffice Writer
 * (test/helpers/producers.ts), each read, released
 * (`public` as of 2015-01-01, when their portions are still classified) and checked against the
 * same document read as text:
 * - the PDF reading releases the same portions, with the same level and words, as the text reading;
 * - no withheld word that the release does not otherwise show, and no 8-word run of withheld
 *   text, is in the release PDF as poppler's pdftotext or pdf.js reads it;
 * - the words of the released portions are still there (≥ 98%);
 * - a second run gives the same bytes.
 * A producer whose tool is missing is skipped with a notice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/hash.js';
import { readPdfText } from '../../src/pdf/index.js';
import { readDocument } from '../../src/parse/read.js';
import { planRelease, releaseDocument, type ReleaseResult } from '../../src/release/index.js';
import { readPdfInput } from '../../src/release/pdf.js';
import { loadProfile } from '../../src/rules/load.js';
import { hasPdftotext, pdftotext } from '../helpers/pdf-text.js';
import { libreOfficeJustified, LIBREOFFICE_MISSING_REASON, PRODUCERS } from '../helpers/producers.js';

const SAMPLES = ['samples/MEMO-FIELD-OFFICES.txt', 'samples/NEWSLETTER-REGIONAL-CENTER.txt', 'samples/REPORT-FVEY-LIAISON.md'];
const AS_OF = '2015-01-01';
const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
const poppler = hasPdftotext();
if (!poppler) console.log('skipped: pdftotext (poppler-utils) is not installed; the PDF producer tests need it');

function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]/gu, ' ').split(/\s+/).filter(Boolean);
}
function shingles(text: string, n = 8): string[] {
  const w = words(text);
  return w.slice(0, Math.max(0, w.length - n + 1)).map((_, i) => w.slice(i, i + n).join(' '));
}

async function release(bytes: Uint8Array): Promise<ReleaseResult> {
  const read = await readPdfInput(bytes);
  if (!read.ok) throw new Error(read.message);
  return releaseDocument({ doc: read.doc, reader: read.reader, profile, asOf: AS_OF, stem: 'doc', input: { path: 'doc.pdf', sha256: sha256Hex(bytes) }, pdf: { bytes, layout: read.layout } });
}

for (const producer of PRODUCERS) {
  if (producer.missing) console.log(`skipped producer ${producer.name}: ${producer.missing}`);
  describe.skipIf(producer.missing !== null || !poppler)(`PDF input made by ${producer.name}`, () => {
    it.each(SAMPLES)('%s: releases what the text reading releases, nothing withheld readable, released words kept, same bytes again', async (sample) => {
      const text = readFileSync(sample, 'utf8');
      const expected = planRelease(readDocument(text).doc, profile, { asOf: AS_OF, stem: 'doc' });
      const pdf = await producer.make(text);
      const result = await release(pdf);
      // The same portions are released (an unmarked line after a wrapped withheld paragraph may
      // be read as its continuation: withheld either way).
      const released = (plan: ReleaseResult['plan']) => plan.decisions.filter((d) => d.action === 'release').map((d) => `${d.level} ${words(plan.document.source.slice(d.span.start, d.span.end)).join(' ')}`);
      expect(released(result.plan)).toEqual(released(expected.plan));
      expect(expected.withheld.length).toBeGreaterThan(0);

      const out = result.files.find((f) => f.kind === 'pdf')!.bytes;
      const read = [pdftotext(out)!, (await readPdfText(out)).pages.map((runs) => runs.map((r) => r.str).join(' ')).join('\n')];
      // The release PDF keeps the DYNAMIC PAGE banners, which the text release drops (its own banners are boxed).
      const doc = expected.plan.document;
      const furniture = [...doc.furniture, ...(doc.pageBanners ?? []).map((b) => b.span)].map((f) => text.slice(f.start, f.end)).join('\n');
      const shown = new Set(words(`${expected.visible}\n${furniture}`));
      const secret = new Set(expected.withheld.flatMap((w) => words(w.text)).filter((w) => !shown.has(w)));
      const allowed = new Set([...shingles(expected.visible), ...shingles(furniture)]);
      for (const r of read) {
        expect(words(r).filter((w) => secret.has(w))).toEqual([]);
        const runs = new Set(shingles(r));
        expect(expected.withheld.flatMap((w) => shingles(w.text)).filter((s) => runs.has(s) && !allowed.has(s))).toEqual([]);
      }
      const pool = new Map<string, number>();
      for (const w of words(read[0]!)) pool.set(w, (pool.get(w) ?? 0) + 1);
      let want = 0;
      let kept = 0;
      for (const d of result.plan.decisions.filter((x) => x.action === 'release')) {
        for (const w of words(result.plan.document.source.slice(d.span.start, d.span.end))) {
          want++;
          if ((pool.get(w) ?? 0) > 0) {
            kept++;
            pool.set(w, pool.get(w)! - 1);
          }
        }
      }
      expect(want).toBeGreaterThan(0);
      expect(kept / want).toBeGreaterThanOrEqual(0.98);

      const again = await release(pdf);
      expect(again.files.map((f) => sha256Hex(f.bytes))).toEqual(result.files.map((f) => sha256Hex(f.bytes)));
    }, 120_000);
  });
}

if (LIBREOFFICE_MISSING_REASON) console.log(`skipped the justified LibreOffice memo: ${LIBREOFFICE_MISSING_REASON}`);
describe.skipIf(LIBREOFFICE_MISSING_REASON !== null || !poppler)('a justified LibreOffice memo whose authority block has manual line breaks', () => {
  it('reads the stretched lines across: the authority block and its reasons, no unmarked portion there; nothing withheld readable', async () => {
    // Writer stretches each line before a manual line break to the margin: "Classified   By:   J.   Smith".
    const secret = 'The liaison service reported that the KESTRELWING courier reached the border crossing on time and without incident during the week.';
    const pdf = libreOfficeJustified([
      'SECRET//NOFORN',
      'SUBJECT: (U) Liaison Review',
      `(U) This memorandum records the quarterly liaison review held with the partner service and the decisions taken there by both sides.`,
      `(S//NF) ${secret}`,
      'Classified By: J. Smith\nReason: 1.4(b), (d)\nDeclassify On: 20300101',
      'SECRET//NOFORN',
    ]);
    const result = await release(pdf);
    const doc = result.plan.document;
    expect(doc.authority?.raw.replace(/\s+/g, ' ')).toContain('Classified By: J. Smith Reason: 1.4(b), (d)');
    expect(doc.authority?.reasons).toEqual(['1.4(b)', '1.4(d)']);
    expect(result.plan.decisions.filter((d) => d.action === 'withhold').flatMap((d) => d.authority)).toEqual(expect.arrayContaining(['B1', '1.4(B)', '1.4(D)']));
    expect(doc.diagnostics.filter((d) => d.code === 'unmarked-portion')).toEqual([]);
    const out = result.files.find((f) => f.kind === 'pdf')!.bytes;
    for (const text of [pdftotext(out)!, (await readPdfText(out)).pages.map((runs) => runs.map((r) => r.str).join(' ')).join('\n')]) {
      expect(text).not.toContain('KESTRELWING');
      expect(text).toContain('quarterly liaison review');
    }
  }, 120_000);
});
