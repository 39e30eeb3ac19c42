#!/usr/bin/env node
import { TOOL } from '../version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered before the command line is loaded: scripts ask for it, and it should cost no more
  // than starting node. The same line commander prints (test/cli/startup.test.ts compares them).
  process.stdout.write(`${TOOL.version}\n`);
} else {
  const [{ main }, { nodeIo }] = await Promise.all([import('./main.js'), import('./io.js')]);

  // A reader that stops early (`declass parse … | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  process.exitCode = await main(argv, nodeIo());
}
