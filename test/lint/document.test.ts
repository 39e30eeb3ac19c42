/**
 * Lint checks for modern documents, through lintDocument: each check on a document that has the
 * problem and one that does not (the checks alone, with exact codes: test/lint/checks.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { LINT_CHECKS, lintDocument } from '../../src/lint/index.js';
import { parseMarkedDocument } from '../../src/parse/document/index.js';

/** The checks of the registry that apply to documents. */
const DOCUMENT_CHECKS = LINT_CHECKS.filter((c) => c.formats.includes('document'));

const AS_OF = '2026-12-01';
const BLOCK = 'Classified By: J. Smith, Director\nDerived From: NSA/CSSM 1-52\nDated: 20070108\nDeclassify On: 20320108\n';
const memo = (banner: string, body: string, block = BLOCK, bottom = banner) => `${banner}\n\n${body}\n\n${block}\n${bottom}\n`;
const codes = (text: string) => lintDocument(parseMarkedDocument(text), AS_OF).map((d) => d.code);

/** [check id, text with the problem, code, text without it] */
const CASES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['unmarked-portion', memo('SECRET', '(S) Marked.\n\nUnmarked paragraph.'), 'unmarked-portion', memo('SECRET', '(S) Marked.\n\n(U) Marked too.')],
  ['unmarked-portion', memo('SECRET', 'FROM: J. Smith\n\n(S) Marked.'), 'unmarked-header', memo('SECRET', 'FROM: (U) J. Smith\n\n(S) Marked.')],
  ['banner-below-portion', memo('CONFIDENTIAL', '(S) Secret text.'), 'banner-below-portions', memo('SECRET', '(S) Secret text.')],
  ['banner-below-portion', memo('SECRET', '(S//NF) Not releasable.'), 'banner-missing-controls', memo('SECRET//NOFORN', '(S//NF) Not releasable.')],
  [
    'banner-below-portion',
    'DYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS\nSECRET\n\n(TS//SI) Too high for the page.\n\nDERIVED FROM: NSA/CSSM 1-52, DATED 08 JAN 2007 DECLASSIFY ON: 20320108\n',
    'banner-below-portions',
    'DYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS\nTOP SECRET//SI\n\n(TS//SI) Fits the page.\n\nDYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS\nTOP SECRET//SI\nDERIVED FROM: NSA/CSSM 1-52, DATED 08 JAN 2007 DECLASSIFY ON: 20320108\n',
  ],
  ['banner-missing', `(S) No banner at all.\n\n${BLOCK}`, 'no-banner', memo('SECRET', '(S) Banners.')],
  ['banner-missing', memo('SECRET', '(S) No banner at the bottom.', BLOCK, ''), 'banner-missing-bottom', memo('SECRET', '(S) Banners.')],
  ['banner-missing', `(S) No banner at the top.\n\n${BLOCK}\nSECRET\n`, 'banner-missing-top', memo('SECRET', '(S) Banners.')],
  ['authority-block', memo('SECRET', '(S) No block.', ''), 'authority-missing', memo('SECRET', '(S) A block.')],
  ['authority-block', memo('SECRET', '(S) No Declassify On.', 'Classified By: J. Smith\nReason: 1.4(c)\n'), 'authority-incomplete', memo('SECRET', '(S) Complete.', 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20320108\n')],
  ['authority-block', memo('SECRET', '(S) Original without reason.', 'Classified By: J. Smith\nDeclassify On: 20320108\n'), 'authority-incomplete', memo('SECRET', '(S) With reason.', 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20320108\n')],
  ['authority-block', memo('SECRET', '(S) Date too far.', 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20991231\nDATE: 01/02/2012\n'), 'decl-over-25-years', memo('SECRET', '(S) Date in range.', 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20361231\nDATE: 01/02/2012\n')],
  ['authority-block', memo('SECRET', '(S) Exemption too far.', 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 25X1, 20300101\nDATE: 03/01/1970\n'), 'decl-over-50-years', memo('SECRET', '(S) Exemption in range.', 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 25X1, 20201231\nDATE: 03/01/1970\n')],
  ['authority-block', memo('SECRET', '(S) HUM too far.', 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 50X1-HUM, 20300101\nDATE: 03/01/1945\n'), 'decl-over-75-years', memo('SECRET', '(S) HUM in range.', 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 50X1-HUM, 20201231\nDATE: 03/01/1945\n')],
  ['rel-to-with-noforn', memo('SECRET//NOFORN', '(S//NF/REL TO USA, GBR) Contradiction.'), 'rel-to-with-noforn', memo('SECRET//NOFORN', '(S//NF) Consistent.')],
  ['banner-above-portions', memo('SECRET', 'SUBJECT: (U) Compilation\n\n(U) One fact.\n\n(U) Another fact.'), 'banner-above-portions', memo('SECRET', 'SUBJECT: (U) Compilation\n\n(U) One fact.\n\n(S) A secret fact.')],
  ['banner-controls-beyond-portions', memo('SECRET//NOFORN', 'SUBJECT: (U) Liaison\n\n(U) One fact.\n\n(S//REL TO USA, FVEY) A releasable fact.'), 'banner-controls-beyond-portions', memo('SECRET//REL TO USA, FVEY', 'SUBJECT: (U) Liaison\n\n(U) One fact.\n\n(S//REL TO USA, FVEY) A releasable fact.')],
  ['exemption-without-date', memo('SECRET', '(S) Undated exemption.', 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 25X1\n'), 'exemption-without-date', memo('SECRET', '(S) Dated exemption.', 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 25X1, 20591231\n')],
  ['rel-to-form', memo('SECRET//REL TO USA, GBR, NZL', '(S//REL TO NZL, GBR) Text.'), 'rel-to-usa-first', memo('SECRET//REL TO USA, GBR, NZL', '(S//REL TO USA, GBR, NZL) Text.')],
  ['rel-to-form', memo('SECRET//REL TO USA, GBR, NZL', '(S//REL TO USA, NZL, GBR) Text.'), 'rel-to-order', memo('SECRET//REL TO USA, GBR, NZL', '(S//REL TO USA, GBR, NZL) Text.')],
  ['rel-to-form', memo('SECRET//REL TO USA GBR', '(S//REL TO USA, GBR) Text.'), 'rel-to-separators', memo('SECRET//REL TO USA, GBR', '(S//REL TO USA, GBR) Text.')],
  ['reason-category', memo('SECRET', '(S) Bad reason.', 'Classified By: J. Smith\nReason: 1.4(i)\nDeclassify On: 20320108\n'), 'reason-invalid', memo('SECRET', '(S) Good reason.', 'Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20320108\n')],
  ['atomic-energy-act-decl', memo('SECRET//RESTRICTED DATA', '(S//RD) Design text.', 'Classified By: J. Smith\nReason: 1.4(a)\nDeclassify On: 20320108\n'), 'atomic-energy-act-decl', memo('SECRET//RESTRICTED DATA', '(S//RD) Design text.', 'Classified By: J. Smith\nReason: 1.4(a)\nDeclassify On: N/A to RD/FRD portions. See source list for NSI portions.\n')],
];

describe('document lint checks', () => {
  it.each(CASES)('%s: %s reported, and not for a document without the problem', (_id, bad, code, good) => {
    expect(codes(bad)).toContain(code);
    expect(codes(good)).not.toContain(code);
  });

  it('a clean, fully marked memo has no findings', () => {
    expect(codes(memo('SECRET//NOFORN', 'SUBJECT: (U) Budget\n\n(S//NF) Text.\n\n(U) More text.'))).toEqual([]);
  });

  it('a document under an UNCLASSIFIED banner needs no marks or block; one with no marking at all is linted as classified (fail closed)', () => {
    expect(codes('UNCLASSIFIED\n\nPlain text.\n\nUNCLASSIFIED\n')).toEqual([]);
    expect(codes('Dear colleagues,\nthe meeting moved to Friday.\n')).toEqual(expect.arrayContaining(['no-banner', 'unmarked-portion', 'authority-missing']));
  });

  it("an e-mail printout's quoted UNCLASSIFIED message: its unmarked text and its own classification lines are no finding; the same lines outside a quoted message are", () => {
    const quoted = 'Classification: UNCLASSIFIED\n\nJohn, can you confirm the date?\n\nJane\n\nClassification: UNCLASSIFIED';
    const chain = memo('Classification: SECRET//NOFORN', `SUBJECT: (U) Visit\n\n(S//NF) The minister confirmed.\n\n${BLOCK}\n-----Original Message-----\n${quoted}`, '', '');
    expect(codes(chain)).toEqual([]);
    const inline = memo('Classification: SECRET//NOFORN', `SUBJECT: (U) Visit\n\n(S//NF) The minister confirmed.\n\n${BLOCK}\n${quoted}`, '', '');
    expect(codes(inline)).toEqual(expect.arrayContaining(['unmarked-portion', 'banner-below-portions']));
  });

  it("a notes page's slide thumbnail: its UNCLASSIFIED banners inside the page's own SECRET//NOFORN ones are not the page's banner (probe 66b, F6); the page's own are checked", () => {
    const page1 = 'SECRET//NOFORN\n\n(U) Findings.\n\n(S//NF) A finding.\n\nSECRET//NOFORN\n';
    const notes = (edge: string) => `${edge}\n\nUNCLASSIFIED\n\n(U) Slide text.\n\nUNCLASSIFIED\n\n(S//NF) Speaker note.\n\n${BLOCK}\n${edge}\n`;
    expect(codes(`${page1}\f${notes('SECRET//NOFORN')}`)).not.toContain('banner-below-portions');
    expect(codes(`${page1}\f${notes('CONFIDENTIAL')}`)).toContain('banner-below-portions');
  });

  it('never reports an info, and lists errors first at a tie', () => {
    const diags = lintDocument(parseMarkedDocument(memo('CONFIDENTIAL', '(S//NF/REL TO USA, GBR) X.')), AS_OF);
    expect(diags.every((d) => d.severity !== 'info')).toBe(true);
  });
});

describe('the registry of document checks', () => {
  it('every check has a kebab-case id, a description, its codes and a case in the table above', () => {
    // The reader's own diagnostics have their cases in test/lint/checks.test.ts.
    const tested = new Set([...CASES.map((c) => c[0]), 'reader-diagnostics']);
    const ids = DOCUMENT_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of DOCUMENT_CHECKS) {
      expect(c.id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      expect(c.description.length).toBeGreaterThan(10);
      expect(c.codes.length).toBeGreaterThan(0);
      expect(tested.has(c.id), c.id).toBe(true);
    }
  });
});
