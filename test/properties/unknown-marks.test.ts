/**
 * Property (b): a paragraph whose mark is not understood (`(C0)`, `(S//N F)`, `(U/ /NF)` …) is
 * never released, whatever the banner, the profile or the date: not a word of it reaches the
 * release text, and its decision is the engine's own fail-closed rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarking } from '../../src/markings/index.js';
import { parseCable } from '../../src/parse/index.js';
import { releaseDocument } from '../../src/release/index.js';
import { AS_OF, cableSpecArb, PROFILES, tokensIn, UNKNOWN_MARKS, writeCable } from './generators.js';

const release = (text: string, profile: (typeof PROFILES)[number], asOf: string) =>
  releaseDocument({ doc: parseCable(text), profile, asOf, stem: 'gen', input: { path: 'gen.txt', sha256: '0'.repeat(64) }, formats: new Set(['text']), pageSize: 'letter' });

describe('unknown and malformed marks fail closed', () => {
  it.each(UNKNOWN_MARKS)('%s is a mark the grammar refuses (so the tests below test fail-closed, not a typo)', (mark) => {
    expect(parseMarking(mark, 'portion').ok).toBe(false);
  });

  it.each(PROFILES.map((p) => [p.id, p] as const))('banner UNCLASSIFIED, a (C0) paragraph: withheld by %s', async (_id, profile) => {
    const { text } = writeCable({
      banner: 'UNCLASSIFIED',
      decl: 'N/A',
      paragraphs: [
        { mark: '(U)', unknown: false, words: 9, pilcrow: true, breakAt: 0, junkAfter: null },
        { mark: '(C0)', unknown: true, words: 9, pilcrow: true, breakAt: 0, junkAfter: null },
      ],
    });
    const { plan, releaseText } = await release(text, profile, '2026-11-26');
    expect(plan.decisions.find((d) => d.portionId === 'p2')).toMatchObject({ action: 'withhold', markingSource: 'unknown', ruleId: `${profile.id}/unknown-marking` });
    expect(releaseText).not.toMatch(/zq1x\d+w/);
    expect(releaseText).toMatch(/zq0x\d+w/); // the (U) paragraph is released: the check is not vacuous
  });

  it.each(['(X//Q)', '(FOO//BAR)', '(SI/TK)', '(SAR-BP)', '(CUI//123)'])('banner UNCLASSIFIED, only a %s paragraph besides (U): withheld as an unknown mark, not released as unmarked', async (mark) => {
    const { text } = writeCable({
      banner: 'UNCLASSIFIED',
      decl: 'N/A',
      paragraphs: [
        { mark: '(U)', unknown: false, words: 9, pilcrow: true, breakAt: 0, junkAfter: null },
        { mark, unknown: true, words: 9, pilcrow: true, breakAt: 0, junkAfter: null },
      ],
    });
    const { plan, releaseText } = await release(text, PROFILES[0]!, '2026-11-26');
    expect(plan.decisions.find((d) => d.portionId === 'p2')).toMatchObject({ action: 'withhold', markingSource: 'unknown' });
    expect(releaseText).not.toMatch(/zq1x\d+w/);
    expect(releaseText).toMatch(/zq0x\d+w/);
  });

  it('over generated cables: every token of a paragraph with an unknown mark is absent from the release', async () => {
    await fc.assert(
      fc.asyncProperty(cableSpecArb, fc.integer({ min: 0, max: PROFILES.length - 1 }), fc.constantFrom(...AS_OF), async (spec, i, asOf) => {
        const cable = writeCable(spec);
        const profile = PROFILES[i]!;
        const { plan, releaseText } = await release(cable.text, profile, asOf);
        const released = tokensIn(releaseText);
        cable.paragraphs.forEach((p) => {
          if (!p.unknown) return;
          expect(p.tokens.filter((t) => released.has(t))).toEqual([]);
        });
        for (const d of plan.decisions) if (d.markingSource === 'unknown') expect(d).toMatchObject({ action: 'withhold', ruleId: `${profile.id}/unknown-marking` });
      }),
      { numRuns: 250, seed: 83 },
    );
  });
});
