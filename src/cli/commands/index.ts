import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

/** Adds every subcommand to the program. One module per command. */
export function registerCommands(program: Command, ctx: CommandContext): void {
  void program;
  void ctx;
}
