/**
 * Marks written in a form the grammar does not read, where a mark is expected (a line's start
 * after its prefix, after a paragraph number): `[S]`, `{S}`, `<S>`, `（S//NF）` in full-width
 * parentheses, `((S)`, `(S]`, `(S·NF)`, `(R)`, `S//NF)` and `S//NF:` as a label (readLookalikeMark);
 * and inside a portion's text, where the readers' own scans pass over them: `… [S] …`, `Tuesday(S//NF)`, a label after a sentence end
 * (lookalikeMarksInside). A reviewer, an OCR pass or a PDF's text layer wrote a mark; reading the
 * text as unmarked, or as the portion's own mark says, would release it under an UNCLASSIFIED
 * banner. Both readers (cables and marked documents) ask here (fail closed).
 */
import { abovePlainU, classifyParenthetical, foldForeignLettersMapped, foldFullWidth, hasForeignLetters, parseMarking } from '../markings/index.js';
import type { Marking } from '../types.js';
import { isLetterOrDigit } from './lines.js';

/** A look-alike mark: where it is, and the marking when it is an understood mark written oddly. */
export interface LookalikeMark {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /** Set only for a doubled opening parenthesis (`((U//FOUO)`, in SIDtoday): the mark inside is read. */
  readonly marking: Marking | null;
  readonly message: string;
}

/** `[S]`, `[S//NF]`: a level first, in capitals. */
const BRACKETED = /^\[([A-Z][^[\]\n]{0,47})\]/;
/**
 * Other brackets a mark is found written in, where a mark belongs (OCR, East Asian input methods,
 * fonts' small or superscript parentheses), each with its closing one: `{S}`, `«S»`, `【S】`,
 * `「S」`, `﹙S﹚`, `⁽S⁾`, `₍S₎`, `❨S❩`, `⟮S⟯`, `［S］`, `〔S〕`. Angle brackets are left out
 * (`<U>` is an HTML underline).
 */
const OTHER_CLOSE: ReadonlyMap<string, string> = new Map([
  ['{', '}'],
  ['\u00ab', '\u00bb'],
  ['\u3010', '\u3011'],
  ['\u300c', '\u300d'],
  ['\ufe59', '\ufe5a'],
  ['\u207d', '\u207e'],
  ['\u208d', '\u208e'],
  ['\u2768', '\u2769'],
  ['\u27ee', '\u27ef'],
  ['\uff3b', '\uff3d'],
  ['\u3014', '\u3015'],
]);

/**
 * `<S>`, `<S//NF>`: angle brackets, as some word processors' and OCR output write a mark. `<U>` is
 * left out: it is HTML's underline, and would say nothing above plain text anyway.
 */
const ANGLED = /^<([A-Z][^<>\n]{0,47})>/;

/**
 * `(S·NF)`, `(S•NF)`, `(TS|SI)`: a level and a control joined by a character that is not the CAPCO
 * separator (a middle dot or bullet from a font's encoding or an editor's autocorrect, a bar, a
 * backslash, a semicolon): read as no mark, the paragraph was released under an UNCLASSIFIED
 * banner. Capitals only; the full stop is left out (`(U.S.)` starts prose).
 */
const ODD_SEPARATOR = /^\((?:TS|[CSU])[ \t]*[\u00b7\u2022\u2219\u22c5\u2027\u30fb\uff65|\\;~_][ \t]*[A-Z][A-Z0-9 ,/\u00b7\u2022\u2219\u22c5\u2027\u30fb\uff65|\\;~_-]{0,60}\)/;

/**
 * `(S:NF)`, `(S+NF)`, `(S'NF)`: other characters between a level and a control, no blank around
 * them; only where a mark belongs (inside a text `(C: SEE REF A)` can be prose).
 */
const ODD_SEPARATOR_AT_MARK = /^\((?:TS|[CSU])[:+*='"\u2019]{1,2}[A-Z][A-Z0-9/-]{0,30}\)/;

/**
 * `(R)`: RESTRICTED, the level below CONFIDENTIAL in NATO's and other governments' markings, which
 * United States portion marks carry only in a foreign form (`(//NR)`, `(//DEU R)`). Where a mark
 * belongs, it is a mark the grammar does not read, not prose.
 */
const RESTRICTED = /^\(R\)/;

/** `(S]`, `[S//NF)`, `(s//nf]`: a mark opened by one bracket and closed by the other (a typing slip, OCR). */
const MISMATCHED = /^(?:\(([A-Za-z][^()[\]\n]{0,47})\]|\[([A-Za-z][^()[\]\n]{0,47})\))/;

/** `S//NF)`, `TS)`, `SECRET)`: a label whose opening parenthesis was lost (not `C)` or `S)`, list labels). */
const UNOPENED = /^(?:(?:TS|[UCS])\/\/[A-Z][A-Z0-9 ,/-]{0,60}|TS|TOP SECRET|SECRET|CONFIDENTIAL)\)/;

/** `（S）`: full-width parentheses (U+FF08, U+FF09), as East Asian input methods and some OCR write them. */
const FULL_WIDTH = /^\uFF08([^\uFF08\uFF09()\n]{1,48})\uFF09/;
/** `((S)`: the mark inside a doubled opening parenthesis. */
const DOUBLED = /^\(\(([^()\n]{1,48})\)/;
/**
 * `S//NF:`, `TS//SI//REL TO USA, FVEY:`: an abbreviated level and the CAPCO separator, ending in a
 * colon; or without the colon (`S//NF The source …`) before a capital, a digit, a quote or an
 * opening parenthesis, or alone on its line. A line can start so in prose before a lower-case word
 * (`… held at the\nTS//SI level`, SIDtoday): that is not read as a mark.
 */
const LABEL = /^(?:TS|[UCS])\/\/[A-Z][A-Z0-9 ,/-]{0,60}:|^(?:TS|[UCS])\/\/[A-Z][A-Z0-9/,]*(?:-[A-Z0-9]+)*[ \t]+[-–—]{1,2}(?=[ \t]+["“‘'(]?[\p{Lu}\p{N}])|^(?:TS|[UCS])\/\/[A-Z][A-Z0-9/,-]*(?=[ \t]+["“‘'(\p{Lu}\p{N}]|[ \t]*(?:\r?\n|$))/u;

/**
 * The controls of a banner quoted at a line's start (`NOFORN`, `SI//REL TO USA, GBR`, `NF//20291123`)
 * and, after them, a sentence in capitals: three words of capitals, the first not one a banner
 * continues with. `SECRET//NOFORN THE SOURCE SAID …` at a paragraph's or line's start was read as a
 * banner quoted in the text and released in an UNCLASSIFIED memo and inside a (U) paragraph; the
 * banner SIDtoday quotes (`TOP SECRET//COMINT//REL TO USA, AUS, CAN, GBR and NZL//20291123`) goes
 * on in lower case or ends its line.
 */
const CAPS_CONTROL = String.raw`(?:REL TO [A-Z]{2,4}(?:,[ \t]*[A-Z]{2,4})*|[A-Z0-9][A-Z0-9,-]*)`;
const CAPS_CONTROLS = String.raw`${CAPS_CONTROL}(?:\/{1,2}${CAPS_CONTROL})*`;
const CAPS_SENTENCE = String.raw`[ \t]+["“‘'(]?(?!(?:REL|TO|AND|FVEY|NATO)\b)\p{Lu}{2,}[ \t]+\p{Lu}[\p{Lu}'’-]*[ \t]+\p{Lu}`;

/**
 * `SECRET//NOFORN: …`, `SECRET: …`, `SECRET//NOFORN - The source …`, `SECRET - The …`, `SECRET//NOFORN
 * The source …`, `SECRET The source said …`: a level spelled out as a banner writes it, followed by
 * a colon, or a dash between blanks before a sentence in mixed case or a digit (after controls,
 * before any capital: a quoted banner `SECRET - RELEASABLE TO …` in capitals and a cable's
 * `SECRET - ENTIRE TEXT.` are not read so), or by controls and a sentence in
 * mixed case on the same line, or by a sentence alone (a capitalised word, then one in lower case).
 * Alone on its line it is a banner, which the readers take as such; before capitals it can be a
 * banner quoted in the text (`TOP SECRET//COMINT//REL TO USA, AUS …`, SIDtoday; unless a sentence
 * in capitals follows its controls, CAPS_SENTENCE), a heading (`SECRET Clearances Required`) or, without `//`, open prose (`SECRET TALKS BEGAN …` in a cable).
 * An acronym before lower case is a sentence too (`SECRET//NOFORN NSA assesses …`, `SECRET - NSA
 * assesses …` were released in an UNCLASSIFIED memo), and so is anything after a level in title
 * case with controls (`Secret//Noforn …`; a title-case level alone or with a colon is prose's:
 * `Secret Service agents`, `Confidential: please do not forward`).
 */
const SPELLED_LABEL = new RegExp(String.raw`^(?:TOP SECRET|SECRET|CONFIDENTIAL)(?:\/\/[A-Z][A-Z0-9 ,/-]{0,60}:|:|\/\/[A-Z][A-Z0-9/,]*(?:-[A-Z0-9]+)*[ \t]+[-–—]{1,2}(?=[ \t]+["“‘'(]?[\p{Lu}\p{N}])(?![ \t]+ENTIRE\b)|[ \t]+[-–—]{1,2}(?=[ \t]+["“‘'(]?(?:\p{Lu}\p{Ll}|\p{N}|\p{Lu}{2,6}[ \t]+\p{Ll}))|\/\/[A-Z][A-Z0-9/,-]*(?=[ \t]+["“‘'(]?(?:\p{Lu}\p{Ll}|\p{Lu}{2,6}[ \t]+\p{Ll}))|(?=[ \t]+["“‘'(]?\p{Lu}\p{Ll}+[ \t,]+\p{Ll})|\/\/${CAPS_CONTROLS}(?=${CAPS_SENTENCE}))|^(?:Top Secret|Secret|Confidential)\/\/[A-Z][A-Za-z0-9/,-]*(?=[ \t]+\S)`, 'u');

/** The levels SPELLED_LABEL opens with: a line that starts otherwise is not compared with it. */
const SPELLED_LEVELS = ['TOP SECRET', 'SECRET', 'CONFIDENTIAL', 'Top Secret//', 'Secret//', 'Confidential//'];

/** Controls a loosely written label carries (never an office symbol such as `S/P`, `S/CT` or `U/S`). */
const LOOSE_CONTROL = String.raw`(?:NF|NOFORN|ORCON|OC|SI|TK|HCS|FGI|PROPIN|EXDIS|NODIS|LIMDIS|RELIDO|IMCON|REL TO [A-Z]{3,4}(?:,[ \t]*[A-Z]{3,4})*)`;

/**
 * What a field label (`Note:`, `SUBJECT:`) is read past when it comes next: a mark's opening
 * bracket, a level and `//`, or a level spelled out as a label (see readLookalikeMark). Both
 * readers' label expressions end with it.
 */
export const MARK_AHEAD = String.raw`(?=[([<{]|(?:TS|[UCS])\/\/|(?:TOP SECRET|SECRET|CONFIDENTIAL)[:/]|(?:TOP SECRET|SECRET|CONFIDENTIAL|TS|[CS])(?:[ \t]*\/|[ \t]+|-)${LOOSE_CONTROL})`;

/**
 * What can open a mark where one belongs after a prefix (a bullet, `PARA 2`, `¶2.`): an opening
 * bracket, or a level in capitals, abbreviated or spelled, before a blank, slash, colon, hyphen
 * or `)` (`[S] …`, `S//NF: …`, `S NF) …`, `TS) …`, `SECRET: …`). Both readers' prefix expressions
 * look ahead for it. Any character outside ASCII may open one too (`【S】`, `Ѕ//NF:` with a
 * Cyrillic Ѕ, full-width `ＳＥＣＲＥＴ`), and a word in any case before a slash (`s//nf: …`): the
 * mark readers fold such look-alikes, and where they find no mark nothing opens.
 */
export const MARK_START = String.raw`(?:[([<{\uff08]|(?:TOP SECRET|SECRET|CONFIDENTIAL|TS|[UCS])[ \t/:)-]|T?[^\x00-\x7f]|[A-Za-z]{1,12}(?: [A-Za-z]{1,6})?\/)`;

/**
 * `**S//NF** The …`, `__(S__ …`: a mark set in bold or italics whose closing `**` or `__` sits
 * right after it, where a blank or the text is looked for. When the line's `prefix` (what comes
 * before `at`) ends with the opener, returns `source` with the closer (the first one within 60
 * characters of `at` on its line) blanked, offsets unchanged, for the mark readers to read again;
 * else null.
 */
export function withEmphasisCloserBlanked(source: string, prefix: string, at: number, last: number): string | null {
  if (!/(?:\*\*|__)[ \t]*$/.test(prefix)) return null;
  const end = Math.min(last, at + 60);
  for (let i = at + 1; i < end - 1; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a) return null;
    if ((c === 0x2a || c === 0x5f) && source.charCodeAt(i + 1) === c) return `${source.slice(0, i)}  ${source.slice(i + 2)}`;
  }
  return null;
}

/** `C) …`, `a) …`: a list letter, not a mark that lost its `(` (a REF list: `C) 07 SAN JOSE 335`). */
export const LIST_LETTER = /^[A-Za-z]\)/;

/**
 * `S// The source …`: a level and the separator with nothing between it and the text, before a
 * capital (a mark whose parentheses and controls were lost). Not `//S Visit to Madrid//`, a
 * cable's heading (S is the Secretary).
 */
const BARE_SEPARATOR = /^(?:TS|[UCS])\/\/(?=[ \t]+["“‘'(\p{Lu}\p{N}])/u;

/** T, S, C or U: the letters a level opens with, the cheap test before any expression runs. */
function isLevelLetter(code: number): boolean {
  return code === 0x54 || code === 0x53 || code === 0x43 || code === 0x55;
}

/** True when `inner`, written between parentheses, would be a mark (understood or not). */
function wouldBeMark(inner: string): boolean {
  return classifyParenthetical(inner) !== 'not-a-marking';
}

/**
 * Reads a look-alike mark at `offset` (no blanks skipped); null when there is none. Cheap when the
 * first character cannot start one. `bannerRelTo` completes a bare `REL` inside `((S//REL)`.
 */
export function readLookalikeMark(source: string, offset: number, bannerRelTo: readonly string[] = []): LookalikeMark | null {
  return (
    readAsciiLookalike(source, offset, bannerRelTo) ??
    inForeignLetters(source, offset, (folded) => readAsciiLookalike(folded, 0, bannerRelTo)) ??
    inOtherCase(source, offset, bannerRelTo)
  );
}

/**
 * A level in lower or mixed case and a slash, after an optional opening bracket, as the first word
 * at `offset` (`s//nf: …`, `Secret//NF: …`, `[s//nf] …`): the forms above are read in capitals.
 */
const OTHER_CASE_HEAD = /[[(<{]?(?:top secret|secret|confidential|ts|[csu])[ \t]*\/[^\s]{0,60}/iy;

/**
 * The look-alike that the first word at `offset` is once set in capitals (`s//nf: …` is read as
 * `S//NF: …`; the text after it keeps its case, which some forms look at), with its characters as
 * written; null when there is none. A slash is required: `Secret talks` and `c/o` are prose.
 */
function inOtherCase(source: string, offset: number, bannerRelTo: readonly string[]): LookalikeMark | null {
  // The hot path: a sticky expression fails at a word's first letters, with no slice made.
  OTHER_CASE_HEAD.lastIndex = offset;
  const m = OTHER_CASE_HEAD.exec(source);
  if (!m || m[0] === m[0].toUpperCase()) return null;
  const upper = `${m[0].toUpperCase()}${source.slice(offset + m[0].length, offset + 90)}`;
  const l = readAsciiLookalike(upper, 0, bannerRelTo);
  if (!l || l.marking) return null;
  const raw = source.slice(offset, offset + (l.end - l.start));
  return { start: offset, end: offset + raw.length, raw, marking: null, message: `Mark ${JSON.stringify(raw)} is written in lower case or mixed case, read as ${JSON.stringify(l.raw)}; not understood.` };
}

/** Characters looked at for a mark written in look-alike letters: as far as readLookalikeMark looks. */
const FOREIGN_HEAD = 90;

/**
 * A mark in look-alike letters has one among its first characters (the level, `//` and the first
 * control: `Ѕ//NF`, `(S//ΝF`); a line without one there is not looked at again (the hot path).
 */
const FOREIGN_GATE = 8;

/** True when a character outside ASCII is among the `n` code units from `offset`, on its line. */
function nonAsciiWithin(source: string, offset: number, n: number): boolean {
  const end = Math.min(source.length, offset + n);
  for (let i = offset; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a) return false;
    if (c >= 0x80) return true;
  }
  return false;
}

/**
 * The look-alike `read` finds at `offset` once letters of other scripts or styles are folded to the
 * Latin ones they show (`ЅECRET: …` with a Cyrillic Dze, `(Ѕ] …`, `𝐒//NF The …`), mapped back to
 * the source: read as prose, such a paragraph was released in an UNCLASSIFIED document. Null when
 * the line's head has no such letter (the common case: one test of its first characters).
 */
export function inForeignLetters(source: string, offset: number, read: (folded: string) => LookalikeMark | null): LookalikeMark | null {
  if (!nonAsciiWithin(source, offset, FOREIGN_GATE)) return null;
  const eol = source.indexOf('\n', offset);
  const head = source.slice(offset, Math.min(eol < 0 ? source.length : eol, offset + FOREIGN_HEAD));
  if (!hasForeignLetters(head)) return null;
  const folded = foldForeignLettersMapped(head);
  const l = read(folded.text);
  if (!l) return null;
  const end = offset + folded.ends[l.end - 1]!;
  const raw = source.slice(offset, end);
  return { start: offset, end, raw, marking: null, message: `Mark ${JSON.stringify(raw)} is written in letters of another script or style, read as ${JSON.stringify(l.raw)}; not understood.` };
}

function readAsciiLookalike(source: string, offset: number, bannerRelTo: readonly string[]): LookalikeMark | null {
  const lead = source.charCodeAt(offset);
  // `[`, `（`, `((`, another opening bracket, or a level letter (T S C U) and a slash: anything
  // else starts no look-alike.
  if (isLevelLetter(lead)) {
    // A label: `S//` or `TS//`, or a level spelled out (`SECRET//NF`, `SECRET:`). Most lines
    // that start with one of these letters start a word.
    if (source.charCodeAt(offset + (lead === 0x54 ? 2 : 1)) !== 0x2f) {
      const head = source.slice(offset, offset + 90);
      const m = SPELLED_LEVELS.some((w) => head.startsWith(w)) ? SPELLED_LABEL.exec(head) : null;
      if (m) return spelledLabel(offset, m[0]);
      const u = UNOPENED.exec(head);
      return u ? unopened(offset, u[0]) : looseLabel(offset, head);
    }
  } else if (lead === 0x28) {
    const next = source.charCodeAt(offset + 1);
    // `((`, or a level letter (either case: `(s]`) or R after `(` (`(S·NF)`, `(R)`).
    if (next !== 0x28 && next !== 0x52 && !isLevelLetter(next) && !isLevelLetter(next - 0x20)) return null;
  } else if (lead !== 0x5b && lead !== 0xff08 && lead !== 0x3c && !OTHER_CLOSE.has(source[offset]!)) return null;
  const head = source.slice(offset, offset + 70);
  const at = (raw: string, message: string, marking: Marking | null = null): LookalikeMark => ({
    start: offset,
    end: offset + raw.length,
    raw,
    marking,
    message,
  });
  let m = BRACKETED.exec(head);
  if (m && wouldBeMark(m[1]!)) return at(m[0], `Mark ${JSON.stringify(m[0])} is written in square brackets; expected (${m[1]}).`);
  const close = OTHER_CLOSE.get(head[0]!);
  const end = close ? head.indexOf(close, 2) : -1;
  if (close && end > 1 && end <= 49 && /^[A-Z]/.test(head[1]!) && !head.slice(1, end).includes('\n') && wouldBeMark(foldFullWidth(head.slice(1, end)))) {
    const inner = foldFullWidth(head.slice(1, end));
    return at(head.slice(0, end + 1), `Mark ${JSON.stringify(head.slice(0, end + 1))} is written in ${head[0]}${close} brackets; expected (${inner}).`);
  }
  m = FULL_WIDTH.exec(head);
  if (m) {
    const inner = foldFullWidth(m[1]!);
    if (wouldBeMark(inner)) return at(m[0], `Mark ${JSON.stringify(m[0])} is written in full-width parentheses; expected (${inner}).`);
  }
  m = DOUBLED.exec(head);
  if (m && wouldBeMark(m[1]!)) {
    const parsed = parseMarking(`(${m[1]})`, 'portion', { bannerRelTo });
    const note = `Mark ${JSON.stringify(m[0])} has a doubled opening parenthesis`;
    if (parsed.ok) return at(m[0], `${note}; read as (${m[1]}).`, { ...parsed.marking, raw: m[0], span: { start: offset, end: offset + m[0].length } });
    return at(m[0], `${note}; ${parsed.message}`);
  }
  m = MISMATCHED.exec(head);
  if (m && wouldBeMark(m[1] ?? m[2]!)) return at(m[0], `Mark ${JSON.stringify(m[0])} opens and closes with different brackets; expected (${m[1] ?? m[2]}).`);
  m = ANGLED.exec(head);
  if (m && m[1] !== 'U' && wouldBeMark(m[1]!)) return at(m[0], `Mark ${JSON.stringify(m[0])} is written in angle brackets; expected (${m[1]}).`);
  m = ODD_SEPARATOR.exec(head) ?? ODD_SEPARATOR_AT_MARK.exec(head);
  if (m) return at(m[0], `Mark ${JSON.stringify(m[0])} joins its parts with a character that is not the separator '//'; not understood.`);
  m = RESTRICTED.exec(head);
  if (m) return at(m[0], `Mark "(R)" (RESTRICTED, a foreign or NATO level) is not a United States portion mark; not understood.`);
  m = UNOPENED.exec(head);
  if (m) return unopened(offset, m[0]);
  m = BARE_SEPARATOR.exec(head);
  if (m) return at(m[0], `Mark ${JSON.stringify(m[0])} has no parentheses and no control; not understood.`);
  m = LABEL.exec(head);
  if (m) return at(m[0], `Mark ${JSON.stringify(m[0])} is written ${m[0].endsWith(':') ? 'as a label ' : ''}without parentheses; expected (${m[0].replace(/:$/, '').trim()}).`);
  return isLevelLetter(lead) ? looseLabel(offset, head) : null;
}

/**
 * `S/NF: …`, `S/NF The …`, `SECRET/NOFORN: …`, `S NF) …`, `SECRET//NF) …`, `C-NF: …`,
 * `SECRET//REL TO USA, GBR The …`: a level above U and a known control joined by one slash, a blank
 * or a hyphen (or by `//` after a spelled level or before a REL TO list), with no parentheses, then
 * a colon, a closing parenthesis, a dash between blanks, or a sentence; an abbreviated level with a slash also before text
 * in capitals (a cable's `2. S/NF THE MINISTER …`). Alone on its line a spelled level can be a
 * banner, which the readers take as such; an abbreviated one (`S/NF`, `TS NF`, `C-NF`) is a mark
 * for the text under it.
 */
const LOOSE_LABEL = new RegExp(
  String.raw`^(?:(?:TOP SECRET|SECRET|CONFIDENTIAL|TS|[CS])(?:[ \t]*\/{1,2}[ \t]*|[ \t]+|-)${LOOSE_CONTROL}(?:\/{1,2}${LOOSE_CONTROL})*(?:[ \t]*[:)]|[ \t]+[-–—]{1,2}(?=[ \t]+["“‘'(]?[\p{Lu}\p{N}])|(?=[ \t]+["“‘'(]?\p{Lu}\p{Ll}))|(?:TS|[CS])\/{1,2}${LOOSE_CONTROL}(?:\/{1,2}${LOOSE_CONTROL})*(?=[ \t]+["“‘'(]?[\p{Lu}\p{N}])(?![ \t]+\p{Lu}{2,}\/)|(?:TS|[CS])(?:[ \t]*\/{1,2}[ \t]*|[ \t]+|-)${LOOSE_CONTROL}(?:\/{1,2}${LOOSE_CONTROL})*(?=[ \t]*(?:\r?\n|$)))`,
  'u',
);

/** The look-alike of a loosely written label (see LOOSE_LABEL) at `offset`, whose line starts `head`; null when there is none. */
function looseLabel(offset: number, head: string): LookalikeMark | null {
  const m = LOOSE_LABEL.exec(head);
  if (!m) return null;
  return { start: offset, end: offset + m[0].length, raw: m[0], marking: null, message: `Mark ${JSON.stringify(m[0])} is written without parentheses; not understood.` };
}

/** The look-alike of a mark that lost its opening parenthesis (see UNOPENED). */
function unopened(offset: number, raw: string): LookalikeMark {
  return { start: offset, end: offset + raw.length, raw, marking: null, message: `Mark ${JSON.stringify(raw)} has lost its opening parenthesis; expected (${raw}.` };
}

/** The look-alike of a level spelled out as a label (see SPELLED_LABEL). */
function spelledLabel(offset: number, raw: string): LookalikeMark {
  const mark = raw.replace(/:$/, '').trim();
  return { start: offset, end: offset + raw.length, raw, marking: null, message: `Mark ${JSON.stringify(raw)} is a level spelled out as a label, without parentheses; not understood (a portion mark is written (${mark}) in short form).` };
}

/**
 * One word of a label that numbers a paragraph: with a digit (`2.1`, `[1]`, `#1`, `-1-`), no
 * letters (`***`, `→`), a Roman numeral or a single letter (`II.`, `iv)`, `(a)`), or a word that
 * introduces a number (`No.`, `Para.`, `Section`). Not a name: `Ilse Aigner (CSU)` is a party.
 */
const LABEL_WORD = String.raw`(?:\S*\d\S*|[^\s\p{L}]+|[(\[]?(?:[IVXLivxl]{1,5}|\p{L})[.):\]]{0,2}|(?:No|Para|Paragraph|Section|Item|Note|Part|Art|Article|PARA|PARAGRAPH|SECTION|ITEM|NOTE|PART)\.?:?)`;

/** Text before a mark that is such a label, not prose: at most two label words, none longer than ten characters. */
const SHORT_LABEL = new RegExp(String.raw`^(?:(?=\S{1,10}[ \t])${LABEL_WORD}[ \t]+)?(?:(?=\S{1,10}(?:[ \t]|$))${LABEL_WORD}[ \t]*)?$`, 'u');

/**
 * A near miss written as one word in capitals without digits, as marks are: `(SS)`, `(S-)`,
 * `(NF)`; not an office's code (`(S12)`), a name (`(CT Analytic Services)`) or a word (`(Sun)`).
 */
export const ONE_WORD_NEAR_MISS = /^\([^\s\da-z()]{1,12}\)$/;

/**
 * `Section 2. (SS) …`, `II. (SS) …`, `No. 1 (SS) …`, `[1] (SS) …`: a mark not understood, written
 * as one word, after a short label the reader's prefixes do not take, within the first 24
 * characters from `at`. `read` is the reader's own: a mark it understands there ends the search
 * (the reader's scan of the line takes it); a near miss was not seen, and its paragraph was
 * released as unmarked in an UNCLASSIFIED document. Both readers ask here (fail closed).
 */
export function nearMissAfterShortLabel<T extends { readonly status: 'marked' | 'unknown'; readonly start: number; readonly end: number }>(
  source: string,
  at: number,
  last: number,
  read: (open: number) => T | null,
): T | null {
  const end = Math.min(last, at + 24);
  for (let open = indexBefore(source, '(', at, end); open >= 0; open = indexBefore(source, '(', open + 1, end)) {
    if (!SHORT_LABEL.test(source.slice(at, open))) return null;
    const hit = read(open);
    if (hit) return hit.status === 'unknown' && ONE_WORD_NEAR_MISS.test(source.slice(hit.start, hit.end)) ? hit : null;
  }
  return null;
}

/**
 * `(S//NF The source …`, `(SECRET//NF The …`, `(s//nf The …`: a level, the CAPCO separator
 * (`//`, or `/` as cables write it, in capitals) and controls, then text, where no `)` closes
 * them: a mark whose closing parenthesis was lost. The separator is required after a letter:
 * prose opens with `(See …` or `(U.S. …`, never with `(S//`; a level spelled out in capitals
 * before a sentence (`(SECRET The source said …`) needs none, nor does an abbreviated one before
 * a sentence (a capitalised word, then one in lower case: `(S The source said …`; not `(C and D)`).
 * And a level, with or without controls, that ends its line (`2. (S//NF` / `THE SOURCE …`: the
 * paragraph's text on the lines below). A level and a control written loosely (`(S NF The …`,
 * `(SECRET-NOFORN The …`) are one too: the controls are a closed list (LOOSE_CONTROL), which
 * prose does not open a parenthesis with.
 */
const UNCLOSED_BEFORE_TEXT = new RegExp(String.raw`^\((?:(?:TOP SECRET|SECRET|CONFIDENTIAL|TS|[CS])(?:[ \t]+|[ \t]*-[ \t]*)${LOOSE_CONTROL}(?:[ \t]*\/{1,2}[ \t]*${LOOSE_CONTROL})*(?=[ \t]+\S|[ \t]*(?:\r?\n|$))|(?:TOP SECRET|SECRET|CONFIDENTIAL|TS|[CSU])\/{1,2}[A-Z][A-Z0-9,/-]*(?=[ \t]+\S)|(?:ts|[csu])\/\/[A-Za-z][A-Za-z0-9,/-]*(?=[ \t]+\S)|(?:TOP SECRET|SECRET|CONFIDENTIAL)(?=[ \t]+["“‘']?\p{Lu}\p{Ll})|(?:TS|[CS])(?=[ \t]+["“‘']?\p{Lu}\p{Ll}+[ \t,]+\p{Ll})|(?:TOP SECRET|SECRET|CONFIDENTIAL|TS|[CS]|U(?=[ \t]*\/))(?:[ \t]*\/{1,2}[A-Z0-9 ,/-]*)?(?=[ \t]*(?:\r?\n|$)))`, 'u');

/**
 * The mark that lost its closing parenthesis at `offset` (see UNCLOSED_BEFORE_TEXT), ending
 * before `end`; null when there is none. Asked where a mark belongs, by both readers, and only
 * when no mark closed by `)` is there: read as no mark at all, its paragraph was released in an
 * UNCLASSIFIED cable, or once a memo's declassification date had passed.
 */
export function readUnclosedMark(source: string, offset: number, end: number): LookalikeMark | null {
  return readAsciiUnclosed(source, offset, end) ?? inForeignLetters(source, offset, (folded) => readAsciiUnclosed(folded, 0, folded.length));
}

function readAsciiUnclosed(source: string, offset: number, end: number): LookalikeMark | null {
  if (source.charCodeAt(offset) !== 0x28) return null;
  const m = UNCLOSED_BEFORE_TEXT.exec(source.slice(offset, Math.min(end, offset + 90)));
  if (!m) return null;
  return { start: offset, end: offset + m[0].length, raw: m[0], marking: null, message: `Mark ${JSON.stringify(m[0])} is not closed; expected (${m[0].slice(1)}).` };
}

/** A level and the CAPCO separator without parentheses or colon: `S//NF`, `TS//SI//REL`. */
const BARE_LABEL = /^(?:TS|[UCS])\/\/[A-Z][A-Z0-9/,-]*/;

/**
 * `2. S//NF Text …`: a mark without parentheses or colon right after a paragraph or item number,
 * where a mark is expected (a mark not understood). Only asked there: elsewhere a line can start
 * so in prose (`… held at the` / `TS//SI level`).
 */
export function readBareLabelMark(source: string, offset: number): LookalikeMark | null {
  return readAsciiBareLabel(source, offset) ?? inForeignLetters(source, offset, (folded) => readAsciiBareLabel(folded, 0));
}

function readAsciiBareLabel(source: string, offset: number): LookalikeMark | null {
  const lead = source.charCodeAt(offset);
  if (!isLevelLetter(lead)) return null;
  const m = BARE_LABEL.exec(source.slice(offset, offset + 40));
  if (!m) return null;
  return {
    start: offset,
    end: offset + m[0].length,
    raw: m[0],
    marking: null,
    message: `Mark ${JSON.stringify(m[0])} after the number has no parentheses; expected (${m[0]}).`,
  };
}

/**
 * Look-alike marks inside a text, after its own mark: in square brackets anywhere (`(U) … [S] the
 * source …`, `… [S//NF] …`), not glued to a word before (`word[s]`) or after (`[S]he said`, an
 * editor's capital in a quotation); labels at the start of a later line (`S//NF The source …`,
 * `S//NF: …`), where the cable reader does not start a portion, or after a sentence end in the
 * middle of a line (`… that day. S//NF The source …`); and parentheticals in the CAPCO
 * form (a level and `//`) that the readers' own scans pass over: glued to the word before
 * (`Tuesday(S//NF)`, a space lost in text out of a PDF), in lower case, with a leading slash, a
 * control the grammar does not know, or wrapped onto the next line (`(TS//SI//REL TO` /
 * `USA, FVEY)`), which may end past `to`. Each with the marking its inside would be in
 * parentheses, when the grammar reads it; plain `(U)` ones are left out (they say nothing above
 * the text around them). Linear.
 */
export function lookalikeMarksInside(source: string, from: number, to: number): LookalikeMark[] {
  const found = asciiMarksInside(source, from, to);
  const text = source.slice(from, to);
  if (!hasForeignLetters(text)) return found;
  // Letters of other scripts or styles (`… Monday. Ѕ//NF The …`, `[Ѕ]`, `Tuesday(Ѕ//NF)`): the
  // text is read folded too, and what is found there and not as written is mapped back to the
  // source (the fold also makes ASCII of what is a look-alike only as written: `（S）`).
  const folded = foldForeignLettersMapped(text);
  const asWritten = (start: number, end: number) => text.slice(folded.starts[start], folded.ends[end - 1]) === folded.text.slice(start, end);
  for (const l of [...asciiMarksInside(folded.text, 0, folded.text.length, asWritten), ...foldedParentheticals(folded.text, asWritten)]) {
    const start = from + folded.starts[l.start]!;
    const end = from + folded.ends[l.end - 1]!;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    const raw = source.slice(start, end);
    const span = { start, end };
    found.push({ ...span, raw, marking: l.marking && { ...l.marking, raw, span }, message: raw === l.raw ? l.message : `${l.message} (written in letters of another script or style, read as ${JSON.stringify(l.raw)})` });
  }
  return found.sort((x, y) => x.start - y.start);
}

/**
 * `source.indexOf(needle, from)` when it starts before `to`, else -1, looking no further: searched
 * to the source's end for each portion, a character the rest of a long document lacks made its
 * reading quadratic (10,000 one-line portions: seconds; probe 63a F8).
 */
function indexBefore(source: string, needle: string, from: number, to: number): number {
  if (from >= to) return -1;
  const i = source.slice(from, to + needle.length - 1).indexOf(needle);
  return i < 0 ? -1 : from + i;
}

/**
 * `asWritten(start, end)`: whether `source` there is the text as written (false inside a text
 * folded to Latin letters where the fold changed it: the readers' own scans did not see that mark).
 */
function asciiMarksInside(source: string, from: number, to: number, asWritten: (start: number, end: number) => boolean = () => true): LookalikeMark[] {
  const found: LookalikeMark[] = [];
  const add = (start: number, raw: string, inner: string, message: string): void => {
    const parsed = parseMarking(`(${inner})`, 'portion');
    if (parsed.ok && !abovePlainU(parsed.marking)) return;
    const span = { start, end: start + raw.length };
    found.push({ ...span, raw, marking: parsed.ok ? { ...parsed.marking, raw, span } : null, message });
  };
  for (let open = indexBefore(source, '[', from, to); open >= 0; open = indexBefore(source, '[', open + 1, to)) {
    if (isLetterOrDigit(source.charCodeAt(open - 1))) continue;
    const m = BRACKETED.exec(source.slice(open, Math.min(to, open + 50)));
    if (!m || isLetterOrDigit(source.charCodeAt(open + m[0].length)) || !wouldBeMark(m[1]!)) continue;
    add(open, m[0], m[1]!, `Mark ${JSON.stringify(m[0])} inside the text is written in square brackets; which words it covers is not known.`);
    open += m[0].length - 1;
  }
  for (let nl = indexBefore(source, '\n', from, to); nl >= 0; nl = indexBefore(source, '\n', nl + 1, to)) {
    let at = nl + 1;
    while (source[at] === ' ' || source[at] === '\t') at++;
    const lead = source.charCodeAt(at);
    if (!isLevelLetter(lead)) continue;
    const m = LABEL.exec(source.slice(at, Math.min(to, at + 70)));
    if (m) add(at, m[0], m[0].replace(/:$/, '').trim(), `Mark ${JSON.stringify(m[0])} starts a line inside the text without parentheses; which words it covers is not known.`);
  }
  // `… last week. <S> The source …`, `… week. {S} …`, `… week. S//NF) …`: a look-alike mark
  // after a sentence end in the middle of a line (a paragraph whose own line was joined to the one
  // above, as text out of a PDF can be). Labels are MID_LINE_LABEL's; `(R)` is not looked for
  // inside a text (`Senator Smith (R) said`).
  for (const m of source.slice(from, to).matchAll(AFTER_SENTENCE_END)) {
    const at = from + m.index + m[0].length;
    const l = readLookalikeMark(source, at) ?? (closedOnItsLine(source, at) ? null : unclosedBeforeText(source, at, to));
    // A label before text is MID_LINE_LABEL's (below); one ending in a colon is not.
    if (!l || l.end > to || (LABEL.test(l.raw) && !l.raw.endsWith(':'))) continue;
    // Only a doubled parenthesis (`((S)`) comes with the marking inside it.
    if (l.marking) add(at, l.raw, l.raw.slice(2, -1), l.message);
    else found.push({ start: l.start, end: l.end, raw: l.raw, marking: null, message: `${l.message} It follows a sentence end inside the text; which words it covers is not known.` });
  }
  if (indexBefore(source, '//', from, to) >= 0) {
    // Within the text only (the expression would otherwise run on to the source's end each time).
    for (const m of source.slice(from, to).matchAll(MID_LINE_LABEL)) {
      add(from + m.index, m[0], m[0], `Mark ${JSON.stringify(m[0])} follows a sentence end inside the text without parentheses; which words it covers is not known.`);
    }
  }
  for (let open = indexBefore(source, '(', from, to); open >= 0; open = indexBefore(source, '(', open + 1, to)) {
    const m = CAPCO_FORM.exec(source.slice(open, open + MAX_CAPCO + 2));
    if (!m) {
      // `… last week. (S·NF) The source …`: a separator that is not '//' (see ODD_SEPARATOR).
      const odd = isLevelLetter(source.charCodeAt(open + 1)) ? ODD_SEPARATOR.exec(source.slice(open, Math.min(to, open + 70))) : null;
      if (odd) {
        add(open, odd[0], odd[0].slice(1, -1), `Mark ${JSON.stringify(odd[0])} inside the text joins its parts with a character that is not the separator '//'; not understood.`);
        open += odd[0].length - 1;
      }
      continue;
    }
    const raw = m[0];
    const flat = raw.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
    // Written as a mark and read by the grammar where it stands: the reader's own scan raises by it.
    if (asWritten(open, open + raw.length) && !isLetterOrDigit(source.charCodeAt(open - 1)) && flat === raw && /^\([A-Z]/.test(raw) && parseMarking(raw, 'portion').ok) continue;
    add(open, raw, flat.slice(1, -1).trim().replace(/^\/+\s*/, '').toUpperCase(), `Mark ${JSON.stringify(raw)} inside the text is glued to a word, in lower case, wrapped or not understood; which words it covers is not known.`);
    open += raw.length - 1;
  }
  // Anywhere in the text, a level and a slash in other brackets, brackets that do not match, or
  // after a `(` never closed (`the source {S//NF} said`, `<TS//SI>`, `(S//NF]`, `(S//NF said`): a
  // level, a slash and a control are never prose there. A level alone can be (`<S>` strikes
  // through in HTML, `{S}` is a set, `（S）` a size), and is looked for after a sentence end only.
  for (let slash = indexBefore(source, '/', from, to); slash >= 0; slash = indexBefore(source, '/', slash + 1, to)) {
    const at = openerBeforeLevel(source, from, slash);
    if (at < 0 || isLetterOrDigit(source.charCodeAt(at - 1)) || found.some((f) => f.start <= at && at < f.end)) continue;
    // `(C//REL TO USA, NATO)` is closed: not read as `(C//REL` before text.
    const l = readLookalikeMark(source, at) ?? (closedOnItsLine(source, at) ? null : (unclosedBeforeText(source, at, to) ?? unclosedSlashed(source, at, to)));
    if (!l || l.end > to) continue;
    if (l.marking) add(at, l.raw, l.raw.slice(2, -1), l.message);
    else found.push({ start: l.start, end: l.end, raw: l.raw, marking: null, message: `${l.message} It is inside the text; which words it covers is not known.` });
  }
  return found.sort((x, y) => x.start - y.start);
}

/** Opening brackets of any kind (see the last scan of asciiMarksInside). */
const OPENERS = new Set(['(', '[', '<', '{', ...OTHER_CLOSE.keys(), '\uff08']);

/** A level that ends where a slash follows (blanks between), looked for back from the slash. */
const LEVEL_BEFORE_SLASH = /(?:TOP SECRET|SECRET|CONFIDENTIAL|TS|[UCS])[ \t]*$/;

/**
 * Where the opening bracket is of a level and the slash at `slash` (`{S//`, `<TOP SECRET/`, `((S//`,
 * the first `(` of a doubled one), not before `from`; -1 when the slash follows no such thing. Asked
 * of each slash in a text: most are dates and office names (`12/05`, `PolOff/EconOff`).
 */
function openerBeforeLevel(source: string, from: number, slash: number): number {
  const c = source.charCodeAt(slash - 1);
  if (c !== 0x53 && c !== 0x43 && c !== 0x55 && c !== 0x54 && c !== 0x4c && c !== 0x20 && c !== 0x09) return -1; // the last letter of a level (S C U T L), a blank
  const head = source.slice(Math.max(from, slash - 16), slash);
  const level = LEVEL_BEFORE_SLASH.exec(head);
  if (!level) return -1;
  let at = slash - (head.length - level.index) - 1;
  if (at < from || !OPENERS.has(source[at]!)) return -1;
  if (source[at] === '(' && at > from && OPENERS.has(source[at - 1]!)) at--;
  return at;
}

/**
 * True when the `(` at `at` is closed on its line, before another opens, around what would be a
 * mark (`(C//REL TO USA, NATO)`, which the readers' own scans read): not one that lost its `)`.
 */
function closedOnItsLine(source: string, at: number): boolean {
  if (source.charCodeAt(at) !== 0x28) return false;
  for (let i = at + 1; i < source.length && i < at + 100; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x29) return wouldBeMark(source.slice(at + 1, i));
    if (c === 0x0a || c === 0x28) return false;
  }
  return false;
}

/** `(S//NF` and its controls, in capitals (see unclosedSlashed). */
const SLASHED_LEVEL = /^\((?:TOP SECRET|SECRET|CONFIDENTIAL|TS|[UCS])[ \t]*\/{1,2}[ \t]*[A-Z][A-Z0-9,/-]*(?: TO [A-Z]{3}(?:, ?[A-Z]{3,4})*)?/;

/**
 * `… met the officer (S//` at the text's end: a level and the separator, nothing after them (a mark
 * cut short). The README's rule takes any parenthetical written with `//` (probe 63a F7).
 */
const CUT_SLASHED = /^\((?:TOP SECRET|SECRET|CONFIDENTIAL|TS|[UCS])[ \t]*\/{1,2}(?=\s*$)/;

/**
 * `… said so (S//NF.`: a level, a slash and a control after a `(` that nothing on its line closes
 * (the CAPCO form closed on the next line is CAPCO_FORM's), inside a text.
 */
function unclosedSlashed(source: string, at: number, to: number): LookalikeMark | null {
  const head = source.slice(at, Math.min(to, at + 90));
  const cut = CUT_SLASHED.exec(head);
  if (cut) return { start: at, end: at + cut[0].length, raw: cut[0], marking: null, message: `Mark ${JSON.stringify(cut[0])} ends the text with nothing after its separator; not understood.` };
  const m = SLASHED_LEVEL.exec(head);
  if (!m) return null;
  const eol = source.indexOf('\n', at);
  if (eol >= 0 && eol < to && /^[ \t]*$/.test(source.slice(at + m[0].length, eol))) return null;
  return { start: at, end: at + m[0].length, raw: m[0], marking: null, message: `Mark ${JSON.stringify(m[0])} is not closed; expected ${m[0]}).` };
}

/**
 * Parentheticals of a text folded to Latin letters that the grammar would take for a mark above
 * plain (U) (`The café (Ѕ) was …`, `… Tuesday. (Ѕ NF) The …` with a Cyrillic Ѕ), where the fold
 * made them so: as written (`(S)`, `(S NF)`) the readers' own scans read them; in other letters
 * they did not.
 */
function foldedParentheticals(text: string, asWritten: (start: number, end: number) => boolean): LookalikeMark[] {
  const found: LookalikeMark[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    const close = text.indexOf(')', open);
    if (close < 0) break;
    if (close - open > 50 || text.slice(open, close).includes('\n') || asWritten(open, close + 1)) continue;
    const inner = text.slice(open + 1, close);
    if (!wouldBeMark(inner)) continue;
    const parsed = parseMarking(`(${inner})`, 'portion');
    if (parsed.ok && !abovePlainU(parsed.marking)) continue;
    const raw = text.slice(open, close + 1);
    found.push({ start: open, end: close + 1, raw, marking: null, message: `Mark ${JSON.stringify(raw)} inside the text is not understood.` });
  }
  return found;
}

/**
 * {@link readUnclosedMark} at `at` when text follows it on its line: one that ends its line is
 * CAPCO_FORM's to read inside a text, wrapped (`(S//` / `NF)`).
 */
function unclosedBeforeText(source: string, at: number, to: number): LookalikeMark | null {
  const l = readUnclosedMark(source, at, to);
  return l && !/^[ \t]*(?:\r?\n|$)/.test(source.slice(l.end, l.end + 3)) ? l : null;
}

/**
 * A label without parentheses after a sentence end in the middle of a line (`… that day. S//NF The
 * asset …`: a paragraph whose mark opened a later line, refilled into one line by a word processor
 * or by text taken out of a PDF), before what a label mark comes before (see {@link LABEL}). In
 * prose a label follows a word (`held at the TS//SI level`).
 */
const MID_LINE_LABEL = /(?<=[.!?:;]["'”’)\]]*[ \t]+)(?:TS|[UCS])\/\/[A-Z][A-Z0-9/,-]*(?=[ \t]+["“‘'(\p{Lu}\p{N}]|[ \t]*(?:\r?\n|$))/gu;

/**
 * A sentence end and the blanks after it, in the middle of a line, before what can open a
 * look-alike mark read by readLookalikeMark or readUnclosedMark (brackets other than square ones,
 * which are looked for anywhere, a doubled parenthesis, a level and `//`, a level in capitals,
 * abbreviated or spelled, after an optional `(` or `[` and before a blank, slash, colon, hyphen
 * or closing bracket: `(S]`, `[S//NF)`, `(S//NF The …`, `S/NF: …`, `SECRET The …`).
 */
const AFTER_SENTENCE_END = /[.!?:;]["'”’)\]]*[ \t]+(?=[<{\u00ab\u3010\u300c\ufe59\u207d\u208d\u2768\u27ee\uff3b\u3014\uff08]|\(\(|(?:TS|[UCS])\/\/|[([]?(?:TOP SECRET|SECRET|CONFIDENTIAL|TS|[CS])[ \t/:)\]-])/g;

/** Longest CAPCO-form parenthetical looked for inside a text, in characters between the parentheses. */
const MAX_CAPCO = 90;

/**
 * A parenthetical in the CAPCO form: a level (any case, after optional slashes) and `//`, closed
 * on its line or the next (`(S//NF)`, `(s//nf)`, `(//S//NF)`, `(S//` / `NF)`).
 */
const CAPCO_FORM = /^\([ \t]*\/{0,2}[ \t]*(?:TS|[SCU])[ \t]*(?:\r?\n[ \t]*)?\/\/[^()\n]{0,88}(?:\n[^()\n]{0,88})?\)/i;
