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
