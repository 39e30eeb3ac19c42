/**
 * A TrueType font embedded whole (pdf-lib `embedFont(ttf, { subset: false })`): its ToUnicode maps
 * every Unicode space the font has (U+0020, U+00A0, U+2000–U+200A …) to blanks, a dozen codes. The
 * rule that took more than three blank codes for glyphs that draw ink refused every page showing a
 * space (probe 64b, F4). A blank code is now judged by its glyph's outline where the program has
 * them: an empty glyph is a blank, a glyph with an outline read as a blank still refuses the page
 * (the leak the rule is for: a secret line whose letters read as spaces).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { readPdfLayout } from '../../src/pdf/layout/index.js';
import { PdfInputError } from '../../src/pdf/errors.js';
import { MEMO_SECRET_LINE, memoLines } from './helpers/make.js';
import { releaseMemoPdf, releaseShown } from './helpers/release-memo.js';

/** A full font (pdf.js's LiberationSans is cut to a small character set: pdf-lib maps one blank for it). */
const TTF = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';
const LINES = memoLines('ZQHERON');
const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');
const SPACES = ' \u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A';

/**
 * The memo set in LiberationSans embedded whole. With `blank`, its ToUnicode is written anew:
 * each glyph shown and each Unicode space to its own text, but the glyphs of `blank`'s characters
 * to U+0020.
 */
async function wholeFontMemo(blank?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(TTF), { subset: false });
  const page = doc.addPage([612, 792]);
  page.node.setFontDictionary(PDFName.of('F2'), font.ref);
  const shown = LINES.map((l, i) => `BT /F2 11 Tf 60 ${740 - 18 * i} Td ${font.encodeText(l).toString()} Tj ET`);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(shown.join('\n'))));
  if (blank === undefined) return doc.save({ useObjectStreams: false });
  const gid = (c: string): string => font.encodeText(c).toString().slice(1, 5);
  const text = new Map<string, string>();
  for (const c of [...new Set(SPACES + LINES.join(''))]) text.set(gid(c), blank.includes(c) ? '0020' : hex4(c.charCodeAt(0)));
  const entries = [...text].map(([g, u]) => `<${g}> <${u}>`);
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
${entries.length} beginbfchar
${entries.join('\n')}
endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
  // pdf-lib writes the font (and its own ToUnicode) at save: replace the map in the saved file.
  const saved = await PDFDocument.load(await doc.save({ useObjectStreams: false }), { updateMetadata: false });
  const ctx = saved.context;
  const type0 = ctx.enumerateIndirectObjects().map(([, o]) => o).find((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
  type0!.set(PDFName.of('ToUnicode'), ctx.register(ctx.flateStream(cmap)));
  return saved.save({ useObjectStreams: false });
}

describe.skipIf(!existsSync(TTF))('a TrueType font embedded whole', () => {
  it('is read: its (U) paragraphs released, the (S//NF) one withheld', async () => {
    const { text, shown } = await releaseShown(await wholeFontMemo(), /ZQ/);
    expect(text).toContain('(U) This memorandum summarizes the quarterly review held at headquarters.');
    expect(text).toContain('(U) Next meeting is scheduled for the first week of the next quarter.');
    for (const s of shown.slice(1)) expect(s.replace(/\s+/g, ' ')).toContain('(U) Next meeting');
  });

  it('its rewritten ToUnicode, a dozen Unicode spaces on empty glyphs, is read', async () => {
    const layout = await readPdfLayout(await wholeFontMemo(''));
    expect(layout.text).toContain(LINES[MEMO_SECRET_LINE]);
  });

  it('refuses a page where glyphs that draw ink (Z, Q) read as blanks, and releases nothing', async () => {
    const bytes = await wholeFontMemo('ZQ');
    const err = await readPdfLayout(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfInputError);
    expect((err as Error).message).toMatch(/page 1 shows glyphs of font \S+ that cannot be mapped to Unicode: its ToUnicode maps glyphs that draw ink to blanks/);
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(1);
    expect(pdf).toBeNull();
    expect(text).toBeNull();
  });
});
