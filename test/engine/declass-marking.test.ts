/**
 * Probe 68c F7 (fix68h): a release with text released as declassified says, on the line under its
 * stamp, when and by what it was declassified (32 CFR 2001.25: "Declassified", the authority, the
 * date), worded from the record: the document's own instruction and its date, a declassification
 * the document records, a reviewer's decision. The tool claims no authority of its own. No line
 * when nothing is released as declassified, nor while the document is pending review (OADR past 25
 * years is pending, never declassified by the tool).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { readDocument } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';
import { loadOverrides } from '../../src/rules/overrides.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');
const CABLE = readFileSync(new URL('../../samples/08BERLIN173.txt', import.meta.url), 'utf8');
/** The sample cable with its DECL value and its year (the DTG's `FEB 08`) replaced. */
const cable = (decl: string, year = '08') => CABLE.replace('DECL: 02/13/2018', decl).replace('131627Z FEB 08', `131627Z FEB ${year}`);
/** The sample cable with its first paragraph's mark made unreadable: pending review. */
const PENDING_CABLE = CABLE.replace(/^(\S*1\.\s*)\(C\)/m, '$1(C0)');

const overrides = (decisions: string) => loadOverrides(`overrides:\n${decisions}`, 'o.yaml');
const marking = (text: string, asOf: string, decisions: string | null = null, format: 'cable' | 'document' = 'cable') => {
  const plan = evaluate(readDocument(text, { format }).doc, PUBLIC, { asOf, overrides: decisions ? overrides(decisions) : null, fallbackRef: '08BERLIN173' });
  return { line: plan.declassMarking, kind: plan.disposition.kind };
};

const MEMO = (declassifyOn: string) =>
  `CONFIDENTIAL\n\nMEMORANDUM FOR THE RECORD\n\nSUBJECT: (U) UQ1 Visit\n\n1. (U) UQ2 Opening.\n\n2. (C) UQ3 The paragraph.\n\nClassified By: A B, Chief\nReason: 1.4(b)\nDeclassify On: ${declassifyOn}\n\nCONFIDENTIAL\n`;

describe('the declassification marking under the stamp', () => {
  it.each<[name: string, text: string, asOf: string, decisions: string | null, expected: string]>([
    ['explicit DECL date passed', CABLE, '2026-12-01', null, 'DECLASSIFIED ON 2018-02-13 BY ITS DECLASSIFICATION INSTRUCTION (DECL: 02/13/2018); REVIEWED AS OF 2026-12-01'],
    ['the DECL day itself', CABLE, '2018-02-13', null, 'DECLASSIFIED ON 2018-02-13 BY ITS DECLASSIFICATION INSTRUCTION (DECL: 02/13/2018); REVIEWED AS OF 2018-02-13'],
    ['a duration, resolved from origination', cable('DECL: TEN YEARS'), '2026-12-01', null, 'DECLASSIFIED ON 2018-02-13 BY ITS DECLASSIFICATION INSTRUCTION (DECL: TEN YEARS); REVIEWED AS OF 2026-12-01'],
    ['nothing declassified yet (DECL to come): no line', CABLE, '2010-12-01', null, ''],
    ['OADR before 25 years: classified, no line', cable('DECL: OADR', '90'), '2010-12-01', null, ''],
    ['OADR past 25 years: pending review, never declassified by the tool, no line', cable('DECL: OADR', '90'), '2026-12-01', null, ''],
    ['pending review (an unreadable mark) though the date has passed: no line', PENDING_CABLE, '2026-12-01', null, ''],
    [
      'partly declassified: a reviewer withholds one portion under B5, the rest is declassified',
      CABLE,
      '2026-12-01',
      '  - { ref: 08BERLIN173, portion: p2, action: withhold, authority: [B5], reviewer: R. Roe, date: 2026-11-30 }\n',
      'DECLASSIFIED ON 2018-02-13 BY ITS DECLASSIFICATION INSTRUCTION (DECL: 02/13/2018); REVIEWED AS OF 2026-12-01',
    ],
    [
      'a reviewer releases one portion of a document still classified',
      CABLE,
      '2010-12-01',
      '  - { ref: 08BERLIN173, portion: p2, action: release, declassify: true, reviewer: R. Roe, date: 2010-11-30 }\n',
      'p2 DECLASSIFIED BY DECISION OF REVIEWER R. Roe ON 2010-11-30; REVIEWED AS OF 2010-12-01',
    ],
  ])('%s', (_name, text, asOf, decisions, expected) => {
    const { line, kind } = marking(text, asOf, decisions);
    expect(line).toBe(expected);
    if (kind === 'pending-review') expect(line).toBe('');
  });

  it('a marked document quotes its Declassify On line as written', () => {
    expect(marking(MEMO('20120101'), '2026-12-01', null, 'document').line).toBe(
      'DECLASSIFIED ON 2012-01-01 BY ITS DECLASSIFICATION INSTRUCTION (Declassify On: 20120101); REVIEWED AS OF 2026-12-01',
    );
    expect(marking(MEMO('20400101'), '2026-12-01', null, 'document').line).toBe('');
  });

  it('an unclassified document has no line', () => {
    expect(marking(CABLE.replace('C O N F I D E N T I A L', 'UNCLASSIFIED').replace(/\((C)\)/g, '(U)').replace('DECL: 02/13/2018', 'N/A'), '2026-12-01').line).toBe('');
  });
});
