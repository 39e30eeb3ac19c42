/**
 * State's systematic review stamp under a cable's banner (`Declassified/Released US Department of
 * State EO` / `Systematic Review 05 JUL 2006`, 75TEHRAN2069) is a declassification marking, as
 * `DECLASSIFIED BY NARA 09/02/2009` on the E.O. line is. It was read as two pass lines and the
 * cable went to review by its E.O. line (GDS), with no word of the stamp (probe 8, F9).
 */
import { describe, expect, it } from 'vitest';
import { assessDocument } from '../../src/declass/assess.js';
import { readDocument } from '../../src/parse/read.js';

const cable = (stamp: string) =>
  `R 041125Z MAR 75\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 475\n\nC O N F I D E N T I A L TEHRAN 2069\n\n${stamp}\n\nE.O. 11652: GDS\nTAGS: PINT IR\nSUBJECT: PARTY\n\n1. THE SHAH SPOKE.\n`;

const STAMP = 'Declassified/Released US Department of State EO\nSystematic Review 05 JUL 2006';

describe('a systematic review stamp under the banner', () => {
  it('declassifies the cable on the review date (32 CFR 2001.25)', () => {
    const doc = readDocument(cable(STAMP)).doc;
    expect(doc.declassifiedStamp?.raw).toBe(STAMP);
    expect(assessDocument(doc, '2010-12-01')).toMatchObject({ status: 'declassified', declassifyOn: '2006-07-05', rule: '32cfr2001.25' });
    expect(assessDocument(doc, '2006-01-01')).toMatchObject({ status: 'classified', declassifyOn: '2006-07-05' });
  });

  it.each([
    ['without its dated line', 'Declassified/Released US Department of State EO'],
    ['with another second line', 'Declassified/Released US Department of State EO\nSee attached'],
  ])('%s records nothing: the E.O. line decides (review)', (_what, stamp) => {
    const doc = readDocument(cable(stamp)).doc;
    expect(doc.declassifiedStamp).toBeUndefined();
    expect(assessDocument(doc, '2010-12-01').status).toBe('review');
  });
});
