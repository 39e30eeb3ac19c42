/**
 * Hidden text drawn over a released line (probe 64b, F2). An invisible run (render mode 3) or a
 * white one over the middle of a (U) line is read as a paragraph of its own and withheld; its
 * region removed the visible (U) words under it and boxed them `B1, 1.4(C)`, while the release
 * text and the record said the whole (U) line was released. The removal goes by region, so the two
 * cannot be told apart: the document is refused in one line naming the page and the portions, and
 * nothing is written. Hidden text over a withheld line, or clear of every line, is released as before.
 */
import { describe, expect, it } from 'vitest';
import { pdftotext } from '../helpers/pdf-text.js';
import { memoLines, TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { rawAndInflated } from './helpers/check.js';

/** The memo, with a long (U) paragraph after its (S//NF) one: a few words lost stay under the self-check's 2%. */
const LINES = memoLines('ZQHERON');
LINES.splice(4, 0, ...Array.from({ length: 12 }, (_, i) => `(U) Item ${i + 1}: the review covered budgets, staffing, travel and training for the next quarter.`));
const esc = (s: string): string => s.replace(/[()\\]/g, '\\$&');

/** The memo (line i at y 740 − 18i) with `hidden` drawn last. */
async function memo(hidden: string): Promise<Uint8Array> {
  const t = await TestPdf.create();
  t.page([...LINES.map((l, i) => `BT /F1 11 Tf 60 ${740 - 18 * i} Td (${esc(l)}) Tj ET`), hidden].join('\n'));
  return t.save();
}

/** Over the middle of the first (U) line (line 1, y 722). */
const OVER_U: { name: string; hidden: string }[] = [
  { name: 'an invisible run (3 Tr)', hidden: 'BT 3 Tr /F1 11 Tf 200 722 Td (ZQ63) Tj 0 Tr ET' },
  { name: 'a white run', hidden: 'q 1 g BT /F1 11 Tf 200 722 Td (ZQ63) Tj ET Q' },
];

describe.each(OVER_U)('$name over a (U) line', (c) => {
  it('is refused naming the page and portions, and nothing is released', async () => {
    const { pdf, text, failed } = await releaseMemoPdf(await memo(c.hidden));
    expect(failed).toBe(1);
    expect(pdf).toBeNull();
    expect(text).toBeNull();
  });
});

const APART: { name: string; hidden: string }[] = [
  { name: 'an invisible run over the (S//NF) line', hidden: 'BT 3 Tr /F1 11 Tf 200 704 Td (ZQ63) Tj 0 Tr ET' },
  { name: 'an invisible run clear of every line', hidden: 'BT 3 Tr /F1 11 Tf 60 150 Td (ZQ63) Tj 0 Tr ET' },
];

describe.each(APART)('$name', (c) => {
  it('is withheld, the (U) lines released whole in the text and the PDF', async () => {
    const { pdf, text, failed } = await releaseMemoPdf(await memo(c.hidden));
    expect(failed).toBe(0);
    expect(text).toContain(LINES[1]);
    expect(text).not.toMatch(/ZQ/);
    expect(rawAndInflated(pdf!)).not.toMatch(/ZQ/);
    const poppler = pdftotext(pdf!);
    if (poppler !== null) {
      expect(poppler.replace(/\s+/g, ' ')).toContain(LINES[1]);
      expect(poppler).not.toMatch(/ZQ/);
    }
  });
});
