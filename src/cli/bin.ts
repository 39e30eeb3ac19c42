#!/usr/bin/env node
import { TOOL } from '../version.js';

/** The module the build writes with the top-level help as commander prints it (scripts/write-help.mjs); absent when the sources run. */
const BUILT_HELP: string = './help.js';

/** The bundle of the command line the build writes (scripts/bundle.mjs); absent when the sources run. */
const BUNDLE: string = './bundle/entry.js';

/** The top-level help written at build time, or null when there is none. */
async function builtHelp(): Promise<string | null> {
  try {
    return ((await import(BUILT_HELP)) as { HELP: string }).HELP;
  } catch {
    return null;
  }
}

const argv = process.argv.slice(2);
const help = argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h') ? await builtHelp() : null;
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered before the command line is loaded: scripts ask for it, and it should cost no more
  // than starting node. The same line commander prints (test/cli/startup.test.ts compares them).
  process.stdout.write(`${TOOL.version}\n`);
} else if (help !== null) {
  // Likewise the top-level help (42 modules otherwise: 0.24 s against node's own 0.12 s).
  process.stdout.write(help);
} else {
  // The command line bundled into a few files (scripts/bundle.mjs), or its modules as they are
  // when there is no bundle (only then: a bundle that fails to load is an error, not a fallback).
  const loaded = (await import(BUNDLE)
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ERR_MODULE_NOT_FOUND' && /^Cannot find module '[^']*[\\/]bundle[\\/]entry\.js'/.test(String(error.message))) return import('./entry.js');
      throw error;
    })
    .catch((error: Error) => {
      // A file of the installation is missing or unreadable: one line, as every other error (exit 2, as an internal error).
      process.stderr.write(`declass: internal error: cannot load the command line (${error.message.split('\n')[0]}); reinstall declass, or run npm run build\n`);
      process.exitCode = 2;
      return null;
    })) as typeof import('./entry.js') | null;

  if (loaded) {
    // A reader that stops early (`declass parse … | head`) is not an error; a command that writes
    // files finishes them (see processStreams in ./io.ts).
    process.exitCode = await loaded.main(argv, loaded.nodeIo());
  }
}
