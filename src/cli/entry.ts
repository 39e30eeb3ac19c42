/**
 * What the command line runs, in one module: the entry scripts/bundle.mjs bundles (with the rest
 * of declass and its small dependencies) into dist/cli/bundle/, so that a command loads a few
 * files instead of some 220 (resolving, reading and compiling each was about 0.3 s of
 * `release samples`). bin.ts falls back to this module itself when there is no bundle (the
 * sources under test).
 */
export { main } from './main.js';
export { nodeIo } from './io.js';
