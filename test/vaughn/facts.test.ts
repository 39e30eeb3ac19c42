/** The header facts the index reads from a release text. */
import { describe, expect, it } from 'vitest';
import { releasedFacts } from '../../src/vaughn/facts.js';

describe('the subject of a release text', () => {
  it.each([
    // The index's Subject read "(U) Field Office Consolidation Plan DATE: 15 March 2011" (probe 15a).
    ['a memo field under the subject', 'SUBJECT: (U) Field Office Consolidation Plan\nDATE: 15 March 2011\n', '(U) Field Office Consolidation Plan'],
    ['PURPOSE under the subject', 'SUBJECT: (U) Plan\nPURPOSE: (U) To decide.\n', '(U) Plan'],
    ['a wrapped cable subject', 'SUBJECT: GERMANY: MERKEL AND STEINMEIER ON THE\n         COALITION\n\n1. (C) Text.\n', 'GERMANY: MERKEL AND STEINMEIER ON THE COALITION'],
    ['a subject ended by a paragraph', 'SUBJECT: (U) TALKS\n1. (C) Text.\n', '(U) TALKS'],
  ])('%s', (_name, text, subject) => {
    expect(releasedFacts(text).subject).toBe(subject);
  });
});
