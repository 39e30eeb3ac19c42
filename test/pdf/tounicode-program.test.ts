/**
 * A Type0 font (Identity-H, an embedded TrueType program) whose ToUnicode names another character
 * than the program's own cmap gives the glyph it draws (probe 62b, F2). A Chromium page whose
 * DejaVu Sans subset had its ToUnicode map the glyph of `S` to `U` showed `(S) ZQTUMAP …` and was
 * read as `(U)` and released as printed: a CID font has no glyph names to check it against (the
 * simple fonts' check, tounicode-misread.test.ts). For the characters marks and banners are spelt
 * with, a ToUnicode entry is compared with the characters the program's cmap maps to the glyph:
 * where they disagree, the page is refused in one line naming the font. The font here is Liberation
 * Sans embedded by pdf-lib (Identity-H, the CID the glyph id), its ToUnicode written anew.
 */
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFName } from 'pdf-lib';
import { readPdfLayout } from '../../src/pdf/layout/index.js';
import { PdfInputError } from '../../src/pdf/errors.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { memoLines, TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { pdfjsText, rawAndInflated } from './helpers/check.js';

const LINES = memoLines('BLUEHERON');
/** Where the line in the Type0 font (/F2) goes: after the memo's first (U) paragraph. */
const AT = 3;
const esc = (s: string): string => s.replace(/[()\\]/g, '\\$&');
const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/** A ToUnicode CMap of two-byte codes: glyph id → text. */
function toUnicode(entries: [number, string][]): string {
  const body = entries.map(([c, u]) => `<${hex4(c)}> <${[...u].map((ch) => hex4(ch.charCodeAt(0))).join('')}>`).join('\n');
  return `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
${entries.length} beginbfchar
${body}
endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
}

/**
 * The memo with `line` drawn in the Type0 font at line {@link AT}, its ToUnicode mapping every
 * glyph the line draws to its own character but for `changes` (character drawn → text said).
 */
async function memo(line: string, changes: Record<string, string> = {}): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const gid = (c: string): number => parseInt(t.hex(c).slice(1, 5), 16);
  const shown = LINES.map((l) => `/F1 11 Tf (${esc(l)}) Tj`);
  shown.splice(AT, 0, `/F2 11 Tf ${t.hex(line)} Tj`);
  t.page(shown.map((s, i) => `BT 60 ${740 - 18 * i} Td ${s} ET`).join('\n'));
  const chars = [...new Set(line)];
  const entries = chars.map((c): [number, string] => [gid(c), changes[c] ?? c]);
  await t.doc.flush();
  const ctx = t.doc.context;
  const type0 = ctx.enumerateIndirectObjects().map(([, o]) => o).find((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
  type0!.set(PDFName.of('ToUnicode'), ctx.register(ctx.flateStream(toUnicode(entries))));
  return t.save();
}

const CONVOY = '(S) The convoy route goes north at ZEBRADAWN.';

const REFUSED: { name: string; line: string; changes: Record<string, string> }[] = [
  { name: 'the glyph of S said to be U', line: CONVOY, changes: { S: 'U' } },
  { name: 'the glyphs of ( and ) said to be [ and ]', line: CONVOY, changes: { '(': '[', ')': ']' } },
  { name: 'the glyph of S said to be s', line: CONVOY, changes: { S: 's' } },
  { name: 'the glyph of o said to be U (a mark read where none is drawn)', line: '(o) The convoy route goes north at ZEBRADAWN.', changes: { o: 'U' } },
];

describe.each(REFUSED)('a Type0 TrueType font whose ToUnicode has $name', (c) => {
  it('is refused in one line naming the font, and nothing is released', async () => {
    const bytes = await memo(c.line, c.changes);
    const err = await readPdfLayout(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfInputError);
    expect((err as Error).message).toMatch(/glyphs of font \S*LiberationSans\S* that cannot be mapped to Unicode: its ToUnicode maps glyphs to other text than the font program's own cmap gives them/);
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(1);
    expect(pdf).toBeNull();
    expect(text).toBeNull();
  });
});

describe('the same font with its ToUnicode untouched', () => {
  it('reads the (U) line in it and releases it, the (S//NF) paragraph withheld', async () => {
    const bytes = await memo('(U) The convoy schedule is public at ZEBRAPUBLIC.');
    const layout = await readPdfLayout(bytes);
    expect(layout.text).toContain('(U) The convoy schedule is public at ZEBRAPUBLIC.');
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(0);
    expect(text).toContain('ZEBRAPUBLIC');
    expect(text).not.toContain('BLUEHERON');
    expect(rawAndInflated(pdf!)).not.toContain('BLUEHERON');
    const poppler = pdftotext(pdf!);
    if (poppler !== null) {
      expect(poppler).toContain('ZEBRAPUBLIC');
      expect(poppler).not.toContain('BLUEHERON');
    }
    const js = await pdfjsText(pdf!);
    expect(js.pages.join(' ')).toContain('ZEBRAPUBLIC');
    expect(js.pages.join(' ') + js.extra).not.toContain('BLUEHERON');
  });
});
