import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCharMapper, encodeWinAnsiHex, encodeWinAnsiLiteral, winAnsiCode } from '../../../src/render/pdf/encoding.js';
import { layoutRelease, renderReleasePdf, renderReviewPdf } from '../../../src/render/pdf/index.js';
import type { ReleaseView, ReviewView } from '../../../src/types.js';
import { extractPdfText, pdftotext } from '../../helpers/pdf-text.js';

const SPECIAL = '¶2. (C) The “smart quotes” — and ‘single’ – dashes, café, 5 € fee, 北京 talks 🙂 end';

describe('WinAnsi table', () => {
  it('agrees with pdf-lib’s Courier encoding for every BMP code point', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Courier);
    const mismatches: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      let theirs: string | undefined;
      try {
        theirs = font.encodeText(ch).asString().toUpperCase();
      } catch {
        theirs = undefined;
      }
      const code = winAnsiCode(cp);
      const ours = code === undefined ? undefined : encodeWinAnsiHex(ch);
      if (ours !== theirs) mismatches.push(`U+${cp.toString(16)}: ours ${ours} pdf-lib ${theirs}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('encodes to hex and never throws, putting ? for what it cannot encode', () => {
    expect(encodeWinAnsiHex('A¶€')).toBe('41B680');
    expect(encodeWinAnsiHex('北')).toBe('3F');
  });

  it('encodes a literal string body: WinAnsi bytes, backslash and both parentheses escaped', () => {
    expect(encodeWinAnsiLiteral('1.4(b) C:\\x ¶€北')).toBe('1.4\\(b\\) C:\\\\x \u00b6\u0080?');
  });

  it('encodes a literal string body as a character-by-character encoder does, for any text', () => {
    // The reference: one code point at a time (what the encoder did before it copied runs whole).
    const reference = (text: string): string => {
      let out = '';
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        if (cp === 0x5c || cp === 0x28 || cp === 0x29) out += '\\' + ch;
        else if (cp >= 0x20 && cp <= 0x7e) out += ch;
        else out += String.fromCharCode(winAnsiCode(cp) ?? 0x3f);
      }
      return out;
    };
    const pieces = fc.constantFrom('(', ')', '\\', ' ', 'C', '¶', '€', '北', '😀', '\ud800', '\u0007', '\t', 'ÿ', 'Ā');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'binary' })), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(encodeWinAnsiLiteral(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back unbalanced parentheses and backslashes exactly', async () => {
    const text = 'REASONS: 1.4 (B AND (D)) ) ( \\\\SERVER\\SHARE';
    const view: ReleaseView = { banner: 'UNCLASSIFIED', stamp: '', ref: 'X', title: 'X', blocks: [{ kind: 'lines', lines: [[{ kind: 'text', text }]] }] };
    const pdf = await extractPdfText((await renderReleasePdf(view)).bytes);
    expect(pdf.text).toContain(text);
  });
});

describe('createCharMapper', () => {
  it('keeps WinAnsi typography as it is', () => {
    const m = createCharMapper();
    expect(m.map('“smart” ‘quotes’ – — ¶ § é ü ß € … •')).toBe('“smart” ‘quotes’ – — ¶ § é ü ß € … •');
    expect(m.diagnostics).toEqual([]);
  });

  it('maps typographic characters outside WinAnsi to equivalents, without diagnostics', () => {
    const m = createCharMapper();
    expect(m.map('non\u2011breaking \u2212 5 \u2264 6 Łódź Gdańsk ő ﬁle \u2032 Ｂ')).toBe("non-breaking - 5 <= 6 Lódz Gdansk o file ' B");
    expect(m.map('e\u0301')).toBe('é'); // composed first
    expect(m.diagnostics).toEqual([]);
  });

  it('replaces the rest with ? and reports each distinct character once', () => {
    const m = createCharMapper();
    expect(m.map('北京 北 🙂 🙂')).toBe('?? ? ? ?');
    expect(m.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['pdf-char-replaced', 'warning'],
      ['pdf-char-replaced', 'warning'],
      ['pdf-char-replaced', 'warning'],
    ]);
    expect(m.diagnostics.map((d) => d.message).join('\n')).toMatch(/U\+5317[\s\S]*U\+4EAC[\s\S]*U\+1F642/);
  });

  it('expands tabs to 8-column stops and drops control and invisible characters', () => {
    const m = createCharMapper();
    expect(m.map('a\tb')).toBe('a       b');
    expect(m.map('\tb', 3)).toBe('     b');
    expect(m.map('x\u0000y\u001bz\r\u000c\u0085 soft\u00adhyphen\u200b\ufeff')).toBe('xyz softhyphen');
    expect(m.diagnostics).toEqual([]);
  });

  it('maps a text with runs of ASCII as it maps each of its characters alone (tabs counted from the column reached)', () => {
    // The mapper copies runs of printable ASCII whole; the reference maps one character at a time.
    const oneByOne = (text: string, column: number): string => {
      const m = createCharMapper();
      let out = '';
      for (const ch of text.normalize('NFC')) {
        const mapped = m.map(ch, column + out.length);
        out += mapped;
      }
      return out;
    };
    const piece = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('\t', '¶', '§', 'é', 'e\u0301', '\u2011', '北', '🙂', '\ud800', '\u00ad', '\u0085', '('));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(20), (pieces, column) => {
        const text = pieces.join('');
        expect(createCharMapper().map(text, column)).toBe(oneByOne(text, column));
      }),
    );
    expect(createCharMapper().map('Paragraph ¶2 is\tmarked (§1.4)', 0)).toBe('Paragraph ¶2 is marked (§1.4)');
  });
});

describe('rendering characters outside the font', () => {
  const release: ReleaseView = {
    banner: 'UNCLASSIFIED',
    stamp: 'RELEASE IN FULL',
    ref: '09TEST1',
    title: 'Characters',
    blocks: [{ kind: 'lines', lines: [[{ kind: 'text', text: SPECIAL }], [{ kind: 'text', text: '\tIndented\twith tabs' }]] }],
  };

  it('renders a release without throwing and reports the replaced characters', async () => {
    const out = await renderReleasePdf(release);
    expect(out.diagnostics.map((d) => d.code)).toEqual(['pdf-char-replaced', 'pdf-char-replaced', 'pdf-char-replaced']);
    const { text } = await extractPdfText(out.bytes);
    for (const s of ['“smart quotes”', '—', '‘single’', '–', 'café', '€', '¶2.', '?? talks ? end']) expect(text).toContain(s);
    const tabbed = layoutRelease(release).pages[0]!.items.find((i) => i.kind === 'text' && i.text.includes('Indented'));
    expect(tabbed).toMatchObject({ text: '        Indented        with tabs' });
    const poppler = pdftotext(out.bytes);
    if (poppler !== null) for (const s of ['“smart quotes”', 'café', '€']) expect(poppler).toContain(s);
  });

  it('renders a review copy without throwing and reports the replaced characters', async () => {
    const review: ReviewView = {
      classification: 'CONFIDENTIAL',
      ref: '09TEST1',
      title: 'Characters',
      summary: [['Note', '“quoted” 🙂']],
      lines: [{ runs: [{ text: SPECIAL, state: 'withheld' }], state: 'withheld', note: 'p2: WITHHELD B1 — 1.4(B)' }],
    };
    const out = await renderReviewPdf(review);
    expect(out.diagnostics.map((d) => d.code)).toEqual(['pdf-char-replaced', 'pdf-char-replaced', 'pdf-char-replaced']);
    const { text } = await extractPdfText(out.bytes);
    expect(text).toContain('“smart quotes”');
    expect(text).toContain('p2: WITHHELD B1 — 1.4(B)');
  });
});
