/**
 * The release folder, as one contract between what writes it (`release`, `batch`) and what reads
 * it (`audit`, the resume check): its three sub-folders, the path of every output for a stem, the
 * audit record and the manifest (their paths, formats and data types), and how a stem is made
 * from an input name. Pure data and pure functions: nothing here touches the disk.
 *
 * ```
 * OUT/release/<stem>.txt            release text          (may be handed out)
 * OUT/release/<stem>.pdf            release PDF           (may be handed out)
 * OUT/pending/<stem>.txt, .pdf      the same, for a document a reviewer must still decide
 *                                   (stamped PENDING REVIEW - NOT FOR RELEASE; never)
 * OUT/review/<stem>.review.pdf      review PDF            (never)
 * OUT/review/<stem>.diff            unified diff          (never)
 * OUT/review/<stem>.audit.json      audit record          (never; declass-audit/1)
 * OUT/review/manifest.json          hash-chained manifest (never; declass-manifest/1)
 * OUT/release/index.csv|json|pdf|xlsx  the Vaughn index (may be handed out; listed in the manifest)
 * ```
 *
 * Paths are relative to the folder, with `/` separators, on every platform.
 */
import path from 'node:path';
import { sha256Hex } from '../hash.js';
import { CABLE_READER, type ReaderId } from '../parse/readers.js';
import type { DeclAssessment, Decision, Diagnostic, Disposition, DispositionKind, Redaction } from '../types.js';
import type { CaseStamp } from './case.js';

export type { ReaderId };

/** The sub-folder that may be handed out. */
export const RELEASE_DIR = 'release';
/** The sub-folder that never may: review PDFs, diffs, audit records, the manifest. */
export const REVIEW_DIR = 'review';
/**
 * The sub-folder of documents that are not final (issue 12): a portion still awaits a reviewer
 * (SBU/FOUO handling, an unknown mark, a declassification instruction to review). Their release
 * text and PDF are stamped `PENDING REVIEW - NOT FOR RELEASE` and may not be handed out.
 */
export const PENDING_DIR = 'pending';
/** The sub-folders, in the order they are created and listed. */
export const SUBFOLDERS = [RELEASE_DIR, REVIEW_DIR, PENDING_DIR] as const;
export type Subfolder = (typeof SUBFOLDERS)[number];

/** Names of the sub-folders declass writes into an output folder. A folder walk for inputs leaves them out. */
const OUTPUT_SUBFOLDER_NAMES: ReadonlySet<string> = new Set(SUBFOLDERS);

/** True for the name of a sub-folder declass writes (`release`, `review`, `pending`). */
export function isOutputSubfolderName(name: string): boolean {
  return OUTPUT_SUBFOLDER_NAMES.has(name);
}

/** Output formats `release` can write, in write order. The audit record is always written. */
export const FORMATS = ['text', 'pdf', 'review', 'diff'] as const;
export type Format = (typeof FORMATS)[number];

/** PDF page sizes a release may be laid out on. */
export type PageSize = 'letter' | 'a4';

/**
 * The output path `release` writes for a stem and format; the release text and PDF of a document
 * pending review go to `pending/` instead of `release/`.
 */
export function outputPath(stem: string, format: Format, pending = false): string {
  const dir = pending ? PENDING_DIR : RELEASE_DIR;
  switch (format) {
    case 'text':
      return `${dir}/${stem}.txt`;
    case 'pdf':
      return `${dir}/${stem}.pdf`;
    case 'review':
      return `${REVIEW_DIR}/${stem}.review.pdf`;
    case 'diff':
      return `${REVIEW_DIR}/${stem}.diff`;
  }
}

/** Path of the audit record of `stem`. */
export function recordPath(stem: string): string {
  return `${REVIEW_DIR}/${stem}.audit.json`;
}

/** The stem whose audit record `rel` is, or null when `rel` is no audit record's path. */
export function stemOfRecordPath(rel: string): string | null {
  const m = /^review\/([^/]+)\.audit\.json$/.exec(rel);
  return m && m[1] !== undefined ? m[1] : null;
}

/** True for a release text or PDF path, final (`release/`) or pending (`pending/`). */
export function isReleaseFilePath(rel: string): boolean {
  return rel.startsWith(`${RELEASE_DIR}/`) || rel.startsWith(`${PENDING_DIR}/`);
}

/** The stem a file in `release/` (or `pending/`) belongs to: its name without the extension. */
export function stemOfReleaseFile(rel: string): string {
  return path.posix.basename(rel).replace(/\.[^.]*$/, '');
}

/** Path of the manifest. */
export const MANIFEST_PATH = `${REVIEW_DIR}/manifest.json`;

/**
 * A file-name stem derived from an input name: only ASCII letters, digits, `.`, `_` and `-`, no
 * leading dot or dash, at most 120 characters, so an output name can never climb out of its folder.
 * ASCII, not every letter: the names are matched by the folder contract (`--replace` removes only
 * them), shown in the WinAnsi PDFs of the Vaughn index, and a macOS disk gives a name back
 * decomposed (NFD), so `Müller` would not be found under the name it was written with.
 *
 * A name that had to change (`Müller.txt`, `sp ace é.txt`, `中国.txt`, a leading dot or dash (a
 * dash reads as an option to the shell tools a reviewer runs on release/), past 120
 * characters) gets `-` and the first 8 hex of the sha256 of its name (NFC, without `.txt`/`.pdf`):
 * `M_ller-1f0e…`. Two names are never one stem silently (`中国.txt` and `日本.txt` were both
 * `document`, and the second refused as "already taken", a name the user never gave), and the
 * stem depends on the name alone, so a batch and two runs name a document alike. The batch says so
 * ({@link renamedInputNote}).
 */
export function safeStem(inputPath: string): string {
  const base = inputBaseName(inputPath);
  // Folded (NFKC) first: a full-width `１` or a mathematical `𝟏` is a `1` to a reader, and became
  // `_`: `Raven Leak１ memo.pdf` was named `Raven_Leak_memo`, whose letters hold no withheld
  // `RAVENLEAK1` to find, and still said `Raven Leak`.
  const clean = base.normalize('NFKC').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._-]+/, '');
  if (clean === base && clean.length > 0 && clean.length <= 120) return clean;
  const tag = sha256Hex(new TextEncoder().encode(base)).slice(0, 8);
  return `${(clean.length > 0 ? clean : 'document').slice(0, 111)}-${tag}`;
}

/** The input's file name (NFC) without `.txt` or `.pdf` (any case): what its outputs are named when it is a safe name. */
export function inputBaseName(inputPath: string): string {
  return path.basename(inputPath.normalize('NFC')).replace(/\.(?:txt|pdf)$/i, '');
}

/**
 * The warning for an input whose outputs are not named as it is ({@link safeStem}), or null:
 * `the file name Müller is not a safe output name (ASCII letters, digits, . _ -): its outputs are named M_ller-1f0e2d3c [output-renamed]`.
 */
export function renamedInputNote(inputPath: string, stem: string): string | null {
  const base = inputBaseName(inputPath);
  if (inputPath === '-' || stem === base || stem !== safeStem(inputPath)) return null;
  return `the file name ${base} is not a safe output name (ASCII letters, digits, . _ -, at most 120): its outputs are named ${stem}, with a tag of the name [output-renamed]`;
}

/** The neutral stem of an input whose name repeats withheld words: `<prefix>-<first 12 hex of its sha256>`. */
export function renamedStem(sha256: string, prefix: 'pdf' | 'doc'): string {
  return `${prefix}-${sha256.slice(0, 12)}`;
}

/**
 * Every name a document without a reference of its own goes by, which a reviewer override's `ref`
 * may use: the input's file name without .txt/.pdf (`my memo`), its output stems (`my_memo-710358d7`,
 * the one `--stem` gave) and the names it has when its name repeats withheld words (`doc-<sha12>`,
 * `pdf-<sha12>`, which name this content only). Only one of these was accepted, and which one
 * depended on how the outputs were renamed: the name a reviewer copied from pending/ was refused
 * (probe 67c F3).
 */
export function documentNames(inputPath: string, stems: readonly string[], sha256: string | null): string[] {
  const fromPath = inputPath === '-' ? [] : [inputBaseName(inputPath), safeStem(inputPath)];
  const renamed = sha256 ? [renamedStem(sha256, 'doc'), renamedStem(sha256, 'pdf')] : [];
  return [...new Set([...fromPath, ...stems, ...renamed])];
}

/** True for a stem {@link renamedStem} made. */
export function isRenamedStem(stem: string): boolean {
  return /^(?:doc|pdf)-[0-9a-f]{12}$/.test(stem);
}

/**
 * The stem a case numbers a recorded document by: its own, or its input's name when its outputs
 * were renamed (`doc-…`, `pdf-…`: the name repeats withheld words), as the batch numbers it.
 */
export function numberingStem(stem: string, record: Pick<AuditRecord, 'input'>): string {
  return isRenamedStem(stem) ? safeStem(record.input.path) : stem;
}

/**
 * Why `stem` cannot name a document's outputs, or null: only letters, digits, `.`, `_` and `-`,
 * not starting with `.` or `_`, 1 to 120 characters (what {@link safeStem} makes), so that
 * `release/<stem>.txt` stays in its folder (`../evil`, ``, `.hidden` are refused).
 */
export function stemProblem(stem: unknown): string | null {
  if (typeof stem === 'string' && /^[A-Za-z0-9-][A-Za-z0-9._-]{0,119}$/.test(stem)) return null;
  const example = typeof stem === 'string' ? ` (for example ${safeStem(stem)})` : '';
  return `use letters, digits, . _ - only, not starting with . or _, at most 120 characters${example}`;
}

/**
 * The page size of a PDF from its page width in points (Letter is 612 pt wide, A4 595.28): the
 * page size is not recorded on its own, the PDFs show it.
 */
export function pageSizeOf(width: number): PageSize {
  return width < 604 ? 'a4' : 'letter';
}

// ---------------------------------------------------------------------------------------------
// The audit record

/** Format tag of an audit record. */
/** How a case's documents are numbered (audit checks a folder's numbers with it). */
export { assignDocNumbers } from './case.js';

export const RECORD_FORMAT = 'declass-audit/1';

/** One output file as recorded: its format, path relative to the output folder, and sha256. */
export interface OutputRecord {
  readonly kind: Format;
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** The per-document decision record (`review/<stem>.audit.json`). Holds no withheld text. */
export interface AuditRecord {
  readonly format: typeof RECORD_FORMAT;
  readonly tool: { readonly name: string; readonly version: string };
  readonly asOf: string;
  readonly profile: { readonly id: string; readonly file: string; readonly sha256: string };
  readonly overrides: { readonly file: string; readonly sha256: string } | null;
  /**
   * The input. `reader` names the reader that made the document and its version; it is absent for
   * the cable parser (records written before issue 16 have none, and cable records stay as they were).
   */
  readonly input: {
    readonly path: string;
    readonly sha256: string;
    readonly ref: string | null;
    readonly originated: string | null;
    readonly reader?: ReaderId;
    /** The title portion as released, when it is released in full (release/record.ts releasedTitleOf); absent otherwise and in records made before fix65b. */
    readonly title?: string;
  };
  readonly declassification: Omit<DeclAssessment, 'diagnostics'>;
  readonly banner: { readonly original: string | null; readonly release: string };
  readonly stamp: string;
  /**
   * The declassification marking printed under the stamp (Plan.declassMarking); absent when there
   * is none, and in records made before it.
   */
  readonly declassMarking?: string;
  /**
   * The disposition (issue 12): `release-in-full`, `release-in-part`, `denied-in-full`, or
   * `pending-review` with the portions still pending and why. Absent in records made before it.
   */
  readonly disposition?: Disposition;
  readonly decisions: readonly (Decision & { readonly start: { line: number; column: number }; readonly end: { line: number; column: number } })[];
  readonly redactions: readonly Redaction[];
  readonly diagnostics: readonly (Diagnostic & { readonly line?: number })[];
  readonly outputs: readonly OutputRecord[];
  /**
   * The FOIA case and this document's number in it (`release --case`), which the footer of every
   * release page states. Absent when the release names no case.
   */
  readonly case?: CaseStamp;
  /** Where each withholding is in the release PDF and text (see {@link Placement}); absent in records made before issue 15. */
  readonly placement?: Placement;
  /**
   * Why a document whose decisions are final sits in pending/ and not release/ ({@link heldRecord}):
   * its release shows text another document withholds. Absent for a document not held.
   */
  readonly held?: Hold;
}

/**
 * A release held back after the batch's cross-document check (`release --cross-leak hold`, the
 * default): its released text holds runs that another document (of the batch or of an `--against`
 * folder) withholds. Each match names that document, its portions, how many 8-word runs matched
 * and the line of the release text where the first one ends (null without a release text): never
 * the words. A human decides which of the two documents is right.
 */
export interface Hold {
  readonly reason: 'cross-document';
  readonly matches: readonly HoldMatch[];
}

/** One document whose withheld text a held release shows. */
export interface HoldMatch {
  readonly from: string;
  /** The `--against` folder that document was released into, when not this one. */
  readonly folder?: string;
  readonly portions: readonly string[];
  readonly runs: number;
  readonly line: number | null;
}

/**
 * The record of a document held ({@link Hold}): the same decisions, its release text and PDF in
 * pending/ instead of release/ (the same bytes: moved, not rendered again). Both `release` (which
 * moves the files) and `audit` (which checks a re-run against the record) make it with this.
 */
export function heldRecord(record: AuditRecord, hold: Hold): AuditRecord {
  const outputs = record.outputs.map((o) => (o.kind === 'text' || o.kind === 'pdf' ? { ...o, path: outputPath(stemOfReleaseFile(o.path), o.kind, true) } : o));
  return { ...record, outputs, held: hold };
}

/** `held: cross-document (08A p2, p3 at line 14)`: a hold in one line, never quoting text. */
export function describeHold(hold: Hold): string {
  const one = (m: HoldMatch): string => `${m.runs} run(s) of words withheld in ${m.folder !== undefined ? `${m.from} (released into ${m.folder})` : m.from} (${m.portions.join(', ')})${m.line !== null ? ` from line ${m.line}` : ''}`;
  return `held: ${hold.reason}: ${hold.matches.map(one).join('; ')}`;
}

/**
 * Where the withholdings of a document are in what is handed out: the release PDF's page count
 * and, for each withheld portion and redacted span in document order, the page of its box (1-based)
 * and the line of its placeholder in the release text (1-based). Null where no PDF was written.
 */
export interface Placement {
  readonly pages: number | null;
  readonly regions: readonly { readonly id: string; readonly page: number | null; readonly line: number | null }[];
}

/** The reader a record names: `input.reader`, or the cable parser when it names none. */
export function recordedReader(record: Pick<AuditRecord, 'input'>): ReaderId {
  const r = record.input.reader;
  return r && (r.name === 'cable' || r.name === 'document' || r.name === 'pdf') && typeof r.version === 'string' ? r : CABLE_READER;
}

// ---------------------------------------------------------------------------------------------
// The manifest

/**
 * Format tag of the manifest `review/manifest.json`: every audit record in `review/`, sorted by
 * stem, with the sha256 of the record's bytes and a hash chain, so that removing, reordering or
 * editing a record (or an entry) is detectable.
 *
 * Chain: `chain[0] = sha256(record sha256 of entry 0)`, `chain[i] = sha256(chain[i-1] + sha256[i])`
 * (hex strings concatenated, then hashed as UTF-8); `head` is the last chain value
 * ({@link EMPTY_HEAD} for an empty manifest). Anyone can recompute a chain: it proves integrity
 * against a head recorded elsewhere (the release summary prints it; `declass audit --head` checks it).
 */
export const MANIFEST_FORMAT = 'declass-manifest/1';

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
  /** The record's {@link Hold}, when its release is held in pending/ (the record, chained, binds it). */
  readonly held?: Hold;
}

/** The release run that last wrote the manifest. Records from earlier runs keep their own profile and date. */
export interface ManifestRun {
  readonly profile: { readonly id: string; readonly file: string; readonly sha256: string };
  readonly asOf: string;
  readonly overrides: { readonly file: string; readonly sha256: string } | null;
  /** The FOIA case number (`release --case`); absent when the release names none. */
  readonly case?: string;
}

/** A file of the Vaughn index (`release/index.csv` …) as the manifest lists it. */
export interface IndexFileRecord {
  readonly kind: IndexFormat;
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly tool: { readonly name: string; readonly version: string };
  readonly run: ManifestRun;
  readonly entries: readonly ManifestEntry[];
  /** The last entry's chain value. */
  readonly head: string;
  /** The files of the Vaughn index in `release/`, when one was written (`declass index`). */
  readonly index?: readonly IndexFileRecord[];
}

// ---------------------------------------------------------------------------------------------
// The Vaughn index

/** Formats of the Vaughn index, in write order. */
export const INDEX_FORMATS = ['csv', 'json', 'pdf', 'xlsx'] as const;
export type IndexFormat = (typeof INDEX_FORMATS)[number];

/** The stem of the index files: no document may have it (its PDF would be `release/index.pdf`). */
export const INDEX_STEM = 'index';

/** Path of the Vaughn index in a format: `release/index.csv`. */
export function indexPath(format: IndexFormat): string {
  return `${RELEASE_DIR}/${INDEX_STEM}.${format}`;
}

/** The chain value following `previous` (the empty string before the first entry) for a record hash. */
export function chainNext(previous: string, recordSha256: string): string {
  return sha256Hex(previous + recordSha256);
}

/** The head of a manifest with no entries: the sha256 of the empty string. */
export const EMPTY_HEAD = sha256Hex('');

// ---------------------------------------------------------------------------------------------
// One folder, one release

/**
 * What makes a folder one release: the profile (by sha256), the as-of date and the overrides file
 * (by sha256, or none). Every record in a folder, and its manifest's `run`, must agree on them:
 * two audiences or two dates in one folder would hand one audience's release to another.
 */
export type ReleaseSettings = ManifestRun;

/** The settings an audit record was made with. */
export function settingsOfRecord(record: Pick<AuditRecord, 'profile' | 'asOf' | 'overrides' | 'case'>): ReleaseSettings {
  return {
    profile: { id: record.profile.id, file: record.profile.file, sha256: record.profile.sha256 },
    asOf: record.asOf,
    overrides: record.overrides ? { file: record.overrides.file, sha256: record.overrides.sha256 } : null,
    ...(typeof record.case?.number === 'string' ? { case: record.case.number } : {}),
  };
}

/** A key equal for settings that make the same release (file paths do not count; contents do). */
export function settingsKey(s: ReleaseSettings): string {
  return `${s.profile.sha256}\u0000${s.asOf}\u0000${s.overrides?.sha256 ?? '-'}\u0000${s.case ?? '-'}`;
}

/** `profile public (sha256 1a2b3c4d5e6f…) as of 2010-12-01, no overrides` (`, case F-…` when one is named): settings for a message. */
export function describeSettings(s: ReleaseSettings): string {
  return `${describeProfile(s)} as of ${s.asOf}, ${describeOverrides(s)}${s.case !== undefined ? `, ${describeCase(s)}` : ''}`;
}

function describeCase(s: ReleaseSettings): string {
  return s.case !== undefined ? `case ${s.case}` : 'no case';
}

function describeProfile(s: ReleaseSettings): string {
  return `profile ${s.profile.id} (sha256 ${s.profile.sha256.slice(0, 12)}…)`;
}

function describeOverrides(s: ReleaseSettings): string {
  return s.overrides ? `overrides ${s.overrides.file} (sha256 ${s.overrides.sha256.slice(0, 12)}…)` : 'no overrides';
}

/**
 * What differs between two settings (a folder's and another run's), one phrase per difference,
 * with `labels` naming each side: `profile public (sha256 …) there, us-secret (sha256 …) here`.
 * Empty when they make the same release.
 */
export function settingsDifferences(a: ReleaseSettings, b: ReleaseSettings, labels: readonly [string, string] = ['there', 'here']): string[] {
  const [x, y] = labels;
  const out: string[] = [];
  if (a.profile.sha256 !== b.profile.sha256) out.push(`${describeProfile(a)} ${x}, ${describeProfile(b).replace(/^profile /, '')} ${y}`);
  if (a.asOf !== b.asOf) out.push(`as of ${a.asOf} ${x}, ${b.asOf} ${y}`);
  if ((a.overrides?.sha256 ?? null) !== (b.overrides?.sha256 ?? null)) out.push(`${describeOverrides(a)} ${x}, ${describeOverrides(b).replace(/^overrides /, '')} ${y}`);
  if ((a.case ?? null) !== (b.case ?? null)) out.push(`${describeCase(a)} ${x}, ${describeCase(b).replace(/^case /, '')} ${y}`);
  return out;
}

const OUTPUT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * True when `rel` (relative to an output folder, `/` separators) is a file `release` writes: a
 * release text or PDF in `release/` (or `pending/`), a review PDF, diff or audit record in
 * `review/`, or the manifest. `release --replace` removes these and nothing else.
 */
export function isReleaseOutputPath(rel: string): boolean {
  if (rel === MANIFEST_PATH) return true;
  const m = /^([^/]+)\/([^/]+)$/.exec(rel);
  if (!m || !OUTPUT_NAME.test(m[2]!)) return false;
  const [dir, name] = [m[1]!, m[2]!];
  if (dir === RELEASE_DIR && INDEX_FORMATS.some((f) => name === `${INDEX_STEM}.${f}`)) return true;
  if (dir === RELEASE_DIR || dir === PENDING_DIR) return /\.(?:txt|pdf)$/.test(name);
  if (dir === REVIEW_DIR) return /\.(?:review\.pdf|diff|audit\.json)$/.test(name);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Dispositions

/** The words of a disposition, as the Vaughn index writes it. */
export const DISPOSITION_WORDS: Readonly<Record<DispositionKind, string>> = {
  'release-in-full': 'released in full',
  'release-in-part': 'released in part',
  'denied-in-full': 'denied in full',
  'pending-review': 'pending review',
};

/**
 * The disposition of a document: the one its record (or plan) gives (issue 12), or, for a record
 * made before dispositions were recorded, one computed from its decisions: pending when a portion
 * is withheld pending review (its authority says `PENDING`), denied in full when something is
 * withheld and no portion but header lines is released, released in full when nothing is withheld.
 */
export function dispositionOf(record: {
  readonly decisions: readonly Pick<Decision, 'action' | 'kind' | 'authority'>[];
  readonly redactions: readonly unknown[];
  readonly disposition?: Pick<Disposition, 'kind'> | undefined;
}): DispositionKind {
  const kind = record.disposition?.kind;
  if (typeof kind === 'string' && kind in DISPOSITION_WORDS) return kind;
  const withheld = record.decisions.filter((d) => d.action === 'withhold');
  if (withheld.some((d) => d.authority.some((a) => /PENDING/i.test(a)))) return 'pending-review';
  if (withheld.length === 0 && record.redactions.length === 0) return 'release-in-full';
  if (withheld.length > 0 && !record.decisions.some((d) => d.action === 'release' && d.kind !== 'header')) return 'denied-in-full';
  return 'release-in-part';
}
