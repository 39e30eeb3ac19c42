/**
 * The `index` check: the Vaughn index of a folder (`release/index.*`, listed in the manifest) is
 * what its records give. Every withholding of every record is in the JSON index exactly once,
 * with the location and authorities the record gives; nothing else is in it; every index file
 * has the sha256 the manifest lists, and the same bytes as the index built again from the
 * records and release texts.
 */
import path from 'node:path';
import { InputError } from '../errors.js';
import { Sha256Stream } from '../hash.js';
import { fileSize, readBytesOrNull, readBytesOrNullSync } from '../node/read.js';
import { listNames } from '../node/walk.js';
import { INDEX_FORMATS, indexPath, MANIFEST_PATH, REVIEW_DIR, stemOfRecordPath, type AuditRecord, type IndexFileRecord, type Manifest } from '../release/folder.js';
import { compareIndexOrder, describeLocation, indexClassificationOf, indexEntryOf, indexHeadOf, indexRowsOf, withholdingsOf, type IndexEntry, type IndexRow, type IndexSource, type VaughnIndex } from '../vaughn/index.js';
import type { RenderedRows } from '../vaughn/rendered.js';
import { IndexStreamer } from '../vaughn/stream.js';
import { failure, type Finding } from './findings.js';
import { parseRecord } from './verify.js';

export type { IndexEntry } from '../vaughn/index.js';

/**
 * Every readable audit record of `dir`, in index order, without holding the records. Entries in
 * `known` (records this process just wrote, by stem) are taken as they are rather than read again.
 */
export async function listIndexEntries(dir: string, known: ReadonlyMap<string, IndexEntry> = new Map()): Promise<IndexEntry[]> {
  const entries: IndexEntry[] = [];
  for (const name of await listNames(path.join(dir, REVIEW_DIR))) {
    const stem = stemOfRecordPath(`${REVIEW_DIR}/${name}`);
    if (stem === null || name.startsWith('.')) continue;
    const given = known.get(stem);
    if (given) {
      entries.push(given);
      continue;
    }
    const record = readRecord(dir, name, stem);
    if (record) entries.push(indexEntryOf(stem, record));
  }
  return entries.sort(compareIndexOrder);
}

function readRecord(dir: string, name: string, stem: string): AuditRecord | null {
  const bytes = readBytesOrNullSync(path.join(dir, REVIEW_DIR, name));
  const parsed = bytes ? parseRecord(stem, bytes) : null;
  return parsed?.ok ? parsed.record : null;
}

/** The record and release text of an entry (null when the record can no longer be read). */
export async function loadIndexSource(dir: string, entry: IndexEntry): Promise<IndexSource | null> {
  const record = readRecord(dir, entry.name, entry.stem);
  if (!record) return null;
  const text = record.outputs.find((o) => o.kind === 'text');
  const textBytes = text ? readBytesOrNullSync(path.join(dir, text.path)) : null;
  return { stem: entry.stem, record, releaseText: textBytes ? Buffer.from(textBytes).toString('utf8') : null };
}

/** The rows of the index, a document at a time in index order, numbered from 1; one record in memory at a time. */
export async function streamIndexRows(
  dir: string,
  entries: readonly IndexEntry[],
  onRows: (rows: readonly IndexRow[]) => void,
  onRendered: ((rows: RenderedRows, firstNo: number) => void) | null = null,
): Promise<number> {
  let next = 1;
  for (const entry of entries) {
    if (entry.rendered && onRendered) {
      onRendered(entry.rendered, next);
      next += entry.rendered.csvEnds.length;
      continue;
    }
    // Rendered rows where rows are wanted: those of the record and release text on disk.
    const rows = entry.made ? entry.made.map((row, i) => ({ ...row, no: next + i })) : await rowsRead(dir, entry, next);
    // A record that changed between the passes would shift every later row: fail rather than guess.
    if (rows.length !== entry.rows) throw new InputError(`${dir}: ${REVIEW_DIR}/${entry.name} changed while the index was written; run it again`);
    onRows(rows);
    next += rows.length;
  }
  return next - 1;
}

/** The rows of an entry from its record and release text on disk (none when the record can no longer be read). */
async function rowsRead(dir: string, entry: IndexEntry, firstNo: number): Promise<IndexRow[]> {
  const source = await loadIndexSource(dir, entry);
  return source ? indexRowsOf(source, firstNo) : [];
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
    else {
      // The size is listed too: an edited one passed (probe 67c F4).
      const size = await fileSize(path.join(dir, f.path));
      if (size !== f.bytes) out.push(failure(MANIFEST_PATH, 'index', `lists ${f.path} as ${JSON.stringify(f.bytes)} bytes; it has ${size}`));
    }
  }
  const json = listed.find((f) => f.kind === 'json' && shas.has(f.path));
  const found = json ? parseIndex(await readBytesOrNull(path.join(dir, json.path))) : null;
  if (json && !found) out.push(failure(json.path, 'index', 'not a Vaughn index (expected JSON in the declass-vaughn-index/1 format)'));
  // The index again from the records, into hashes (streamed as `declass index` writes it), and the
  // withholdings the records give, for the row check.
  const entries = await listIndexEntries(dir);
  const kinds = listed.filter((f) => INDEX_FORMATS.includes(f.kind)).map((f) => f.kind);
  const hashes = new Map(kinds.map((k) => [k, new Sha256Stream()]));
  const streamer = new IndexStreamer(indexHeadOf(entries[0]?.record, entries.length, found?.case ?? null, indexClassificationOf(entries)), entries.reduce((n, e) => n + e.rows, 0), Object.fromEntries([...hashes].map(([k, h]) => [k, (c: Uint8Array | string) => h.update(c)])));
  const expected = new Map<string, ExpectedRow[]>();
  await streamIndexRows(dir, entries, (rows) => {
    streamer.add(rows);
    for (const row of rows) {
      const key = keyOf(row.stem, row.portion, row.kind);
      const want = { authority: row.authority.join(', '), location: describeLocation(row.location) };
      const list = expected.get(key);
      if (list) list.push(want);
      else expected.set(key, [want]);
    }
  });
  await streamer.finish();
  if (found) out.push(...checkRows(json!.path, found, expected));
  let advice: string | null = null;
  for (const kind of kinds) {
    const sha = shas.get(indexPath(kind));
    if (sha === undefined || sha === hashes.get(kind)!.digest()) continue;
    advice ??= indexAdvice(dir, entries, shas);
    out.push(failure(indexPath(kind), 'index', `differs from the index the audit records and release texts give (${advice})`));
  }
  return out;
}

/**
 * What to do about an index that differs. Rebuilding it is the answer only when its sources are
 * all there: with a release text missing (deleted, renamed), `declass index` would write an index
 * without that text's subjects and hide the real fault, which the `missing` check reports.
 */
function indexAdvice(dir: string, entries: readonly IndexEntry[], shas: ReadonlyMap<string, string>): string {
  const missing: string[] = [];
  for (const entry of entries) {
    const text = readRecord(dir, entry.name, entry.stem)?.outputs.find((o) => o.kind === 'text');
    if (text && !shas.has(text.path)) missing.push(text.path);
  }
  if (missing.length === 0) return 'rebuild it with declass index';
  return `${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}, which it is made from, ${missing.length === 1 ? 'is' : 'are'} missing: see the missing check`;
}

/** What the records say of a withholding, for the row check. */
interface ExpectedRow {
  readonly authority: string;
  readonly location: string;
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

/**
 * Every withholding of every record in the rows exactly once, with its location and authorities;
 * nothing else. A portion with several redacted spans has a row for each (in the record's order).
 */
function checkRows(file: string, index: VaughnIndex, expected: ReadonlyMap<string, readonly ExpectedRow[]>): Finding[] {
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const row of index.rows) {
    const key = keyOf(String(row?.stem), String(row?.portion), String(row?.kind));
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const want = expected.get(key)?.[k];
    if (!want) {
      if (expected.has(key)) continue; // one row too many: reported below with the count
      out.push(failure(file, 'index', `row ${String(row?.no)} (${key}) is no withholding of any audit record`));
      continue;
    }
    const authority = Array.isArray(row.authority) ? row.authority.join(', ') : '';
    if (authority !== want.authority) out.push(failure(file, 'index', `row ${row.no} (${key}) states ${authority || 'no authority'}; the record gives ${want.authority}`));
    const where = row.location ? describeLocation(row.location) : '';
    if (where !== want.location) out.push(failure(file, 'index', `row ${row.no} (${key}) is located at ${where || 'nowhere'}; the record places it at ${want.location}`));
  }
  for (const [key, wants] of expected) {
    const n = seen.get(key) ?? 0;
    if (n === wants.length) continue;
    const times = wants.length === 1 ? '' : `; its record has ${wants.length}`;
    out.push(failure(file, 'index', n === 0 ? `${key} is withheld by its record but not in the index` : `${key} is in the index ${n} times${times}`));
  }
  return out;
}
