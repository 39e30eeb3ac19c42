/**
 * Property (a): for every bundled profile and several as-of dates, no withheld text survives in
 * the release text or in the release PDF read back with pdf.js, over generated cables with random
 * markings, junk lines and edits. The check is by unique tokens (see generators.ts), independent
 * of the library's shingle self-check; a token also shown by a released portion (a duplicated
 * line) is allowed, as in the release's own definition of what it is meant to show.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/parse/decode.js';
import { parseCable } from '../../src/parse/index.js';
import { releaseDocument, visibleText, withheldTexts } from '../../src/release/index.js';
import { findLeaks } from '../helpers/leak.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { AS_OF, editedCableArb, encodeFile, lineEndArb, PROFILES, tokensIn } from './generators.js';

/** Tokens of withheld text that appear in `output` but not in the text the release is meant to show. */
function leakedTokens(withheld: readonly string[], visible: string, output: string): string[] {
  const shown = tokensIn(visible);
  const out = tokensIn(output);
  return [...tokensIn(withheld.join('\n'))].filter((t) => out.has(t) && !shown.has(t));
}

describe.each(PROFILES.map((p) => [p.id, p] as const))('profile %s', (_id, profile) => {
  it('no withheld token in the release text (any date, any edits, any line ends)', async () => {
    let mixed = 0; // runs that both withheld and released generated text: the property is not vacuous
    await fc.assert(
      fc.asyncProperty(editedCableArb, fc.constantFrom(...AS_OF), lineEndArb, fc.boolean(), async (cable, asOf, lineEnd, bom) => {
        const decoded = decodeInput(encodeFile(cable.text, lineEnd, bom));
        if (!decoded.ok) return; // only white space left after edits: refused, nothing to release
        const doc = parseCable(decoded.text);
        const { plan, releaseText } = await releaseDocument({ doc, profile, asOf, stem: 'gen', input: { path: 'gen.txt', sha256: '0'.repeat(64) }, formats: new Set(['text']), pageSize: 'letter' });
        expect(leakedTokens(withheldTexts(plan), visibleText(plan), releaseText)).toEqual([]);
        if (tokensIn(withheldTexts(plan).join('\n')).size > 0 && tokensIn(releaseText).size > 0) mixed++;
        // Every portion's decision is recorded with a rule and, when withheld, an authority.
        expect(plan.decisions.map((d) => d.portionId)).toEqual(doc.portions.map((p) => p.id));
        for (const d of plan.decisions) {
          expect(d.ruleId).toMatch(/^(override|[a-z0-9-]+\/[a-z0-9-]+)$/);
          if (d.action === 'withhold') expect(d.authority.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60, seed: 81 },
    );
    expect(mixed).toBeGreaterThan(5);
  });

  it('no withheld token in the release PDF read back by pdf.js', async () => {
    await fc.assert(
      fc.asyncProperty(editedCableArb, fc.constantFrom(...AS_OF), async (cable, asOf) => {
        const doc = parseCable(cable.text);
        const result = await releaseDocument({ doc, profile, asOf, stem: 'gen', input: { path: 'gen.txt', sha256: '0'.repeat(64) }, formats: new Set(['pdf']), pageSize: 'letter' });
        const pdf = result.files.find((f) => f.kind === 'pdf')!;
        const read = await extractPdfText(pdf.bytes);
        const all = `${read.text}\n${JSON.stringify(read.info)}\n${read.metadata ?? ''}`;
        const withheld = withheldTexts(result.plan);
        const visible = visibleText(result.plan);
        expect(leakedTokens(withheld, visible, all)).toEqual([]);
        // And by 5-word shingles (the test helper, independent of src/audit), when none is shown anyway.
        const shown = new Set(findLeaks(withheld, visible));
        expect(findLeaks(withheld, all).filter((s) => !shown.has(s))).toEqual([]);
      }),
      { numRuns: 7, seed: 82 },
    );
  });
});
