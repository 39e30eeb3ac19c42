import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerAudit } from './audit.js';
import { registerCheck } from './check.js';
import { registerExplain } from './explain.js';
import { registerLint } from './lint.js';
import { registerParse } from './parse.js';
import { registerRelease } from './release.js';
import { registerRules } from './rules.js';
import { registerIndex } from './vaughn-index.js';

/** Adds every subcommand to the program. One module per command. */
export function registerCommands(program: Command, ctx: CommandContext): void {
  registerParse(program, ctx);
  registerLint(program, ctx);
  registerCheck(program, ctx);
  registerRelease(program, ctx);
  registerExplain(program, ctx);
  registerRules(program, ctx);
  registerAudit(program, ctx);
  registerIndex(program, ctx);
}
