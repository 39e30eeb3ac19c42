/**
 * Every form of a reason list seen in the corpus's Classified By lines (probe 68c F1, F2, F3):
 * `and` broken inside the word or over a line (`B A` / `ND D` was read as the letter A, a
 * category the cable never gives, and dropped D), `+` between letters, `and` inside the
 * brackets, a backslash at the line ends. The corpus cable each row comes from is named.
 */
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { normaliseReasons } from '../../src/parse/patterns.js';
import { cable } from './helpers.js';

const BD = ['1.4(b)', '1.4(d)'];

describe('normaliseReasons: the corpus forms', () => {
  it.each([
    // [field text, reasons, corpus cable]
    ['FOR REASONS 1.4 B A\nND D', BD, '07BRASILIA2262'],
    ['for reasons 1.4 (b+d)', BD, '10MAPUTO80'],
    ['reasons 1.4 (b)+(e)', ['1.4(b)', '1.4(e)'], '06BOGOTA1970'],
    ['for Reasons 1.4 (b and\nd)', BD, '10BAKU98'],
    ['reasons 1.4 (b) an d (d).', BD, '10LONDON42'],
    ['REASONS 1.4 (B) AN \nD (D)', BD, '09UNVIEVIENNA218'],
    ['reasons 1.4 (b) an\nd (d)', BD, '07RABAT494'],
    ['reasons 1.4 (B) an\nd (D).', BD, '07LISBON1812'],
    ['reasons 1.4 (b) a \nnd (d)', BD, '09MADRID551'],
    ['reasons 1.4 (b) a\nnd (d)', BD, '09MADRID71'],
    ['reasons 1.4 (b),( \nd)', BD, '09TELAVIV1184'],
    ['reasons 1.4 (b,d)', BD, '07THEHAGUE1295'],
    ['reasons 1.4 (b), (c), and (d)', ['1.4(b)', '1.4(c)', '1.4(d)'], '08STATE79112'],
    ['For reasons \\\nE.O. 12958, 1.4(b)(d). \\', BD, '06GENEVA1673'],
    ['Reason: E.O. 12958 1.4 (d) \\', ['1.4(d)'], '06GENEVA2030'],
    ['REASON: 1.4 (b & d)', BD, 'form'],
    // Never a letter the text does not give: `A` before a word that is no `and` stays a letter only when alone.
    ['REASONS 1.4 (B) AND (D)', BD, 'form'],
    ['REASONS 1.4 A AND D', ['1.4(a)', '1.4(d)'], 'form'],
  ])('%j → %j (%s)', (text, reasons) => {
    expect(normaliseReasons(text)).toEqual(reasons);
  });
});

describe('a Classified By field broken over lines gives all its reasons, and its tail is no portion', () => {
  it.each([
    ['Classified By: DCM X FOR REASONS 1.4 B A\nND D', BD],
    ['Classified By: xxxxx for Reasons 1.4 (b and\nd)', BD],
    ['Classified By: DCM X, REASONS 1.4 (B) AN \nD (D)', BD],
    ['Classified By: PolCouns Velia M. De Pirro. Reason: E.O. 12958 1.4 (d) \\\n \\', ['1.4(d)']],
    ['Classified By: Political Counselor Velia De Pirro.  For reasons \\\nE.O. 12958, 1.4(b)(d). \\', BD],
  ])('%j → %j', (classifiedBy, reasons) => {
    const doc = parseCable(cable('1. (C) ZQf1 text.\n\n2. (U) UQf2 text.', { classifiedBy }));
    expect(doc.classifiedBy?.reasons).toEqual(reasons);
    expect(doc.portions.map((p) => p.id).filter((id) => id !== 'subject')).toEqual(['p1', 'p2']);
  });
});

/**
 * The corpus's `and` broken over the field's line end (every shape of the 12 cables that have one),
 * then the same with text after the tail on its line (probe 68e F5: `ND D ZQ1 …` cited 1.4(A) and
 * dropped D). The tail line with text is content, not the field: its words are no portion of it.
 */
describe('an `and` broken over the line end gives its letters, whatever follows on the tail line', () => {
  const shapes: [string, string, string[], string][] = [
    // [field's last line, tail line, reasons, corpus cable]
    ['FOR REASONS 1.4 B A ', 'ND D ', BD, '07BRASILIA2262'],
    ['Reason 1.5(b) a ', 'nd (d) ', ['1.5(b)', '1.5(d)'], '03THEHAGUE2113'],
    ['reason 1.4 (b) an', 'd (d)', BD, '05MADRID1349'],
    ['for reasons 1.4 (B) an', 'd (D).', BD, '07LISBON1812'],
    ['for reasons 1.4 (b) a ', 'nd (d) ', BD, '09CARACAS1181'],
    ['reasons 1.4 (b) a', 'nd (d).', BD, '09THEHAGUE328'],
    ['FOR REASONS 1.4 (B) AN ', 'D (D) ', BD, '09UNVIEVIENNA218'],
    ['Reasons: 1.4 (b) an', 'd (d).', BD, '10USNATO35'],
  ];
  const after = [' ZQ1 the minister said the deal is done.', '. THIS CABLE IS ZQ1 SENSITIVE.', ' JOHN SMITH, ZQ1 POLOFF', ' A MINISTER SAID ZQ1 NO.', ' AND (E). ZQ1 TEXT'];
  const rows = shapes.flatMap(([field, tail, reasons, from]) => [
    [from, field, tail, reasons],
    ...after.map((text) => [`${from} + ${JSON.stringify(text)}`, field, `${tail.trimEnd().replace(/\.$/, '')}${text}`, text.startsWith(' AND (E)') ? [...reasons, reasons[0]!.replace(/\(b\)$/, '(e)')] : reasons]),
  ]) as [string, string, string, string[]][];
  it.each(rows)('%s', (_name, field, tail, reasons) => {
    const doc = parseCable(cable('1. (C) ZQf1 text.\n\n2. (U) UQf2 text.', { classifiedBy: `Classified By: DCM X ${field}\n${tail}` }));
    expect(doc.classifiedBy?.reasons).toEqual(reasons);
    expect(doc.classifiedBy?.reasons).not.toContain('1.4(a)');
    // A tail with words after its letters is content (withheld as classified text), never read into the field.
    const ids = doc.portions.map((p) => p.id).filter((id) => id !== 'subject');
    expect(ids.filter((id) => id.startsWith('p'))).toEqual(['p1', 'p2']);
    if (/ZQ1/.test(tail)) expect(doc.portions.some((p) => p.kind !== 'paragraph' && doc.source.slice(p.span.start, p.span.end).includes('ZQ1'))).toBe(true);
  });
});

/**
 * The corpus cables whose B1 cited no category though their text gives the reasons (they were
 * stamped plain `B1` with b1-without-reasons). The rule each row follows:
 * - a section number mistyped before letters (`1`, `14`, `1/4`, `1.b`): the letters name §1.4's
 *   categories (§1.5's before 2003), the only ones with letters;
 * - `REASON: 1.4 …` after a blank line under a field that gave none;
 * - a `Classified By:` label inside a flattened header line, or after a continuation header, before
 *   the first marked portion: its line up to the first portion mark.
 */
describe('reasons the corpus gives in a form that was not read', () => {
  it.each([
    // [Classified By lines, body before ¶1, reasons, corpus cable]
    ['Classified By: CDA MILTON DRUCKER FOR REASONS 1 (B) AND (D) ', '', BD, '06BOGOTA5384'],
    ['Classified By: Glbal Affairs Unit Chief Don L. Brown for\nreasons 14 (b) and (d).', '', BD, '08BERLIN643'],
    ['Classified By: AMBASSADOR CLIFFORD SOBEL for Reasons 1/4 (B) and (D). ', '', BD, '04THEHAGUE1833'],
    ['Classified By: Amb. P Michael McKinley for reasons 1.b and d. ', '', BD, '08LIMA1107'],
    ['CLASSIFIED BY: J. Patick Truhn, Consul General, AmConGen Naples.\n\nREASON: 1.4 (b), (d)', '', BD, '09NAPLES69'],
    ['REF: STATE 24355 CLASSIFIED BY: Gene Cretz, Ambassador. REASON: 1.4 (b), (d)', '', BD, '09TRIPOLI250'],
    ['REF: A. STATE 048525 B. CAIRO 000975 Classified By: Counselor Catherine Hill-Herndon for reasons 1.4 (b) and (d). (C) ZQf0 We have informed', '', BD, '09CAIRO993'],
    ['REF: A. 07 CAIRO 1638 B. IICT-2008-59 Classified By: Deputy Chief of Mission Matthew Tueller for Reasons 1.4(b) and (d) 1.(C) ZQf0 Summary: The', '', BD, '08CAIRO2187'],
    ['REF: STATE 13607', 'BERLIN 00000173  001.2 OF 002\n\n\nClassified By: PolCouns Velia M. De Pirro. Reason: E.O. 12958 1.4 (d) \\\n \\\nIntroduction and Summary \\\n\n', ['1.4(d)'], '06GENEVA2030'],
  ])('%j → %j (%s)', (classifiedBy, before, reasons) => {
    const doc = parseCable(cable(`${before}1. (C) ZQf1 text.\n\n2. (U) UQf2 text.`, { classifiedBy, ref: '' }));
    expect(doc.classifiedBy?.reasons).toEqual(reasons);
  });

  it('a SUBJECT flattened with its REF and Classified By and ¶1 (09CAIRO1739): the mark after the reasons is no letter', () => {
    const subject = 'SUBJECT: EGYPT NOTIFIED OF DEPARTMENT OF LABOR LIST OF\nGOODS PRODUCED BY CHILD LABOR REF: SECSTATE 92560 Classified By: Economic-Political Minister-Counselor Donald A. Blome for reason 1.4(d) (C) ZQf0 We delivered';
    const doc = parseCable(cable('\n2. (U) UQf2 text.', { subject, ref: '', classifiedBy: '' }));
    expect(doc.classifiedBy?.reasons).toEqual(['1.4(d)']);
  });

  // Where the text gives none, none is read (b1-without-reasons stays): a preview cut off, a name alone.
  it.each([
    ['Classified By: A/DCM ...'],
    ['Classified By: EUR/PRA Director Stephanie Miley '],
    ['Classified By: Political Counselor Annie Pforzheimer, ...'],
    ['Classified By: DCM X, reasons a lot'],
  ])('%j → none', (classifiedBy) => {
    expect(parseCable(cable('1. (C) ZQf1 text.\n\n2. (U) UQf2 text.', { classifiedBy })).classifiedBy?.reasons ?? []).toEqual([]);
  });
});
