/**
 * Inputs made to hurt the readers (the input limit is 10 MB): each of these threw or took minutes
 * before. Checked by what they produce, never by a timing: 150,000 `SECRET` lines under an
 * UNCLASSIFIED banner overflowed the stack (one diagnostic a line, pushed as spread arguments);
 * thousands of paragraphs numbered `2.` gave ids by trying `p2-2`, `p2-3`, … afresh for each
 * (quadratic: 500 KB took five minutes); a paragraph of `(S ` without a `)` looked for the `)`
 * afresh after each `(` (quadratic in both the raise and the unmarked-text check).
 */
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { parseMarkedDocument } from '../../src/parse/document/index.js';
import { MAX_SIGNS } from '../../src/parse/classified-signs.js';

const cable = (body: string) => `UNCLASSIFIED\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: STATUS\n\n1. (U) ok.\n\n${body}\n\nUNCLASSIFIED\n`;

describe('large and repetitive inputs', () => {
  it('150,000 SECRET lines under an UNCLASSIFIED banner: read, with at most MAX_SIGNS signs reported', () => {
    for (const read of [parseCable, parseMarkedDocument]) {
      const doc = read(cable('SECRET\n'.repeat(150_000)));
      expect(doc.classifiedSigns!.length).toBe(MAX_SIGNS);
      expect(doc.diagnostics.filter((d) => d.code === 'unclassified-banner-contradicted').length).toBe(MAX_SIGNS);
    }
  });

  it('5,000 paragraphs numbered 2.: ids p2, p2-2, … p2-5000, each once', () => {
    const doc = parseCable(cable('2. (S x\n\n'.repeat(5_000)));
    const ids = doc.portions.filter((p) => p.id === 'p2' || p.id.startsWith('p2-')).map((p) => p.id);
    expect(ids.length).toBe(5_000);
    expect(new Set(ids).size).toBe(5_000);
    expect(ids.at(-1)).toBe('p2-5000');
  });

  it('a paragraph of 300,000 "(S " and no ")": read as its own mark says ((U), or unmarked): an unclosed (S is no mark', () => {
    for (const lead of ['2. (U) x ', '2. x ']) {
      const doc = parseCable(cable(`${lead}${'(S '.repeat(300_000)}`));
      const p = doc.portions.find((q) => q.id === 'p2')!;
      expect(p.markingSource === 'marked' ? p.marking?.level : p.markingSource).toBe(lead.includes('(U)') ? 'U' : 'unmarked');
    }
  });
});
