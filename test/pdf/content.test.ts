/**
 * The content-stream parser and writer: tokens and operands, exact byte spans, inline images,
 * oddities reported rather than thrown, and the round trip (no edit → the same bytes; an edit
 * changes only its span).
 */
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/pdf/syntax/parse.js';
import { applyContentEdits, formatOperation } from '../../src/pdf/content/edits.js';
import { PdfDict, PdfName, PdfString } from '../../src/pdf/objects/model.js';
import { formatName, formatNumber, formatString } from '../../src/pdf/objects/write.js';

const enc = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const text = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

describe('parseContent', () => {
  it.each([
    ['1 0 0 1 72.5 -.5 cm', 'cm', [1, 0, 0, 1, 72.5, -0.5]],
    ['/F1 12 Tf', 'Tf', [PdfName.of('F1'), 12]],
    ['/A#20B 0 Tf', 'Tf', [PdfName.of('A B'), 0]],
    ['(a\\(b\\)c\\\\d\\101\\nz) Tj', 'Tj', [new PdfString(enc('a(b)c\\dA\nz'))]],
    ['(nested (parens) ok) Tj', 'Tj', [new PdfString(enc('nested (parens) ok'))]],
    ['(line\\\ncontinued) Tj', 'Tj', [new PdfString(enc('linecontinued'))]],
    ['<48 65 6C6C 6F> Tj', 'Tj', [new PdfString(enc('Hello'), true)]],
    ['<414> Tj', 'Tj', [new PdfString(enc('A@'), true)]],
    ['[(A) -120 <0042> 3.5] TJ', 'TJ', [[new PdfString(enc('A')), -120, new PdfString(enc('\x00B'), true), 3.5]]],
    ['/Span <</ActualText (x) /MCID 3>> BDC', 'BDC', [PdfName.of('Span'), new PdfDict([['ActualText', new PdfString(enc('x'))], ['MCID', 3]])]],
    ['true false null d0', 'd0', [true, false, null]],
  ] as const)('%s', (src, op, operands) => {
    const { ops, problems } = parseContent(enc(src));
    expect(problems).toEqual([]);
    expect(ops).toHaveLength(1);
    expect(ops[0]!.op).toBe(op);
    expect(ops[0]!.operands).toEqual(operands);
    expect([ops[0]!.start, ops[0]!.end]).toEqual([0, src.length]);
  });

  it('gives each operation the span from its first operand to the end of its operator, comments skipped', () => {
    const src = 'q % a comment (not a string\n1 0 0 1 0 0 cm\nBT /F1 9 Tf (x) Tj ET Q';
    const { ops } = parseContent(enc(src));
    expect(ops.map((o) => src.slice(o.start, o.end))).toEqual(['q', '1 0 0 1 0 0 cm', 'BT', '/F1 9 Tf', '(x) Tj', 'ET', 'Q']);
  });

  it('reads an inline image as one operation, binary data included', () => {
    const src = 'q BI /W 5 /H 1 /CS /G /BPC 8 ID \x00EI\xff\x10 EI Q';
    const { ops, problems } = parseContent(enc(src));
    expect(problems).toEqual([]);
    expect(ops.map((o) => o.op)).toEqual(['q', 'BI', 'Q']);
    expect(text(ops[1]!.inline!.data)).toBe('\x00EI\xff\x10');
    expect(ops[1]!.inline!.dict.get('W')).toBe(5);
  });

  it('reads every number as Number() reads its text (short ones from the bytes, the rest through the string), and number-like words as operators', () => {
    const numbers = ['0', '-0', '+7', '-.5', '.5', '5.', '.', '-', '+', '007.250', '123456789012345', '1234567890123456', '0.1', '-0.3', '72.00000000000001', '999999999999999.9', '3.14159265358979', '0.000000000000001'];
    for (let i = 0; i < 300; i++) numbers.push((((i * 7919) % 100003) / 10 ** (i % 17)).toFixed(i % 9), String(-i * 0.37));
    for (const n of numbers) {
      const v = parseContent(enc(`${n} Tw`)).ops[0]!.operands[0];
      const want = Number(n);
      expect(Object.is(v, Number.isFinite(want) ? want : 0), n).toBe(true);
    }
    for (const w of ['1.2.3', '1e5', '--1', '12a']) expect(parseContent(enc(`${w} Tw`)).ops.map((o) => o.op), w).toEqual([w, 'Tw']);
  });

  it('reports oddities instead of throwing', () => {
    for (const src of ['(unterminated', '[1 2', '<< /A 1', '] Tj', '1 2']) {
      const r = parseContent(enc(src));
      expect(r.problems.length, src).toBeGreaterThan(0);
    }
  });
});

describe('applyContentEdits', () => {
  const src = enc('BT /F1 12 Tf 72 700 Td (Hello world) Tj ET\n');

  it('gives back the same bytes with no edit', () => {
    expect(text(applyContentEdits(src, []))).toBe(text(src));
  });

  it('replaces only the edited spans', () => {
    const { ops } = parseContent(src);
    const tj = ops.find((o) => o.op === 'Tj')!;
    const out = applyContentEdits(src, [{ start: tj.start, end: tj.end, text: formatOperation('TJ', [[new PdfString(enc('Hello')), -2780]]) }]);
    expect(text(out)).toBe('BT /F1 12 Tf 72 700 Td [(Hello) -2780] TJ ET\n');
  });

  it('refuses overlapping edits', () => {
    expect(() => applyContentEdits(src, [{ start: 0, end: 10, text: '' }, { start: 5, end: 12, text: '' }])).toThrow(/overlaps/);
  });
});

describe('writing values', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [-0, '0'],
    [1e-12, '0'],
    [12, '12'],
    [-3.25, '-3.25'],
    [123456789.123, '123456789.12'],
  ])('number %d → %s', (n, s) => expect(formatNumber(n)).toBe(s));

  it('escapes names and strings so they read back the same', () => {
    expect(formatName('A B/#')).toBe('/A#20B#2F#23');
    const bytes = enc('a(b)\\c\n\xff');
    const written = formatString(bytes, false);
    const back = parseContent(enc(`${written} Tj`)).ops[0]!.operands[0] as PdfString;
    expect(text(back.bytes)).toBe(text(bytes));
  });
});
