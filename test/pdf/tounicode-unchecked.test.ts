/**
 * A Type0 font whose ToUnicode cannot be checked against its program (probe 64b, F1). pdf-lib's
 * (fontkit's) TrueType subsets keep no cmap and no post table, and a CFF program (pdf-lib's
 * OpenType embedding, CIDFontType0C) is CID-keyed: no glyph names. A subset whose ToUnicode read the
 * glyphs of `S` and `Z` as `U` had `(S) ZQ31 …` read as `(U) UQ31 …` and released as printed (the
 * release PDF still drew `(S) ZQ31`). Such a font is judged by what evidence there is: different
 * glyphs read as the same mark character (a font draws one `U`) refuse the page, a TrueType subset
 * or a CFF program alike. One with no cmap and no such evidence is read as its ToUnicode says:
 * every SIDtoday PDF's fonts are of that kind, and honest, and so are the CFF faces of Chromium's and
 * InDesign's exports (refusing those would refuse honest documents for a forged lie).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { readPdfLayout } from '../../src/pdf/layout/index.js';
import { PdfInputError } from '../../src/pdf/errors.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { liberationSans, memoLines } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { rawAndInflated } from './helpers/check.js';

const OTF = '/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf';
const LINES = memoLines('ZQHERON');
const AT = 3;
const esc = (s: string): string => s.replace(/[()\\]/g, '\\$&');
const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/**
 * The memo with `line` drawn at line {@link AT} in `program` embedded by pdf-lib as a subset, its
 * ToUnicode mapping each glyph to its own character but for `changes` (character drawn → text said).
 */
async function memo(program: Uint8Array, line: string, changes: Record<string, string> = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(program, { subset: true });
  const helv = doc.context.register(doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));
  const gid = (c: string): number => parseInt(font.encodeText(c).toString().slice(1, 5), 16);
  const shown = LINES.map((l) => `/F1 11 Tf (${esc(l)}) Tj`);
  shown.splice(AT, 0, `/F2 11 Tf ${font.encodeText(line).toString()} Tj`);
  const page = doc.addPage([612, 792]);
  page.node.setFontDictionary(PDFName.of('F1'), helv);
  page.node.setFontDictionary(PDFName.of('F2'), font.ref);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(shown.map((s, i) => `BT 60 ${740 - 18 * i} Td ${s} ET`).join('\n'))));
  // The glyph ids before the font is written: a subset encoding text after it is written anew.
  const entries = [...new Set(line)].map((c) => `<${hex4(gid(c))}> <${[...(changes[c] ?? c)].map((ch) => hex4(ch.charCodeAt(0))).join('')}>`);
  await doc.flush();
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
${entries.length} beginbfchar
${entries.join('\n')}
endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
  const ctx = doc.context;
  const type0 = ctx.enumerateIndirectObjects().map(([, o]) => o).find((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
  type0!.set(PDFName.of('ToUnicode'), ctx.register(ctx.flateStream(cmap)));
  return doc.save({ useObjectStreams: false });
}

const LIE = '(S) ZQ31 The agency recruited a source.';

const REFUSED: { name: string; program: () => Uint8Array; line: string; changes: Record<string, string>; why: RegExp }[] = [
  { name: 'a TrueType subset (no cmap) whose ToUnicode reads S and Z as U', program: liberationSans, line: LIE, changes: { S: 'U', Z: 'U' }, why: /maps different glyphs to the same letter, digit or mark punctuation, and its font program has no cmap/ },
  { name: 'a TrueType subset (no cmap) whose ToUnicode reads S as U where it also draws a U', program: liberationSans, line: '(S) ZQ31 The UNIT recruited a source.', changes: { S: 'U' }, why: /maps different glyphs to the same letter/ },
  { name: 'a CFF program whose ToUnicode reads S and Z as U', program: () => readFileSync(OTF), line: LIE, changes: { S: 'U', Z: 'U' }, why: /maps different glyphs to the same letter/ },
  { name: 'a CFF program whose ToUnicode reads S as U where it also draws a U', program: () => readFileSync(OTF), line: '(S) ZQ31 The UNIT recruited a source.', changes: { S: 'U' }, why: /maps different glyphs to the same letter/ },
];

describe.each(REFUSED)('a Type0 font: $name', (c) => {
  it.skipIf(!existsSync(OTF) && c.program !== liberationSans)('is refused in one line naming the font, and nothing is released', async () => {
    const bytes = await memo(c.program(), c.line, c.changes);
    const err = await readPdfLayout(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfInputError);
    expect((err as Error).message).toMatch(/page 1 shows glyphs of font \S+ that cannot be mapped to Unicode/);
    expect((err as Error).message).toMatch(c.why);
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(1);
    expect(pdf).toBeNull();
    expect(text).toBeNull();
  });
});

describe('a CFF program (CIDFontType0) with its ToUnicode untouched', () => {
  it.skipIf(!existsSync(OTF))('reads the (U) line in it and releases it, the (S//NF) paragraph withheld', async () => {
    const bytes = await memo(readFileSync(OTF), '(U) UQ32 The agency met the press.');
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(0);
    expect(text).toContain('(U) UQ32 The agency met the press.');
    expect(text).not.toContain('ZQHERON');
    expect(rawAndInflated(pdf!)).not.toContain('ZQHERON');
  });
});

describe('a TrueType subset (no cmap) with its ToUnicode untouched', () => {
  it('reads the (U) line in it and releases it, the (S//NF) paragraph withheld', async () => {
    const bytes = await memo(liberationSans(), '(U) UQ33 The convoy schedule is public.');
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(0);
    expect(text).toContain('(U) UQ33 The convoy schedule is public.');
    expect(text).not.toContain('ZQHERON');
    expect(rawAndInflated(pdf!)).not.toContain('ZQHERON');
    const poppler = pdftotext(pdf!);
    if (poppler !== null) {
      expect(poppler).toContain('UQ33');
      expect(poppler).not.toContain('ZQHERON');
    }
  });
});
