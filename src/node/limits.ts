/**
 * Limits of the disk access, as constants of their own: the command line shows them as option
 * defaults without loading the readers.
 */

/**
 * Largest input read by default: 10 MiB. The longest cable of the corpus is well under 1 MB; a
 * file far larger is not a cable, and parsing, rendering and the leak check all hold a document
 * (and several copies of it) in memory, so a limit is what keeps memory bounded.
 */
export const DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024;
