/**
 * A field of the authority block continued on the line under it (probe 56d, W1): `Declassify On:
 * 20210315` with `    or upon completion of the operation` under it was read as the date alone,
 * the line under it an unmarked paragraph: the memo was released in full as declassified in 2021,
 * where the same instruction on one line (a date or an event) goes to a reviewer. Now the words
 * that join an event to the value go on with it, indented, flush in lower case or after a Markdown
 * hard break; `Declassify On:` alone takes its value from the line under it; Reason takes reasons
 * under it; Classified By a lower-case office. A mark, a banner, a sentence or a paragraph after a
 * blank line are never taken into the block (it is released as written).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkedDocument } from '../../../src/parse/document/index.js';
import { planRelease } from '../../../src/release/index.js';
import { loadProfile } from '../../../src/rules/load.js';
import { invariantProblems } from '../helpers.js';

const publicProfile = loadProfile(readFileSync(new URL('../../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');
const AS_OF = '2026-12-01';

/** A memo whose authority block ends with `block` (its last lines), then a blank line and the bottom banner. */
const memo = (block: string) =>
  `SECRET//NOFORN\n\nDATE: 15 March 2021\nSUBJECT: (U) Decl test\n\n(S//NF) ZQSECRETPARA classified content.\n\nClassified By: J. Smith\nDerived From: Multiple Sources\n${block}\n\nSECRET//NOFORN\n`;

const read = (block: string) => {
  const text = memo(block);
  const doc = parseMarkedDocument(text);
  expect(invariantProblems(doc)).toEqual([]);
  const plan = planRelease(doc, publicProfile, { asOf: AS_OF, stem: 'TEST' });
  return { text, doc, plan, values: doc.authority?.declassifyOn.map((f) => f.value.replace(/\s+/g, ' ')) ?? [] };
};

describe('a Declassify On value continued on the line under it', () => {
  /** [what, block, the value read, the document's status] */
  const JOINED: ReadonlyArray<readonly [string, string, string, string]> = [
    ['an event under the date, indented', 'Declassify On: 20210315\n               or upon completion of the operation', '20210315 or upon completion of the operation', 'review'],
    ['an event under the date, flush, in lower case', 'Declassify On: 20210315\nor upon completion of the operation', '20210315 or upon completion of the operation', 'review'],
    ['after a Markdown hard break (backslash)', 'Declassify On: 20210315 \\\nOr upon completion of the operation', '20210315 \\ Or upon completion of the operation', 'review'],
    ['after a Markdown hard break (two blanks)', 'Declassify On: 20210315  \nOr upon completion of the operation', '20210315 Or upon completion of the operation', 'review'],
    ['indented, capitalised', 'Declassify On: 20210315\n    Upon completion of the operation', '20210315 Upon completion of the operation', 'review'],
    ['a duration and its event, indented', 'Declassify On: 20210315\n               10 years after the end of the operation', '20210315 10 years after the end of the operation', 'review'],
    ['`Declassify On:` alone, a passed date under it', 'Declassify On:\n               20210315', '20210315', 'declassified'],
    ['`Declassify On:` alone, a date to come under it, flush', 'Declassify On:\n20500101', '20500101', 'classified'],
    ['`Declassify On:` alone, an event under it', 'Declassify On:\n               upon completion of the operation', 'upon completion of the operation', 'review'],
    ['`Declassify On:` alone, an exemption under it', 'Declassify On:\n25X1, 20591231', '25X1, 20591231', 'classified'],
  ];
  it.each(JOINED)('%s', (_what, block, value, status) => {
    const { text, doc, plan, values } = read(block);
    expect(values).toEqual([value]);
    expect(plan.plan.declassification.status).toBe(status);
    // The continuation is no portion of its own.
    const under = block.split('\n')[1]!.trim();
    const at = text.lastIndexOf(under);
    expect(doc.portions.some((p) => p.span.start <= at && at < p.span.end)).toBe(false);
    if (status !== 'declassified') expect(plan.releaseText).not.toContain('ZQSECRETPARA');
  });

  it('the one-line instruction and the wrapped one are read alike', () => {
    const one = read('Declassify On: 20210315 or upon completion of the operation').plan.plan.declassification;
    const two = read('Declassify On: 20210315\n               or upon completion of the operation').plan.plan.declassification;
    expect(two.status).toBe(one.status);
    expect(two.declassifyOn).toBe(one.declassifyOn);
  });

  /** [what, block, the text under it that stays a portion of the document] */
  const NOT_JOINED: ReadonlyArray<readonly [string, string, string]> = [
    ['a marked paragraph, indented', 'Declassify On: 20500101\n               (S//NF) ZQMARKED the minister will resign.', 'ZQMARKED'],
    ['a marked paragraph, flush, in lower-case mark', 'Declassify On: 20500101\n(s) ZQMARKED the minister will resign.', 'ZQMARKED'],
    ['a paragraph after a blank line, in lower case', 'Declassify On: 20500101\n\nor ZQAFTERBLANK upon the minister leaving.', 'ZQAFTERBLANK'],
    ['a capitalised sentence, flush', 'Declassify On: 20500101\nThe ZQFLUSH source said the minister will resign.', 'ZQFLUSH'],
    ['an indented sentence that joins no event', 'Declassify On: 20500101\n               The ZQINDENT source said the minister will resign.', 'ZQINDENT'],
    ['a numbered paragraph', 'Declassify On: 20500101\n2. or ZQNUMBERED upon the minister leaving.', 'ZQNUMBERED'],
  ];
  it.each(NOT_JOINED)('%s: not the value; a portion of the document', (_what, block, word) => {
    const { text, doc, values } = read(block);
    expect(values).toEqual(['20500101']);
    const at = text.indexOf(word);
    expect(doc.portions.some((p) => p.span.start <= at && at < p.span.end)).toBe(true);
    expect(doc.authority!.span.end).toBeLessThan(at);
  });

  it('the bottom banner right under it is no part of the value', () => {
    const text = memo('Declassify On: 20500101').replace('20500101\n\n', '20500101\n');
    const doc = parseMarkedDocument(text);
    expect(doc.authority?.declassifyOn.map((f) => f.value)).toEqual(['20500101']);
    expect(planRelease(doc, publicProfile, { asOf: AS_OF, stem: 'TEST' }).plan.declassification.status).toBe('classified');
  });

  it.each([
    ['a blank line', 'Declassify On:\n\n20210315'],
    ['a sentence', 'Declassify On:\nThe ZQSENT source said the minister will resign.'],
    ['a mark', 'Declassify On:\n(U) ZQSENT Text.'],
  ])('`Declassify On:` alone with %s under it is no instruction (as before): not declassified', (_what, block) => {
    const { doc, plan } = read(block);
    expect(doc.authority?.declassifyOn ?? []).toEqual([]);
    expect(plan.plan.declassification.status).not.toBe('declassified');
  });
});

describe('other fields continued on the line under them', () => {
  it('Reason: reasons under it are more of the value (the line was an unmarked paragraph)', () => {
    const doc = parseMarkedDocument(memo('Reason: 1.4(c) and\n        1.4(d)\nDeclassify On: 20500101'));
    expect(doc.authority?.reasons).toEqual(['1.4(c)', '1.4(d)']);
    expect(doc.portions.map((p) => p.id)).toEqual(['subject', 'p1']);
  });

  it('Reason: words under it are not', () => {
    const text = memo('Reason: 1.4(c)\n        ZQREASON the source met the handler\nDeclassify On: 20500101');
    const doc = parseMarkedDocument(text);
    expect(doc.authority?.reasons).toEqual(['1.4(c)']);
    const at = text.indexOf('ZQREASON');
    expect(doc.portions.some((p) => p.span.start <= at && at < p.span.end)).toBe(true);
  });

  it.each([
    ['indented', 'Classified By: J. Smith, Director,\n    Office of Plans\n'],
    ['after a Markdown hard break', 'Classified By: J. Smith, Director, \\\nOffice of Plans\n'],
  ])('Classified By: an office under it, %s, is more of the value', (_what, by) => {
    const doc = parseMarkedDocument(memo('Declassify On: 20500101').replace('Classified By: J. Smith\n', by));
    expect(doc.authority?.classifiedBy?.value.replace(/\s+/g, ' ')).toMatch(/^J\. Smith, Director, (?:\\ )?Office of Plans$/);
    expect(doc.portions.map((p) => p.id)).toEqual(['subject', 'p1']);
  });

  it('Classified By: a line flush in lower case under it is not (`cc: …`: the block is released as written)', () => {
    const text = memo('Declassify On: 20500101').replace('Classified By: J. Smith\n', 'Classified By: J. Smith\ncc: ZQCC Office of Plans\n');
    const doc = parseMarkedDocument(text);
    expect(doc.authority?.classifiedBy?.value).toBe('J. Smith');
    expect(planRelease(doc, publicProfile, { asOf: AS_OF, stem: 'TEST' }).releaseText).not.toContain('ZQCC');
  });

  it('Derived From: a lower-case sentence under it is not (the block is released as written)', () => {
    const text = memo('Declassify On: 20500101').replace('Derived From: Multiple Sources\n', 'Derived From: Multiple Sources\nand the ZQDERIVED source said the minister will resign\n');
    const doc = parseMarkedDocument(text);
    expect(doc.authority?.derivedFrom?.value).toBe('Multiple Sources');
    const plan = planRelease(doc, publicProfile, { asOf: AS_OF, stem: 'TEST' });
    expect(plan.releaseText).not.toContain('ZQDERIVED');
  });
});
