/**
 * A ToUnicode map that names another character than the glyph the font's encoding draws (probe
 * 57a, finding 4). Helvetica, not embedded, WinAnsi, whose ToUnicode mapped the code of `S` to `U`:
 * the page showed `(S) … convoy route …`, declass read `(U) …` and released it as printed. Where
 * the encoding names the glyph (a standard font not embedded, or a code the dictionary names), a
 * ToUnicode entry whose text differs from the glyph name's (letters, digits, punctuation, compared
 * after NFKC and with one form for quotes and for hyphens) leaves the code unmapped: the page is
 * refused in one line. Real producers' maps (ligatures to their letters, typographic quotes to
 * ASCII, hyphens to U+2010, decomposed accents) still read.
 */
import { describe, expect, it } from 'vitest';
import { type PDFRef } from 'pdf-lib';
import { readPdfLayout } from '../../src/pdf/layout/index.js';
import { PdfInputError } from '../../src/pdf/errors.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { memoLines, TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';
import { rawAndInflated } from './helpers/check.js';

const LINES = memoLines('BLUEHERON');
/** The line drawn in the font under test (/F9), after the memo's (U) paragraph. */
const AT = 3;
const yOf = (i: number): number => 740 - 18 * i;
const esc = (s: string): string => s.replace(/[()\\]/g, '\\$&');
const hex = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');
const utf16 = (s: string): string => [...s].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('');

/** A ToUnicode CMap of one-byte codes: `entries` code → text. */
function toUnicode(entries: [number, string][]): string {
  const body = entries.map(([c, u]) => `<${hex(c)}> <${utf16(u)}>`).join('\n');
  return `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
${entries.length} beginbfchar
${body}
endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
}

/** Every printable ASCII code mapped to itself, but for `changes`. */
function identity(changes: Record<string, string> = {}): [number, string][] {
  return Array.from({ length: 0x7e - 0x20 + 1 }, (_, k): [number, string] => {
    const c = String.fromCharCode(0x20 + k);
    return [0x20 + k, changes[c] ?? c];
  });
}

interface Font {
  readonly base: string;
  readonly encoding: unknown;
  readonly widths?: boolean;
}

const HELVETICA: Font = { base: 'Helvetica', encoding: 'WinAnsiEncoding' };
/** Not a standard font (its glyphs known only from the names its /Differences give), with widths. */
const NAMED: Font = {
  base: 'ProbeSans',
  encoding: { Type: 'Encoding', Differences: [40, 'parenleft', 'parenright', 83, 'S', 85, 'U'] },
  widths: true,
};

/** The memo with `line` (raw string operand bytes) in font /F9 at line {@link AT}, ToUnicode `entries`. */
async function memo(font: Font, line: string, entries: [number, string][]): Promise<Uint8Array> {
  const t = await TestPdf.create();
  const ctx = t.doc.context;
  const tu = ctx.register(ctx.flateStream(toUnicode(entries)));
  const dict: Record<string, unknown> = { Type: 'Font', Subtype: 'Type1', BaseFont: font.base, Encoding: font.encoding, ToUnicode: tu };
  if (font.widths) Object.assign(dict, { FirstChar: 0, LastChar: 255, Widths: Array.from({ length: 256 }, () => 556) });
  const f9: PDFRef = ctx.register(ctx.obj(dict as never));
  const shown = LINES.map((l) => `/F1 11 Tf (${esc(l)})`);
  shown.splice(AT, 0, `/F9 11 Tf (${line})`);
  t.page(shown.map((s, i) => `BT 60 ${yOf(i)} Td ${s} Tj ET`).join('\n'), { fonts: { F9: f9 } });
  return t.save();
}

const CONVOY = '(S) The convoy route goes north at ZEBRADAWN.';

const REFUSED: { name: string; font: string; build: () => Promise<Uint8Array> }[] = [
  { name: 'Helvetica (WinAnsi) whose ToUnicode maps the code of S to U', font: 'Helvetica', build: () => memo(HELVETICA, esc(CONVOY), identity({ S: 'U' })) },
  { name: 'Helvetica whose ToUnicode maps ( and ) to [ and ]', font: 'Helvetica', build: () => memo(HELVETICA, esc(CONVOY), identity({ '(': '[', ')': ']' })) },
  { name: 'Helvetica whose ToUnicode maps S to s (case is no normalisation)', font: 'Helvetica', build: () => memo(HELVETICA, esc(CONVOY), identity({ S: 's' })) },
  { name: 'Helvetica whose ToUnicode maps S to the full-width U', font: 'Helvetica', build: () => memo(HELVETICA, esc(CONVOY), identity({ S: '\uFF35' })) },
  { name: 'a font not standard whose /Differences name S, ToUnicode maps it to U', font: 'ProbeSans', build: () => memo(NAMED, '(S) ZEBRADAWN', identity({ S: 'U' })) },
];

describe.each(REFUSED)('$name', (c) => {
  it('is refused in one line naming the font, and nothing is released', async () => {
    const bytes = await c.build();
    const err = await readPdfLayout(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfInputError);
    expect((err as Error).message).toMatch(new RegExp(`glyphs of font ${c.font} that cannot be mapped to Unicode: its ToUnicode maps glyphs to other text than the glyphs its encoding names`));
    const { pdf, text, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(1);
    expect(pdf).toBeNull();
    expect(text).toBeNull();
  });
});

/** WinAnsi codes of glyphs whose ToUnicode real producers write otherwise than the AGL. */
const QUOTERIGHT = 0x92;
const ENDASH = 0x96;
const EACUTE = 0xe9;
const LEGIT = `(U) The officer${String.fromCharCode(QUOTERIGHT)}s re-entry was at 0900 ${String.fromCharCode(ENDASH)} caf${String.fromCharCode(EACUTE)} closed.`;

const READ: { name: string; entries: [number, string][]; reads: string }[] = [
  { name: 'quoteright to U+0027, hyphen to U+2010, endash to -, eacute decomposed', entries: [...identity({ '-': '\u2010' }), [QUOTERIGHT, "'"], [ENDASH, '-'], [EACUTE, 'e\u0301']], reads: "officer's re" },
  { name: 'quotesingle to U+2019, hyphen to U+2212, endash to U+2014', entries: [...identity({ "'": '\u2019', '-': '\u2212' }), [QUOTERIGHT, '\u2019'], [ENDASH, '\u2014'], [EACUTE, '\u00E9']], reads: 'officer' },
];

describe.each(READ)('a ToUnicode that maps $name', (c) => {
  it('reads and releases the (U) line, the (S//NF) one withheld', async () => {
    const bytes = await memo(HELVETICA, esc(LEGIT), c.entries);
    const layout = await readPdfLayout(bytes);
    expect(layout.text).toContain(c.reads);
    const { pdf, failed } = await releaseMemoPdf(bytes);
    expect(failed).toBe(0);
    expect(rawAndInflated(pdf!)).not.toContain('BLUEHERON');
    const text = pdftotext(pdf!);
    if (text !== null) {
      expect(text).toContain('0900');
      expect(text).not.toContain('BLUEHERON');
    }
  });
});

describe('a ToUnicode that maps a ligature glyph to its letters', () => {
  it('reads them', async () => {
    // Code 1 named fi by /Differences (Helvetica draws its fi ligature), mapped to "fi".
    const font: Font = { base: 'Helvetica', encoding: { Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: [1, 'fi'] } };
    const bytes = await memo(font, '(U) The \\001nal word.', [...identity(), [1, 'fi']]);
    const layout = await readPdfLayout(bytes);
    expect(layout.text).toContain('The final word.');
  });
});
