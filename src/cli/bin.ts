#!/usr/bin/env node
import { main } from './main.js';
import { nodeIo } from './io.js';

// A reader that stops early (`declass parse … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), nodeIo());
