/**
 * Property (d): releasing the same document twice gives byte-identical files (release text and
 * PDF, review PDF, diff, audit record), and so does parsing the same text twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { releaseDocument } from '../../src/release/index.js';
import { AS_OF, editedCableArb, PROFILES } from './generators.js';

describe('determinism', () => {
  it('the same input, profile and date give the same bytes in every output', async () => {
    await fc.assert(
      fc.asyncProperty(editedCableArb, fc.integer({ min: 0, max: PROFILES.length - 1 }), fc.constantFrom(...AS_OF), fc.constantFrom('letter' as const, 'a4' as const), async (cable, i, asOf, pageSize) => {
        const run = () =>
          releaseDocument({ doc: parseCable(cable.text), profile: PROFILES[i]!, asOf, stem: 'gen', input: { path: 'gen.txt', sha256: '0'.repeat(64) }, formats: new Set(['text', 'pdf', 'review', 'diff']), pageSize });
        const a = await run();
        const b = await run();
        expect(b.files.map((f) => f.path)).toEqual(a.files.map((f) => f.path));
        expect(a.files.map((f) => f.kind)).toEqual(['text', 'pdf', 'review', 'diff', 'audit']);
        a.files.forEach((f, k) => expect(Buffer.from(b.files[k]!.bytes).equals(Buffer.from(f.bytes)), f.path).toBe(true));
      }),
      { numRuns: 25, seed: 89 },
    );
  });
});
