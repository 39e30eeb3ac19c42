/**
 * Bad input: empty text, text that is not a cable, CRLF line ends, a UTF-8 BOM, Latin-1 bytes.
 * The parser never throws; what it cannot read as a cable it still returns as portions to review.
 */
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/parse/decode.js';
import { parseCable } from '../../src/parse/index.js';
import { cable, codes, invariantProblems, portion, spanFromTo } from './helpers.js';

describe('bad input', () => {
  it.each([[''], ['\n\n\n'], ['   '], ['\u0000\u0001'], ['¶'], ['('], ['1.'], ['(C'], ['SUBJECT:'], ['id: 1\n'], ['C O N F I D E N T I A L']])(
    'parseCable(%j) does not throw and keeps the invariants',
    (text) => {
      const doc = parseCable(text);
      expect(doc.source).toBe(text);
      expect(invariantProblems(doc)).toEqual([]);
    },
  );

  it('a record line that takes nothing (`...id: 123` without `header ends`) after the header fields is read as text, and the parse ends', () => {
    // This input once made the header pass read the same line forever.
    const text = 'C O N F I D E N T I A L BERLIN 000173\n\nSUBJECT: x\n\n...id: 123\nfoo bar\n';
    const doc = parseCable(text);
    expect(invariantProblems(doc)).toEqual([]);
    expect(doc.portions.map((p) => [p.id, p.markingSource])).toEqual([
      ['subject', 'unmarked'],
      ['text1', 'unmarked'],
    ]);
    expect(doc.source.slice(doc.portions[1]!.span.start, doc.portions[1]!.span.end)).toBe('...id: 123\nfoo bar');
  });

  it('text that is not a cable: one unmarked text portion and a not-a-cable warning', () => {
    const text = 'Dear colleagues,\n\nthe meeting is moved to Tuesday.\n\nRegards\n';
    const doc = parseCable(text);
    expect(codes(doc)).toContain('not-a-cable');
    expect(doc.banner).toBeNull();
    expect(doc.portions.map((p) => [p.id, p.kind, p.markingSource])).toEqual([['text1', 'text', 'unmarked']]);
    // Unknown classification: fail closed, an unmarked portion is an error.
    expect(doc.diagnostics.find((d) => d.code === 'unmarked-portion')?.severity).toBe('error');
    expect(invariantProblems(doc)).toEqual([]);
  });

  it('empty and binary files are refused by decodeInput with one line', () => {
    expect(decodeInput(new Uint8Array())).toEqual({ ok: false, message: 'empty file' });
    expect(decodeInput(new Uint8Array([0x25, 0x50, 0x00, 0x01]))).toMatchObject({ ok: false });
  });

  it('CRLF line ends: offsets refer to the decoded text, spans stay exact', () => {
    const lf = cable('¶1. (C) One\ntwo.\n\n¶2. (S) Three.');
    const decoded = decodeInput(new TextEncoder().encode(lf.replace(/\n/g, '\r\n')));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.diagnostics.map((d) => d.code)).toEqual(['line-ends-normalised']);
    const doc = parseCable(decoded.text);
    expect(doc.source).toBe(lf);
    expect(portion(doc, 'p1').span).toEqual(spanFromTo(lf, '¶1.', 'two.'));
    expect(portion(doc, 'p2').marking?.level).toBe('S');
  });

  it('a UTF-8 BOM is dropped by decodeInput; a BOM left in the text does not hide the header', () => {
    const text = cable('¶1. (C) One.');
    const decoded = decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.text).toBe(text);
    const withBom = parseCable(`\uFEFF${text}`);
    expect(withBom.banner?.marking?.level).toBe('C');
    expect(portion(withBom, 'p1').marking?.level).toBe('C');
    expect(invariantProblems(withBom)).toEqual([]);
  });

  it('UTF-16 with a byte order mark (Windows "Unicode" text) is read as such; without the mark, or broken, it is refused', () => {
    const text = cable('¶1. (C) One.\n\n¶2. (S) Two.');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      const decoded = decodeInput(new Uint8Array(bytes));
      if (!decoded.ok) throw new Error(decoded.message);
      expect(decoded.text).toBe(text);
      expect(decoded.diagnostics.map((d) => d.code)).toEqual(['encoding-utf16', 'line-ends-normalised']);
      expect(portion(parseCable(decoded.text), 'p2').marking?.level).toBe('S');
    }
    expect(decodeInput(new Uint8Array(Buffer.from(text, 'utf16le')))).toMatchObject({ ok: false, message: 'binary data (NUL bytes), not a text document' });
    // A lone surrogate: not UTF-16 text.
    expect(decodeInput(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]))).toMatchObject({ ok: false, message: expect.stringContaining('not valid UTF-16LE') });
  });

  it('Latin-1 bytes are read with a warning; ¶ in Latin-1 still starts a paragraph', () => {
    const text = cable('\u00B61. (C) Caf\u00E9 talks.');
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const decoded = decodeInput(bytes);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.diagnostics.map((d) => d.code)).toEqual(['encoding-latin1']);
    const doc = parseCable(decoded.text);
    expect(portion(doc, 'p1').marking?.level).toBe('C');
    expect(portion(doc, 'p1').span).toEqual(spanFromTo(decoded.text, '\u00B61.', 'talks.'));
  });

  it("Windows punctuation in bytes that are not UTF-8 is read as Windows-1252 (’ “ ” —), not as Latin-1's control characters", () => {
    // Read as Latin-1, 0x92 0x93 0x94 0x97 became U+0092…: kept in the release text, dropped by its PDF.
    const bytes = Uint8Array.from([...Buffer.from('The minister'), 0x92, ...Buffer.from('s '), 0x93, ...Buffer.from('final'), 0x94, ...Buffer.from(' offer '), 0x97, ...Buffer.from(' caf'), 0xe9, 0x81]);
    const decoded = decodeInput(bytes);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.text).toBe('The minister\u2019s \u201cfinal\u201d offer \u2014 caf\u00e9\u0081');
    expect(decoded.diagnostics.find((d) => d.code === 'encoding-latin1')?.message).toMatch(/Windows-1252/);
  });

  it('a very long line without structure is linear (no catastrophic backtracking)', () => {
    const long = `${'A'.repeat(20000)} ${'(C '.repeat(5000)} ${'1. '.repeat(5000)}`;
    const t0 = performance.now();
    const doc = parseCable(cable(long));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(invariantProblems(doc)).toEqual([]);
  });
});
