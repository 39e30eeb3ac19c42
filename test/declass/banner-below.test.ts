/**
 * A document whose banner is lower than one of its portions is not declassified by its
 * instruction: a `(TS)` paragraph under a CONFIDENTIAL banner with `DECL: 02/13/2010` was released
 * as declassified in 2020. The instruction was given for the banner's level: review.
 */
import { describe, expect, it } from 'vitest';
import { assessDocument } from '../../src/declass/assess.js';
import { readDocument } from '../../src/parse/read.js';

const cable = (mark: string) =>
  `C O N F I D E N T I A L BERLIN 000999\n\nE.O. 12958: DECL: 02/13/2010\nTAGS: PREL GM\nSUBJECT: (U) TEST\n\nClassified By: POLOFF X. REASONS: 1.4 (B) AND (D).\n\n1. ${mark} First paragraph.\n\n2. (C) Second.\n`;

describe('a banner below its portions', () => {
  it('a (TS) paragraph under a CONFIDENTIAL banner: review, not declassified, after the date', () => {
    expect(assessDocument(readDocument(cable('(TS)')).doc, '2020-01-01')).toMatchObject({ status: 'review', rule: 'decl-level-mismatch' });
  });

  it('portions at or below the banner: declassified after the date, classified before it', () => {
    expect(assessDocument(readDocument(cable('(C)')).doc, '2020-01-01')).toMatchObject({ status: 'declassified' });
    expect(assessDocument(readDocument(cable('(TS)')).doc, '2009-01-01')).toMatchObject({ status: 'classified' });
  });
});

describe('a banner below a classification line in the text', () => {
  // `S E C R E T SECTION 02 OF 02 …` under a CONFIDENTIAL banner: the unmarked paragraph under it
  // was released as declassified by the banner's date.
  const sectioned = (line: string) => `${cable('(C)')}\n${line}\n\n3. The KILLER site is near the border.\n`;
  it('a SECRET section line: review, not declassified, after the date', () => {
    expect(assessDocument(readDocument(sectioned('S E C R E T SECTION 02 OF 02 BERLIN 000999')).doc, '2020-01-01')).toMatchObject({ status: 'review', rule: 'decl-level-mismatch' });
  });

  it('a section line at the banner\'s level: declassified after the date', () => {
    expect(assessDocument(readDocument(sectioned('C O N F I D E N T I A L SECTION 02 OF 02 BERLIN 000999')).doc, '2020-01-01')).toMatchObject({ status: 'declassified' });
  });
});
