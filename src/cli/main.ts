import { Command, CommanderError } from 'commander';
import { colorsFor, NO_COLORS, type Colors } from './color.js';
import { DeclassError, ExitCode } from '../errors.js';
import { TOOL } from '../version.js';
import type { CommandContext } from './context.js';
import type { Io } from './io.js';
import { registerCommands } from './commands/index.js';
import { checkRequiredOptions, refuseRepeatedOptions } from './options.js';
import { oneLine } from './format/one-line.js';

const EXIT_CODES_HELP = `
Exit codes:
  0   success
  1   problems found (lint errors, failed audit, --fail-on matched, a file that
      could not be processed)
  2   internal error (a bug; please report it)
  64  usage error (unknown option, invalid date, missing argument; bare
      "declass")
  66  input not found or unreadable (also a profile or overrides file)
  73  output folder refused (inside an input folder, or holding a release made
      with other settings: use a new --out, or --replace) or not writable
  78  invalid release profile or overrides file, or an override that matches
      nothing
  130 interrupted (Ctrl-C): documents in progress were finished, nothing
      partial was left
`;

/** Columns the help is wrapped to. */
const HELP_WIDTH = 80;

/**
 * Runs the declass command line with `argv` (without `node` and the script) and returns the exit
 * code. Never calls process.exit; all output goes through `io`.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  // `--no-color` is read from argv as well, for errors commander reports before it has parsed options.
  const colorFlag = (): boolean => program.opts()['color'] !== false && !argv.includes('--no-color');
  const colors = (): { out: Colors; err: Colors } => ({
    out: colorsFor(Boolean(io.color?.stdout) && colorFlag()),
    err: colorsFor(Boolean(io.color?.stderr) && colorFlag()),
  });
  const ctx: CommandContext = {
    io,
    exit: (c) => {
      code = Math.max(code, c);
    },
    colors,
  };
  const program: Command = new Command('declass')
    .description('Read classification markings in cables, memos and PDFs, decide what an audience may see, write and audit releases.')
    .version(TOOL.version, '-V, --version')
    .option('--no-color', 'no colour on the terminal (also NO_COLOR=1)')
    .showSuggestionAfterError(true)
    // A fixed width: the help reads the same on every terminal, so bin.ts can print the top-level
    // help written at build time (scripts/write-help.mjs) without loading the command line.
    .configureHelp({ showGlobalOptions: true, helpWidth: HELP_WIDTH })
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // One line, as every other error: commander puts its suggestion on a line of its own.
      outputError: (s, write) => write(colorError(s.replace(/^error: /, 'declass: ').replace(/\n\(Did you mean (.*?)\?\)/, ' (did you mean $1?)'), colors().err)),
    })
    // Required options are checked once commander has reported unknown options (see options.ts).
    .hook('preAction', (_program, command) => checkRequiredOptions(command));
  registerCommands(program, ctx);
  const configure = (command: Command): void => {
    for (const sub of command.commands) {
      sub.exitOverride().configureOutput(program.configureOutput()).showSuggestionAfterError(true);
      refuseRepeatedOptions(sub);
      configure(sub);
    }
  };
  configure(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return exitCodeFor(error, io, colors().err);
  }
}

/** `declass: message` with the message in red (the prefix stays plain, so it can be searched for). */
function colorError(line: string, c: Colors): string {
  if (c === NO_COLORS) return line;
  const m = /^(declass: )([^]*?)(\n?)$/.exec(line);
  return m ? `${m[1]}${c.red(m[2]!)}${m[3]}` : line;
}

function exitCodeFor(error: unknown, io: Io, c: Colors): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    // `declass help` shows help as asked (exit 0); bare `declass` (or `declass rules`) shows it
    // because a command is missing: a usage error, as git does.
    if (error.code === 'commander.help') return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    // commander has already printed its one-line message.
    return ExitCode.usage;
  }
  if (error instanceof DeclassError) {
    io.stderr(colorError(`declass: ${oneLine(error.message)}\n`, c));
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(colorError(`declass: internal error: ${message}\n`, c));
  if (process.env['DECLASS_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return ExitCode.internal;
}

export { parseIsoDateOption } from './options.js';
