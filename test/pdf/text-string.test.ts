import { describe, expect, it } from 'vitest';
import { decodeTextString } from '../../src/pdf/objects/text-string.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('decodeTextString: a PDF text string as a viewer shows it', () => {
  it.each([
    ['ASCII', bytes(0x53, 0x45, 0x43), 'SEC'],
    ['UTF-16BE after its mark', bytes(0xfe, 0xff, 0x00, 0x53, 0x04, 0x15), 'S\u0415'],
    ['UTF-8 after its mark (PDF 2.0)', bytes(0xef, 0xbb, 0xbf, 0x53, 0xc3, 0xa9), 'S\u00e9'],
    ['PDFDocEncoding bullet, dashes, ligatures, euro', bytes(0x80, 0x84, 0x85, 0x93, 0x94, 0xa0), '\u2022\u2014\u2013\ufb01\ufb02\u20ac'],
    ['PDFDocEncoding accents below 0x20', bytes(0x18, 0x1f), '\u02d8\u02dc'],
    ['Latin-1 above 0xa0', bytes(0xe9, 0xfc), '\u00e9\u00fc'],
    ['a lone 0xfe is no mark', bytes(0xfe, 0x41), '\u00feA'],
  ])('%s', (_name, input, expected) => {
    expect(decodeTextString(input)).toBe(expected);
  });
});
