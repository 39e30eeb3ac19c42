/**
 * Writing the Vaughn index of a release folder (`declass index`, and `release` unless
 * `--no-index`): read every audit record and release text, build the index (src/vaughn), write
 * `release/index.<format>` atomically, and list the files with their sha256 in the manifest.
 */
import path from 'node:path';
import { readIndexSources } from '../audit/index-check.js';
import { InputError, UsageError } from '../errors.js';
import { readBytesOrNull } from '../node/read.js';
import { assertReleaseFolder } from '../node/release-folder.js';
import { removeFiles, writeFileAtomic } from '../node/write.js';
import { INDEX_FORMATS, indexPath, MANIFEST_FORMAT, MANIFEST_PATH, type IndexFormat, type Manifest } from '../release/folder.js';
import { serializeManifest } from '../release/manifest.js';
import { buildVaughnIndex, indexFileRecord, renderIndexFiles, type VaughnIndex } from '../vaughn/index.js';

/** What `writeVaughnIndex` wrote. */
export interface IndexWritten {
  readonly index: VaughnIndex;
  /** Paths relative to the folder, in write order. */
  readonly files: readonly string[];
}

/**
 * Builds and writes the index of the release folder `dir` in `formats`, removes index files of
 * other formats, and records the files in the manifest. Throws InputError when `dir` is not a
 * release folder or has no manifest, UsageError when `caseNumber` is not the case the folder was
 * released under.
 */
export async function writeVaughnIndex(dir: string, options: { readonly formats?: readonly IndexFormat[]; readonly case?: string | null } = {}): Promise<IndexWritten> {
  await assertReleaseFolder(dir);
  const manifest = await readManifest(dir);
  const sources = await readIndexSources(dir);
  const recorded = sources.find((s) => s.record.case)?.record.case?.number ?? null;
  if (options.case && recorded !== null && options.case !== recorded) {
    throw new UsageError(`--case ${options.case}: ${dir} was released under case ${recorded} (its documents carry that number)`);
  }
  const index = buildVaughnIndex(sources, { case: options.case ?? null });
  const formats = options.formats ?? INDEX_FORMATS;
  const files = await renderIndexFiles(index, formats);
  for (const f of files) await writeFileAtomic(path.join(dir, f.path), f.bytes);
  await removeFiles(INDEX_FORMATS.filter((f) => !formats.includes(f)).map((f) => path.join(dir, indexPath(f))));
  const updated: Manifest = { ...manifest, index: files.map(indexFileRecord) };
  await writeFileAtomic(path.join(dir, MANIFEST_PATH), new TextEncoder().encode(serializeManifest(updated)));
  return { index, files: files.map((f) => f.path) };
}

/** Removes the index files of `dir` (a release written without one must not keep a stale index). */
export async function removeVaughnIndex(dir: string): Promise<void> {
  await removeFiles(INDEX_FORMATS.map((f) => path.join(dir, indexPath(f))));
}

async function readManifest(dir: string): Promise<Manifest> {
  const bytes = await readBytesOrNull(path.join(dir, MANIFEST_PATH));
  try {
    const m = bytes ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<Manifest>) : null;
    if (m && m.format === MANIFEST_FORMAT && Array.isArray(m.entries)) return m as Manifest;
  } catch {
    // reported below
  }
  throw new InputError(`${dir}: no readable ${MANIFEST_PATH} (run declass release into it first)`);
}
