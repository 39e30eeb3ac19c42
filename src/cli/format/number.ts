/**
 * Numbers as the help and summaries print them. Not `toLocaleString`: its first call loads the
 * ICU locale data, 25-33 ms of every command's start here, since the help texts are built when
 * the commands are registered.
 */

/** `1,000`: a non-negative integer with its thousands grouped by commas (as `toLocaleString('en-US')`). */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
