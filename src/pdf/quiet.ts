/** pdf-lib's console warnings, held back while it parses a file. */

/**
 * Runs `parse` (a pdf-lib parse) with console.warn held back. pdf-lib's parser writes what it
 * makes of a damaged file there (`Trying to parse invalid object: …`, `Invalid object ref: 1 0
 * R`): on standard error those lines broke the one-line error a bad input gets, and on a file it
 * recovers from they are noise beside the release's own report. Nothing of declass writes to the
 * console itself (the command line writes through its io), so what is held back is pdf-lib's.
 */
export async function withoutConsoleWarnings<T>(parse: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return await parse();
  } finally {
    console.warn = warn;
  }
}
