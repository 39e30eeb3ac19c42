/**
 * A document's classification is that of all its banners, not the first one's alone. A memo
 * bannered `NATO SECRET` on top with a later page (or its bottom banner) `TOP SECRET//NOFORN` or
 * `SECRET//NOFORN` was NATO's own document by its first banner: under `nato`, its unmarked text,
 * the US-only page's too, was released to a NATO audience. The document's marking now rolls up the
 * higher level and the further controls of its other banners; a banner that says no more (the
 * same, or lower) changes nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/engine/evaluate.js';
import { readDocument } from '../../../src/parse/read.js';
import { loadProfile } from '../../../src/rules/load.js';

const profile = (name: string) => loadProfile(readFileSync(new URL(`../../../rules/${name}.yaml`, import.meta.url), 'utf8'), `rules/${name}.yaml`);
const NATO = profile('nato');
const US_SECRET = profile('us-secret');

function decisionAt(text: string, word: string, p = NATO): string {
  const at = text.indexOf(word);
  const plan = evaluate(readDocument(text, { format: 'document' }).doc, p, { asOf: '2010-12-01', overrides: null, fallbackRef: 'X' });
  const d = plan.decisions.find((x) => x.span.start <= at && at < x.span.end)!;
  return `${d.action} ${d.ruleId}`;
}

const FIRST = 'NATO SECRET\n\nSUBJECT: Plan\n\nThe raid on ALPHAWORD compound will begin at dawn.\n\n';

describe('the document marking rolls up every banner', () => {
  it.each([
    ['a later page bannered TOP SECRET//NOFORN', `${FIRST}NATO SECRET\n\fTOP SECRET//NOFORN\n\nThe second part BRAVOWORD is US only.\n\nTOP SECRET//NOFORN\n`],
    ['a later page bannered SECRET//NOFORN', `${FIRST}NATO SECRET\n\fSECRET//NOFORN\n\nThe second part BRAVOWORD is US only.\n\nSECRET//NOFORN\n`],
    ['a bottom banner SECRET//NOFORN', `NATO SECRET\n\nSUBJECT: Plan\n\nThe raid on BRAVOWORD compound will begin at dawn.\n\nSECRET//NOFORN\n`],
  ])('nato: unmarked text under NATO SECRET with %s is withheld', (_what, text) => {
    expect(readDocument(text, { format: 'document' }).doc.banner?.marking?.controls).toContain('NOFORN');
    expect(decisionAt(text, 'BRAVOWORD')).toMatch(/^withhold /);
  });

  it('nato: a NATO SECRET document whose banners all say NATO SECRET keeps its unmarked text released', () => {
    const text = `${FIRST}NATO SECRET\n\fNATO SECRET\n\nThe second part BRAVOWORD is NATO's.\n\nNATO SECRET\n`;
    expect(decisionAt(text, 'BRAVOWORD')).toBe('release nato/unmarked-in-nato-document');
  });

  it('us-secret: a SECRET memo with a TOP SECRET page is TOP SECRET', () => {
    const text = 'SECRET\n\nSUBJECT: Plan\n\n(S) The raid will begin at dawn.\n\nSECRET\n\fTOP SECRET\n\n(TS) The source CHARLIEWORD is inside.\n\nTOP SECRET\n';
    expect(readDocument(text, { format: 'document' }).doc.banner?.marking?.level).toBe('TS');
    expect(decisionAt(text, 'CHARLIEWORD', US_SECRET)).toMatch(/^withhold /);
  });
});

describe('REL TO: the countries every banner names', () => {
  // A bare `(S//REL)` took the first banner's list: with `REL TO USA, FVEY` on top and `REL TO USA,
  // GBR` at the bottom (or on a later page) it went to all of FVEY, and the banners were rewritten.
  const FVEY = profile('fvey');
  it.each([
    ['a bottom banner', 'SECRET//REL TO USA, FVEY\n\n(U) Opening.\n\n(S//REL) The DELTAWORD item is for London only.\n\nSECRET//REL TO USA, GBR\n'],
    ['a later page', 'SECRET//REL TO USA, FVEY\n\n(U) Opening.\n\nSECRET//REL TO USA, FVEY\n\fSECRET//REL TO USA, GBR\n\n(S//REL) The DELTAWORD item is for London only.\n\nSECRET//REL TO USA, GBR\n'],
  ])('fvey: a bare REL under FVEY on top and GBR on %s is REL TO USA, GBR, withheld', (_what, text) => {
    const doc = readDocument(text, { format: 'document' }).doc;
    expect(doc.banner?.marking?.relTo).toEqual(['USA', 'GBR']);
    expect(doc.portions.find((p) => text.slice(p.span.start, p.span.end).includes('DELTAWORD'))?.marking?.relTo).toEqual(['USA', 'GBR']);
    expect(decisionAt(text, 'DELTAWORD', FVEY)).toMatch(/^withhold /);
  });

  it('fvey: banners that all say REL TO USA, FVEY keep a bare REL released to FVEY', () => {
    const text = 'SECRET//REL TO USA, FVEY\n\n(U) Opening.\n\n(S//REL) The DELTAWORD item is for the partners.\n\nSECRET//REL TO USA, FVEY\n';
    expect(decisionAt(text, 'DELTAWORD', FVEY)).toMatch(/^release /);
  });
});
