import { describe, expect, it } from 'vitest';
import { parseDecl } from '../../src/declass/index.js';
import type { DeclKind } from '../../src/types.js';

interface Case {
  readonly raw: string | null;
  readonly kind: DeclKind;
  readonly date?: string | null;
  readonly codes?: readonly string[];
  readonly years?: number;
  readonly event?: string;
  readonly truncated?: boolean;
  /** A substring expected in one of the notes. */
  readonly note?: string;
}

function check(c: Case): void {
  const v = parseDecl(c.raw);
  expect(v.raw).toBe(c.raw);
  expect(v.kind).toBe(c.kind);
  expect(v.date).toBe(c.date ?? null);
  expect(v.codes).toEqual(c.codes ?? []);
  expect(v.years).toBe(c.years);
  expect(v.event).toBe(c.event);
  expect(v.truncated ?? false).toBe(c.truncated ?? false);
  if (c.note) expect(v.notes?.join(' | ')).toContain(c.note);
}

/**
 * One row per distinct shape found in ../shared/corpus/cables by `node scripts/list-decl-forms.mjs`
 * (shape = digits replaced by 9), with a real value and the file it comes from.
 */
const corpusShapes: readonly (Case & { file: string })[] = [
  { file: '03ANKARA3694', raw: 'DECL: 05/28/2013', kind: 'date', date: '2013-05-28' },
  { file: '03THEHAGUE2163', raw: 'N/A', kind: 'not-applicable' },
  { file: '09ABUDHABI1151', raw: 'DECL: 2019/12/17', kind: 'date', date: '2019-12-17' },
  { file: '05VATICAN467', raw: 'DECL: 4/19/2015', kind: 'date', date: '2015-04-19' },
  { file: '02BOGOTA3281', raw: 'DECL: 4/4/2012', kind: 'date', date: '2012-04-04' },
  { file: '07DUBAI355', raw: 'DECL:  6/3/2017', kind: 'date', date: '2017-06-03' },
  { file: '05SANJOSE2560', raw: null, kind: 'none' },
  { file: '01STATE176819', raw: 'DECL: 10/10/11', kind: 'date', date: '2011-10-10', note: 'two-digit year 11 read as 2011' },
  { file: '97WELLINGTON1656', raw: 'DECL: 12/20/07', kind: 'date', date: '2007-12-20' },
  { file: '09QUITO103', raw: 'DECL: TWENTY YEARS', kind: 'duration', years: 20 },
  { file: '06VATICAN249', raw: 'DECL: 12/1/2016', kind: 'date', date: '2016-12-01' },
  { file: '06CARACAS219', raw: 'DNG: CO 01/26/2021', kind: 'downgrade', date: '2021-01-26', codes: ['DNG'], note: 'downgrade to CONFIDENTIAL' },
  { file: '07STATE135366', raw: 'decl: 09/25/2017', kind: 'date', date: '2017-09-25' },
  { file: '89PANAMA8545', raw: 'DECL:OADR', kind: 'oadr', codes: ['OADR'] },
  { file: '09ABUDHABI347', raw: '03/24/2019', kind: 'date', date: '2019-03-24' },
  { file: '08QUITO297', raw: 'DECL: TEN YEARS', kind: 'duration', years: 10 },
  { file: 'a memo', raw: '20 years from date of document', kind: 'duration', years: 20 },
  { file: 'a memo', raw: '25 years after the date of this memorandum', kind: 'duration', years: 25 },
  {
    file: '09MOSCOW1108',
    raw: 'DECL: TEN YEARS AFTER KOREAN UNIFICATION',
    kind: 'event',
    event: 'TEN YEARS AFTER KOREAN UNIFICATION',
  },
  { file: '06BRASILIA2420', raw: 'DECL:12/17/2026', kind: 'date', date: '2026-12-17' },
  { file: '09SANJOSE34', raw: '', kind: 'none', note: 'no instruction' },
  { file: '07KABUL2004', raw: 'DE...', kind: 'none', truncated: true, note: 'cut off' },
  { file: '09REYKJAVIK121', raw: 'DECL ON: 07/01/2019', kind: 'date', date: '2019-07-01' },
  { file: '08KABUL1064', raw: 'DECL...', kind: 'none', truncated: true },
  { file: '10WELLINGTON69', raw: 'DECL: (##)', kind: 'none', note: 'placeholder' },
  { file: '06NAIROBI1114', raw: 'DECL: (X1)', kind: 'exemption', codes: ['X1'] },
  {
    file: '03THEHAGUE2835',
    raw: 'DECL: 1.6 FIVE YEARS AFTER CLOSURE OF ICTY',
    kind: 'event',
    event: 'FIVE YEARS AFTER CLOSURE OF ICTY',
    note: 'section citation "1.6" dropped',
  },
  { file: '09MEXICO3376', raw: 'DECL: 08 OCTOBER 2019', kind: 'date', date: '2019-10-08' },
  { file: '08MOSCOW2426', raw: 'DECL: 08...', kind: 'none', truncated: true },
  { file: '09DJIBOUTI113', raw: 'DECL: 2019-02-12', kind: 'date', date: '2019-02-12' },
  { file: '10STATE369', raw: 'DECL: 25X1-HUMAN', kind: 'exemption', codes: ['50X1-HUM'], note: 'ISOO Notice 2012-02' },
  { file: '06PARAMARIBO343', raw: 'DECL: DECL: 06/09/2016', kind: 'date', date: '2016-06-09', note: 'repeated' },
  {
    file: '66BUENOSAIRES2481',
    raw: 'DECL: DECLASSIFIED BY NARA 09/02/2009',
    kind: 'date',
    date: '2009-09-02',
    codes: ['DECLASSIFIED'],
  },
  { file: '04THEHAGUE2793', raw: 'DECL: FIVE YEARS AFTER ICTY CLOSURE', kind: 'event', event: 'FIVE YEARS AFTER ICTY CLOSURE' },
  { file: '08STATE116943', raw: 'DECL: MR', kind: 'manual-review', codes: ['MR'] },
  { file: '08MADRID843', raw: 'DECL: N/A', kind: 'not-applicable' },
  { file: '86MADRID5480', raw: 'DECL:  OADR', kind: 'oadr', codes: ['OADR'] },
  { file: '08KUWAIT560', raw: 'DECLl: 05/12/2018', kind: 'date', date: '2018-05-12', note: 'typo "DECLl"' },
  { file: '09OUAGADOUGOU1159', raw: 'Declassify on 8/31/2034', kind: 'date', date: '2034-08-31' },
  { file: '75TEHRAN2069', raw: 'GDS', kind: 'gds', codes: ['GDS'] },
  { file: '09SHANGHAI160', raw: 'decl: 4/9/2024', kind: 'date', date: '2024-04-09' },
  { file: '09NAIROBI2497', raw: 'decl: 2019/12/16', kind: 'date', date: '2019-12-16' },
  { file: '09BEIJING2963', raw: 'decl: after korean unification', kind: 'event', event: 'after korean unification' },
  { file: '08STATE43817', raw: 'n/a', kind: 'not-applicable' },
  // Values kept as written by leaked database rows and one-line headers.
  { file: '05BOGOTA9257', raw: 'DECL: 09/30/2015 \\', kind: 'date', date: '2015-09-30' },
  { file: '09ISLAMABAD2903', raw: 'DECL: 12/03/2019 TAGS: PREL PTER PGOV UK PK', kind: 'date', date: '2019-12-03' },
  // The "Declassify on" line of a derivative classification (08STATE116943), joined with its next line.
  {
    file: '08STATE116943',
    raw: 'Source marked 25X1-human, Date of source: October 30, 2008',
    kind: 'exemption',
    codes: ['50X1-HUM'],
    note: 'derivative',
  },
];

describe('parseDecl: every shape in the corpus', () => {
  it.each(corpusShapes)('$file: $raw → $kind', (c) => check(c));
});

describe('parseDecl: dates', () => {
  it.each<Case>([
    { raw: 'DECL: 02/13/2018', kind: 'date', date: '2018-02-13' },
    { raw: 'DECL: 2/3/2018', kind: 'date', date: '2018-02-03' },
    { raw: 'DECL: 02/13/18', kind: 'date', date: '2018-02-13' },
    { raw: 'DECL: 4/24/05', kind: 'date', date: '2005-04-24' },
    { raw: 'DECL: 6/3/08', kind: 'date', date: '2008-06-03' },
    // Pivot: 00–69 → 20xx, 70–99 → 19xx.
    { raw: 'DECL: 12/31/69', kind: 'date', date: '2069-12-31' },
    { raw: 'DECL: 01/01/70', kind: 'date', date: '1970-01-01' },
    { raw: 'DECL: 12/31/99', kind: 'date', date: '1999-12-31' },
    { raw: 'DECL: 2020/02/23', kind: 'date', date: '2020-02-23' },
    { raw: 'DECL: 12/31/2034', kind: 'date', date: '2034-12-31' },
    { raw: '20351010', kind: 'date', date: '2035-10-10' },
    { raw: 'Declassify On: 20351010', kind: 'date', date: '2035-10-10' },
    { raw: 'DECLASSIFY ON: 2035-10-10', kind: 'date', date: '2035-10-10' },
    { raw: 'DECL: 12-31-2015', kind: 'date', date: '2015-12-31' },
    { raw: 'DECL: 31 DEC 2015', kind: 'date', date: '2015-12-31' },
    { raw: 'DECL: 31DEC15', kind: 'date', date: '2015-12-31' },
    { raw: 'DECL: December 31, 2015', kind: 'date', date: '2015-12-31' },
    { raw: 'DECL: Sept. 1, 2015', kind: 'date', date: '2015-09-01' },
    { raw: 'DECL: 02 / 13 / 2018', kind: 'date', date: '2018-02-13' },
    { raw: 'DECL: 02/13/2018.', kind: 'date', date: '2018-02-13' },
    // Month or year only: the last day, so the document stays classified longest.
    { raw: 'DECL: 12/2015', kind: 'date', date: '2015-12-31', note: 'month only' },
    { raw: 'DECL: FEBRUARY 2016', kind: 'date', date: '2016-02-29', note: 'month only' },
    { raw: 'DECL: 2015', kind: 'date', date: '2015-12-31', note: 'year only' },
    { raw: 'DECL: 02/29/2012', kind: 'date', date: '2012-02-29' },
  ])('$raw → $date', (c) => check(c));

  it.each(['DECL: 13/45/2010', 'DECL: 02/30/2012', 'DECL: 00/10/2010', 'DECL: 2010/13/01', 'DECL: 20101301', 'DECL: 30/09/2015'])(
    '%s is not a calendar date → unrecognised',
    (raw) => check({ raw, kind: 'unrecognised' }),
  );
});

describe('parseDecl: typos and prefixes around the value', () => {
  it.each<Case>([
    { raw: 'E.O. 12958: DECL: 02/13/2018', kind: 'date', date: '2018-02-13' },
    { raw: 'E.O. 12598: DECL: 02/13/2018', kind: 'date', date: '2018-02-13' },
    { raw: 'EO 12958 DECL: 02/13/2018', kind: 'date', date: '2018-02-13' },
    { raw: 'E.o. 12958: decl: 02/13/2018', kind: 'date', date: '2018-02-13' },
    { raw: 'E.0. 12958: DECL: 03/05/11', kind: 'date', date: '2011-03-05' },
    { raw: 'E.O.12356: DECL:OADR', kind: 'oadr', codes: ['OADR'] },
    { raw: 'E.O.1295: NA', kind: 'not-applicable' },
    { raw: 'E.O. 12958 N/A', kind: 'not-applicable' },
    { raw: 'E.O. 12958:  N/A \\', kind: 'not-applicable' },
    { raw: 'E.O. 12958: N/A TAGS: PARM PREL IR UNSC LY', kind: 'not-applicable' },
    { raw: 'E.O. 12958', kind: 'none' },
    { raw: 'DECL:', kind: 'none' },
    { raw: 'DECL:  02/13/2018  ', kind: 'date', date: '2018-02-13' },
    { raw: 'DECLl: 05/12/2018', kind: 'date', date: '2018-05-12' },
    { raw: 'DECL: DECL: 06/09/2016', kind: 'date', date: '2016-06-09' },
    { raw: 'DECL ON: 07/01/2019', kind: 'date', date: '2019-07-01' },
    { raw: 'DECL : 07/01/2019', kind: 'date', date: '2019-07-01' },
    { raw: 'DCL: 07/01/2019', kind: 'date', date: '2019-07-01' },
    { raw: 'E.O. 12958: DE...', kind: 'none', truncated: true },
    { raw: 'DECL: 25X1, 20...', kind: 'none', truncated: true },
    { raw: 'N / A', kind: 'not-applicable' },
    { raw: 'NOT APPLICABLE', kind: 'not-applicable' },
    { raw: 'DECL: XX/XX/XXXX', kind: 'none', note: 'placeholder' },
    { raw: 'DECL: MM/DD/YYYY', kind: 'none', note: 'placeholder' },
  ])('$raw → $kind', (c) => check(c));
});

describe('parseDecl: exemptions and prior-order markings', () => {
  it.each<Case>([
    { raw: 'DECL: X1', kind: 'exemption', codes: ['X1'] },
    { raw: 'DECL: X1, X5', kind: 'exemption', codes: ['X1', 'X5'] },
    { raw: 'DECL: X1 X6', kind: 'exemption', codes: ['X1', 'X6'] },
    { raw: 'DECL: X1 AND X5', kind: 'exemption', codes: ['X1', 'X5'] },
    { raw: 'DECL: X8', kind: 'exemption', codes: ['X8'] },
    { raw: 'DECL: 1.6X1', kind: 'exemption', codes: ['X1'], note: '1.6X1' },
    { raw: 'DECL: 1.6 X5', kind: 'exemption', codes: ['X5'] },
    { raw: 'DECL: 1.6X1, 1.6X6', kind: 'exemption', codes: ['X1', 'X6'] },
    { raw: 'DECL: 25X1', kind: 'exemption', codes: ['25X1'] },
    { raw: 'DECL: 25X9', kind: 'exemption', codes: ['25X9'] },
    { raw: 'Declassify On: 25X4, 20501001', kind: 'exemption', codes: ['25X4'], date: '2050-10-01' },
    { raw: 'DECL: 25X6, 12/31/2040', kind: 'exemption', codes: ['25X6'], date: '2040-12-31' },
    { raw: 'DECL: 25X1, 25X6', kind: 'exemption', codes: ['25X1', '25X6'] },
    { raw: 'DECL: 25 X 1', kind: 'exemption', codes: ['25X1'] },
    { raw: 'DECL: 25X1, EO 12951', kind: 'exemption', codes: ['25X1', 'EO12951'] },
    { raw: 'DECL: 25X1-HUMAN', kind: 'exemption', codes: ['50X1-HUM'] },
    { raw: 'DECL: 25X1-human', kind: 'exemption', codes: ['50X1-HUM'] },
    { raw: 'Declassify On: 50X1-HUM', kind: 'exemption', codes: ['50X1-HUM'] },
    { raw: 'Declassify On: 50X2-WMD', kind: 'exemption', codes: ['50X2-WMD'] },
    { raw: 'Declassify On: 50X1-HUM, 50X2-WMD', kind: 'exemption', codes: ['50X1-HUM', '50X2-WMD'] },
    { raw: 'Declassify On: 50X6, 20701231', kind: 'exemption', codes: ['50X6'], date: '2070-12-31' },
    { raw: 'Declassify On: 75X2, 20851231', kind: 'exemption', codes: ['75X2'], date: '2085-12-31' },
    { raw: 'DECL: OADR', kind: 'oadr', codes: ['OADR'] },
    { raw: 'DECL: oadr', kind: 'oadr', codes: ['OADR'] },
    { raw: 'DECL: OADR, X1', kind: 'exemption', codes: ['OADR', 'X1'] },
    { raw: 'Declassify On: Source marked OADR, Date of source: 19941015', kind: 'oadr', codes: ['OADR'], note: 'derivative' },
    { raw: 'Declassify On: Source marked OADR; Date of Source: October 15, 1994', kind: 'oadr', codes: ['OADR'], note: "source's date 1994-10-15" },
    { raw: 'DECL: MR', kind: 'manual-review', codes: ['MR'] },
    { raw: 'E.O. 11652: GDS', kind: 'gds', codes: ['GDS'] },
    { raw: 'E.O. 11652: XGDS', kind: 'gds', codes: ['XGDS'] },
    { raw: 'E.O. 11652: XGDS-1', kind: 'gds', codes: ['XGDS-1'] },
    { raw: 'E.O. 11652: XGDS 2', kind: 'gds', codes: ['XGDS-2'] },
    // E.O. 12065 schedules carry a date and the classifier's name.
    { raw: 'E.O. 12065: GDS 12/31/84 (SMITH, JOHN) OR-M', kind: 'gds', codes: ['GDS'], date: '1984-12-31' },
    { raw: 'E.O. 12065: RDS-2 06/01/1998 (JONES, A.)', kind: 'manual-review', codes: ['RDS-2'], date: '1998-06-01' },
    { raw: 'E.O. 12065: XDS-1 3/15/2009', kind: 'manual-review', codes: ['XDS-1'], date: '2009-03-15' },
    { raw: 'DECL: DCI Only', kind: 'agency-only', codes: ['DCI ONLY'] },
    { raw: 'DECL: DNI ONLY', kind: 'agency-only', codes: ['DNI ONLY'] },
    { raw: 'DNG: CO 03/06/2018', kind: 'downgrade', date: '2018-03-06', codes: ['DNG'] },
    { raw: 'DNG: S 03/06/18', kind: 'downgrade', date: '2018-03-06', codes: ['DNG'], note: 'downgrade to SECRET' },
    { raw: 'DNG: C', kind: 'downgrade', codes: ['DNG'] },
    { raw: 'DECLASSIFIED ON 09/02/2009', kind: 'date', date: '2009-09-02', codes: ['DECLASSIFIED'] },
  ])('$raw → $kind $codes', (c) => check(c));

  it.each(['DECL: X9', 'DECL: X0', 'DECL: 25X0', 'DECL: 26X1', 'DECL: 25X1, 20501001, 20601001', 'DNG: CO 13/45/2010'])(
    '%s → unrecognised',
    (raw) => check({ raw, kind: 'unrecognised' }),
  );
});

describe('parseDecl: durations and events in words', () => {
  it.each<Case>([
    { raw: 'DECL:  TWENTY YEARS', kind: 'duration', years: 20 },
    { raw: 'DECL: TEN YEARS', kind: 'duration', years: 10 },
    { raw: 'DECL: ONE YEAR', kind: 'duration', years: 1 },
    { raw: 'DECL: 10 YEARS', kind: 'duration', years: 10 },
    { raw: 'DECL: 10 YRS', kind: 'duration', years: 10 },
    { raw: 'DECL: TWENTY-FIVE YEARS', kind: 'duration', years: 25 },
    { raw: 'DECL: TWENTY FIVE YEARS', kind: 'duration', years: 25 },
    { raw: 'DECL: TEN (10) YEARS FROM DATE OF ORIGIN', kind: 'duration', years: 10 },
    { raw: 'DECL: FIVE YEARS AFTER DATE OF THIS CABLE', kind: 'duration', years: 5 },
    { raw: 'DECL: 10 YEARS AFTER KOREAN UNIFICATION', kind: 'event', event: '10 YEARS AFTER KOREAN UNIFICATION' },
    { raw: 'decl: after korean unification', kind: 'event', event: 'after korean unification' },
    { raw: 'DECL: UPON COMPLETION OF NEGOTIATIONS', kind: 'event', event: 'UPON COMPLETION OF NEGOTIATIONS' },
    { raw: 'DECL: END OF CONFERENCE', kind: 'event', event: 'END OF CONFERENCE' },
  ])('$raw → $kind', (c) => check(c));

  it.each(['DECL: HELLO WORLD', 'DECL: 25 APPLES', 'DECL: ??', 'DECL: ZERO YEARS', 'DECL: HUNDRED YEARS'])('%s → unrecognised', (raw) =>
    check({ raw, kind: 'unrecognised' }),
  );
});

describe('parseDecl: no E.O. line', () => {
  it('null → none, raw null', () => {
    check({ raw: null, kind: 'none' });
  });
});
