/**
 * Text drawn wholly outside the page's visible box (its CropBox, else its MediaBox): no viewer
 * shows it, pdf.js and pdftotext do not extract it, yet declass read it as if seen. Beside or
 * under a (U) line of an UNCLASSIFIED page, or itself marked (U) in a SECRET memo, it was released
 * in the release text and left in the release PDF's stream (the self-check lost too few words to
 * notice); elsewhere the self-check refused the document with only a percentage. Now the page is
 * refused with one line naming the cause (probe 63, gap 1). A glyph partly inside is seen and read.
 */
import { describe, expect, it } from 'vitest';
import { PDFName } from 'pdf-lib';
import { TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { readPdfLayout } from '../../src/pdf/layout/index.js';

const lit = (s: string): string => `(${s.replace(/[()\\]/g, (c) => `\\${c}`)})`;
const show = (x: number, y: number, s: string): string => `BT /F1 10 Tf ${x} ${y} Td ${lit(s)} Tj ET`;

/** A page of 30 (U) paragraphs under `banner`, with `extra` drawn too, and the page's CropBox when given. */
async function page(banner: string, extra: string, crop?: number[]): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const lines = [show(260, 760, banner)];
  for (let i = 0; i < 30; i++) lines.push(show(72, 700 - 14 * i, `(U) Paragraph ${i} public words about the weather and the harbour today.`));
  if (banner !== 'UNCLASSIFIED') lines.push(show(72, 250, '(S//NF) ZQBRAVO the source met the minister.'), show(72, 200, 'Classified By: John Smith, Director'), show(72, 188, 'Derived From: Multiple Sources'), show(72, 176, 'Declassify On: 20451231'));
  const p = t.page([...lines, extra, show(260, 40, banner)].join('\n'));
  if (crop) p.node.set(PDFName.of('CropBox'), t.doc.context.obj(crop));
  return t.save();
}

const CASES: readonly (readonly [string, string, string, number[]?])[] = [
  ['beside a (U) line, right of the MediaBox', 'UNCLASSIFIED', show(640, 700, 'ZQBESIDE hidden words')],
  ['beside a (U) line, left of the MediaBox', 'UNCLASSIFIED', show(-200, 700, 'ZQLEFT hidden words')],
  ['below the MediaBox', 'UNCLASSIFIED', show(72, -40, 'ZQBELOW hidden words')],
  ['under the last (U) line, below the CropBox', 'UNCLASSIFIED', show(72, 280, 'ZQUNDER hidden words'), [0, 292, 612, 792]],
  ['beside a (U) line, right of the CropBox', 'UNCLASSIFIED', show(560, 700, 'ZQCROP hidden words'), [0, 0, 540, 792]],
  ['marked (U) itself, in a SECRET memo', 'SECRET//NOFORN', show(640, 700, '(U) ZQMARKED hidden words')],
];

describe('text wholly outside the visible box (probe 63 gap 1)', () => {
  for (const [name, banner, hidden, crop] of CASES) {
    it(`${name}: the page is refused with a one-line reason, nothing released`, async () => {
      const bytes = await page(banner, hidden, crop);
      await expect(readPdfLayout(bytes)).rejects.toThrow(/^page 1 draws text wholly outside its visible area \(its CropBox or MediaBox\): no reader sees it/);
      const r = await releaseMemoPdf(bytes);
      expect(r.failed).toBe(1);
      expect(r.pdf).toBeNull();
      expect(r.text).toBeNull();
    });
  }

  it('control: a line whose glyphs the top of the CropBox cuts (partly inside) is read and released', async () => {
    const bytes = await page('UNCLASSIFIED', show(72, 786, 'uqedge top line'), [0, 0, 612, 792]);
    expect((await readPdfLayout(bytes)).text).toContain('uqedge top line');
    const r = await releaseMemoPdf(bytes);
    expect(r.failed).toBe(0);
    expect(r.text).toContain('uqedge top line');
  });
});
