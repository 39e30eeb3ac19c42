/**
 * Property (c): reading never throws. `decodeInput` decodes or refuses any bytes; `parseCable`
 * returns a Document for any string (keeping it verbatim, with the parser's coverage invariants);
 * and cable-shaped input, damaged byte by byte, goes through decode, parse and release without an
 * exception. (test/engine/property.test.ts covers short ASCII-ish strings through release.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, flipBytes, insertNul, invalidUtf8, mixLineEnds, nearMissMark, truncate } from '../../src/fuzz/mutators.js';
import { decodeInput } from '../../src/parse/decode.js';
import { parseCable } from '../../src/parse/index.js';
import { releaseDocument } from '../../src/release/index.js';
import { invariantProblems } from '../parse/helpers.js';
import { AS_OF, editedCableArb, encodeFile, lineEndArb, PROFILES } from './generators.js';

function parsesCleanly(text: string): void {
  const doc = parseCable(text);
  expect(doc.source).toBe(text);
  expect(invariantProblems(doc)).toEqual([]);
}

describe('parseCable never throws', () => {
  it.each([
    ['UTF-16 code units (lone surrogates included)', fc.string({ unit: 'binary', maxLength: 600 })],
    ['full Unicode code points', fc.string({ unit: 'grapheme', maxLength: 300 })],
    ['ASCII with many line breaks', fc.string({ unit: fc.constantFrom('a', ' ', '\n', '(', ')', 'C', 'S', '/', '.', '1', '¶', '\t', '-', ':'), maxLength: 600 })],
  ])('on %s', (_name, arb) => {
    fc.assert(fc.property(arb, parsesCleanly), { numRuns: 400, seed: 84 });
  });

  it('on generated cables with edits, and with arbitrary text spliced in', () => {
    fc.assert(
      fc.property(editedCableArb, fc.string({ unit: 'binary', maxLength: 80 }), fc.nat(), (cable, junk, at) => {
        const i = at % (cable.text.length + 1);
        parsesCleanly(cable.text);
        parsesCleanly(cable.text.slice(0, i) + junk + cable.text.slice(i));
      }),
      { numRuns: 300, seed: 85 },
    );
  });
});

describe('decodeInput never throws', () => {
  it('on arbitrary bytes: it decodes to LF-only text or refuses with a one-line message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const r = decodeInput(bytes);
        if (r.ok) {
          expect(r.text).not.toMatch(/[\r\u0000]/);
          expect(r.text.trim()).not.toBe('');
          parseCable(r.text);
        } else {
          expect(r.message).toMatch(/^[^\n]+$/);
        }
      }),
      { numRuns: 1000, seed: 86 },
    );
  });

  it('refuses exactly the inputs with a NUL byte, or nothing but white space', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = decodeInput(bytes);
        const hasNul = bytes.includes(0);
        if (hasNul) expect(r.ok).toBe(false);
        if (!hasNul && new TextDecoder('latin1').decode(bytes).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trim() !== '') expect(r.ok).toBe(true);
      }),
      { numRuns: 500, seed: 87 },
    );
  });
});

describe('damaged cables go through decode, parse and release without an exception', () => {
  const damage = [flipBytes, truncate, invalidUtf8, mixLineEnds, nearMissMark, insertNul];
  it('for every profile', async () => {
    await fc.assert(
      fc.asyncProperty(
        editedCableArb,
        lineEndArb,
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: damage.length - 1 }), { maxLength: 3 }),
        fc.integer(),
        fc.constantFrom(...AS_OF),
        async (cable, lineEnd, bom, which, seed, asOf) => {
          const rng = createRng(seed);
          let bytes = encodeFile(cable.text, lineEnd, bom);
          for (const k of which) bytes = damage[k]!(bytes, rng);
          const decoded = decodeInput(bytes);
          if (!decoded.ok) return;
          const doc = parseCable(decoded.text);
          for (const profile of PROFILES) {
            await releaseDocument({ doc, profile, asOf, stem: 'gen', input: { path: 'gen.txt', sha256: '0'.repeat(64) }, formats: new Set(['text', 'diff']), pageSize: 'a4' });
          }
        },
      ),
      { numRuns: 120, seed: 88 },
    );
  });
});
