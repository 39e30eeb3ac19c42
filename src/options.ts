/**
 * Checks of option values, shared by the library's entry points and the command line: each
 * `...Problem` function says why a value is refused (a phrase for a person), or returns null.
 * The CLI turns a problem into commander's usage error; the library into {@link UsageError}
 * through {@link requireValid}, so `releaseDocument({ asOf: 'today' })` is refused as
 * `--as-of today` is, with the same words, and never compared as a string with DECL dates.
 * Pure: no disk, no clock.
 */
import { isoDateProblem } from './dates.js';
import { UsageError } from './errors.js';

/**
 * Throws a {@link UsageError} `<name>: <problem>` when `problem` is not null: the one-line
 * refusal of a library option (`asOf: expected a date as YYYY-MM-DD, got "today"`).
 */
export function requireValid(name: string, problem: string | null): void {
  if (problem !== null) throw new UsageError(`${name}: ${problem}`);
}

/** A value as a message quotes it: a string in quotes, anything else by its type (`a Date`, `undefined`). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined || value === null) return String(value);
  if (value instanceof Date) return 'a Date';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a value of type ${typeof value}`;
}

/**
 * Why `value` is not a real calendar date written `YYYY-MM-DD` (the as-of date of every decision:
 * DECL dates are compared with it as strings, so `today` or `Dec 1 2026` would count every date
 * as passed), or null.
 */
export function dateOptionProblem(value: unknown): string | null {
  if (typeof value !== 'string') return `expected a date as YYYY-MM-DD, got ${describeValue(value)}`;
  return isoDateProblem(value);
}

/** Throws a {@link UsageError} unless `asOf` is a real calendar date `YYYY-MM-DD` ({@link dateOptionProblem}). */
export function requireAsOf(asOf: unknown, name = 'asOf'): asserts asOf is string {
  requireValid(name, dateOptionProblem(asOf));
}

/**
 * Why `list` is not a list of names out of `known`, each named once: an unknown name, an empty
 * one, a name given twice, or no name at all. `what` names an item ("format", "finding");
 * `written` is the list as the user typed it, for the message (default: joined with commas).
 */
export function nameListProblem(list: unknown, known: readonly string[], what: string, written?: string): string | null {
  const expected = `expected some of ${known.join(', ')}, comma-separated`;
  if (!Array.isArray(list)) return `${expected}, got ${describeValue(list)}`;
  const shown = written ?? list.join(',');
  if (list.every((s) => s === '')) return expected;
  if (list.includes('')) return `an empty item in "${shown}"; ${expected}`;
  for (const f of list) if (typeof f !== 'string' || !known.includes(f)) return `unknown ${what} ${describeValue(f)}; ${expected}`;
  const twice = list.find((f, i) => list.indexOf(f) !== i);
  if (twice !== undefined) return `${what} "${twice}" is given twice in "${shown}"; name each once`;
  return null;
}

/** Why `value` is not one of `choices` (exactly as listed), or null. */
export function oneOfProblem(value: unknown, choices: readonly string[]): string | null {
  if (typeof value === 'string' && choices.includes(value)) return null;
  return `expected one of ${choices.join(', ')}, got ${describeValue(value)}`;
}

/** Why `value` is not a whole number of at least `min` (and at most `max`, when given), or null. */
export function wholeNumberProblem(value: unknown, min: number, max?: number): string | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= min && (max === undefined || n <= max)) return null;
  const got = typeof value === 'string' ? `"${value}"` : describeValue(value);
  return max === undefined ? `expected a whole number of at least ${min}, got ${got}` : `expected a whole number from ${min} to ${max}, got ${got}`;
}

/**
 * Why `value` is not a sha256 written as 64 hexadecimal digits, or null. Either case, unless
 * `lowerCase` (a hash recorded as given, which is compared with hashes written in lower case).
 */
export function sha256Problem(value: unknown, lowerCase = false): string | null {
  if (typeof value !== 'string') return `expected a sha256 as 64 hexadecimal digits, got ${describeValue(value)}`;
  if (/^[0-9a-f]{64}$/.test(value)) return null;
  if (/^[0-9a-f]{64}$/i.test(value)) return lowerCase ? 'expected a sha256 as 64 lower-case hexadecimal digits, got upper-case ones' : null;
  return `expected a sha256 as 64 hexadecimal digits, got ${value.length} character(s)${/[^0-9a-f]/i.test(value) ? ' with non-hexadecimal ones' : ''}`;
}
