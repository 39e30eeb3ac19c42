/** Lint checks that matter to an auditor: reasons, REL TO with NOFORN, EXDIS/NODIS without NOFORN, DECL beyond 25 years. */
import { describe, expect, it } from 'vitest';
import { lintDocument } from '../../src/lint/index.js';
import { parseCable } from '../../src/parse/index.js';
import { readDocument } from '../../src/parse/read.js';
import { cable } from '../parse/helpers.js';

const codes = (text: string, severity: 'error' | 'warning') =>
  lintDocument(parseCable(text), '2026-11-26')
    .filter((d) => d.severity === severity)
    .map((d) => d.code);
const by = (reasons: string) => `Classified By: POLITICAL MINISTER COUNSELOR JEFF RATHKE. REASONS: ${reasons}.`;
// header(): O 131627Z FEB 08, so the cable originated on 2008-02-13 (after the 2003 amendment).
const PRE_2003 = { banner: 'C O N F I D E N T I A L BERLIN 000173' };
const y2001 = (text: string) => text.replace('O 131627Z FEB 08', 'O 131627Z FEB 01').replace('DECL: 02/13/2018', 'DECL: 02/13/2011');

describe('lint: classification reasons', () => {
  it.each([
    ['1.4 (B) AND (D)', [], []],
    ['1.4 (A), (C), (E), (F), (G) AND (H)', [], []],
    ['1.4 (K)', ['reason-invalid', 'no-classification-reasons'], []],
    ['1.6 (B)', ['reason-invalid'], []],
    // Probe 15a: the second letter of a list was not checked.
    ['1.4 (Z) AND (Q)', ['reason-invalid', 'reason-invalid', 'no-classification-reasons'], []],
    ['1.5 (B) AND (D)', [], ['reason-section', 'reason-section']],
  ])('a 2008 cable citing %s → errors %j, warnings %j', (reasons, errors, warnings) => {
    const text = cable('¶1. (C) One.', { classifiedBy: by(reasons) });
    expect(codes(text, 'error').filter((c) => c.startsWith('reason') || c === 'no-classification-reasons').sort()).toEqual([...errors].sort());
    expect(codes(text, 'warning').filter((c) => c.startsWith('reason'))).toEqual(warnings);
  });

  it.each([
    ['1.5 (B) AND (D)', [], []],
    ['1.5 (H)', ['reason-invalid'], []],
    ['1.4 (D)', [], ['reason-section']],
  ])('a 2001 cable citing %s → errors %j, warnings %j', (reasons, errors, warnings) => {
    const text = y2001(cable('¶1. (C) One.', { ...PRE_2003, classifiedBy: by(reasons) }));
    expect(codes(text, 'error').filter((c) => c.startsWith('reason'))).toEqual(errors);
    expect(codes(text, 'warning').filter((c) => c.startsWith('reason'))).toEqual(warnings);
  });

  it('the message names the reason and what was expected', () => {
    const [d] = lintDocument(parseCable(cable('¶1. (C) One.', { classifiedBy: by('1.5 (D)') })), '2026-11-26').filter((x) => x.code === 'reason-section');
    expect(d!.message).toMatch(/1\.5\(D\).*expected 1\.4\(D\)/);
  });
});

describe('lint: the Reason of a memo (found by a probe: a memo had no reason check)', () => {
  const memo = (reason: string) => `SECRET//NOFORN\n\nDATE: 15 March 2011\n\n(S//NF) One.\n\nClassified By: J. Smith, Chief\nReason: ${reason}\nDeclassify On: 20360315\n\nSECRET//NOFORN\n`;
  const memoCodes = (reason: string) => lintDocument(readDocument(memo(reason)).doc, '2026-11-26').filter((d) => d.code.startsWith('reason')).map((d) => `${d.severity} ${d.code}`);

  it.each([
    ['1.4(c)', []],
    ['1.4(i)', ['error reason-invalid']],
    ['1.4', ['error reason-invalid']],
    ['1.5(c)', ['warning reason-section']],
  ])('a 2011 memo citing %s → %j', (reason, expected) => {
    expect(memoCodes(reason)).toEqual(expected);
  });
});

describe('lint: dissemination controls', () => {
  it.each([
    ['a portion with REL TO and NOFORN', cable('¶1. (S//NF//REL TO USA, GBR) One.', { banner: 'SECRET//NOFORN BERLIN 000173' }), 'error', 'rel-to-with-noforn'],
    ['a banner with REL TO and NOFORN', cable('¶1. (S//NF) One.', { banner: 'SECRET//REL TO USA, GBR//NOFORN BERLIN 000173' }), 'error', 'rel-to-with-noforn'],
    ['a portion with NODIS and no NOFORN', cable('¶1. (S//ND) One.', { banner: 'SECRET//NOFORN//NODIS BERLIN 000173' }), 'warning', 'dissem-without-noforn'],
    ['a banner with EXDIS and no NOFORN', cable('¶1. (S//NF//XD) One.', { banner: 'SECRET//EXDIS BERLIN 000173' }), 'warning', 'dissem-without-noforn'],
    ['a NODIS caveat line without NOFORN', cable('¶1. (S//NF//ND) One.', { banner: 'S E C R E T BERLIN 000173', caveats: ['NODIS'] }), 'warning', 'dissem-without-noforn'],
  ] as const)('%s → %s %s', (_, text, severity, code) => {
    expect(codes(text, severity)).toContain(code);
  });

  it.each([
    ['REL TO alone', cable('¶1. (S//REL TO USA, GBR) One.', { banner: 'SECRET//REL TO USA, GBR BERLIN 000173' })],
    ['NODIS with NOFORN', cable('¶1. (S//NF//ND) One.', { banner: 'SECRET//NOFORN//NODIS BERLIN 000173' })],
  ])('%s is fine', (_, text) => {
    const all = [...codes(text, 'error'), ...codes(text, 'warning')];
    expect(all).not.toContain('rel-to-with-noforn');
    expect(all).not.toContain('dissem-without-noforn');
  });
});

describe('lint: a DECL date more than 25 years after origination', () => {
  it.each([
    ['E.O. 12958: DECL: 02/13/2040', true],
    ['E.O. 12958: DECL: 02/13/2033', false],
    ['E.O. 12958: DECL: 25X1, 02/13/2040', false],
    ['E.O. 12958: DECL: 25X1-HUMAN', false],
  ])('%s → decl-over-25-years: %s', (eo, expected) => {
    expect(codes(cable('¶1. (C) One.', { eo }), 'warning').includes('decl-over-25-years')).toBe(expected);
  });
});
