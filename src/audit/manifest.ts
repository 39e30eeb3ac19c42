/**
 * The run-level manifest `review/manifest.json`: every audit record in `review/`, sorted by stem,
 * with the sha256 of the record's bytes and a hash chain, so that removing, reordering or editing
 * a record (or an entry) is detectable.
 *
 * Chain: `chain[0] = sha256(record sha256 of entry 0)`, `chain[i] = sha256(chain[i-1] + sha256[i])`
 * (hex strings concatenated, then hashed as UTF-8); `head` is the last chain value (sha256 of the
 * empty string for an empty manifest). Anyone can recompute a chain: it proves integrity against
 * a head recorded elsewhere (the release summary prints it; `declass audit --head` checks it).
 *
 * Deterministic: no wall-clock time, entries sorted by stem. Pure apart from hashing.
 */
import { sha256Hex } from '../hash.js';
import { TOOL } from '../version.js';
import { failure, type Finding } from './findings.js';

/** Path of the manifest, relative to the output folder. */
export const MANIFEST_PATH = 'review/manifest.json';

/** One record listed in the manifest. */
export interface ManifestEntry {
  /** Output stem, e.g. `08BERLIN173`. */
  readonly stem: string;
  /** `review/<stem>.audit.json`. */
  readonly record: string;
  /** sha256 (hex) of the record file's bytes. */
  readonly sha256: string;
  /** sha256 (hex) of the previous entry's chain followed by this entry's sha256. */
  readonly chain: string;
}

/** The release run that last wrote the manifest. Records from earlier runs keep their own profile and date. */
export interface ManifestRun {
  readonly profile: { readonly id: string; readonly file: string; readonly sha256: string };
  readonly asOf: string;
  readonly overrides: { readonly file: string; readonly sha256: string } | null;
}

export interface Manifest {
  readonly format: 'declass-manifest/1';
  readonly tool: { readonly name: string; readonly version: string };
  readonly run: ManifestRun;
  readonly entries: readonly ManifestEntry[];
  /** The last entry's chain value. */
  readonly head: string;
}

/** The chain value following `previous` (the empty string before the first entry) for a record hash. */
export function chainNext(previous: string, recordSha256: string): string {
  return sha256Hex(previous + recordSha256);
}

/** Path of the audit record of `stem`, relative to the output folder. */
export function recordPath(stem: string): string {
  return `review/${stem}.audit.json`;
}

/**
 * Builds the manifest of a set of records (stem and sha256 of each record file's bytes).
 * Entries are sorted by stem (code-unit order), whatever the input order.
 */
export function buildManifest(records: readonly { readonly stem: string; readonly sha256: string }[], run: ManifestRun): Manifest {
  const sorted = [...records].sort((a, b) => (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0));
  let previous = '';
  const entries: ManifestEntry[] = sorted.map((r) => {
    const chain = chainNext(previous, r.sha256);
    previous = chain;
    return { stem: r.stem, record: recordPath(r.stem), sha256: r.sha256, chain };
  });
  return { format: 'declass-manifest/1', tool: { name: TOOL.name, version: TOOL.version }, run, entries, head: previous || sha256Hex('') };
}

/** The manifest as written: pretty JSON with a final newline. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Verifies a manifest's text against the records actually present.
 *
 * @param text The manifest file's text, or null when it does not exist.
 * @param records sha256 of each `review/<stem>.audit.json` present, by stem.
 * @param expectedHead When given, the head recorded elsewhere that the manifest must end with.
 * @returns Failures (check `chain`, `missing` or `hash`), empty when intact.
 */
export function verifyManifest(text: string | null, records: ReadonlyMap<string, string>, expectedHead?: string): Finding[] {
  const M = MANIFEST_PATH;
  if (text === null) {
    return [failure(M, 'missing', `no manifest in review/ (${records.size} audit record(s) are not chained)`)];
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [failure(M, 'chain', 'not valid JSON')];
  }
  const m = data as Partial<Manifest> | null;
  if (!m || typeof m !== 'object' || m.format !== 'declass-manifest/1' || !Array.isArray(m.entries)) {
    return [failure(M, 'chain', 'not a declass manifest (expected format "declass-manifest/1" and an entries list)')];
  }
  const out: Finding[] = [];
  const listed = new Set<string>();
  let previousChain = '';
  let previousStem: string | null = null;
  m.entries.forEach((raw, i) => {
    const n = i + 1;
    const e = raw as Partial<ManifestEntry> | null;
    if (!e || typeof e.stem !== 'string' || typeof e.sha256 !== 'string' || typeof e.chain !== 'string' || typeof e.record !== 'string') {
      out.push(failure(M, 'chain', `entry ${n} is malformed (expected stem, record, sha256 and chain)`));
      return;
    }
    const label = `entry ${n} (${e.stem})`;
    if (e.record !== recordPath(e.stem)) out.push(failure(M, 'chain', `${label} names record ${e.record}; expected ${recordPath(e.stem)}`));
    if (previousStem !== null && !(previousStem < e.stem)) out.push(failure(M, 'chain', `${label} is out of order: entries must be sorted by stem, and it follows ${previousStem}`));
    if (listed.has(e.stem)) out.push(failure(M, 'chain', `${label} lists its record a second time`));
    if (e.chain !== chainNext(previousChain, e.sha256)) {
      out.push(failure(M, 'chain', n === 1 ? `${label} does not start the chain` : `${label} does not chain from entry ${n - 1}`));
    }
    previousChain = e.chain;
    previousStem = e.stem;
    listed.add(e.stem);
    const actual = records.get(e.stem);
    if (actual === undefined) out.push(failure(M, 'missing', `${label} lists ${recordPath(e.stem)}, which does not exist`));
    else if (actual !== e.sha256) out.push(failure(recordPath(e.stem), 'hash', `sha256 differs from ${M} (${label})`));
  });
  const head = m.entries.length > 0 ? previousChain : sha256Hex('');
  if (m.head !== head) out.push(failure(M, 'chain', `head ${String(m.head).slice(0, 12)}… is not the last entry's chain value`));
  if (expectedHead !== undefined && head !== expectedHead) {
    out.push(failure(M, 'chain', `the chain ends at ${head.slice(0, 12)}…, not at the expected head ${expectedHead.slice(0, 12)}…`));
  }
  for (const stem of [...records.keys()].sort()) {
    if (!listed.has(stem)) out.push(failure(recordPath(stem), 'chain', `not listed in ${M}`));
  }
  return out;
}
