/**
 * Footnotes from word processors (probe 58b, findings 3 and 8). A superscript footnote reference
 * (`Visitors¹`, Chromium's `note<sup>2</sup>`) was a row of its own above its line, read as a line
 * of its own: an unmarked portion `1` withheld under B1 inside a released (U) paragraph, and a
 * self-check refusal where the (U) paragraph repeats words of a withheld one. LibreOffice sets a
 * footnote's number against its mark (`1(S//NF) ZQ…`): read as unmarked text holding a mark, the
 * memo went to pending/; `1(U) …` was withheld as unmarked, and two footnotes were one portion.
 * Now a superscript reference is read inline (its line's text), and a footnote's number before its
 * mark is the footnote's number, then its mark.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdfLayout } from '../../src/pdf/layout/index.js';
import { parseMarkedDocument } from '../../src/index.js';
import { TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { pdfjsText, popplerText, rawAndInflated } from './helpers/check.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (dir: string, name: string): Uint8Array => new Uint8Array(readFileSync(path.join(FIXTURES, dir, `${name}.pdf`)));

/** A page of Helvetica lines: a (U) line, then `content`. */
async function page(content: string): Promise<Uint8Array> {
  const t = await TestPdf.create();
  t.page(`BT /F1 11 Tf 60 740 Td ((U) Plain line first.) Tj ET\n${content}`);
  return t.save();
}

/** Releases a fixture: no failure, and no ZQ… marker of the fixtures in its release text, PDF text (poppler, pdf.js) or raw streams. */
async function released(dir: string, name: string): Promise<{ text: string; shown: string }> {
  const { pdf, text, failed } = await releaseMemoPdf(fixture(dir, name), name);
  expect(failed).toBe(0);
  expect(pdf).not.toBeNull();
  const poppler = popplerText(pdf!) ?? '';
  const shown = (await pdfjsText(pdf!)).pages.join('\n');
  for (const s of [text!, poppler, shown, rawAndInflated(pdf!)]) expect(s).not.toMatch(/ZQ(?:PPPP|GGGG|FFFF|HOTEL|INDIA)/);
  return { text: text!, shown: poppler };
}

describe('superscript footnote references', () => {
  it('a small raised number after a word is read in its line', async () => {
    const layout = await readPdfLayout(await page('BT /F1 11 Tf 60 720 Td ((U) Visitors) Tj /F1 7 Tf 4 Ts (12) Tj /F1 11 Tf 0 Ts ( should park here.) Tj ET'));
    expect(layout.text).toContain('(U) Visitors12 should park here.');
  });

  it('a footnote number raised before its mark is read with it', async () => {
    const layout = await readPdfLayout(await page('BT /F1 7 Tf 60 724 Td (3) Tj /F1 11 Tf -4 Ts ( \\(U\\) Public footnote.) Tj ET'));
    expect(layout.text).toContain('3 (U) Public footnote.');
  });

  it('a raised run that is a word, four digits or type as large as its line stays a line of its own', async () => {
    const word = await readPdfLayout(await page('BT /F1 11 Tf 60 720 Td ((U) Visitors) Tj /F1 7 Tf 4 Ts (note) Tj /F1 11 Tf 0 Ts ( should park.) Tj ET'));
    expect(word.text).not.toContain('Visitorsnote');
    const long = await readPdfLayout(await page('BT /F1 11 Tf 60 720 Td ((U) Visitors) Tj /F1 7 Tf 4 Ts (1234) Tj /F1 11 Tf 0 Ts ( should park.) Tj ET'));
    expect(long.text).not.toContain('Visitors1234');
    const large = await readPdfLayout(await page('BT /F1 11 Tf 60 720 Td ((U) Visitors) Tj 4 Ts (1) Tj 0 Ts ( should park.) Tj ET'));
    expect(large.text).not.toContain('Visitors1');
  });

  it('LibreOffice: superscript references stay in their (U) lines, footnotes numbered against their marks release', async () => {
    const { text, shown } = await released('writer', 'lofn3');
    expect(text).toContain('north lot2 and the schedule');
    expect(text).toContain('1(U) Public footnote on the annual report.');
    expect(text).toContain('2(U) Another public footnote.');
    expect(text.match(/\[WITHHELD: B1\]/g)).toHaveLength(1);
    expect(shown).toMatch(/2\(U\) Another public footnote\./);
  });

  it('LibreOffice: an (S//NF) footnote numbered against its mark is withheld under B1, not pending', async () => {
    const { text } = await released('writer', 'lofn2');
    expect(text).toContain('(U) Visitors should park');
    expect(text.match(/\[WITHHELD: B1\]/g)).toHaveLength(2);
    expect(text).not.toMatch(/PENDING/);
  });

  it('Chromium: <sup> references and footnote numbers are read inline', async () => {
    const { text } = await released('chromium', 'footnotes');
    expect(text).toContain('Released para with note2.');
    expect(text).toContain('2 (U) Public footnote about the annual report.');
    expect(text.match(/\[WITHHELD: B1\]/g)).toHaveLength(2);
  });

  it('Chromium: a (U) paragraph with a superscript repeating words of a withheld one releases (self-check)', async () => {
    const { text } = await released('chromium', 'fn3');
    expect(text).toContain('holiday period ends. note2.');
    expect(text.match(/\[WITHHELD: B1\]/g)).toHaveLength(1);
  });
});

describe('a footnote number set against its mark (document reader)', () => {
  const memo = (body: string): string => `SECRET//NOFORN\n\nClassified By: jsmith\nDerived From: NSA/CSSM 1-52\nDeclassify On: 20411231\n\n(U) Title\n\n${body}\n\nSECRET//NOFORN\n`;

  it('reads 1 to 3 digits first on a line before an understood mark as the number, then the mark', () => {
    const doc = parseMarkedDocument(memo('1(U) Public footnote one.\n2(S//NF) ZQ secret footnote.\n123(U) Another.'));
    expect(doc.portions.map((p) => [p.markingSource, p.mark?.raw ?? null, p.number])).toEqual([['marked', '(U)', null], ['marked', '(U)', '1'], ['marked', '(S//NF)', '2'], ['marked', '(U)', '123']]);
  });

  it('an endnote\'s roman number before its mark (LibreOffice\'s `i(S)`, i to xx) is read as a digit is (probe 65c F3)', () => {
    const doc = parseMarkedDocument(memo('i(S) ZQ endnote one.\nii(U) Endnote two.\nxiv(C) ZQ three.\nxx(U) Four.'));
    expect(doc.portions.slice(1).map((p) => [p.markingSource, p.mark?.raw ?? null, p.number])).toEqual([['marked', '(S)', 'i'], ['marked', '(U)', 'ii'], ['marked', '(C)', 'xiv'], ['marked', '(U)', 'xx']]);
  });

  it('a roman number beyond xx, or a word, before a mark stays text (probe 65c F3)', () => {
    const doc = parseMarkedDocument(memo('xxi(S) ZQ one.\n\nvx(U) two.\n\nmix(U) three.'));
    expect(doc.portions.slice(1).map((p) => p.markingSource)).not.toContain('marked');
  });

  it('a small raised roman numeral after a word is read in its line (probe 65c F5)', async () => {
    const layout = await readPdfLayout(await page('BT /F1 11 Tf 60 720 Td ((U) Visitors) Tj /F1 7 Tf 4 Ts (ii) Tj /F1 11 Tf 0 Ts ( should park here.) Tj ET'));
    expect(layout.text).toContain('(U) Visitorsii should park here.');
  });

  it('anything else stays as it was: a mark not understood, four digits, a lower-case letter, a word', () => {
    const doc = parseMarkedDocument(memo('1(S//XX) ZQ one.\n\n1234(U) Two.\n\n3(u) three.\n\n4(Iran) four.'));
    expect(doc.portions.slice(1).map((p) => p.markingSource)).toEqual(['unknown', 'unmarked', 'unmarked', 'unmarked']);
  });
});
