/**
 * Probe 58a's findings on portion marks, through both readers:
 * - F3: a cable's unmarked subparagraph took its paragraph's (U) when its siblings carried their
 *   own SECRET marks (`¶1. (U) … three points:` / `A. (S) …` / `B. …` / `C. (S) …`): B was
 *   released as "marked unclassified" and lint said nothing. When a sibling's mark says more than
 *   the paragraph's (or was not understood) it is unmarked; under a paragraph that covers its
 *   siblings it still takes the paragraph's mark (sub-portion-ends.test.ts).
 * - F4: an unnumbered document paragraph opening with a level whose `)` was lost (`(S ZQ…`) was
 *   released in full; the numbered form and the cable form were caught. It is a mark not
 *   understood, as after a number; prose (`(See the annex)`) and list labels (`C) `) stay text.
 * - F5: a (U) paragraph holding an inline `(S)` is withheld whole, silently: now with a warning,
 *   and the portion says which level its own mark gave it (`raisedFrom`).
 */
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { parseMarkedDocument } from '../../src/parse/document/index.js';
import type { Document } from '../../src/types.js';
import { cable } from './helpers.js';

const byId = (doc: Document, id: string) => doc.portions.find((p) => p.id === id)!;

describe('F3: a cable subparagraph among siblings with marks of their own', () => {
  it.each([
    ['a (U) lead-in, SECRET siblings', '¶1. (U) The minister raised three points:\n\nA. (S) The first point.\nB. The second point.\nC. (S) The third point.', 'p1.b', 'unmarked', null],
    ['a (C) lead-in, a SECRET sibling', '¶1. (C) The minister raised two points:\n\nA. (S) The first point.\nB. The second point.', 'p1.b', 'unmarked', null],
    ['a REL TO lead-in, a NOFORN sibling', '¶1. (S//REL TO USA, NATO) Points:\n\nA. (S//NF) The first point.\nB. The second point.', 'p1.b', 'unmarked', null],
    ['a (U) lead-in, a sibling mark not understood', '¶1. (U) Points:\n\nA. (S//N F) The first point.\nB. The second point.', 'p1.b', 'unmarked', null],
    ['a (C) paragraph that covers its marked siblings', '¶1. (C) The minister raised two points:\n\nA. (U) The first point.\nB. The second point.', 'p1.b', 'inherited', 'C'],
    ['a (C) paragraph, a (C) sibling', '¶1. (C) The minister raised two points:\n\nA. (C) The first point.\nB. The second point.', 'p1.b', 'inherited', 'C'],
    ['an unmarked sibling before the marked one', '¶1. (U) Points:\n\nA. The first point.\nB. (S) The second point.', 'p1.a', 'unmarked', null],
    ['no sibling marked: the paragraph’s mark', '¶1. (C) The minister raised two points:\n\nA. The first point.\nB. The second point.', 'p1.b', 'inherited', 'C'],
    ['no sibling marked under (U)', '¶1. (U) The minister raised two points:\n\nA. The first point.\nB. The second point.', 'p1.a', 'inherited', 'U'],
  ] as const)('%s', (_name, body, id, source, level) => {
    const doc = parseCable(cable(body));
    const p = byId(doc, id);
    expect(p.markingSource).toBe(source);
    expect(p.marking?.level ?? null).toBe(level);
    const diagnostic = doc.diagnostics.find((d) => d.code === 'unmarked-portion' && d.span?.start === p.span.start);
    if (source === 'unmarked') expect(diagnostic?.severity).toBe('error');
    else expect(diagnostic).toBeUndefined();
  });

  it('an ENTIRE TEXT statement still covers it', () => {
    const doc = parseCable(cable('¶1. (U) Points:\n\nA. (C) The first point.\nB. The second point.', { classifiedBy: 'CONFIDENTIAL - ENTIRE TEXT' }));
    expect(byId(doc, 'p1.b')).toMatchObject({ markingSource: 'entire-text' });
  });
});

const memo = (para: string, banner = 'UNCLASSIFIED') => `${banner}\n\n(U) Opening paragraph.\n\n${para}\n\n(U) Closing paragraph.\n\n${banner}\n`;

describe('F4: a document paragraph that opens with a level whose ) was lost', () => {
  it.each([
    ['(S ZQSOPEN the source reported the plan.', '(S'],
    ['(C ZQCOPEN the source reported the plan.', '(C'],
    ['(TS ZQTSOPEN the source reported the plan.', '(TS'],
    ['(SBU ZQSBUOPEN the source reported the plan.', '(SBU'],
    ['(CUI ZQCUIOPEN the source reported the plan.', '(CUI'],
    ['(U ZQUOPEN the source reported the plan.', '(U'],
    ['(S The source (in Paris) reported the plan.', '(S'],
    ['  (S ZQINDENT the source reported the plan.', '(S'],
  ])('%j is a mark not understood', (para, raw) => {
    const doc = parseMarkedDocument(memo(para));
    const p = doc.portions.find((q) => q.mark?.raw === raw)!;
    expect(p, JSON.stringify(doc.portions.map((q) => [q.mark?.raw, q.markingSource]))).toBeDefined();
    expect(p.markingSource).toBe('unknown');
    expect(doc.diagnostics.some((d) => d.code === 'unknown-marking' && d.severity === 'error' && d.message.includes(raw))).toBe(true);
  });

  it.each([
    '(See the annex) for the figures.',
    '(Senate hearing, 12 May) The committee met.',
    'C) The third option is to wait.',
    'S) The last option is to leave.',
    '(US and UK officials) met on Tuesday.',
    '(Signed) J. Smith',
  ])('%j stays text', (para) => {
    const doc = parseMarkedDocument(memo(para));
    expect(doc.portions.filter((p) => p.markingSource === 'unknown')).toEqual([]);
    expect(doc.diagnostics.filter((d) => d.code === 'unknown-marking')).toEqual([]);
  });

  it('only at the start of a paragraph: a wrapped line that opens so continues its paragraph', () => {
    const doc = parseMarkedDocument(memo('(U) The delegation met the ministers of the three coastal states and their\n(S and T) advisers on Tuesday.'));
    expect(doc.portions.filter((p) => p.markingSource === 'unknown')).toEqual([]);
  });
});

const secretMemo = (para: string) => `SECRET\n\n(U) Intro paragraph.\n\n${para}\n\nClassified By: J\nDerived From: Multiple Sources\nDeclassify On: 20401231\n\nSECRET\n`;

describe('F5: a portion raised in level by a mark inside its text', () => {
  it.each([
    ['document', () => parseMarkedDocument(secretMemo('(U) Inline: the officer (S) ZQINLINE said so.')), '(S)'],
    ['document, quoted', () => parseMarkedDocument(secretMemo('(U) Quote: the report said "(S) ZQQUOTED" and then went on.')), '(S)'],
    ['cable', () => parseCable(cable('¶1. (U) The minister (S) ZQINNER raised points.\n\n¶2. (C) End.')), '(S)'],
  ] as const)('%s: says its own level, and warns', (_name, read, inner) => {
    const doc = read();
    const p = doc.portions.find((q) => q.raisedFrom)!;
    expect(p, JSON.stringify(doc.portions.map((q) => [q.id, q.markingSource, q.marking?.level]))).toBeDefined();
    expect(p.marking?.level).toBe('S');
    expect(p.raisedFrom).toEqual({ level: 'U', by: inner });
    const w = doc.diagnostics.find((d) => d.code === 'mark-raised-inside')!;
    expect(w.severity).toBe('warning');
    expect(w.message).toContain(`holds the mark ${inner} inside its text`);
  });

  it.each([
    ['a higher own mark', '(S) The officer (C) said so.'],
    ['controls only', '(S//REL TO USA, GBR) The officer (S//NF) said so.'],
  ])('not for %s', (_name, para) => {
    const doc = parseMarkedDocument(secretMemo(para));
    expect(doc.portions.some((p) => p.raisedFrom)).toBe(false);
    expect(doc.diagnostics.some((d) => d.code === 'mark-raised-inside')).toBe(false);
  });
});

const tableMemo = (banner: string, row: string) =>
  `${banner}\n\n(U) Contacts:\n\n${row}\n\nClassified By: Z\nDerived From: Multiple Sources\nDeclassify On: 20401231\n\n${banner}\n`;

describe('F2: a table row whose first cell alone is marked', () => {
  it.each([
    ['SECRET', '| (U) Public Person | spokesman |', 'unknown', true],
    ['SECRET', '| (S) Secret Person | handler |', 'unknown', true],
    ['SECRET', '| (C//NF) Person | handler |', 'unknown', true],
    ['SECRET', '| (U) Public Person | (U) spokesman |', 'marked', false],
    ['UNCLASSIFIED', '| (U) Public Person | spokesman |', 'unmarked', false],
    ['UNCLASSIFIED', '| (S) Person | handler |', 'unknown', true],
  ] as const)('%s memo, %s: %s', (banner, row, source, firstCell) => {
    const doc = parseMarkedDocument(banner === 'UNCLASSIFIED' ? tableMemo(banner, row).replace(/Classified By[^]*?20401231\n\n/, '') : tableMemo(banner, row));
    const p = doc.portions.find((q) => q.kind === 'table-row')!;
    expect(p.markingSource).toBe(source);
    expect(p.markFirstCellOnly ?? false).toBe(firstCell);
    // Never "no portion mark": the row has one, on its first cell.
    expect(doc.diagnostics.some((d) => d.code === 'unmarked-portion' && d.span?.start === p.span.start && d.severity !== 'info')).toBe(false);
    if (firstCell) expect(doc.diagnostics.find((d) => d.code === 'unknown-marking')?.message).toMatch(/marks only the first cell of this table row/);
  });
});
