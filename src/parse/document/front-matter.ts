/**
 * A Markdown file's front matter: YAML between `---` lines (closed by `---` or `...`), TOML
 * between `+++` lines, or a JSON object (`{` … `}`, on one line or more) at the very top. Its
 * values render as nothing or as a title page, and carry no portion marks: each line is unmarked
 * text (withheld in a classified document). Any value, whatever its key (`sensitivity:`,
 * `handling:`, `tags: [secret, noforn]`, `meta: {classification: SECRET}`, TOML, JSON), that reads
 * as a classification above the banner's contradicts an UNCLASSIFIED banner under it: the memo may
 * be classified, so its unmarked text (the front matter's title too) is withheld pending review.
 * A key list (`classification:`, `level:` …) missed the rest and left the title released (probe
 * 67d F8). A front matter the reader cannot read (never closed, a quote or bracket left open) is
 * held the same way, naming the line.
 */
import type { ClassifiedSign, Marking } from '../../types.js';
import { classificationWords, foldBannerStandIns, readClassificationLine } from './classification-lines.js';
import { frontMatterValues } from './front-matter-values.js';
import type { DocLine } from './lines.js';

const OPEN = /^\uFEFF?(?:---|\+\+\+)$/;
/** Lines read for a front matter's end, at most: a longer one is no front matter. */
const MAX_LINES = 200;
/** A YAML or TOML key line (`title: …`, `title = …`): what makes an unclosed opening fence a front matter's. */
const KEY_LINE = /^["']?[A-Za-z_][\w .-]*["']?[ \t]*(?::(?:[ \t]|$)|=)/;

/** The front matter's text lines (`first` … `last`, fences excluded), or null when the file has none. */
export interface FrontMatterBlock {
  readonly first: number;
  readonly last: number;
  /** False when the opening fence or brace is never closed (read to the first blank line). */
  readonly closed: boolean;
}

/** The front matter at the top of `lines`, or null when there is none. */
export function frontMatterLines(lines: readonly DocLine[]): FrontMatterBlock | null {
  if (lines.length === 0 || lines[0]!.blank) return null;
  const top = lines[0]!.text.replace(/^\uFEFF/, '');
  if (top.startsWith('{')) return jsonBlock(lines);
  if (!OPEN.test(top)) return null;
  for (let k = 1; k < Math.min(lines.length, MAX_LINES); k++) {
    const t = lines[k]!.text;
    if (t === top || (top === '---' && t === '...')) return k > 1 ? { first: 1, last: k - 1, closed: true } : null;
  }
  if (lines.length < 2 || !KEY_LINE.test(lines[1]!.text)) return null;
  const end = lines.findIndex((l, k) => k > 0 && l.blank);
  return { first: 1, last: end === -1 ? lines.length - 1 : end - 1, closed: false };
}

/** A JSON front matter: from the top line to the line where its braces (outside strings) balance. */
function jsonBlock(lines: readonly DocLine[]): FrontMatterBlock {
  let depth = 0;
  let inString = false;
  for (let k = 0; k < Math.min(lines.length, MAX_LINES); k++) {
    const t = lines[k]!.text;
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) return { first: 0, last: k, closed: true };
    }
  }
  const end = lines.findIndex((l) => l.blank);
  return { first: 0, last: end === -1 ? lines.length - 1 : end - 1, closed: false };
}

/**
 * A sign (see ../classified-signs.ts) for each front matter value that reads as a classification
 * the banner's `marking` does not cover, and for a front matter that cannot be read (at most `max`).
 */
export function frontMatterSigns(lines: readonly DocLine[], marking: Marking, max: number): ClassifiedSign[] {
  const fm = frontMatterLines(lines);
  if (!fm) return [];
  const block = lines.slice(fm.first, fm.last + 1);
  const signs: ClassifiedSign[] = [];
  const at = (k: number) => ({ start: block[k]!.first, end: block[k]!.last });
  const lineNo = (k: number) => block[k]!.index + 1;
  const { scalars, unread } = frontMatterValues(block.map((l) => l.text));
  if (!fm.closed) signs.push({ what: `its front matter opened on line ${lines[0]!.index + 1} is never closed, so its values could not be read`, span: at(0) });
  else if (unread) signs.push({ what: `its front matter could not be read at line ${lineNo(unread.line)} (${unread.why})`, span: at(unread.line) });
  const seen = new Set<number>();
  for (const s of scalars) {
    if (signs.length >= max) break;
    if (seen.has(s.line) || !namesClassification(s.text, marking)) continue;
    seen.add(s.line);
    signs.push({ what: `its front matter reads ${JSON.stringify(block[s.line]!.text.slice(0, 60))} (line ${lineNo(s.line)})`, span: at(s.line) });
  }
  return signs;
}

/** Spelled-out phrases read as the word of the list below them. */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bTOP[\s_-]+SECRET\b/g, 'TS'],
  [/\bFOR\s+OFFICIAL\s+USE\s+ONLY\b/g, 'FOUO'],
  [/\bSENSITIVE\s+BUT\s+UNCLASSIFIED\b/g, 'SBU'],
  [/\bLAW\s+ENFORCEMENT\s+SENSITIVE\b/g, 'LES'],
  [/\bLIMITED\s+OFFICIAL\s+USE\b/g, 'LOU'],
  [/\bEYES[\s_-]+ONLY\b/g, 'EYESONLY'],
];
/** Words that, in a value made only of marking words, say the memo is classified or controlled. */
const CLASSIFIED_WORDS = new Set(
  ('TS S C R SECRET CONFIDENTIAL RESTRICTED CLASSIFIED NOFORN NF ORCON OC NOCONTRACT PROPIN PR REL RELIDO RELEASABLE FVEY ' +
    'IMCON IMC LIMDIS EXDIS NODIS SI TK HCS COMINT GAMMA TALENT KEYHOLE UMBRA SCI SAR FGI WNINTEL NATO COSMIC CTS NS NC NR ' +
    'ATOMAL RD FRD CNWDI SPECAT EYESONLY LOU SSI').split(' '),
);
/** Controls of unclassified information: a sign only when the banner does not carry them. */
const UNCLASSIFIED_CONTROLS = new Set(['FOUO', 'SBU', 'LES', 'CUI']);
/** Words of a marking that say nothing above the banner. */
const NEUTRAL_WORDS = new Set(['U', 'UNCLASSIFIED', 'UNCLAS', 'TO', 'USA']);

/**
 * True when `value` reads as a classification the banner's `marking` does not cover: a value made
 * only of marking words in any case (`secret`, `S`, `[secret, noforn]` item by item, `S//NF`,
 * `REL TO USA, FVEY`) with one above the banner; or a classification line as the body's lines
 * are read (capitals, `Geheim`). Prose is not (`Keeping secrets in public life`, `The SECRET
 * garden`): as in the body, a level word inside a sentence is a word.
 */
function namesClassification(value: string, marking: Marking): boolean {
  const folded = foldBannerStandIns(value) ?? value;
  let upper = folded.normalize('NFKC').toUpperCase();
  for (const [re, word] of PHRASES) upper = upper.replace(re, word);
  const words = upper.split(/[^A-Z0-9]+/).filter((w) => w !== '');
  const afterRel = (i: number) => words.slice(0, i).includes('REL') && /^[A-Z]{3,4}$/.test(words[i]!);
  const known = (w: string, i: number) => CLASSIFIED_WORDS.has(w) || UNCLASSIFIED_CONTROLS.has(w) || NEUTRAL_WORDS.has(w) || afterRel(i);
  if (words.length > 0 && words.every(known)) return words.some((w, i) => !afterRel(i) && (CLASSIFIED_WORDS.has(w) || (UNCLASSIFIED_CONTROLS.has(w) && !marking.controls.includes(w))));
  const line = classificationWords(folded);
  if (line === null) return false;
  const read = readClassificationLine(line);
  return read === null || read.level !== 'U' || read.controls.some((c) => !marking.controls.includes(c));
}
