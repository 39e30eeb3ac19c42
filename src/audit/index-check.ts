/**
 * The `index` check: the Vaughn index of a folder (`release/index.*`, listed in the manifest) is
 * what its records give. Every withholding of every record is in the JSON index exactly once,
 * with the location and authorities the record gives; nothing else is in it; every index file
 * has the sha256 the manifest lists, and the same bytes as the index built again from the
 * records and release texts.
 */
import path from 'node:path';
import { sha256Hex } from '../hash.js';
import { readBytesOrNull } from '../node/read.js';
import { listNames } from '../node/walk.js';
import { INDEX_FORMATS, indexPath, MANIFEST_PATH, REVIEW_DIR, stemOfRecordPath, type IndexFileRecord, type Manifest } from '../release/folder.js';
import { buildVaughnIndex, describeLocation, renderIndexFiles, type IndexRow, type IndexSource, type VaughnIndex } from '../vaughn/index.js';
import { failure, type Finding } from './findings.js';
import { parseRecord } from './verify.js';

/**
 * The index sources of a folder: every readable audit record in `review/` (in stem order) with its
 * release text. Records that cannot be read are left out (the `record` check reports them).
 */
export async function readIndexSources(dir: string): Promise<IndexSource[]> {
  const sources: IndexSource[] = [];
  for (const name of (await listNames(path.join(dir, REVIEW_DIR))).sort()) {
    const stem = stemOfRecordPath(`${REVIEW_DIR}/${name}`);
    if (stem === null || name.startsWith('.')) continue;
    const bytes = await readBytesOrNull(path.join(dir, REVIEW_DIR, name));
    const parsed = bytes ? parseRecord(stem, bytes) : null;
    if (!parsed?.ok) continue;
    const text = parsed.record.outputs.find((o) => o.kind === 'text');
    const textBytes = text ? await readBytesOrNull(path.join(dir, text.path)) : null;
    sources.push({ stem, record: parsed.record, releaseText: textBytes ? Buffer.from(textBytes).toString('utf8') : null });
  }
  return sources;
}

/** The index files a manifest lists (empty when it lists none, or cannot be read). */
export function listedIndexFiles(manifestText: string | null): IndexFileRecord[] {
  try {
    const index = manifestText ? (JSON.parse(manifestText) as Partial<Manifest>).index : undefined;
    return Array.isArray(index) ? index : [];
  } catch {
    return [];
  }
}

/**
 * Runs the check. `shas` are the sha256 of the folder's files by path; `claimed` gets the index
 * files the manifest lists (so the `unrecorded` check accepts them).
 */
export async function checkIndex(dir: string, manifestText: string | null, shas: ReadonlyMap<string, string>, claimed: Set<string>): Promise<Finding[]> {
  const listed = listedIndexFiles(manifestText);
  if (listed.length === 0) return [];
  const out: Finding[] = [];
  for (const f of listed) {
    if (!INDEX_FORMATS.includes(f.kind) || f.path !== indexPath(f.kind)) {
      out.push(failure(MANIFEST_PATH, 'index', `lists ${JSON.stringify(f.path)} as the ${String(f.kind)} index, which is not where declass writes one`));
      continue;
    }
    claimed.add(f.path);
    const sha = shas.get(f.path);
    if (sha === undefined) out.push(failure(f.path, 'index', `listed in ${MANIFEST_PATH} but not found`));
    else if (sha !== f.sha256) out.push(failure(f.path, 'index', `sha256 differs from ${MANIFEST_PATH}`));
  }
  const sources = await readIndexSources(dir);
  const json = listed.find((f) => f.kind === 'json' && shas.has(f.path));
  const found = json ? parseIndex(await readBytesOrNull(path.join(dir, json.path))) : null;
  if (json && !found) out.push(failure(json.path, 'index', 'not a Vaughn index (expected JSON in the declass-vaughn-index/1 format)'));
  if (found) out.push(...checkRows(json!.path, found, sources));
  const rebuilt = await renderIndexFiles(buildVaughnIndex(sources, { case: found?.case ?? null }), listed.filter((f) => INDEX_FORMATS.includes(f.kind)).map((f) => f.kind));
  for (const f of rebuilt) {
    const sha = shas.get(f.path);
    if (sha !== undefined && sha !== sha256Hex(f.bytes)) out.push(failure(f.path, 'index', 'differs from the index the audit records and release texts give (rebuild it with declass index)'));
  }
  return out;
}

function parseIndex(bytes: Uint8Array | null): VaughnIndex | null {
  try {
    const index = bytes ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<VaughnIndex>) : null;
    return index && Array.isArray(index.rows) ? (index as VaughnIndex) : null;
  } catch {
    return null;
  }
}

/** A withholding as both sides state it: which, where, under what. */
function keyOf(stem: string, portion: string, kind: string): string {
  return `${stem} ${portion} (${kind})`;
}

/** Every withholding of every record in the rows exactly once, with its location and authorities; nothing else. */
function checkRows(file: string, index: VaughnIndex, sources: readonly IndexSource[]): Finding[] {
  const expected = new Map<string, IndexRow>();
  for (const row of buildVaughnIndex(sources).rows) expected.set(keyOf(row.stem, row.portion, row.kind), row);
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const row of index.rows) {
    const key = keyOf(String(row?.stem), String(row?.portion), String(row?.kind));
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const want = expected.get(key);
    if (!want) {
      out.push(failure(file, 'index', `row ${String(row?.no)} (${key}) is no withholding of any audit record`));
      continue;
    }
    const authority = Array.isArray(row.authority) ? row.authority.join(', ') : '';
    if (authority !== want.authority.join(', ')) out.push(failure(file, 'index', `row ${row.no} (${key}) states ${authority || 'no authority'}; the record gives ${want.authority.join(', ')}`));
    const where = row.location ? describeLocation(row.location) : '';
    if (where !== describeLocation(want.location)) out.push(failure(file, 'index', `row ${row.no} (${key}) is located at ${where || 'nowhere'}; the record places it at ${describeLocation(want.location)}`));
  }
  for (const key of expected.keys()) {
    const n = seen.get(key) ?? 0;
    if (n !== 1) out.push(failure(file, 'index', n === 0 ? `${key} is withheld by its record but not in the index` : `${key} is in the index ${n} times`));
  }
  return out;
}
