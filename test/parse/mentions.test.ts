/**
 * Parentheticals spelled like marks that are text. A mark named rather than used (`the cable
 * marked "(S)" was sent`, `portions marked (S) must be protected`) raised a (U) paragraph to
 * SECRET, withheld under (b)(1). The copyright sign written `(C)` after the word "Copyright" is no CONFIDENTIAL mark: it raised a
 * press clip's (U) paragraph to CONFIDENTIAL, and the UNCLASSIFIED memo holding it rolled up to
 * CONFIDENTIAL without an authority block and went to review whole. A `(C) 2005 …` with no
 * "Copyright" before it stays a mark (fail closed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { isCopyrightSign, isNamedMark } from '../../src/parse/mentions.js';
import { readDocument } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';
import { cable } from './helpers.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const plan = (text: string) => evaluate(readDocument(text).doc, PUBLIC, { asOf: '2026-12-05', overrides: null, fallbackRef: 'X' });
const levels = (text: string) => readDocument(text).doc.portions.map((p) => p.marking?.level ?? p.markingSource);

describe('isCopyrightSign', () => {
  it.each([
    ['Copyright (C) 2005 Reuters.', '(C)', true],
    ['copyright (c) 2006', '(c)', true],
    ['COPYRIGHT(C) 2006', '(C)', true],
    ['Reuters, Copyright  (C)', '(C)', true],
    ['(C) 2005 Reuters.', '(C)', false],
    ['Copyright 2005 (C) Reuters', '(C)', false],
    ['Copyrighted (C) text', '(C)', false],
    ['NoCopyright (C) 2005', '(C)', false],
    ['Copyright (S) 2005', '(S)', false],
    ['Copyright\n(C) The source said', '(C)', false],
  ])('%j: %s is the sign: %s', (text, raw, sign) => {
    expect(isCopyrightSign(text, text.lastIndexOf(raw), raw)).toBe(sign);
  });
});

describe('the copyright sign in documents', () => {
  const memo = (body: string) => `UNCLASSIFIED\n\nMEMORANDUM FOR ALL STAFF\n\nSUBJECT: (U) Press summary\n\n${body}\n\nUNCLASSIFIED\n`;

  it('an UNCLASSIFIED memo with press clips is released in full: no CONFIDENTIAL portion', () => {
    const text = memo('(U) Reuters reported the visit. Copyright (C) 2005 Reuters. All rights reserved.\n\n(U) Copyright (c) 2006 The Washington Post.\n\nCopyright (C) 2007 Agence France-Presse');
    expect(levels(text)).not.toContain('C');
    expect(levels(text)).not.toContain('unknown');
    const p = plan(text);
    expect([p.declassification.status, p.stamp]).toEqual(['unclassified', 'RELEASE IN FULL']);
  });

  it('an UNCLAS cable: a (U) paragraph quoting a copyrighted clip keeps its (U) and is not cut', () => {
    const text = cable('1. (U) AFP reported the visit on May 3. Copyright (C) 2007 AFP. All rights reserved.\n\n2. (U) Comment: none.\n', { banner: 'UNCLAS PARIS 001234', eo: 'E.O. 12958: N/A', classifiedBy: '' });
    expect(levels(text)).not.toContain('C');
    expect(plan(text).stamp).toBe('RELEASE IN FULL');
  });

  it('a (C) that opens a paragraph, or follows a sentence, without "Copyright" before it stays a mark', () => {
    const text = memo('(U) The year in review.\n\n(C) 2005 was a banner year for the program.\n\n(U) Reuters reported it. (C) The source added more.');
    expect(levels(text).filter((l) => l === 'C')).toHaveLength(2);
  });
});

describe('a named mark', () => {
  it.each([
    ['The cable marked "(S)" was sent.', '(S)', true],
    ['The cable marked \u201c(S//NF)\u201d was sent.', '(S//NF)', true],
    ['Portions marked (S) must be protected.', '(S)', true],
    ['The banner reads (TS) in red.', '(TS)', true],
    ['He wrote: "(S) The source met him."', '(S)', false],
    ['The cable marked (S) The source met him.', '(S)', false],
    ['The source (S) met him.', '(S)', false],
  ])('%j: %s is named: %s', (text, raw, named) => {
    expect(isNamedMark(text, text.indexOf(raw), raw)).toBe(named);
  });

  it('a (U) paragraph naming a mark stays (U) and is released; a quoted marked text is withheld', () => {
    const memo = (p: string) => `SECRET//NOFORN\n\n(S//NF) Bravo secret.\n\n${p}\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20401231\n\nSECRET//NOFORN\n`;
    const at = (text: string, word: string) => plan(text).decisions.find((d) => d.span.start <= text.indexOf(word) && text.indexOf(word) < d.span.end)!;
    const named = memo('(U) The cable marked "(S)" was sent on Monday zulu.');
    expect(at(named, 'zulu')).toMatchObject({ action: 'release' });
    const quoted = memo('(U) He wrote: "(S) The source zulu met him."');
    expect(at(quoted, 'zulu')).toMatchObject({ action: 'withhold' });
  });
});
