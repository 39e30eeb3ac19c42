/**
 * `declass audit DIR [--originals PATH...] [--against DIR] [--json]`: verify with one command
 * what a release folder holds, why, and that nothing withheld got out. The audit itself is
 * `auditFolder` in src/audit/; this module parses the options and prints the report.
 */
import { Option, type Command } from 'commander';
import { AUDIT_CHECKS } from '../../audit/findings.js';
import { DEFAULT_CROSS_CHECK_LIMIT } from '../../audit/cross.js';
import { ExitCode } from '../../errors.js';
import type { CommandContext } from '../context.js';
import { formatJsonLine } from '../format/json.js';
import { parseSha256Option, positiveInteger, repeatableOption } from '../options.js';
import type { Progress } from '../progress.js';
import { noIgnoreOption } from '../inputs.js';

interface AuditCommandOptions {
  originals?: string[];
  against?: string[];
  profile?: string;
  overrides?: string;
  head?: string;
  json?: boolean;
  quiet?: boolean;
  crossCheckLimit: number;
  requireOriginals?: boolean;
  ignore: boolean;
}

/** Registers `declass audit`. */
export function registerAudit(program: Command, ctx: CommandContext): void {
  program
    .command('audit')
    .description('verify a release folder: hashes, the manifest chain, and (with the originals) re-run decisions and leaks within and across documents')
    .argument('<dir>', 'the --out folder of declass release (holds release/ and review/)')
    .option('--originals <paths...>', 'the original cables (files or folders), matched to records by sha256: enables the re-run and leak checks')
    .addOption(repeatableOption('--against <dir>', 'an earlier release folder: its release files are searched for text withheld here, and (when its originals are found) the reverse; repeatable').argParser(collect))
    .option('--profile <file>', 'profile file to re-run with when the recorded one is not at its recorded path (its sha256 must match the record)')
    .option('--overrides <file>', 'overrides file to re-run with when the recorded one is not at its recorded path (its sha256 must match)')
    .option('--head <sha256>', 'the manifest head recorded when the folder was released (release prints it; 64 hexadecimal digits): the chain must end there', parseSha256Option)
    .option('--require-originals', 'fail the audit when a check cannot run (no --originals, or more documents than --cross-check-limit): for CI that must not pass on a partial audit')
    .addOption(noIgnoreOption())
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
${fill(`Checks: ${Object.keys(AUDIT_CHECKS).join(', ')}.`)}
Each problem is one line: FILE: check: what was found.
Without --originals, rerun, leak and cross-leak are skipped and the verdict says
so ("passed (3 checks skipped: …)"); --require-originals makes a skipped check a
failure.
Exit codes: 0 clean; 1 a check failed; 64 a usage error; 66 DIR is not a release
folder.`,
    )
    .action(async (dir: string, opts: AuditCommandOptions) => {
      ctx.exit(await runAudit(dir, opts, ctx));
    });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

async function runAudit(dir: string, opts: AuditCommandOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  // Loaded when an audit runs, not for `--help` or `--version`.
  const [{ auditFolder }, { rerunRelease }, { formatAuditReport }, { createProgress }] = await Promise.all([
    import('../../audit/index.js'),
    import('../../release/rerun.js'),
    import('../format/audit-report.js'),
    import('../progress.js'),
  ]);
  // Created once the number of documents is known.
  const bar: { progress: Progress | null } = { progress: null };
  try {
    const report = await auditFolder(
      dir,
      {
        cwd: io.cwd(),
        ...(opts.originals ? { originals: opts.originals } : {}),
        ...(opts.against ? { against: opts.against } : {}),
        ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
        ...(opts.overrides !== undefined ? { overrides: opts.overrides } : {}),
        ...(opts.head !== undefined ? { head: opts.head } : {}),
        crossCheckLimit: opts.crossCheckLimit,
        rerun: rerunRelease,
        ...(opts.requireOriginals ? { requireComplete: true } : {}),
        ...(opts.ignore ? {} : { ignore: false }),
      },
      {
        onStart: (documents) => (bar.progress = createProgress(io, documents, 'audit', !opts.json && !opts.quiet)),
        onProgress: (done) => bar.progress?.update(done),
      },
    );
    bar.progress?.stop();
    bar.progress = null;
    io.stdout(opts.json ? formatJsonLine(report) : formatAuditReport(report, ctx.colors().out));
    return report.ok ? ExitCode.ok : ExitCode.problems;
  } finally {
    bar.progress?.stop();
  }
}

/** `text` broken between words into lines of at most 80 columns, the help's width. */
function fill(text: string): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= 80) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}
