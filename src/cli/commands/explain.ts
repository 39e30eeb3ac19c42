import type { Command } from 'commander';
import { evaluate } from '../../engine/evaluate.js';
import { InputError } from '../../errors.js';
import type { CommandContext } from '../context.js';
import { formatExplainJson, formatExplanation } from '../format/explain.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { readInput } from '../../node/read.js';
import { readOverrides, resolveProfile } from '../../node/profiles.js';
import { safeStem } from '../../release/folder.js';
import { parseIsoDateOption } from '../options.js';
import { today } from './shared.js';

interface ExplainOptions {
  profile: string;
  asOf?: string;
  overrides?: string;
  json?: boolean;
  inputFormat?: InputFormat;
}

/** `declass explain`: every portion with its marking, decision, rule and reason. */
export function registerExplain(program: Command, ctx: CommandContext): void {
  program
    .command('explain')
    .description('show, for one cable, every portion with its marking, decision, rule id and reason')
    .argument('<file>', 'a cable (.txt)')
    .requiredOption('-p, --profile <name|file>', 'release profile: a bundled name or a YAML/JSON file')
    .option('--as-of <YYYY-MM-DD>', 'decide as of this date (default: today)', parseIsoDateOption)
    .option('--overrides <file>', 'reviewer decisions (YAML) that take precedence over the profile')
    .option('--json', 'print JSON Lines, one object per portion')
    .addOption(inputFormatOption())
    .action(async (file: string, opts: ExplainOptions) => {
      const { io } = ctx;
      const profile = await resolveProfile(opts.profile);
      const overrides = opts.overrides ? await readOverrides(opts.overrides) : null;
      const read = await readInput(file, undefined, opts.inputFormat);
      if (!read.ok) throw new InputError(`${file}: ${read.message}`);
      const asOf = opts.asOf ?? today(io);
      const plan = evaluate(read.doc, profile, { asOf, overrides, fallbackRef: safeStem(file) });
      io.stdout(opts.json ? formatExplainJson(file, read.doc, plan) : formatExplanation(file, read.doc, plan, profile, asOf));
    });
}
