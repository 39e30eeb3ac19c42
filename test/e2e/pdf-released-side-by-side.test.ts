/**
 * The release PDF's self-check and released lines that come out side by side. pdf.js reads a
 * box's label after the page's text, so the line before a removed portion and the line after it
 * are read one after the other; when a withheld text holds the same run of words (here the
 * subject repeats the two authority lines around a withheld mark), that run was taken for a leak
 * and the document was not released at all ("self-check of the release PDF failed: 3 run(s) of
 * withheld words still readable"; found by structural fuzzing of PDF memos). The run holds only
 * released words: it is allowed, and a withheld word still fails the check. (The last line was
 * `Classified By: said talks.`: a value with a verb is text of the memo now, not its authority line.)
 */
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdfText, verifyRedaction } from '../../src/pdf/index.js';
import { releaseDocument } from '../../src/release/index.js';
import { planRegions, readPdfInput } from '../../src/release/pdf.js';
import { visibleAcrossGaps } from '../../src/engine/withheld.js';
import { loadProfile } from '../../src/rules/load.js';
import { pdftotext } from '../helpers/pdf-text.js';

const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');

const LINES = [
  'SUBJECT: (C//REL TO USA, GBR) Berlin talks trade trade',
  'Reason: 1.4(b), (d)',
  'Reason: 1.4(b), (d)',
  'SUBJECT: (S//NF on next and KESTRELWING',
  'Classified By: trade Berlin',
  'Reason: 1.4(b), (d)',
  '(C//REL TO USA, GBR)',
  'Reason: 1.4(b), (d)',
  'Classified By: Berlin talks.',
];

async function memo(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  LINES.forEach((l, i) => page.drawText(l, { x: 60, y: 740 - 12.5 * i, size: 10, font }));
  return doc.save({ useObjectStreams: false });
}

describe('released lines read side by side across a removed portion', () => {
  it('are not a leak: the memo is released, and no withheld word is in its PDF', async () => {
    const bytes = await memo();
    const read = await readPdfInput(bytes);
    if (!read.ok) throw new Error(read.message);
    const result = await releaseDocument({ doc: read.doc, reader: read.reader, profile, asOf: '2010-12-01', stem: 'memo', input: { path: 'memo.pdf', sha256: 'a'.repeat(64) }, pdf: { bytes, layout: read.layout } });
    const pdf = result.files.find((f) => f.kind === 'pdf')!.bytes;
    const texts = [(await readPdfText(pdf)).pages.map((p) => p.map((r) => r.str).join(' ')).join('\n'), pdftotext(pdf)].filter((t): t is string => t !== null);
    for (const t of texts) {
      expect(t).not.toContain('KESTRELWING');
      expect(t).not.toContain('trade trade');
      expect(t).toContain('Classified By: Berlin talks.');
    }
  });

  it('the allowance does not hide a withheld word: the original itself as the "release" still fails the check', async () => {
    const bytes = await memo();
    const read = await readPdfInput(bytes);
    if (!read.ok) throw new Error(read.message);
    const { planRelease } = await import('../../src/release/index.js');
    const planned = planRelease(read.doc, profile, { asOf: '2010-12-01', stem: 'memo' });
    const { regions } = planRegions(planned.plan, read.layout);
    const check = await verifyRedaction(read.layout, bytes, regions, planned.withheld.map((w) => w.text), { releasedTexts: [planned.visible, visibleAcrossGaps(planned.visible)] });
    expect(check.ok).toBe(false);
    expect(check.leaks.length).toBeGreaterThan(0);
  });
});
