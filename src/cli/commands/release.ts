import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DeclassError, ExitCode } from '../../errors.js';
import { FORMATS, releaseDocument, sha256Hex, type Format } from '../../release/index.js';
import type { CommandContext } from '../context.js';
import { expandInputs, readCable } from '../inputs.js';
import { parseIsoDateOption } from '../options.js';
import { checkOutputFolder, safeStem, writeFileAtomic } from '../output.js';
import { readOverrides, resolveProfile } from '../profiles.js';
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
  const stems = new Map<string, string>();
  const totals = { documents: 0, failed: inputs.failed, released: 0, withheld: 0, declassified: 0, redactions: 0 };
  const byAuthority = new Map<string, number>();
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
  const summary = { profile: profile.id, asOf, out: opts.out, ...totals, withheldByAuthority: Object.fromEntries([...byAuthority].sort()) };
  if (opts.json) io.stdout(`${JSON.stringify(summary)}\n`);
  else {
    io.stdout(
      `\n${totals.documents} document(s) released with profile ${profile.id} as of ${asOf} into ${opts.out}: ` +
        `${totals.released} portions released (${totals.declassified} declassified), ${totals.withheld} withheld, ${totals.redactions} spans redacted; ${totals.failed} failed.\n`,
    );
    for (const [authority, n] of [...byAuthority].sort()) io.stdout(`  withheld under ${authority || '(no authority)'}: ${n}\n`);
  }
  return totals.failed > 0 ? ExitCode.problems : ExitCode.ok;
}

/** The input path as recorded in audits: relative to the working folder when inside it, so records do not depend on where the tree lives. */
function recordedPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(cwd, file) : rel.split(path.sep).join('/');
}
