/**
 * An unclassified portion with a dissemination control (`(U//NF)`, `(U//EXDIS)`, `(U//LIMDIS)`,
 * `(U//ORCON)`) is held for a reviewer, as before, but by a named rule whose reason names the
 * control, not by the default deny's "no rule releases it" (probe 64c F2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { readDocument } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);
const memo = (mark: string) =>
  `SECRET//NOFORN\n\nMEMORANDUM FOR THE RECORD\n\nDate: March 1, 2006\nSubject: (U) Test UQsubj\n\n(S//NF) Secret ZQsec.\n\n(${mark}) Controlled ZQctl.\n\nClassified By: Jane Roe, Director\nReason: 1.4(c)\nDeclassify On: 20160101\n\nSECRET//NOFORN\n`;

describe('unclassified text with a dissemination control (probe 64c F2)', () => {
  it.each([
    ['U//NF', 'unclassified-noforn-pending-review', /NOFORN/],
    ['U//NOFORN', 'unclassified-noforn-pending-review', /NOFORN/],
    ['U//EXDIS', 'unclassified-limited-distribution-pending-review', /EXDIS, NODIS or LIMDIS/],
    ['U//LIMDIS', 'unclassified-limited-distribution-pending-review', /EXDIS, NODIS or LIMDIS/],
    ['U//NODIS', 'unclassified-limited-distribution-pending-review', /EXDIS, NODIS or LIMDIS/],
    ['U//ORCON', 'unclassified-originator-controlled-pending-review', /ORCON/],
  ])('(%s) → %s', (mark, rule, named) => {
    for (const id of ['public', 'public-pii', 'foia-intel']) {
      const plan = evaluate(readDocument(memo(mark), { format: 'document' }).doc, profile(id), { asOf: '2026-12-01' });
      const d = plan.decisions.find((x) => x.mark === `(${mark})`)!;
      expect(d, id).toBeDefined();
      expect({ action: d.action, ruleId: d.ruleId, authority: d.authority }).toEqual({ action: 'withhold', ruleId: `${id}/${rule}`, authority: ['PENDING REVIEW'] });
      expect(d.reason).toMatch(named);
      expect(d.reason).not.toMatch(/default deny/);
      expect(plan.disposition.kind).toBe('pending-review');
    }
  });
});
