import type { Command } from 'commander';
import { evaluate } from '../../engine/evaluate.js';
import { InputError } from '../../errors.js';
import { LineIndex } from '../../source/line-index.js';
import type { CommandContext } from '../context.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { readCable } from '../inputs.js';
import { parseIsoDateOption } from '../options.js';
import { safeStem } from '../output.js';
import { readOverrides, resolveProfile } from '../profiles.js';
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
      const read = await readCable(file, undefined, opts.inputFormat);
      if (!read.ok) throw new InputError(`${file}: ${read.message}`);
      const asOf = opts.asOf ?? today(io);
      const plan = evaluate(read.doc, profile, { asOf, overrides, fallbackRef: safeStem(file) });
      const index = new LineIndex(read.doc.source);
      if (opts.json) {
        for (const d of plan.decisions) {
          const { line, column } = index.pointAt(d.span.start);
          io.stdout(`${JSON.stringify({ file, ref: read.doc.ref, ...d, line, column })}\n`);
        }
        return;
      }
      const d = plan.declassification;
      io.stdout(`${file}  ref ${read.doc.ref ?? '?'}  originated ${read.doc.originated ?? '?'}  banner ${read.doc.banner?.raw ?? '(none)'}\n`);
      io.stdout(`DECL ${d.decl.raw ?? `(${d.decl.notes?.[0] ?? 'no E.O. line'})`}: ${d.status} as of ${asOf}. ${d.reason}\n`);
      io.stdout(`Profile ${profile.id}: banner ${plan.releaseBanner}; ${plan.stamp}\n\n`);
      for (const dec of plan.decisions) {
        const { line, column } = index.pointAt(dec.span.start);
        const verdict = dec.action === 'withhold' ? `WITHHELD ${dec.authority.join(', ')}` : dec.declassified ? 'RELEASED (declassified)' : 'RELEASED';
        io.stdout(`${`${line}:${column}`.padEnd(8)} ${dec.portionId.padEnd(10)} ${(dec.mark ?? `(${dec.markingSource})`).padEnd(14)} ${verdict}  [${dec.ruleId}]\n`);
        io.stdout(`${' '.repeat(9)}${dec.reason}\n`);
      }
      for (const r of plan.redactions) {
        const { line, column } = index.pointAt(r.span.start);
        io.stdout(`${`${line}:${column}`.padEnd(8)} ${r.portionId.padEnd(10)} span of ${r.span.end - r.span.start} chars REDACTED ${r.authority.join(', ')}  [${r.ruleId}]\n`);
      }
      for (const diag of plan.diagnostics) io.stdout(`${diag.severity}: ${diag.message} (${diag.code})\n`);
    });
}
