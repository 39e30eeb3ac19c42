/**
 * A list's bullet that a symbol font's ToUnicode maps to a private-use value (probe 58b, finding
 * 1): LibreOffice draws its default bullet in OpenSymbol (U+F095), Word in Symbol (U+F0B7) or
 * Wingdings (U+F0A7, U+F0D8). Such a glyph read as text nobody can read, and refused every
 * bulleted memo. Now it reads `•` where a bullet stands (alone at a line's start, a gap and text
 * after it); anywhere else (inside a word, two in a run, alone on a line, a private-use value of a
 * font of letters) the page is refused in one line as before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, type PDFRef } from 'pdf-lib';
import { readPdfLayout } from '../../src/pdf/layout/index.js';
import { TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { pdfjsText, popplerText, rawAndInflated } from './helpers/check.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'writer');

const hex = (n: number, w: number): string => n.toString(16).toUpperCase().padStart(w, '0');

/** A ToUnicode CMap mapping the code `code` (`bytes` wide) to `u`. */
const toUnicode = (code: number, u: number, bytes: number): string => `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def
1 begincodespacerange <${'0'.repeat(2 * bytes)}> <${'F'.repeat(2 * bytes)}> endcodespacerange
1 beginbfchar
<${hex(code, 2 * bytes)}> <${hex(u, 4)}>
endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;

/**
 * A page that draws `content(o)` after a (U) line, `o` being the glyph of `o` in the embedded
 * Liberation Sans (/F2, no glyph names), its ToUnicode saying `u` for that glyph, the font named
 * `name` (a symbol font's name, or its own).
 */
async function page(u: number, content: (o: string) => string, name?: string): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const o = t.hex('o');
  t.page(`BT /F1 11 Tf 60 740 Td ((U) A list follows.) Tj ET\n${content(o)}`);
  const doc = await PDFDocument.load(await t.save(), { updateMetadata: false });
  const fonts = doc.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const f2 = fonts.lookup(PDFName.of('F2'), PDFDict);
  f2.set(PDFName.of('ToUnicode'), doc.context.register(doc.context.flateStream(toUnicode(parseInt(o.slice(1, 5), 16), u, 2))));
  if (name !== undefined) f2.set(PDFName.of('BaseFont'), PDFName.of(name));
  return doc.save();
}

/** An item at (x, y): the glyph(s) `bullet` of /F2, then `text` in Helvetica 18 pt to the right. */
const item = (x: number, y: number, bullet: string, text: string): string => `BT /F2 11 Tf ${x} ${y} Td ${bullet} Tj ET BT /F1 11 Tf ${x + 18} ${y} Td (${text}) Tj ET`;

describe('private-use bullets', () => {
  it.each([
    ['Symbol', 'F0B7'],
    ['ABCDEF+Wingdings-Regular', 'F0A7'],
    ['ZapfDingbats', 'E123'],
    ['ABCDEF+LiberationSans', 'F0B7'],
    ['ABCDEF+LiberationSans', 'F095'],
  ])('a bullet of %s, U+%s, at a line\'s start reads as a bullet', async (name, u) => {
    const bytes = await page(parseInt(u, 16), (o) => `${item(72, 720, o, '(U) Item one.')}\n${item(72, 704, o, '(U) Item two.')}`, name);
    const layout = await readPdfLayout(bytes);
    expect(layout.text).toContain('• (U) Item one.');
    expect(layout.text).toContain('• (U) Item two.');
    expect(layout.text).not.toMatch(/[\uE000-\uF8FF]/u);
  });

  it('another private-use value of a font of letters is refused', async () => {
    await expect(readPdfLayout(await page(0xe123, (o) => item(72, 720, o, '(U) Item one.')))).rejects.toThrow(/font \S*LiberationSans\S* that cannot be mapped to Unicode \(/);
  });

  it('a bullet inside a word, two in a run, or alone on its line are refused', async () => {
    const refused = /page 1 shows glyphs of font Symbol that cannot be mapped to Unicode \(/;
    const inWord = (o: string): string => `BT /F1 11 Tf 72 720 Td ((U) Ite) Tj /F2 11 Tf ${o} Tj /F1 11 Tf (m one.) Tj ET`;
    await expect(readPdfLayout(await page(0xf0b7, inWord, 'Symbol'))).rejects.toThrow(refused);
    await expect(readPdfLayout(await page(0xf0b7, (o) => item(72, 720, `${o}${o}`.replace('><', ''), '(U) Item one.'), 'Symbol'))).rejects.toThrow(refused);
    await expect(readPdfLayout(await page(0xf0b7, (o) => `BT /F2 11 Tf 72 720 Td ${o} Tj ET`, 'Symbol'))).rejects.toThrow(refused);
  });

  it('LibreOffice: its OpenSymbol bullets (U+F095) release, a withheld bullet goes with its line', async () => {
    const { pdf, text, failed } = await releaseMemoPdf(new Uint8Array(readFileSync(path.join(DIR, 'lobullet.pdf'))), 'lobullet');
    expect(failed).toBe(0);
    expect(text).toContain('• (U) Released bullet about lunch.');
    expect(text).toContain('• (U) Released bullet about parking.');
    expect(text).not.toMatch(/ZQBUL/);
    expect(text!.match(/\[WITHHELD: B1\]/g)).toHaveLength(2);
    const poppler = popplerText(pdf!) ?? '';
    const shown = (await pdfjsText(pdf!)).pages.join('\n');
    expect(poppler).not.toMatch(/ZQBUL|withheld (?:bullet|paragraph)/);
    expect(shown).not.toMatch(/ZQBUL|withheld (?:bullet|paragraph)/);
    expect(rawAndInflated(pdf!)).not.toMatch(/ZQBUL/);
    expect(poppler).toMatch(/Released bullet about lunch/);
    // The two released bullets are drawn still; the withheld one went with its line.
    expect(poppler.match(/\uF095/gu)).toHaveLength(2);
  });

  it('LibreOffice: an OpenSymbol private-use glyph inside a word refuses the page', async () => {
    await expect(readPdfLayout(new Uint8Array(readFileSync(path.join(DIR, 'lobullet-inline.pdf'))))).rejects.toThrow(/OpenSymbol that cannot be mapped to Unicode/);
  });
});
