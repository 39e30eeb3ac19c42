/**
 * A Markdown file's front matter: YAML between `---` lines (closed by `---` or `...`), TOML
 * between `+++` lines, or a JSON object (`{` … `}`, on one line or more) at the very top. Its
 * values render as nothing or as a title page, and carry no portion marks: each line is unmarked
 * text (withheld in a classified document). Any value, whatever its key (`sensitivity:`,
 * `handling:`, `tags: [secret, noforn]`, `meta: {classification: SECRET}`, TOML, JSON), that reads
 * as a classification above the banner's contradicts an UNCLASSIFIED banner under it: the memo may
 * be classified, so its unmarked text (the front matter's title too) is withheld pending review.
 * A key list (`classification:`, `level:` …) missed the rest and left the title released (probe
 * 67d F8); it stays as a floor: under such a key any value but UNCLASSIFIED is a sign (probe 68d
 * F1), while an abbreviation under an ordinary key (`state: NC`) is none (probe 68d F5). A front
 * matter the reader cannot read (never closed, a quote or bracket left open) is
 * held the same way, naming the line.
 */
import type { ClassifiedSign, Marking } from '../../types.js';
import { classificationWords, foldBannerStandIns, readClassificationLine } from './classification-lines.js';
import { type FrontMatterScalar, frontMatterValues } from './front-matter-values.js';
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
  // With its indentation (a DocLine's text is trimmed): a block key's values are the lines indented under it.
  const { scalars, unread } = frontMatterValues(block.map((l) => ' '.repeat(l.first - l.start) + l.text));
  if (!fm.closed) signs.push({ what: `its front matter opened on line ${lines[0]!.index + 1} is never closed, so its values could not be read`, span: at(0) });
  else if (unread) signs.push({ what: `its front matter could not be read at line ${lineNo(unread.line)} (${unread.why})`, span: at(unread.line) });
  const seen = new Set<number>();
  for (const s of scalars) {
    if (signs.length >= max) break;
    if (seen.has(s.line) || !scalarIsSign(s, marking)) continue;
    seen.add(s.line);
    signs.push({ what: `its front matter reads ${JSON.stringify(block[s.line]!.text.slice(0, 60))} (line ${lineNo(s.line)})`, span: at(s.line) });
  }
  return signs;
}

/** Spelled-out phrases read as the word of the lists below them. */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bTOP[\s_-]+SECRET\b/g, 'TOPSECRET'],
  [/\bFOR\s+OFFICIAL\s+USE\s+ONLY\b/g, 'FOUO'],
  [/\bSENSITIVE\s+BUT\s+UNCLASSIFIED\b/g, 'SBU'],
  [/\bLAW\s+ENFORCEMENT\s+SENSITIVE\b/g, 'LES'],
  [/\bLIMITED\s+OFFICIAL\s+USE\b/g, 'LOU'],
  [/\bEYES[\s_-]+ONLY\b/g, 'EYESONLY'],
];
/** Marking words no ordinary value holds: a sign in a value made of marking words, whatever its key. */
const FULL_WORDS = new Set(
  ('TOPSECRET SECRET CONFIDENTIAL RESTRICTED CLASSIFIED NOFORN ORCON NOCONTRACT PROPIN RELIDO IMCON LIMDIS EXDIS NODIS ' +
    'COMINT WNINTEL ATOMAL CNWDI SPECAT EYESONLY').split(' '),
);
/**
 * Abbreviations and words an ordinary value holds too (`state: NC`, `size: S`, `org: NATO`,
 * `topics: [si]`): a sign only under a key naming a classification, or in a value that reads as
 * a whole classification line (`S//NF`, `TS/SCI`, `REL TO USA, FVEY`). Probe 68d F5.
 */
const ABBREVIATIONS = new Set(
  ('TS S C R NF OC PR REL RELEASABLE FVEY IMC SI TK HCS GAMMA TALENT KEYHOLE UMBRA SCI SAR FGI NATO COSMIC CTS NS NC NR ' +
    'RD FRD LOU SSI').split(' '),
);
/** Controls of unclassified information: a sign only when the banner does not carry them (LES only as an abbreviation). */
const UNCLASSIFIED_CONTROLS = new Set(['FOUO', 'SBU', 'LES', 'CUI']);
/** Words of a marking that say nothing above the banner. */
const NEUTRAL_WORDS = new Set(['U', 'UNCLASSIFIED', 'UNCLAS', 'TO', 'USA']);
/** Words of a value that says plainly UNCLASSIFIED. */
const PLAIN_U = new Set(['U', 'UNCLASSIFIED', 'UNCLAS']);
/**
 * A word of a key naming a classification (`classification`, `Security_Level`, `protective-marking`,
 * `caveats`, `dissem`, `handling`, `sensitivity`, `clearance`, `banner`, `releasability`), alone or
 * run together (`securitylevel`, `ProtectiveMarking`).
 */
const CLASSIFICATION_KEY_WORD =
  /^(?:security|protective|classification|dissemination|handling)?(?:classif[a-z]*|class|security[a-z]*|[a-z]*levels?|markings?|caveats?|dissem[a-z]*|handling[a-z]*|sensitiv[a-z]*|clearances?[a-z]*|banners?|releasab[a-z]*)$/;
/**
 * A level or control word followed by a qualifier (`TOP SECRET until 2030`, `SECRET (draft)`,
 * `Secret - per SCG 12`, `NOFORN pending review`, `NOFORN only`): in capitals anywhere in the
 * value, in any case at its start. A level word in a sentence (`The SECRET garden`) is none.
 */
const LEVEL = String.raw`(?:TOP[\s_-]+SECRET|SECRET|CONFIDENTIAL|RESTRICTED|CLASSIFIED|NOFORN|ORCON)`;
const QUALIFIER = String.raw`\s*(?:[(\[/,;:\u2013\u2014-]|(?:until|till|pending|only|draft|per|when|after|before|unless|except|through|thru|upon|once|if|review(?:ed)?|version|copy|material|information|info|document|level|clearance)(?![A-Za-z]))`;
const CAPITAL_LEVEL = new RegExp(String.raw`(?<![A-Za-z])${LEVEL}(?![A-Za-z])`, 'g');
const AFTER_LEVEL = new RegExp(String.raw`^${QUALIFIER}`, 'i');
const QUALIFIED_START = new RegExp(String.raw`^[\s"'*_]*${LEVEL}(?![A-Za-z])${QUALIFIER}`, 'i');

/** True when `text` holds a level word with a qualifier (see LEVEL). */
function qualifiedLevel(text: string): boolean {
  if (QUALIFIED_START.test(text)) return true;
  for (const m of text.matchAll(CAPITAL_LEVEL)) if (AFTER_LEVEL.test(text.slice(m.index + m[0].length))) return true;
  return false;
}

/** True when the key `key` names a classification, in any case and spelling (`_`, `-`, blanks, camelCase). */
export function isClassificationKey(key: string): boolean {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/).filter((w) => w !== '');
  return words.some((w) => CLASSIFICATION_KEY_WORD.test(w));
}

/**
 * True when the scalar `s` is a sign against the banner's `marking`: a value under a key naming a
 * classification (the old key list's floor, nested keys too) that is not plainly UNCLASSIFIED, U,
 * empty or controls the banner carries (probe 68d F1: `level: Secret - per SCG 12` was released);
 * else a value, key or comment that names a classification ({@link namesClassification}).
 */
function scalarIsSign(s: FrontMatterScalar, marking: Marking): boolean {
  if (!s.isKey && s.keys.some(isClassificationKey)) {
    const words = markingWords(s.text);
    return !words.every((w) => PLAIN_U.has(w) || (UNCLASSIFIED_CONTROLS.has(w) && marking.controls.includes(w)));
  }
  return namesClassification(s.text, marking);
}

/** The words of `value` in capitals, look-alikes folded and spelled-out phrases read as one word. */
function markingWords(value: string): string[] {
  const folded = foldBannerStandIns(value) ?? value;
  let upper = folded.normalize('NFKC').toUpperCase();
  for (const [re, word] of PHRASES) upper = upper.replace(re, word);
  return upper.split(/[^A-Z0-9]+/).filter((w) => w !== '');
}

/**
 * True when `value` reads as a classification the banner's `marking` does not cover, whatever its
 * key: a value made only of marking words (`secret`, `[secret, noforn]` item by item, `S//NF`,
 * `REL TO USA, FVEY`) holding a full word above the banner, or abbreviations only in the shape of
 * a classification line; a level word with a qualifier; or a classification line as the body's
 * lines are read (capitals, `Geheim`). Prose is not (`Keeping secrets in public life`, `The SECRET
 * garden`): as in the body, a level word inside a sentence is a word.
 */
function namesClassification(value: string, marking: Marking): boolean {
  const folded = foldBannerStandIns(value) ?? value;
  const words = markingWords(value);
  const afterRel = (i: number) => words.slice(0, i).includes('REL') && /^[A-Z]{3,4}$/.test(words[i]!);
  const known = (w: string, i: number) => FULL_WORDS.has(w) || ABBREVIATIONS.has(w) || UNCLASSIFIED_CONTROLS.has(w) || NEUTRAL_WORDS.has(w) || afterRel(i);
  if (words.length > 0 && words.every(known)) {
    const above = (w: string, i: number) => !afterRel(i) && (FULL_WORDS.has(w) || (UNCLASSIFIED_CONTROLS.has(w) && w !== 'LES' && !marking.controls.includes(w)));
    const lineShape = /\/|\bREL\s+TO\b/i.test(folded);
    return words.some(above) || (lineShape && words.some((w, i) => !afterRel(i) && (ABBREVIATIONS.has(w) || (UNCLASSIFIED_CONTROLS.has(w) && !marking.controls.includes(w)))));
  }
  const plain = folded.normalize('NFKC');
  if (qualifiedLevel(plain)) return true;
  const line = classificationWords(folded);
  // An abbreviation alone (`SI`, `TK`) the body reads as an SCI line is an ordinary value here.
  if (line === null || ABBREVIATIONS.has(line)) return false;
  const read = readClassificationLine(line);
  return read === null || read.level !== 'U' || read.controls.some((c) => !marking.controls.includes(c));
}
