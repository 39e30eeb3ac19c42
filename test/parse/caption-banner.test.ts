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
