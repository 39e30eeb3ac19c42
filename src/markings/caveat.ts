/**
 * Caveat lines: control words on a line of their own under a banner (`NOFORN`, `SENSITIVE`).
 */
import { DISTRIBUTION_CAPTIONS, sortControls } from './controls.js';
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
 * routing line such as `DEPT FOR WHA/CEN` must not be taken for a caveat). A line that holds a
 * distribution caption (LIMDIS, EXDIS, NODIS, or a word read as one) is read as its controls
 * whatever other words it holds (`EXDIS EYES ONLY`, `LIMDIS FOR AMBASSADOR`, `N O D I S`): the
 * caption limits the whole telegram, and refused for its other words the line was a pass line and
 * the paragraphs under it went to NATO and FVEY readers (probe 67b F1). {@link caveatWordsSetAside}
 * names those words. Combine the result with the banner marking with `addControls`. Never throws.
 */
export function parseCaveat(raw: string): string[] | null {
  const r = readCaveatWords(raw);
  if (r === null) return null;
  if (r.unread.length > 0 && !r.controls.some((c) => DISTRIBUTION_CAPTIONS.includes(c))) return null;
  return sortControls(r.controls);
}

/** Words after a distribution caption that say who reads it: an addressee, not a control. */
const ADDRESSEE_WORDS = /^(?=\S)(?:(?:EYES ONLY|DISTRIBUTE AS|ONLY)\b\s*)?(?:FOR\b.*)?$/;

/**
 * The words of a caveat line {@link parseCaveat} read as a distribution caption without reading
 * them: `addressee` when they only say who reads it (`EYES ONLY`, `FOR THE SECRETARY`,
 * `DISTRIBUTE AS`), else `unknown`. Null when nothing was set aside.
 */
export function caveatWordsSetAside(raw: string): { readonly words: string; readonly addressee: boolean } | null {
  const r = readCaveatWords(raw);
  if (r === null || r.unread.length === 0 || parseCaveat(raw) === null) return null;
  const words = r.unread.join(' ');
  // Each run of unread words is an addressee phrase, or the line holds something not understood.
  const addressee = r.runs.every((run) => ADDRESSEE_WORDS.test(run));
  return { words, addressee };
}

/** The controls of a caveat line's words, the words not read, and those words in runs (null: no words). */
function readCaveatWords(raw: string): { controls: string[]; unread: string[]; runs: string[] } | null {
  let text = raw.replace(HANDLING_REQUEST, '');
  for (const caption of SBU_CAPTIONS) text = text.replace(new RegExp(String.raw`\b${caption}\b`, 'i'), 'SBU');
  const words = caveatWords(text);
  if (words.length === 0) return null;
  const controls: string[] = [];
  const unread: string[] = [];
  const runs: string[] = [];
  let run: string[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i] as string;
    const read = IGNORED.has(w) ? { controls: [], n: 1 } : controlsAt(words, i);
    if (read === null) {
      unread.push(w);
      run.push(w);
      i++;
      continue;
    }
    if (run.length > 0) runs.push(run.join(' '));
    run = [];
    controls.push(...read.controls);
    i += read.n;
  }
  if (run.length > 0) runs.push(run.join(' '));
  return { controls, unread, runs };
}

/** The control phrase at `words[i]` (longest first) and its length in words, or null. */
function controlsAt(words: readonly string[], i: number): { controls: readonly string[]; n: number } | null {
  for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1; n--) {
    const phrase = words.slice(i, i + n).join(' ');
    const entry = CONTROL_WORDS.get(phrase);
    // Single letters and two-letter portion abbreviations (N, NF, DS, OC…) are not caveat lines.
    if (entry && (n > 1 || phrase.length > 2 || phrase === 'NF')) return { controls: entry.controls, n };
  }
  // `SBU-NF` / `LES-NF` written on the caveat line.
  const m = /^(SBU|LES)-(NF|NOFORN)$/.exec(words[i] as string);
  return m ? { controls: [m[1] as string, 'NOFORN'], n: 1 } : null;
}
