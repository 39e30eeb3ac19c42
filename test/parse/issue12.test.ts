/**
 * Reading fixes found on real cables (issue 12), each with a minimal synthetic cable and, where the
 * corpus has one, the corpus cable it came from. A misread here either claims B1 on unclassified
 * text (a REF list read as a `(C)` mark) or glues unmarked text to the portion before it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessDocument } from '../../src/declass/index.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { decodeInput } from '../../src/parse/decode.js';
import { parseCable } from '../../src/parse/index.js';
import { loadProfile } from '../../src/rules/load.js';
import type { Document } from '../../src/types.js';
import { corpusPath, HAS_CORPUS } from '../helpers/corpus.js';
import { cable, invariantProblems, portion, spanFromTo } from './helpers.js';

const publicProfile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
const corpusCable = (name: string): Document => {
  const d = decodeInput(readFileSync(corpusPath('cables', name)));
  if (!d.ok) throw new Error(d.message);
  return parseCable(d.text);
};
/** Every portion as `id kind mark-or-source first-line`. */
const outline = (doc: Document) => doc.portions.map((p) => `${p.id} ${p.kind} ${p.mark?.raw ?? p.markingSource} ${doc.source.slice(p.span.start, p.span.end).split('\n')[0]!.trim()}`);

describe('a lettered REF list is references, not portion marks', () => {
  const src = cable('1. This cable answers the references.\n\n2. Second paragraph.\n\nRICE', {
    banner: 'UNCLAS STATE 012399',
    eo: 'E.O. 12958: N/A',
    ref: 'REF: (A) STATE 012345 (B) STATE 023456\n     (C) STATE 034567',
    classifiedBy: '',
  });
  const doc = parseCable(src);
  it('the (C) line is part of the REF field, and no portion is marked', () => {
    expect(doc.refs.map((r) => src.slice(r.span.start, r.span.end))).toEqual(['REF: (A) STATE 012345 (B) STATE 023456\n     (C) STATE 034567']);
    expect(doc.portions.every((p) => p.mark === null)).toBe(true);
    expect(invariantProblems(doc)).toEqual([]);
  });
  it('the UNCLAS cable stays unclassified: released in full, no B1', () => {
    const plan = evaluate(doc, publicProfile, { asOf: '2010-12-01' });
    expect(plan.decisions.every((d) => d.action === 'release')).toBe(true);
    expect(plan.stamp).toBe('RELEASE IN FULL');
  });
  it('after a blank line too, and a paragraph (C) in prose is still a mark', () => {
    const d2 = parseCable(cable('(C) Summary: the minister said no.', { ref: 'REF: (A) SAN JOSE 01787\n\n     (B) SAN JOSE 01875' }));
    expect(outline(d2)).toEqual(['subject subject unmarked SUBJECT: GERMANY AGREES THAT OSLO PROCESS TEXT ON CLUSTER', 'text1 text (C) (C) Summary: the minister said no.']);
  });
  it.skipIf(!HAS_CORPUS)('04THEHAGUE3044 (`(C) THE HAGUE 2308; (D) THE HAGUE 2995`) is unclassified', () => {
    const d = corpusCable('04THEHAGUE3044.txt');
    expect(d.portions.some((p) => p.mark !== null)).toBe(false);
    expect(evaluate(d, publicProfile, { asOf: '2010-12-01' }).decisions.flatMap((x) => x.authority)).not.toContain('B1');
  });
});

describe('the E.O. line, the mark after a doubled number, garbled marks, 25X1- HUMAN', () => {
  it('`E.O 12958:  DECL:  03/15/20` (no second dot, two-digit year) is a DECL line', () => {
    const doc = parseCable(cable('¶1. (C) Text.', { eo: 'E.O 12958:  DECL:  03/15/20' }));
    expect(doc.eo).toMatchObject({ order: '12958', decl: '03/15/20' });
    const a = assessDocument(doc, '2026-11-26');
    expect([a.decl.kind, a.decl.date, a.status]).toEqual(['date', '2020-03-15', 'declassified']);
  });
  it('`¶1. 1. (SBU) Summary` has its mark', () => {
    const src = cable('¶1. 1. (SBU) Summary: a doubled number.\n\n¶2. (C) Next.');
    const doc = parseCable(src);
    expect(outline(doc).slice(1)).toEqual(['p1 paragraph (SBU) ¶1. 1. (SBU) Summary: a doubled number.', 'p2 paragraph (C) ¶2. (C) Next.']);
    expect(portion(doc, 'p1').span).toEqual(spanFromTo(src, '¶1. 1.', 'number.'));
  });
  it.each(['(N/SF)', '(NF/SC)', '(F/S)'])('a garbled mark %s is an unknown mark, withheld as unknown', (mark) => {
    const doc = parseCable(cable(`¶1. ${mark} A garbled mark.`));
    expect(portion(doc, 'p1')).toMatchObject({ markingSource: 'unknown', mark: { raw: mark } });
    expect(evaluate(doc, publicProfile, { asOf: '2010-12-01' }).decisions[1]).toMatchObject({ action: 'withhold', ruleId: 'public/unknown-marking' });
  });
  it('(N/A) is still not a mark', () => {
    expect(portion(parseCable(cable('¶1. (N/A) Nothing.')), 'p1').markingSource).toBe('unmarked');
  });
  it('`25X1- HUMAN` is the human-source exemption', () => {
    const a = assessDocument(parseCable(cable('¶1. (S) Text.', { eo: 'E.O. 12958: DECL: 25X1- HUMAN' })), '2026-11-26');
    expect(a.decl.codes).toEqual(['50X1-HUM']);
    expect(a.status).toBe('classified');
  });
});

describe('OADR counts from the routing date-time group of a forwarded copy', () => {
  const src = ['S E C R E T        TRIPOLI 00498', '', 'SIPDIS', '', 'VZCZCCRO880', 'PP RUEHEG', 'DE RUEHTRO #0498/01 2571301', 'ZNY SSSSS ZZH', 'P 141301Z SEP 89', 'FM AMEMBASSY TRIPOLI', 'TO RUEHC/SECSTATE WASHDC PRIORITY 1206', '', 'E.O. 12356: DECL: OADR', 'TAGS: PREL LY', 'SUBJECT: A FORWARDED COPY', '', '1. (S) Text.', '', 'WOOD', ''].join('\n');
  it('the date-time group after the banner is the origination date', () => {
    const doc = parseCable(src);
    expect(doc.originated).toBe('1989-09-14');
    const a = assessDocument(doc, '2026-11-26');
    expect([a.decl.kind, a.automaticOn, a.status]).toEqual(['oadr', '2014-12-31', 'review']);
  });
  it.skipIf(!HAS_CORPUS)('06TRIPOLI498', () => {
    expect(corpusCable('06TRIPOLI498.txt').originated).toBe('2006-09-14');
  });
});

describe('headings, website notices and the signature are portions of their own', () => {
  it('a `//…//` heading after a (U) paragraph is unmarked text, withheld in a classified cable', () => {
    const src = cable('¶1. (U) Released text.\n\n//BILATERAL RELATIONS//\n\n¶2. (C) Classified.\n\nAGUIRRE');
    const doc = parseCable(src);
    expect(outline(doc).slice(1)).toEqual(['p1 paragraph (U) ¶1. (U) Released text.', 'text1 text unmarked //BILATERAL RELATIONS//', 'p2 paragraph (C) ¶2. (C) Classified.', 'signature signature unmarked AGUIRRE']);
    const plan = evaluate(doc, publicProfile, { asOf: '2010-12-01' });
    expect(plan.decisions.find((d) => d.portionId === 'text1')).toMatchObject({ action: 'withhold', ruleId: 'public/unmarked-in-classified' });
  });
  it('a `//…//` heading after an (SBU) paragraph that ends without a full stop, and after END SUMMARY', () => {
    const doc = parseCable(cable('¶1. (SBU) Summary: text. END SUMMARY\n\n//POLITICS OF LANGUAGE//\n\n¶2. (SBU) More.', { banner: 'UNCLAS MADRID 000865', caveats: ['SENSITIVE'], eo: 'E.O. 12958: N/A' }));
    expect(outline(doc).slice(1, 3)).toEqual(['p1 paragraph (SBU) ¶1. (SBU) Summary: text. END SUMMARY', 'text1 text unmarked //POLITICS OF LANGUAGE//']);
  });
  it('a capitalised title between blank lines after END SUMMARY', () => {
    const doc = parseCable(cable('¶1. (C) Summary: text. END SUMMARY\n\nBilateral Relations\n\n¶2. (C) More.'));
    expect(outline(doc).slice(1, 3)).toEqual(['p1 paragraph (C) ¶1. (C) Summary: text. END SUMMARY', 'text1 text unmarked Bilateral Relations']);
  });
  it('a website notice glued to the last paragraph, and the signer after its address', () => {
    const src = cable("¶1. (U) Last paragraph of the cable.\nPlease visit Paris' Classified Website at:\nhttp://www.state.sgov.gov/p/eur/paris/index.cfm\nSTAPLETON");
    const doc = parseCable(src);
    expect(outline(doc).slice(1)).toEqual(['p1 paragraph (U) ¶1. (U) Last paragraph of the cable.', "text1 text unmarked Please visit Paris' Classified Website at:", 'signature signature unmarked STAPLETON']);
    expect(portion(doc, 'text1').span).toEqual(spanFromTo(src, 'Please visit', 'index.cfm'));
    const plan = evaluate(doc, publicProfile, { asOf: '2010-12-01' });
    expect(plan.decisions.map((d) => d.action)).toEqual(['withhold', 'release', 'withhold', 'withhold']);
  });
  it('the signer before a `====CABLE ENDS====` trailer', () => {
    const doc = parseCable(cable('¶1. (C) Text.\n\nPATTERSON\n\n>\n\n=======================CABLE ENDS============================'));
    expect(outline(doc).slice(-1)).toEqual(['signature signature unmarked PATTERSON']);
  });
  it.skipIf(!HAS_CORPUS)('05MADRID2653, 06AMMAN3564, 09MEXICO3077, 02BOGOTA3281', () => {
    expect(outline(corpusCable('05MADRID2653.txt'))).toContain('text1 text unmarked //BILATERAL RELATIONS//');
    expect(outline(corpusCable('06AMMAN3564.txt')).slice(-2)).toEqual(["text13 text unmarked Please visit Paris' Classified Website at:", 'signature signature unmarked STAPLETON']);
    expect(outline(corpusCable('09MEXICO3077.txt')).slice(-2)).toEqual(["text1 text unmarked Visit Mexico City's Classified Web Site at", 'signature signature unmarked PASCUAL']);
    expect(outline(corpusCable('02BOGOTA3281.txt')).slice(-1)).toEqual(['signature signature unmarked PATTERSON']);
  });
});

describe('lettered items after unmarked text are not subparagraphs of the paragraph above', () => {
  it('`(a)` after an unmarked block under a (U) paragraph stays with the unmarked text (withheld in a classified cable)', () => {
    const src = cable('¶1. (U) An official translation follows.\n\nHAVE AGREED AS FOLLOWS:\n\n(a) "Civilian personnel" means civilian employees.\n\n(b) "Military personnel" means members of the armed forces.\n\n¶2. (C) Classified.');
    const doc = parseCable(src);
    expect(outline(doc).slice(1)).toEqual(['p1 paragraph (U) ¶1. (U) An official translation follows.', 'text1 text unmarked HAVE AGREED AS FOLLOWS:', 'p2 paragraph (C) ¶2. (C) Classified.']);
    const plan = evaluate(doc, publicProfile, { asOf: '2010-12-01' });
    expect(plan.decisions.find((d) => d.portionId === 'text1')).toMatchObject({ action: 'withhold', ruleId: 'public/unmarked-in-classified' });
  });
  it('`(a)` right under the (U) paragraph is still its subparagraph', () => {
    const doc = parseCable(cable('¶1. (U) The terms:\n\n(a) first term.\n\n(b) second term.\n\n¶2. (C) Classified.'));
    expect(outline(doc).slice(1, 4)).toEqual(['p1 paragraph (U) ¶1. (U) The terms:', 'p1.a subparagraph inherited (a) first term.', 'p1.b subparagraph inherited (b) second term.']);
  });
});
