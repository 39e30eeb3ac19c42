/**
 * Classified By reasons: ranges read as every letter in them (`reasons b-d` read b and d only),
 * and letters cited alone in a cable of E.O. 12958 before its 2003 amendment are §1.5 categories
 * (they were cited as 1.4, the numbering the amendment gave them).
 */
import { describe, expect, it } from 'vitest';
import { parseCable } from '../../src/parse/index.js';
import { normaliseReasons } from '../../src/parse/patterns.js';
import { cable } from './helpers.js';

describe('normaliseReasons: lists and ranges', () => {
  it.each([
    ['REASONS: 1.4 (B) AND (D).', ['1.4(b)', '1.4(d)']],
    ['reasons 1.4(b)-(d)', ['1.4(b)', '1.4(c)', '1.4(d)']],
    ['reasons 1.4 (b)–(d)', ['1.4(b)', '1.4(c)', '1.4(d)']],
    ['REASONS 1.4 (B) THROUGH (D).', ['1.4(b)', '1.4(c)', '1.4(d)']],
    ['reasons 1.5 (a) thru (c)', ['1.5(a)', '1.5(b)', '1.5(c)']],
    ['reasons 1.5, b-d.', ['1.5(b)', '1.5(c)', '1.5(d)']],
    // Letters alone.
    ['for reasons b-d.', ['1.4(b)', '1.4(c)', '1.4(d)']],
    ['REASONS B THROUGH D', ['1.4(b)', '1.4(c)', '1.4(d)']],
    ['REASONS B AND D', ['1.4(b)', '1.4(d)']],
    ['Reasons: B/D', ['1.4(b)', '1.4(d)']],
    // A range written backwards is its two ends only; a word after the letters reads nothing.
    ['reasons 1.4 (d)-(b)', ['1.4(d)', '1.4(b)']],
    ['reasons a lot', []],
    // The E of E.O. is no category (it was cited as 1.4(e)); a section repeated after a dash is the range's.
    ['Reason: 1.4(d), E.O. 13526', ['1.4(d)']],
    ['Reason: 1.4 (c) and E.O. 13526', ['1.4(c)']],
    ['REASONS 1.4(D) AND E.O. 12958 SECTION 1.5(B)-(C)', ['1.4(d)', '1.5(b)', '1.5(c)']],
    ['REASONS 1.4 B, E. O. 12958', ['1.4(b)']],
    ['reasons 1.4 (b) and (e).', ['1.4(b)', '1.4(e)']],
    ['reasons b and e.', ['1.4(b)', '1.4(e)']],
    ['REASONS 1.4(B)-1.4(D)', ['1.4(b)', '1.4(c)', '1.4(d)']],
    ['REASONS 1.4(B)-1.5(D)', ['1.4(b)', '1.5(d)']],
  ])('%s → %j', (text, reasons) => {
    expect(normaliseReasons(text)).toEqual(reasons);
  });
});

/** The standard test cable sent on `date` (`131627Z FEB 08` form) with `classifiedBy`. */
function sent(dtg: string, classifiedBy: string): string {
  return cable('1. (C) ZQp1 text.', { classifiedBy }).replace('O 131627Z FEB 08', `O ${dtg}`);
}

describe('letters alone, by the order the cable falls under', () => {
  it.each([
    // [date-time group, Classified By, reasons]
    ['131627Z FEB 01', 'Classified By: CDA JOSEPH MERANTE, REASONS B AND D.', ['1.5(b)', '1.5(d)']],
    ['131627Z FEB 01', 'Classified By: CDA JOSEPH MERANTE, REASONS B-D.', ['1.5(b)', '1.5(c)', '1.5(d)']],
    ['241627Z MAR 03', 'Classified By: CDA JOSEPH MERANTE, REASONS D.', ['1.5(d)']],
    // From 25 March 2003 (E.O. 13292) the categories are §1.4.
    ['251627Z MAR 03', 'Classified By: CDA JOSEPH MERANTE, REASONS D.', ['1.4(d)']],
    ['131627Z FEB 08', 'Classified By: CDA JOSEPH MERANTE, REASONS B AND D.', ['1.4(b)', '1.4(d)']],
    // Reasons written with their section are kept as written, in any year.
    ['131627Z FEB 01', 'Classified By: CDA JOSEPH MERANTE, REASON: 1.5 (B), (D).', ['1.5(b)', '1.5(d)']],
    ['131627Z FEB 01', 'Classified By: CDA JOSEPH MERANTE, REASONS 1.4 (B) AND (D).', ['1.4(b)', '1.4(d)']],
    ['131627Z FEB 08', 'Classified By: CDA JOSEPH MERANTE, REASONS 1.5 (B) AND (D).', ['1.5(b)', '1.5(d)']],
    // Before 14 October 1995 (E.O. 12356, §1.3(a)(1)-(10)) letters alone are cited as written, under no section (probe 61c F12).
    ['131627Z OCT 95', 'Classified By: CDA JOSEPH MERANTE, REASONS B AND D.', ['reason (b)', 'reason (d)']],
    ['131627Z FEB 90', 'Classified By: CDA JOSEPH MERANTE, REASONS B-D.', ['reason (b)', 'reason (c)', 'reason (d)']],
    ['141627Z OCT 95', 'Classified By: CDA JOSEPH MERANTE, REASONS B AND D.', ['1.5(b)', '1.5(d)']],
    ['131627Z FEB 90', 'Classified By: CDA JOSEPH MERANTE, REASONS 1.5 (B) AND (D).', ['1.5(b)', '1.5(d)']],
  ])('%s %s → %j', (dtg, classifiedBy, reasons) => {
    const doc = parseCable(sent(dtg, classifiedBy));
    expect(doc.classifiedBy?.reasons).toEqual(reasons);
    expect(doc.diagnostics.some((d) => d.code === 'reasons-as-written')).toBe(reasons[0]!.startsWith('reason ('));
  });
});
