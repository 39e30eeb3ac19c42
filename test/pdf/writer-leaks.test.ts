/**
 * LibreOffice Writer layouts that leaked (probe 15b), from the .fodt sources and PDFs in
 * fixtures/writer. 1. A drop cap: `(S)` printed as a large initial over two or three lines was
 * read as a portion of its own, and the lines beside it went on with the (U) paragraph above,
 * released. 2. A column's first line after a column break, under a table's last (U) cell, went on
 * with that cell and was released. Released here through the batch; the release is read with
 * pdf.js and pdftotext and its streams searched raw, and the (U) text around stays.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pdfjsText, popplerText, rawAndInflated } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'writer');

async function released(name: string): Promise<{ shown: string; poppler: string; raw: string }> {
  const { pdf, failed } = await releaseMemoPdf(new Uint8Array(readFileSync(path.join(DIR, `${name}.pdf`))), 'writer');
  expect(failed).toBe(0);
  expect(pdf).not.toBeNull();
  return { shown: (await pdfjsText(pdf!)).pages.join('\n'), poppler: popplerText(pdf!) ?? '', raw: rawAndInflated(pdf!) };
}

describe('LibreOffice Writer layouts', () => {
  it.each(['dropcap3', 'dropcap3-lines3'])('%s: the lines beside a drop cap (S) are withheld with it, the (U) line above stays', async (name) => {
    const { shown, poppler, raw } = await released(name);
    expect(shown).not.toMatch(/ZEBRA|liaison|partner service/);
    expect(poppler).not.toMatch(/ZEBRA|liaison/);
    expect(raw).not.toMatch(/ZEBRA15DROP/);
    expect(shown).toMatch(/quarter\s+and\s+year/);
    expect(poppler).toMatch(/quarter and year/);
    expect(shown).toContain('Open paragraph two');
  });

  it('colleak-min: a column\'s first line under a table\'s last (U) cell is not released with that cell', async () => {
    const { shown, poppler, raw } = await released('colleak-min');
    expect(shown).not.toMatch(/ZEBRA|site until the end/);
    expect(poppler).not.toMatch(/ZEBRA/);
    expect(raw).not.toMatch(/ZEBRA15COL|TAILZEBRA/);
    expect(shown).toContain('Annex closing');
    expect(shown).toMatch(/\bOpen\b/);
  });
});
