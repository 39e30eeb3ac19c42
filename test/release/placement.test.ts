/**
 * placementOf: the release-text line of each withholding, counted in one pass over the text
 * (probe 63a F8: counted from the start for each placeholder, a document of 10,000 withheld
 * portions took seconds). Lines must be those of the placeholders in order.
 */
import { describe, expect, it } from 'vitest';
import { placementOf } from '../../src/release/placement.js';
import type { Plan } from '../../src/types.js';

const span = (start: number) => ({ start, end: start + 1 });
const plan = (starts: readonly number[]) =>
  ({ decisions: starts.map((s, i) => ({ action: 'withhold', portionId: `p${i + 1}`, span: span(s) })), redactions: [] }) as unknown as Pick<Plan, 'decisions' | 'redactions'>;

describe('placementOf', () => {
  it.each([
    ['one per line', 'a\n[WITHHELD: B1]\nb\n[WITHHELD: B1]\n', [2, 4]],
    ['two on one line', '[WITHHELD: B1] x [REDACTED: B6]\n\n[WITHHELD: B1]', [1, 1, 3]],
    ['after blank lines', '\n\n\n\nx [WITHHELD: B1]', [5]],
  ])('gives each placeholder its line: %s', (_name, text, lines) => {
    const got = placementOf(plan(lines.map((_, i) => i * 10)), text, null, false);
    expect(got.regions.map((r) => r.line)).toEqual(lines);
  });

  it('puts every withholding of a document denied in full on the marker line', () => {
    const got = placementOf(plan([0, 5]), 'HEAD\nX\n[DENIED IN FULL: B1]\n', { pages: 1, regionPages: [] }, true);
    expect(got.regions.map((r) => [r.page, r.line])).toEqual([[1, 3], [1, 3]]);
  });

  it('counts the lines of many placeholders as it would one at a time', () => {
    const text = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `line ${i} [WITHHELD: B1]` : `line ${i}`)).join('\n');
    const got = placementOf(plan(Array.from({ length: 1000 }, (_, i) => i)), text, null, false);
    expect(got.regions.map((r) => r.line)).toEqual(Array.from({ length: 1000 }, (_, i) => 3 * i + 1));
  });
});
