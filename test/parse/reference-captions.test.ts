/**
 * Caption words between a banner's classification and its post (`SECRET EYES ONLY BUENOS AIRES
 * 2481`) were read as part of the post: the reference read `66EYESONLYBUENOSAIRES2481`, shown in
 * the Vaughn index's Document column (probe 8, F11).
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';

const cable = (banner: string) => `P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY\n\n${banner}\n\nSUBJECT: JURISDICTIONS\n\n1. THE MINISTER SAID PRIVATELY.\n\nMARTIN\n`;

describe('the reference of a cable with captions on its banner line', () => {
  it.each([
    ['SECRET EYES ONLY BUENOS AIRES 2481', '66BUENOSAIRES2481'],
    ['C O N F I D E N T I A L ZFF BUENOS AIRES 2481', '66BUENOSAIRES2481'],
    ['SECRET NODIS CHEROKEE BUENOS AIRES 2481', '66BUENOSAIRES2481'],
    ['SECRET BUENOS AIRES 2481', '66BUENOSAIRES2481'],
    // A control number is no cable number: no reference (the fallback names the file).
    ['CONFIDENTIAL CONTROL NO. 1234', null],
  ])('%j → %s', (banner, ref) => {
    expect(readDocument(cable(banner)).doc.ref).toBe(ref);
  });
});
