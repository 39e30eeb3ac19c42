/**
 * Probe 68a (fix68e): cable text the reader released out of a (U) paragraph, and cable furniture.
 * - F1: the header a later section repeats under its `SECTION 02 OF 02` line in the middle of a
 *   (U) paragraph (SIPDIS, E.O., TAGS, SUBJECT) went with the paragraph, and its SUBJECT, withheld
 *   in the cable's own header, was released. It is page furniture now, as the section line is.
 * - F2: with no blank lines, an underlined title after a (U) paragraph was its text; it is an
 *   unmarked heading, as with blank lines. A line ending a sentence over a rule stays.
 * - F3: `2. (U)` opening a wrapped line of a (C) paragraph (repeating its number, or mid-sentence)
 *   opened a (U) paragraph; it is the (C) paragraph's text.
 * - F5: `BT` / `#0001` / `NNNN` after the signer are trailer lines, not unmarked text.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import type { Document } from '../../src/types.js';
import { cable, invariantProblems } from './helpers.js';

const EO = 'E.O. 12958: DECL: 02/13/2040';
const SUBJECT = 'SUBJECT: ZQ1 SECRET TALKS WITH ZQ2 MINISTER';
const read = (body: string, subject = SUBJECT): Document => readDocument(cable(body, { eo: EO, subject }), { format: 'cable' }).doc;

/** Where `token` is: `furniture`, or the portion's id and level (`unmarked` when it has none). */
function where(doc: Document, token: string): string {
  const at = doc.source.indexOf(token, doc.source.indexOf('Classified By'));
  if (at < 0) throw new Error(`no ${token}`);
  if (doc.furniture.some((f) => f.start <= at && at < f.end)) return 'furniture';
  const p = doc.portions.find((x) => x.segments.some((s) => s.start <= at && at < s.end));
  return p ? `${p.id} ${p.marking?.level ?? p.markingSource}` : 'none';
}

const SECTION = (sub: string, blank: string) =>
  `C O N F I D E N T I A L SECTION 02 OF 02 BERLIN 000173\n${blank}SIPDIS\n${blank}${EO}\nTAGS: MOPS PARM PREL NATO GM\n${sub}\n${blank}`;
const cut = (header: string) =>
  `1. (C) ZQ3 the minister said privately that talks would resume.\n\n2. (U) UQ1 The embassy hosted a reception on trade and\nculture that was attended by many local guests and\n\n${header}UQ2 press representatives from the capital.\n\n3. (C) ZQ4 further details follow septel.\n`;

describe('probe 68a F1: the header a later section repeats, inside a (U) paragraph', () => {
  it.each([
    ['blank lines, one-line subject', SECTION(SUBJECT, '\n')],
    ['no blank lines', SECTION(SUBJECT, '')],
    ['subject wrapped otherwise', SECTION('SUBJECT: ZQ1 SECRET TALKS\nWITH ZQ2 MINISTER', '\n')],
    ['a subject the first header does not hold, wrapped', SECTION('SUBJECT: ZQ5 OTHER TALKS WITH THE ZQ6 MINISTER OF\nZQ7 DEFENSE', '\n')],
  ])('%s: the repeated lines are furniture and the (U) paragraph goes on', (_name, header) => {
    const doc = read(cut(header));
    expect(invariantProblems(doc)).toEqual([]);
    expect(where(doc, 'UQ2')).toBe('p2 U');
    expect(where(doc, 'ZQ4')).toBe('p3 C');
    const afterUq1 = doc.source.slice(doc.source.indexOf('UQ1'));
    for (const z of ['ZQ1', 'ZQ2', 'ZQ5', 'ZQ6', 'ZQ7', 'SIPDIS', 'TAGS:', 'E.O.']) {
      const at = afterUq1.indexOf(z);
      if (at >= 0) expect(doc.furniture.some((f) => f.start <= doc.source.indexOf('UQ1') + at && doc.source.indexOf('UQ1') + at < f.end), z).toBe(true);
    }
  });

  it('a paragraph whose text reads like a subject is not taken for one without a section line', () => {
    const doc = read('1. (U) UQ1 The embassy noted that\nSUBJECT: lines are read in headers only.\n');
    expect(where(doc, 'lines are')).toBe('p1 U');
  });
});

describe('probe 68a F2: an underlined title under a (U) paragraph, no blank lines', () => {
  it.each([
    ['a title and its underline', '1. (U) UQ1 The embassy hosted a reception.\nZQ1 SECRET DEAL WITH MINISTER\n-----------------------------\n2. (C) ZQ2 talks will resume.\n', 'ZQ1', 'text1 unmarked'],
    ['dashes above and below', '1. (U) UQ1 The embassy hosted a reception.\n-------------------\nZQ1 Interior Praises\n-------------------\n2. (C) ZQ2 talks will resume.\n', 'ZQ1', 'text1 unmarked'],
    ['a title of two lines', '1. (U) UQ1 The embassy hosted a reception.\nZQ1 RELATIVELY FEW DEMOBILIZED\nREGROUP AS CRIMINAL GANGS\n-------------------------\n2. (C) ZQ2 talks will resume.\n', 'ZQ1', 'text1 unmarked'],
    ['a title with a colon', '1. (U) UQ1 The embassy hosted a reception.\nComment:\n--------\nZQ1 the minister lied.\n2. (C) ZQ2 talks will resume.\n', 'ZQ1', 'text1 unmarked'],
    ['a short title over a numbered paragraph', '1. (U) UQ1 The embassy hosted a reception.\nZQ1 Comment:\n2. (C) ZQ2 talks will resume.\n', 'ZQ1', 'text1 unmarked'],
    ['a lead-in sentence over a numbered paragraph stays', '1. (U) UQ1 The embassy hosted a reception.\nUQ3 The minister made three points:\n2. (C) ZQ2 talks will resume.\n', 'UQ3', 'p1 U'],
    ['a sentence over a rule stays', '1. (U) UQ1 The embassy hosted a reception.  End summary.\n-------------------\n2. (C) ZQ2 talks will resume.\n', '-----', 'p1 U'],
    ['a title in a wrapped sentence stays', '1. (U) UQ1 The embassy hosted a reception for\nUQ3 Trade Week\n-------------\n2. (C) ZQ2 talks will resume.\n', 'UQ3', 'p1 U'],
    ['under an (SBU) paragraph it stays, as with blank lines', '1. (SBU) UQ1 The embassy hosted a reception.\nUQ3 Trade Week\n-------------\n2. (C) ZQ2 talks will resume.\n', 'UQ3', 'p1 U'],
  ])('%s', (_name, body, token, expected) => {
    const doc = read(body, 'SUBJECT: (U) UQ0 TRADE WEEK');
    expect(invariantProblems(doc)).toEqual([]);
    expect(where(doc, token)).toBe(expected);
    expect(where(doc, 'UQ1')).toBe('p1 U');
  });
});

describe('probe 68a F3: a numbered mark opening a wrapped line of a (C) paragraph', () => {
  it.each([
    ['repeats the paragraph number mid-sentence', '1. (U) UQ1 Trade week.\n\n2. (C) ZQ1 The minister referred to septel paragraph\n2. (U) ZQ2 and said talks would resume.\n', 'ZQ2', 'p2 C'],
    ['a list item mid-sentence', '1. (U) UQ1 Trade week.\n\n2. (C) ZQ1 The minister referred to septel paragraph\n1. (U) ZQ2 and said talks would resume.\n', 'ZQ2', 'p2 C'],
    ['goes back mid-sentence', '1. (U) UQ1 Trade week.\n\n2. (C) ZQ0 a\n\n3. (C) ZQ1 The minister referred to septel paragraph\n2. (U) ZQ2 and said talks would resume.\n', 'ZQ2', 'p3 C'],
    ['jumps ahead mid-sentence', '1. (U) UQ1 Trade week.\n\n2. (C) ZQ1 The minister referred to septel paragraph\n7. (U) ZQ2 and said talks would resume.\n', 'ZQ2', 'p2 C'],
    ['repeats after a sentence end', '1. (U) UQ1 Trade week.\n\n2. (C) ZQ1 The minister spoke.\n2. (U) ZQ2 and said talks would resume.\n', 'ZQ2', 'p2 C'],
    ['the next number after a sentence end is a paragraph', '1. (U) UQ1 Trade week.\n\n2. (C) ZQ1 The minister spoke.\n3. (U) UQ2 Trade week ends.\n', 'UQ2', 'p3 U'],
    ['the next number mid-sentence is a paragraph (the numbering says so)', '1. (U) UQ1 Trade week.\n\n2. (C) ZQ1 The minister spoke of\n3. (U) UQ2 Trade week ends.\n', 'UQ2', 'p3 U'],
    ['a higher mark still opens one (fail closed)', '1. (U) UQ1 Trade week.\n\n2. (C) ZQ1 The minister referred to septel paragraph\n2. (S) ZQ2 and said talks would resume.\n', 'ZQ2', 'p2-2 S'],
    ['a list item after a colon is one', '1. (U) UQ1 Trade week.\n\n2. (C) ZQ1 The minister made points:\n1. (U) UQ2 Trade week ends.\n', 'UQ2', 'p2.1 U'],
    ['after a blank line a repeated number is a paragraph', '1. (U) UQ1 Trade week.\n\n2. (C) ZQ1 The minister spoke.\n\n2. (U) UQ2 Trade week ends.\n', 'UQ2', 'p2-2 U'],
  ])('%s', (_name, body, token, expected) => {
    const doc = read(body, 'SUBJECT: (U) UQ0 TRADE WEEK');
    expect(invariantProblems(doc)).toEqual([]);
    expect(where(doc, token)).toBe(expected);
  });
});

describe('probe 68a F5: the transmission trailer after the signer', () => {
  it.each([['BT\n#0001\n\nNNNN'], ['BT\n\n#0001\n\nNNNN'], ['NNNN']])('%j: the signer is the signature, the trailer no text', (trailer) => {
    const doc = read(`1. (C) ZQ1 The minister spoke.\n\nTIMKEN\n\n${trailer}\n`);
    expect(where(doc, 'TIMKEN')).toBe('signature unmarked');
    expect(doc.portions.filter((p) => p.id.startsWith('text'))).toEqual([]);
    expect(doc.diagnostics.filter((d) => d.code === 'unmarked-portion')).toEqual([]);
  });
});
