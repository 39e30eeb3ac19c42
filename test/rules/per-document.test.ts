import { describe, expect, it } from 'vitest';
import { perDocument } from '../../src/rules/conditions/per-document.js';
import type { Document } from '../../src/types.js';

describe('perDocument', () => {
  it('computes a fact once per document, null included, and apart for each document', () => {
    const calls: string[] = [];
    const fact = perDocument((doc) => {
      calls.push(doc.source);
      return doc.source === 'b' ? null : doc.source.toUpperCase();
    });
    const a = { source: 'a' } as unknown as Document;
    const b = { source: 'b' } as unknown as Document;
    expect([fact(a), fact(a), fact(b), fact(b)]).toEqual(['A', 'A', null, null]);
    expect(calls).toEqual(['a', 'b']);
  });
});
