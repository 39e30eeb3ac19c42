/**
 * A lettered REF item with its mark (`REF: A. (C) STATE 13607`) ends at the blank line (probe 8,
 * F7): cut at its mark, it opened a (C) portion that ended the header and ran on over the blank
 * line and the `Classified By:` line, so B1 was cited with no 1.4 reasons and lint reported a
 * false missing-reasons error. Checked in the parse and word by word in the release under public.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { cable } from './helpers.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

function release(text: string): string {
  return planRelease(parseCable(text), PUBLIC, { asOf: '2010-12-01', stem: 'TEST' }).releaseText;
}

describe('a lettered REF item with its mark ends at the blank line', () => {
  const reasons = (text: string) => parseCable(text).classifiedBy?.reasons ?? [];

  it.each([
    ['one item', 'REF: A. (C) STATE 13607', []],
    ['items with text', 'REF: A. (C) STATE 13607 HIDEA ON GERMAN DEFECTION\n     B. (S) BERLIN 123 HIDEB SOURCE NAMED', ['HIDEA', 'HIDEB']],
  ])('%s: Classified By is read, B1 cites its reasons', (_, ref, hidden) => {
    const text = cable('1. (U) Public text.', { ref });
    expect(reasons(text)).toEqual(['1.4(b)', '1.4(d)']);
    const out = release(text);
    expect(out).toContain('Classified By: POLITICAL MINISTER COUNSELOR');
    expect(out).toContain('Public text.');
    for (const w of hidden) expect(out).not.toContain(w);
    if (hidden.length > 0) expect(out).toContain('B1, 1.4(B), 1.4(D)');
  });

  it('a REF list whose item (C) reads as a mark (09BUENOSAIRES561): the Classified By line after it is read', () => {
    const ref = 'REF: (A) Buenos Aires 360\n(B) Buenos Aires 515 and previous\n(C) Buenos Aires 347';
    expect(reasons(cable('1. (C) Secret text.', { ref, classifiedBy: 'Classified by Ambassador Wayne for reasons 1.4 (b) & (d).' }))).toEqual(['1.4(b)', '1.4(d)']);
  });

  it('the REF line is read whole as the REF field', () => {
    const doc = parseCable(cable('1. (U) Public text.', { ref: 'REF: A. (C) STATE 13607' }));
    expect(doc.refs.map((r) => r.raw)).toEqual(['REF: A. (C) STATE 13607']);
  });
});
