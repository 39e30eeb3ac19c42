/**
 * Fonts as the interpreter reads them: CMaps (ToUnicode and encoding CMaps, code-space ranges of
 * mixed lengths), glyph names to Unicode, simple-font encodings with /Differences, widths from
 * /Widths, /MissingWidth, the standard-14 metrics, Type0 /W and /DW.
 */
import { describe, expect, it } from 'vitest';
import { cidOf, codeLength, parseCMap } from '../../src/pdf/font/cmap.js';
import { glyphNameToUnicode, loadFont } from '../../src/pdf/font/font.js';
import { PdfDict, PdfName, PdfRef, PdfStream, type PdfObjects, type PdfValue } from '../../src/pdf/objects/model.js';

const enc = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

function objects(entries: [number, PdfValue][]): PdfObjects {
  return { objects: new Map(entries), trailer: new PdfDict() };
}

describe('parseCMap', () => {
  const cmap = parseCMap(
    enc(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Test def /WMode 0 def
2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange
2 begincidrange <20> <7e> 1 <8140> <817e> 633 endcidrange
1 begincidchar <9f40> 9000 endcidchar
3 beginbfchar <20> <0020> <41> <00410301> <8140> <D835DC00> endbfchar
2 beginbfrange <61> <63> <0061> <64> <65> [<00E9> <00EA>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`),
  );

  it('reads code-space ranges of one and two bytes', () => {
    expect(cmap.codespace.map((r) => r.bytes)).toEqual([1, 2]);
    expect(codeLength(cmap.codespace, Uint8Array.of(0x41, 0x81, 0x40), 0)).toEqual({ length: 1, matched: true });
    expect(codeLength(cmap.codespace, Uint8Array.of(0x41, 0x81, 0x40), 1)).toEqual({ length: 2, matched: true });
    expect(codeLength(cmap.codespace, Uint8Array.of(0xff), 0).matched).toBe(false);
  });

  it('maps codes to CIDs through ranges and single entries', () => {
    expect(cidOf(cmap, 0x41)).toBe(34);
    expect(cidOf(cmap, 0x8141)).toBe(634);
    expect(cidOf(cmap, 0x9f40)).toBe(9000);
    expect(cidOf(cmap, 0x10)).toBeUndefined();
  });

  it('maps codes to Unicode: single entries, combining sequences, surrogate pairs, ranges and arrays', () => {
    expect(cmap.unicode.get(0x20)).toBe(' ');
    expect(cmap.unicode.get(0x41)).toBe('A\u0301');
    expect(cmap.unicode.get(0x8140)).toBe('\u{1D400}');
    expect([0x61, 0x62, 0x63, 0x64, 0x65].map((c) => cmap.unicode.get(c))).toEqual(['a', 'b', 'c', 'é', 'ê']);
  });
});

describe('glyphNameToUnicode', () => {
  it.each([
    ['A', 'A'],
    ['eacute', 'é'],
    ['quotedblleft', '\u201c'],
    ['fi', '\ufb01'],
    ['uni20AC', '€'],
    ['uni00410042', 'AB'],
    ['u1F600', '\u{1F600}'],
    ['f_i', 'fi'],
    ['a.sc', 'a'],
    ['g123', undefined],
  ])('%s → %s', (name, text) => expect(glyphNameToUnicode(name)).toBe(text));
});

describe('loadFont', () => {
  it('reads a simple font: Differences over WinAnsi, Widths, MissingWidth', () => {
    const font = new PdfDict([
      ['Type', PdfName.of('Font')], ['Subtype', PdfName.of('TrueType')], ['BaseFont', PdfName.of('Custom')],
      ['FirstChar', 65], ['Widths', [500, 600]],
      ['Encoding', new PdfDict([['BaseEncoding', PdfName.of('WinAnsiEncoding')], ['Differences', [66, PdfName.of('eacute')]]])],
      ['FontDescriptor', new PdfDict([['MissingWidth', 250], ['Ascent', 900], ['Descent', -100]])],
    ]);
    const f = loadFont(objects([]), font);
    expect(f.unsure).toBeUndefined();
    expect(f.codes(enc('AB')).map((c) => c.code)).toEqual([65, 66]);
    expect([f.width(65), f.width(66), f.width(67)]).toEqual([0.5, 0.6, 0.25]);
    expect([f.unicode(65), f.unicode(66), f.unicode(0x93)]).toEqual(['A', 'é', '\u201c']);
    expect([f.ascent, f.descent]).toEqual([0.9, -0.1]);
  });

  it('uses the standard-14 metrics when Widths is absent', () => {
    const f = loadFont(objects([]), new PdfDict([['Subtype', PdfName.of('Type1')], ['BaseFont', PdfName.of('Helvetica')], ['Encoding', PdfName.of('WinAnsiEncoding')]]));
    expect(f.unsure).toBeUndefined();
    expect(f.width(0x41)).toBeCloseTo(0.667, 3);
    expect(f.width(0x20)).toBeCloseTo(0.278, 3);
  });

  it('reads a Type0 font with an embedded two-byte CMap and /W', () => {
    const cmapStream = new PdfStream(new PdfDict(), enc('1 begincodespacerange <0000> <FFFF> endcodespacerange 1 begincidrange <0100> <01FF> 10 endcidrange'));
    const tu = new PdfStream(new PdfDict(), enc('1 beginbfchar <0101> <0058> endbfchar'));
    const cid = new PdfDict([['Subtype', PdfName.of('CIDFontType2')], ['DW', 500], ['W', [10, [700, 800], 20, 30, 900]]]);
    const objs = objects([[1, cmapStream], [2, tu], [3, cid]]);
    const f = loadFont(objs, new PdfDict([['Subtype', PdfName.of('Type0')], ['BaseFont', PdfName.of('X')], ['Encoding', new PdfRef(1, 0)], ['ToUnicode', new PdfRef(2, 0)], ['DescendantFonts', [new PdfRef(3, 0)]]]));
    expect(f.unsure).toBeUndefined();
    expect(f.codes(Uint8Array.of(1, 0, 1, 1, 1, 15)).map((c) => [c.code, c.start, c.length])).toEqual([[0x100, 0, 2], [0x101, 2, 2], [0x10f, 4, 2]]);
    expect([f.width(0x100), f.width(0x101), f.width(0x10a), f.width(0x1ff)]).toEqual([0.7, 0.8, 0.9, 0.5]);
    expect(f.unicode(0x101)).toBe('X');
  });

  it('marks what it cannot measure as unsure', () => {
    expect(loadFont(objects([]), undefined).unsure?.reason).toBe('unknown-font');
    expect(loadFont(objects([]), new PdfDict([['Subtype', PdfName.of('Type0')], ['Encoding', PdfName.of('Identity-V')], ['DescendantFonts', [new PdfDict()]]])).unsure?.reason).toBe('vertical-text');
    expect(loadFont(objects([]), new PdfDict([['Subtype', PdfName.of('Type3')], ['Widths', [1]], ['FirstChar', 0]])).unsure?.reason).toBe('type3-font');
  });
});
