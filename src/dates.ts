/**
 * Calendar dates, the one module for them. Every date is an ISO calendar date `YYYY-MM-DD`
 * (proleptic Gregorian, no time, no zone), so that ISO strings compare correctly with `<`.
 *
 * Cables write years with two digits in two places, which need different pivots:
 * - a cable's own dates (the date-time group `131627Z FEB 08`, a leaked record's `11/12/03`) lie
 *   in the past of the collection (1960s to 2010): {@link CABLE_YEAR_PIVOT};
 * - a declassification date (`DECL: 12/20/18`) lies up to decades after its cable:
 *   {@link DECL_YEAR_PIVOT}.
 */

/** Month numbers (1–12) by upper-case English name and abbreviation (`JAN`, `JANUARY`, `SEPT`). */
export const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  JAN: 1, JANUARY: 1, FEB: 2, FEBRUARY: 2, MAR: 3, MARCH: 3, APR: 4, APRIL: 4, MAY: 5,
  JUN: 6, JUNE: 6, JUL: 7, JULY: 7, AUG: 8, AUGUST: 8, SEP: 9, SEPT: 9, SEPTEMBER: 9,
  OCT: 10, OCTOBER: 10, NOV: 11, NOVEMBER: 11, DEC: 12, DECEMBER: 12,
};

/**
 * Two-digit years of a cable's own dates up to this value are 20xx, above it 19xx (`08` → 2008,
 * `89` → 1989): the collection runs from the 1960s to 2010.
 */
export const CABLE_YEAR_PIVOT = 49;

/**
 * Two-digit years of declassification dates up to this value are 20xx, above it 19xx
 * (`03/05/11` → 2011, `12/20/97` → 1997). Cables with two-digit DECL years run from the 1970s to
 * the 2000s, and a DECL date is at most a few decades after its cable, so no real case falls on
 * the wrong side.
 */
export const DECL_YEAR_PIVOT = 69;

/**
 * The year of a cable's own date written with 2 to 4 digits: four digits as written, fewer read
 * with {@link CABLE_YEAR_PIVOT}.
 */
export function cableYear(digits: string): number {
  const n = Number(digits);
  if (digits.length >= 4) return n;
  return n <= CABLE_YEAR_PIVOT ? 2000 + n : 1900 + n;
}

/** The year of a two-digit year in a declassification date, read with {@link DECL_YEAR_PIVOT}. */
export function declYear(yy: number): number {
  return yy <= DECL_YEAR_PIVOT ? 2000 + yy : 1900 + yy;
}

/**
 * Builds an ISO date from numbers, or returns null when they do not name a real calendar day
 * (`2010-02-30`, month 13). Years must be 1000–9999.
 */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Number of days in a month (1-based month). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why `value` is not a real calendar date written `YYYY-MM-DD` (`month 13 does not exist`,
 * `February 2010 has 28 days`), or null when it is one. For messages to a person.
 */
export function isoDateProblem(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `expected a date as YYYY-MM-DD, got "${value}"`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1000) return `year ${m[1]} is out of range (1000-9999)`;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (day < 1) return `day ${day} does not exist`;
  const days = daysInMonth(year, month);
  if (day > days) return `${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
  return null;
}

/** The UTC calendar day of an instant, as an ISO date. */
export function isoDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The year of an ISO date. */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/**
 * Adds whole years to an ISO date. 29 February becomes 28 February when the target year is not a
 * leap year (the anniversary never moves into March).
 */
export function addYears(iso: string, years: number): string {
  const y = yearOf(iso) + years;
  const month = Number(iso.slice(5, 7));
  const day = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, month));
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/** 31 December of the year `years` after the year of `iso` (E.O. 13526 §3.3 counts whole years). */
export function endOfYearAfter(iso: string, years: number): string {
  return `${yearOf(iso) + years}-12-31`;
}

/** Last day of a month, as an ISO date. */
export function endOfMonth(year: number, month: number): string {
  return `${year}-${pad2(month)}-${pad2(daysInMonth(year, month))}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
