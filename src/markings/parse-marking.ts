/**
 * Parsing one marking: a portion mark such as `(S//NF)` or the classification words of a banner.
 *
 * The parser is lenient about legacy and sloppy forms (single slashes, spaces, hyphens, lower case,
 * spelled-out or abbreviated words, country names in REL lists) and records a note for each
 * normalisation; it is strict about everything it does not understand: an unknown word, an empty
 * category or a stray character makes the whole mark fail (`ok: false`). It never guesses a level.
 */
import type { Level, Marking } from '../types.js';
import { AEA_CLASSIFIED, CONTROL_ORDER, REL_TO_POSITION, SCI_SYSTEMS, controlCategory, portionAbbreviation } from './controls.js';
import { lookupCountry } from './countries.js';
import { LEVEL_BANNER } from './levels.js';
import { MarkingError } from './marking-error.js';
import { makeMarking } from './marking.js';
import { parseRelTo } from './parse-rel-to.js';
import { phraseAt, startsElement } from './phrases.js';
import { REL_TO_NOTES, sortRelTo } from './rel-to.js';
import { type Item, type Separator, repairBanner, tokenize } from './tokens.js';
import { CONTROL_WORDS, LEVEL_WORDS, MAX_PHRASE_WORDS, TRAILERS } from './vocabulary.js';

/** Result of parsing one marking. */
export type MarkingParse =
  | { readonly ok: true; readonly marking: Marking }
  | { readonly ok: false; readonly reason: 'unknown' | 'malformed'; readonly message: string };

/** Where a marking was written: a portion mark `(S//NF)` (with parentheses) or a banner line. */
export type MarkingContext = 'portion' | 'banner';

/** What the surrounding document tells the grammar (optional; cables pass nothing). */
export interface MarkingOptions {
  /**
   * The REL TO list of the banner the mark sits under (`USA` first), when the document has one.
   * A bare `REL` (`(S//SI//REL)`) means "REL TO the banner's list" (CAPCO §H.8): with this list it
   * is read as that list, with a note; without it, it stays NOFORN (fail closed).
   */
  readonly bannerRelTo?: readonly string[];
}

const EXAMPLES: Record<MarkingContext, string> = {
  portion: 'a level (U, C, S, TS) then controls, e.g. (C), (S//NF), (U//SBU), (C//REL TO USA, GBR)',
  banner: 'a level word then controls, e.g. SECRET//NOFORN, CONFIDENTIAL, UNCLASSIFIED//SBU',
};

/**
 * Parse one marking.
 *
 * - `portion`: `raw` is the mark with its parentheses, e.g. `(S//NF)`, `(s/nf)`, `(SBU/NF)`. Pass a
 *   double mark such as `(U) (SBU)` as two calls and combine them with `mostRestrictive`.
 * - `banner`: `raw` is the classification words of a banner line without `SECTION nn OF nn`, the
 *   post and the number, e.g. `C O N F I D E N T I A L`, `SECRET//NOFORN`, `UNCLAS E F T O`,
 *   `LIMITED OFFICIAL USE`. A banner must start with a level word (only `LIMITED OFFICIAL USE`, the
 *   pre-1995 State caption, stands alone). A caveat on its own line (`NOFORN`, `SENSITIVE`) is read
 *   with `parseCaveat` and added with `addControls`. Teletype damage that still spells a level is
 *   repaired with a note (`SS E C R E T`, `CO N F I D …`, `UUNCLAS`); lost letters are not
 *   (`E C R E T` fails).
 *
 * The returned `marking.raw` is exactly `raw`; `marking.span` is left undefined for the caller.
 * `normalisations` is empty for canonical forms (`(S//NF)`, `SECRET//NOFORN`) and holds one note per
 * legacy or sloppy feature otherwise. Anything not understood gives `ok: false` with a message that
 * quotes the input and says what was expected: `unknown` for a word not in the grammar, `malformed`
 * for broken structure. Never throws.
 */
export function parseMarking(raw: string, context: MarkingContext, options: MarkingOptions = {}): MarkingParse {
  const what = context === 'portion' ? 'Portion mark' : 'Banner';
  try {
    const marking = context === 'portion' ? parsePortion(raw, options) : parseBanner(raw);
    return { ok: true, marking };
  } catch (err) {
    if (err instanceof MarkingError) {
      return {
        ok: false,
        reason: err.reason,
        message: `${what} ${JSON.stringify(raw)} not understood: ${err.problem}; expected ${EXAMPLES[context]}`,
      };
    }
    // A bug in the parser must not let a mark through: report it as not understood.
    const message = `${what} ${JSON.stringify(raw)} not understood: internal error ${String(err)}`;
    return { ok: false, reason: 'malformed', message };
  }
}

function parsePortion(raw: string, options: MarkingOptions): Marking {
  const notes: string[] = [];
  const trimmed = raw.trim();
  if (trimmed !== raw) notes.push('spaces around the mark ignored');
  if (!trimmed.startsWith('(') || !trimmed.endsWith(')') || trimmed.length < 2) {
    throw new MarkingError('malformed', 'a portion mark must be written in parentheses');
  }
  const inner = trimmed.slice(1, -1);
  if (/[()]/.test(inner)) throw new MarkingError('malformed', 'parentheses inside the mark');
  const text = inner.trim();
  if (text === '') throw new MarkingError('malformed', 'the parentheses are empty');
  if (text !== inner) notes.push('spaces inside the parentheses ignored');
  const upper = text.toUpperCase();
  if (upper !== text) notes.push('lower-case letters read as upper case');
  return parseText(raw, upper, 'portion', notes, options);
}

function parseBanner(raw: string): Marking {
  const notes: string[] = [];
  const trimmed = raw.trim();
  if (trimmed === '') throw new MarkingError('malformed', 'the banner is empty');
  const repaired = repairBanner(trimmed);
  notes.push(...repaired.notes);
  const upper = repaired.text.toUpperCase();
  if (upper !== repaired.text) notes.push('lower-case letters read as upper case');
  return parseText(raw, upper, 'banner', notes);
}

/** One parsed element of a marking, for separator and order checks. */
interface Element {
  /** 0 level, 1 SCI, 1.5 special access, 2 Atomic Energy Act, 3 foreign (NATO, FGI), 4 IC dissemination, 5 non-IC dissemination. */
  readonly category: number;
  /** Register position inside the category. */
  readonly order: number;
  readonly controls: readonly string[];
}

/** The marking being built while reading. */
interface State {
  readonly context: MarkingContext;
  level: Level;
  readonly controls: Set<string>;
  readonly sci: string[];
  readonly fgi: string[];
  readonly relTo: string[];
  readonly notes: string[];
  /** The banner's REL TO list, for a bare `REL` (see {@link MarkingOptions}). */
  readonly bannerRelTo: readonly string[];
  /** A declassification instruction the banner ends with (`X1`, `20320108`, `MR`), as written. */
  decl?: string;
}

function parseText(raw: string, text: string, context: MarkingContext, notes: string[], options: MarkingOptions = {}): Marking {
  const tok = tokenize(text);
  if (!tok.ok) throw new MarkingError('malformed', `found ${tok.problem}`);
  const items = withoutCuiCategories(tok.items, notes);
  if (tok.spacesAbsorbed) notes.push('spaces around separators ignored');
  const bannerRelTo = options.bannerRelTo ?? [];
  const st: State = { context, level: 'U', controls: new Set(), sci: [], fgi: [], relTo: [], notes, bannerRelTo };

  let i = tok.leadingSlashes ? (readForeignLevel(items, st) ?? readLevel(items, st)) : readLevel(items, st);
  if (tok.leadingSlashes && !st.controls.has('NATO') && st.fgi.length === 0) {
    throw new MarkingError('malformed', 'a leading "//" is only used before a NATO level or a foreign government\'s (//DEU S)');
  }
  let prev: Element = { category: 0, order: 0, controls: [] };
  const sepNotes = new Set<string>();
  let reordered = false;
  while (i < items.length) {
    const item = items[i] as Item;
    const read = readElement(items, i, st);
    if (read.el === null) break;
    // With no level written (`(SBU)`), the first element has no separator to check.
    if (item.sep !== null) checkSeparator(prev, read.el, item.sep, context, sepNotes);
    const outOfOrder =
      read.el.category < prev.category || (read.el.category === prev.category && read.el.order < prev.order);
    if (outOfOrder && !isSbuNoforn(prev, read.el)) reordered = true;
    prev = read.el;
    i = read.next;
  }
  notes.push(...sepNotes);
  if (reordered) notes.push('markings reordered into register order');
  const { relTo } = st;
  const sorted = sortRelTo(['USA', ...relTo]).filter((c) => relTo.includes(c));
  if (sorted.join() !== relTo.join()) notes.push(REL_TO_NOTES.sorted);
  const { level, sci, controls, fgi } = st;
  // SCI is classified information by definition (`(U//SI)`, `UNCLASSIFIED//TK`): read as
  // unclassified, the portion would be released; the mark contradicts itself, so it is not understood.
  if (level === 'U' && sci.length > 0) throw new MarkingError('malformed', `the SCI control system ${sci[0]} marks classified information, not UNCLASSIFIED`);
  // So is Atomic Energy Act data (`(U//RD)`): RD, FRD and TFNI are classified by the act.
  const aea = [...controls].find((x) => AEA_CLASSIFIED.has(x));
  if (level === 'U' && aea !== undefined) throw new MarkingError('malformed', `${aea} marks information classified under the Atomic Energy Act, not UNCLASSIFIED`);
  return makeMarking({ raw, level, sci, controls, relTo, fgi, normalisations: notes, ...(st.decl ? { declassifyOn: st.decl } : {}) });
}

/**
 * The CUI Registry's categories and limited dissemination controls after `CUI` (32 CFR 2002.20:
 * `CUI//SP-PRVCY`, `CUI//SP-CTI/SP-EXPT//NOFORN`, `CUI//PRVCY//FEDCON`, `CUI//DL ONLY`), taken out
 * with a note: the rules go by CUI, which every profile withholds or leaves to a reviewer, so what
 * a category says changes no decision (and a word read as one can release nothing). A specified
 * category is `SP-` and a word; a basic one, or a control the register does not have, a word that
 * is no marking word. The marking words after them (`NOFORN`, `REL TO …`) are read as usual.
 */
function withoutCuiCategories(items: readonly Item[], notes: string[]): readonly Item[] {
  const at = items.findIndex((x) => x.word === 'CUI');
  if (at < 0) return items;
  const taken: string[] = [];
  let j = at + 1;
  while (j < items.length && (items[j]!.sep === '//' || items[j]!.sep === '/')) {
    const word = items[j]!.word;
    let name: string;
    if (word === 'SP' && items[j + 1]?.sep === '-' && /^[A-Z]{2,12}$/.test(items[j + 1]!.word)) {
      name = `SP-${items[j + 1]!.word}`;
      j += 2;
    } else if (word === 'DISPLAY' && items[j + 1]?.sep === ' ' && items[j + 1]!.word === 'ONLY') {
      // The CUI limited dissemination control DISPLAY ONLY, a marking word of classified markings too.
      name = 'DISPLAY ONLY';
      j += 2;
    } else if (/^[A-Z]{2,12}$/.test(word) && !isMarkingWordAt(items, j)) {
      name = word;
      j++;
      // `DL ONLY`: words of one control joined by a space.
      while (j < items.length && items[j]!.sep === ' ' && /^[A-Z]{2,12}$/.test(items[j]!.word) && !isMarkingWordAt(items, j)) name += ` ${items[j++]!.word}`;
    } else break;
    taken.push(name);
  }
  if (taken.length === 0) return items;
  notes.push(`CUI ${taken.length === 1 ? 'category' : 'categories'} ${taken.join(', ')} noted, not kept (the rules go by CUI)`);
  return [...items.slice(0, at + 1), ...items.slice(j)];
}

/** A word the grammar reads at `j` (an element it starts, NATO, a level): not a CUI category. */
function isMarkingWordAt(items: readonly Item[], j: number): boolean {
  return startsElement(items, j) || items[j]!.word === 'NATO' || phraseAt(items, j, LEVEL_WORDS, 3) !== null;
}

/**
 * A foreign government's classification after the leading `//` (CAPCO's non-US portion and banner
 * marks: `(//DEU S)`, `//GBR SECRET//REL TO USA, GBR`): the country's trigraph, then a level, read
 * as that level with `FGI` and the country. Returns the index after the level, or null when the
 * marking does not start so (a NATO level, or not understood: the caller's errors follow).
 */
function readForeignLevel(items: readonly Item[], st: State): number | null {
  if ((items[0] as Item).word === 'JOINT') return readJointLevel(items, st);
  const country = (items[0] as Item).word;
  if (country === 'USA' || lookupCountry(country).kind !== 'code' || country.length !== 3 || items[1]?.sep !== ' ') return null;
  const lv = phraseAt(items, 1, LEVEL_WORDS, 3);
  if (!lv || lv.entry.nato) return null;
  st.level = lv.entry.level;
  st.controls.add('FGI');
  st.fgi.push(country);
  st.notes.push(`foreign classification //${country} ${lv.phrase} read as ${LEVEL_BANNER[st.level]} with FGI ${country}`);
  if (lv.entry.note) st.notes.push(lv.entry.note);
  return 1 + lv.n;
}

/**
 * A JOINT classification (CAPCO §A.5: information the United States and other governments own
 * and produce together, `//JOINT SECRET CAN USA`, `(//JOINT S CAN GBR USA)`): the level, then the
 * co-owners' codes separated by spaces. Read as that level with `FGI` and the co-owners other than
 * the United States: information produced under a joint arrangement is foreign government
 * information (E.O. 13526 §6.1(s)), released only after consulting them. No REL TO list is
 * inferred from the co-owners (a releasability written after `//` is read as usual). Null when no
 * level follows; unknown codes, fewer than two co-owners, or none but the United States throw.
 */
function readJointLevel(items: readonly Item[], st: State): number | null {
  if (items[1]?.sep !== ' ') return null;
  const lv = phraseAt(items, 1, LEVEL_WORDS, 3);
  if (!lv || lv.entry.nato) return null;
  const owners: string[] = [];
  let j = 1 + lv.n;
  for (; j < items.length && items[j]!.sep === ' '; j++) {
    const code = items[j]!.word;
    if (lookupCountry(code).kind !== 'code') throw new MarkingError('unknown', `"${code}" is not a country code of the JOINT marking's co-owners`);
    owners.push(code);
  }
  const foreign = owners.filter((c) => c !== 'USA');
  if (owners.length < 2 || foreign.length === 0) throw new MarkingError('malformed', 'a JOINT marking names its co-owners after the level, at least one of them not USA (//JOINT S CAN USA)');
  st.level = lv.entry.level;
  st.controls.add('FGI');
  st.fgi.push(...foreign);
  st.notes.push(`JOINT classification //JOINT ${lv.phrase} ${owners.join(' ')} read as ${LEVEL_BANNER[st.level]} with FGI ${foreign.join(' ')} (co-owned; no release inferred)`);
  if (lv.entry.note) st.notes.push(lv.entry.note);
  return j;
}

/** Read the level (or note an implied UNCLASSIFIED before `(SBU)`); returns the index after it. */
function readLevel(items: readonly Item[], st: State): number {
  const lv = phraseAt(items, 0, LEVEL_WORDS, 3);
  if (lv) {
    st.level = lv.entry.level;
    if (lv.entry.nato) st.controls.add('NATO');
    if (lv.entry.note) st.notes.push(lv.entry.note);
    else if (lv.entry.form === 'banner' && st.context === 'portion') {
      st.notes.push(`level written out in a portion mark: ${lv.phrase} read as ${st.level}`);
    } else if (lv.entry.form === 'portion' && st.context === 'banner') {
      st.notes.push(`abbreviated level in a banner: ${lv.phrase} read as ${LEVEL_BANNER[st.level]}`);
    }
    return lv.n;
  }
  const cw = phraseAt(items, 0, CONTROL_WORDS, MAX_PHRASE_WORDS);
  // A banner needs its level word; only LIMITED OFFICIAL USE, the old State caption, stood alone
  // as a banner, and CUI does, the CUI program's banner (32 CFR 2002.20). Bare caveat lines
  // (`SENSITIVE`, `NOFORN`) go through parseCaveat.
  const standsAlone = st.context === 'portion' ? cw?.entry.unclassified === true : cw?.entry.controls[0] === 'LOU' || cw?.entry.controls[0] === 'CUI';
  if (!cw || !standsAlone) {
    throw new MarkingError('unknown', `"${(items[0] as Item).word}" is not a classification level`);
  }
  st.notes.push(`no level written: UNCLASSIFIED implied by ${cw.phrase}`);
  return 0;
}

/**
 * Read one element after the level (trailer, REL TO list, FGI, SCI system or control) into `st`.
 * Returns the index after it and the element, or `el: null` at a trailer, which ends the marking.
 */
function readElement(items: readonly Item[], i: number, st: State): { next: number; el: Element | null } {
  const item = items[i] as Item;
  const trailer = phraseAt(items, i, TRAILERS, 2);
  if (trailer) {
    if (i + trailer.n !== items.length) throw new MarkingError('malformed', `"${trailer.phrase}" must come last`);
    if (trailer.phrase === 'MR' && st.context === 'portion') {
      throw new MarkingError('unknown', '"MR" is not a portion marking');
    }
    if (trailer.phrase === 'MR') return bannerDecl('MR', st, items.length);
    st.notes.push(trailer.entry);
    return { next: items.length, el: null };
  }
  if (item.word === 'REL') {
    if (st.relTo.length > 0) throw new MarkingError('malformed', 'REL TO written twice');
    const rel = parseRelTo(items, i, st.notes);
    if (rel.codes.length === 0 && st.bannerRelTo.some((c) => c !== 'USA')) {
      st.relTo.push(...st.bannerRelTo);
      st.notes.push(`REL without a list read as the banner's list: REL TO ${st.bannerRelTo.join(', ')}`);
      return { next: rel.next, el: { category: 4, order: REL_TO_POSITION - 0.5, controls: [] } };
    }
    if (rel.codes.length === 0) {
      st.controls.add('NOFORN');
      st.notes.push('REL without a list (the banner list) cannot be checked on its own: read as NOFORN (fail closed)');
    }
    st.relTo.push(...rel.codes);
    return { next: rel.next, el: { category: 4, order: REL_TO_POSITION - 0.5, controls: [] } };
  }
  if (item.word === 'FGI') {
    st.controls.add('FGI');
    let j = i + 1;
    // FGI source countries are space-separated codes (CAPCO: `FGI DEU GBR`).
    for (; j < items.length; j++) {
      const next = items[j] as Item;
      const look = lookupCountry(next.word);
      if (next.sep !== ' ' || startsElement(items, j) || look.kind === 'unknown' || look.kind === 'name') break;
      if (look.kind === 'unknown-code') st.notes.push(`unknown FGI code "${next.word}" kept as written`);
      st.fgi.push(look.code);
    }
    return { next: j, el: { category: 3, order: CONTROL_ORDER.indexOf('FGI'), controls: ['FGI'] } };
  }
  // A declassification instruction at the end of a banner (`TOP SECRET//COMINT//NOFORN//X1`,
  // `…//20320108`, `…//50X1-HUM`), as banners carried it before the Declassify On line: it says
  // nothing of who may read the document, but it is an instruction of the document, assessed with
  // the Declassify On or E.O. line's (declass/assess.ts); dropped, a banner's 2032 went unread
  // beside a block's 2021 and the SECRET paragraph was released as declassified.
  const decl = st.context === 'banner' && item.sep === '//' ? bannerDeclAt(items, i) : null;
  if (decl !== null) return bannerDecl(decl, st, items.length);
  // The former names of the SIGINT and imagery control systems (`TOP SECRET//COMINT//NOFORN`,
  // `SECRET//TALENT KEYHOLE`), read as the register's SI and TK.
  const former = phraseAt(items, i, FORMER_SCI_NAMES, 2);
  if (former) {
    st.sci.push(former.entry);
    st.notes.push(`${former.phrase} (the former name of ${former.entry}) read as ${former.entry}`);
    return { next: i + former.n, el: { category: 1, order: 0, controls: [] } };
  }
  // `G` alone is the GAMMA compartment of older SIGINT markings (`TS//SI/G`); the register writes
  // it `SI-G`, where the hyphen loop below reads it as part of SI.
  if (SCI_SYSTEMS.has(item.word) || item.word === 'G') {
    let name = item.word;
    let j = i + 1;
    // Sub-markings join with a hyphen: SI-G, HCS-P.
    for (; j < items.length && (items[j] as Item).sep === '-' && !startsElement(items, j); j++) {
      name += `-${(items[j] as Item).word}`;
    }
    if (name === 'SCI') st.notes.push('SCI with no control system named: kept as "SCI"');
    if (name === 'G') st.notes.push('G (GAMMA, written without SI) kept as an SCI control');
    st.sci.push(name);
    return { next: j, el: { category: 1, order: 0, controls: [] } };
  }
  const cw = phraseAt(items, i, CONTROL_WORDS, MAX_PHRASE_WORDS);
  if (!cw) throw new MarkingError('unknown', `"${item.word}" is not a known marking word`);
  const name = cw.entry.controls[0] as string;
  if (cw.entry.controls.some((x) => st.controls.has(x) && x !== 'NATO')) st.notes.push(`${cw.phrase} repeated`);
  cw.entry.controls.forEach((x) => st.controls.add(x));
  if (cw.entry.note) st.notes.push(cw.entry.note);
  else if (cw.entry.form === 'banner' && st.context === 'portion') {
    st.notes.push(`${cw.phrase} in a portion mark read as ${portionAbbreviation(name)}`);
  } else if (cw.entry.form === 'portion' && st.context === 'banner') {
    st.notes.push(`portion abbreviation ${cw.phrase} in a banner read as ${name}`);
  }
  const el = { category: controlCategory(name), order: CONTROL_ORDER.indexOf(name), controls: cw.entry.controls };
  const next =
    name === 'RD' || name === 'FRD' ? readAeaSubMarkings(items, i + cw.n, name, st)
    : name === 'SAR' ? readSapPrograms(items, i + cw.n, st)
    : name === 'DISPLAYONLY' ? readDisplayOnly(items, i + cw.n, st)
    : i + cw.n;
  return { next, el };
}

/**
 * Sub-markings of Restricted Data or Formerly Restricted Data, joined by hyphens: CNWDI after RD
 * (`RD-N`, `RD-CNWDI`, `RESTRICTED DATA-CRITICAL NUCLEAR WEAPON DESIGN INFORMATION`) and SIGMA
 * with its numbers (`RD-SG 14`, `FRD-SIGMA 14 15`). The numbers are noted, not kept: the release
 * rules go by SIGMA alone. Returns the index after them.
 */
function readAeaSubMarkings(items: readonly Item[], i: number, head: 'RD' | 'FRD', st: State): number {
  let j = i;
  while (j < items.length && (items[j] as Item).sep === '-') {
    const sub = phraseAt(items, j, AEA_SUB_MARKINGS, 5);
    if (!sub || (sub.entry === 'CNWDI' && head !== 'RD')) break;
    st.controls.add(sub.entry);
    j += sub.n;
    if (sub.entry === 'SIGMA') {
      const numbers: string[] = [];
      for (; j < items.length && (items[j] as Item).sep === ' ' && /^\d{1,2}$/.test((items[j] as Item).word); j++) numbers.push((items[j] as Item).word);
      if (numbers.length > 0) st.notes.push(`SIGMA ${numbers.join(' ')} read as SIGMA (the numbers are not kept)`);
    }
  }
  return j;
}

/**
 * The program identifiers after `SAR` or `SPECIAL ACCESS REQUIRED` (CAPCO: a hyphen, then the
 * program's nickname or abbreviation; several programs joined by `/`, compartments by `-`,
 * sub-compartments by spaces: `SAR-BP`, `SPECIAL ACCESS REQUIRED-MEDIAN BELL`, `SAR-MB/SC-RF 1532`),
 * up to the next `//`. They are noted, not kept: every rule goes by SAR, which no profile releases
 * to a reader not briefed into the program. A marking word among them (`SAR-BP/NF`, a control
 * written where only a program can be) makes the mark not understood (fail closed): read as a
 * program, the control would be lost. Returns the index after them.
 */
function readSapPrograms(items: readonly Item[], i: number, st: State): number {
  const words: string[] = [];
  let j = i;
  for (; j < items.length && (items[j] as Item).sep !== '//'; j++) {
    const item = items[j] as Item;
    if (j === i && item.sep !== '-') break;
    if (startsElement(items, j) || phraseAt(items, j, LEVEL_WORDS, 3) !== null || !/^[A-Z0-9]{1,24}$/.test(item.word)) {
      throw new MarkingError('malformed', `"${item.word}" cannot be a special access program's identifier; controls come after "//"`);
    }
    words.push(`${j === i ? '' : item.sep}${item.word}`);
  }
  if (st.level === 'U') throw new MarkingError('malformed', 'a special access program marks classified information, not UNCLASSIFIED');
  st.notes.push(words.length > 0 ? `special access program ${words.join('')} noted, not kept (the rules go by SAR)` : 'SAR with no program named');
  return j;
}

/**
 * The countries after DISPLAY ONLY (`DISPLAY ONLY AFG, IRQ`, `DISPLAYONLY NATO`), trigraphs or
 * tetragraphs joined by commas or spaces. They are noted, not kept: DISPLAY ONLY lets the listed
 * countries see the information, not have it, so no profile releases a copy by it (a REL TO list
 * beside it still decides). With UNCLASSIFIED the mark is not understood. Returns the index
 * after them.
 */
function readDisplayOnly(items: readonly Item[], i: number, st: State): number {
  const codes: string[] = [];
  let j = i;
  for (; j < items.length; j++) {
    const item = items[j] as Item;
    if ((item.sep !== ' ' && item.sep !== ',') || (codes.length === 0 && item.sep !== ' ')) break;
    const look = lookupCountry(item.word);
    if (look.kind !== 'code') break;
    codes.push(look.code);
  }
  // Foreign disclosure of classified information: with UNCLASSIFIED the mark contradicts itself.
  if (st.level === 'U') throw new MarkingError('malformed', 'DISPLAY ONLY marks classified information, not UNCLASSIFIED');
  st.notes.push(codes.length > 0 ? `DISPLAY ONLY ${codes.join(', ')} noted, not kept (the rules go by DISPLAY ONLY: shown, not released)` : 'DISPLAY ONLY with no country named');
  return j;
}

/**
 * A declassification instruction as older banners ended with it: `X1`–`X8`, `25X1`–`25X9`, `50X1`
 * …, `75X1` …, a date `20320108`, `OADR` (`MR` is a trailer, read by the caller).
 */
const BANNER_DECL = /^(?:X[1-8]|(?:25|50|75)X[1-9]|(?:19|20)\d{6}|OADR)$/;

/**
 * The instruction that ends the banner at `i`, as written, or null: one word, or `50X1-HUM` /
 * `50X2-WMD` (the tokenizer splits at the hyphen).
 */
function bannerDeclAt(items: readonly Item[], i: number): string | null {
  const word = (items[i] as Item).word;
  if (i === items.length - 1) return BANNER_DECL.test(word) ? word : null;
  const suffix = items[i + 1] as Item;
  const joined = `${word}-${suffix.word}`;
  return i === items.length - 2 && suffix.sep === '-' && /^50X[12]-(?:HUM|WMD)$/.test(joined) ? joined : null;
}

/** Keeps a banner's trailing instruction in `st` (it ends the marking), with a note that says so. */
function bannerDecl(decl: string, st: State, end: number): { next: number; el: null } {
  st.decl = decl;
  st.notes.push(`declassification instruction ${decl} at the end of the banner read as the document's, with its Declassify On or E.O. line's (the most protective applies)`);
  return { next: end, el: null };
}

/** Former names of SCI control systems and the register's names for them. */
const FORMER_SCI_NAMES: ReadonlyMap<string, string> = new Map([
  ['COMINT', 'SI'],
  ['TALENT KEYHOLE', 'TK'],
]);

/** What may follow RD or FRD after a hyphen (see {@link readAeaSubMarkings}). */
const AEA_SUB_MARKINGS: ReadonlyMap<string, 'CNWDI' | 'SIGMA'> = new Map([
  ['N', 'CNWDI'],
  ['CNWDI', 'CNWDI'],
  ['CRITICAL NUCLEAR WEAPON DESIGN INFORMATION', 'CNWDI'],
  ['SG', 'SIGMA'],
  ['SIGMA', 'SIGMA'],
]);

/**
 * Check the separator before an element: `//` between categories and `/` inside one (CAPCO §A.6),
 * except SBU NOFORN / LES NOFORN, joined by a hyphen in portions (`SBU-NF`) and a space in banners.
 */
function checkSeparator(prev: Element, el: Element, sep: Separator, context: MarkingContext, out: Set<string>): void {
  if (isSbuNoforn(prev, el)) {
    const canonical = context === 'portion' ? '-' : ' ';
    const written = context === 'portion' ? 'SBU-NF' : 'SBU NOFORN';
    if (sep !== canonical) out.add(`SBU/LES NOFORN joined with "${sep}" read as ${written}`);
    return;
  }
  const expected = prev.category !== el.category ? '//' : '/';
  if (sep === expected) return;
  const names: Record<Separator, string> = {
    ' ': 'a space',
    '-': 'a hyphen',
    '--': 'a hyphen',
    '/': 'a single slash',
    '//': 'a double slash',
    ',': 'a comma',
  };
  out.add(`${names[sep]} between ${expected === '//' ? 'categories' : 'values'} read as "${expected}"`);
}

/** SBU NOFORN / LES NOFORN: one register marking written as SBU then NOFORN (so not out of order). */
function isSbuNoforn(prev: Element, el: Element): boolean {
  return el.controls.includes('NOFORN') && (prev.controls.includes('SBU') || prev.controls.includes('LES'));
}
