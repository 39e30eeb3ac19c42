/**
 * Probe 64a F7 (fix65b): a partial extract without a date-time group (05MADRID171,
 * 05BUENOSAIRES159) has no date of origin the cable can show: its reference's year is in the file
 * name only, which the reader never sees, and a year taken from a name could set the 25-year
 * automatic declassification date earlier than the truth. The reader invents none (originated
 * null, so no automatic date; the DECL instruction decides) and says so in an info diagnostic
 * (`origin-unknown`). A partial extract with its date-time group on a line of its own is dated by it.
 */
import { describe, expect, it } from 'vitest';
import { assessDocument } from '../../src/declass/index.js';
import { parseCable } from '../../src/parse/index.js';

const extract = (dtg: string) =>
  `This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n${dtg}C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000171\n\nSIPDIS\n\nE.O. 12958: DECL: 01/11/2015\nTAGS: PREL MARR SP\nSUBJECT: SPAIN ON RELATIONS\n\nClassified By: CHARGE D'AFFAIRS BOB MANZANARES; REASON 1.4 (B) AND (D)\n\n1. (C) The Government ZQ1 has undertaken gestures.\n`;

describe('probe 64a F7: the date of origin of a partial extract', () => {
  it.each<[string, string, string | null, boolean]>([
    ['no date-time group', '', null, true],
    ['a date-time group on a line of its own', '111523Z Jan 05\n\n', '2005-01-11', false],
  ])('%s', (_name, dtg, originated, noted) => {
    const doc = parseCable(extract(dtg));
    expect(doc.originated).toBe(originated);
    const note = doc.diagnostics.find((d) => d.code === 'origin-unknown');
    expect(note !== undefined).toBe(noted);
    if (note) {
      expect(note.severity).toBe('info');
      expect(note.message).toMatch(/no date of origin.*no date-time group.*no 25-year automatic declassification date.*DECL/i);
    }
    const a = assessDocument(doc, '2010-12-01');
    expect(a.declassifyOn).toBe('2015-01-11');
    expect(a.status).toBe('classified');
    expect(a.automaticOn).toBe(originated ? '2030-12-31' : null);
  });
});
