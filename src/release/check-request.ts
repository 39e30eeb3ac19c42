/**
 * The checks of a library caller's release options, the same as the command line's
 * (../options.ts): a bad value is a {@link UsageError} before anything is decided or rendered,
 * never a release made with it (`asOf: 'today'` compared as a string passed every DECL date;
 * `formats: ['txt']` wrote only the audit record; `stem: '../evil'` wrote outside `release/`).
 */
import { describeValue, nameListProblem, oneOfProblem, requireAsOf, requireValid, sha256Problem } from '../options.js';
import { FORMATS, stemProblem } from './folder.js';

/** The page sizes a release PDF is typeset in. */
export const PAGE_SIZES = ['letter', 'a4'] as const;

/** Throws a {@link UsageError} naming the first option of a release that is missing or not valid. */
export function checkReleaseOptions(req: {
  readonly doc?: unknown;
  readonly profile?: unknown;
  readonly asOf?: unknown;
  readonly stem?: unknown;
  readonly input?: unknown;
  readonly formats?: unknown;
  readonly pageSize?: unknown;
}): void {
  requireValid('doc', isObject(req.doc) && typeof (req.doc as { source?: unknown }).source === 'string' ? null : `expected a document (readDocument().doc), got ${describeValue(req.doc)}`);
  requireValid('profile', isObject(req.profile) && Array.isArray((req.profile as { rules?: unknown }).rules) ? null : `expected a profile (resolveProfile() or loadProfile()), got ${describeValue(req.profile)}`);
  requireAsOf(req.asOf);
  requireValid(`stem ${describeValue(req.stem)}`, stemProblem(req.stem));
  checkInput(req.input);
  // No format at all is a request for the decisions and the audit record alone (the
  // cross-document check re-runs an earlier release so: `audit --against`, `release --against`).
  const formats = req.formats instanceof Set ? [...req.formats] : req.formats;
  if (formats !== undefined && !(Array.isArray(formats) && formats.length === 0)) requireValid('formats', nameListProblem(formats, FORMATS, 'format'));
  if (req.pageSize !== undefined) requireValid('pageSize', oneOfProblem(req.pageSize, PAGE_SIZES));
}

/** The input as recorded: a path and the sha256 of its bytes (64 lower-case hexadecimal digits). */
function checkInput(input: unknown): void {
  if (!isObject(input)) requireValid('input', `expected { path, sha256 }, got ${describeValue(input)}`);
  const { path, sha256 } = input as { path?: unknown; sha256?: unknown };
  requireValid('input.path', typeof path === 'string' && path !== '' ? null : `expected the input's path, got ${describeValue(path)}`);
  requireValid('input.sha256', sha256Problem(sha256, true));
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
