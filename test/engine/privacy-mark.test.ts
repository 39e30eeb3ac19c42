/**
 * `(PII)` where a portion's mark stands: the privacy caveat some offices write as a mark. No
 * marking system defines it, so it is a mark not understood, withheld pending review; it was read
 * as a word in parentheses, and the paragraph, unmarked text of an unclassified document, was
 * released in full under public with the name and number it holds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';
import { cable } from '../parse/helpers.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const memo = 'UNCLASSIFIED\n\n1. (U) The office moved to the new building.\n\n2. (PII) The employee, Jane Q. Roe, SSN 123-45-6789, lives at 12 Elm Street.\n\nUNCLASSIFIED\n';
const unclasCable = cable('1. (PII) The employee, Jane Q. Roe, SSN 123-45-6789, lives at 12 Elm Street.\n\n2. (U) The office moved to the new building.\n', {
  banner: 'UNCLAS BOGOTA 000123',
  eo: 'E.O. 12958: N/A',
  classifiedBy: '',
});

describe('(PII) as a mark', () => {
  it.each([
    ['a memo', memo],
    ['a cable', unclasCable],
  ])('in %s: a mark not understood, withheld pending review; the (U) paragraph released', async (_what, text) => {
    const result = await releaseDocument({ doc: readDocument(text).doc, profile: PUBLIC, asOf: '2026-12-05', stem: 'DOC', input: { path: 'DOC.txt', sha256: '0'.repeat(64) }, formats: ['text'] });
    const held = result.plan.decisions.find((d) => text.slice(d.span.start, d.span.end).includes('Jane Q. Roe'))!;
    expect([held.action, held.ruleId, held.markingSource]).toEqual(['withhold', 'public/unknown-marking', 'unknown']);
    expect(result.releaseText).not.toContain('123-45-6789');
    expect(result.releaseText).toContain('The office moved to the new building.');
    expect(findLeaks(withheldTexts(result.plan), result.releaseText)).toEqual([]);
  });
});
