/**
 * Calendar-date helpers for declassification. Every date is an ISO calendar date `YYYY-MM-DD`
 * (proleptic Gregorian, no time, no zone), so that ISO strings compare correctly with `<`.
 */

/** Two-digit years up to this value are read as 20xx; above it as 19xx (`03/05/11` → 2011, `12/20/97` → 1997). */
export const TWO_DIGIT_YEAR_PIVOT = 69;

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

/**
 * Reads a two-digit year with the {@link TWO_DIGIT_YEAR_PIVOT}: 00–69 → 2000–2069, 70–99 →
 * 1970–1999. Cables with two-digit DECL years run from the 1970s to the 2000s, and a DECL date is
 * at most a few decades after its cable, so no real case falls on the wrong side.
 */
export function expandTwoDigitYear(yy: number): number {
  return yy <= TWO_DIGIT_YEAR_PIVOT ? 2000 + yy : 1900 + yy;
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
