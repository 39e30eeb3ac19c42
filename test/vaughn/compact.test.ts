/**
 * The compact form of a document's index rows (batches above 2,000 documents keep their rows so,
 * instead of reading every record and release text back at the end): expanded again, through the
 * batch's string pool, they are the rows, field for field and in the same key order (the JSON
 * index stringifies them as they are); rows that cannot be held so are kept as they are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactRows, expandRows, StringPool, withCompactRows } from '../../src/vaughn/compact.js';
import type { IndexEntry } from '../../src/vaughn/build.js';
import type { IndexRow } from '../../src/vaughn/types.js';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '.', '. ', '"', '¶', 'é', '\u{1F600}') });
const head = fc.record({
  document: text,
  stem: text,
  docNumber: fc.option(text),
  date: fc.option(text),
  subject: fc.option(text),
  fromTo: fc.option(text),
  pages: fc.option(fc.nat(99)),
  disposition: fc.constantFrom('release-in-full', 'release-in-part', 'denied-in-full', 'pending-review' as const),
  segregability: text,
});
const own = fc.record({
  portion: text,
  kind: fc.constantFrom('withheld', 'redacted' as const),
  location: fc.record({ page: fc.option(fc.nat(9)), paragraph: text, line: fc.option(fc.nat(99)) }),
  authority: fc.array(text, { maxLength: 3 }),
  exemptions: text,
  rule: text,
  justification: fc.array(fc.constantFrom('Paragraph ¶3 is withheld. ', 'It is classified. ', 'Rule public/x: why.', ''), { maxLength: 5 }).map((s) => s.join('')),
});
/** A document's rows as build.ts makes them: its fields in that key order, numbered from 1. */
const documentRows = fc.tuple(head, fc.array(own, { maxLength: 6 })).map(([h, rows]) =>
  rows.map((r, i): IndexRow => ({
    no: i + 1,
    document: h.document,
    stem: h.stem,
    docNumber: h.docNumber,
    date: h.date,
    subject: h.subject,
    fromTo: h.fromTo,
    pages: h.pages,
    disposition: h.disposition,
    portion: r.portion,
    kind: r.kind,
    location: r.location,
    authority: r.authority,
    exemptions: r.exemptions,
    rule: r.rule,
    justification: r.justification,
    segregability: h.segregability,
  })),
);

describe('compact index rows', () => {
  it('expand, through one pool for many documents, to the rows themselves (JSON text included)', () => {
    fc.assert(
      fc.property(fc.array(documentRows, { maxLength: 5 }), fc.nat(1000), (docs, firstNo) => {
        const pool = new StringPool();
        const held = docs.map((rows) => pool.intern(compactRows(rows)!));
        docs.forEach((rows, d) => {
          const want = rows.map((r, i) => ({ ...r, no: firstNo + i }));
          const got = expandRows(held[d]!, firstNo);
          expect(got).toEqual(want);
          expect(JSON.stringify(got)).toBe(JSON.stringify(want));
        });
      }),
    );
  });

  it.each([
    ['a document field that differs between rows', (r: IndexRow, i: number): IndexRow => ({ ...r, subject: `${r.subject}${i}` })],
    ['a page that is not a whole number', (r: IndexRow): IndexRow => ({ ...r, location: { ...r.location, page: 1.5 } })],
    ['a line beyond 32 bits', (r: IndexRow): IndexRow => ({ ...r, location: { ...r.location, line: 2 ** 31 } })],
  ])('keeps the rows as they are for %s', (_, change) => {
    const rows = fc.sample(documentRows.filter((r) => r.length >= 2), { numRuns: 1, seed: 7 })[0]!.map(change);
    expect(compactRows(rows)).toBeNull();
    const entry = { stem: 's', name: 's.audit.json', record: { asOf: '2010-12-01', profile: { id: 'public' }, input: {} }, rows: rows.length, quoted: null, made: rows } as IndexEntry;
    expect(withCompactRows(entry)).toBe(entry);
  });

  it('holds a sentence shared by documents once', () => {
    const pool = new StringPool();
    const [a, b] = fc.sample(documentRows.filter((r) => r.length > 0), { numRuns: 2, seed: 3 }).map((rows) => rows.map((r) => ({ ...r, justification: `${r.portion}. Shared sentence.` })));
    const ha = pool.intern(compactRows(a!)!);
    const hb = pool.intern(compactRows(b!)!);
    expect(ha.strings).toBe(hb.strings);
    expect(ha.strings.filter((s) => s === 'Shared sentence.')).toHaveLength(1);
  });
});
