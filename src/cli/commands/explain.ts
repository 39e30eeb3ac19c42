import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import type { CommandContext } from '../context.js';
import type { OverrideSet } from '../../rules/overrides.js';
import type { Document } from '../../types.js';
import type { Profile } from '../../rules/compile.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { readCliInput } from '../inputs.js';
import { documentNames, safeStem } from '../../release/folder.js';
import { sha256Hex } from '../../hash.js';
import { parseIsoDateOption, requiredOption } from '../options.js';
import { asOfDate, loadProfileOption } from './shared.js';

interface ExplainOptions {
  profile: string;
  asOf?: string;
  overrides?: string;
  json?: boolean;
  inputFormat?: InputFormat;
}

/**
 * An override whose authority is neither a FOIA exemption nor a label of the profile, or that
 * names a portion this document does not have, is an error (exit 78), as in `release` (explain
 * showed such an authority as the decision's, where release refuses it); overrides for other documents are normal in a file that covers a collection, and
 * are counted in one note.
 */
async function checkOverrides(overrides: OverrideSet, profile: Profile, doc: Document, input: { names: readonly string[]; sha256: string; label: string }, stderr: (text: string) => void): Promise<void> {
  const { OverrideMatcher, unknownAuthorityError, unmatchedOverridesError } = await import('../../rules/overrides.js');
  const unknown = unknownAuthorityError(overrides, profile);
  if (unknown) throw unknown;
  const matcher = new OverrideMatcher(overrides);
  matcher.see({ ref: doc.ref, names: input.names, portions: doc.portions.map((p) => ({ id: p.id, mark: p.mark?.raw ?? null })), sha256: input.sha256, label: input.label });
  const unmatched = matcher.unmatched();
  const error = unmatchedOverridesError(overrides.file, unmatched.filter((u) => u.missing !== 'document'));
  if (error) throw error;
  const others = unmatched.length;
  if (others > 0) stderr(`declass: note: ${others} of the ${overrides.overrides.length} override(s) in ${overrides.file} are for other documents; not used here\n`);
}

/** `declass explain`: every portion with its marking, decision, rule and reason. */
export function registerExplain(program: Command, ctx: CommandContext): void {
  program
    .command('explain')
    .description('show, for one cable, document or PDF, every portion with its marking, decision, rule id and reason')
    .argument('<file>', 'a cable, document or PDF (.txt, .md, .pdf), or - for standard input')
    .addOption(requiredOption('-p, --profile <name|file>', 'release profile: a bundled name or a YAML/JSON file'))
    .option('--as-of <YYYY-MM-DD>', 'decide as of this date (default: today, the UTC date)', parseIsoDateOption)
    .option('--overrides <file>', 'reviewer decisions (YAML) that take precedence over the profile')
    .option('--json', 'print JSON Lines, one object per portion, each with the document\'s declassification assessment')
    .addOption(inputFormatOption())
    .action(async (file: string, opts: ExplainOptions) => {
      const { io } = ctx;
      // Loaded when explain runs, not for `--help` or `--version`.
      const [{ evaluate }, { formatExplainJson, formatExplanation }, { readOverrides }] = await Promise.all([
        import('../../engine/evaluate.js'),
        import('../format/explain.js'),
        import('../../node/profiles.js'),
      ]);
      const profile = await loadProfileOption(ctx, opts.profile);
      const overrides = opts.overrides ? await readOverrides(opts.overrides) : null;
      const read = await readCliInput(file, io, undefined, opts.inputFormat);
      if (!read.ok) throw new InputError(`${file}: ${read.message}`);
      const asOf = asOfDate(io, opts.asOf);
      const inputSha256 = sha256Hex(read.bytes);
      // Every name the release accepts for it: the file's, and its outputs' (renamed or not).
      const names = documentNames(file, [safeStem(file)], inputSha256);
      if (overrides) await checkOverrides(overrides, profile, read.doc, { names, sha256: inputSha256, label: file }, io.stderr);
      const plan = evaluate(read.doc, profile, { asOf, overrides, fallbackRef: names, inputSha256 });
      io.stdout(opts.json ? formatExplainJson(file, read.doc, plan) : formatExplanation(file, read.doc, plan, profile, asOf));
    });
}
