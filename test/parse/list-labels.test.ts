/**
 * Lettered list labels spelled like marks: `(c)` after `(b)` is the third item of a list, not
 * CONFIDENTIAL (also `(s)` after `(r)`, `(u)` after `(t)`, in either case). Read as a mark, it made
 * an UNCLASSIFIED memo's item a CONFIDENTIAL portion (the memo rolled up to CONFIDENTIAL and went
 * to review whole), raised a (U) paragraph that lists `(A) …; (B) …; (C) …` to CONFIDENTIAL, and
 * cut an UNCLAS cable's sentence there. A `(C)` with no `(B)` right before it stays a mark (fail
 * closed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { labelAfterSiblingInText, labelAfterSiblingLine } from '../../src/parse/list-label.js';
import { readDocument } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';
import type { Portion } from '../../src/types.js';
import { corpusPath, HAS_CORPUS } from '../helpers/corpus.js';
import { cable } from './helpers.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

/** `[first words, marking level or markingSource]` of each portion of `text`. */
function portions(text: string): [string, string][] {
  const { doc } = readDocument(text);
  return doc.portions.map((p: Portion) => [text.slice(p.span.start, p.span.end).replace(/\s+/g, ' ').slice(0, 24), p.marking ? p.marking.level : p.markingSource]);
}

/** The release stamp of `text` under public as of 2026-12-05. */
function stamp(text: string): string {
  return evaluate(readDocument(text).doc, PUBLIC, { asOf: '2026-12-05', overrides: null, fallbackRef: 'X' }).stamp;
}

const memo = (banner: string, body: string, authority = '') => `${banner}\n\nMEMORANDUM FOR ALL STAFF\n\nSUBJECT: (U) Leave rules\n\n${body}\n${authority}\n${banner}\n`;
const SECRET_AUTHORITY = '\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20350101\n';

describe('list labels, the helpers', () => {
  it.each([
    ['(a) file; (b) name; (c) copy', '(c)', true],
    ['(A) file; (B) name; (C) copy', '(C)', true],
    ['(q) x; (r) y; (s) z', '(s)', true],
    ['(a) file; (B) name; (c) copy', '(c)', false],
    ['reasons 1.4(b) and (c) copy', '(c)', false],
    ['(a) file; (b) name; (C) copy', '(C)', false],
    ['(a) file; (c) copy', '(c)', false],
    ['(b) name; (C//NF) copy', '(C//NF)', false],
    ['(b) name; (c)copy', '(c)', false],
    ['(A) file; (B) name. (C) The source said', '(C)', false],
    ['(A) file; (B) name, and "(C) copy"', '(C)', true],
  ])('%j: %s is a label: %s', (text, raw, label) => {
    expect(labelAfterSiblingInText(text, text.lastIndexOf(raw), raw, 0)).toBe(label);
  });

  it.each([
    ['(a) file\n(b) name\n(c) copy', true],
    ['(a) file\n\n(b) name\n\nand more\n\n(c) copy', true],
    ['(b) name\n(U) A paragraph.\n(c) copy', false],
    ['(b) name\n2. The next paragraph.\n(c) copy', false],
    ['REASONS 1.4 (b) and (d)\n(c) copy', false],
    ['(c) copy', false],
    ['REF: (A) SAN JOSE 01787\n     (B) SAN JOSE 01875\n\n(c) copy', false],
    ['  (a) file\n  (b) name\n  (c) copy', true],
    ['-- (a) file\n-- b) name\n-- (c) copy', true],
    ['-- (b) name\n(c) copy', false],
    ['(b) name\n-- (c) copy', false],
  ])('%j: the last line opens with a label: %s', (text, label) => {
    expect(labelAfterSiblingLine(text, text.lastIndexOf('(c)'), '(c)')).toBe(label);
  });
});

describe('list labels in documents', () => {
  it('an UNCLASSIFIED memo with a list (a)-(d): no CONFIDENTIAL portion, released in full', () => {
    const text = memo('UNCLASSIFIED', '1. (U) Employees must:\n\n(a) file the request two weeks ahead;\n\n(b) name a backup;\n\n(c) copy the timekeeper.\n\n(d) keep a record.\n\n2. (U) Questions go to the office.\n');
    const read = portions(text);
    expect(read.find(([t]) => t.startsWith('(c) copy'))?.[1]).toBe('unmarked');
    expect(read.every(([, level]) => level !== 'C')).toBe(true);
    expect(stamp(text)).toBe('RELEASE IN FULL');
  });

  it('a (U) paragraph that lists (A) …; (B) …; (C) … is not raised to CONFIDENTIAL', () => {
    const text = memo('UNCLASSIFIED', '1. (U) Employees must: (A) file the request; (B) name a backup; (C) copy the timekeeper.\n');
    expect(portions(text).find(([t]) => t.startsWith('1. (U)'))?.[1]).toBe('U');
    expect(stamp(text)).toBe('RELEASE IN FULL');
  });

  it('a (C) after (B) on the line before, in the same paragraph, is a label; after a sentence end it is a mark', () => {
    const wrapped = memo('UNCLASSIFIED', '1. (U) Employees must: (A) file the request; (B) name a\nbackup; (C) copy the timekeeper.\n');
    expect(portions(wrapped).find(([t]) => t.startsWith('1. (U)'))?.[1]).toBe('U');
    const sentence = memo('SECRET', '1. (U) The plan has two parts, (A) and (B). (C) The source said more.\n', SECRET_AUTHORITY);
    expect(portions(sentence).find(([t]) => t.startsWith('(C) The source'))?.[1]).toBe('C');
  });

  it('a bulleted list: - (c) under - (b) is a label', () => {
    const text = memo('UNCLASSIFIED', '1. (U) Employees must:\n\n- (a) file the request;\n\n- (b) name a backup;\n\n- (c) copy the timekeeper.\n');
    expect(portions(text).every(([, level]) => level !== 'C')).toBe(true);
    expect(stamp(text)).toBe('RELEASE IN FULL');
  });

  it('a mark after the label is the item\'s: (C) (S) …', () => {
    const text = memo('SECRET', '1. (U) The steps:\n\n(A) (U) file the request;\n\n(B) (U) name a backup;\n\n(C) (S) the source reported it.\n', SECRET_AUTHORITY);
    expect(portions(text).find(([t]) => t.startsWith('(C) (S)'))?.[1]).toBe('S');
  });

  it('a (C) with no (B) before it, or after a marked paragraph, stays a mark', () => {
    for (const body of ['1. (U) Employees must file.\n\n(C) The source reported it.\n', '(b) name a backup.\n\n(U) A paragraph.\n\n(C) The source reported it.\n']) {
      const text = memo('SECRET', body, SECRET_AUTHORITY);
      expect(portions(text).find(([t]) => t.startsWith('(C) The source'))?.[1]).toBe('C');
    }
  });
});

describe('list labels in cables', () => {
  const unclas = (body: string) => cable(body, { banner: 'UNCLAS PARIS 001234', eo: 'E.O. 12958: N/A', classifiedBy: '' });

  it('an UNCLAS cable: the third subparagraph (C) keeps its paragraph\'s (U), and an inline (C) after (B) cuts nothing', () => {
    const text = unclas('1. (U) The minister listed three steps:\n\n(A) file the lists in March;\n\n(B) name the candidates;\n\n(C) vote in May.\n\n2. (U) The party agreed: (A) to file; (B) to name; (C) to vote.\n');
    const read = portions(text);
    expect(read.find(([t]) => t.startsWith('(C) vote'))?.[1]).toBe('U');
    expect(read.some(([t]) => t.startsWith('(C) to vote'))).toBe(false);
    expect(read.every(([, level]) => level !== 'C')).toBe(true);
    expect(stamp(text)).toBe('RELEASE IN FULL');
  });

  it('a dashed list: -- (C) under -- (B) is a label even when a mark inside the list cut the portion between them', () => {
    const text = unclas('1. (U) Employees must:\n  -- (A) file the request a week ahead;\n  -- (B) name a backup. (U) Always.\n  -- (C) copy the timekeeper.\n\n2. (U) Questions go to the office manager.\n');
    const read = portions(text);
    expect(read.find(([t]) => t.startsWith('(U) Always'))?.[1]).toBe('U');
    expect(read.every(([, level]) => level !== 'C')).toBe(true);
    expect(stamp(text)).toBe('RELEASE IN FULL');
  });

  it.skipIf(!HAS_CORPUS)('05SANJOSE2038: the REF list\'s (C) San Jose 01692 is no CONFIDENTIAL portion of the UNCLAS cable', () => {
    const text = readFileSync(corpusPath('cables', '05SANJOSE2038.txt'), 'utf8');
    const { doc } = readDocument(text);
    const ref = doc.portions.find((p) => text.slice(p.span.start, p.span.end).startsWith('(C) San Jose'));
    expect(ref?.marking?.level ?? ref?.markingSource).toBe('unmarked');
    expect(evaluate(doc, PUBLIC, { asOf: '2010-12-01', overrides: null, fallbackRef: 'X' }).declassification.status).toBe('unclassified');
  });

  it.skipIf(!HAS_CORPUS)('05THEHAGUE3305: the INCSR answer `-- (c) Yes, …` under `-- b) …` is no CONFIDENTIAL portion of the UNCLAS report', () => {
    const text = readFileSync(corpusPath('cables', '05THEHAGUE3305.txt'), 'utf8');
    const { doc } = readDocument(text);
    expect(doc.portions.every((p) => p.marking?.level !== 'C')).toBe(true);
  });

  it.skipIf(!HAS_CORPUS)('09SANJOSE34: the (c) of a list wrapped over lines does not make the UNCLAS investment climate statement CONFIDENTIAL', () => {
    const text = readFileSync(corpusPath('cables', '09SANJOSE34.txt'), 'utf8');
    const { doc } = readDocument(text);
    expect(doc.portions.every((p) => p.marking?.level !== 'C')).toBe(true);
    const plan = evaluate(doc, PUBLIC, { asOf: '2010-12-01', overrides: null, fallbackRef: 'X' });
    expect([plan.declassification.status, plan.stamp]).toEqual(['unclassified', 'RELEASE IN FULL']);
  });

  it.skipIf(!HAS_CORPUS)('06VATICAN199: Bertone\'s points (c) and (e) are no longer withheld under (b)(1) inside an (SBU) paragraph', () => {
    const text = readFileSync(corpusPath('cables', '06VATICAN199.txt'), 'utf8');
    const plan = evaluate(readDocument(text).doc, PUBLIC, { asOf: '2010-12-01', overrides: null, fallbackRef: 'X' });
    const from = text.indexOf('¶8.');
    const to = text.indexOf('¶9.');
    const inside = plan.decisions.filter((d) => d.span.start >= from && d.span.start < to);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.every((d) => !d.authority.includes('B1'))).toBe(true);
  });
});
