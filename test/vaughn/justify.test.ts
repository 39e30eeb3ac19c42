/**
 * The justification's words for what was read: a cable, or a document (a memo, or a PDF read
 * through the document reader), as the audit record's reader says.
 */
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/release/folder.js';
import { justify } from '../../src/vaughn/justify.js';

type RecordDecision = AuditRecord['decisions'][number];

const decision = {
  portionId: 'header',
  kind: 'header',
  markingSource: 'unmarked',
  action: 'withhold',
  declassified: false,
  ruleId: 'public/unmarked-in-classified',
  authority: ['B1'],
  reason: 'Withheld under FOIA exemption (b)(1) because the portion is unmarked in a document that is classified as of the release date.',
} as unknown as RecordDecision;

const recordRead = (reader: { name: string; version: string } | undefined): AuditRecord =>
  ({
    asOf: '2026-12-01',
    input: { path: 'x', sha256: '0'.repeat(64), ...(reader ? { reader } : {}) },
    declassification: { reason: 'SECRET until 2032-01-08.' },
  }) as unknown as AuditRecord;

describe('justification of an unmarked portion', () => {
  it.each<[string, { name: string; version: string } | undefined, string]>([
    ['a cable (no reader recorded)', undefined, 'cable'],
    ['a cable (the cable reader)', { name: 'cable', version: '0.1.0' }, 'cable'],
    ['a marked document', { name: 'document', version: '1.0.0' }, 'document'],
    ['a PDF', { name: 'pdf', version: '1.0.0' }, 'document'],
  ])('in %s says %s', (_name, reader, kind) => {
    const text = justify(recordRead(reader), { subject: null, fromTo: null, classifiedBy: null }, { decision, redaction: null });
    expect(text).toContain(`The header carries no portion mark in a classified ${kind};`);
  });
});

describe("the declassification sentence of a portion below the document's level (found by a probe)", () => {
  // A CONFIDENTIAL paragraph of a SECRET memo: its row said "SECRET until 2032-01-08", the
  // document's assessment, as if the paragraph were SECRET.
  const marked = (level: string) => ({ ...decision, portionId: 'p1', kind: 'paragraph', markingSource: 'marked', level, authority: ['B1', '1.4(C)'] }) as unknown as RecordDecision;
  const sentence = (level: string) => /Declassification as of 2026-12-01: [^.]*\./.exec(justify(recordRead({ name: 'document', version: '1.0.0' }), { subject: null, fromTo: null, classifiedBy: null }, { decision: marked(level), redaction: null }))?.[0];

  it.each([
    ['C', 'Declassification as of 2026-12-01: the document as a whole (SECRET) until 2032-01-08.'],
    ['S', 'Declassification as of 2026-12-01: SECRET until 2032-01-08.'],
  ])('level %s: %s', (level, expected) => {
    expect(sentence(level)).toBe(expected);
  });
});

describe("a reviewer's B1 on a paragraph marked UNCLASSIFIED (found by a probe)", () => {
  it('cites the reviewer\'s reasons as the reviewer\'s, not as the paragraph\'s classification reasons', () => {
    const d = { ...decision, portionId: 'p1', kind: 'paragraph', markingSource: 'marked', level: 'U', authority: ['B1', '1.4(D)'], ruleId: 'override', override: { reviewer: 'J. Smith', date: '2015-01-01' } } as unknown as RecordDecision;
    const text = justify(recordRead(undefined), { subject: null, fromTo: null, classifiedBy: null }, { decision: d, redaction: null });
    expect(text).toContain("it is withheld under B1 by a reviewer's decision, not by its marking");
    expect(text).toContain("The reviewer's decision cites 1.4(d)");
    expect(text).not.toContain('The classification reasons are');
  });
});
