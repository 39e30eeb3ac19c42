/**
 * Final dispositions (issue 12): the stamp says what happened, never RELEASE IN PART when nothing
 * was released, and a document with a portion pending review is not final.
 */
import { describe, expect, it } from 'vitest';
import { computeDisposition, pdfStampLine, PENDING_STAMP, pendingReason } from '../../src/engine/disposition.js';

type D = { portionId: string; action: 'release' | 'withhold'; ruleId: string; authority: string[] };
const rel = (id: string): D => ({ portionId: id, action: 'release', ruleId: 'public/unclassified', authority: [] });
const b1 = (id: string): D => ({ portionId: id, action: 'withhold', ruleId: 'public/classified', authority: ['B1', '1.4(B)', '1.4(D)'] });
const sbu = (id: string): D => ({ portionId: id, action: 'withhold', ruleId: 'public/sbu-pending-review', authority: ['SBU - PENDING FOIA REVIEW'] });
const unknown = (id: string): D => ({ portionId: id, action: 'withhold', ruleId: 'public/unknown-marking', authority: ['UNKNOWN MARKING - PENDING REVIEW'] });
const review = (id: string): D => ({ portionId: id, action: 'withhold', ruleId: 'public/classified-pending-review', authority: ['PENDING DECLASSIFICATION REVIEW'] });
const mdr = (id: string): D => ({ portionId: id, action: 'withhold', ruleId: 'override', authority: ['B5'] });

describe('computeDisposition', () => {
  it.each([
    ['everything released', [rel('p1'), rel('p2')], 0, 'release-in-full', 'RELEASE IN FULL'],
    ['some withheld', [rel('p1'), b1('p2')], 0, 'release-in-part', 'RELEASE IN PART B1, 1.4(B), 1.4(D)'],
    ['all released but a span redacted', [rel('p1')], 1, 'release-in-part', 'RELEASE IN PART B6'],
    ['nothing released: denied, never RELEASE IN PART', [b1('p1'), b1('p2')], 0, 'denied-in-full', 'DENIED IN FULL B1, 1.4(B), 1.4(D)'],
    ['an SBU portion: pending', [rel('p1'), sbu('p2')], 0, 'pending-review', PENDING_STAMP],
    ['an unknown mark: pending', [b1('p1'), unknown('p2')], 0, 'pending-review', PENDING_STAMP],
    ['a declassification review: pending', [review('p1')], 0, 'pending-review', PENDING_STAMP],
    ['a reviewer decided: final', [rel('p1'), mdr('p2')], 0, 'release-in-part', 'RELEASE IN PART B5'],
    // A reviewer's withholding under a pending label is pending as a rule's is (probe 67c F2): never `RELEASE IN PART PENDING REVIEW`.
    ['a reviewer held it under PENDING REVIEW: pending', [rel('p1'), mdr('p2'), { ...mdr('p3'), authority: ['PENDING REVIEW'] }], 0, 'pending-review', PENDING_STAMP],
    ['a reviewer held it under an SBU pending label: pending', [rel('p1'), { ...mdr('p2'), authority: ['SBU - PENDING FOIA REVIEW'] }], 0, 'pending-review', PENDING_STAMP],
  ])('%s', (_name, decisions, redactions, kind, stamp) => {
    const d = computeDisposition(decisions as D[], Array.from({ length: redactions as number }, () => ({ authority: ['B6'] })));
    expect([d.kind, d.stamp]).toEqual([kind, stamp]);
    expect(d.pending.length > 0).toBe(kind === 'pending-review');
  });

  it('says why each portion is pending', () => {
    const fgi = { portionId: 'p5', action: 'withhold', ruleId: 'public/foreign-declassified-pending-review', authority: ['FGI - PENDING REVIEW'] } as const;
    const d = computeDisposition([sbu('p1'), unknown('p2'), review('p3'), { portionId: 'p4', action: 'withhold', ruleId: 'public/default-deny', authority: ['PENDING REVIEW'] }, fgi], []);
    expect(d.pending).toEqual([
      { portionId: 'p1', reason: 'SBU/FOUO handling' },
      { portionId: 'p2', reason: 'unknown marking' },
      { portionId: 'p3', reason: 'declassification review' },
      { portionId: 'p4', reason: 'no rule decided' },
      { portionId: 'p5', reason: 'foreign government information' },
    ]);
    expect(d.authorities).toEqual(['FGI - PENDING REVIEW', 'PENDING DECLASSIFICATION REVIEW', 'PENDING REVIEW', 'SBU - PENDING FOIA REVIEW', 'UNKNOWN MARKING - PENDING REVIEW']);
  });

  it('a released portion is never pending; nor a withheld one under a final authority', () => {
    expect(pendingReason(rel('p1'))).toBeNull();
    expect(pendingReason(b1('p1'))).toBeNull();
    expect(pendingReason({ action: 'withhold', ruleId: 'nato/unknown-marking', authority: ['NOFORN'] })).toBe('unknown marking');
    // A rule decided: not 'no rule decided' (the default deny's reason), but why it could not.
    expect(pendingReason({ action: 'withhold', ruleId: 'public/unmarked-level-uncertain', authority: ['LEVEL UNCERTAIN - PENDING REVIEW'] })).toBe('level uncertain');
    expect(pendingReason({ action: 'withhold', ruleId: 'fvey/relido', authority: ['RELIDO - PENDING FOREIGN DISCLOSURE REVIEW'] })).toBe('foreign disclosure review');
    // A rule that holds unmarked text under a controlled banner said 'no rule decided'.
    expect(pendingReason({ action: 'withhold', ruleId: 'public/unmarked-under-controlled-banner', authority: ['PENDING REVIEW'] })).toBe('held for review by its rule');
    expect(pendingReason({ action: 'withhold', ruleId: 'public/unmarked-in-atomic-energy-act-document', authority: ['ATOMIC ENERGY ACT - PENDING REVIEW'] })).toBe('Atomic Energy Act review');
    expect(pendingReason({ action: 'withhold', ruleId: 'public/default-deny', authority: ['PENDING REVIEW'] })).toBe('no rule decided');
    expect(pendingReason({ action: 'withhold', ruleId: 'override', authority: ['PENDING REVIEW'] })).toBe('held by a reviewer');
    expect(pendingReason({ action: 'withhold', ruleId: 'override', authority: ['SBU - PENDING FOIA REVIEW'] })).toBe('SBU/FOUO handling');
    expect(pendingReason({ action: 'withhold', ruleId: 'override', authority: ['B6'] })).toBeNull();
  });
});

describe('pdfStampLine', () => {
  it.each([
    ['UNCLASSIFIED', 'release-in-part', 'RELEASE IN PART B1, 1.4(C)', 'UNCLASSIFIED - RELEASE IN PART B1, 1.4(C)'],
    ['UNCLASSIFIED', 'denied-in-full', 'DENIED IN FULL NOFORN', 'UNCLASSIFIED - DENIED IN FULL NOFORN'],
    ['SECRET//NOFORN', 'release-in-full', 'RELEASE IN FULL', 'SECRET//NOFORN - RELEASE IN FULL'],
    ['UNCLASSIFIED', 'pending-review', PENDING_STAMP, PENDING_STAMP],
    ['', 'release-in-full', 'RELEASE IN FULL', 'RELEASE IN FULL'],
  ] as const)('%s, %s → %s', (banner, kind, stamp, line) => {
    expect(pdfStampLine(banner, kind, stamp)).toBe(line);
  });
});
