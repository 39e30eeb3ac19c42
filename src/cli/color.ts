/**
 * Colour on the terminal (picocolors): on when the stream is a terminal, off when it is not, when
 * `NO_COLOR` is set (https://no-color.org) or `--no-color` is given; `FORCE_COLOR` turns it on
 * where there is no terminal (CI logs). The decision is made once per stream and handed to the
 * formatters as a {@link Colors} object, so they stay pure functions of their input.
 */
import pc from 'picocolors';

/** picocolors' formatter functions (`red`, `green`, `bold`, …); identity functions when colour is off. */
export type Colors = ReturnType<typeof pc.createColors>;

/** Formatters that add nothing: for files, pipes and tests. */
export const NO_COLORS: Colors = pc.createColors(false);

/** Formatters that add ANSI colour codes. */
export const COLORS: Colors = pc.createColors(true);

/**
 * Whether to colour a stream: never with `NO_COLOR` (non-empty) or `--no-color`; always with
 * `FORCE_COLOR` (other than `0`); otherwise only on a terminal that is not `TERM=dumb`.
 */
export function wantsColor(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR']) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return Boolean(stream.isTTY) && env['TERM'] !== 'dumb';
}

/** The formatters for a stream that does (or does not) want colour. */
export function colorsFor(enabled: boolean): Colors {
  return enabled ? COLORS : NO_COLORS;
}
