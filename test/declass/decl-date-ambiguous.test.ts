/**
 * A memo's `Declassify On: 01/08/2026` was read as MM/DD (8 January 2026) without a word; as DD/MM,
 * as a partner's document may write it, it is 1 August 2026 (probe 60a F7). The US reading is kept,
 * with a `decl-date-ambiguous` warning, and when the as-of date falls between the two readings the
 * document goes to a reviewer (status `review`) instead of being released as declassified. Cables
 * write MM/DD: their DECL lines are read as before, with no warning.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessDocument } from '../../src/declass/assess.js';
import { ambiguousDayMonth } from '../../src/declass/parse-date.js';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { releasedTexts } from '../helpers/released-texts.js';

const memo = (decl: string) =>
  `CONFIDENTIAL\n\n12 March 2015\n\nSUBJECT: (U) Date test UQd4\n\n1. (C) Detail ZQd4 here.\n\nClassified By: X\nReason: 1.4(b)\nDeclassify On: ${decl}\n\nCONFIDENTIAL\n`;

const cable = (decl: string) =>
  `C O N F I D E N T I A L BERLIN 000999\n\nSIPDIS\n\nE.O. 12958: DECL: ${decl}\nTAGS: PREL GM\nSUBJECT: (U) TEST\n\nClassified By: POLOFF X. REASONS: 1.4 (B) AND (D).\n\n1. (C) First paragraph.\n`;

describe('ambiguousDayMonth', () => {
  it.each<[string, { monthFirst: string; dayFirst: string } | null]>([
    ['01/08/2026', { monthFirst: '2026-01-08', dayFirst: '2026-08-01' }],
    ['Declassify On: 08/01/2026', { monthFirst: '2026-08-01', dayFirst: '2026-01-08' }],
    ['1-8-2026', { monthFirst: '2026-01-08', dayFirst: '2026-08-01' }],
    ['25X1, 03/04/2050', { monthFirst: '2050-03-04', dayFirst: '2050-04-03' }],
    ['01/08/26', { monthFirst: '2026-01-08', dayFirst: '2026-08-01' }],
    ['05/05/2026', null],
    ['01/13/2026', null],
    ['13/01/2026', null],
    ['20260108', null],
    ['2026-01-08', null],
  ])('%s → %j', (text, expected) => {
    expect(ambiguousDayMonth(text)).toEqual(expected);
  });
});

describe("a memo's ambiguous Declassify On date", () => {
  it.each([
    // [Declassify On, as of, status, declassifyOn, rule]
    ['01/08/2026', '2025-12-01', 'classified', '2026-01-08', 'eo13526-1.5'],
    ['01/08/2026', '2026-06-01', 'review', '2026-08-01', 'decl-date-ambiguous'],
    ['01/08/2026', '2026-09-01', 'declassified', '2026-01-08', '32cfr2001.12b'],
    // MM/DD is the later reading: it keeps the memo classified, so only the warning.
    ['08/01/2026', '2026-06-01', 'classified', '2026-08-01', 'eo13526-1.5'],
  ])('%s as of %s: %s until %s (%s), with a warning', (decl, asOf, status, declassifyOn, rule) => {
    const a = assessDocument(readDocument(memo(decl), { format: 'document' }).doc, asOf);
    expect({ status: a.status, declassifyOn: a.declassifyOn, rule: a.rule }).toEqual({ status, declassifyOn, rule });
    expect(a.diagnostics.map((d) => d.code)).toContain('decl-date-ambiguous');
  });

  it.each(['20260108', '05/05/2026', '01/13/2026', '8 January 2026'])('%s: no warning', (decl) => {
    const a = assessDocument(readDocument(memo(decl), { format: 'document' }).doc, '2026-06-01');
    expect(a.diagnostics.map((d) => d.code)).not.toContain('decl-date-ambiguous');
  });

  it("a cable's DECL line is read MM/DD as before, with no warning", () => {
    const a = assessDocument(readDocument(cable('01/08/2026')).doc, '2026-06-01');
    expect({ status: a.status, declassifyOn: a.declassifyOn }).toEqual({ status: 'declassified', declassifyOn: '2026-01-08' });
    expect(a.diagnostics.map((d) => d.code)).not.toContain('decl-date-ambiguous');
  });
});

describe('a public release as of a date between the two readings', () => {
  it('is pending declassification review, not released as declassified (text and PDF)', async () => {
    const profile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');
    const result = await releaseDocument({ doc: readDocument(memo('01/08/2026'), { format: 'document' }).doc, profile, asOf: '2026-06-01', stem: 'DOC', input: { path: 'DOC.txt', sha256: '0'.repeat(64) }, formats: ['text', 'pdf'] });
    expect(result.plan.disposition.kind).toBe('pending-review');
    const d = result.plan.decisions.find((x) => x.portionId === 'p1')!;
    expect(d.action).toBe('withhold');
    const { text, pdf } = await releasedTexts(result);
    expect(text).not.toContain('ZQd4');
    expect(pdf).not.toContain('ZQd4');
  });
});
