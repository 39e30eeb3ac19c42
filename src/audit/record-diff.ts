/**
 * Check 3's comparison: a re-run's audit record against the recorded one, field by field, over the
 * whole record. Probe 59a edited a decision's mark and level, the declassification block, the
 * disposition's authorities and the diagnostics of a record, re-chained the manifest, and
 * `audit --originals` passed: only decisions' ids, actions, rules, spans and reasons, the
 * redactions, banner, stamp and output hashes were compared. Now every field is, but for those a
 * re-run cannot give again ({@link NOT_RERUN}).
 *
 * A difference names the field and, where a value is one of the tool's own words (a number, a
 * date, an action, a level, a mark, an authority), both values; any other text is given as a
 * short sha256, never quoted: a tampered record may carry withheld text in any field, and the
 * audit's lines never quote withheld text. Pure.
 */
import { sha256Hex } from '../hash.js';

/**
 * Fields a re-run takes from the record or from where the audit found the files, not from the
 * original, so comparing them would compare the record with itself or with the auditor's paths:
 * - `tool`: the version is compared apart (a warning: another version may decide otherwise, and
 *   then the fields that differ fail).
 * - `profile.file`, `overrides.file`: where the file was at release time; the audit finds it by
 *   its sha256 (bundled rules/, the recorded path, `--profile`/`--overrides`), and the sha256 is
 *   compared here.
 * - `input.path`: where the original was at release time; the re-run is given it from the record
 *   (the original is matched by sha256, wherever the auditor keeps it), and the sha256 is compared.
 */
const NOT_RERUN: ReadonlySet<string> = new Set(['tool', 'profile.file', 'overrides.file', 'input.path']);

/** How many differences of one record are named before the rest are counted. */
const NAMED = 8;

/** One field that differs: its path in the record and both values as the audit may show them. */
export interface FieldDifference {
  readonly field: string;
  readonly message: string;
}

/** A string that is one of the tool's own words, shown as is: nothing of a document's text can be one. */
const SHOWN: readonly RegExp[] = [
  /^\d{4}-\d{2}-\d{2}$/, // dates
  /^[a-z][a-z0-9]*(?:[-/.][a-z0-9]+)+$|^[a-z]+[0-9][a-z0-9.]*$/, // codes, rule ids (public/default-deny), portion ids (p3, text1)
  /^(?:U|C|S|TS|R|CUI|UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)$/, // levels
  /^\((?:U|C|S|TS|R|CUI|SBU|FOUO)(?:\/\/[A-Z0-9 ,/-]{1,40})?\)$/, // portion marks
  /^(?:B[1-9]|B7\([A-F]\)|1\.4\([A-H]\)|25X[1-9]|50X[1-9]-HUM|50X[1-9]-WMD)$/, // authorities
];

/** The single words of the record's vocabularies (actions, statuses, marking sources, kinds, severities). */
const WORDS: ReadonlySet<string> = new Set(
  'release withhold marked unknown unmarked inherited error warning info unclassified classified declassified review invalid subject paragraph subparagraph text signature title heading bullet item header cable document pdf date event exempt none letter a4'.split(' '),
);

/** A value as a failure line may give it: JSON for numbers, booleans, null and the tool's words; a short sha256 for other text. */
function show(value: unknown): string {
  if (value === undefined) return 'absent';
  if (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)) return `sha256 ${value.slice(0, 12)}…`;
  if (typeof value === 'string') return WORDS.has(value) || SHOWN.some((p) => p.test(value)) ? JSON.stringify(value) : `text (sha256 ${sha256Hex(new TextEncoder().encode(value)).slice(0, 12)}…)`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  return `${Array.isArray(value) ? 'a list' : 'an object'} (sha256 ${sha256Hex(new TextEncoder().encode(canonical(value))).slice(0, 12)}…)`;
}

/** JSON with object keys sorted: two records equal in content give the same text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The portion id of each element, when every element of both lists has its own: they are matched by it. */
function idsOf(list: readonly unknown[]): string[] | null {
  const ids = list.map((e) => (isObject(e) && typeof e.portionId === 'string' ? e.portionId : null));
  return ids.every((id): id is string => id !== null) && new Set(ids).size === ids.length ? ids : null;
}

/** A short label of a list element that is not in the other list: what it is, never its text. */
function label(e: unknown): string {
  if (!isObject(e)) return show(e);
  const parts = [e.portionId, e.severity, e.code, e.kind].filter((p): p is string => typeof p === 'string').map((p) => show(p).replace(/^"|"$/g, ''));
  if (typeof e.line === 'number') parts.push(`line ${e.line}`);
  return parts.length > 0 ? parts.join(' ') : show(e);
}

/** The differences between two lists at `field`. */
function diffLists(field: string, a: readonly unknown[], b: readonly unknown[], out: FieldDifference[]): void {
  const [idsA, idsB] = [idsOf(a), idsOf(b)];
  if (idsA && idsB) {
    const byId = new Map(idsB.map((id, i) => [id, b[i]]));
    idsA.forEach((id, i) => diffValues(`${field}[${id}]`, a[i], byId.get(id), out));
    for (const id of idsB) if (!idsA.includes(id)) diffValues(`${field}[${id}]`, undefined, byId.get(id), out);
    return;
  }
  if (a.length === b.length) {
    a.forEach((x, i) => diffValues(`${field}[${i}]`, x, b[i], out));
    return;
  }
  // Lists of words of other lengths (authorities): both, on one line.
  if (![...a, ...b].some((x) => x !== null && typeof x === 'object')) {
    out.push({ field, message: `recorded [${a.map(show).join(', ')}], re-run [${b.map(show).join(', ')}]` });
    return;
  }
  // Lists of other lengths (a diagnostic removed): what one has and the other lacks, as a multiset.
  const rest = b.map(canonical);
  const onlyA: unknown[] = [];
  for (const x of a) {
    const i = rest.indexOf(canonical(x));
    if (i >= 0) rest.splice(i, 1);
    else onlyA.push(x);
  }
  const onlyB = b.filter((x) => rest.includes(canonical(x)));
  for (const x of onlyA) out.push({ field, message: `the record has ${label(x)}, which the re-run does not give (${a.length} recorded, ${b.length} in the re-run)` });
  for (const x of onlyB) out.push({ field, message: `the re-run gives ${label(x)}, which the record lacks (${a.length} recorded, ${b.length} in the re-run)` });
}

/** The differences between two values at `field` (every leaf that differs). */
function diffValues(field: string, a: unknown, b: unknown, out: FieldDifference[]): void {
  if (NOT_RERUN.has(field)) return;
  if (isObject(a) && isObject(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) diffValues(field ? `${field}.${k}` : k, a[k], b[k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) return diffLists(field, a, b, out);
  if (canonical(a) !== canonical(b)) out.push({ field, message: `recorded ${show(a)}, re-run ${show(b)}` });
}

/** Every field of `recorded` that differs from `rerun`, but for {@link NOT_RERUN}. */
export function recordDifferences(recorded: unknown, rerun: unknown): FieldDifference[] {
  const out: FieldDifference[] = [];
  diffValues('', recorded, rerun, out);
  return out;
}

/** One line per difference, up to {@link NAMED}; then one counting the rest. */
export function differenceLines(differences: readonly FieldDifference[]): string[] {
  const lines = differences.slice(0, NAMED).map((d) => `${d.field} differs from a re-run: ${d.message}`);
  if (differences.length > NAMED) lines.push(`and ${differences.length - NAMED} more field(s) differ from a re-run`);
  return lines;
}
