/**
 * A spaced banner with captions and no post (`S E C R E T  NODIS  CHEROKEE`, common before 1972),
 * in a cable without an E.O. line or marks, was not read as a banner: the cable was refused as
 * "not a marked document (no banner …)" (probe 8, F12). It is the cable's banner: the unmarked
 * text under it is withheld.
 */
import { describe, expect, it } from 'vitest';
import { hasMarkings, readDocument } from '../../src/parse/read.js';

const cable = (banner: string) => `O 131627Z FEB 75\nFM SECSTATE WASHDC\nTO AMEMBASSY TEHRAN IMMEDIATE\n\n${banner}\n\nSUBJECT: BASE TALKS\n\n1. THE SECRETARY SAID.\n\nKISSINGER\n`;

describe('a banner line with captions and no post', () => {
  it.each([
    ['S E C R E T  NODIS  CHEROKEE', 'S'],
    ['C O N F I D E N T I A L STADIS', 'C'],
    ['S E C R E T ROGER CHANNEL', 'S'],
    ['SECRET EYES ONLY', 'S'],
  ])('%j is the banner (%s)', (banner, level) => {
    const doc = readDocument(cable(banner)).doc;
    expect(hasMarkings(doc)).toBe(true);
    expect(doc.banner?.marking?.level).toBe(level);
  });

  it('other words after the classification make no banner', () => {
    expect(readDocument(cable('SECRET TALKS WENT WELL')).doc.banner).toBeNull();
  });
});

/**
 * A distribution caption with words after it, or letter-spaced, under the banner or after its post
 * and number, was read as a pass line: its controls were lost (probe 67b F1).
 */
describe('a caption line with more words', () => {
  const cable67 = (bannerLine: string, caption: string) =>
    `${bannerLine}\n\n${caption}\n\nE.O. 12958: DECL: 05/05/2034\nTAGS: PREL\nSUBJECT: TEST\n\n1. (S) THE PARAGRAPH ZQ1.\n\n2. (U) IT SAID NODIS EYES ONLY TWICE.\n`;
  it.each([
    ['S E C R E T STATE 012345', 'EXDIS EYES ONLY', 'EXDIS'],
    ['S E C R E T STATE 012345', 'NODIS EYES ONLY FOR THE SECRETARY', 'NODIS'],
    ['S E C R E T STATE 012345', 'LIMDIS FOR AMBASSADOR', 'LIMDIS'],
    ['S E C R E T STATE 012345', 'EXDIS - DISTRIBUTE AS NODIS', 'NODIS'],
    ['S E C R E T STATE 012345', 'N O D I S', 'NODIS'],
    ['S E C R E T STATE 012345', 'SIPDIS E X D I S', 'EXDIS'],
    ['S E C R E T STATE 012345 NODIS EYES ONLY', '', 'NODIS'],
  ])('%s / %s → %s', (bannerLine, caption, control) => {
    const doc = readDocument(cable67(bannerLine, caption), { format: 'cable' }).doc;
    expect(doc.banner?.marking?.controls).toContain(control);
    // The body's mention of NODIS is text, not a caveat of the banner.
    expect(doc.banner?.caveats.every((c) => !c.raw.includes('TWICE'))).toBe(true);
  });
});
