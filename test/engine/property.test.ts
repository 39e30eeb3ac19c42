import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { releaseDocument } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';

const PROFILES = ['public', 'nato', 'us-secret', 'public-pii'].map((p) =>
  loadProfile(readFileSync(new URL(`../../rules/${p}.yaml`, import.meta.url), 'utf8'), `rules/${p}.yaml`),
);

const BANNERS = ['C O N F I D E N T I A L', 'S E C R E T', 'UNCLAS', 'UNCLASSIFIED', 'SECRET//NOFORN', 'UNCLAS SENSITIVE', 'TOP SECRET//SI//NOFORN', ''];
const MARKS = ['(U)', '(C)', '(S)', '(TS)', '(SBU)', '(S/NF)', '(C//REL TO USA, NATO)', '(S//REL NATO)', '(U//FOUO)', '(C0)', '(S//N F)', '(U/ /NF)', '(Mideast)', '', '(c)', '(TS//SI//NF)', '(U) (SBU)'];
const DECLS = ['DECL: 02/13/2018', 'DECL: 1.6X1', 'N/A', 'DECL: OADR', 'DECL: TWENTY YEARS', '', 'DECL: 13/45/2010'];

/** Words made to be found: every paragraph's words are unique to it, so survival is unambiguous. */
const word = (para: number, k: number) => `zq${para}x${k}w`;

const cableArb = fc.record({
  banner: fc.constantFrom(...BANNERS),
  decl: fc.constantFrom(...DECLS),
  paras: fc.array(fc.record({ mark: fc.constantFrom(...MARKS), words: fc.integer({ min: 1, max: 30 }), pilcrow: fc.boolean(), breakAt: fc.integer({ min: 0, max: 40 }) }), { minLength: 1, maxLength: 8 }),
  asOf: fc.constantFrom('2005-01-01', '2010-12-01', '2026-11-26', '2040-01-01'),
  profile: fc.integer({ min: 0, max: PROFILES.length - 1 }),
});

type GeneratedCable = typeof cableArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: GeneratedCable): string {
  const lines = ['O 131627Z FEB 08', 'FM AMEMBASSY BERLIN', 'TO SECSTATE WASHDC', '', `${c.banner} BERLIN 000173`, '', `E.O. 12958: ${c.decl}`, 'TAGS: PREL', 'SUBJECT: TEST', '', 'Classified By: Officer. Reasons 1.4 (b) and (d).', ''];
  c.paras.forEach((p, i) => {
    const words = Array.from({ length: p.words }, (_, k) => word(i, k));
    // Wrap at 8 words, and put page furniture inside some paragraphs.
    const body: string[] = [];
    for (let k = 0; k < words.length; k += 8) body.push(words.slice(k, k + 8).join(' '));
    if (p.breakAt < body.length) body.splice(p.breakAt, 0, 'BERLIN 00000173  002 OF 002');
    lines.push(`${p.pilcrow ? '¶' : ''}${i + 1}. ${p.mark} ${body.join('\n')}`.replace(/ {2,}/g, ' '), '');
  });
  lines.push('TIMKEN');
  return lines.join('\n');
}

describe('release invariants over generated cables', () => {
  it('no withheld word survives; unknown marks are never released; output is deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(cableArb, async (c) => {
        const source = build(c);
        const doc = parseCable(source);
        const req = { doc, profile: PROFILES[c.profile]!, asOf: c.asOf, stem: 'gen', input: { path: 'gen.txt', sha256: '0'.repeat(64) }, formats: new Set(['text'] as const), pageSize: 'letter' as const };
        const result = await releaseDocument(req);
        for (const d of result.plan.decisions) {
          if (d.markingSource === 'unknown') expect(d.action).toBe('withhold');
          if (d.action !== 'withhold') continue;
          const p = doc.portions.find((x) => x.id === d.portionId)!;
          for (const s of p.segments) {
            for (const w of source.slice(s.start, s.end).match(/zq\d+x\d+w/g) ?? []) expect(result.releaseText).not.toContain(w);
          }
        }
        const again = await releaseDocument(req);
        expect(again.releaseText).toBe(result.releaseText);
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });

  it('parsing and releasing never throw on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), fc.integer({ min: 0, max: PROFILES.length - 1 }), async (text, i) => {
        const doc = parseCable(text);
        await releaseDocument({ doc, profile: PROFILES[i]!, asOf: '2010-12-01', stem: 'x', input: { path: 'x', sha256: '0'.repeat(64) }, formats: new Set(['text']), pageSize: 'letter' });
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
