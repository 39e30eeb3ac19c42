/**
 * `auditFolder`: verify what a release folder holds, why, and that nothing withheld got out.
 *
 * One document at a time: the folder is listed and hashed first (names and hashes only), then
 * each record is read, checked with its release files and dropped, so memory stays flat however
 * many documents the folder holds. Only the cross-document check keeps something per document
 * (shingle hashes), and only up to `crossCheckLimit` documents. The disk is reached through
 * src/node; the re-run is a function the caller hands in (see ./rerun.ts).
 */
import path from 'node:path';
import { InputError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import { releasedRunSet } from '../leak/shingle-hash.js';
import { DEFAULT_MAX_INPUT_BYTES, readBytes, readBytesOrNull } from '../node/read.js';
import { assertReleaseFolder, pathKind, subfoldersNotFolders } from '../node/release-folder.js';
import { collectInputs } from '../node/walk.js';
import { heldRecord, isReleaseFilePath, MANIFEST_PATH, PENDING_DIR, type Hold, numberingStem, pageSizeOf, recordPath, settingsKey, settingsOfRecord, stemOfRecordPath, stemOfReleaseFile, type AuditRecord, type ReleaseSettings } from '../release/folder.js';
import { checkCaseNumbers, checkConsistency, manifestRun, type CaseEntry } from './consistency.js';
import { checkIndex, listedIndexFiles } from './index-check.js';
import { readReleaseFolder, releasedTexts, withheldOfFolder, type ReleaseFolder } from './against.js';
import { crossCheckSkipReason, crossDigest, describeHit, findSelfLeak, WithheldIndex } from './cross.js';
import { failure, warning, type AuditCheck, type Finding } from './findings.js';
import { fileSha256OrNull } from '../node/profiles.js';
import { verifyManifest } from './manifest.js';
import { checkManifestFields, RecordedNames } from './manifest-fields.js';
import { pdfPageSize } from './pdf-text.js';
import { RecordedConfig } from './recorded-config.js';
import { profilesPosingAsBundled, RecordDiagnostics } from './record-warnings.js';
import { buildReport, type AuditReport } from './report.js';
import type { Rerun } from './rerun.js';
import { redactRuleMatches } from './rule-matches.js';
import { readReleasedText, scanFolder, type FolderFile, type ReleasedText } from './scan.js';
import { IndexLeakCheck } from './index-leak.js';
import { longPieces, StrayNames } from './stray-names.js';
import { checkOutputs, checkPdfPages, checkPending, checkPdfAuthorities, checkTextAuthorities, boxLabels, compareRerun, parseRecord } from './verify.js';

/** How to audit a folder. */
export interface AuditOptions {
  /** Where relative paths (the folder, originals, recorded input and profile paths) are resolved from. */
  readonly cwd: string;
  /** The original cables (files or folders), matched to records by sha256: enables the re-run and leak checks. */
  readonly originals?: readonly string[];
  /** Earlier release folders to compare with for cross-document leaks. */
  readonly against?: readonly string[];
  /** A profile file to re-run with when the recorded one is not at its recorded path. */
  readonly profile?: string;
  /** An overrides file to re-run with when the recorded one is not at its recorded path. */
  readonly overrides?: string;
  /** The manifest head recorded at release time: the chain must end there. */
  readonly head?: string;
  /** Folders of more documents skip the cross-document check; 0 turns it off. */
  readonly crossCheckLimit: number;
  /** Releases a document again (src/release/rerun.ts's `rerunRelease`). */
  readonly rerun: Rerun;
  /**
   * Fail the audit when a check could not run (no `originals`, or more documents than
   * `crossCheckLimit`): for CI that must not pass on a partial audit (`--require-originals`).
   */
  readonly requireComplete?: boolean;
  /** Walk `originals` folders as ripgrep does, leaving out hidden folders, node_modules and declass outputs (default true). */
  readonly ignore?: boolean;
}

/** Progress of an audit: called with the number of documents, then after each. */
export interface AuditEvents {
  onStart?(documents: number): void;
  onProgress?(done: number, documents: number): void;
}

/** The folder as listed: its files, their hashes, and the records and release files by stem. */
interface Listing {
  readonly files: ReadonlyMap<string, FolderFile>;
  /** sha256 of every regular file, by path. */
  readonly shas: ReadonlyMap<string, string>;
  /** sha256 of every regular `review/<stem>.audit.json`, by stem. */
  readonly recordShas: ReadonlyMap<string, string>;
  /** Release files by the stem their name gives (a record's own outputs, and any stray copy). */
  readonly releaseByStem: ReadonlyMap<string, readonly string[]>;
}

/** One audit in progress: what it was asked, what it found so far. */
interface AuditRun {
  readonly abs: string;
  readonly options: AuditOptions;
  readonly listing: Listing;
  readonly config: RecordedConfig;
  /** sha256 → path of every original given. */
  readonly originals: ReadonlyMap<string, string>;
  readonly withOriginals: boolean;
  readonly findings: Finding[];
  /** Paths some record or the manifest accounts for. */
  readonly claimed: Set<string>;
  /** The withheld-text index of the cross-document check, when it runs. */
  readonly index: WithheldIndex | null;
  /** Released files' shingle runs, searched in the index at the end. */
  readonly releasedRuns: { readonly label: string; readonly stem: string; readonly runs: Float64Array }[];
  /** The records by the settings they were made with (one group in a consistent folder). */
  readonly settings: Map<string, { readonly settings: ReleaseSettings; readonly stems: string[] }>;
  /** The sha256 of every record's input. */
  readonly recordedInputs: Set<string>;
  /** The profile, overrides and tool the records name, which the manifest's must be. */
  readonly recordedNames: RecordedNames;
  /** Every record's case and document number (`release --case`), for the numbering check. */
  readonly caseEntries: CaseEntry[];
  /** Recorded output paths where something other than a regular file is (a folder, FIFO, link): reported once, as such. */
  readonly notRegular: Set<string>;
  /** The records' error-level diagnostics, passed on as warnings. */
  readonly diagnostics: RecordDiagnostics;
  /** The first record read: the settings an original with no record is released with in memory. */
  readonly template: AuditRecord[];
  /** The leak check of the Vaughn index files (with the originals, when the folder holds any). */
  readonly indexLeak: IndexLeakCheck | null;
  /** Names of files no record accounts for, checked against each document's withheld text. */
  readonly names: StrayNames;
  /** Why the recorded profile or overrides could not be had, with the records it stopped: one failure per cause. */
  readonly configFailures: Map<string, string[]>;
}

/**
 * A warning for `--profile` or `--overrides` when no record of the folder names a file of its
 * sha256: the recorded profile (found in rules/ or at its recorded path) and the recorded "no
 * overrides" were used instead, and an auditor who gave nato.yaml saw a pass with no word of it.
 */
async function givenFilesNotUsed(run: AuditRun): Promise<Finding[]> {
  const groups = [...run.settings.values()].map((g) => g.settings);
  const out: Finding[] = [];
  const check = async (option: string, given: string | undefined, recorded: readonly (string | null)[], names: string): Promise<void> => {
    if (given === undefined) return;
    const sha = await fileSha256OrNull(path.resolve(run.options.cwd, given));
    // A file that is not there is an input error (exit 66), not a setting quietly left unused.
    if (sha === null) throw new InputError(`${option} ${given}: no such file`);
    if (recorded.includes(sha)) return;
    out.push(warning('.', 'consistency', `${option} ${given}${sha ? ` (sha256 ${sha.slice(0, 12)}…)` : ''} is not what the release was made with (${names}); not used`));
  };
  await check('--profile', run.options.profile, groups.map((g) => g.profile.sha256), groups.map((g) => `profile ${g.profile.id}, sha256 ${g.profile.sha256.slice(0, 12)}…`).join('; ') || 'no record');
  await check('--overrides', run.options.overrides, groups.map((g) => g.overrides?.sha256 ?? null), groups.map((g) => (g.overrides ? `overrides ${g.overrides.file}, sha256 ${g.overrides.sha256.slice(0, 12)}…` : 'no overrides')).join('; ') || 'no record');
  return out;
}

/**
 * Audits the release folder `dir` (see the module comment). Throws InputError when `dir` or an
 * `against` folder is not a release folder; every problem inside one is a finding.
 *
 * @returns The report: every check with its outcome, and the findings (failures make `ok` false).
 */
export async function auditFolder(dir: string, options: AuditOptions, events: AuditEvents = {}): Promise<AuditReport> {
  const abs = path.resolve(options.cwd, dir);
  await assertReleaseFolder(abs);
  const listing = listFolder(await scanFolder(abs, false));
  // Read --against folders first: a wrong path stops the audit before any check runs.
  const against: ReleaseFolder[] = [];
  for (const a of options.against ?? []) against.push(await readAgainst(a, options.cwd));
  const findings: Finding[] = [];
  const withOriginals = (options.originals?.length ?? 0) > 0;
  const originals = withOriginals ? await hashOriginals(options.originals!, findings, options.ignore ?? true, options.cwd) : new Map<string, string>();
  const crossOn = withOriginals && options.crossCheckLimit > 0 && listing.recordShas.size <= options.crossCheckLimit;
  const run: AuditRun = {
    abs,
    options,
    listing,
    config: new RecordedConfig(options.cwd, options.profile, options.overrides),
    originals,
    withOriginals,
    findings,
    claimed: new Set([MANIFEST_PATH, ...[...listing.recordShas.keys()].map(recordPath)]),
    index: crossOn ? new WithheldIndex() : null,
    releasedRuns: [],
    settings: new Map(),
    recordedInputs: new Set(),
    recordedNames: new RecordedNames(),
    caseEntries: [],
    notRegular: new Set(),
    diagnostics: new RecordDiagnostics(),
    template: [],
    indexLeak: null,
    names: new StrayNames([...listing.files.keys()], new Set(listing.recordShas.keys())),
    configFailures: new Map(),
  };
  findings.push(...(await folderShape(abs, listing)));
  if (withOriginals) {
    const read = await IndexLeakCheck.read(abs, new Set(listing.shas.keys()));
    findings.push(...read.findings);
    Object.assign(run, { indexLeak: read.check });
  }

  const stems = [...listing.recordShas.keys()].sort();
  events.onStart?.(stems.length);
  let done = 0;
  for (const stem of stems) {
    events.onProgress?.(++done, stems.length);
    await auditDocument(run, stem);
  }
  if (run.indexLeak) findings.push(...run.indexLeak.finish());
  if (withOriginals) findings.push(...configFailures(run), ...originalsWithoutRecord(run));
  if (run.index) await indexOriginalsWithoutRecord(run, run.index);
  const manifestText = await readManifestText(run);
  findings.push(...(await checkIndex(abs, manifestText, listing.shas, run.claimed)));
  await checkUnrecorded(run);
  const manifestRun = checkManifest(run, manifestText);
  findings.push(...checkConsistency(run.settings, manifestRun), ...checkManifestFields(manifestText, run.recordedNames));
  findings.push(...checkCaseNumbers(run.caseEntries));
  findings.push(...(await givenFilesNotUsed(run)));
  findings.push(...(await profilesPosingAsBundled([...run.settings.values()].map((g) => g.settings))), ...run.diagnostics.findings());
  const skipped = new Map<AuditCheck, string>();
  if (run.index) await checkCrossDocuments(run, run.index, against);
  else if (withOriginals) {
    skipped.set('cross-leak', `not run: ${crossCheckSkipReason(options.crossCheckLimit)}`);
    if (run.recordedNames.holds.size > 0) findings.push(warning('.', 'cross-leak', `${run.recordedNames.holds.size} hold(s) in pending/ not verified: the cross-document check did not run`));
    findings.push(warning('.', 'cross-leak', `cross-document check skipped: ${crossCheckSkipReason(options.crossCheckLimit)}`));
  } else {
    for (const check of ['rerun', 'leak', 'cross-leak'] as const) skipped.set(check, 'need --originals');
  }
  if (options.requireComplete) {
    for (const [check, because] of skipped) findings.push(failure('.', check, `skipped (${check} ${because}), and a complete audit was required (--require-originals)`));
  }
  // A folder with documents and no index listed: the check had nothing to check, which is no pass.
  // Not a failure: release --no-index leaves the index out on purpose (a missing manifest fails chain).
  if (stems.length > 0 && listedIndexFiles(manifestText).length === 0) skipped.set('index', indexSkipReason(manifestText));
  return buildReport(dir, stems.length, findings, skipped);
}

/** An `--against` folder read; a wrong one is an input error that names the option, as `--originals` does. */
async function readAgainst(given: string, cwd: string): Promise<ReleaseFolder> {
  const abs = path.resolve(cwd, given);
  try {
    return await readReleaseFolder(abs);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const rest = error.message.startsWith(abs) ? error.message.slice(abs.length) : `: ${error.message}`;
    throw new InputError(`--against ${given}${rest}`, { cause: error });
  }
}

/**
 * Check 1 on the folder's shape: a sub-folder that is a link (read through, it may not be what is
 * handed out), and files that could not be read to be hashed.
 */
async function folderShape(abs: string, listing: Listing): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const sub of await subfoldersNotFolders(abs)) out.push(failure(sub, 'unrecorded', 'a symbolic link or other non-folder, not a folder of the release: what is handed out may not be what was audited'));
  for (const f of listing.files.values()) if (f.regular && f.sha256 === null) out.push(failure(f.rel, 'hash', `cannot be read: ${f.unreadable ?? 'unknown error'}`));
  return out;
}

/** Indexes a folder's listing: hashes by path, record hashes by stem, release files by stem. */
function listFolder(list: readonly FolderFile[]): Listing {
  const shas = new Map<string, string>();
  const recordShas = new Map<string, string>();
  const releaseByStem = new Map<string, string[]>();
  for (const f of list) {
    if (!f.regular || f.sha256 === null) continue;
    shas.set(f.rel, f.sha256!);
    const stem = stemOfRecordPath(f.rel);
    if (stem !== null) recordShas.set(stem, f.sha256!);
    if (isReleaseFilePath(f.rel)) {
      const of = stemOfReleaseFile(f.rel);
      releaseByStem.set(of, [...(releaseByStem.get(of) ?? []), f.rel]);
    }
  }
  return { files: new Map(list.map((f) => [f.rel, f])), shas, recordShas, releaseByStem };
}

/** Maps sha256 → path of every original under `paths` (folders walked for `*.txt` and `*.md`). */
async function hashOriginals(paths: readonly string[], findings: Finding[], ignore: boolean, cwd: string): Promise<Map<string, string>> {
  // A path that is not there is a wrong argument (exit 66), not a failure per record.
  for (const p of paths) if ((await pathKind(path.resolve(cwd, p))) === 'missing') throw new InputError(`--originals ${p}: no such file or folder`);
  const { files, errors } = await collectInputs(paths, { ignore });
  for (const e of errors) findings.push(failure(e.path, 'rerun', `--originals: ${e.message}`));
  const out = new Map<string, string>();
  for (const f of files) {
    const bytes = await readBytesOrNull(f);
    if (bytes) out.set(sha256Hex(bytes), f);
  }
  return out;
}

/** Checks 1 and 5 for one record, then (with the originals) checks 3 and 4. */
async function auditDocument(run: AuditRun, stem: string): Promise<void> {
  const parsed = parseRecord(stem, await readBytes(path.join(run.abs, recordPath(stem))));
  if (!parsed.ok) {
    run.findings.push(parsed.finding);
    return;
  }
  const { record } = parsed;
  run.recordedInputs.add(record.input.sha256);
  run.recordedNames.note(record);
  run.recordedNames.noteHold(stem, record);
  if (record.case) {
    const own = numberingStem(stem, record);
    run.caseEntries.push({ stem, own, ref: record.input.ref ?? null, case: record.case.number, docNumber: record.case.docNumber });
  }
  if (run.template.length === 0) run.template.push(record);
  const settings = settingsOfRecord(record);
  const group = run.settings.get(settingsKey(settings));
  if (group) group.stems.push(stem);
  else run.settings.set(settingsKey(settings), { settings, stems: [stem] });
  // 1. Hashes and missing files; a folder or FIFO where a file is recorded is never opened.
  run.findings.push(...(await outputsNotRegular(run, stem, record)));
  run.findings.push(...checkOutputs(stem, record, run.listing.shas).filter((f) => !run.notRegular.has(f.file)));
  run.findings.push(...checkPending(stem, record));
  for (const o of record.outputs) run.claimed.add(o.path);
  const texts: ReleasedText[] = [];
  // The labels of its boxes, where the leak checks cut a PDF's text (src/leak/tool-words.ts).
  const labels = boxLabels(record);
  for (const rel of run.listing.releaseByStem.get(stem) ?? []) {
    const t = await readReleasedText(run.abs, rel, labels);
    if (t) texts.push(t);
  }
  // 5. Authorities stated in the release files.
  run.findings.push(...checkAuthorities(stem, record, texts));
  const again = run.withOriginals ? await rerunDocument(run, stem, record, texts) : null;
  // The marking diagnostics of the original read again when it could be; the record's otherwise.
  run.diagnostics.add(stem, again ?? record, again !== null);
}

/** Check 1: recorded outputs where a folder, FIFO, link or device is (one failure each, no `missing` or `unrecorded` besides). */
async function outputsNotRegular(run: AuditRun, stem: string, record: AuditRecord): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const o of record.outputs) {
    if (run.listing.shas.has(o.path) || (await pathKind(path.join(run.abs, o.path))) !== 'other') continue;
    run.notRegular.add(o.path);
    out.push(failure(o.path, 'missing', `not a regular file (a folder, link, FIFO or device) where ${recordPath(stem)} records one`));
  }
  return out;
}

/**
 * One `rerun` failure per profile or overrides file that could not be had (moved, or changed
 * since the release), naming the records it stopped: probe 59a got one identical line per record.
 * One record: the line is on its record, as before.
 */
function configFailures(run: AuditRun): Finding[] {
  return [...run.configFailures].map(([why, stems]) => {
    if (stems.length === 1) return failure(recordPath(stems[0]!), 'rerun', why);
    const named = stems.slice(0, 3).join(', ') + (stems.length > 3 ? ', …' : '');
    return failure('.', 'rerun', `${why}: ${stems.length} record(s) not released again (${named})`);
  });
}

/**
 * An original given that no record was made from: a document removed from the folder whole (its
 * files, its record, the manifest chain made again) passed `--originals` with its original among
 * them; only `--head` caught it. A warning: an auditor may give more originals than the release
 * took (a file that failed, or was not a marked document, has no record either). With
 * `--require-originals` a failure (probe 59a, F5): the auditor has said the originals given are
 * the release's, and a document denied in full could otherwise vanish with exit 0.
 */
function originalsWithoutRecord(run: AuditRun): Finding[] {
  const out: Finding[] = [];
  const finding = run.options.requireComplete ? failure : warning;
  const required = run.options.requireComplete ? ' (--require-originals: every original given must have its record)' : '';
  for (const [sha, file] of [...run.originals].sort((a, b) => a[1].localeCompare(b[1]))) {
    if (!run.recordedInputs.has(sha)) out.push(finding('.', 'rerun', `original ${file} (sha256 ${sha.slice(0, 12)}…) has no record in the folder: a document released from it is missing, or it was not part of this release${required}`));
  }
  return out;
}

/**
 * The cross-document check for originals given that have no record: each is released in memory
 * with the folder's settings (those of its first record) and its withheld text indexed, so that a
 * document removed from the folder whole still fails the check when its withheld text is
 * released elsewhere (its removal alone is only a warning, see {@link originalsWithoutRecord}).
 * An original that cannot be released so is left to that warning.
 */
async function indexOriginalsWithoutRecord(run: AuditRun, index: WithheldIndex): Promise<void> {
  const template = run.template[0];
  if (!template) return;
  const profile = await run.config.profile(template);
  const overrides = await run.config.overrides(template);
  if (typeof profile === 'string' || typeof overrides === 'string') return;
  for (const [sha, file] of [...run.originals].sort((a, b) => a[1].localeCompare(b[1]))) {
    if (run.recordedInputs.has(sha)) continue;
    const stem = path.basename(file).replace(/\.[^.]*$/, '');
    const record: AuditRecord = { ...template, input: { ...template.input, path: file, sha256: sha }, outputs: [], diagnostics: [] };
    const again = await run.options.rerun({ stem, record, original: await readBytes(file), profile, overrides, pageSize: 'letter' });
    if (again.ok) index.add(stem, again.result.withheld, again.result.visible, undefined, again.result.header);
  }
}

/** Check 5: the authorities the release text and PDF of a record state. */
function checkAuthorities(stem: string, record: AuditRecord, texts: readonly ReleasedText[]): Finding[] {
  const out: Finding[] = [];
  for (const o of record.outputs) {
    const t = texts.find((x) => x.rel === o.path);
    if (!t) continue;
    if (o.kind === 'text') out.push(...checkTextAuthorities(o.path, t.text ?? '', stem, record));
    else if (o.kind === 'pdf') {
      if (t.text === null) out.push(failure(o.path, 'authority', `cannot read the PDF back: ${t.unreadable}`));
      else out.push(...checkPdfAuthorities(o.path, t.text, stem, record), ...checkPdfPages(o.path, t.pages, stem, record));
    }
  }
  return out;
}

/** Check 3 (re-run), check 4 (self leak), and the document's digest for the cross-document check; the re-run's record, or null when there is none. */
async function rerunDocument(run: AuditRun, stem: string, record: AuditRecord, texts: readonly ReleasedText[]): Promise<AuditRecord | null> {
  const file = recordPath(stem);
  const original = run.originals.get(record.input.sha256);
  if (!original) {
    run.findings.push(failure(file, 'rerun', `no original with the recorded sha256 among --originals (recorded input: ${record.input.path})`));
    return null;
  }
  const profile = await run.config.profile(record);
  const overrides = await run.config.overrides(record);
  if (typeof profile === 'string' || typeof overrides === 'string') {
    const why = typeof profile === 'string' ? profile : (overrides as string);
    run.configFailures.set(why, [...(run.configFailures.get(why) ?? []), stem]);
    return null;
  }
  const pdf = record.outputs.find((o) => o.kind === 'pdf' || o.kind === 'review');
  const size = pdf ? pdfPageSize((await readBytesOrNull(path.join(run.abs, pdf.path))) ?? new Uint8Array()) : null;
  const again = await run.options.rerun({ stem, record, original: await readBytes(original), profile, overrides, pageSize: size ? pageSizeOf(size.width) : 'letter' });
  if (!again.ok) {
    run.findings.push(failure(file, 'rerun', again.message));
    return null;
  }
  // A held document: the re-run's decisions, then the recorded hold (its release moved to pending/); the hold itself is checked with the cross-document leaks.
  run.findings.push(...compareRerun(stem, record, record.held ? heldRecord(again.result.audit, record.held) : again.result.audit));
  const { withheld, visible } = again.result;
  for (const t of texts) {
    if (t.text === null) continue;
    const hit = findSelfLeak(stem, withheld, visible, t.pieces);
    if (hit) run.findings.push(failure(t.rel, 'leak', `${describeHit(hit, true)} of ${stem} appear here`));
    const raw = t.raw?.length ? findSelfLeak(stem, longPieces(withheld), visible, t.raw) : null;
    if (raw) run.findings.push(failure(t.rel, 'leak', `${describeHit(raw, true)} of ${stem} appear in the PDF's objects (an attachment, a script, a stream or a name)`));
    // The release text (a PDF's is laid out from the same pieces, or redacted at the same spans).
    if (t.rel.endsWith('.txt')) for (const m of redactRuleMatches(profile, t.text, [record.stamp, record.declassMarking ?? '', record.banner.release])) run.findings.push(failure(t.rel, 'leak', m));
  }
  run.names.check(withheld, visible);
  const digest = run.index || run.indexLeak ? crossDigest(stem, withheld, visible, '', again.result.header) : null;
  if (run.indexLeak) run.findings.push(...run.indexLeak.checkDocument(stem, withheld, visible, digest!));
  for (const t of texts) {
    if (t.text === null || !(run.index || run.indexLeak)) continue;
    const runs = releasedRunSet([...t.pieces, ...(t.raw ?? [])]);
    run.indexLeak?.noteReleased(runs);
    if (run.index) run.releasedRuns.push({ label: t.rel, stem, runs });
  }
  if (run.index) run.index.addDigest(digest!);
  return again.result.audit;
}

/** Check 1: files no record lists (and, for the cross-document check, release files of no record). */
async function checkUnrecorded(run: AuditRun): Promise<void> {
  for (const f of run.listing.files.values()) {
    if (run.claimed.has(f.rel) && f.regular) continue;
    if (run.notRegular.has(f.rel) || [...run.notRegular].some((p) => f.rel.startsWith(`${p}/`))) continue;
    const what = f.regular ? 'not listed in any audit record' : 'not a regular file (a link or device), and not listed in any audit record';
    const inRelease = isReleaseFilePath(f.rel);
    const shown = run.names.shown(f.rel);
    run.findings.push(inRelease ? failure(shown, 'unrecorded', what) : warning(shown, 'unrecorded', what));
    // Read for the cross-document check only up to the input limit (a stray file of gigabytes is not searched: it fails anyway).
    if (run.index && f.regular && f.size !== undefined && f.size <= DEFAULT_MAX_INPUT_BYTES && inRelease && !run.listing.recordShas.has(stemOfReleaseFile(f.rel))) {
      const t = await readReleasedText(run.abs, f.rel);
      if (t?.text) run.releasedRuns.push({ label: shown, stem: t.stem, runs: releasedRunSet([...t.pieces, ...(t.raw ?? [])]) });
    }
  }
}

/** The manifest's text, or null when there is none (a link is not read). */
async function readManifestText(run: AuditRun): Promise<string | null> {
  const listed = run.listing.files.get(MANIFEST_PATH);
  const bytes = listed?.regular ? await readBytesOrNull(path.join(run.abs, MANIFEST_PATH)) : null;
  return bytes ? Buffer.from(bytes).toString('utf8') : null;
}

/**
 * Check 2: the manifest chain. Returns the settings of the run that wrote the manifest. A manifest
 * that names none (its `run` removed or unreadable) fails `consistency`: probe 59a deleted it and
 * the check, with nothing to compare the records with, passed.
 */
function checkManifest(run: AuditRun, text: string | null): ReleaseSettings | null {
  run.findings.push(...verifyManifest(text, run.listing.recordShas, run.options.head));
  if (text === null) return null;
  const settings = manifestRun(text);
  if (settings === null) run.findings.push(failure(MANIFEST_PATH, 'consistency', 'names no run (the profile, as-of date and overrides the release was made with), or one that cannot be read: the records cannot be checked against it'));
  return settings;
}

/** Whether the manifest's text is a JSON object (whatever else is wrong with it). */
function manifestReadable(text: string | null): boolean {
  try {
    const data: unknown = text === null ? null : JSON.parse(text);
    return data !== null && typeof data === 'object' && !Array.isArray(data);
  } catch {
    return false;
  }
}

/** Why the index check had nothing to check: the reason `skipped` gives. */
function indexSkipReason(manifestText: string | null): string {
  if (manifestText === null) return 'not checked: no manifest lists one';
  if (!manifestReadable(manifestText)) return 'not checked: the manifest cannot be read (see chain)';
  return 'not checked: the manifest lists none (release --no-index)';
}

/** The cross-document check: withheld text of any document in any other's release file. */
async function checkCrossDocuments(run: AuditRun, index: WithheldIndex, against: readonly ReleaseFolder[]): Promise<void> {
  const { cwd } = run.options;
  for (const a of against) {
    const rel = path.relative(cwd, a.dir) || '.';
    const onSkipped = (stem: string, why: string): void => {
      run.findings.push(warning(rel, 'cross-leak', `${stem}: not compared for cross-document leaks: ${why}`));
    };
    for (const [stem, w] of await withheldOfFolder(a, run.originals, run.config, { cwd, rerun: run.options.rerun, onSkipped })) index.add(stem, w.pieces, w.visible, rel, w.header);
    for (const t of releasedTexts(a)) {
      if (t.text !== null) run.releasedRuns.push({ label: `${rel}/${t.rel}`, stem: t.stem, runs: releasedRunSet(t.pieces) });
    }
  }
  // One search for every released text: it filters the withheld runs by all of them at once.
  const found = index.findAll(run.releasedRuns);
  const holds = run.recordedNames.holds;
  const foundFor = new Map<string, Set<string>>();
  run.releasedRuns.forEach((t, i) => {
    // pending/ is never handed out: text another document withholds there is for the reviewer (a hold, or a document pending review).
    const severity = t.label.startsWith(`${PENDING_DIR}/`) ? warning : failure;
    for (const hit of found[i]!) {
      run.findings.push(severity(t.label, 'cross-leak', `${describeHit(hit, false)} appear here${severity === warning ? ' (in pending/: not handed out)' : ''}`));
      if (holds.has(t.stem)) foundFor.set(t.stem, (foundFor.get(t.stem) ?? new Set()).add(hit.from));
    }
  });
  run.findings.push(...unfoundHolds(holds, foundFor));
}

/**
 * A hold the cross-document check does not find again (no match from the document it names) is no
 * hold declass made: the record was edited, or the other document is gone from the folder and the
 * --against folders. A failure: the record's reason for not releasing is not true.
 */
function unfoundHolds(holds: ReadonlyMap<string, Hold>, found: ReadonlyMap<string, ReadonlySet<string>>): Finding[] {
  const out: Finding[] = [];
  for (const [stem, hold] of holds) {
    const missing = hold.matches.filter((m) => !found.get(stem)?.has(m.from)).map((m) => m.from);
    if (missing.length > 0) out.push(failure(recordPath(stem), 'cross-leak', `records a hold (${hold.reason}) on text withheld in ${missing.join(', ')}, which the cross-document check does not find in its release`));
  }
  return out;
}
