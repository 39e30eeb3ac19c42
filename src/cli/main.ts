import { Command, CommanderError } from 'commander';
import { DeclassError, ExitCode } from '../errors.js';
import { TOOL } from '../version.js';
import type { CommandContext } from './context.js';
import type { Io } from './io.js';
import { registerCommands } from './commands/index.js';

const EXIT_CODES_HELP = `
Exit codes:
  0   success
  1   problems found (lint errors, failed audit, --fail-on matched, a file that could not be processed)
  2   internal error (a bug; please report it)
  64  usage error (unknown option, invalid date, missing argument)
  66  input not found or unreadable
  73  output folder refused or not writable
  78  invalid release profile or overrides file
  130 interrupted (Ctrl-C): documents in progress were finished, nothing partial was left
`;

/**
 * Runs the declass command line with `argv` (without `node` and the script) and returns the exit
 * code. Never calls process.exit; all output goes through `io`.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const ctx: CommandContext = {
    io,
    exit: (c) => {
      code = Math.max(code, c);
    },
  };
  const program = new Command('declass')
    .description('Read classification markings in cables, decide what an audience may see, write and audit releases.')
    .version(TOOL.version, '-V, --version')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(s.replace(/^error: /, 'declass: ')),
    });
  registerCommands(program, ctx);
  const configure = (command: Command): void => {
    for (const sub of command.commands) {
      sub.exitOverride().configureOutput(program.configureOutput()).showSuggestionAfterError(true);
      configure(sub);
    }
  };
  configure(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

function exitCodeFor(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return ExitCode.ok;
    // commander has already printed its one-line message.
    return ExitCode.usage;
  }
  if (error instanceof DeclassError) {
    io.stderr(`declass: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`declass: internal error: ${message}\n`);
  if (process.env['DECLASS_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return ExitCode.internal;
}

export { parseIsoDateOption } from './options.js';
