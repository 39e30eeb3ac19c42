/** JSON Lines: one object per line, as `--json` prints records (streamed one at a time). */

/** One value as a line of JSON Lines (with its newline). */
export function formatJsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** Values as JSON Lines. */
export function formatJsonLines(values: readonly unknown[]): string {
  return values.map(formatJsonLine).join('');
}
