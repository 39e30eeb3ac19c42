/**
 * A second declassification instruction in a cable's text (`E.O. 12958: DECL: 02/13/2040` under a
 * header's `DECL: 02/13/2010`) was dropped: the cable counted as declassified in 2010 and was
 * released in full as of 2020. The most protective instruction is kept now, as with two Declassify
 * On lines in a memo. Prose naming an order (`E.O. 13382 in July 2008 …`), a quoted `E.O. 12958:
 * N/A` and repeats of the header's own line change nothing.
 */
import { describe, expect, it } from 'vitest';
import { assessDocument } from '../../src/declass/assess.js';
import { readDocument } from '../../src/parse/read.js';

const cable = (body: string) =>
  `C O N F I D E N T I A L BERLIN 000999\n\nSIPDIS\n\nE.O. 12958: DECL: 02/13/2010\nTAGS: PREL GM\nSUBJECT: (U) TEST\n\nClassified By: POLOFF X. REASONS: 1.4 (B) AND (D).\n\n1. (C) First paragraph.\n\n${body}\n\n2. (C) Second paragraph.\n`;

const assess = (body: string) => assessDocument(readDocument(cable(body)).doc, '2020-01-01');

describe('a second E.O. line in the text', () => {
  it('with a later date: the later date decides (classified as of 2020)', () => {
    expect(assess('E.O. 12958: DECL: 02/13/2040')).toMatchObject({ status: 'classified', declassifyOn: '2040-02-13' });
  });

  it.each([
    ['an earlier date', 'E.O. 12958: DECL: 02/13/2005'],
    ['the same line again', 'E.O. 12958: DECL: 02/13/2010'],
    ['prose naming an order', 'E.O. 13382 in July 2008 as a consequence of its work on'],
    ['a quoted N/A line', 'E.O. 12958: N/A'],
  ])('%s: the header decides (declassified as of 2020)', (_what, body) => {
    expect(assess(body)).toMatchObject({ status: 'declassified', declassifyOn: '2010-02-13' });
  });
});

describe('an instruction without the E.O. line\'s DECL word, or after a DECL keyword elsewhere', () => {
  // `E.O. 13526: 25X1` in the text, or `DECLASSIFY ON: 25X1` after the Classified By reasons, was
  // not read: the cable was released as declassified by the header's date.
  it.each([
    ['an E.O. line with an exemption only', 'E.O. 13526: 25X1'],
    ['an E.O. line with a later date only', 'E.O. 13526: 02/13/2033'],
    ['an E.O. line with OADR', 'E.O. 12958: OADR'],
    ['DECLASSIFY ON alone', 'DECLASSIFY ON: 02/13/2033'],
    ['DECL alone', 'DECL: 02/13/2033'],
  ])('%s: not declassified as of 2020', (_what, body) => {
    expect(assess(body).status).not.toBe('declassified');
  });

  it.each([
    ['after the Classified By reasons', 'Classified By: POLOFF X. REASONS: 1.4 (B) AND (D).', 'Classified By: POLOFF X. REASONS: 1.4 (B) AND (D). DECLASSIFY ON: 25X1'],
    ['on the line under Classified By', 'Classified By: POLOFF X. REASONS: 1.4 (B) AND (D).', 'Classified By: POLOFF X. REASONS: 1.4 (B) AND (D).\nDECL ON: 25X1'],
  ])('%s: not declassified as of 2020', (_what, from, to) => {
    expect(assessDocument(readDocument(cable('').replace(from, to)).doc, '2020-01-01').status).not.toBe('declassified');
  });
});

describe('an exemption or prior order on the line under an instruction', () => {
  // `E.O. 12958: DECL: 02/13/2010` / `25X1-HUMAN` was read as the date alone: the cable was
  // released in full as declassified in 2010. The two read as one instruction, as on one line.
  it.each([
    ['under the header\'s E.O. line', 'E.O. 12958: DECL: 02/13/2010', 'E.O. 12958: DECL: 02/13/2010\n25X1-HUMAN'],
    ['indented under it', 'E.O. 12958: DECL: 02/13/2010', 'E.O. 12958: DECL: 02/13/2010\n     25X1-HUMAN'],
    ['under a DECLASSIFY ON line', 'Classified By: POLOFF X. REASONS: 1.4 (B) AND (D).', 'Classified By: POLOFF X. REASONS: 1.4 (B) AND (D).\nDECLASSIFY ON: 02/13/2010\n     OADR'],
  ])('%s: not declassified as of 2020, read as the date and the code', (_what, from, to) => {
    const a = assessDocument(readDocument(cable('').replace(from, to)).doc, '2020-01-01');
    expect(a.status).not.toBe('declassified');
    expect(a.reason).toMatch(/2010-02-13 .*(?:50X1-HUM|OADR)/);
  });

  it('a line under the instruction that is text changes nothing', () => {
    const a = assessDocument(readDocument(cable('').replace('E.O. 12958: DECL: 02/13/2010', 'E.O. 12958: DECL: 02/13/2010\nMR. SMITH SAID SO')).doc, '2020-01-01');
    expect(a).toMatchObject({ status: 'declassified', declassifyOn: '2010-02-13' });
  });
});

// A cable without an E.O. line whose header or Classified By block says `DECLASSIFY ON: …` (probe
// 60b F2): the line was ignored and the cable said to carry no instruction. It is the cable's
// instruction, read as a document's Declassify On line is; one not understood stays invalid and
// is quoted (fail closed); one in the body (a quoted cable's) is not the cable's own.
describe('a cable without an E.O. line and a Declassify On line in its header', () => {
  const noEo = (text: string) => cable('').replace('E.O. 12958: DECL: 02/13/2010\n', text);
  it.each([
    ['DECLASSIFY ON with an ISO date', 'DECLASSIFY ON: 2018-05-30\n', 'declassified', '2018-05-30'],
    ['Declassify On with a compact date', 'Declassify On: 20180530\n', 'declassified', '2018-05-30'],
    ['a later date', 'DECLASSIFY ON: 2030-05-30\n', 'classified', '2030-05-30'],
    ['in the Classified By block', '', 'declassified', '2018-05-30'],
  ])('%s: read as its instruction', (what, line, status, on) => {
    let text = noEo(line);
    if (what === 'in the Classified By block') text = text.replace('REASONS: 1.4 (B) AND (D).', 'REASONS: 1.4 (B) AND (D); Declassify On: 2018-05-30');
    const a = assessDocument(readDocument(text).doc, '2020-01-01');
    expect(a).toMatchObject({ status, declassifyOn: on });
    expect(a.decl.raw).toMatch(/2018|2030/);
  });

  it('a value not understood: invalid, and the value is quoted', () => {
    const a = assessDocument(readDocument(noEo('DECLASSIFY ON: sometime soon\n')).doc, '2020-01-01');
    expect(a.status).toBe('invalid');
    expect(a.diagnostics.map((d) => d.code)).toContain('decl-unrecognised');
    expect(a.reason).toContain('sometime soon');
  });

  it('only in the body: the cable still has no instruction of its own', () => {
    const a = assessDocument(readDocument(noEo('').replace('2. (C) Second paragraph.', 'DECLASSIFY ON: 2018-05-30\n\n2. (C) Second paragraph.')).doc, '2020-01-01');
    expect(a.status).toBe('invalid');
    expect(a.diagnostics.map((d) => d.code)).toContain('decl-missing');
  });
});
