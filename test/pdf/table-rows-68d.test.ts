/**
 * Probe 66f, F1 and F2 (old leaks in PDF tables), on the PDFs Chromium made from its HTML
 * (fixtures/chromium/t66f-*): a SECRET//NOFORN memo whose table holds a `(U)` cell over an
 * unmarked cell of a row whose `(S)` mark stands in another column.
 * - F1 (a2: padding 0, a3: 1px): a bordered table with a blank corner cell; `Value ZQ2` under
 *   `(U) Q1 UQ1` was released as its wrap.
 * - F2 (b1, b2, h2, and the variants b7, b8, h3, h4): an unbordered table whose `(S)` mark is in
 *   the 2nd column; the row's unmarked first cell was released as the wrap of the `(U)` cell above
 *   (a blank cell over the mark, a heading row read as one piece, a wrapped `(U)` cell whose
 *   neighbour holds one line or wraps too, padding 0, the table in a block of its own).
 * Each is released through the batch: no ZQ token in the release text, nor in the release PDF read
 * by pdftotext and pdf.js, and every listed UQ token is released. k1 (two newspaper columns, the
 * right one's `(S)` paragraph starting beside the left `(U)` paragraph's wrap) stays released whole.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pdfjsText, popplerText } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

const CHROMIUM = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'chromium');

const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(CHROMIUM, `t66f-${name}.pdf`)));

describe('an unmarked cell of an (S) row under a (U) cell (probe 66f, F1, F2)', () => {
  it.each([
    ['a2', ['UQ0', 'UQ1', 'UQ2']],
    ['a3', ['UQ0', 'UQ1', 'UQ2']],
    ['b1', ['UQ0', 'UQ1']],
    ['b2', ['UQ0', 'UQ1', 'UQ2']],
    ['b7', ['UQ0', 'UQ1', 'UQ5']],
    ['b8', ['UQ0', 'UQ1']],
    // `Header UQ3`, an unmarked cell on the (U) cell's row, is withheld (old, fail closed: probe 66f, 7).
    ['h2', ['UQ0', 'UQ1', 'UQ2']],
    ['k1', ['UQ0', 'UQ1', 'UQ2', 'UQ3', 'UQ4', 'UQ5', 'UQ6']],
  ] as const)('%s: no ZQ token is released, the (U) text is', async (name, kept) => {
    const { pdf, text, failed } = await releaseMemoPdf(bytes(name));
    expect(failed).toBe(0);
    expect(pdf).not.toBeNull();
    for (const shown of [text!, popplerText(pdf!) ?? '', (await pdfjsText(pdf!)).pages.join('\n')]) {
      expect(shown).not.toMatch(/ZQ\d/);
      for (const u of kept) expect(shown).toMatch(new RegExp(`${u}(?!\\d)`));
    }
  });

  it.each([['h3'], ['h4']] as const)('%s (an unmarked heading cell: held for review): the row label is withheld in the pending text', async (name) => {
    const { pdf, out } = await releaseMemoPdf(bytes(name));
    expect(pdf).toBeNull();
    const pending = readFileSync(path.join(out, 'pending', 'memo.txt'), 'utf8');
    expect(pending).not.toMatch(/ZQ\d/);
    for (const u of ['UQ0', 'UQ1', 'UQ2']) expect(pending).toMatch(new RegExp(`${u}(?!\\d)`));
  });
});
