/**
 * Check 2: the manifest `review/manifest.json` (format and chain rule in src/release/folder.ts)
 * against the records actually present. Pure apart from hashing.
 */
import { chainNext, EMPTY_HEAD, MANIFEST_FORMAT, MANIFEST_PATH, recordPath, type Manifest, type ManifestEntry } from '../release/folder.js';
import { failure, type Finding } from './findings.js';

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
    // The chain check fails too: without a manifest there is no chain, and its line said 'intact'.
    return [failure(M, 'missing', records.size === 0 ? 'no manifest in review/, and no audit record: not a release (or an empty one)' : `no manifest in review/ (${records.size} audit record(s) are not chained)`), failure(M, 'chain', 'no manifest: there is no chain to check')];
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [failure(M, 'chain', 'not valid JSON')];
  }
  const m = data as Partial<Manifest> | null;
  if (!m || typeof m !== 'object' || m.format !== MANIFEST_FORMAT || !Array.isArray(m.entries)) {
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
  const head = m.entries.length > 0 ? previousChain : EMPTY_HEAD;
  if (m.head !== head) out.push(failure(M, 'chain', `head ${String(m.head).slice(0, 12)}… is not the last entry's chain value`));
  if (expectedHead !== undefined && head !== expectedHead) {
    out.push(failure(M, 'chain', `the chain ends at ${head.slice(0, 12)}…, not at the expected head ${expectedHead.slice(0, 12)}…`));
  }
  for (const stem of [...records.keys()].sort()) {
    if (!listed.has(stem)) out.push(failure(recordPath(stem), 'chain', `not listed in ${M}`));
  }
  return out;
}
