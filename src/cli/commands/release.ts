import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DeclassError, ExitCode } from '../../errors.js';
import { describeHit, withheldPieces, WithheldIndex, type WithheldPiece } from '../../audit/cross.js';
import { buildManifest, MANIFEST_PATH, serializeManifest } from '../../audit/manifest.js';
import { FORMATS, releaseDocument, sha256Hex, visibleText, type Format } from '../../release/index.js';
import type { Profile } from '../../rules/load.js';
import type { OverrideSet } from '../../rules/overrides.js';
import type { CommandContext } from '../context.js';
import { expandInputs, readCable } from '../inputs.js';
import { parseIsoDateOption } from '../options.js';
import { checkOutputFolder, safeStem, writeFileAtomic } from '../output.js';
import { readOverrides, resolveProfile } from '../profiles.js';
import { readReleaseFolder, RecordedConfig, withheldOfFolder, type ReleaseFolder } from './audit.js';
import { today } from './shared.js';

function parseFormats(value: string): Format[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new InvalidArgumentError(`unknown format "${f}"; expected some of ${FORMATS.join(', ')}`);
  }
  if (list.length === 0) throw new InvalidArgumentError(`expected some of ${FORMATS.join(', ')}`);
  return list as Format[];
}

interface ReleaseOptions {
  profile: string;
  out: string;
  asOf?: string;
  formats: Format[];
  overrides?: string;
  pageSize: 'letter' | 'a4';
  json?: boolean;
  quiet?: boolean;
  against?: string[];
}

/** `declass release`: decide, render and write releases for a batch of cables. */
export function registerRelease(program: Command, ctx: CommandContext): void {
  program
    .command('release')
    .description('write the releasable version of each cable for a profile: release/ (may be handed out) and review/ (never)')
    .argument('<paths...>', 'cable files (.txt) or folders to walk')
    .requiredOption('-p, --profile <name|file>', 'release profile: a bundled name (public, nato, us-secret, public-pii) or a YAML/JSON file')
    .requiredOption('-o, --out <dir>', 'output folder (gets release/ and review/)')
    .option('--as-of <YYYY-MM-DD>', 'decide as of this date (default: today)', parseIsoDateOption)
    .addOption(new Option('--formats <list>', `outputs to write, comma-separated: ${FORMATS.join(',')}`).argParser(parseFormats).default([...FORMATS], FORMATS.join(',')))
    .option('--overrides <file>', "reviewer decisions (YAML) that take precedence over the profile")
    .addOption(new Option('--page-size <size>', 'PDF page size').choices(['letter', 'a4']).default('letter'))
    .option('--against <dir>', 'an earlier release folder to compare with for cross-document leaks (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'print only errors and the summary')
    .action(async (paths: string[], opts: ReleaseOptions) => {
      ctx.exit(await runRelease(paths, opts, ctx));
    });
}

async function runRelease(paths: string[], opts: ReleaseOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const asOf = opts.asOf ?? today(io);
  const profile = await resolveProfile(opts.profile);
  const overrides = opts.overrides ? await readOverrides(opts.overrides) : null;
  const inputs = await expandInputs(paths, io.stderr);
  if (inputs.exitCode !== undefined) return inputs.exitCode;
  const { files } = inputs;
  await checkOutputFolder(opts.out, paths);

  const formats = new Set(opts.formats);
  // Read --against folders first: a wrong path should stop the run before anything is written.
  const againstFolders: { given: string; folder: ReleaseFolder }[] = [];
  for (const a of opts.against ?? []) againstFolders.push({ given: a, folder: await readReleaseFolder(path.resolve(io.cwd(), a)) });
  const releasedName = (stem: string) => (formats.has('text') ? `release/${stem}.txt` : formats.has('pdf') ? `release/${stem}.pdf` : `${stem} (release text)`);
  const stems = new Map<string, string>();
  const totals = { documents: 0, failed: inputs.failed, released: 0, withheld: 0, declassified: 0, redactions: 0 };
  const byAuthority = new Map<string, number>();
  /** What this batch withheld and released, for the cross-document check (in memory only). */
  const batch: { stem: string; file: string; pieces: WithheldPiece[]; visible: string; released: string }[] = [];
  for (const file of files) {
    const stem = safeStem(file);
    const clash = stems.get(stem);
    if (clash !== undefined) {
      io.stderr(`declass: ${file}: output name ${stem} is already taken by ${clash}; skipped\n`);
      totals.failed++;
      continue;
    }
    stems.set(stem, file);
    const read = await readCable(file);
    if (!read.ok) {
      io.stderr(`declass: ${file}: ${read.message}\n`);
      totals.failed++;
      continue;
    }
    const written: string[] = [];
    try {
      const result = await releaseDocument({
        doc: read.doc,
        profile,
        asOf,
        overrides,
        stem,
        input: { path: recordedPath(file, io.cwd()), sha256: sha256Hex(read.bytes) },
        formats,
        pageSize: opts.pageSize,
        inputDiagnostics: read.decodeDiagnostics,
      });
      for (const out of result.files) {
        const target = path.join(opts.out, out.path);
        await writeFileAtomic(target, out.bytes);
        written.push(target);
      }
      batch.push({ stem, file: releasedName(stem), pieces: withheldPieces(result.plan), visible: visibleText(result.plan), released: result.releaseText });
      const { decisions, redactions } = result.plan;
      const released = decisions.filter((d) => d.action === 'release').length;
      const withheld = decisions.length - released;
      totals.documents++;
      totals.released += released;
      totals.withheld += withheld;
      totals.declassified += decisions.filter((d) => d.declassified).length;
      totals.redactions += redactions.length;
      for (const d of decisions) if (d.action === 'withhold') byAuthority.set(d.authority.join(', '), (byAuthority.get(d.authority.join(', ')) ?? 0) + 1);
      if (!opts.quiet && !opts.json) {
        io.stdout(`${stem}: ${released} released, ${withheld} withheld${redactions.length ? `, ${redactions.length} spans redacted` : ''} — ${result.plan.stamp}\n`);
      }
    } catch (error) {
      // Never leave half a document's outputs behind.
      await Promise.all(written.map((f) => rm(f, { force: true })));
      totals.failed++;
      const message = error instanceof DeclassError ? error.message : `internal error: ${(error as Error).message}`;
      io.stderr(`declass: ${file}: ${message}\n`);
    }
  }
  const manifest = await writeManifest(opts.out, profile, asOf, overrides);
  const crossLeaks = await findCrossLeaks(batch, againstFolders, io.cwd());
  const summary = {
    profile: profile.id,
    asOf,
    out: opts.out,
    ...totals,
    withheldByAuthority: Object.fromEntries([...byAuthority].sort()),
    manifest: { path: MANIFEST_PATH, records: manifest.records, head: manifest.head },
    crossDocumentLeaks: crossLeaks,
  };
  if (opts.json) io.stdout(`${JSON.stringify(summary)}\n`);
  else {
    io.stdout(
      `\n${totals.documents} document(s) released with profile ${profile.id} as of ${asOf} into ${opts.out}: ` +
        `${totals.released} portions released (${totals.declassified} declassified), ${totals.withheld} withheld, ${totals.redactions} spans redacted; ${totals.failed} failed.\n`,
    );
    for (const [authority, n] of [...byAuthority].sort()) io.stdout(`  withheld under ${authority || '(no authority)'}: ${n}\n`);
    io.stdout(`  ${MANIFEST_PATH}: ${manifest.records} record(s), head ${manifest.head}\n`);
    for (const c of crossLeaks) io.stdout(`warning: ${c.file}: cross-leak: ${c.message}\n`);
  }
  return totals.failed > 0 ? ExitCode.problems : ExitCode.ok;
}

/**
 * Writes `review/manifest.json` over every audit record in `DIR/review` after the run (records of
 * earlier runs into the same folder included: the manifest describes the folder, and each record
 * its own profile and date). Returns the number of records and the head of the chain.
 */
async function writeManifest(out: string, profile: Profile, asOf: string, overrides: OverrideSet | null): Promise<{ records: number; head: string }> {
  const reviewDir = path.join(out, 'review');
  const names = (await readdir(reviewDir).catch(() => [] as string[])).filter((n) => n.endsWith('.audit.json') && !n.startsWith('.'));
  const records: { stem: string; sha256: string }[] = [];
  for (const name of names) records.push({ stem: name.slice(0, -'.audit.json'.length), sha256: sha256Hex(await readFile(path.join(reviewDir, name))) });
  const manifest = buildManifest(records, {
    profile: { id: profile.id, file: profile.source.file, sha256: profile.source.sha256 },
    asOf,
    overrides: overrides ? { file: overrides.file, sha256: overrides.sha256 } : null,
  });
  await writeFileAtomic(path.join(out, MANIFEST_PATH), new TextEncoder().encode(serializeManifest(manifest)));
  return { records: manifest.entries.length, head: manifest.head };
}

/**
 * Text withheld in one document of the batch (or of an `--against` folder whose originals are at
 * their recorded paths) and released in another of the batch (or in an `--against` folder's
 * release files). Reported as warnings: the exit code is unchanged; `declass audit` fails on them.
 */
async function findCrossLeaks(
  batch: readonly { stem: string; file: string; pieces: WithheldPiece[]; visible: string; released: string }[],
  against: readonly { given: string; folder: ReleaseFolder }[],
  cwd: string,
): Promise<{ file: string; from: string; portions: readonly string[]; runs: number; message: string }[]> {
  const index = new WithheldIndex();
  for (const d of batch) index.add(d.stem, d.pieces, d.visible);
  const targets: { file: string; stem: string; text: string }[] = batch.map((d) => ({ file: d.file, stem: d.stem, text: d.released }));
  const config = new RecordedConfig(cwd);
  for (const { given: a, folder } of against) {
    for (const [stem, w] of await withheldOfFolder(folder, new Map(), config, cwd)) index.add(stem, w.pieces, w.visible, a);
    for (const f of folder.files.values()) {
      if (!f.rel.startsWith('release/') || !f.rel.endsWith('.txt') || !f.bytes) continue;
      targets.push({ file: path.join(a, f.rel), stem: path.posix.basename(f.rel, '.txt'), text: Buffer.from(f.bytes).toString('utf8') });
    }
  }
  const out = [];
  for (const t of targets) {
    for (const hit of index.find(t.text, t.stem)) out.push({ file: t.file, from: hit.from, portions: hit.portions, runs: hit.runs, message: `${describeHit(hit, false)} appear here` });
  }
  return out;
}

/** The input path as recorded in audits: relative to the working folder when inside it, so records do not depend on where the tree lives. */
function recordedPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(cwd, file) : rel.split(path.sep).join('/');
}
