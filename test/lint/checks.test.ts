/**
 * Every lint check, run on its own: a failing and a passing case each (markdownlint's fixtures,
 * ESLint's RuleTester), and a test that no check is missing a case, its README entry or a code.
 * A case is read by the reader the check applies to: the cable parser, or the document reader.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { REPORTED_BY_OTHER_CHECKS } from '../../src/lint/checks/reader-diagnostics.js';
import { LINT_CHECKS, lintContext, lintDocument, type LintCheck } from '../../src/lint/index.js';
import { parseMarkedDocument } from '../../src/parse/document/index.js';
import { parseCable } from '../../src/parse/index.js';
import type { Document } from '../../src/types.js';
import { cable } from '../parse/helpers.js';

const AS_OF = '2026-11-26';
const by = (reasons: string) => `Classified By: POLITICAL MINISTER COUNSELOR JEFF RATHKE. REASONS: ${reasons}.`;
const unclassified = { banner: 'UNCLAS BERLIN 000173', eo: 'E.O. 12958: N/A', classifiedBy: '' };

type Case = [check: string, description: string, text: string, codes: string[]];

/** A modern document: banner, body, authority block, bottom banner. */
const BLOCK = 'Classified By: J. Smith, Director\nDerived From: NSA/CSSM 1-52\nDated: 20070108\nDeclassify On: 20320108\n';
const memo = (banner: string, body: string, block = BLOCK, bottom = banner) => `${banner}\n\n${body}\n\n${block}\n${bottom}\n`;
const DYNAMIC = (level: string) => `DYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS\n${level}\n`;
const ONE_LINE_BLOCK = 'DERIVED FROM: NSA/CSSM 1-52, DATED 08 JAN 2007 DECLASSIFY ON: 20320108\n';
const withBlock = (b: string) => memo('SECRET', '(S) Text.', b);

/** The document a case is about, read by the reader its check applies to. */
function read(check: LintCheck, text: string): Document {
  return check.formats.includes('cable') ? parseCable(text) : parseMarkedDocument(text);
}

const cases: Case[] = [
  ['parser-diagnostics', 'an unknown mark and an unmarked paragraph', cable('¶1. (C0) One.\n\n¶2. Two.'), ['unknown-marking', 'unmarked-portion', 'unmarked-subject']],
  ['parser-diagnostics', 'a clean cable with a marked subject', cable('¶1. (C) One.', { subject: 'SUBJECT: (U) A SUBJECT' }), []],
  ['banner-roll-up', 'a SECRET portion under a CONFIDENTIAL banner', cable('¶1. (S) One.'), ['banner-below-portions']],
  ['banner-roll-up', 'a NOFORN portion under a banner without it', cable('¶1. (S//NF) One.', { banner: 'S E C R E T BERLIN 000173' }), ['banner-missing-controls']],
  ['banner-roll-up', 'the banner carries what the portions require', cable('¶1. (S//NF) One.', { banner: 'S E C R E T BERLIN 000173', caveats: ['NOFORN'] }), []],
  ['declassification', 'a classified cable without an E.O. line', cable('¶1. (C) One.', { eo: '' }), ['decl-invalid']],
  ['declassification', 'a DECL date more than 25 years after origination', cable('¶1. (C) One.', { eo: 'E.O. 12958: DECL: 02/13/2040' }), ['decl-over-25-years']],
  ['declassification', 'a DECL date ten years after origination', cable('¶1. (C) One.'), []],
  ['declassification', 'a second DECL line that disagrees with the E.O. line', cable('¶1. (C) One.\n\nE.O. 12958: DECL: 02/13/2028'), ['decl-conflict']],
  ['declassification', 'a banner instruction that disagrees with the E.O. line', cable('¶1. (C) One.', { banner: 'CONFIDENTIAL//X1 BERLIN 000173' }), ['decl-conflict']],
  ['classification-reasons', 'a classified cable without Classified By', cable('¶1. (C) One.', { classifiedBy: '' }), ['no-classification-reasons']],
  ['classification-reasons', 'an unclassified cable needs none', cable('¶1. Plain.', unclassified), []],
  ['reason-category', '1.4 (K) is no category', cable('¶1. (C) One.', { classifiedBy: by('1.4 (K)') }), ['reason-invalid']],
  ['reason-category', '1.5 (D) in a 2008 cable', cable('¶1. (C) One.', { classifiedBy: by('1.5 (D)') }), ['reason-section']],
  ['reason-category', '1.4 (B) AND (D) in a 2008 cable', cable('¶1. (C) One.', { classifiedBy: by('1.4 (B) AND (D)') }), []],
  ['marking-conflicts', 'REL TO with NOFORN on a portion', cable('¶1. (S//NF//REL TO USA, GBR) One.', { banner: 'SECRET//NOFORN BERLIN 000173' }), ['rel-to-with-noforn']],
  ['marking-conflicts', 'NODIS without NOFORN on a portion', cable('¶1. (S//ND) One.', { banner: 'SECRET//NOFORN//NODIS BERLIN 000173' }), ['dissem-without-noforn']],
  ['marking-conflicts', 'NOFORN alone', cable('¶1. (S//NF) One.', { banner: 'SECRET//NOFORN BERLIN 000173' }), []],
  ['banner-above-portions', 'a CONFIDENTIAL cable whose portions are all marked (U)', cable('¶1. (U) One.\n\n¶2. (U) Two.', { subject: 'SUBJECT: (U) A SUBJECT' }), ['banner-above-portions']],
  ['banner-above-portions', 'a CONFIDENTIAL paragraph under the CONFIDENTIAL banner', cable('¶1. (U) One.\n\n¶2. (C) Two.', { subject: 'SUBJECT: (U) A SUBJECT' }), []],
  ['banner-above-portions', 'unmarked text may hold the CONFIDENTIAL level itself', cable('¶1. (U) One.\n\n¶2. (U) Two.'), []],
  ['banner-controls-beyond-portions', 'a NOFORN cable banner over paragraphs marked REL TO', cable('¶1. (U) One.\n\n¶2. (S//REL TO USA, FVEY) Two.', { subject: 'SUBJECT: (U) A SUBJECT', banner: 'SECRET//NOFORN BERLIN 000173' }), ['banner-controls-beyond-portions']],
  ['banner-controls-beyond-portions', 'a NOFORN cable banner over paragraphs without a foreign release marking', cable('¶1. (U) One.\n\n¶2. (S) Two.', { subject: 'SUBJECT: (U) A SUBJECT', banner: 'SECRET//NOFORN BERLIN 000173' }), []],
  // Modern documents.
  ['reader-diagnostics', 'a mark that is not understood', memo('SECRET', '(S) Marked.\n\n(C0) Not a mark.'), ['unknown-marking']],
  ['reader-diagnostics', 'an unmarked paragraph is left to unmarked-portion', memo('SECRET', '(S) Marked.\n\nUnmarked.'), []],
  ['reader-diagnostics', 'a fully marked memo', memo('SECRET', '(S) Marked.'), []],
  ['unmarked-portion', 'an unmarked paragraph in a SECRET memo', memo('SECRET', '(S) Marked.\n\nUnmarked paragraph.'), ['unmarked-portion']],
  ['unmarked-portion', 'an unmarked FROM: header', memo('SECRET', 'FROM: J. Smith\n\n(S) Marked.'), ['unmarked-header']],
  ['unmarked-portion', 'every portion marked', memo('SECRET', '(S) Marked.\n\n(U) Marked too.'), []],
  ['unmarked-portion', 'an unclassified document needs no marks', 'UNCLASSIFIED\n\nPlain text.\n\nUNCLASSIFIED\n', []],
  ['banner-below-portion', 'a SECRET portion under CONFIDENTIAL banners (top and bottom)', memo('CONFIDENTIAL', '(S) Secret text.'), ['banner-below-portions', 'banner-below-portions']],
  ['banner-below-portion', 'a NOFORN portion under SECRET banners', memo('SECRET', '(S//NF) Not releasable.'), ['banner-missing-controls', 'banner-missing-controls']],
  ['banner-below-portion', 'a TS portion under a DYNAMIC PAGE banner of SECRET', `${DYNAMIC('SECRET')}\n(TS//SI) Too high for the page.\n\n${ONE_LINE_BLOCK}`, ['banner-below-portions']],
  ['banner-below-portion', 'banners that carry what the portions require', memo('SECRET//NOFORN', '(S//NF) Not releasable.'), []],
  // Interior pages may carry their own page's highest level (32 CFR 2001.21(b)); the first page the document's.
  ['banner-below-portion', "a later page's UNCLASSIFIED banners over its (U) portions", `SECRET\n\n(S) Secret.\n\nSECRET\n\fUNCLASSIFIED\n\n(U) Plain.\n\n${BLOCK}\nUNCLASSIFIED\n`, []],
  ['banner-below-portion', "a later page's UNCLASSIFIED banners over a SECRET portion on it", `SECRET\n\n(S) Secret.\n\nSECRET\n\fUNCLASSIFIED\n\n(S) Also secret.\n\n${BLOCK}\nUNCLASSIFIED\n`, ['banner-below-portions', 'banner-below-portions']],
  ['banner-below-portion', "the first page's UNCLASSIFIED banners when a later page is SECRET", `UNCLASSIFIED\n\n(U) Plain.\n\nUNCLASSIFIED\n\fSECRET\n\n(S) Secret.\n\n${BLOCK}\nSECRET\n`, ['banner-below-portions', 'banner-below-portions']],
  ['banner-below-portion', 'a TS portion under a DYNAMIC PAGE banner of TOP SECRET', `${DYNAMIC('TOP SECRET//SI')}\n(TS//SI) Fits the page.\n\n${DYNAMIC('TOP SECRET//SI')}${ONE_LINE_BLOCK}`, []],
  ['banner-missing', 'no banner at all', `(S) No banner at all.\n\n${BLOCK}`, ['no-banner']],
  ['banner-missing', 'no banner at the bottom', memo('SECRET', '(S) No banner at the bottom.', BLOCK, ''), ['banner-missing-bottom']],
  ['banner-missing', 'no banner at the top', `(S) No banner at the top.\n\n${BLOCK}\nSECRET\n`, ['banner-missing-top']],
  ['banner-missing', 'banners at the top and bottom', memo('SECRET', '(S) Banners.'), []],
  ['authority-block', 'no block', memo('SECRET', '(S) No block.', ''), ['authority-missing']],
  ['authority-block', 'a block without Declassify On', withBlock('Classified By: J. Smith\nReason: 1.4(c)\n'), ['authority-incomplete']],
  ['authority-block', 'an original classification without a reason', withBlock('Classified By: J. Smith\nDeclassify On: 20320108\n'), ['authority-incomplete']],
  ['authority-block', 'a derivative classification without a classifier (warning)', withBlock('Derived From: NSA/CSSM 1-52\nDeclassify On: 20320108\n'), ['authority-incomplete']],
  ['authority-block', 'a Declassify On date more than 25 years on', withBlock('Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20991231\nDATE: 01/02/2012\n'), ['decl-over-25-years']],
  ['authority-block', 'a complete derivative block', memo('SECRET', '(S) A block.'), []],
  ['authority-block', "a banner's instruction that disagrees with Declassify On", memo('SECRET//20310108', '(S) A block.'), ['decl-conflict']],
  ['authority-block', 'two Declassify On values that disagree', withBlock('Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20320108\nDeclassify On: 20330108\n'), ['decl-conflict']],
  ['authority-block', "a banner's instruction the same as Declassify On", memo('SECRET//20320108', '(S) A block.'), []],
  ['authority-block', "a NATO document (NATO's own banner and marks) carries no US block", memo('NATO SECRET', '1. (NS) Exercise text.\n\n2. (NU) Dates.', ''), []],
  ['authority-block', 'a NATO banner over a US portion still needs one', memo('NATO SECRET', '1. (NS) Exercise text.\n\n2. (S) US text.', ''), ['authority-missing']],
  ['authority-block', 'a complete original block', withBlock('Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20320108\n'), []],
  ['rel-to-with-noforn', 'REL TO with NOFORN on a portion', memo('SECRET//NOFORN', '(S//NF/REL TO USA, GBR) Contradiction.'), ['rel-to-with-noforn']],
  ['rel-to-with-noforn', 'NOFORN alone', memo('SECRET//NOFORN', '(S//NF) Consistent.'), []],
  ['exemption-without-date', '25X1 without a date', withBlock('Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 25X1\n'), ['exemption-without-date']],
  ['exemption-without-date', '25X1 with a date', withBlock('Classified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 25X1, 20591231\n'), []],
  // Both (read here as cables; documents in test/lint/document.test.ts): REL TO lists as CAPCO spells them (probe 61 item 6).
  ['rel-to-form', 'a portion REL TO FVEY (no USA)', cable('¶1. (S//REL TO FVEY) One.', { banner: 'SECRET//REL TO USA, FVEY BERLIN 000173' }), ['rel-to-usa-first']],
  ['rel-to-form', 'a portion REL TO without commas', cable('¶1. (S//REL TO USA GBR AUS CAN NZL) One.', { banner: 'SECRET//REL TO USA, AUS, CAN, GBR, NZL BERLIN 000173' }), ['rel-to-order', 'rel-to-separators']],
  ['rel-to-form', 'a portion REL TO out of order', cable('¶1. (S//REL TO USA, NZL, GBR) One.', { banner: 'SECRET//REL TO USA, GBR, NZL BERLIN 000173' }), ['rel-to-order']],
  ['rel-to-form', 'a cable banner REL TO without USA first', cable('¶1. (S//REL TO USA, GBR) One.', { banner: 'SECRET//REL TO GBR, USA BERLIN 000173' }), ['rel-to-order']],
  ['rel-to-form', 'a tetragraph before a trigraph', cable('¶1. (S//REL TO USA, NATO, GBR) One.', { banner: 'SECRET//REL TO USA, GBR, NATO BERLIN 000173' }), ['rel-to-order']],
  ['rel-to-form', 'lists as CAPCO spells them', cable('¶1. (S//REL TO USA, AUS, GBR, FVEY) One.', { banner: 'SECRET//REL TO USA, AUS, GBR, FVEY BERLIN 000173' }), []],
  // Codes on no list (probe 61c F12): kept by the grammar with a note only.
  ['rel-to-form', 'an unknown code XYZ', cable('¶1. (S//REL TO USA, XYZ) One.', { banner: 'SECRET//REL TO USA, XYZ BERLIN 000173' }), ['rel-to-unknown-code', 'rel-to-unknown-code']],
  ['rel-to-form', 'ROK for KOR', cable('¶1. (S//REL TO USA, KOR) One.', { banner: 'SECRET//REL TO USA, ROK BERLIN 000173' }), ['rel-to-unknown-code']],
  ['rel-to-form', 'a territory and tetragraphs', cable('¶1. (S//REL TO USA, PRI, NATO, TEYE) One.', { banner: 'SECRET//REL TO USA, PRI, ACGU, ISAF BERLIN 000173' }), []],
  ['rel-to-form', 'GENC XKS', cable('¶1. (S//REL TO USA, XKS) One.', { banner: 'SECRET//REL TO USA, XKS BERLIN 000173' }), []],
  ['atomic-energy-act-decl', 'RD portions under a date', memo('SECRET//RESTRICTED DATA', '(S//RD) Design text.', 'Classified By: J. Smith\nReason: 1.4(a)\nDeclassify On: 20320108\n'), ['atomic-energy-act-decl']],
  ['atomic-energy-act-decl', 'RD portions under the N/A form', memo('SECRET//RESTRICTED DATA', '(S//RD) Design text.', 'Classified By: J. Smith\nReason: 1.4(a)\nDeclassify On: N/A to RD/FRD portions. See source list for NSI portions.\n'), []],
];

describe('lint checks', () => {
  it.each(cases)('%s: %s', (id, _description, text, expected) => {
    const check = LINT_CHECKS.find((c) => c.id === id);
    expect(check, id).toBeDefined();
    const found = check!.check(lintContext(read(check!, text), AS_OF));
    expect(found.map((d) => d.code).sort()).toEqual([...expected].sort());
    expect(found.every((d) => d.severity !== 'info')).toBe(true);
  });

  it('every check has a failing and a passing case, reports only its own codes, and is documented in README.md', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const missing: string[] = [];
    for (const check of LINT_CHECKS) {
      const mine = cases.filter((c) => c[0] === check.id);
      if (!mine.some((c) => c[3].length > 0)) missing.push(`${check.id}: no failing case`);
      if (!mine.some((c) => c[3].length === 0)) missing.push(`${check.id}: no passing case`);
      for (const c of mine) for (const code of c[3]) if (!check.codes.includes(code)) missing.push(`${check.id}: reports ${code}, not in its codes`);
      if (!readme.includes(`\`${check.id}\``)) missing.push(`${check.id}: not in README.md`);
      if (check.description.trim() === '') missing.push(`${check.id}: no description`);
    }
    expect(missing).toEqual([]);
    expect(new Set(LINT_CHECKS.map((c) => c.id)).size).toBe(LINT_CHECKS.length);
  });

  it('each check lives in the module named by its id', async () => {
    for (const check of LINT_CHECKS) {
      const module = (await import(`../../src/lint/checks/${check.id}.ts`)) as Record<string, unknown>;
      expect(Object.values(module)).toContain(check);
    }
  });

  it('each check runs only on the documents of the readers it names', () => {
    const documents: [string, Document][] = [
      ['cable', parseCable(cable('¶1. (C) One.'))],
      ['document', parseMarkedDocument(memo('SECRET', '(S) Text.'))],
    ];
    for (const [format, doc] of documents) {
      const spies = LINT_CHECKS.map((c) => vi.spyOn(c, 'check'));
      lintDocument(doc, AS_OF);
      LINT_CHECKS.forEach((c, i) => expect(spies[i]!.mock.calls.length, `${c.id} on a ${format}`).toBe(c.formats.includes(format as 'cable' | 'document') ? 1 : 0));
      for (const spy of spies) spy.mockRestore();
    }
    expect(LINT_CHECKS.every((c) => c.formats.length > 0)).toBe(true);
  });

  it('reader-diagnostics leaves to the other document checks exactly the codes they report', () => {
    const others = LINT_CHECKS.filter((c) => c.formats.includes('document') && c.id !== 'reader-diagnostics').flatMap((c) => c.codes);
    expect([...REPORTED_BY_OTHER_CHECKS].sort()).toEqual([...new Set(others)].sort());
  });
});
