/**
 * Output names that never repeat withheld words. A file name is part of what is handed out: a
 * memo saved as `zulu-operation.md` whose `(S)` paragraph names the zulu operation would give it
 * away in `release/zulu-operation.md.txt` and in the Vaughn index. (SIDtoday PDFs are named after
 * their article's title.) The test itself is src/leak/name-check.ts, which audit shares.
 */
import { repeatsWithheld } from '../leak/name-check.js';
import type { Diagnostic } from '../types.js';
import { renamedStem } from './folder.js';
import type { PlannedRelease } from './index.js';

/**
 * The output stem: `stem`, unless one of its words is a withheld word that the release does not
 * show anyway (the words of marks aside: `NOTE-UNCLASSIFIED-FOUO.md` gives nothing away), or it
 * holds a run of withheld words the release does not show as a run (as the leak checks count:
 * 8 words, or a shorter withheld piece whole); then `<prefix>-<first 12 hex of the input's sha256>`, with a warning.
 */
export function safeOutputStem(
  stem: string,
  planned: Pick<PlannedRelease, 'withheld' | 'visible'>,
  sha256: string,
  prefix: 'pdf' | 'doc',
): { stem: string; diagnostic?: Diagnostic } {
  if (!repeatsWithheld(stem, planned)) return { stem };
  const safe = renamedStem(sha256, prefix);
  return { stem: safe, diagnostic: renamedDiagnostic(safe) };
}

/**
 * The warning of an input renamed to {@link renamedStem} `stem` (its name repeats withheld words).
 * A re-run (./rerun.ts) gives it again for a recorded stem of that form, as the batch did.
 */
export function renamedDiagnostic(stem: string): Diagnostic {
  return { severity: 'warning', code: 'output-renamed', message: `the input's file name repeats withheld words: its outputs are named ${stem}` };
}
