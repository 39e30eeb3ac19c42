/**
 * A declassification instruction written inside a portion (`1. (S) … (Declassify on 20400101)`
 * under a block's `Declassify On: 20200101`) was ignored, and the portion released as
 * declassified (probe 60a F8). It now counts as one of the document's instructions: the most
 * protective applies, with `decl-conflict` and `decl-in-portion` warnings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessDocument } from '../../src/declass/assess.js';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { releasedTexts } from '../helpers/released-texts.js';

const memo = (p1: string) => `SECRET\n\nSUBJECT: (U) x UQa\n\n1. (S) ZQp1 text. ${p1}\n\n2. (C) ZQp2 text.\n\nClassified By: X\nReason: 1.4(c)\nDeclassify On: 20200101\n\nSECRET\n`;

describe('an instruction inside a portion', () => {
  it.each([
    // [text after the portion's words, status as of 2026-12-01, declassifyOn, diagnostics]
    ['(Declassify on 20400101)', 'classified', '2040-01-01', ['decl-conflict', 'decl-in-portion']],
    ['(Declassify On: 25X1, 20451231)', 'classified', '2045-12-31', ['decl-conflict', 'decl-in-portion']],
    ['[DECLASSIFY ON 20400101]', 'classified', '2040-01-01', ['decl-conflict', 'decl-in-portion']],
    // The same date as the block's: one instruction, said once.
    ['(Declassify on 20200101)', 'declassified', '2020-01-01', ['decl-in-portion']],
    // An earlier date: the block's later date still applies.
    ['(Declassify on 20100101)', 'declassified', '2020-01-01', ['decl-conflict', 'decl-in-portion']],
    // Not an instruction: warned of, not applied.
    ['(Declassify on the usual schedule, he said)', 'declassified', '2020-01-01', ['decl-in-portion']],
    // No instruction in the portion.
    ['(The officer said so.)', 'declassified', '2020-01-01', []],
  ])('%s → %s until %s', (p1, status, declassifyOn, codes) => {
    const a = assessDocument(readDocument(memo(p1), { format: 'document' }).doc, '2026-12-01');
    expect({ status: a.status, declassifyOn: a.declassifyOn }).toEqual({ status, declassifyOn });
    expect(a.diagnostics.map((d) => d.code).sort()).toEqual(codes);
  });

  it('a public release withholds the portion (and the document, most protective), text and PDF', async () => {
    const profile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');
    const result = await releaseDocument({ doc: readDocument(memo('(Declassify on 20400101)'), { format: 'document' }).doc, profile, asOf: '2026-12-01', stem: 'DOC', input: { path: 'DOC.txt', sha256: '0'.repeat(64) }, formats: ['text', 'pdf'] });
    expect(result.plan.decisions.find((d) => d.portionId === 'p1')).toMatchObject({ action: 'withhold', declassified: false });
    const { text, pdf } = await releasedTexts(result);
    expect(text).not.toContain('ZQp1');
    expect(pdf).not.toContain('ZQp1');
  });

  // A date before origination cannot be applied as written: it holds the document for review, and
  // the warning does not call it the most protective nor say it is applied (probe 61 item 3).
  const dated = (p1: string, block: string) => `SECRET\n\nMEMORANDUM FOR THE RECORD\nDATE: 15 March 2012\n\nSUBJECT: (U) x UQa\n\n1. (S) ZQp1 text. ${p1}\n\n2. (C) ZQp2 text.\n\nClassified By: X\nReason: 1.4(c)\nDeclassify On: ${block}\n\nSECRET\n`;
  it.each([
    // [portion's note, block's Declassify On, status, what the decl-conflict warning says of the choice]
    ['(Declassify on 20100101)', '25X1', 'review', /"Declassify on 20100101" \(inside portion p1, line 8\) cannot be applied as written \(review\), so a reviewer decides/],
    ['(Declassify on 20400101)', '20300101', 'classified', /the most protective, "Declassify on 20400101" \(inside portion p1, line 8\), is applied \(classified\)/],
    ['(Declassify on 20300101)', '20400101', 'classified', /the most protective, "Declassify On: 20400101" \(a Declassify On line, line 14\), is applied \(classified\)/],
  ])('%s beside Declassify On: %s → %s', (p1, block, status, said) => {
    const a = assessDocument(readDocument(dated(p1, block), { format: 'document' }).doc, '2026-12-01');
    expect(a.status).toBe(status);
    const conflict = a.diagnostics.find((d) => d.code === 'decl-conflict')!.message;
    expect(conflict).toMatch(said);
    if (status === 'review') expect(conflict).not.toMatch(/most protective|, is applied/);
  });
});

