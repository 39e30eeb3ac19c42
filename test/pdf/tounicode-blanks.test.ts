/**
 * A ToUnicode map that says blanks for glyphs that draw ink (probe 11, F4). Helvetica with a
 * ToUnicode mapping <21>–<7E> to U+0020: its (S//NF) paragraph read as blanks, so in no portion,
 * and was released as printed. Such glyphs are now unmapped (the page is refused in one line):
 * where the encoding names a glyph that is no space, and for every blank code of a font that maps
 * more than three distinct codes to blanks. A font's real space (and no-break space) still reads.
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFDict, PDFName, type PDFRef } from 'pdf-lib';
import { readPdfLayout } from '../../src/pdf/layout/index.js';
import { PdfInputError } from '../../src/pdf/errors.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { MEMO_SECRET_LINE, memoLines, TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { rawAndInflated } from './helpers/check.js';

const LINES = memoLines('BLUEHERON');
const SECRET = LINES[MEMO_SECRET_LINE]!;
const yOf = (i: number): number => 740 - 18 * i;
const esc = (s: string): string => s.replace(/[()\\]/g, '\\$&');
const hex = (n: number, w: number): string => n.toString(16).toUpperCase().padStart(w, '0');

/** A ToUnicode CMap: `entries` code → Unicode (one code per bfchar line), codes `bytes` wide. */
function toUnicode(entries: [number, number][], bytes: number): string {
  const w = 2 * bytes;
  const body = entries.map(([c, u]) => `<${hex(c, w)}> <${hex(u, 4)}>`).join('\n');
  return `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def
1 begincodespacerange <${'0'.repeat(w)}> <${'F'.repeat(w)}> endcodespacerange
${entries.length} beginbfchar
${body}
endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
}

/** The memo, its secret line in Helvetica (/F9, WinAnsi) with the given ToUnicode entries. */
async function helveticaMemo(entries: [number, number][]): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const ctx = t.doc.context;
  const tu = ctx.register(ctx.flateStream(toUnicode(entries, 1)));
  const f9: PDFRef = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding', ToUnicode: tu }));
  const content = LINES.map((l, i) => `BT /${i === MEMO_SECRET_LINE ? 'F9' : 'F1'} 11 Tf 60 ${yOf(i)} Td (${esc(l)}) Tj ET`).join('\n');
  t.page(content, { fonts: { F9: f9 } });
  return t.save();
}

/** The memo, its secret line in the embedded Type0 font (Identity-H, no glyph names), whose ToUnicode maps `blank` characters' glyphs to U+0020. */
async function type0Memo(blank: string): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const content = LINES.map((l, i) => (i === MEMO_SECRET_LINE ? `BT /F2 11 Tf 60 ${yOf(i)} Td ${t.hex(l)} Tj ET` : `BT /F1 11 Tf 60 ${yOf(i)} Td (${esc(l)}) Tj ET`)).join('\n');
  t.page(content);
  const gid = (c: string): number => parseInt(t.hex(c).slice(1, 5), 16);
  const entries: [number, number][] = [...new Set(SECRET)].map((c) => [gid(c), blank.includes(c) ? 0x20 : c.codePointAt(0)!]);
  // pdf-lib writes the font at save: replace its ToUnicode in the saved file.
  const doc = await PDFDocument.load(await t.save(), { updateMetadata: false });
  const fonts = doc.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const f2 = fonts.lookup(PDFName.of('F2'), PDFDict);
  f2.set(PDFName.of('ToUnicode'), doc.context.register(doc.context.flateStream(toUnicode(entries, 2))));
  return doc.save();
}

const printable = (u: number): [number, number][] => Array.from({ length: 0x7e - 0x21 + 1 }, (_, k) => [0x21 + k, u]);
const letters = (s: string, u: number): [number, number][] => [...new Set(s)].map((c) => [c.charCodeAt(0), u]);

const REFUSED: { name: string; font: string; build: () => Promise<Uint8Array> }[] = [
  { name: 'Helvetica whose ToUnicode maps <21>–<7E> to U+0020', font: 'Helvetica', build: () => helveticaMemo(printable(0x20)) },
  { name: 'Helvetica whose ToUnicode maps <21>–<7E> to U+200B', font: 'Helvetica', build: () => helveticaMemo(printable(0x200b)) },
  // Characters that draw nothing but are no space nor format character (probe 13b, F4): the
  // braille blank, the Hangul filler, the combining grapheme joiner (Default_Ignorable_Code_Point).
  { name: 'Helvetica whose ToUnicode maps <21>–<7E> to U+2800 (braille blank)', font: 'Helvetica', build: () => helveticaMemo(printable(0x2800)) },
  { name: 'Helvetica whose ToUnicode maps <21>–<7E> to U+3164 (Hangul filler)', font: 'Helvetica', build: () => helveticaMemo(printable(0x3164)) },
  { name: 'Helvetica whose ToUnicode maps <21>–<7E> to U+034F (combining grapheme joiner)', font: 'Helvetica', build: () => helveticaMemo(printable(0x34f)) },
  { name: "the codeword's letters B, L, U mapped to U+2800 (encoding names them)", font: 'Helvetica', build: () => helveticaMemo(letters('BLU', 0x2800)) },
  // Three codes only (under the count), but WinAnsi names them B, L, U: glyphs that draw ink.
  { name: "the codeword's letters B, L, U mapped to U+0020 (encoding names them)", font: 'Helvetica', build: () => helveticaMemo(letters('BLU', 0x20)) },
  // No glyph names (Identity-H): more than three distinct codes mapped to blanks.
  { name: 'a Type0 font whose ToUnicode maps the glyphs of B, L, U, E, H, R, O, N to U+0020', font: 'LiberationSans', build: () => type0Memo('BLUEHRON') },
];

describe.each(REFUSED)('$name', (c) => {
  it('is refused in one line naming the font, and nothing is released', async () => {
    const bytes = await c.build();
    const err = await readPdfLayout(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfInputError);
    expect((err as Error).message).toMatch(new RegExp(`glyphs of font ${c.font}\\S* that cannot be mapped to Unicode: its ToUnicode maps glyphs that draw ink to blanks`));
    const { pdf, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(1);
    expect(pdf).toBeNull();
  });
});

describe('a ToUnicode that maps the real space and no-break space to blanks', () => {
  it('reads and releases as before', async () => {
    const bytes = await helveticaMemo([...letters(SECRET.replace(/ /g, ''), 0).map(([c]): [number, number] => [c, c]), [0x20, 0x20], [0xa0, 0xa0]]);
    const layout = await readPdfLayout(bytes);
    expect(layout.text).toContain(SECRET);
    const { pdf, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(0);
    expect(rawAndInflated(pdf!)).not.toContain('BLUEHERON');
    const text = pdftotext(pdf!);
    if (text !== null) expect(text).toContain('quarterly review');
  });
});
