/**
 * Probe 65e (8): a page tree that names more pages than the file holds is refused (fail closed: it
 * is what a file cut short looks like, and viewers disagree on it: poppler counts the /Count, pdf.js
 * the pages), and the refusal says what was found, not `page 4 of 3 cannot be read`. Hand-written
 * 3-page files as the probe made them (/tmp/probe65e/repro/gen.py).
 */
import { describe, expect, it } from 'vitest';
import { readPdfObjects } from '../../src/pdf/objects/read.js';
import { listPages } from '../../src/pdf/redact/pages.js';

/** A 3-page PDF whose pages are objects 10-12 and whose root /Pages (object 2) is `pages`. */
function threePages(pages: string): Uint8Array {
  const objs = new Map<number, string>([
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, pages],
    [30, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
  ]);
  for (let i = 0; i < 3; i++) {
    const s = `BT /F1 12 Tf 72 720 Td (\\(U\\) UQ${i + 1} page text.) Tj ET`;
    objs.set(20 + i, `<< /Length ${s.length} >>\nstream\n${s}\nendstream`);
    objs.set(10 + i, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 30 0 R >> >> /Contents ${20 + i} 0 R >>`);
  }
  let out = '%PDF-1.4\n';
  const at = new Map<number, number>();
  for (const n of [...objs.keys()].sort((a, b) => a - b)) {
    at.set(n, out.length);
    out += `${n} 0 obj\n${objs.get(n)}\nendobj\n`;
  }
  const size = Math.max(...objs.keys()) + 1;
  const xref = out.length;
  out += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) out += at.has(n) ? `${String(at.get(n)).padStart(10, '0')} 00000 n \n` : '0000000000 65535 f \n';
  out += `trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const KIDS = '[10 0 R 11 0 R 12 0 R]';

describe('a page tree that names pages the file does not hold', () => {
  it.each([
    ['/Count one too high', `<< /Type /Pages /Kids ${KIDS} /Count 4 >>`, 'its page tree counts 4 pages but holds 3'],
    ['a null /Kids entry', '<< /Type /Pages /Kids [10 0 R 11 0 R 12 0 R null] /Count 3 >>', 'its page tree names a page 4 (null) that the file does not hold (the tree counts 3 pages)'],
    ['a /Kids entry to a free object', '<< /Type /Pages /Kids [10 0 R 11 0 R 12 0 R 40 0 R] /Count 3 >>', 'its page tree names a page 4 (object 40) that the file does not hold (the tree counts 3 pages)'],
  ])('%s is refused, saying what was found', async (_name, pages, message) => {
    const objs = await readPdfObjects(threePages(pages));
    expect(() => listPages(objs)).toThrow(`the PDF is truncated or damaged: ${message}`);
  });

  it.each([
    ['/Count 3', `<< /Type /Pages /Kids ${KIDS} /Count 3 >>`],
    ['/Count 3.0', `<< /Type /Pages /Kids ${KIDS} /Count 3.0 >>`],
  ])('%s with 3 pages is read', async (_name, pages) => {
    expect(listPages(await readPdfObjects(threePages(pages)))).toHaveLength(3);
  });
});
