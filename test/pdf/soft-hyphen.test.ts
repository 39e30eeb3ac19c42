/**
 * A soft hyphen (a glyph whose ToUnicode says U+00AD) where a wrap broke a word: the release text
 * said `exam\u00AD ple` (probe 63, gap 2). The word now reads whole, in a released (U) paragraph,
 * and a withheld paragraph's broken word takes its hyphen glyph with it out of the release PDF.
 */
import { PDFDocument, PDFName, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { TestPdf } from './helpers/make.js';
import { releaseShown } from './helpers/release-memo.js';
import { readPdfLayout, spanRegions } from '../../src/pdf/index.js';

const lit = (s: string): string => `(${s.replace(/[()\\]/g, (c) => `\\${c}`)})`;

/**
 * A SECRET memo whose paragraph lines are drawn in the Type0 font (/F2), its ToUnicode mapping
 * each glyph to its character but the hyphen's to U+00AD: `lines` (a `-` in them is a soft hyphen).
 */
async function memo(lines: readonly string[]): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const helv = (y: number, s: string): string => `BT /F1 10 Tf 72 ${y} Td ${lit(s)} Tj ET`;
  const ops = [helv(760, 'SECRET//NOFORN'), ...lines.map((l, i) => `BT /F2 10 Tf 72 ${700 - 12 * i} Td ${t.hex(l)} Tj ET`)];
  ops.push(helv(560, 'Classified By: John Smith, Director'), helv(548, 'Derived From: Multiple Sources'), helv(536, 'Declassify On: 20451231'), helv(40, 'SECRET//NOFORN'));
  t.page(ops.join('\n'));
  const chars = [...new Set(lines.join(''))];
  const entries = chars.map((c) => `<${t.hex(c).slice(1, -1)}> <${(c === '-' ? 0xad : c.codePointAt(0)!).toString(16).padStart(4, '0')}>`);
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /SoftHyphen def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n${entries.length} beginbfchar\n${entries.join('\n')}\nendbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
  // pdf-lib writes the embedded font (and its ToUnicode) when saving: replace that one after.
  const doc = await PDFDocument.load(await t.save(), { updateMetadata: false });
  const fonts = doc.getPages()[0]!.node.Resources()!.lookup(PDFName.of('Font')) as unknown as { lookup(n: PDFName): { set(k: PDFName, v: PDFRef): void } };
  fonts.lookup(PDFName.of('F2')).set(PDFName.of('ToUnicode'), doc.context.register(doc.context.stream(cmap)));
  return doc.save({ useObjectStreams: false });
}

const U_FIRST = '(U) UQALPHA public paragraph about the weather and it goes on to an exam-';
const S_LINES = ['(S//NF) ZQBRAVO the source met the minister and it goes on to ZQSEC-', 'zqret words of the source today.'];

describe('a soft hyphen at a wrap (probe 63 gap 2)', () => {
  it.each([
    ['before a word in lower case', 'ple of the harbour today and more words.', 'an example of the harbour today'],
    ['before a word in capitals', 'PLE OF THE HARBOUR today and more words.', 'an examPLE OF THE HARBOUR today'],
  ])('%s: the released (U) paragraph reads the word whole', async (_, next, joined) => {
    const { text } = await releaseShown(await memo([U_FIRST, next, ...S_LINES]), /zq/i);
    expect(text).toContain(joined);
    expect(text).not.toContain('\u00AD');
  });

  it('a withheld paragraph\'s broken word takes its soft hyphen with it: its span covers the hyphen glyph', async () => {
    const bytes = await memo([U_FIRST, 'ple of the harbour today and more words.', ...S_LINES]);
    const layout = await readPdfLayout(bytes);
    expect(layout.text).toContain('ZQSECzqret words');
    expect(layout.text).not.toContain('\u00AD');
    const at = layout.text.indexOf('ZQSECzqret');
    const [first] = spanRegions(layout, at, at + 'ZQSEC'.length);
    const [whole] = spanRegions(layout, layout.text.indexOf('(S//NF)'), at + 'ZQSEC'.length);
    expect(first!.rect[2]).toBeCloseTo(whole!.rect[2], 3);
    // The soft hyphen's glyph ends the line: the span of the word's first part reaches past its letters.
    const plain = spanRegions(layout, at, at + 'ZQSE'.length)[0]!;
    expect(first!.rect[2] - plain.rect[2]).toBeGreaterThan(8);
    await releaseShown(bytes, /zq/i);
  });
});
