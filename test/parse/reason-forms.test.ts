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
