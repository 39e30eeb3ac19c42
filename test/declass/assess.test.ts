import { describe, expect, it } from 'vitest';
import {
  assessDeclassification,
  assessDocument,
  DECL_RULES,
  documentLevel,
  governingOrder,
  parseDecl,
} from '../../src/declass/index.js';
import type { DeclStatus, Document, Level, Marking, Portion } from '../../src/types.js';

interface Row {
  readonly decl: string | null;
  readonly originated: string | null;
  readonly level: Level | null;
  readonly asOf: string;
  readonly status: DeclStatus;
  readonly declassifyOn: string | null;
  readonly automaticOn: string | null;
  readonly rule: string;
  /** Diagnostic codes, in order. */
  readonly diagnostics?: readonly string[];
}

const AS_OF = '2026-11-26';

const rows: readonly Row[] = [
  // Unclassified.
  { decl: 'N/A', originated: '2008-02-13', level: 'U', asOf: AS_OF, status: 'unclassified', declassifyOn: null, automaticOn: '2033-12-31', rule: 'unclassified' },
  { decl: null, originated: '2008-02-13', level: 'U', asOf: AS_OF, status: 'unclassified', declassifyOn: null, automaticOn: '2033-12-31', rule: 'unclassified' },
  { decl: '', originated: '2009-01-29', level: 'U', asOf: AS_OF, status: 'unclassified', declassifyOn: null, automaticOn: '2034-12-31', rule: 'unclassified' },
  { decl: 'DE...', originated: '2007-06-01', level: 'U', asOf: AS_OF, status: 'unclassified', declassifyOn: null, automaticOn: '2032-12-31', rule: 'unclassified' },
  // A plain date: classified until it, declassified on it (the day itself counts as passed).
  { decl: 'DECL: 02/13/2018', originated: '2008-02-13', level: 'C', asOf: '2018-02-12', status: 'classified', declassifyOn: '2018-02-13', automaticOn: '2033-12-31', rule: 'eo13526-1.5' },
  { decl: 'DECL: 02/13/2018', originated: '2008-02-13', level: 'C', asOf: '2018-02-13', status: 'declassified', declassifyOn: '2018-02-13', automaticOn: '2033-12-31', rule: '32cfr2001.12b' },
  { decl: 'DECL: 02/13/2018', originated: '2008-02-13', level: 'S', asOf: AS_OF, status: 'declassified', declassifyOn: '2018-02-13', automaticOn: '2033-12-31', rule: '32cfr2001.12b' },
  { decl: 'DECL: 2034/08/31', originated: '2009-08-31', level: 'TS', asOf: AS_OF, status: 'classified', declassifyOn: '2034-08-31', automaticOn: '2034-12-31', rule: 'eo13526-1.5' },
  { decl: 'DECL: 10/10/11', originated: '2001-10-11', level: 'C', asOf: AS_OF, status: 'declassified', declassifyOn: '2011-10-10', automaticOn: '2026-12-31', rule: '32cfr2001.12b' },
  // Unknown level: treated as classified (fail closed).
  { decl: 'DECL: 02/13/2030', originated: '2008-02-13', level: null, asOf: AS_OF, status: 'classified', declassifyOn: '2030-02-13', automaticOn: '2033-12-31', rule: 'eo13526-1.5' },
  { decl: 'DECL: 02/13/2018', originated: null, level: 'C', asOf: AS_OF, status: 'declassified', declassifyOn: '2018-02-13', automaticOn: null, rule: '32cfr2001.12b' },
  // More than 25 years: a lint warning; once the 25-year date has passed, a reviewer decides.
  { decl: 'DECL: 03/06/2059', originated: '2010-03-06', level: 'C', asOf: AS_OF, status: 'classified', declassifyOn: '2059-03-06', automaticOn: '2035-12-31', rule: 'eo13526-1.5', diagnostics: ['decl-over-25-years'] },
  { decl: 'DECL: 03/06/2059', originated: '2010-03-06', level: 'C', asOf: '2036-01-01', status: 'review', declassifyOn: '2059-03-06', automaticOn: '2035-12-31', rule: 'eo13526-3.3', diagnostics: ['decl-over-25-years'] },
  { decl: 'DECL: 08/13/2034', originated: '2009-08-13', level: 'C', asOf: AS_OF, status: 'classified', declassifyOn: '2034-08-13', automaticOn: '2034-12-31', rule: 'eo13526-1.5' },
  { decl: 'DECL: 08/14/2034', originated: '2009-08-13', level: 'C', asOf: AS_OF, status: 'classified', declassifyOn: '2034-08-14', automaticOn: '2034-12-31', rule: 'eo13526-1.5', diagnostics: ['decl-over-25-years'] },
  // A date before origination is miswritten (a typing error, a two-digit year of the wrong century): not read as passed.
  { decl: 'DECL: 01/01/2005', originated: '2008-02-13', level: 'C', asOf: AS_OF, status: 'review', declassifyOn: '2005-01-01', automaticOn: '2033-12-31', rule: 'decl-before-origin', diagnostics: ['decl-before-origin'] },
  { decl: 'DECL: 12/31/99', originated: '2008-02-13', level: 'S', asOf: AS_OF, status: 'review', declassifyOn: '1999-12-31', automaticOn: '2033-12-31', rule: 'decl-before-origin', diagnostics: ['decl-before-origin'] },
  { decl: 'DECL: 02/13/2008', originated: '2008-02-13', level: 'C', asOf: AS_OF, status: 'declassified', declassifyOn: '2008-02-13', automaticOn: '2033-12-31', rule: '32cfr2001.12b' },
  // Durations resolve against origination.
  { decl: 'DECL: TWENTY YEARS', originated: '2009-02-03', level: 'C', asOf: AS_OF, status: 'classified', declassifyOn: '2029-02-03', automaticOn: '2034-12-31', rule: 'eo13526-1.5' },
  { decl: 'DECL: TEN YEARS', originated: '2008-03-13', level: 'C', asOf: AS_OF, status: 'declassified', declassifyOn: '2018-03-13', automaticOn: '2033-12-31', rule: '32cfr2001.12b' },
  { decl: 'DECL: TEN YEARS', originated: '2008-02-29', level: 'C', asOf: AS_OF, status: 'declassified', declassifyOn: '2018-02-28', automaticOn: '2033-12-31', rule: '32cfr2001.12b' },
  { decl: 'DECL: TEN YEARS', originated: null, level: 'C', asOf: AS_OF, status: 'review', declassifyOn: null, automaticOn: null, rule: 'decl-no-origin' },
  // Events need a human.
  { decl: 'DECL: TEN YEARS AFTER KOREAN UNIFICATION', originated: '2009-06-01', level: 'S', asOf: AS_OF, status: 'review', declassifyOn: null, automaticOn: '2034-12-31', rule: 'decl-event' },
  { decl: 'decl: after korean unification', originated: '2009-06-01', level: 'C', asOf: AS_OF, status: 'review', declassifyOn: null, automaticOn: '2034-12-31', rule: 'decl-event' },
  // Prior-order markings: classified until the computed 25-year date, then review (CAPCO §E.6), never declassified.
  { decl: 'DECL: OADR', originated: '1986-05-20', level: 'C', asOf: '2000-01-01', status: 'classified', declassifyOn: '2011-12-31', automaticOn: '2011-12-31', rule: 'capco-e6' },
  { decl: 'DECL: OADR', originated: '1986-05-20', level: 'C', asOf: AS_OF, status: 'review', declassifyOn: '2011-12-31', automaticOn: '2011-12-31', rule: 'capco-e6' },
  { decl: 'DECL: MR', originated: '2008-11-03', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2033-12-31', automaticOn: '2033-12-31', rule: 'capco-e6' },
  { decl: 'DECL: MR', originated: '2008-11-03', level: 'S', asOf: '2034-01-01', status: 'review', declassifyOn: '2033-12-31', automaticOn: '2033-12-31', rule: 'capco-e6' },
  { decl: 'E.O. 11652: GDS', originated: '1975-03-04', level: 'C', asOf: AS_OF, status: 'review', declassifyOn: '2000-12-31', automaticOn: '2000-12-31', rule: 'capco-e6' },
  { decl: 'DECL: DCI ONLY', originated: '1990-01-01', level: 'S', asOf: AS_OF, status: 'review', declassifyOn: '2015-12-31', automaticOn: '2015-12-31', rule: 'capco-e6' },
  { decl: 'DECL: X1, X5', originated: '2002-06-01', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2027-12-31', automaticOn: '2027-12-31', rule: 'capco-e6' },
  { decl: 'DECL: (X1)', originated: '2006-03-13', level: 'S', asOf: '2032-01-01', status: 'review', declassifyOn: '2031-12-31', automaticOn: '2031-12-31', rule: 'capco-e6' },
  { decl: 'DECL: 1.6X1', originated: '1998-01-01', level: 'C', asOf: AS_OF, status: 'review', declassifyOn: '2023-12-31', automaticOn: '2023-12-31', rule: 'capco-e6' },
  { decl: 'DECL: OADR', originated: null, level: 'C', asOf: AS_OF, status: 'review', declassifyOn: null, automaticOn: null, rule: 'decl-no-origin' },
  // A derivative `Source marked OADR, Date of source: …` counts its 25 years from the source's date
  // (CAPCO §E.6), not from the document's: B1 until 2026 was a claim past the date. A source date
  // after the document's (miswritten) counts from the document's; none given, from the document's.
  { decl: 'Declassify On: Source marked OADR, Date of source: 19950101', originated: '2001-03-03', level: 'S', asOf: AS_OF, status: 'review', declassifyOn: '2020-12-31', automaticOn: '2020-12-31', rule: 'capco-e6' },
  { decl: 'Declassify On: Source marked OADR, Date of source: 19950101', originated: '2001-03-03', level: 'S', asOf: '2019-06-01', status: 'classified', declassifyOn: '2020-12-31', automaticOn: '2020-12-31', rule: 'capco-e6' },
  { decl: 'Declassify On: Source marked OADR, Date of source: 19950101', originated: null, level: 'S', asOf: AS_OF, status: 'review', declassifyOn: '2020-12-31', automaticOn: '2020-12-31', rule: 'capco-e6' },
  { decl: 'Declassify On: Source marked OADR, Date of source: 20050101', originated: '2001-03-03', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2026-12-31', automaticOn: '2026-12-31', rule: 'capco-e6' },
  { decl: 'Declassify On: Source marked X1', originated: '2001-03-03', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2026-12-31', automaticOn: '2026-12-31', rule: 'capco-e6' },
  // A prior-order date (E.O. 12065 GDS with a date) works like a date; a review date (RDS) does not.
  { decl: 'E.O. 12065: GDS 12/31/84 (SMITH, JOHN) OR-M', originated: '1979-01-15', level: 'C', asOf: AS_OF, status: 'declassified', declassifyOn: '1984-12-31', automaticOn: '2004-12-31', rule: '32cfr2001.12b' },
  { decl: 'E.O. 12065: RDS-2 01/15/1999', originated: '1979-01-15', level: 'S', asOf: AS_OF, status: 'review', declassifyOn: '1999-01-15', automaticOn: '2004-12-31', rule: 'capco-e6' },
  { decl: 'E.O. 12065: RDS-2 01/15/1999', originated: '1979-01-15', level: 'S', asOf: '1990-01-01', status: 'classified', declassifyOn: '1999-01-15', automaticOn: '2004-12-31', rule: 'capco-e6' },
  // 25X with a date: that date; without: 50 years; 50X1-HUM / 50X2-WMD / 75X: 75 years.
  { decl: 'Declassify On: 25X4, 20501001', originated: '2012-10-01', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2050-10-01', automaticOn: '2050-10-01', rule: 'eo13526-3.3b' },
  { decl: 'Declassify On: 25X4, 20501001', originated: '2012-10-01', level: 'S', asOf: '2050-10-01', status: 'review', declassifyOn: '2050-10-01', automaticOn: '2050-10-01', rule: 'eo13526-3.3h' },
  { decl: 'DECL: 25X1', originated: '2008-01-10', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2058-12-31', automaticOn: '2058-12-31', rule: 'capco-e6' },
  { decl: 'DECL: 25X1', originated: '2008-01-10', level: 'S', asOf: '2059-01-01', status: 'review', declassifyOn: '2058-12-31', automaticOn: '2058-12-31', rule: 'capco-e6' },
  { decl: 'DECL: 25X1-HUMAN', originated: '2010-01-04', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2085-12-31', automaticOn: '2085-12-31', rule: 'eo13526-3.3h' },
  // 50X1-HUM with a date written beside it: that date, then review (the 75-year date is the code's).
  { decl: 'DECL: 25X1-human, 02/13/2033', originated: '2008-02-13', level: 'C', asOf: AS_OF, status: 'classified', declassifyOn: '2033-02-13', automaticOn: '2083-12-31', rule: 'eo13526-3.3h' },
  { decl: 'DECL: 25X1-human, 02/13/2033', originated: '2008-02-13', level: 'C', asOf: '2033-02-13', status: 'review', declassifyOn: '2033-02-13', automaticOn: '2083-12-31', rule: 'eo13526-3.3h' },
  { decl: 'Declassify On: 50X1-HUM', originated: '2012-01-01', level: 'TS', asOf: AS_OF, status: 'classified', declassifyOn: '2087-12-31', automaticOn: '2087-12-31', rule: 'eo13526-3.3h' },
  { decl: 'Declassify On: 50X2-WMD', originated: '2012-01-01', level: 'TS', asOf: '2088-01-01', status: 'review', declassifyOn: '2087-12-31', automaticOn: '2087-12-31', rule: 'capco-e6' },
  { decl: 'Declassify On: 75X2, 20851231', originated: '2012-01-01', level: 'TS', asOf: AS_OF, status: 'classified', declassifyOn: '2085-12-31', automaticOn: '2085-12-31', rule: 'eo13526-3.3b' },
  { decl: 'Declassify On: 75X2', originated: '2012-01-01', level: 'TS', asOf: AS_OF, status: 'classified', declassifyOn: '2087-12-31', automaticOn: '2087-12-31', rule: 'eo13526-3.3h' },
  { decl: 'DECL: X1, 25X1', originated: '2002-06-01', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2052-12-31', automaticOn: '2052-12-31', rule: 'capco-e6' },
  // An exemption date past the code's own limit (25X: 50 years, 32 CFR 2001.26(a); 50X: 75 years, 2001.26(b)):
  // a warning; classified until the limit, then review (never B1 on a 1945 record as of 2026; probe 64c F1).
  { decl: 'Declassify On: 25X1, 20300101', originated: '1970-03-01', level: 'S', asOf: '2010-12-01', status: 'classified', declassifyOn: '2030-01-01', automaticOn: '2030-01-01', rule: 'eo13526-3.3b', diagnostics: ['decl-over-50-years'] },
  { decl: 'Declassify On: 25X1, 20300101', originated: '1970-03-01', level: 'S', asOf: AS_OF, status: 'review', declassifyOn: '2030-01-01', automaticOn: '2030-01-01', rule: '32cfr2001.26', diagnostics: ['decl-over-50-years'] },
  { decl: 'Declassify On: 25X6, 20300101', originated: '1945-03-01', level: 'S', asOf: AS_OF, status: 'review', declassifyOn: '2030-01-01', automaticOn: '2030-01-01', rule: '32cfr2001.26', diagnostics: ['decl-over-50-years'] },
  { decl: 'Declassify On: 25X1, 20670101', originated: '1985-06-01', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2067-01-01', automaticOn: '2067-01-01', rule: 'eo13526-3.3b', diagnostics: ['decl-over-50-years'] },
  { decl: 'Declassify On: 25X1, 20670101', originated: '1985-06-01', level: 'S', asOf: '2036-01-01', status: 'review', declassifyOn: '2067-01-01', automaticOn: '2067-01-01', rule: '32cfr2001.26', diagnostics: ['decl-over-50-years'] },
  { decl: 'Declassify On: 25X1, 20351231', originated: '1985-06-01', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2035-12-31', automaticOn: '2035-12-31', rule: 'eo13526-3.3b' },
  { decl: 'Declassify On: 50X1-HUM, 20300101', originated: '1945-03-01', level: 'S', asOf: '2010-12-01', status: 'classified', declassifyOn: '2030-01-01', automaticOn: '2020-12-31', rule: 'eo13526-3.3h', diagnostics: ['decl-over-75-years'] },
  { decl: 'Declassify On: 50X1-HUM, 20300101', originated: '1945-03-01', level: 'S', asOf: AS_OF, status: 'review', declassifyOn: '2030-01-01', automaticOn: '2020-12-31', rule: '32cfr2001.26', diagnostics: ['decl-over-75-years'] },
  { decl: 'Declassify On: 50X2-WMD, 20400101', originated: '1960-03-01', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2040-01-01', automaticOn: '2035-12-31', rule: 'eo13526-3.3h', diagnostics: ['decl-over-75-years'] },
  { decl: 'Declassify On: 50X2-WMD, 20351231', originated: '1960-03-01', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2035-12-31', automaticOn: '2035-12-31', rule: 'eo13526-3.3h' },
  { decl: 'Declassify On: 50X4, 20400101', originated: '1945-03-01', level: 'S', asOf: AS_OF, status: 'review', declassifyOn: '2040-01-01', automaticOn: '2040-01-01', rule: '32cfr2001.26', diagnostics: ['decl-over-75-years'] },
  { decl: 'Declassify On: 75X2, 20400101', originated: '1945-03-01', level: 'S', asOf: AS_OF, status: 'classified', declassifyOn: '2040-01-01', automaticOn: '2040-01-01', rule: 'eo13526-3.3b' },
  // A downgrade is not a declassification.
  { decl: 'DNG: CO 03/06/2018', originated: '2008-03-06', level: 'S', asOf: AS_OF, status: 'review', declassifyOn: null, automaticOn: '2033-12-31', rule: 'decl-downgrade' },
  { decl: 'DNG: CO 03/06/2018', originated: '2008-03-06', level: 'S', asOf: '2010-01-01', status: 'review', declassifyOn: null, automaticOn: '2033-12-31', rule: 'decl-downgrade' },
  // A declassification marking.
  { decl: 'DECL: DECLASSIFIED BY NARA 09/02/2009', originated: '1966-12-28', level: 'U', asOf: AS_OF, status: 'declassified', declassifyOn: '2009-09-02', automaticOn: '1991-12-31', rule: '32cfr2001.25' },
  { decl: 'DECL: DECLASSIFIED BY NARA 09/02/2009', originated: '1966-12-28', level: 'C', asOf: '2009-01-01', status: 'classified', declassifyOn: '2009-09-02', automaticOn: '1991-12-31', rule: '32cfr2001.25' },
  // Classified without a usable instruction: invalid.
  { decl: 'N/A', originated: '2008-02-13', level: 'S', asOf: AS_OF, status: 'invalid', declassifyOn: null, automaticOn: '2033-12-31', rule: '32cfr2001.21', diagnostics: ['decl-missing'] },
  { decl: null, originated: '2009-09-11', level: 'C', asOf: AS_OF, status: 'invalid', declassifyOn: null, automaticOn: '2034-12-31', rule: '32cfr2001.21', diagnostics: ['decl-missing'] },
  { decl: 'DECL: (##)', originated: '2010-01-27', level: 'C', asOf: AS_OF, status: 'invalid', declassifyOn: null, automaticOn: '2035-12-31', rule: '32cfr2001.21', diagnostics: ['decl-missing'] },
  { decl: 'N/A', originated: '2008-02-13', level: null, asOf: AS_OF, status: 'invalid', declassifyOn: null, automaticOn: '2033-12-31', rule: '32cfr2001.21', diagnostics: ['decl-missing'] },
  { decl: 'DECL: 13/45/2010', originated: '2008-02-13', level: 'C', asOf: AS_OF, status: 'invalid', declassifyOn: null, automaticOn: '2033-12-31', rule: 'decl-unrecognised', diagnostics: ['decl-unrecognised'] },
  { decl: 'DECL: 13/45/2010', originated: '2008-02-13', level: 'U', asOf: AS_OF, status: 'review', declassifyOn: null, automaticOn: '2033-12-31', rule: 'decl-unrecognised', diagnostics: ['decl-unrecognised'] },
  // A cut-off value on a classified document: the original had an instruction; check the full cable.
  { decl: 'DE...', originated: '2007-06-01', level: 'S', asOf: AS_OF, status: 'review', declassifyOn: null, automaticOn: '2032-12-31', rule: 'decl-truncated', diagnostics: ['decl-truncated'] },
  // An unclassified document with an instruction is contradictory.
  { decl: 'DECL: 02/13/2018', originated: '2008-02-13', level: 'U', asOf: AS_OF, status: 'review', declassifyOn: '2018-02-13', automaticOn: '2033-12-31', rule: 'decl-level-mismatch', diagnostics: ['decl-on-unclassified'] },
  { decl: 'DECL: OADR', originated: '1988-02-13', level: 'U', asOf: AS_OF, status: 'review', declassifyOn: null, automaticOn: '2013-12-31', rule: 'decl-level-mismatch', diagnostics: ['decl-on-unclassified'] },
];

describe('assessDeclassification', () => {
  it.each(rows)('$decl | $originated | $level | $asOf → $status ($rule)', (row) => {
    const a = assessDeclassification({ decl: parseDecl(row.decl), originated: row.originated, level: row.level, asOf: row.asOf });
    expect({ status: a.status, declassifyOn: a.declassifyOn, automaticOn: a.automaticOn, rule: a.rule }).toEqual({
      status: row.status,
      declassifyOn: row.declassifyOn,
      automaticOn: row.automaticOn,
      rule: row.rule,
    });
    expect(a.diagnostics.map((d) => d.code)).toEqual(row.diagnostics ?? []);
    expect(DECL_RULES).toContain(a.rule);
    // One sentence that names its authority or rule.
    expect(a.reason).toMatch(/^[A-Z"].*[.]$/);
    expect(a.reason).toMatch(/CFR|E\.O\.|CAPCO/);
  });

  it.each([
    ['Declassify On: 50X1-HUM, 20300101', '1945-03-01', '2010-12-01'],
    ['Declassify On: 50X1-HUM, 20300101', '1945-03-01', AS_OF],
    ['Declassify On: 25X1, 20300101', '1970-03-01', '2010-12-01'],
    ['Declassify On: 25X1, 20300101', '1970-03-01', AS_OF],
  ])('%s (%s) as of %s: the reason names the limit and never keeps it classified past it (probe 64c F1)', (decl, originated, asOf) => {
    const a = assessDeclassification({ decl: parseDecl(decl), originated, level: 'S', asOf });
    expect(a.reason).toMatch(/limit/);
    expect(a.reason).toMatch(/32 CFR 2001\.26/);
    if (a.status === 'review') expect(a.reason).toMatch(/has passed/);
    else expect(a.reason).not.toMatch(/until the date written with the code/);
    expect(a.diagnostics[0]!.severity).toBe('warning');
  });

  it.each(['Declassify On: N/A to NATO portions. See source list for NSI portions.', 'Declassify On: N/A to RD/FRD portions. See source list for NSI portions.'])(
    '%s: the reason does not say the document lacks a source list it may carry (probe 64c F3)',
    (decl) => {
      const a = assessDeclassification({ decl: parseDecl(decl), originated: '2006-03-01', level: 'S', asOf: AS_OF });
      expect(a.status).toBe('review');
      expect(a.reason).not.toMatch(/does not carry/);
      expect(a.reason).toMatch(/a source list, which the tool does not read/);
      expect(a.decl.notes?.join(' ')).not.toMatch(/does not carry/);
    },
  );

  it('does not call a date written beside 50X1-HUM its 75-year date (probe 8, F10)', () => {
    const a = (asOf: string) => assessDeclassification({ decl: parseDecl('DECL: 25X1-human, 02/13/2033'), originated: '2008-02-13', level: 'C', asOf }).reason;
    expect(a(AS_OF)).not.toMatch(/75-year date 2033/);
    expect(a(AS_OF)).toMatch(/until the date written with the code, 2033-02-13, then due for review; the code's own 75-year date is 2083-12-31/);
    expect(a('2034-01-01')).toMatch(/^The exemption date 2033-02-13 for 50X1-HUM has passed/);
    expect(assessDeclassification({ decl: parseDecl('DECL: 25X1-HUMAN'), originated: '2008-02-13', level: 'C', asOf: AS_OF }).reason).toMatch(/until the 75-year date 2083-12-31/);
  });

  it.each([
    // Probe 15a: "1 years after origination", and "the computed date" for a date the line wrote.
    ['DECL: ONE YEAR', '2026-06-01', /^Declassified on 2005-10-01, 1 year after origination on 2004-10-01,/],
    ['DECL: 10 YEARS', '2026-06-01', /^Declassified on 2014-10-01, 10 years after origination on 2004-10-01,/],
    ['DECL: X1 10/01/2014', '2026-06-01', /^The date 2014-10-01 for X1 has passed/],
    ['DECL: X1', '2040-06-01', /^The computed date \d{4}-\d\d-\d\d for X1 has passed/],
  ])('%s as of %s: the reason says what was written', (decl, asOf, reason) => {
    expect(assessDeclassification({ decl: parseDecl(decl), originated: '2004-10-01', level: 'S', asOf }).reason).toMatch(reason);
  });

  it('never says declassified for an exemption or prior-order marking, however late the date', () => {
    for (const decl of ['DECL: OADR', 'DECL: MR', 'DECL: X1', 'DECL: 25X1', 'Declassify On: 25X6, 20401231', 'Declassify On: 50X1-HUM', 'E.O. 11652: GDS', 'DECL: DCI ONLY']) {
      const a = assessDeclassification({ decl: parseDecl(decl), originated: '1990-01-01', level: 'S', asOf: '2200-01-01' });
      expect(a.status, decl).toBe('review');
    }
  });

  it('quotes an unrecognised value in its error diagnostic', () => {
    const a = assessDeclassification({ decl: parseDecl('DECL: HELLO WORLD'), originated: '2008-01-01', level: 'C', asOf: AS_OF, span: { start: 5, end: 22 } });
    expect(a.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'decl-unrecognised', message: expect.stringContaining('"DECL: HELLO WORLD"'), span: { start: 5, end: 22 } }),
    ]);
  });

  it('names the governing order by origination date, not by the label', () => {
    const order = (originated: string) =>
      assessDeclassification({ decl: parseDecl('E.O. 12958: DECL: 01/01/2030'), originated, level: 'C', asOf: AS_OF }).order;
    expect(order('2010-02-01')).toBe('E.O. 12958, as amended');
    expect(order('2010-06-27')).toBe('E.O. 13526');
  });
});

describe('governingOrder', () => {
  it.each([
    ['1966-12-28', 'E.O. 10501'],
    ['1972-05-31', 'E.O. 10501'],
    ['1972-06-01', 'E.O. 11652'],
    ['1978-11-30', 'E.O. 11652'],
    ['1978-12-01', 'E.O. 12065'],
    ['1982-07-31', 'E.O. 12065'],
    ['1982-08-01', 'E.O. 12356'],
    ['1995-10-13', 'E.O. 12356'],
    ['1995-10-14', 'E.O. 12958'],
    ['2003-03-24', 'E.O. 12958'],
    ['2003-03-25', 'E.O. 12958, as amended'],
    ['2010-06-26', 'E.O. 12958, as amended'],
    ['2010-06-27', 'E.O. 13526'],
    ['2026-01-01', 'E.O. 13526'],
  ])('%s → %s', (date, label) => {
    expect(governingOrder(date)).toBe(label);
  });
  it('is null before 1953-12-15 and when the date is unknown', () => {
    expect(governingOrder('1950-01-01')).toBeNull();
    expect(governingOrder(null)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// assessDocument and documentLevel on hand-built documents.

function marking(level: Level): Marking {
  return { raw: level, level, sci: [], controls: [], relTo: [], fgi: [], normalisations: [] };
}

function portion(id: string, level: Level | null): Portion {
  return {
    id,
    kind: 'paragraph',
    number: id.slice(1),
    parent: null,
    marking: level ? marking(level) : null,
    markingSource: level ? 'marked' : 'unmarked',
    mark: null,
    span: { start: 0, end: 1 },
    segments: [{ start: 0, end: 1 }],
  };
}

function doc(parts: {
  banner?: Level | 'not-understood' | null;
  portions?: (Level | null)[];
  eo?: { raw: string; decl: string | null } | null;
  originated?: string | null;
  record?: string;
}): Document {
  const source = parts.eo?.raw ?? '';
  return {
    source,
    ref: '08TEST1',
    originated: parts.originated === undefined ? '2008-02-13' : parts.originated,
    record: parts.record ? { span: { start: 0, end: 0 }, fields: { classification: parts.record } } : null,
    routing: { precedence: null, dtg: null, from: null, to: [], info: [] },
    banner:
      parts.banner === undefined || parts.banner === null
        ? null
        : {
            raw: String(parts.banner),
            span: { start: 0, end: 0 },
            marking: parts.banner === 'not-understood' ? null : marking(parts.banner),
            caveats: [],
            section: null,
          },
    eo: parts.eo
      ? {
          raw: parts.eo.raw,
          span: { start: 0, end: parts.eo.raw.length },
          order: '12958',
          decl: parts.eo.decl,
          declSpan: parts.eo.decl === null ? null : { start: parts.eo.raw.length - parts.eo.decl.length, end: parts.eo.raw.length },
        }
      : null,
    tags: null,
    subject: null,
    refs: [],
    classifiedBy: null,
    entireText: null,
    portions: (parts.portions ?? []).map((l, i) => portion(`p${i + 1}`, l)),
    furniture: [],
    diagnostics: [],
  };
}

describe('documentLevel', () => {
  it.each<[string, Parameters<typeof doc>[0], Level | null]>([
    ['banner only', { banner: 'C' }, 'C'],
    ['highest portion without banner', { portions: ['U', 'S', 'C'] }, 'S'],
    ['a portion above the banner wins (fail closed)', { banner: 'U', portions: ['U', 'C'] }, 'C'],
    ['nothing known', { portions: [null] }, null],
    ['banner not understood, portions U', { banner: 'not-understood', portions: ['U'] }, null],
    ['banner not understood, a classified portion', { banner: 'not-understood', portions: ['U', 'S'] }, 'S'],
    ['database record classification', { record: 'SECRET//NOFORN' }, 'S'],
    ['database record below the banner', { banner: 'S', record: 'CONFIDENTIAL' }, 'S'],
  ])('%s', (_, parts, level) => {
    expect(documentLevel(doc(parts))).toBe(level);
  });
});

describe('assessDocument', () => {
  it('reads the E.O. line, origination date and level', () => {
    const a = assessDocument(doc({ banner: 'C', eo: { raw: 'E.O. 12958: DECL: 02/13/2018', decl: 'DECL: 02/13/2018' } }), '2017-01-01');
    expect(a).toMatchObject({ status: 'classified', declassifyOn: '2018-02-13', automaticOn: '2033-12-31', order: 'E.O. 12958, as amended' });
    expect(a.decl).toMatchObject({ raw: 'DECL: 02/13/2018', kind: 'date' });
  });

  it('accepts a parser that keeps only the text after DECL:', () => {
    const a = assessDocument(doc({ banner: 'C', eo: { raw: 'E.O. 12958: DECL: 02/13/2018', decl: '02/13/2018' } }), '2017-01-01');
    expect(a.decl).toMatchObject({ kind: 'date', date: '2018-02-13' });
  });

  it('falls back to the whole line when the value alone is not understood', () => {
    const a = assessDocument(doc({ banner: 'S', eo: { raw: 'E.O. 12958: DECL: X1, X5', decl: '12958: DECL: X1, X5' } }), '2017-01-01');
    expect(a.decl).toMatchObject({ kind: 'exemption', codes: ['X1', 'X5'] });
  });

  it('an E.O. line without a value is an empty instruction', () => {
    const a = assessDocument(doc({ banner: 'U', eo: { raw: 'E.O. 12958', decl: null } }), '2017-01-01');
    expect(a).toMatchObject({ status: 'unclassified', decl: { kind: 'none', raw: 'E.O. 12958' } });
  });

  it('no E.O. line on a classified cable is invalid, with the diagnostic on no span', () => {
    const a = assessDocument(doc({ banner: 'S', eo: null }), '2017-01-01');
    expect(a).toMatchObject({ status: 'invalid', decl: { kind: 'none', raw: null } });
    expect(a.diagnostics[0]).not.toHaveProperty('span');
  });

  it('puts the instruction span on diagnostics', () => {
    const a = assessDocument(doc({ banner: 'C', eo: { raw: 'E.O. 12958: DECL: 13/45/2010', decl: 'DECL: 13/45/2010' } }), '2017-01-01');
    expect(a.diagnostics).toEqual([expect.objectContaining({ code: 'decl-unrecognised', span: { start: 12, end: 28 } })]);
  });
});
