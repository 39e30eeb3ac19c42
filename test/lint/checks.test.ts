/**
 * Every lint check, run on its own: a failing and a passing case each (markdownlint's fixtures,
 * ESLint's RuleTester), and a test that no check is missing a case, its README entry or a code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINT_CHECKS, lintContext } from '../../src/lint/index.js';
import { parseCable } from '../../src/parse/index.js';
import { cable } from '../parse/helpers.js';

const AS_OF = '2026-11-26';
const by = (reasons: string) => `Classified By: POLITICAL MINISTER COUNSELOR JEFF RATHKE. REASONS: ${reasons}.`;
const unclassified = { banner: 'UNCLAS BERLIN 000173', eo: 'E.O. 12958: N/A', classifiedBy: '' };

type Case = [check: string, description: string, text: string, codes: string[]];

const cases: Case[] = [
  ['parser-diagnostics', 'an unknown mark and an unmarked paragraph', cable('¶1. (C0) One.\n\n¶2. Two.'), ['unknown-marking', 'unmarked-portion', 'unmarked-subject']],
  ['parser-diagnostics', 'a clean cable with a marked subject', cable('¶1. (C) One.', { subject: 'SUBJECT: (U) A SUBJECT' }), []],
  ['banner-roll-up', 'a SECRET portion under a CONFIDENTIAL banner', cable('¶1. (S) One.'), ['banner-below-portions']],
  ['banner-roll-up', 'a NOFORN portion under a banner without it', cable('¶1. (S//NF) One.', { banner: 'S E C R E T BERLIN 000173' }), ['banner-missing-controls']],
  ['banner-roll-up', 'the banner carries what the portions require', cable('¶1. (S//NF) One.', { banner: 'S E C R E T BERLIN 000173', caveats: ['NOFORN'] }), []],
  ['declassification', 'a classified cable without an E.O. line', cable('¶1. (C) One.', { eo: '' }), ['decl-invalid']],
  ['declassification', 'a DECL date more than 25 years after origination', cable('¶1. (C) One.', { eo: 'E.O. 12958: DECL: 02/13/2040' }), ['decl-over-25-years']],
  ['declassification', 'a DECL date ten years after origination', cable('¶1. (C) One.'), []],
  ['classification-reasons', 'a classified cable without Classified By', cable('¶1. (C) One.', { classifiedBy: '' }), ['no-classification-reasons']],
  ['classification-reasons', 'an unclassified cable needs none', cable('¶1. Plain.', unclassified), []],
  ['reason-category', '1.4 (K) is no category', cable('¶1. (C) One.', { classifiedBy: by('1.4 (K)') }), ['reason-invalid']],
  ['reason-category', '1.5 (D) in a 2008 cable', cable('¶1. (C) One.', { classifiedBy: by('1.5 (D)') }), ['reason-section']],
  ['reason-category', '1.4 (B) AND (D) in a 2008 cable', cable('¶1. (C) One.', { classifiedBy: by('1.4 (B) AND (D)') }), []],
  ['marking-conflicts', 'REL TO with NOFORN on a portion', cable('¶1. (S//NF//REL TO USA, GBR) One.', { banner: 'SECRET//NOFORN BERLIN 000173' }), ['rel-to-with-noforn']],
  ['marking-conflicts', 'NODIS without NOFORN on a portion', cable('¶1. (S//ND) One.', { banner: 'SECRET//NOFORN//NODIS BERLIN 000173' }), ['dissem-without-noforn']],
  ['marking-conflicts', 'NOFORN alone', cable('¶1. (S//NF) One.', { banner: 'SECRET//NOFORN BERLIN 000173' }), []],
];

describe('lint checks', () => {
  it.each(cases)('%s: %s', (id, _description, text, expected) => {
    const check = LINT_CHECKS.find((c) => c.id === id);
    expect(check, id).toBeDefined();
    const found = check!.check(lintContext(parseCable(text), AS_OF));
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
});
