/**
 * An object defined twice in a file whose cross-reference data is a stream (PDF 1.5 /Type /XRef),
 * or a hybrid table (classic, with /XRefStm), objects packed in object streams (probe 64b, F3
 * remainder). fix64f judged classic tables only. Wherever the chain viewers follow selects another
 * definition than the last (the one declass's parser reads), the file is refused in one line naming
 * the object; the same files with the chain selecting the last definition are read.
 */
import { describe, expect, it } from 'vitest';
import { readPdfLayout } from '../../src/pdf/layout/index.js';
import { PdfInputError } from '../../src/pdf/errors.js';
import { memoLines } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

const esc = (s: string): string => s.replace(/[()\\]/g, '\\$&');
const content = (lines: string[]): string => {
  const ops = lines.map((l, i) => `BT /F1 11 Tf 60 ${740 - 18 * i} Td (${esc(l)}) Tj ET`).join('\n');
  return `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`;
};
const OTHER = ['SECRET//NOFORN', '(U) UQ78 harmless line here.', '(S//NF) ZQ79 other secret.', 'Classified By: John Smith, Director', 'Derived From: Multiple Sources', 'Declassify On: 20301231'];
const page = (contents: number): string => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contents} 0 R /Resources << /Font << /F1 5 0 R >> >> >>`;
const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const PAGES = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/** One object in the body, or an object stream (uncompressed) packing several. */
type Part = { num: number; body: string } | { num: number; pack: [number, string][] };
type Entry = { at: number } | { stream: number; index: number };

const bin = (v: number, width: number): number[] => Array.from({ length: width }, (_, i) => Math.floor(v / 256 ** (width - 1 - i)) % 256);
const row = (e: Entry): number[] => ('at' in e ? [1, ...bin(e.at, 4), 0, 0] : [2, ...bin(e.stream, 4), ...bin(e.index, 2)]);

/**
 * The file of `parts` in order, its cross-reference data (a stream, or a hybrid table whose
 * /XRefStm lists the packed objects) pointing to each object's first or last definition.
 */
function build(parts: Part[], xref: 'stream' | 'hybrid', pick: 'first' | 'last'): Uint8Array {
  let out = '%PDF-1.5\n';
  const where = new Map<number, Entry[]>();
  const add = (num: number, e: Entry): void => void where.set(num, [...(where.get(num) ?? []), e]);
  for (const p of parts) {
    if ('pack' in p) {
      const heads: string[] = [];
      let objs = '';
      p.pack.forEach(([n, body], i) => {
        heads.push(`${n} ${objs.length}`);
        objs += `${body}\n`;
        add(n, { stream: p.num, index: i });
      });
      const head = `${heads.join(' ')}\n`;
      add(p.num, { at: out.length });
      out += `${p.num} 0 obj\n<< /Type /ObjStm /N ${p.pack.length} /First ${head.length} /Length ${head.length + objs.length} >>\nstream\n${head}${objs}\nendstream\nendobj\n`;
    } else {
      add(p.num, { at: out.length });
      out += `${p.num} 0 obj\n${p.body}\nendobj\n`;
    }
  }
  const chosen = new Map([...where].map(([n, list]) => [n, pick === 'first' ? list[0]! : list[list.length - 1]!]));
  const xnum = Math.max(...chosen.keys()) + 1;
  const streamed = [...chosen].filter(([, e]) => xref === 'stream' || !('at' in e)).sort((a, b) => a[0] - b[0]);
  const xat = out.length;
  if (xref === 'stream') streamed.push([xnum, { at: xat }]);
  const data = Buffer.from(streamed.flatMap(([, e]) => row(e)));
  const index = streamed.map(([n]) => `${n} 1`).join(' ');
  const tail = xref === 'stream' ? ' /Root 1 0 R' : '';
  out += `${xnum} 0 obj\n<< /Type /XRef /Size ${xnum + 1} /W [1 4 2] /Index [${index}]${tail} /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream\nendobj\n`;
  if (xref === 'stream') return Buffer.from(`${out}startxref\n${xat}\n%%EOF\n`, 'latin1');
  const direct = [...chosen].filter(([, e]) => 'at' in e).sort((a, b) => a[0] - b[0]);
  const table = direct.map(([n, e]) => `${n} 1\n${String((e as { at: number }).at).padStart(10, '0')} 00000 n \n`).join('');
  const tat = out.length;
  return Buffer.from(`${out}xref\n0 1\n0000000000 65535 f \n${table}trailer\n<< /Size ${xnum + 1} /Root 1 0 R /XRefStm ${xat} >>\nstartxref\n${tat}\n%%EOF\n`, 'latin1');
}

const MEMO = content(memoLines('ZQHERON'));
const packed = (pageBody = page(4)): Part => ({ num: 6, pack: [[1, CATALOG], [2, PAGES], [3, pageBody], [5, FONT]] });
const CASES: { name: string; parts: Part[]; xref: 'stream' | 'hybrid'; num: number }[] = [
  { name: 'the content stream, in a stream-xref file', parts: [packed(), { num: 4, body: MEMO }, { num: 4, body: content(OTHER) }], xref: 'stream', num: 4 },
  { name: 'a packed page, then a body definition', parts: [packed(), { num: 4, body: MEMO }, { num: 8, body: content(OTHER) }, { num: 3, body: page(8) }], xref: 'stream', num: 3 },
  { name: 'a page packed in two object streams', parts: [packed(), { num: 4, body: MEMO }, { num: 8, body: content(OTHER) }, { num: 7, pack: [[3, page(8)]] }], xref: 'stream', num: 3 },
  { name: 'a packed page, then a body definition, hybrid table', parts: [packed(), { num: 4, body: MEMO }, { num: 8, body: content(OTHER) }, { num: 3, body: page(8) }], xref: 'hybrid', num: 3 },
  { name: 'the content stream, hybrid table', parts: [packed(), { num: 4, body: MEMO }, { num: 4, body: content(OTHER) }], xref: 'hybrid', num: 4 },
];

describe('an object defined twice, cross-reference streams and object streams', () => {
  it.each(CASES)('$name: refused when the chain points to the first definition', async ({ parts, xref, num }) => {
    const bytes = build(parts, xref, 'first');
    const err = await readPdfLayout(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfInputError);
    expect((err as Error).message).toBe(`object ${num} is defined more than once and the cross-reference table points to an earlier definition than the last: viewers and declass would read different documents`);
  });

  it.each(CASES)('$name: read when the chain points to the last definition', async ({ parts, xref }) => {
    const layout = await readPdfLayout(build(parts, xref, 'last'));
    expect(layout.text).toContain('(U) UQ78 harmless line here.');
  });

  it('an ordinary stream-xref and hybrid file of the memo is read', async () => {
    for (const xref of ['stream', 'hybrid'] as const) {
      const layout = await readPdfLayout(build([packed(), { num: 4, body: MEMO }], xref, 'first'));
      expect(layout.text).toContain('(U) This memorandum summarizes');
    }
  });

  it('nothing is released from a refused file', async () => {
    const { pdf, text, failed } = await releaseMemoPdf(build(CASES[1]!.parts, 'stream', 'first'));
    expect(failed).toBe(1);
    expect(pdf).toBeNull();
    expect(text).toBeNull();
  });
});
