/**
 * The header pass lives in ./header/ (one module per phase); this module keeps the path that
 * ./body.ts imports its line roles from.
 */
export * from './header/index.js';
