/**
 * Classification lines a memo's banner reader did not take (probe 12, F1–F3): a line in a form the
 * grammar does not know (`SECRET//NOFORN//WNINTEL`, `TOP SECRET UMBRA`, `GEHEIM`), a banner written
 * with look-alike or invisible characters (`ЅECRET//NOFORN` with a Cyrillic Ѕ), or one under a
 * lead-in ending in a colon was read as ordinary text, and the unmarked text of an UNCLASSIFIED
 * memo (or a NATO one) released. Each is a sign now that the document may be classified; one not
 * understood leaves a classified document's banner not understood. Checked in the release.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readsAsClassificationLine } from '../../src/parse/document/classification-lines.js';
import { readDocument } from '../../src/parse/read.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

function release(text: string, id = 'public'): string {
  return planRelease(readDocument(text, { format: 'document' }).doc, profile(id), { asOf: '2026-12-01', stem: 'M' }).releaseText;
}

/** An UNCLASSIFIED memo with a (U) cover note, then `line`, then an unmarked paragraph. */
const underUnclassified = (line: string) => `UNCLASSIFIED\n\n(U) Cover note for the attached report.\n\n${line}\n\nLINELEAK The attached report describes the network.\n\nUNCLASSIFIED\n`;

describe('a classification line the banner reader did not take', () => {
  it.each([
    'SECRET//NOFORN//WNINTEL',
    'SECRET NOFORN WNINTEL',
    'TOP SECRET UMBRA',
    'SECRET//NOCONTRACT',
    'UNCLASSIFIED//FOUO//PII',
    'HANDLE VIA COMINT CHANNELS ONLY',
    'SECRET -- RELEASABLE TO GBR',
    '---SECRET---',
    'NOFORN',
    'EYES ONLY',
    'UK SECRET',
    'GEHEIM',
    'VS-VERTRAULICH',
    'SECRET DEFENSE',
    'DIFFUSION RESTREINTE',
    'OFFICIAL-SENSITIVE',
    'PROTECTED B',
    'СЕКРЕТНО',
    'Classification: SECRET//NOFORN//WNINTEL',
    // Probe 13a: mixed case, labels, separators around the level, page numbers, table rows, HTML,
    // escaped slashes, list numbers, two columns, blanks between letters, compatibility letters,
    // other governments' lines in any case, SCI alone.
    'SECRET//NoForn//WNINTEL',
    'Class: SECRET//NOFORN',
    'CLASSIFICATION - SECRET',
    'Security: SECRET',
    '//SECRET//',
    'Page 2 of 3 SECRET//NOFORN',
    'SECRET//NOFORN (page 2)',
    'DRAFT - SECRET//NOFORN',
    'DRAFT SECRET',
    '| SECRET//NOFORN |',
    '<b>SECRET</b>',
    'SECRET&#47;&#47;NOFORN',
    'SECRET\\/\\/NOFORN',
    '1. SECRET//NOFORN//WNINTEL',
    'UNCLASSIFIED      SECRET//NOFORN//WNINTEL',
    'S  E  C  R  E  T',
    '\u{1D412}\u{1D404}\u{1D402}\u{1D411}\u{1D404}\u{1D413}//NOFORN',
    '5ECRET//NOFORN',
    'SECRET_NOFORN',
    'Geheim',
    'VS-Vertraulich',
    '機密',
    'ΑΠΟΡΡΗΤΟ',
    'SI//TK',
    'UK EYES ONLY',
    'CLASSIFIED',
    '(U) The cable was marked SECRET//NOFORN when it was sent.',
    // Spelled apart, or a level alone in title case.
    'S-E-C-R-E-T',
    'T.O.P S.E.C.R.E.T',
    'Secret',
    'Top Secret',
    // Look-alikes and invisible characters: read as the banner they spell.
    '\u0405ECRET//NOFORN',
    'SECRET\uFF0F\uFF0FNOFORN',
    'SEC\u200BRET//NOFORN',
    'SECRET\u2044\u2044NOFORN',
    '\u200FSECRET//NOFORN',
    'CONFIDENTIAL\u200D',
    // Probe 63a F2: another government's line in CAPCO's form, a level run into a control word.
    '//FRA SECRET DEFENSE',
    '//DEU GEHEIM',
    '//DEU VS-VERTRAULICH',
    'TOPSECRET',
    'SECRETREL TO USA, GBR',
    'SECRETNOFORN',
    // Probe 64d (fix65a): a level word with no ASCII letter, all look-alikes (Lisu, Cyrillic,
    // negative squared, regional indicators), or full-width.
    '\ua4e2\ua4f0\ua4da\ua4e3\ua4f0\ua4d4',
    '\ua4e2\ua4f0\ua4da\ua4e3\ua4f0\ua4d4//NOFORN',
    '\ua4da\ua4f3\ua4e0\ua4dd\ua4f2\ua4d3\ua4f0\ua4e0\ua4d4\ua4f2\ua4ee\ua4e1',
    '\u0422\u041e\u0420 \u0405\u0415\u0421R\u0415\u0422',
    '\u0405\u0415\u0421\u042f\u0415\u0422',
    '\u{1f182}\u{1f174}\u{1f172}\u{1f181}\u{1f174}\u{1f183}',
    '\u{1f1f8}\u{1f1ea}\u{1f1e8}\u{1f1f7}\u{1f1ea}\u{1f1f9}',
    '\uff33\uff25\uff23\uff32\uff25\uff34',
  ])('%j under an UNCLASSIFIED banner: the unmarked text is withheld', (line) => {
    expect(release(underUnclassified(line))).not.toContain('LINELEAK');
  });

  it('under a lead-in ending in a colon, a classification above U is a sign too', () => {
    const text = 'UNCLASSIFIED\n\n(U) Cover note for the attached report, classified as follows:\nSECRET//NOFORN\n\nLINELEAK The attached report describes the network.\n\nUNCLASSIFIED\n';
    expect(release(text)).not.toContain('LINELEAK');
  });

  it('in a NATO memo, a page bannered in a form not understood is not released as NATO text', () => {
    const text = 'NATO SECRET\n\n(//NS) NATO planning note for the committee.\n\nNATO SECRET\nSECRET//NOFORN//WNINTEL\n\nLINELEAK The attached report describes the network.\n\nSECRET//NOFORN//WNINTEL\n';
    expect(release(text, 'nato')).not.toContain('LINELEAK');
  });

  it.each(['SECRET SERVICE AGENTS MEET', 'U.S. SECRET SERVICE', 'Secret Service', 'TOP SECRET AMERICA', 'RESTRICTED AREA', 'NATO SUMMIT IN RIGA', 'CONFIDENTIAL SOURCES SAY', 'Secret meetings continue', 'SECRETARY OF STATE', 'SECRETARIAT', '//ABC NEWS REPORT', '\u0414\u041e\u041a\u041b\u0410\u0414', '\u6211\u4eec\u4eca\u5929\u5f00\u4f1a', '\u0421\u0415\u041a\u0420\u0415\u0422'])(
    '%j is a heading, not a classification line: released',
    (line) => {
      expect(readsAsClassificationLine(line)).toBe(false);
      expect(release(underUnclassified(line))).toContain('LINELEAK');
    },
  );
});

describe("other governments' lines in CAPCO's form and with a country before a level (probe 63e F2)", () => {
  it.each(['//NLD STG GEHEIM', '//POL TAJNE', '//ITA SEGRETISSIMO', '//SWE HEMLIG', '//ESP DIFUSION LIMITADA', '//CTS', '//NS', '//GBR SECRET UK EYES ONLY', 'SECRET UK EYES ONLY', 'AUS SECRET AUSTEO', '//NZL SECRET NZEO', '//GBR TOP SECRET STRAP1'])('%s reads as a classification line', (line) => {
    expect(readsAsClassificationLine(line)).toBe(true);
  });
  it.each(['//ABC NEWS REPORT', 'SECRETARY OF STATE', '// TODO fix this', '//NLD'])('%s does not', (line) => {
    expect(readsAsClassificationLine(line)).toBe(false);
  });
});
