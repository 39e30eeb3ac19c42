/**
 * Output names that never repeat withheld words. A file name is part of what is handed out: a
 * memo saved as `zulu-operation.md` whose `(S)` paragraph names the zulu operation would give it
 * away in `release/zulu-operation.md.txt` and in the Vaughn index. (SIDtoday PDFs are named after
 * their article's title.)
 */
import { MARKING_TOKENS } from '../markings/index.js';
import type { Diagnostic } from '../types.js';
import type { PlannedRelease } from './index.js';

/** The words of a name or text that could give something away: three letters or more, with a letter. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && /\p{L}/u.test(w));
}

/**
 * True when a word of `stem` occurs as a word in `text` (any case): only then can the name repeat
 * withheld text, and only then is the release planned for its name. A cable's stem
 * (`08BERLIN173`) never occurs in its text, so a batch of cables is not planned twice.
 */
export function stemWordsIn(stem: string, text: string): boolean {
  return words(stem).some((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').test(text));
}

/**
 * The output stem: `stem`, unless one of its words is a withheld word that the release does not
 * show anyway (the words of marks aside: `NOTE-UNCLASSIFIED-FOUO.md` gives nothing away); then `<prefix>-<first 12 hex of the input's sha256>`, with a warning.
 */
export function safeOutputStem(
  stem: string,
  planned: Pick<PlannedRelease, 'withheld' | 'visible'>,
  sha256: string,
  prefix: 'pdf' | 'doc',
): { stem: string; diagnostic?: Diagnostic } {
  const shown = new Set(words(planned.visible));
  const withheld = new Set(planned.withheld.flatMap((p) => words(p.text)).filter((w) => !shown.has(w)));
  if (!words(stem).some((w) => withheld.has(w) && !MARKING_TOKENS.has(w))) return { stem };
  const safe = renamedStem(sha256, prefix);
  return {
    stem: safe,
    diagnostic: { severity: 'warning', code: 'output-renamed', message: `the input's file name repeats withheld words: its outputs are named ${safe}` },
  };
}

/** The neutral stem of an input whose name repeats withheld words: `<prefix>-<first 12 hex of its sha256>`. */
export function renamedStem(sha256: string, prefix: 'pdf' | 'doc'): string {
  return `${prefix}-${sha256.slice(0, 12)}`;
}

/** True for a stem {@link renamedStem} made. */
export function isRenamedStem(stem: string): boolean {
  return /^(?:doc|pdf)-[0-9a-f]{12}$/.test(stem);
}
