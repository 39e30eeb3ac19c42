/**
 * A paragraph cut by a page break goes on at the next page's top in lower case. That text went on
 * with whatever portion came last before it: a `(U)` footnote or photo caption after the cut
 * paragraph, a `(U)` running header or repeated table head on the next page, and was released as
 * its (U) while the cut paragraph was SECRET (found by a probe, in text and in LibreOffice and
 * Chromium PDFs). Now it goes on only with the cut paragraph itself; when something came between,
 * it is text of its own (unmarked: withheld in a classified document, fail closed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/parse/read.js';
import { planRelease } from '../../../src/release/index.js';
import { loadProfile } from '../../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');
const AUTHORITY = 'Classified By: John A. Smith, Director\nDerived From: DIA SCG 1-14\nDeclassify On: 20440314\n';
const CUT = '2. (S//NF) The flotilla departed the northern anchorage on 9 March under the command of a\nsenior officer and is expected to reach the rendezvous area near the archipelago before the end\n';
const memo = (pageOneTail: string, pageTwoHead: string) =>
  `SECRET//NOFORN\nSUBJECT: (U) Northern Maritime Activity\n1. (U) This memorandum responds to your request for a status report.\n${CUT}${pageOneTail}SECRET//NOFORN\n\fSECRET//NOFORN\n${pageTwoHead}of the month and ZULUCARRY was ordered to avoid allied patrols.\n3. (U) Point of contact is the Maritime Analysis Division.\n${AUTHORITY}SECRET//NOFORN\n`;

const portionOf = (text: string, word: string) => {
  const doc = readDocument(text, { format: 'document' }).doc;
  const at = text.indexOf(word);
  return { doc, portion: doc.portions.find((p) => p.span.start <= at && at < p.span.end)! };
};

describe('text that goes on at a page top', () => {
  it.each([
    ['a (U) footnote after the cut paragraph', '1 (U) Open-source reporting is summarised in the annex.\n', ''],
    ['a (U) photo caption that ends a sentence after it', '(U) Photo: the northern anchorage at dawn.\n', ''],
    ['a (U) running header on the next page', '', '(U) Northern Maritime Activity, continued\n'],
    ['a (U) table head repeated on the next page', '', '(U) Vessel Port Commander\n'],
  ])('after %s: text of its own, withheld', (_what, tail, head) => {
    const text = memo(tail, head);
    const { portion } = portionOf(text, 'ZULUCARRY');
    expect(portion.markingSource).toBe('unmarked');
    expect(planRelease(readDocument(text, { format: 'document' }).doc, PUBLIC, { asOf: '2026-12-01', stem: 'M' }).releaseText).not.toContain('ZULUCARRY');
  });

  it('with nothing between: it goes on with the cut paragraph', () => {
    const { portion } = portionOf(memo('', ''), 'ZULUCARRY');
    expect(portion.marking?.level).toBe('S');
    expect(portion.id).toBe('p2');
  });

  it('a marked paragraph at the page top settles it: lower-case text further down goes on with that paragraph', () => {
    const text = memo('', '(U//FOUO) The escort ships turned back at the strait, as they had done in the past, and\n').replace('of the month and ZULUCARRY', 'returned to port on 12 March while ZULUCARRY');
    expect(portionOf(text, 'ZULUCARRY').portion.mark?.raw).toBe('(U//FOUO)');
  });
});
