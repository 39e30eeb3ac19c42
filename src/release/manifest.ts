/**
 * Writing the manifest `review/manifest.json` (format and chain rule in ./folder.ts).
 * Deterministic: no wall-clock time, entries sorted by stem. Pure apart from hashing.
 */
import { TOOL } from '../version.js';
import { chainNext, EMPTY_HEAD, MANIFEST_FORMAT, recordPath, type Hold, type Manifest, type ManifestEntry, type ManifestRun } from './folder.js';

/**
 * Builds the manifest of a set of records (stem and sha256 of each record file's bytes).
 * Entries are sorted by stem (code-unit order), whatever the input order.
 */
export function buildManifest(records: readonly { readonly stem: string; readonly sha256: string; readonly held?: Hold }[], run: ManifestRun): Manifest {
  const sorted = [...records].sort((a, b) => (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0));
  let previous = '';
  const entries: ManifestEntry[] = sorted.map((r) => {
    const chain = chainNext(previous, r.sha256);
    previous = chain;
    return { stem: r.stem, record: recordPath(r.stem), sha256: r.sha256, chain, ...(r.held ? { held: r.held } : {}) };
  });
  return { format: MANIFEST_FORMAT, tool: { name: TOOL.name, version: TOOL.version }, run, entries, head: previous || EMPTY_HEAD };
}

/** The manifest as written: pretty JSON with a final newline. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
