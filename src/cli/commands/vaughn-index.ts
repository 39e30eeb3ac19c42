/**
 * `declass index DIR [--case N] [--format csv,json,pdf,xlsx]`: write the Vaughn index of a release
 * folder (one row per withholding, from its audit records and release texts) into
 * `DIR/release/index.<format>`, listed in the manifest. The work is src/batch/vaughn.ts.
 */
import { Option, type Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { INDEX_FORMATS, type IndexFormat } from '../../release/folder.js';
import type { CommandContext } from '../context.js';
import { formatJsonLine } from '../format/json.js';
import { parseCaseOption, parseNameList } from '../options.js';

function parseIndexFormats(value: string): IndexFormat[] {
  const list = parseNameList(value, INDEX_FORMATS, 'format');
  return INDEX_FORMATS.filter((f) => list.includes(f));
}

/** Registers `declass index`. */
export function registerIndex(program: Command, ctx: CommandContext): void {
  program
    .command('index')
    .description('write the Vaughn index of a release folder: one row per withholding, with its location, exemptions in words, rule, justification and segregability')
    .argument('<dir>', 'the --out folder of declass release')
    .option('--case <number>', 'the FOIA case number to name when the release names none (it must match one the release names)', parseCaseOption)
    .addOption(new Option('--format <list>', `formats, comma-separated: ${INDEX_FORMATS.join(',')} (default: csv,json,pdf; the PDF left out above 25,000 rows unless asked for)`).argParser(parseIndexFormats))
    .option('--json', 'print what was written as JSON')
    .action(async (dir: string, opts: { case?: string; format?: IndexFormat[]; json?: boolean }) => {
      ctx.io.writesFiles?.();
      // Loaded when the command runs, not for `--help` (see README "Speed").
      const { writeVaughnIndex } = await import('../../batch/vaughn.js');
      const written = await writeVaughnIndex(dir, { ...(opts.format ? { formats: opts.format } : {}), case: opts.case ?? null });
      const summary = { dir, rows: written.rows, documents: written.documents, files: written.files, notices: written.notices };
      ctx.io.stdout(opts.json ? formatJsonLine(summary) : `${written.files.join(', ')}: Vaughn index of ${summary.rows} withholding(s) in ${summary.documents} document(s)\n${written.notices.map((n) => `note: ${n}\n`).join('')}`);
      ctx.exit(ExitCode.ok);
    });
}
