/**
 * An UNCLASSIFIED banner contradicted: a SECRET banner at the bottom or on another page, a
 * Classified By line or authority block, a DECL instruction. Each released the document's
 * unmarked text as unclassified (checked through the library before the change); now the document
 * may be classified, its unmarked text is withheld pending review (never B1: its level is not
 * known), and each sign is reported. An UNCLASSIFIED cover memo's (U) paragraph no longer runs on
 * into its SECRET attachment across the page break.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { parseMarkedDocument } from '../../src/parse/document/index.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import type { Document } from '../../src/types.js';

const publicProfile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

function decided(doc: Document, word: string) {
  const plan = planRelease(doc, publicProfile, { asOf: '2026-12-03', stem: 'TEST' });
  const portion = doc.portions.find((p) => doc.source.slice(p.span.start, p.span.end).includes(word))!;
  return { plan, portion, decision: plan.plan.decisions.find((d) => d.portionId === portion.id)! };
}

/** zulu1 is unmarked text: withheld pending review, never B1; the (U) paragraph released; the sign reported. */
function expectPendingWithSign(doc: Document, sign: RegExp): void {
  const { plan, decision } = decided(doc, 'zulu1');
  expect(decision.action).toBe('withhold');
  expect(decision.ruleId).toBe('public/unmarked-level-uncertain');
  expect(decision.authority).not.toContain('B1');
  expect(plan.releaseText).not.toContain('zulu1');
  expect(plan.releaseText).toContain('may be released');
  expect(doc.classifiedSigns?.map((s) => s.what).join('; ')).toMatch(sign);
  expect(doc.diagnostics.filter((d) => d.code === 'unclassified-banner-contradicted').length).toBe(doc.classifiedSigns!.length);
}

/** zulu1 is withheld, not under B1 (a DECL instruction makes it pending declassification review), and the one sign matches. */
function expectHeldNotB1WithSign(doc: Document, sign: RegExp): void {
  const { decision, plan } = decided(doc, 'zulu1');
  expect(decision.action).toBe('withhold');
  expect(decision.authority).not.toContain('B1');
  expect(plan.releaseText).not.toContain('zulu1');
  expect(doc.classifiedSigns?.map((s) => s.what).join('; ')).toMatch(sign);
}

const memo = (body: string, bottom = 'UNCLASSIFIED') => `UNCLASSIFIED\n\n(U) This paragraph may be released.\n\n${body}\n\n${bottom}\n`;
const cable = (header: string, bottom = 'UNCLASSIFIED') =>
  `UNCLASSIFIED\n\n${header}\nTAGS: PREL\nSUBJECT: (U) STATUS\n\n1. (U) This paragraph may be released.\n\n2. zulu1 unmarked paragraph.\n\n${bottom}\n`;

describe('marked document', () => {
  it.each(['SECRET', 'SECRET//NOFORN', 'TOP SECRET//SI//NOFORN'])('UNCLASSIFIED at the top, %s at the bottom: unmarked text pending review', (bottom) => {
    expectPendingWithSign(parseMarkedDocument(memo('zulu1 unmarked paragraph.', bottom)), /the bottom banner on page 1 reads/);
  });

  it('a letter-spaced S E C R E T line is a banner: in the middle of an UNCLASSIFIED memo, a sign', () => {
    expectPendingWithSign(parseMarkedDocument(memo('S E C R E T\n\nzulu1 unmarked paragraph.')), /banner on page 1 reads "S E C R E T"/);
  });

  it('a memo bannered S E C R E T at the top and bottom is SECRET', () => {
    const doc = parseMarkedDocument('S E C R E T\n\n(U) This paragraph may be released.\n\nzulu1 unmarked paragraph.\n\nS E C R E T\n');
    expect(doc.banner?.marking?.level).toBe('S');
    const { decision } = decided(doc, 'zulu1');
    expect(decision.action).toBe('withhold');
    // No declassification instruction: pending declassification review (not B1 by guess).
    expect(decision.ruleId).toBe('public/unmarked-pending-review');
  });

  it('a classification authority block under an UNCLASSIFIED banner: unmarked text pending review, no B1', () => {
    expectHeldNotB1WithSign(parseMarkedDocument(memo('Classified By: John Doe, Director\nReason: 1.4(c)\nDeclassify On: 20320101\n\nzulu1 unmarked paragraph.')), /^it has a classification authority block$/);
  });

  it('banners that agree (UNCLASSIFIED, UNCLASSIFIED//FOUO aside) are no sign: unmarked text of an unclassified memo is released', () => {
    const doc = parseMarkedDocument(memo('zulu1 unmarked paragraph.'));
    expect(doc.classifiedSigns).toEqual([]);
    expect(decided(doc, 'zulu1').plan.releaseText).toContain('zulu1 unmarked paragraph.');
  });

  it("an UNCLASSIFIED cover memo's (U) paragraph does not run on into its SECRET attachment across the page break", () => {
    const src = 'UNCLASSIFIED\n\n(U) Cover memo text that runs on and on to the end of the line without stopping here\n\nUNCLASSIFIED\n\fSECRET\n\nzulu1 unmarked attachment text that continues\n\nSECRET\n';
    const doc = parseMarkedDocument(src);
    const { portion, plan } = decided(doc, 'zulu1');
    expect(portion.markingSource).toBe('unmarked');
    expect(plan.releaseText).not.toContain('zulu1');
    expect(plan.releaseText).toContain('Cover memo text');
  });

  it('a (U) paragraph still continues across a page break between banners of the same level', () => {
    const src = 'SECRET\n\n(U) A paragraph that runs on and on to the end of the line without stopping anywhere\n\nSECRET\n\fSECRET\n\nthat continues on the next page zulu1.\n\nSECRET\n';
    const { portion } = decided(parseMarkedDocument(src), 'zulu1');
    expect(portion.markingSource).toBe('marked');
    expect(portion.marking?.level).toBe('U');
  });
});

describe('cable', () => {
  it('UNCLASSIFIED at the top, SECRET at the bottom', () => {
    expectPendingWithSign(parseCable(cable('E.O. 12958: N/A', 'SECRET')), /a classification line in the text reads "SECRET"/);
  });

  it('a Classified By line', () => {
    expectPendingWithSign(parseCable(cable('Classified By: Ambassador X, Reasons 1.4 (b) and (d)\n\nE.O. 12958: N/A')), /Classified By line/);
  });

  it('a DECL date', () => {
    expectHeldNotB1WithSign(parseCable(cable('E.O. 12958: DECL: 01/01/2030')), /declassification instruction/);
  });

  it.each(['E.O. 12958: N/A', 'E.O.  12958: N/A'])('%j is no sign: the unmarked paragraph of an UNCLASSIFIED cable is released', (eo) => {
    const doc = parseCable(cable(eo));
    expect(doc.classifiedSigns).toEqual([]);
    expect(doc.eo?.order).toBe('12958');
    expect(doc.eo?.decl).toBe('N/A');
    expect(decided(doc, 'zulu1').plan.releaseText).toContain('zulu1 unmarked paragraph.');
  });
});
