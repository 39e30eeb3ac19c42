/**
 * Does a name (an output file's name, a PDF link's address, a stray file in a release folder)
 * repeat withheld text? Release names its outputs by it (src/release/safe-stem.ts) and refuses a
 * PDF link that gives withheld text away; audit masks a stray file's name by the same test, so
 * what release would refuse to write, audit never prints.
 */
import { MARKING_TOKENS } from '../markings/index.js';
import { isLetterOrDigit } from '../parse/lines.js';
import { normalisedWords, SHINGLE_WORDS, withheldRunFinder } from './words.js';

/** What a name is checked against: a document's withheld pieces and the text its release shows. */
export interface WithheldAndVisible {
  readonly withheld: readonly { readonly portionId: string; readonly text: string }[];
  readonly visible: string;
}

/** The words of a name or text that could give something away: three letters or more, with a letter. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && /\p{L}/u.test(w));
}

/**
 * Where a name's words meet without a separator: lower case then capital (`KiteOps`), a capital
 * that begins a word after capitals (`BLUEHeron`), letters and figures (`2011kite`, `kite2`).
 */
const WORD_JOINT = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;

/**
 * The words of a name: those {@link words} gives, and the words run together in each of them
 * (`KiteOps.txt` and `2011kite.txt` kept a withheld `Kite` in the release's names: the whole
 * `kiteops` was compared, and run-together letters are searched for words of five letters or more
 * only). A cable's reference at its start is not cut (`08BERLIN173`: see {@link CABLE_REFERENCE}).
 */
function nameWords(name: string): string[] {
  const out = words(name);
  for (const part of afterReference(name).split(/[^\p{L}\p{N}]+/u)) {
    const pieces = part.split(WORD_JOINT);
    if (pieces.length > 1) out.push(...words(pieces.join(' ')));
  }
  return out;
}

/**
 * True when a word of `stem` occurs as a word in `text` (any case): only then can the name repeat
 * withheld text, and only then is the release planned for its name. A cable's stem
 * (`08BERLIN173`) never occurs in its text, so a batch of cables is not planned twice.
 *
 * Called for every text input. Searched with `indexOf` in the lower-cased text (every corpus cable,
 * any text with an ASCII name); a case-insensitive Unicode expression, which costs some 1.4 ms on
 * an 8 KB cable (a fifth of a batch's time when it ran for every document), is left for names with
 * other letters and texts holding one of the three characters whose lower case or case folding is
 * ASCII or longer (see {@link FOLDS_TO_ASCII}).
 */
export function stemWordsIn(stem: string, text: string): boolean {
  const stemWords = nameWords(stem);
  if (stemWords.length === 0) return false;
  if (stemWords.every((w) => !NON_ASCII.test(w)) && !FOLDS_TO_ASCII.test(text)) {
    const lower = text.toLowerCase();
    return stemWords.some((w) => occursAsWord(lower, w));
  }
  return stemWords.some((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').test(text));
}

/**
 * True when the letters of `stem` run together hold a word of `text` of {@link HIDDEN_WORD_MIN}
 * letters or more (`BlueHeron2` and a text naming `BLUEHERON`): the release is then planned for its
 * name too, as {@link stemWordsIn} has it for a whole word.
 */
export function stemHidesTextWord(stem: string, text: string): boolean {
  const letters = lettersOf(stem);
  if (letters.length < HIDDEN_WORD_MIN && runOf(stem).length < HIDDEN_WORD_MIN) return false;
  const seen = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}{5,}/gu)) {
    if (seen.has(m[0])) continue;
    seen.add(m[0]);
    if (letters.includes(m[0]) || keepsAroundBlank(stem, m[0])) return true;
  }
  // Words with figures (`zebraleak7`), only for a name with figures: a name without can hold none.
  const run = runOf(stem);
  if (!/\p{N}/u.test(run)) return false;
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]{5,}/gu)) {
    if (!/\p{N}/u.test(m[0]) || !/\p{L}/u.test(m[0]) || seen.has(m[0])) continue;
    seen.add(m[0]);
    if (run.includes(m[0])) return true;
  }
  return false;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The characters outside ASCII that a case-insensitive search for an ASCII word can match (KELVIN
 * SIGN folds to k, LONG S to s) or that lower-case to two characters (İ to i and a combining
 * dot). Without them, the lower-cased text has the original's length and an ASCII word occurs in
 * it exactly where the case-insensitive expression finds it.
 */
const FOLDS_TO_ASCII = /[\u0130\u017f\u212a]/;

/** True when `word` occurs in `text` with no letter or digit right before or after it. */
function occursAsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!isLetterOrDigit(codePointBefore(text, at)) && !isLetterOrDigit(text.codePointAt(at + word.length))) return true;
  }
  return false;
}

/** The code point that ends right before `at` (a surrogate pair read as one), or undefined at the start. */
function codePointBefore(text: string, at: number): number | undefined {
  if (at === 0) return undefined;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/**
 * A cable's reference at the start of a name (`04MADRID4827`, `08BERLIN173` of `08BERLIN173_r0`):
 * its letters are the post, named in its header; the reference is the cable's identity and is
 * never searched for hidden words. Only the reference: what follows it is searched as any name is
 * (`08MEMO1_Raven_Leak1` kept a withheld `RAVENLEAK1` in its outputs' names when the whole name
 * after a reference-shaped start was exempt).
 */
const CABLE_REFERENCE = /^\d{2}[A-Z]+\d+(?=$|[_.-])/;

/** `stem` without a cable's reference at its start (see {@link CABLE_REFERENCE}). */
function afterReference(stem: string): string {
  return stem.replace(CABLE_REFERENCE, '');
}

/** The letters of a name run together, lower case (digits and separators dropped), a cable's reference left out. */
function lettersOf(stem: string): string {
  return afterReference(stem).toLowerCase().replace(/[^\p{L}]+/gu, '');
}

/** The letters and figures of a name run together, lower case (separators dropped), a cable's reference left out. */
function runOf(stem: string): string {
  return afterReference(stem).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Withheld words this long or longer are looked for inside a name's letters run together. */
const HIDDEN_WORD_MIN = 5;

/**
 * True when the letters of `stem` run together (digits, case and separators dropped) hold a
 * withheld word of {@link HIDDEN_WORD_MIN} letters or more: `2026BLUEHERON.pdf`, `memo-BLUEHERON2`,
 * `blue_heron`, `Blue-Heron` and `BlueHeron2` all gave away a withheld `BLUEHERON`, which only a
 * whole word of the name was compared with. A withheld word with figures (`ZEBRALEAK7`) is looked
 * for in the name's letters and figures run together; a cable's reference is never searched.
 */
function hidesWord(stem: string, withheld: ReadonlySet<string>, hidden: (word: string) => boolean): boolean {
  const letters = lettersOf(stem);
  const run = runOf(stem);
  if (run.length < HIDDEN_WORD_MIN) return false;
  for (const w of withheld) {
    if (w.length < HIDDEN_WORD_MIN || MARKING_TOKENS.has(w)) continue;
    // A word with figures is looked for among the name's letters and figures run together
    // (`Zebra Leak7 memo` and a withheld `ZEBRALEAK7`: the figures dropped, it was never found).
    if ((/\p{N}/u.test(w) ? run.includes(w) : letters.includes(w) || keepsAroundBlank(stem, w)) && hidden(w)) return true;
  }
  return false;
}

/**
 * The tag src/release/folder.ts's safeStem appends to a name it had to change (`-` and 8 hex): only
 * such a name has a `_` that may stand for letters.
 */
const CHANGED_NAME_TAG = /-[0-9a-f]{8}$/;

/**
 * True when the pieces of a changed `stem` on both sides of a `_` keep half of `word` or more
 * (three letters at least) with only a part of it missing: the safe name writes a letter it cannot
 * write as `_`, so `NIGHTJÁR.txt` and a Cyrillic `PELІCAN.txt` were named `NIGHTJ_R-…` and
 * `PEL_CAN-…`, in which a withheld NIGHTJAR or PELICAN is no word (probe 69c F2). Every `_` of such
 * a name is read so, a written one too (fail closed); the `_` of a name kept as written (a
 * SIDtoday title's `Post-war_Iraq_Plan`) separates words only.
 */
function keepsAroundBlank(stem: string, word: string): boolean {
  if (!CHANGED_NAME_TAG.test(stem)) return false;
  const name = afterReference(stem).toLowerCase().replace(/[^\p{L}_]+/gu, '');
  for (let at = name.indexOf('_'); at !== -1; at = name.indexOf('_', at + 1)) {
    const before = name.slice(0, at).replace(/_/g, '');
    const after = name.slice(at + 1).replace(/_/g, '');
    for (let k = 0; k < word.length; k++) {
      if (!before.endsWith(word.slice(0, k))) continue;
      for (let j = k + 1; j <= word.length; j++) {
        const kept = k + word.length - j;
        if (kept >= 3 && 2 * kept >= word.length && after.startsWith(word.slice(j))) return true;
      }
    }
  }
  return false;
}

/**
 * True when `name` (a file name, a link's address) repeats withheld words: one that the release
 * does not show anyway (the words of marks aside: `NOTE-UNCLASSIFIED-FOUO.md` gives nothing away),
 * hidden in its letters run together or not, or a run of withheld words the release does not show
 * as a run (as the leak checks count: 8 words, or a shorter withheld piece whole).
 */
export function repeatsWithheld(name: string, planned: WithheldAndVisible): boolean {
  return withheldNameCheck(planned)(name);
}

/** Figures a withheld number must have to be looked for in a name: a phone, account or case number, not a year or a day. */
const HIDDEN_NUMBER_MIN = 7;

/**
 * The numbers of `text` as their figures alone: a run of figures and the separators a number is
 * written with (`(202) 555-0147`, `123-45-6789`, `+1 202.555.0147`) read `2025550147`.
 */
function numbersOf(text: string): string[] {
  return [...text.matchAll(/\p{Nd}(?:[\p{Nd} ()./+-]*\p{Nd})?/gu)].map((m) => m[0].replace(/\D+/g, ''));
}

/**
 * The withheld numbers of {@link HIDDEN_NUMBER_MIN} figures or more that the release does not show.
 * A word holds letters (words() drops figures alone), so a phone number withheld under B6 was
 * never compared with a link's address: `tel:2025550147` stayed on a released line.
 */
function withheldNumbers(planned: WithheldAndVisible): string[] {
  const shown = numbersOf(planned.visible).join(' ');
  const out = new Set(planned.withheld.flatMap((p) => numbersOf(p.text)).filter((n) => n.length >= HIDDEN_NUMBER_MIN && !shown.includes(n)));
  return [...out];
}

/**
 * Whether an address (a PDF link's URI) holds, among its figures run together, a withheld number
 * of {@link HIDDEN_NUMBER_MIN} figures or more that the release does not show
 * (`tel:+1-202-555-0147` for a withheld `(202) 555-0147`). For addresses, not file names: an
 * input's name is its date (`2005-03-31_…`), which a withheld paragraph may repeat.
 */
export function withheldNumberCheck(planned: WithheldAndVisible): (address: string) => boolean {
  let numbers: string[] | null = null;
  return (address) => {
    numbers ??= withheldNumbers(planned);
    if (numbers.length === 0) return false;
    const figures = address.replace(/\D+/g, '');
    return numbers.some((n) => figures.includes(n));
  };
}

/**
 * {@link repeatsWithheld} for several names of one document (a PDF's link addresses): the
 * withheld words and runs are worked out once (per link they cost a PDF with many links a
 * millisecond each).
 */
export function withheldNameCheck(planned: WithheldAndVisible): (name: string) => boolean {
  // Each part is worked out when a name first needs it: most names (a cable's reference, a
  // SIDtoday date) hold no withheld word and too few words for a run, and the words and runs of
  // the text a release shows cost an all-outputs batch 4% of its time when built for every name.
  let withheldWords: ReadonlySet<string> | null = null;
  let shown: ReadonlySet<string> | null = null;
  const hidden = (w: string): boolean => !(shown ??= new Set(words(planned.visible))).has(w);
  // Every word may be shown somewhere and the name still repeat a withheld run of them (a SIDtoday
  // article named after its withheld (S//SI) title, whose words its released paragraphs use, or
  // after a withheld short title, `GEO Build-Out`): the release PDF's title holds the run, which
  // its check refused, or the audit found, as the leak checks count a run.
  let runs: ((released: string) => boolean) | null = null;
  const mayRepeatRun = runPrefilter(planned.withheld);
  return (name) => {
    const held = (withheldWords ??= new Set(planned.withheld.flatMap((p) => words(p.text))));
    if (nameWords(name).some((w) => held.has(w) && !MARKING_TOKENS.has(w) && hidden(w)) || hidesWord(name, held, hidden)) return true;
    if (!mayRepeatRun(name)) return false;
    runs ??= withheldRunFinder(planned.withheld, planned.visible);
    return runs(name);
  };
}

/**
 * A test that is false when a name cannot hold a run {@link withheldRunFinder} looks for: the
 * name has no word, or fewer than a run's 8 words and no withheld piece shorter than that has all
 * its words in it (a short piece is found whole, word by word). Cheaper than the finder's own.
 */
function runPrefilter(pieces: readonly { readonly text: string }[]): (name: string) => boolean {
  let short: string[][] | null = null;
  return (name) => {
    const inName = normalisedWords(name);
    if (inName.length === 0) return false;
    if (inName.length >= SHINGLE_WORDS) return true;
    short ??= pieces.map((p) => normalisedWords(p.text)).filter((w) => w.length > 0 && w.length < SHINGLE_WORDS);
    const names = new Set(inName);
    return short.some((w) => w.every((x) => names.has(x)));
  };
}

