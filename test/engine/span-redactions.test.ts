import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits, buildEdits } from '../../src/engine/edits.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { readDocument } from '../../src/parse/read.js';
import { renderReleaseText } from '../../src/render/text/index.js';
import { loadProfile } from '../../src/rules/load.js';

const pii = loadProfile(readFileSync(new URL('../../rules/public-pii.yaml', import.meta.url), 'utf8'), 'rules/public-pii.yaml');

function release(body: string): { text: string; redacted: string[]; portions: number } {
  const source = `UNCLASSIFIED\n\nSUBJECT: (U) Meeting\n\n${body}\n\nUNCLASSIFIED\n`;
  const { doc } = readDocument(source);
  const plan = evaluate(doc, pii, { asOf: '2010-12-01' });
  return {
    text: renderReleaseText(applyEdits(doc.source, buildEdits(plan))),
    redacted: plan.redactions.map((r) => doc.source.slice(r.span.start, r.span.end)),
    portions: doc.portions.length,
  };
}

describe('redact rules across the break between two released portions', () => {
  // The reader ends a paragraph at a short line, so each line below is a portion of its own; the
  // tester's F5c and F5i released `Burkhard` and `202-647-` that way.
  it.each([
    ['a name wrapped after its first word (F5c)', '(U) We met Burkhard\nDucoffre at the ministry on Tuesday.', ['Burkhard', 'Ducoffre'], /Burkhard|Ducoffre/],
    ['a number wrapped after its hyphen (as F5i reads)', '(U) We met on 202-647-\n4000 at the ministry on Tuesday.', ['202-647-', '4000'], /647|4000/],
  ])('%s is withheld in both portions', (_what, body, redacted, leak) => {
    const out = release(body);
    expect(out.portions).toBe(3);
    expect(out.redacted).toEqual(redacted);
    expect(out.text).not.toMatch(leak);
    expect(out.text).toContain('[REDACTED: B6] at the ministry');
  });

  it.each([
    ['a blank line between the words: only the listed surname', '(U) We met Burkhard\n\n(U) Ducoffre at the ministry.', ['Ducoffre']],
    ['a portion that ends in a number above one that opens with one', '(U) The count rose to 2008\n400 of them left on Tuesday.', []],
  ])('no over-reach: %s', (_what, body, redacted) => {
    expect(release(body).redacted).toEqual(redacted);
  });
});
