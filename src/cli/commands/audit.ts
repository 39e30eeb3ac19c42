/**
 * `declass audit DIR [--originals PATH...] [--against DIR] [--json]`: verify with one command
 * what a release folder holds, why, and that nothing withheld got out. The checks are pure
 * functions in src/audit/; this module reads the folder and prints the report.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { AUDIT_CHECKS, failure, formatFinding, sortFindings, type AuditCheck, type Finding } from '../../audit/findings.js';
import { verifyManifest } from '../../audit/manifest.js';
import { extractPdfStrings, pdfPageSize } from '../../audit/pdf-text.js';
import { crossCheckSkipReason, crossDigest, DEFAULT_CROSS_CHECK_LIMIT, describeHit, findSelfLeak, SHINGLE_WORDS, WithheldIndex } from '../../audit/cross.js';
import type { WithheldPiece } from '../../engine/withheld.js';
import { MANIFEST_PATH, pageSizeOf, type AuditRecord } from '../../release/folder.js';
import { rerunRelease } from '../../release/rerun.js';
import { shingleHashes } from '../../leak/shingle-hash.js';
import { checkOutputs, checkPdfAuthorities, checkTextAuthorities, compareRerun, parseRecord } from '../../audit/verify.js';
import { ExitCode, InputError } from '../../errors.js';
import { sha256Hex } from '../../hash.js';
import type { Profile } from '../../rules/load.js';
import type { OverrideSet } from '../../rules/overrides.js';
import type { CommandContext } from '../context.js';
import { describeFsError } from '../../node/errors.js';
import { findRecordedOverrides, findRecordedProfile } from '../../node/profiles.js';
import { collectInputs } from '../../node/walk.js';
import { positiveInteger } from '../options.js';
import { createProgress } from '../progress.js';

interface AuditOptions {
  originals?: string[];
  against?: string[];
  profile?: string;
  overrides?: string;
  head?: string;
  json?: boolean;
  quiet?: boolean;
  crossCheckLimit: number;
}

/** Registers `declass audit`. */
export function registerAudit(program: Command, ctx: CommandContext): void {
  program
    .command('audit')
    .description('verify a release folder: hashes, the manifest chain, and (with the originals) re-run decisions and leaks within and across documents')
    .argument('<dir>', 'the --out folder of declass release (holds release/ and review/)')
    .option('--originals <paths...>', 'the original cables (files or folders), matched to records by sha256: enables the re-run and leak checks')
    .option('--against <dir>', 'an earlier release folder: its release files are searched for text withheld here, and (when its originals are found) the reverse; repeatable', collect)
    .option('--profile <file>', 'profile file to re-run with when the recorded one is not at its recorded path (its sha256 must match the record)')
    .option('--overrides <file>', 'overrides file to re-run with when the recorded one is not at its recorded path (its sha256 must match)')
    .option('--head <sha256>', 'the manifest head recorded when the folder was released (release prints it): the chain must end there')
    .option('--json', 'print one JSON object {ok, checks, failures, warnings}')
    .option('-q, --quiet', 'no progress bar')
    .addOption(
      new Option('--cross-check-limit <n>', 'skip the cross-document check for folders of more documents (it keeps every document\'s shingles in memory; 0 turns it off)')
        .argParser(positiveInteger(0))
        .default(DEFAULT_CROSS_CHECK_LIMIT),
    )
    .addHelpText(
      'after',
      `
Checks: ${Object.keys(AUDIT_CHECKS).join(', ')}.
Each problem is one line: FILE: check: what was found.
Exit codes: 0 clean; 1 a check failed; 66 DIR is not a release folder.`,
    )
    .action(async (dir: string, opts: AuditOptions) => {
      ctx.exit(await runAudit(dir, opts, ctx));
    });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A file found under release/ or review/ (path relative to the folder, with `/`). */
interface FolderFile {
  readonly rel: string;
  readonly regular: boolean;
  readonly sha256: string | null;
  /** Bytes, kept for release/ files and audit records only. */
  readonly bytes: Uint8Array | null;
}

/**
 * Walks `DIR/sub` (not following symbolic links) and hashes every regular file; with
 * `keepBytes`, keeps the bytes of release files, audit records and the manifest.
 */
async function scan(dir: string, sub: 'release' | 'review', keepBytes = true): Promise<FolderFile[]> {
  const out: FolderFile[] = [];
  const walk = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile()) {
        const bytes = await readFile(path.join(dir, child));
        const keep = keepBytes && (sub === 'release' || /^review\/[^/]+\.audit\.json$/.test(child) || child === MANIFEST_PATH);
        out.push({ rel: child, regular: true, sha256: sha256Hex(bytes), bytes: keep ? bytes : null });
      } else out.push({ rel: child, regular: false, sha256: null, bytes: null });
    }
  };
  await walk(sub);
  return out;
}

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

/** Throws InputError when `dir` is not a folder holding release/ or review/. */
async function assertReleaseFolder(dir: string): Promise<void> {
  const info = await lstat(dir).catch((error: unknown) => {
    throw new InputError(`${dir}: ${describeFsError(error)}`);
  });
  if (!info.isDirectory()) throw new InputError(`${dir}: not a folder`);
  const hasSub = async (s: string) => (await lstat(path.join(dir, s)).catch(() => null))?.isDirectory() ?? false;
  if (!(await hasSub('release')) && !(await hasSub('review'))) throw new InputError(`${dir}: not a release folder (no release/ or review/ in it)`);
}

/** Reads a release folder into memory (`--against` folders); throws InputError when it has neither release/ nor review/. */
export async function readReleaseFolder(dir: string): Promise<ReleaseFolder> {
  await assertReleaseFolder(dir);
  const list = [...(await scan(dir, 'release')), ...(await scan(dir, 'review'))];
  const files = new Map(list.map((f) => [f.rel, f]));
  const records = new Map<string, AuditRecord>();
  const recordShas = new Map<string, string>();
  const findings: Finding[] = [];
  for (const f of list) {
    const m = /^review\/([^/]+)\.audit\.json$/.exec(f.rel);
    if (!m || !f.regular) continue;
    const stem = m[1]!;
    recordShas.set(stem, f.sha256!);
    const parsed = parseRecord(stem, f.bytes!);
    if (parsed.ok) records.set(stem, parsed.record);
    else findings.push(parsed.finding);
  }
  return { dir, files, records, recordShas, findings };
}

/** Loads profiles and overrides as records name them, checking their sha256; cached. */
export class RecordedConfig {
  private readonly profiles = new Map<string, Profile | string>();
  private readonly overrideSets = new Map<string, OverrideSet | string>();
  constructor(
    private readonly cwd: string,
    private readonly profileFile?: string,
    private readonly overridesFile?: string,
  ) {}

  /** The recorded profile, or why it cannot be had. */
  async profile(record: AuditRecord): Promise<Profile | string> {
    const key = `${record.profile.file}\u0000${record.profile.sha256}`;
    let got = this.profiles.get(key);
    if (got === undefined) this.profiles.set(key, (got = await findRecordedProfile(record.profile, { cwd: this.cwd, given: this.profileFile })));
    return got;
  }

  /** The recorded overrides (null when none), or why they cannot be had. */
  async overrides(record: AuditRecord): Promise<OverrideSet | null | string> {
    if (!record.overrides) return null;
    const key = `${record.overrides.file}\u0000${record.overrides.sha256}`;
    let got = this.overrideSets.get(key);
    if (got === undefined) this.overrideSets.set(key, (got = await findRecordedOverrides(record.overrides, { cwd: this.cwd, given: this.overridesFile })));
    return got;
  }
}

/** What a successful re-run gives the leak checks. */
interface Recomputed {
  readonly pieces: WithheldPiece[];
  readonly visible: string;
}

/** A release file's text: `.txt` as UTF-8, `.pdf` read back (text and metadata). */
interface ReleasedText {
  readonly rel: string;
  readonly stem: string;
  readonly text: string | null;
  readonly unreadable?: string;
}

/** The stem a release file belongs to: its name without the extension. */
const stemOfRelease = (rel: string): string => path.posix.basename(rel).replace(/\.[^.]*$/, '');

function releasedText(rel: string, bytes: Uint8Array): ReleasedText {
  const stem = stemOfRelease(rel);
  if (rel.toLowerCase().endsWith('.pdf')) {
    const pdf = extractPdfStrings(bytes);
    return pdf.ok ? { rel, stem, text: `${pdf.text}\n\u0000\n${pdf.metadata}` } : { rel, stem, text: null, unreadable: pdf.message };
  }
  return { rel, stem, text: Buffer.from(bytes).toString('utf8') };
}

/** Texts of the release files of a folder held in memory (`--against` folders). */
function releasedTexts(folder: ReleaseFolder): ReleasedText[] {
  const out: ReleasedText[] = [];
  for (const f of folder.files.values()) {
    if (!f.rel.startsWith('release/') || !f.regular || !f.bytes) continue;
    out.push(releasedText(f.rel, f.bytes));
  }
  return out;
}

/** Maps sha256 → path of every original under `paths` (folders walked for `*.txt`). */
async function hashOriginals(paths: readonly string[], findings: Finding[]): Promise<Map<string, string>> {
  const { files, errors } = await collectInputs(paths);
  for (const e of errors) findings.push(failure(e.path, 'rerun', `--originals: ${e.message}`));
  const out = new Map<string, string>();
  for (const f of files) {
    const bytes = await readFile(f).catch(() => null);
    if (bytes) out.set(sha256Hex(bytes), f);
  }
  return out;
}

/**
 * The withheld text of a folder's documents whose originals can be had: from `originals`
 * (sha256 → path) or at the input path the record names (when its sha256 matches). Used for
 * `--against` folders; re-runs nothing but the decision.
 */
export async function withheldOfFolder(folder: ReleaseFolder, originals: ReadonlyMap<string, string>, config: RecordedConfig, cwd: string): Promise<Map<string, Recomputed>> {
  const out = new Map<string, Recomputed>();
  for (const [stem, record] of folder.records) {
    const candidates = [originals.get(record.input.sha256), path.resolve(cwd, record.input.path)].filter((p): p is string => p !== undefined);
    let bytes: Uint8Array | null = null;
    for (const c of candidates) {
      const b = await readFile(c).catch(() => null);
      if (b && sha256Hex(b) === record.input.sha256) {
        bytes = b;
        break;
      }
    }
    if (!bytes) continue;
    const profile = await config.profile(record);
    const overrides = await config.overrides(record);
    if (typeof profile === 'string' || typeof overrides === 'string') continue;
    const run = await rerunRelease({ stem, record: { ...record, outputs: [] }, original: bytes, profile, overrides, pageSize: 'letter' });
    if (run.ok) out.set(stem, { pieces: [...run.result.withheld], visible: run.result.visible });
  }
  return out;
}

/** The report of one audit: every check with its outcome, and the findings. */
export interface AuditReport {
  readonly ok: boolean;
  readonly dir: string;
  readonly documents: number;
  readonly checks: readonly { readonly name: AuditCheck; readonly description: string; readonly status: 'pass' | 'fail' | 'skipped'; readonly failures: number }[];
  readonly failures: readonly Finding[];
  readonly warnings: readonly Finding[];
}

/**
 * Audits a folder one document at a time: the folder is listed and hashed first (names and
 * hashes only), then each record is read, checked with its release files and dropped, so memory
 * stays flat however many documents the folder holds. Only the cross-document check keeps
 * something per document (shingle hashes), and only up to --cross-check-limit documents.
 */
async function runAudit(dir: string, opts: AuditOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const cwd = io.cwd();
  const abs = path.resolve(cwd, dir);
  await assertReleaseFolder(abs);
  const listing = [...(await scan(abs, 'release', false)), ...(await scan(abs, 'review', false))];
  const files = new Map(listing.map((f) => [f.rel, f]));
  const shas = new Map(listing.filter((f) => f.sha256 !== null).map((f) => [f.rel, f.sha256!]));
  const recordShas = new Map<string, string>();
  for (const f of listing) {
    const m = /^review\/([^/]+)\.audit\.json$/.exec(f.rel);
    if (m && f.regular) recordShas.set(m[1]!, f.sha256!);
  }
  /** Release files by the stem their name gives (a record's own outputs, and any stray copy). */
  const releaseByStem = new Map<string, string[]>();
  for (const f of listing) {
    if (!f.rel.startsWith('release/') || !f.regular) continue;
    const stem = stemOfRelease(f.rel);
    releaseByStem.set(stem, [...(releaseByStem.get(stem) ?? []), f.rel]);
  }
  const findings: Finding[] = [];
  const skipped = new Set<AuditCheck>();
  const claimed = new Set<string>([MANIFEST_PATH]);
  for (const stem of recordShas.keys()) claimed.add(`review/${stem}.audit.json`);

  const config = new RecordedConfig(cwd, opts.profile, opts.overrides);
  const againstFolders: ReleaseFolder[] = [];
  for (const a of opts.against ?? []) againstFolders.push(await readReleaseFolder(path.resolve(cwd, a)));
  const withOriginals = Boolean(opts.originals && opts.originals.length > 0);
  const originals = withOriginals ? await hashOriginals(opts.originals!, findings) : new Map<string, string>();
  const crossOn = withOriginals && opts.crossCheckLimit > 0 && recordShas.size <= opts.crossCheckLimit;
  const index = crossOn ? new WithheldIndex() : null;
  const releasedRuns: { label: string; stem: string; runs: Float64Array }[] = [];
  const readText = async (rel: string): Promise<ReleasedText | null> => {
    const bytes = await readFile(path.join(abs, rel)).catch(() => null);
    return bytes ? releasedText(rel, bytes) : null;
  };

  const progress = createProgress(io, recordShas.size, 'audit', !opts.json && !opts.quiet);
  let done = 0;
  for (const stem of [...recordShas.keys()].sort()) {
    progress.update(++done);
    const parsed = parseRecord(stem, await readFile(path.join(abs, 'review', `${stem}.audit.json`)));
    if (!parsed.ok) {
      findings.push(parsed.finding);
      continue;
    }
    const { record } = parsed;
    // 1. Hashes and missing files.
    findings.push(...checkOutputs(stem, record, shas));
    for (const o of record.outputs) claimed.add(o.path);
    const texts: ReleasedText[] = [];
    for (const rel of releaseByStem.get(stem) ?? []) {
      const t = await readText(rel);
      if (t) texts.push(t);
    }
    // 5. Authorities stated in the release files.
    for (const o of record.outputs) {
      const t = texts.find((x) => x.rel === o.path);
      if (!t) continue;
      if (o.kind === 'text') findings.push(...checkTextAuthorities(o.path, t.text ?? '', stem, record));
      else if (o.kind === 'pdf') {
        if (t.text === null) findings.push(failure(o.path, 'authority', `cannot read the PDF back: ${t.unreadable}`));
        else findings.push(...checkPdfAuthorities(o.path, t.text, stem, record));
      }
    }
    if (!withOriginals) continue;
    // 3. Re-run, 4. self leak, and the digest for the cross-document check.
    const file = `review/${stem}.audit.json`;
    const original = originals.get(record.input.sha256);
    if (!original) {
      findings.push(failure(file, 'rerun', `no original with the recorded sha256 among --originals (recorded input: ${record.input.path})`));
      continue;
    }
    const profile = await config.profile(record);
    const overrides = await config.overrides(record);
    if (typeof profile === 'string' || typeof overrides === 'string') {
      findings.push(failure(file, 'rerun', typeof profile === 'string' ? profile : (overrides as string)));
      continue;
    }
    const pdf = record.outputs.find((o) => o.kind === 'pdf' || o.kind === 'review');
    const size = pdf ? pdfPageSize(await readFile(path.join(abs, pdf.path)).catch(() => new Uint8Array())) : null;
    const run = await rerunRelease({ stem, record, original: await readFile(original), profile, overrides, pageSize: size ? pageSizeOf(size.width) : 'letter' });
    if (!run.ok) {
      findings.push(failure(file, 'rerun', run.message));
      continue;
    }
    findings.push(...compareRerun(stem, record, run.result.audit));
    const pieces = run.result.withheld;
    const visible = run.result.visible;
    for (const t of texts) {
      if (t.text === null) continue;
      const hit = findSelfLeak(stem, pieces, visible, t.text);
      if (hit) findings.push(failure(t.rel, 'leak', `${describeHit(hit, true)} of ${stem} appear here`));
    }
    if (index) {
      index.addDigest(crossDigest(stem, pieces, visible, ''));
      for (const t of texts) if (t.text !== null) releasedRuns.push({ label: t.rel, stem, runs: Float64Array.from(shingleHashes(t.text, SHINGLE_WORDS)) });
    }
  }
  progress.stop();

  // 1. Unrecorded files (and, for the cross-document check, release files of no record).
  for (const f of files.values()) {
    if (claimed.has(f.rel) && f.regular) continue;
    const what = f.regular ? 'not listed in any audit record' : 'not a regular file (a link or device), and not listed in any audit record';
    if (f.rel.startsWith('release/')) findings.push(failure(f.rel, 'unrecorded', what));
    else findings.push({ file: f.rel, check: 'unrecorded', severity: 'warning', message: what });
    if (index && f.regular && f.rel.startsWith('release/') && !recordShas.has(stemOfRelease(f.rel))) {
      const t = await readText(f.rel);
      if (t?.text) releasedRuns.push({ label: t.rel, stem: t.stem, runs: Float64Array.from(shingleHashes(t.text, SHINGLE_WORDS)) });
    }
  }

  // 2. The manifest chain.
  const manifestBytes = files.get(MANIFEST_PATH)?.regular ? await readFile(path.join(abs, MANIFEST_PATH)).catch(() => null) : null;
  findings.push(...verifyManifest(manifestBytes ? Buffer.from(manifestBytes).toString('utf8') : null, recordShas, opts.head));

  // Cross-document: withheld text of any document in any other's release file.
  if (index) {
    for (const a of againstFolders) {
      const rel = path.relative(cwd, a.dir) || '.';
      for (const [stem, w] of await withheldOfFolder(a, originals, config, cwd)) index.add(stem, w.pieces, w.visible, rel);
      for (const t of releasedTexts(a)) if (t.text !== null) releasedRuns.push({ label: `${rel}/${t.rel}`, stem: t.stem, runs: Float64Array.from(shingleHashes(t.text, SHINGLE_WORDS)) });
    }
    for (const t of releasedRuns) {
      for (const hit of index.findRuns(t.runs, t.stem)) findings.push(failure(t.label, 'cross-leak', `${describeHit(hit, false)} appear here`));
    }
  } else if (withOriginals) {
    skipped.add('cross-leak');
    findings.push({ file: '.', check: 'cross-leak', severity: 'warning', message: `cross-document check skipped: ${crossCheckSkipReason(opts.crossCheckLimit)}` });
  } else {
    skipped.add('rerun');
    skipped.add('leak');
    skipped.add('cross-leak');
  }

  const sorted = sortFindings(findings);
  const failures = sorted.filter((f) => f.severity === 'failure');
  const warnings = sorted.filter((f) => f.severity === 'warning');
  const report: AuditReport = {
    ok: failures.length === 0,
    dir,
    documents: recordShas.size,
    checks: (Object.keys(AUDIT_CHECKS) as AuditCheck[]).map((name) => {
      const n = failures.filter((f) => f.check === name).length;
      return { name, description: AUDIT_CHECKS[name], status: skipped.has(name) ? 'skipped' : n > 0 ? 'fail' : 'pass', failures: n };
    }),
    failures,
    warnings,
  };
  if (opts.json) io.stdout(`${JSON.stringify(report)}\n`);
  else io.stdout(formatReport(report));
  return report.ok ? ExitCode.ok : ExitCode.problems;
}

/** The human report: one line per finding, then one line per check, then the verdict. */
export function formatReport(report: AuditReport): string {
  let out = '';
  for (const f of [...report.failures, ...report.warnings]) out += `${formatFinding(f)}\n`;
  if (out) out += '\n';
  for (const c of report.checks) out += `${c.status.padEnd(7)} ${c.name.padEnd(10)} ${c.description}${c.failures ? ` (${c.failures} failure(s))` : ''}\n`;
  out += report.ok
    ? `\n${report.dir}: audit passed: ${report.documents} document(s)${report.warnings.length ? `, ${report.warnings.length} warning(s)` : ''}.\n`
    : `\n${report.dir}: audit FAILED: ${report.failures.length} failure(s) in ${report.documents} document(s).\n`;
  return out;
}
