/**
 * Case stamps of a release package, in the State Department's form: a FOIA case number, a document
 * number per document, and the footer every release page and release text carries,
 * `UNCLASSIFIED U.S. Department of State Case No. F-2026-00123 Doc No. C00000001 Date: 12/01/2010`.
 * Pure.
 */
import { requireAsOf } from '../options.js';

/** A document's place in a FOIA case, as recorded in its audit record (`case`). */
export interface CaseStamp {
  /** The case number as given, e.g. `F-2026-00123`. */
  readonly number: string;
  /** The document number, `C` and eight digits, e.g. `C00000001`. */
  readonly docNumber: string;
}

/** What a case number may look like: letters, digits and hyphens, starting with a letter or digit (at most 40). */
const CASE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

/** Null when `value` may be a case number, else what is wrong with it (one phrase). */
export function caseNumberProblem(value: string): string | null {
  return CASE_NUMBER.test(value) ? null : 'expected letters, digits and hyphens (at most 40), e.g. F-2026-00123';
}

/** The largest document number there is room for: `C99999999`. */
export const MAX_DOC_NUMBER = 99_999_999;

/** `C` and the number in eight digits: `docNumber(1)` is `C00000001`. */
export function formatDocNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_DOC_NUMBER) throw new RangeError(`document number ${n} is not between 0 and ${MAX_DOC_NUMBER}`);
  return `C${String(n).padStart(8, '0')}`;
}

/** A document to number: its output stem and reference (null when it has none; the stem stands in). */
export interface NumberedDocument {
  readonly stem: string;
  readonly ref: string | null;
}

/**
 * Document numbers, deterministically: the documents sorted by reference (the stem when there is
 * none; code-unit order, ties broken by stem) are numbered from `start` up. The same set of
 * documents gets the same numbers whatever order it was given in, on every re-run and resume.
 *
 * @returns The document number by stem.
 */
export function assignDocNumbers(docs: readonly NumberedDocument[], start: number): Map<string, string> {
  const key = (d: NumberedDocument) => d.ref ?? d.stem;
  const unique = [...new Map(docs.map((d) => [d.stem, d])).values()];
  unique.sort((a, b) => compare(key(a), key(b)) || compare(a.stem, b.stem));
  if (start + unique.length - 1 > MAX_DOC_NUMBER) throw new RangeError(`${unique.length} document(s) from ${start} run past ${formatDocNumber(MAX_DOC_NUMBER)}`);
  return new Map(unique.map((d, i) => [d.stem, formatDocNumber(start + i)]));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `MM/DD/YYYY`, as State's footer writes dates, from an ISO date. */
export function stateDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

/**
 * The footer of every page and of the release text, e.g.
 * `UNCLASSIFIED U.S. Department of State Case No. F-2026-00123 Doc No. C00000001 Date: 12/01/2010`.
 *
 * @param banner The release banner (`UNCLASSIFIED` for a public release).
 * @param asOf The as-of date of the release (ISO).
 */
export function caseFooter(stamp: CaseStamp, banner: string, asOf: string): string {
  requireAsOf(asOf);
  return `${banner} U.S. Department of State Case No. ${stamp.number} Doc No. ${stamp.docNumber} Date: ${stateDate(asOf)}`;
}
