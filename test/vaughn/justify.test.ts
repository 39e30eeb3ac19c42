/**
 * The justification's words for what was read: a cable, or a document (a memo, or a PDF read
 * through the document reader), as the audit record's reader says.
 */
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/release/folder.js';
import { indexRowsOf } from '../../src/vaughn/build.js';
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

describe('the order a §1.5 category is cited under (found by a probe)', () => {
  // A 2004 cable citing `REASON 1.5 (B)` was justified under "E.O. 12958 §1.5 as issued in 1995",
  // an order that no longer governed it (E.O. 13292 renumbered the categories §1.4 in 2003).
  const marked = { ...decision, portionId: 'p1', kind: 'paragraph', markingSource: 'marked', level: 'S', authority: ['B1', '1.5(B)'] } as unknown as RecordDecision;
  const reasons = (originated: string | null) => {
    const record = { ...recordRead(undefined), input: { path: 'x', sha256: '0'.repeat(64), originated } } as unknown as AuditRecord;
    return /The classification reasons are [^]*?\)\)?\./.exec(justify(record, { subject: null, fromTo: null, classifiedBy: null }, { decision: marked, redaction: null }))?.[0];
  };

  it.each<[string | null, string]>([
    ['1999-05-01', 'The classification reasons are 1.5(b) (foreign government information) (E.O. 12958 §1.5 as issued in 1995).'],
    // Probe 66a F4: a partial extract of unknown date (05MADRID3260, of 2005 by its DECL) was said to fall under the 1995 order.
    [null, "The classification reasons are 1.5(b) (foreign government information) (cited as §1.5, the numbering of E.O. 12958 as issued in 1995; the document's date is not known, so the order that governed it is not stated)."],
    ['2004-10-01', 'The classification reasons are 1.5(b) (foreign government information) (cited as §1.5, the numbering of E.O. 12958 as issued in 1995; on 2004-10-01 the order in force was E.O. 12958, as amended, whose §1.4 has the same category under the same letter).'],
    ['2011-03-15', 'The classification reasons are 1.5(b) (foreign government information) (cited as §1.5, the numbering of E.O. 12958 as issued in 1995; on 2011-03-15 the order in force was E.O. 13526, whose §1.4 has the same category under the same letter).'],
  ])('a document of %s', (originated, expected) => {
    expect(reasons(originated)).toBe(expected);
  });

  it.each<[string[], string]>([
    [['B1', 'reason (B)', 'reason (D)'], 'The classification reasons are cited as the cable writes them, (b) and (d), by letter alone: the cable (1990-02-13) predates E.O. 12958 (14 October 1995), whose categories §1.5 and §1.4 letter, so no section or category is claimed for them.'],
  ])('letters alone in a cable of before E.O. 12958 (probe 61c F12): %j', (authority, expected) => {
    const record = { ...recordRead(undefined), input: { path: 'x', sha256: '0'.repeat(64), originated: '1990-02-13' } } as unknown as AuditRecord;
    const text = justify(record, { subject: null, fromTo: null, classifiedBy: null }, { decision: { ...marked, authority } as unknown as RecordDecision, redaction: null });
    expect(text).toContain(` ${expected} `);
    expect(text).not.toMatch(/1\.[45]\([bd]\)/);
  });

  it('a list mixing §1.5 and §1.4 names the order of each (probe 16b)', () => {
    const mixed = { ...marked, authority: ['B1', '1.5(C)', '1.4(D)'] } as unknown as RecordDecision;
    const record = { ...recordRead(undefined), input: { path: 'x', sha256: '0'.repeat(64), originated: '2004-03-15' } } as unknown as AuditRecord;
    const text = justify(record, { subject: null, fromTo: null, classifiedBy: null }, { decision: mixed, redaction: null });
    expect(text).toContain('1.5(c) (intelligence activities (including special activities), intelligence sources or methods, or cryptology) (cited as §1.5, the numbering of E.O. 12958 as issued in 1995; on 2004-03-15 the order in force was E.O. 12958, as amended, whose §1.4 has the same category under the same letter) and 1.4(d) (foreign relations or foreign activities of the United States, including confidential sources) (E.O. 13526 §1.4).');
  });
});

describe('foreign government and NATO information is not said to be classified by the US classifier (probe 60a F5)', () => {
  const facts = { subject: null, fromTo: null, classifiedBy: 'Analyst 7' };
  const withMark = (mark: string, level: string) =>
    ({ ...decision, portionId: 'p1', kind: 'paragraph', markingSource: 'marked', mark, level, authority: ['B1', '1.4(B)'], ruleId: 'public/classified' }) as unknown as RecordDecision;
  it.each([
    ['(//NS)', 'S', 'Paragraph ¶1 is portion-marked NATO SECRET: it is NATO information, classified by NATO and not by the document\'s classifier, and is foreign government information.'],
    ['(NC)', 'C', 'Paragraph ¶1 is portion-marked NATO CONFIDENTIAL: it is NATO information, classified by NATO and not by the document\'s classifier, and is foreign government information.'],
    ['(//GBR S//REL TO USA, GBR)', 'S', "Paragraph ¶1 is portion-marked as foreign government information classified SECRET by the government that provided it, not by the document's classifier."],
    ['(S//FGI DEU//NF)', 'S', 'Paragraph ¶1 is portion-marked SECRET and was classified SECRET in the document, classified by Analyst 7; it holds foreign government information.'],
    ['(S//NF)', 'S', 'Paragraph ¶1 is portion-marked SECRET and was classified SECRET in the document, classified by Analyst 7.'],
  ])('%s', (mark, level, expected) => {
    const text = justify(recordRead({ name: 'document', version: '1.0.0' }), facts, { decision: withMark(mark, level), redaction: null });
    expect(text.startsWith(`${expected} `)).toBe(true);
    // The country code and REL TO list of a withheld mark are never quoted.
    expect(text).not.toMatch(/GBR|DEU/);
  });
});

describe("foreign information is not declassified by the US instruction's date (probe 61 item 4, probe 61c F11)", () => {
  // The index said a NATO SECRET paragraph was "SECRET until 2040-12-31, the date its
  // declassification instruction sets (…; declassified on that date under 32 CFR 2001.12(b))"
  // and then that the instruction "does not by itself declassify" it; and gave a portion
  // "classified by NATO and not by the document's classifier" that classifier's reasons.
  const facts = { subject: null, fromTo: null, classifiedBy: 'Analyst 7' };
  const reason = 'SECRET until 2040-12-31, the date its declassification instruction sets (E.O. 13526 §1.5; declassified on that date under 32 CFR 2001.12(b)).';
  const record = { ...recordRead({ name: 'document', version: '1.0.0' }), declassification: { reason } } as unknown as AuditRecord;
  const withMark = (mark: string, level: string) =>
    ({ ...decision, portionId: 'p1', kind: 'paragraph', markingSource: 'marked', mark, level, authority: ['B1', '1.4(B)', '1.4(D)'], ruleId: 'public/classified' }) as unknown as RecordDecision;
  const nato = "It is withheld because it is NATO information, which is foreign government information: 1.4(b) (foreign government information) (E.O. 13526 §1.4). Declassification as of 2026-12-01: the document's declassification instruction (2040-12-31) is the US classifier's and applies to the document's US information only; it does not declassify the NATO information in this portion, which is not declassified or downgraded without NATO's consent.";
  const fgi = "It is withheld because it is foreign government information: 1.4(b) (foreign government information) (E.O. 13526 §1.4). Declassification as of 2026-12-01: the document's declassification instruction (2040-12-31) is the US classifier's and applies to the document's US information only; it does not declassify the foreign government information in this portion: the government that provided it may have to be consulted first (32 CFR 2001.30(i)).";
  const usWithFgi = `Declassification as of 2026-12-01: for its US information, ${reason} The document's declassification instruction is the US classifier's and does not declassify the foreign government information this portion holds: the government that provided it may have to be consulted first (32 CFR 2001.30(i)).`;
  it.each<[string, string, string, boolean]>([
    // [mark, level, expected text before the rule sentence, the US classifier's reasons cited]
    ['(//NS)', 'S', nato, false],
    ['(NC)', 'C', nato, false],
    ['(//CTS)', 'TS', nato, false],
    ['(//GBR S//REL TO USA, GBR)', 'S', fgi, false],
    ['(S//FGI DEU//NF)', 'S', usWithFgi, true],
    ['(S//NF)', 'S', `Declassification as of 2026-12-01: ${reason}`, true],
  ])('%s', (mark, level, expected, usReasons) => {
    const text = justify(record, facts, { decision: withMark(mark, level), redaction: null });
    expect(text).toContain(` ${expected} Rule public/classified:`);
    expect(text.includes('The classification reasons are')).toBe(usReasons);
    expect(text).not.toContain('does not by itself declassify');
    if (!usReasons) expect(text).not.toMatch(/1\.4\(d\)|declassified on that date/);
    expect(text).not.toMatch(/GBR|DEU/);
  });
});

describe('a release held after the cross-document check (stop 69 review)', () => {
  // Its files are in pending/: the index handed out must not call it released in part.
  const withheld = { ...decision, portionId: 'p2', kind: 'paragraph', markingSource: 'marked', level: 'C', authority: ['B1', '1.4(D)'], span: { start: 40, end: 80 } } as unknown as RecordDecision;
  const released = { ...decision, portionId: 'p1', kind: 'paragraph', markingSource: 'marked', level: 'U', action: 'release', authority: [], span: { start: 0, end: 39 } } as unknown as RecordDecision;
  const record = (held: boolean) =>
    ({
      ...recordRead({ name: 'cable', version: '0.1.0' }),
      decisions: [released, withheld],
      redactions: [],
      ...(held ? { held: { reason: 'cross-document', matches: [{ from: '09OTHER1', portions: ['p3'], runs: 2, line: 14 }] } } : {}),
    }) as unknown as AuditRecord;

  it.each([
    [false, 'release-in-part', /^All reasonably segregable information has been released/],
    [true, 'pending-review', /^Segregability is not final: the document is held for review because its release would show text that 09OTHER1 withholds; by its own marks 1 of 2 portion\(s\) would be released\.$/],
  ])('held %s: disposition %s', (held, disposition, statement) => {
    const rows = indexRowsOf({ stem: 'B', record: record(held), releaseText: 'text' } as unknown as Parameters<typeof indexRowsOf>[0], 1);
    expect(rows.map((r) => r.disposition)).toEqual([disposition]);
    expect(rows[0]!.segregability).toMatch(statement);
  });
});
