/**
 * Earlier release folders compared with the one at hand (`--against`): read whole into memory,
 * their records parsed, and the withheld text of the documents whose originals can be had.
 */
import path from 'node:path';
import type { WithheldPiece } from '../engine/withheld.js';
import { sha256Hex } from '../hash.js';
import { readBytesOrNull } from '../node/read.js';
import { assertReleaseFolder } from '../node/release-folder.js';
import { RELEASE_DIR, stemOfRecordPath, stemOfReleaseFile, type AuditRecord } from '../release/folder.js';
import { releasedRunSet, type RunSet } from '../leak/shingle-hash.js';
import { describeHit, type WithheldIndex } from './cross.js';
import type { Finding } from './findings.js';
import { RecordedConfig } from './recorded-config.js';
import type { Rerun } from './rerun.js';
import { releasedText, scanFolder, type FolderFile, type ReleasedText } from './scan.js';
import { boxLabels, parseRecord } from './verify.js';

/** A release folder read into memory: its files and its parsed audit records. */
export interface ReleaseFolder {
  readonly dir: string;
  readonly files: ReadonlyMap<string, FolderFile>;
  /** Parsed records by stem (only those that parse). */
  readonly records: ReadonlyMap<string, AuditRecord>;
  /** sha256 of every `review/<stem>.audit.json` present, parsed or not. */
  readonly recordShas: ReadonlyMap<string, string>;
  readonly findings: Finding[];
}

/** Reads a release folder into memory (`--against` folders); throws InputError when it has neither release/ nor review/. */
export async function readReleaseFolder(dir: string): Promise<ReleaseFolder> {
  await assertReleaseFolder(dir);
  const list = await scanFolder(dir, true);
  const files = new Map(list.map((f) => [f.rel, f]));
  const records = new Map<string, AuditRecord>();
  const recordShas = new Map<string, string>();
  const findings: Finding[] = [];
  for (const f of list) {
    const stem = stemOfRecordPath(f.rel);
    if (stem === null || !f.regular || f.sha256 === null) continue;
    recordShas.set(stem, f.sha256!);
    const parsed = parseRecord(stem, f.bytes!);
    if (parsed.ok) records.set(stem, parsed.record);
    else findings.push(parsed.finding);
  }
  return { dir, files, records, recordShas, findings };
}

/** Texts of the release files of a folder held in memory. */
export function releasedTexts(folder: ReleaseFolder): ReleasedText[] {
  const out: ReleasedText[] = [];
  for (const f of folder.files.values()) {
    if (!f.rel.startsWith(`${RELEASE_DIR}/`) || !f.regular || !f.bytes) continue;
    const record = folder.records.get(stemOfReleaseFile(f.rel));
    out.push(releasedText(f.rel, f.bytes, record ? boxLabels(record) : []));
  }
  return out;
}

/** What a document withholds and what its release is meant to show. */
export interface Recomputed {
  readonly pieces: readonly WithheldPiece[];
  readonly visible: string;
  readonly header?: string;
}

/**
 * The withheld text of a folder's documents whose originals can be had: from `originals`
 * (sha256 → path) or at the input path the record names (when its sha256 matches). Re-runs
 * nothing but the decision (no output is compared). A document left out (no original, its
 * profile or overrides not loaded, the re-run failed) is told to `onSkipped`, with why: its
 * withheld text is not compared, and a check that found nothing must not read as one that looked
 * (a re-run that failed for every document once made `--against` find nothing, silently).
 */
export async function withheldOfFolder(
  folder: ReleaseFolder,
  originals: ReadonlyMap<string, string>,
  config: RecordedConfig,
  opts: { cwd: string; rerun: Rerun; onSkipped?: (stem: string, why: string) => void },
): Promise<Map<string, Recomputed>> {
  const out = new Map<string, Recomputed>();
  const skip = (stem: string, why: string): void => opts.onSkipped?.(stem, why);
  for (const [stem, record] of folder.records) {
    const bytes = await originalOf(record, originals, opts.cwd);
    if (!bytes) {
      skip(stem, `no original with its recorded sha256 (not at ${record.input.path}, nor given)`);
      continue;
    }
    const profile = await config.profile(record);
    const overrides = await config.overrides(record);
    if (typeof profile === 'string' || typeof overrides === 'string') {
      skip(stem, typeof profile === 'string' ? profile : (overrides as string));
      continue;
    }
    const run = await opts.rerun({ stem, record: { ...record, outputs: [] }, original: bytes, profile, overrides, pageSize: 'letter' });
    if (run.ok) out.set(stem, { pieces: run.result.withheld, visible: run.result.visible, header: run.result.header ?? '' });
    else skip(stem, run.message);
  }
  return out;
}

/** The bytes of a record's original with its recorded sha256, from `originals` or its recorded path. */
async function originalOf(record: AuditRecord, originals: ReadonlyMap<string, string>, cwd: string): Promise<Uint8Array | null> {
  const candidates = [originals.get(record.input.sha256), path.resolve(cwd, record.input.path)].filter((p): p is string => p !== undefined);
  for (const c of candidates) {
    const b = await readBytesOrNull(c);
    if (b && sha256Hex(b) === record.input.sha256) return b;
  }
  return null;
}

/** A cross-document leak found after a release batch: where, whose text, and how much. */
export interface CrossLeak {
  /** The released file the text was found in. */
  readonly file: string;
  /** Stem of the document whose withheld text it is. */
  readonly from: string;
  readonly portions: readonly string[];
  readonly runs: number;
  /** `5 run(s) of 8 words withheld in X (p2) appear here`: never quoting the text. */
  readonly message: string;
}

/**
 * Text withheld in one document of a batch (or of an `against` folder whose originals are at
 * their recorded paths) and released in another of the batch (or in an `against` folder's
 * release text files).
 *
 * @param batch The batch's withheld-text index and the shingle runs of its released files.
 * @param against Earlier release folders, each with the name it was given by.
 */
export async function findBatchCrossLeaks(
  batch: { readonly index: WithheldIndex; readonly released: readonly { readonly stem: string; readonly file: string; readonly runs: Float64Array }[] },
  against: readonly { readonly given: string; readonly folder: ReleaseFolder }[],
  opts: { cwd: string; rerun: Rerun; onSkipped?: (folder: string, stem: string, why: string) => void },
): Promise<CrossLeak[]> {
  const { index } = batch;
  const config = new RecordedConfig(opts.cwd);
  const targets: { readonly file: string; readonly runs: RunSet; readonly stem: string }[] = [...batch.released];
  for (const { given: a, folder } of against) {
    const onSkipped = (stem: string, why: string): void => opts.onSkipped?.(a, stem, why);
    for (const [stem, w] of await withheldOfFolder(folder, new Map(), config, { ...opts, onSkipped })) index.add(stem, w.pieces, w.visible, a, w.header);
    for (const f of folder.files.values()) {
      if (!f.rel.startsWith(`${RELEASE_DIR}/`) || !f.rel.endsWith('.txt') || !f.bytes) continue;
      targets.push({ file: path.join(a, f.rel), runs: releasedRunSet([Buffer.from(f.bytes).toString('utf8')]), stem: path.posix.basename(f.rel, '.txt') });
    }
  }
  // One search for every released text: it filters the withheld runs by all of them at once.
  const found = index.findAll(targets);
  return targets.flatMap((t, i) => found[i]!.map((hit) => ({ file: t.file, from: hit.from, portions: hit.portions, runs: hit.runs, message: `${describeHit(hit, false)} appear here` })));
}
