/**
 * Letter-spaced (tracked) text (probe 58b, finding 6): each letter of a line set with
 * `letter-spacing:0.3em` (Chromium) or a `Tc` stood more than a word gap (0.15 em) from the next,
 * so it was read as a word: `(S//NF)` read `( S / / N F )`, an unknown marking (the memo went to
 * pending/), and a (U) heading was released as `( U ) A N N U A L R E V I E W`. A line whose
 * gaps between letters are even is now read with words where its wider gaps or its blanks are;
 * uneven gaps are read as before (each letter a word, which withholds).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdfLayout } from '../../src/pdf/layout/index.js';
import { TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { pdfjsText, popplerText, rawAndInflated } from './helpers/check.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'chromium');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(DIR, `${name}.pdf`)));

/** A page of Helvetica 11 pt lines, one `BT … ET` each, the given content after a (U) line. */
async function page(content: string): Promise<Uint8Array> {
  const t = await TestPdf.create();
  t.page(`BT /F1 11 Tf 60 740 Td ((U) Plain line first.) Tj ET\n${content}`);
  return t.save();
}

describe('tracked text', () => {
  it('Tc tracking with space glyphs reads as words', async () => {
    const layout = await readPdfLayout(await page('BT /F1 14 Tf 3.5 Tc 60 700 Td (\\(S//NF\\) ZQYANK25 HEADING) Tj ET'));
    expect(layout.text).toContain('(S//NF) ZQYANK25 HEADING');
  });

  it('Tc tracking without space glyphs (words placed by TJ) reads as words', async () => {
    const layout = await readPdfLayout(await page('BT /F1 14 Tf 3.5 Tc 60 700 Td [(\\(U\\)) -450 (ANNUAL) -450 (REVIEW)] TJ ET'));
    expect(layout.text).toContain('(U) ANNUAL REVIEW');
  });

  it('a small tracking (0.2 em) with a kerned pair closer than a word gap reads as words', async () => {
    const layout = await readPdfLayout(await page('BT /F1 11 Tf 2.2 Tc 60 700 Td [(\\(S//NF\\) ZQZU) 50 (LU26 spaced words.)] TJ ET'));
    expect(layout.text).toContain('(S//NF) ZQZULU26 spaced words.');
  });

  it('Chromium spaced: tracked heading and paragraph (0.5 em, 3px) are read with their marks, the memo released in part', async () => {
    const { pdf, text, failed } = await releaseMemoPdf(fixture('spaced'), 'spaced');
    expect(failed).toBe(0);
    expect(text).toMatch(/RELEASE IN PART B1/);
    expect(text).not.toMatch(/ZQ/);
    expect(text).toContain('Released after spaced.');
    expect(popplerText(pdf!) ?? '').not.toMatch(/ZQ|Z\s*Q\s*Z\s*U|H\s*E\s*A\s*D\s*I\s*N\s*G/);
    expect((await pdfjsText(pdf!)).pages.join('\n')).not.toMatch(/ZQ|Z\s*Q\s*Z\s*U|H\s*E\s*A\s*D\s*I\s*N\s*G/);
    expect(rawAndInflated(pdf!)).not.toMatch(/ZQYANK|ZQZULU|ZQAAAA/);
  });

  it('uneven gaps between letters are read as before, each letter a word', async () => {
    const layout = await readPdfLayout(await page('BT /F1 14 Tf 60 700 Td [(\\() -300 (S) -700 (\\)) -250 (A) -900 (B) -400 (C)] TJ ET'));
    expect(layout.text).toContain('( S ) A B C');
  });

  it('a line of tight letters with one tracked word is read as before', async () => {
    const layout = await readPdfLayout(await page('BT /F1 11 Tf 60 700 Td ((U) Plain words then ) Tj 3 Tc (SPACED) Tj ET'));
    expect(layout.text).toContain('(U) Plain words then S P A C E D');
  });

  it('Chromium sp3: a letter-spaced (S//NF) heading is withheld, the memo released in part (not pending)', async () => {
    expect((await readPdfLayout(fixture('sp3'))).text).toContain('(S//NF) ZQYANK25 HEADING');
    const { pdf, text, failed } = await releaseMemoPdf(fixture('sp3'), 'sp3');
    expect(failed).toBe(0);
    expect(text).not.toBeNull();
    expect(text).toMatch(/RELEASE IN PART B1/);
    expect(text).not.toMatch(/ZQYANK|HEADING/);
    expect(text).toContain('(U) Released end paragraph.');
    expect(popplerText(pdf!) ?? '').not.toMatch(/ZQ|H\s*E\s*A\s*D\s*I\s*N\s*G/);
    expect((await pdfjsText(pdf!)).pages.join('\n')).not.toMatch(/ZQ|H\s*E\s*A\s*D\s*I\s*N\s*G/);
    expect(rawAndInflated(pdf!)).not.toMatch(/ZQYANK/);
  });

  it('Chromium sp1: a letter-spaced (U) heading is released as words', async () => {
    const { pdf, text, failed } = await releaseMemoPdf(fixture('sp1'), 'sp1');
    expect(failed).toBe(0);
    expect(text).toContain('(U) ANNUAL REVIEW');
    expect(text).not.toMatch(/ZQLLLL/);
    expect(popplerText(pdf!) ?? '').not.toMatch(/ZQ/);
    expect((await pdfjsText(pdf!)).pages.join('\n')).not.toMatch(/ZQ/);
  });
});
