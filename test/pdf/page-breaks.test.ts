/**
 * Text across a page break in word-processor PDFs (probe 65c), from the .fodt and .html sources and
 * PDFs in fixtures/writer and fixtures/chromium (pb-*): what goes on at the next page's top is read
 * from the page's geometry (src/pdf/layout/page-flow.ts), and LibreOffice's roman endnote numbers
 * are read as digits are.
 * - F2: an unmarked paragraph at a new page's top after a short (U) line with no stop was released
 *   as its wrap (pb-m8pb Writer, pb-m11web Chromium).
 * - F1: the next page's half of a split (S//NF) paragraph was released with a (U) footnote ending
 *   page 1 without a stop (pb-m12fnsplit).
 * - F4: a (U) paragraph split on a full line lost its next-page half as unmarked, under B1
 *   (pb-m15usplit); an (S//NF) one stays (S//NF) whole (pb-m14plainsplit).
 * - F3/F5: `i(S) … ZQ151.` endnotes were not read as marked and went on with a (U) footnote;
 *   superscript `ⁱⁱ` citations were unmarked B1 portions (pb-d1memo, pb-m3roman, pb-m6nostop).
 * Each is released through the batch; the release text and the release PDF read by pdftotext and
 * pdf.js hold no ZQ token, and the (U) text stays.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pdfjsText, popplerText } from './helpers/check.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

async function released(dir: 'writer' | 'chromium', name: string): Promise<string[]> {
  const { pdf, text, failed } = await releaseMemoPdf(new Uint8Array(readFileSync(path.join(FIXTURES, dir, `${name}.pdf`))), 'memo');
  expect(failed).toBe(0);
  expect(pdf).not.toBeNull();
  return [text!, popplerText(pdf!) ?? '', (await pdfjsText(pdf!)).pages.join('\n')];
}

/** `UQ<from>` … `UQ<to>`. */
const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, k) => `UQ${from + k}`);

describe('text across a page break', () => {
  it.each([
    ['writer', 'pb-m8pb', ['UQ801']],
    ['chromium', 'pb-m11web', ['UQ901', 'UQ902', 'UQ903']],
    ['writer', 'pb-m12fnsplit', ['UQ120', 'UQ121', 'UQ122', 'UQ199']],
    ['writer', 'pb-m14plainsplit', ['UQ120', 'UQ121', 'UQ122', 'UQ499']],
    ['writer', 'pb-m15usplit', ['UQ120', 'UQ121', 'UQ122', ...range(500, 539)]],
    ['writer', 'pb-m6nostop', ['UQ601', 'UQ602']],
    ['writer', 'pb-m3roman', ['UQ521', 'UQ522', 'UQ523', 'UQ524']],
    ['writer', 'pb-d1memo', ['UQ101', 'UQ104', 'UQ107', 'UQ118', 'UQ120', 'UQ121', 'UQ131', 'UQ132', 'UQ133']],
  ] as const)('%s %s: no ZQ token is released, the (U) text is', async (dir, name, kept) => {
    for (const shown of await released(dir, name)) {
      expect(shown).not.toMatch(/ZQ\d/);
      for (const u of kept) expect(shown).toMatch(new RegExp(`${u}(?!\\d)`));
    }
  });

  /**
   * Probe 65d's attack on the rule: a paragraph runs on into the next page only from the foot of
   * a full page; over a page left short (a forced break), a full-looking line, a joining word or a
   * lower-case start are no continuation, and the next page's first word counts at most 6 em in
   * the full-line test (a URL made a short line full).
   */
  it.each([
    ['pb65d-p-heading-url2', ['UQ71']],
    ['pb65d-i-longword', ['UQ1']],
    ['pb65d-a2-full-nostop-cap', ['UQ1']],
    ['pb65d-a-full-nostop', ['UQ1']],
    ['pb65d-s-pagenum', ['UQ1']],
    ['pb65d-b-and', ['UQ2']],
    ['pb65d-b-the', ['UQ2']],
    ['pb65d-c-lower', ['UQ1']],
    ['pb65d-c-lower2', ['UQ1']],
    ['pb65d-k-table', ['UQ40']],
    ['pb65d-l-sidebar', ['UQ0']],
  ] as const)('chromium %s: the next page\'s unmarked paragraph is withheld', async (name, kept) => {
    for (const shown of await released('chromium', name)) {
      expect(shown).not.toMatch(/ZQ\d/);
      for (const u of kept) expect(shown).toMatch(new RegExp(`${u}(?!\\d)`));
    }
  });

  /**
   * Probe 66e's OLD leaks: a page left half empty by a forced break is no page's foot though it is
   * the document's longest (f1; f2, f5, f6 over a footnote stayed withheld and stay so); on one
   * page, a (U) line broken short before a line whose first word is set in another face (a run-in
   * bold heading b2, an italic line b3), or a wrapped paragraph under a (U) glossary's short lines
   * (g4), opens a portion of its own. (A line of the glossary's own shape under it, `ZQ1 = ZQ2 …`,
   * probe 66e g3, is one more of its lines by everything the page shows: read on with it.)
   */
  it.each([
    ['pb66e-f1', ['UQ9', 'UQ700']],
    ['pb66e-f2', ['UQ700', 'UQ800']],
    ['pb66e-f5', ['UQ700', 'UQ800', 'UQ939']],
    ['pb66e-f6', ['UQ701', 'UQ800']],
    ['pb66e-b2', ['UQ34', 'UQ700']],
    ['pb66e-b3', ['UQ34', 'UQ700']],
    ['pb66e-g4', ['UQ4', 'UQ600', 'UQ603']],
  ] as const)("chromium %s: the unmarked text under the (U) line is withheld", async (name, kept) => {
    for (const shown of await released('chromium', name)) {
      expect(shown).not.toMatch(/ZQ\d|zq\d/);
      for (const u of kept) expect(shown).toMatch(new RegExp(`${u}(?!\\d)`));
    }
  });

  it('pb-d1memo: a superscript roman citation stays in its (U) sentence, and roman endnotes are read by their marks', async () => {
    const [text] = await released('writer', 'pb-d1memo');
    expect(text).toMatch(/unclassified sentence ?ii UQ133/);
    expect(text).toMatch(/ii ?\(U\) Endnote two public UQ132/);
    expect(text).not.toMatch(/Endnote text is secret/);
  });

  it('pb-d1memo: a raised citation digit after a number stays apart from it (`UQ130⁵` read `UQ1305`, probe 65c F7)', async () => {
    const [text] = await released('writer', 'pb-d1memo');
    expect(text).toMatch(/closing note UQ130 5\./);
  });
});
