/**
 * Probes 66c and 66a on the text reader (fix66d). Each case reads a small document, decides it under
 * the public profile and looks at the portion holding a word: `ZQ…` words must be withheld, `UQ…`
 * words released (or, where said, held for review rather than withheld under B1).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/engine/evaluate.js';
import { readDocument } from '../../../src/parse/read.js';
import { loadProfile } from '../../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

/** The decision on the portion holding `word` (action, rule, authority) and the document's diagnostics. */
function decide(text: string, word: string, asOf = '2026-12-01') {
  const { doc } = readDocument(text, { format: 'document' });
  const at = text.indexOf(word);
  expect(at, word).toBeGreaterThanOrEqual(0);
  const plan = evaluate(doc, PUBLIC, { asOf, overrides: null, fallbackRef: 'X' });
  const d = plan.decisions.find((x) => x.span.start <= at && at < x.span.end);
  const portion = d ? doc.portions.find((p) => p.id === d.portionId) : undefined;
  return { d, portion, doc, plan, codes: doc.diagnostics.map((x) => x.code) };
}

const MAIL = (subject: string) =>
  `Classification: UNCLASSIFIED\n\nFrom: Alpha Bravo\nSent: Tuesday, March 3, 2015 10:12 AM\nTo: Charlie\nSubject: ${subject}\n\n(U) UQ1 Body text.\n\nClassification: UNCLASSIFIED\n`;

describe('66c F2: a classified mark ending a subject line, after reply and forward prefixes', () => {
  it.each([
    ['RE:', 'RE: ZQ1 travel (S//NF)', 'S'],
    ['RE: FW:', 'RE: FW: ZQ1 travel (S//NF)', 'S'],
    ['RE: and (TS//SI)', 'RE: ZQ1 travel (TS//SI)', 'TS'],
    ['Fwd: Re:', 'Fwd: Re: ZQ1 travel plans for the team (S//NF)', 'S'],
    ['no prefix (held before)', 'ZQ1 travel (S//NF)', 'S'],
  ])('%s: the subject takes the mark and is withheld', (_how, subject, level) => {
    const { d, portion } = decide(MAIL(subject), 'ZQ1');
    expect(d!.action).toBe('withhold');
    expect(portion!.marking?.level).toBe(level);
  });

  it('the body (U) text is still released', () => {
    expect(decide(MAIL('RE: ZQ1 travel (S//NF)'), 'UQ1').d!.action).toBe('release');
  });

  it('a long unmarked line of an UNCLASSIFIED memo ending in a classified mark it cannot place is held, not released', () => {
    const text = `UNCLASSIFIED\n\n(U) UQ1 Opening paragraph of the memo.\n\nThe team will travel to the ZQ2 site next week, as agreed with the host service (S//NF)\nand the rest of the plan follows in the annex.\n\nUNCLASSIFIED\n`;
    const { d } = decide(text, 'ZQ2');
    expect(d!.action).toBe('withhold');
  });
});

const COVER = (banner: string, body: string) => `${banner}\n\n${body}\n\nClassified By: A B, Chief\nDerived From: Multiple Sources\nDeclassify On: 20090101\n\n${banner}\n`;

describe("66c F1: a later page above the level of the page whose authority block it would take its date from", () => {
  const minimal = `${COVER('SECRET//NOFORN', '(U) UQ1 Cover text.')}\fTOP SECRET//SI//NOFORN\n\n(TS//SI//NF) ZQ1 Enclosure SIGINT.\n\nTOP SECRET//SI//NOFORN\n`;
  const tab = `${COVER('SECRET//NOFORN', 'MEMORANDUM FOR THE RECORD\n\nSUBJECT: (U) UQ1 Cover memo\n\n1. (U) UQ2 This memo transmits TAB A.\n\n2. (S//NF) ZQ1 Cover secret.')}\fTAB A\n\nTOP SECRET//SI//NOFORN\n\n(TS//SI//NF) ZQ2 The enclosure holds SIGINT.\n\n(S//NF) ZQ3 Enclosure secret line.\n\nTOP SECRET//SI//NOFORN\n`;
  const onePage = `SECRET//NOFORN\n\n(U) UQ1 Cover text.\n\n(TS//SI//NF) ZQ1 Enclosure SIGINT.\n\nClassified By: A B, Chief\nDerived From: Multiple Sources\nDeclassify On: 20090101\n\nSECRET//NOFORN\n`;
  it.each([
    ['a TOP SECRET page after a SECRET cover page (minimal)', minimal, 'ZQ1'],
    ['TAB A, TOP SECRET, after a SECRET memorandum', tab, 'ZQ2'],
    ['TAB A: its SECRET portion too (the document is held)', tab, 'ZQ3'],
    ['on one page (held before)', onePage, 'ZQ1'],
  ])('%s: held for review, not declassified by the cover page\'s date', (_how, text, word) => {
    const { d, plan } = decide(text, word);
    expect(d!.action).toBe('withhold');
    expect(d!.ruleId).toBe('public/classified-pending-review');
    expect(plan.declassification.status).toBe('review');
    expect(plan.declassification.reason).toMatch(/lower than/);
  });

  it('the (U) text of the cover is still released', () => {
    expect(decide(tab, 'UQ2').d!.action).toBe('release');
  });

  it('an enclosure at the cover page\'s level takes its date (the block covers its level): declassified', () => {
    const same = `${COVER('SECRET//NOFORN', 'MEMORANDUM FOR THE RECORD\n\nSUBJECT: (U) UQ1 Cover memo\n\n1. (U) UQ2 This memo transmits TAB A.')}\fTAB A\n\nSECRET//NOFORN\n\n(S//NF) UQ3 Enclosure secret line.\n\nSECRET//NOFORN\n`;
    const { d } = decide(same, 'UQ3');
    expect(`${d!.action} ${d!.ruleId}`).toBe('release public/declassified');
  });
});

describe('66c F5: a page number between the banners of two pages joined without a form feed', () => {
  const joined = (n1: string, n2: string) =>
    `SECRET\n\n(U) UQ1 Public text.\n\n(S) ZQ1 Secret text.\n\nClassified By: A B, Chief\nDerived From: Multiple Sources\nDeclassify On: 20400101\n\nSECRET\n${n1}\n\nSECRET\n\n(U) UQ2 Public text two.\n\nSECRET\n${n2}\n`;
  it.each([
    ['Page 1 of 2', 'Page 2 of 2'],
    ['- 1 -', '- 2 -'],
    ['1', '2'],
    ['PAGE 1', 'PAGE 2'],
  ])('%s / %s: page furniture, kept as written, never B1', (n1, n2) => {
    const text = joined(n1, n2);
    const { doc, plan } = decide(text, 'UQ2');
    const at = text.indexOf(`SECRET\n${n1}\n`) + 7;
    expect(plan.decisions.some((d) => d.span.start <= at && at < d.span.end), n1).toBe(false);
    expect(doc.diagnostics.filter((x) => x.code === 'unmarked-portion')).toEqual([]);
  });

  it('a number of another value between the banners stays text (withheld in a SECRET memo)', () => {
    const text = joined('17', '2');
    const { d } = decide(text, '17\n');
    expect(d!.action).toBe('withhold');
  });
});

describe('66a item 3: a dash broken over a line end (`flexible-` / `- both …`) stays a bullet', () => {
  // A join was tried (fix66d) and released an unmarked `- zq3 …` bullet under a line ending in a
  // hyphen (probe 66d): the line is an unmarked bullet, withheld in a classified document (fail
  // closed, as the PDF layout decided for the same shape, probe 64e F3).
  const memo = (para: string) => `SECRET//NOFORN\n\n${para}\n\n(S//NF) ZQ1 The secret part.\n\nClassified By: Officer\nDerived From: Multiple Sources\nDeclassify On: 20451231\n\nSECRET//NOFORN\n`;
  it.each([
    ['a lower-case bullet after a hyphenated word', '(U) UQ1 Kids learn to appreciate differences and become more flexible-\n- zq2 ZQ2 secret bullet'],
    ['the wrapped dash of probe 66a', '(U) UQ1 Kids learn to appreciate differences and become more flexible-\n- both ZQ2 excellent life skills!'],
    ['a list under a lead-in', '(U) UQ1 The plan has two parts:\n- ZQ2 the first part\n- the second part'],
    ['capitalised items after a hyphenated word', '(U) UQ1 The plan covers the follow-\n- ZQ2 First item\n- Second item'],
    ['a double dash (cables write list items so)', '(U) UQ1 Kids learn to become more flexible\n-- ZQ2 both excellent life skills!'],
    ['a bullet with its own mark', '(U) UQ1 Kids learn to become more flexible-\n- (S//NF) ZQ2 both excellent life skills!'],
  ])('%s: a bullet, withheld (fail closed)', (_how, para) => {
    const { d } = decide(memo(para), 'ZQ2');
    expect(d!.action).toBe('withhold');
  });
});

describe('66a item 4: an acronym in parentheses opening a line after a footnote call (`Document**` / `(CRD) completed …`)', () => {
  const memo = (para: string) => `SECRET//NOFORN\n\n${para}\n\n(S//NF) ZQ1 secret.\n\nClassified By: Officer\nDerived From: Multiple Sources\nDeclassify On: 20451231\n\nSECRET//NOFORN\n`;
  it.each([
    ['**', 'Document**'],
    ['*', 'Document*'],
    ['†', 'Document†'],
    ['¹', 'Document¹'],
  ])('after %s: the acronym is text of the (U) paragraph, released', (_how, word) => {
    const text = memo(`(U) UQ1 Final discussion of issues occurs at the board. With one Capstone Requirements ${word}\n(CRD) completed, UQ2 six Operational Requirements Documents** (ORDs) in final review.`);
    const { d, plan } = decide(text, 'UQ2');
    expect(`${d!.action} ${d!.ruleId}`).toBe('release public/unclassified');
    expect(plan.decisions.some((x) => x.ruleId === 'public/unknown-marking')).toBe(false);
  });

  it.each([
    ['a level after the footnote call', '(U) UQ1 With one Capstone Requirements Document**\n(S) ZQ2 completed, six documents in final review.'],
    ['a mark not understood (a slash)', '(U) UQ1 With one Capstone Requirements Document**\n(S//N F) ZQ2 completed, six documents in final review.'],
    ['after a sentence end and the call', '(U) UQ1 With one Capstone Requirements Document.**\n(CRD) ZQ2 Completed six documents in final review.'],
  ])('%s: still read as a mark (withheld)', (_how, para) => {
    expect(decide(memo(para), 'ZQ2').d!.action).toBe('withhold');
  });
});
