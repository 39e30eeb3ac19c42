import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerExplain } from './explain.js';
import { registerRelease } from './release.js';
import { registerRules } from './rules.js';

/** Adds every subcommand to the program. One module per command. */
export function registerCommands(program: Command, ctx: CommandContext): void {
  registerRelease(program, ctx);
  registerExplain(program, ctx);
  registerRules(program, ctx);
}
