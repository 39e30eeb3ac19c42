/**
 * Writing the Vaughn index of a release folder (`declass index`, and `release` unless
 * `--no-index`): a first pass over the audit records orders the documents and counts their rows;
 * a second builds the rows a document at a time (record and release text) and streams them into
 * `release/index.<format>` (written atomically), so a folder of any size is indexed in bounded
 * memory; then the files are listed with their sha256 in the manifest. Rows a batch made while
 * releasing (`IndexEntry.made`, batches of up to 2,000 documents) are not built again.
 */
import path from 'node:path';
import { listIndexEntries, streamIndexRows, type IndexEntry } from '../audit/index-check.js';
import { InputError, UsageError } from '../errors.js';
import { readBytesOrNull } from '../node/read.js';
import { assertReleaseFolder } from '../node/release-folder.js';
import { pathExists } from '../node/system.js';
import { AtomicFileWriter, removeFiles, writeFileAtomic } from '../node/write.js';
import { INDEX_FORMATS, indexPath, MANIFEST_FORMAT, MANIFEST_PATH, type IndexFileRecord, type IndexFormat, type Manifest } from '../release/folder.js';
import { serializeManifest } from '../release/manifest.js';
import { indexClassificationOf, indexHeadOf } from '../vaughn/index.js';
import { IndexStreamer } from '../vaughn/stream.js';

/**
 * The formats a release writes its index in when none are asked for: those a FOIA office hands
 * out (CSV, JSON, PDF). The spreadsheet is written when asked for (`declass index DIR --format
 * xlsx`): exceljs takes half a second to load and builds the workbook whole in memory, which a
 * batch should not pay for on every run.
 */
export const DEFAULT_INDEX_FORMATS: readonly IndexFormat[] = ['csv', 'json', 'pdf'];

/**
 * Above this many rows a release's automatic index leaves the PDF out (CSV and JSON hold every
 * row): a table of more than about a thousand pages is not read, and it costs seconds per
 * thousand rows. `declass index --format pdf` writes it at any size.
 */
export const DEFAULT_PDF_INDEX_ROWS = 25_000;

/** Rows a worksheet holds (Excel's limit, less the heading row). */
const XLSX_MAX_ROWS = 1_048_575;

/** What `writeVaughnIndex` wrote. */
export interface IndexWritten {
  readonly rows: number;
  readonly documents: number;
  /** Paths relative to the folder, in format order. */
  readonly files: readonly string[];
  /** What the caller should tell the user (a format left out, and why). */
  readonly notices: readonly string[];
}

/**
 * Builds and writes the index of the release folder `dir`, removes index files of other formats,
 * and records the files in the manifest. `formats` not given: {@link DEFAULT_INDEX_FORMATS}, the
 * PDF left out when `pdf` is false (a release that writes no PDFs gets no PDF index) and, with a
 * notice, above `pdfRowLimit` rows ({@link DEFAULT_PDF_INDEX_ROWS}). Throws InputError when
 * `dir` is not a release folder or has no manifest, UsageError when `caseNumber` is not the case
 * the folder was released under or a spreadsheet cannot hold the rows.
 */
export async function writeVaughnIndex(
  dir: string,
  options: {
    readonly formats?: readonly IndexFormat[];
    readonly case?: string | null;
    readonly pdfRowLimit?: number;
    /** Default formats only: false leaves the PDF out (a release that writes no PDFs). */
    readonly pdf?: boolean;
    /** Index entries of records the caller just wrote, by stem: not read for the first pass. */
    readonly known?: ReadonlyMap<string, IndexEntry>;
  } = {},
): Promise<IndexWritten> {
  await assertReleaseFolder(dir);
  const manifest = await readManifest(dir);
  const entries = await listIndexEntries(dir, options.known);
  const recorded = [...entries].sort((a, b) => (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0)).find((e) => e.record.case)?.record.case?.number ?? null;
  if (options.case && recorded !== null && options.case !== recorded) {
    throw new UsageError(`--case ${options.case}: ${dir} was released under case ${recorded} (its documents carry that number)`);
  }
  const rowCount = entries.reduce((n, e) => n + e.rows, 0);
  const notices: string[] = [];
  let formats = options.formats ?? DEFAULT_INDEX_FORMATS.filter((f) => f !== 'pdf' || options.pdf !== false);
  const pdfRowLimit = options.pdfRowLimit ?? DEFAULT_PDF_INDEX_ROWS;
  if (!options.formats && formats.includes('pdf') && rowCount > pdfRowLimit) {
    formats = formats.filter((f) => f !== 'pdf');
    notices.push(`the Vaughn index has ${rowCount} rows, more than ${pdfRowLimit}: its PDF was left out (index.csv and index.json hold every row; declass index ${dir} --format pdf writes it)`);
  }
  if (formats.includes('xlsx') && rowCount > XLSX_MAX_ROWS) throw new UsageError(`the Vaughn index has ${rowCount} rows, more than a spreadsheet holds (${XLSX_MAX_ROWS}); leave out xlsx`);
  formats = INDEX_FORMATS.filter((f) => formats.includes(f));
  const writers = new Map<IndexFormat, AtomicFileWriter>();
  let records: IndexFileRecord[];
  try {
    for (const f of formats) writers.set(f, new AtomicFileWriter(path.join(dir, indexPath(f))));
    const streamer = new IndexStreamer(indexHeadOf(entries[0]?.record, entries.length, options.case ?? null, indexClassificationOf(entries)), rowCount, Object.fromEntries([...writers].map(([f, w]) => [f, (c: Uint8Array | string) => w.write(c)])));
    await streamIndexRows(
      dir,
      entries,
      (rows) => streamer.add(rows),
      streamer.takesRendered ? (rows, firstNo) => streamer.addRendered(rows, firstNo) : null,
    );
    await streamer.finish();
    records = [...writers].map(([kind, w]) => ({ kind, path: indexPath(kind), ...w.commit() }));
  } catch (error) {
    for (const w of writers.values()) w.abort();
    throw error;
  }
  const others = INDEX_FORMATS.filter((f) => !formats.includes(f)).map((f) => indexPath(f));
  // The manifest lists the index files written; one of another format would be a stale index. Said
  // when formats were asked for: `--format xlsx` removed the CSV, JSON and PDF without a word.
  const stale = others.filter((f) => pathExists(path.join(dir, f)));
  if (options.formats && stale.length > 0) notices.push(`removed ${stale.join(', ')}: not among the formats asked for (--format ${formats.join(',')}); name them too to keep them`);
  // A release that writes no PDF removed the PDF index an earlier release had handed out, unsaid.
  else if (options.pdf === false && stale.length > 0) notices.push(`removed ${stale.join(', ')}: this release writes no PDF, so its index has none (a copy already handed out is out of date)`);
  await removeFiles(others.map((f) => path.join(dir, f)));
  const updated: Manifest = { ...manifest, index: records };
  await writeFileAtomic(path.join(dir, MANIFEST_PATH), new TextEncoder().encode(serializeManifest(updated)));
  return { rows: rowCount, documents: entries.length, files: records.map((r) => r.path), notices };
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
