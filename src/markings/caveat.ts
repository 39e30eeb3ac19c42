/**
 * Caveat lines: control words on a line of their own under a banner (`NOFORN`, `SENSITIVE`).
 */
import { sortControls } from './controls.js';
import { CONTROL_WORDS, MAX_PHRASE_WORDS } from './vocabulary.js';

/**
 * Words that may share a caveat line but are not controls: SIPDIS is a distribution caption
 * (the cable may go on SIPRNet), not a handling restriction. It is skipped.
 */
const IGNORED = new Set(['SIPDIS']);

/**
 * State's request after an SBU caveat (`SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY`, `…
 * PLEASE PROTECT ACCORDINGLY.`): a request, not a control; it ends the line. Its words are the
 * cable reader's too (../parse/patterns.ts, a caveat line's tokens).
 */
export const HANDLING_REQUEST_WORDS = String.raw`(?:PLEASE\s+)?(?:HANDLE|PROTECT)\s+ACCORDINGLY`;
const HANDLING_REQUEST = new RegExp(String.raw`(?:^|[\s.,;:–—-])+${HANDLING_REQUEST_WORDS}[\s.]*$`, 'i');

/**
 * Captions that say SBU in other words: State's `SENSITIVE BUT UNCLASSIFIED -- NOT FOR INTERNET
 * DISTRIBUTION`, or that half alone. Not controls of a portion mark, so not in the vocabulary.
 */
const SBU_CAPTIONS = ['NOT FOR INTERNET DISTRIBUTION', 'NOT FOR INTERNET'];

/** The line's words: dashes between them dropped, a word spelt out in letters (`E F T O`) joined. */
function caveatWords(raw: string): string[] {
  const joined = raw.toUpperCase().replace(/\b[A-Z](?: [A-Z]\b){2,}/g, (m) => m.replace(/ /g, ''));
  return joined.split(/[\s,;/]+/).filter((w) => w !== '' && !/^[-–—.:]+$/.test(w));
}

/**
 * Parse a caveat line (the bare control words a cable writes on their own line under the banner):
 * `NOFORN`, `SENSITIVE`, `SENSITIVE BUT UNCLASSIFIED`, `SBU`, `FOR OFFICIAL USE ONLY`, `NODIS`,
 * `EXDIS`, `LIMDIS`, also several on one line (`SENSITIVE, SIPDIS`, `SIPDIS, NOFORN`), and State's
 * SBU statement with its request (`SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY`).
 *
 * Returns the normalised controls in register order (`SENSITIVE` → `SBU`), `[]` for a line of
 * captions only (`SIPDIS`), or `null` when the line is not a caveat line (any other word: a
 * routing line such as `DEPT FOR WHA/CEN` must not be taken for a caveat). Combine the result with
 * the banner marking with `addControls`. Never throws.
 */
export function parseCaveat(raw: string): string[] | null {
  let text = raw.replace(HANDLING_REQUEST, '');
  for (const caption of SBU_CAPTIONS) text = text.replace(new RegExp(String.raw`\b${caption}\b`, 'i'), 'SBU');
  const words = caveatWords(text);
  if (words.length === 0) return null;
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i] as string;
    if (IGNORED.has(w)) {
      i++;
      continue;
    }
    let matched = 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1 && matched === 0; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const entry = CONTROL_WORDS.get(phrase);
      // Single letters and two-letter portion abbreviations (N, NF, DS, OC…) are not caveat lines.
      if (entry && (n > 1 || phrase.length > 2 || phrase === 'NF')) {
        out.push(...entry.controls);
        matched = n;
      }
    }
    if (matched === 0) {
      // `SBU-NF` / `LES-NF` written on the caveat line.
      const m = /^(SBU|LES)-(NF|NOFORN)$/.exec(w);
      if (!m) return null;
      out.push(m[1] as string, 'NOFORN');
      matched = 1;
    }
    i += matched;
  }
  return sortControls(out);
}
