import type { Command } from 'commander';
import { DeclassError } from '../../errors.js';
import type { CommandContext } from '../context.js';

/** `declass rules list|check`: what profiles exist, and whether a profile file is valid. */
export function registerRules(program: Command, ctx: CommandContext): void {
  const rules = program.command('rules').description('list the bundled release profiles, or check a profile file');
  rules
    .command('list')
    .description('list the bundled release profiles (and, with --conditions, the conditions a rule may use)')
    .option('--conditions', 'also list the condition keys a rule may use in its when: block')
    .action(async (opts: { conditions?: boolean }) => {
      // Loaded when the command runs, not for `--help` or `--version`.
      const [{ bundledProfileNames, resolveProfile }, { CONDITIONS }] = await Promise.all([import('../../node/profiles.js'), import('../../rules/conditions/index.js')]);
      for (const name of await bundledProfileNames()) {
        const p = await resolveProfile(name);
        ctx.io.stdout(`${p.id.padEnd(12)} ${p.description}\n${' '.repeat(13)}audience ${p.audience.id}; ${p.rules.length} portion rules, ${p.spanRules.length} span rules; ${p.source.file}\n`);
      }
      if (opts.conditions) {
        ctx.io.stdout('\nConditions (all listed in a when: block must hold):\n');
        for (const [key, c] of CONDITIONS) ctx.io.stdout(`  ${key.padEnd(20)} ${c.description}\n`);
      }
    });
  rules
    .command('check')
    .description('validate profile files; errors name the file, the line and what was expected')
    .argument('<files...>', 'profile files (YAML or JSON)')
    .addHelpText('after', '\nExit codes: 0 every file is valid; 66 a file cannot be read; 78 a file is\ninvalid (the higher wins).')
    .action(async (files: string[]) => {
      const [{ readProfileFile }, { lintProfile }] = await Promise.all([import('../../node/profiles.js'), import('../../rules/lint.js')]);
      for (const file of files) {
        try {
          const p = await readProfileFile(file);
          const warnings = lintProfile(p);
          ctx.io.stdout(`${file}: ok (profile ${p.id}: ${p.rules.length} portion rules, ${p.spanRules.length} span rules${warnings.length ? `, ${warnings.length} warning(s)` : ''})\n`);
          for (const w of warnings) ctx.io.stderr(`declass: ${file}:${w.line}: ${ctx.colors().err.yellow('warning')}: ${w.message} [${w.code}]\n`);
        } catch (error) {
          if (!(error instanceof DeclassError)) throw error;
          ctx.io.stderr(`declass: ${ctx.colors().err.red(error.message)}\n`);
          ctx.exit(error.exitCode);
        }
      }
    });
}
