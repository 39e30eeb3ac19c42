/**
 * Reads the date written in a declassification instruction. Cables write dates in many ways;
 * US order (month before day) is assumed for slashed dates, as in every State cable seen.
 */
import { DECL_YEAR_PIVOT, declYear, endOfMonth, isoDate, MONTH_NUMBERS } from '../dates.js';

/** A date read from text, with notes for every reading that was not literal. */
export interface DateReading {
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  /** Human-readable notes (two-digit year expanded, month-only date read as its last day …). */
  readonly notes: readonly string[];
}

/** Regular-expression source matching a month name or abbreviation (upper case input). */
const MONTH = '(JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)';

/**
 * Reads `text` as one date, the whole string, or returns null. Accepted (case-insensitive, spaces
 * around separators ignored):
 * - `mm/dd/yyyy`, `m/d/yyyy`, `mm-dd-yyyy`;
 * - `mm/dd/yy`, `mm-dd-yy`: two-digit years pivot at {@link DECL_YEAR_PIVOT} (00–69 → 20xx);
 * - `yyyy/mm/dd`, `yyyy-mm-dd`, `yyyymmdd`;
 * - `08 OCTOBER 2019`, `8 Oct. 2019`, `08OCT19`, `October 8, 2019`;
 * - month only (`10/2019`, `OCTOBER 2019`) → the last day of that month; a year only (`2019`) →
 *   31 December. Reading the latest day keeps the document classified longest (fail closed).
 * Anything that is not a real calendar day (`13/45/2010`, `02/30/2012`) gives null.
 */
export function parseDateText(text: string): DateReading | null {
  const s = text.toUpperCase().trim().replace(/\s*([/-])\s*/g, '$1').replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  const notes: string[] = [];
  const ok = (date: string | null): DateReading | null => (date ? { date, notes } : null);

  if ((m = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/.exec(s))) return ok(isoDate(+m[4]!, +m[1]!, +m[3]!));
  if ((m = /^(\d{1,2})([/-])(\d{1,2})\2(\d{2})$/.exec(s))) {
    const year = declYear(+m[4]!);
    notes.push(twoDigitNote(m[4]!, year));
    return ok(isoDate(year, +m[1]!, +m[3]!));
  }
  if ((m = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/.exec(s))) return ok(isoDate(+m[1]!, +m[3]!, +m[4]!));
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) return ok(isoDate(+m[1]!, +m[2]!, +m[3]!));
  if ((m = new RegExp(`^(\\d{1,2}) ?${MONTH}\\.?,? ?(\\d{4}|\\d{2})$`).exec(s))) {
    const year = yearWithNote(m[3]!, notes);
    return ok(isoDate(year, MONTH_NUMBERS[m[2]!]!, +m[1]!));
  }
  if ((m = new RegExp(`^${MONTH}\\.? (\\d{1,2})(?:ST|ND|RD|TH)?,? (\\d{4})$`).exec(s))) {
    return ok(isoDate(+m[3]!, MONTH_NUMBERS[m[1]!]!, +m[2]!));
  }
  if ((m = /^(\d{1,2})\/(\d{4})$/.exec(s)) || (m = new RegExp(`^${MONTH}\\.?,? (\\d{4})$`).exec(s))) {
    const month = /^\d/.test(m[1]!) ? +m[1]! : MONTH_NUMBERS[m[1]!]!;
    const year = +m[2]!;
    if (month < 1 || month > 12 || year < 1000) return null;
    notes.push(`month only: read as the last day of ${year}-${String(month).padStart(2, '0')} (fail closed)`);
    return ok(endOfMonth(year, month));
  }
  if ((m = /^(19\d\d|2\d\d\d)$/.exec(s))) {
    notes.push(`year only: read as 31 December ${m[1]} (fail closed)`);
    return ok(isoDate(+m[1]!, 12, 31));
  }
  return null;
}

/** A year of 2 or 4 digits; a two-digit one is read with the DECL pivot, and a note says so. */
function yearWithNote(digits: string, notes: string[]): number {
  if (digits.length === 4) return +digits;
  const year = declYear(+digits);
  notes.push(twoDigitNote(digits, year));
  return year;
}

function twoDigitNote(yy: string, year: number): string {
  return `two-digit year ${yy} read as ${year} (00–${DECL_YEAR_PIVOT} → 20xx, otherwise 19xx)`;
}

/**
 * The two readings of a slashed (or dashed) date whose first two parts could each be the month
 * (`01/08/2026`: 8 January as MM/DD, the US order {@link parseDateText} reads; 1 August as DD/MM,
 * the order of many partners' documents), found anywhere in `text` (`25X1, 01/08/2050`). Null when
 * `text` holds no such date, or its parts are equal or one is above 12 (only one reading).
 */
export function ambiguousDayMonth(text: string): { readonly monthFirst: string; readonly dayFirst: string } | null {
  const m = /(?<![\d/-])(\d{1,2})\s*([/-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d/-])/.exec(text);
  if (!m || +m[1]! === +m[3]! || +m[1]! > 12 || +m[3]! > 12 || +m[1]! < 1 || +m[3]! < 1) return null;
  const year = m[4]!.length === 4 ? +m[4]! : declYear(+m[4]!);
  const monthFirst = isoDate(year, +m[1]!, +m[3]!);
  const dayFirst = isoDate(year, +m[3]!, +m[1]!);
  return monthFirst && dayFirst ? { monthFirst, dayFirst } : null;
}
