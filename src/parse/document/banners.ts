/**
 * Banner lines of a document: `SECRET//NOFORN` on a line of its own (top and bottom of a page, or
 * anywhere), `Classification: SECRET` (or `Security Classification:`, `Classified:`, the words in
 * any case), and the two-line `DYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS` / `TOP SECRET
 * // SI / TK // REL TO …` of web-published newsletters, which states the most the page could hold,
 * not the document's own level.
 */
import { addControls, parseCaveat, parseMarking, rollUp } from '../../markings/index.js';
import type { Marking } from '../../types.js';
import { readBannerWords } from '../banner-words.js';
import { foldBannerStandIns } from './classification-lines.js';
import { undecorated, type DocLine } from './lines.js';

/** A banner found in the text, before its page position is known. */
export interface BannerHit {
  /** Indices of the lines it takes (one, or two for a DYNAMIC PAGE banner). */
  readonly lines: readonly number[];
  /** Offsets of the classification words (empty range when a DYNAMIC PAGE line has none). */
  readonly start: number;
  readonly end: number;
  readonly marking: Marking | null;
  readonly highestPossible: boolean;
  /** Why the words were not understood, when they were not. */
  readonly message?: string;
}

const DYNAMIC = /^DYNAMIC\s+PAGE\s*-+\s*HIGHEST\s+POSSIBLE\s+CLASSIFICATION\s+IS\b\s*:?\s*/i;
/** `Classification:`, `Security Classification:`, `Classified:` (an e-mail's or a form's label). */
export const LABEL = /^(?:SECURITY\s+)?CLASSIF(?:ICATION|IED)\s*:\s*/i;
/** The label alone, the classification on the next line. */
const LABEL_ALONE = /^(?:SECURITY\s+)?CLASSIF(?:ICATION|IED)\s*:$/i;
/**
 * A banner starts with a level word spelled out in capitals (CAPCO: banners are upper case), or
 * letter-spaced as cables print it (`S E C R E T`): the letters are joined by readBannerWords. Or
 * with `CUI`, the banner of Controlled Unclassified Information (32 CFR 2002.20; its other form,
 * `CONTROLLED`, is a word of prose too, and is not read).
 */
const LEVEL_START = /^(?:TOP\s+SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|CUI|[A-Z](?: [A-Z]){4,})(?![A-Za-z])/;

/**
 * A non-US banner (CAPCO §A.5: NATO's and a foreign government's own classification, after `//`
 * or, NATO's, as its documents print it): `//NATO SECRET`, `NATO RESTRICTED`, `COSMIC TOP
 * SECRET`, `//GBR SECRET//REL TO USA, GBR`. Read as a line of text before, a NATO document's
 * banners were unmarked paragraphs (withheld as such) and the document had no banner.
 */
const FOREIGN_START = /^(?:\/\/[A-Z]{3,6}\s+[A-Z]|(?:\/\/)?(?:NATO\s+(?:SECRET|CONFIDENTIAL|RESTRICTED|UNCLASSIFIED)|COSMIC\s+TOP\s+SECRET)(?![A-Za-z]))/;

/**
 * A handling banner without a level word, alone or with controls after it (`SENSITIVE BUT
 * UNCLASSIFIED//NOFORN`): State's SBU and LOU, DoD's FOUO, LES, TSA's SSI, DEA Sensitive, CUI spelled
 * out. Each names unclassified information under a handling control (DEA Sensitive too, CAPCO's DSEN).
 */
const HANDLING_BANNER =
  /^(?:SENSITIVE BUT UNCLASSIFIED|SBU|FOR OFFICIAL USE ONLY|FOUO|LIMITED OFFICIAL USE|LAW ENFORCEMENT SENSITIVE|SENSITIVE SECURITY INFORMATION|DEA SENSITIVE|CONTROLLED UNCLASSIFIED INFORMATION)(?![A-Za-z])/;

/**
 * The banner words of a line (offsets into the source), when the whole line (Markdown decoration
 * and a `Classification:` label aside) is a banner the grammar understands. Null otherwise.
 */
export function bannerWords(source: string, line: DocLine): { start: number; end: number; marking: Marking } | null {
  if (line.blank || line.text.length > 200) return null;
  const u = undecorated(line.text);
  let at = u.lead;
  let words = u.text;
  const label = LABEL.exec(words);
  if (label) {
    at += label[0].length;
    words = words.slice(label[0].length);
  }
  // After a label the words can only be a classification, in whatever case they are typed
  // (`Classification: Secret//NoForn`), and so can a whole line joined by CAPCO's separator
  // (`Unclassified//For Official Use Only`); read as capitals (ASCII: the offsets stay).
  // Look-alike and invisible characters (`ЅECRET//NOFORN` with a Cyrillic Ѕ, `SECRET／／NOFORN`,
  // `SEC\u200BRET`) read as the letters they stand for: read as text, such a banner said nothing
  // and the document's unmarked text was released.
  const folded = foldBannerStandIns(words);
  const plain = folded ?? words;
  const typed = (label || plain.includes('//')) && /^[\x20-\x7e]*$/.test(plain) ? plain.toUpperCase() : plain;
  // The unclassified handling banners that name no level (State's `SENSITIVE BUT UNCLASSIFIED`,
  // 12 FAM 540; DoD's `FOR OFFICIAL USE ONLY`; the others of HANDLING_BANNER): read as the
  // UNCLASSIFIED banner they stand for.
  const read = HANDLING_BANNER.test(typed) ? `UNCLASSIFIED//${typed}` : typed;
  if (!LEVEL_START.test(read) && !FOREIGN_START.test(read)) return null;
  const parsed = readBannerWords(read);
  if (!parsed.ok) return null;
  const start = line.first + at;
  const end = start + words.length;
  const normalisations = folded === null ? parsed.marking.normalisations : [...parsed.marking.normalisations, `look-alike or invisible characters read as ${JSON.stringify(plain)}`];
  return { start, end, marking: { ...parsed.marking, normalisations, raw: source.slice(start, end), span: { start, end } } };
}

/** Every banner in the document, by the index of its first line. Linear. */
export function findBanners(source: string, lines: readonly DocLine[]): Map<number, BannerHit> {
  const out = new Map<number, BannerHit>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) continue;
    const u = undecorated(line.text);
    const dyn = DYNAMIC.exec(u.text);
    if (dyn) {
      const restStart = line.first + u.lead + dyn[0].length;
      const restEnd = line.first + u.lead + u.text.length;
      if (restEnd > restStart) {
        const words = source.slice(restStart, restEnd);
        const parsed = parseMarking(words, 'banner');
        out.set(i, {
          lines: [i],
          start: restStart,
          end: restEnd,
          marking: parsed.ok ? { ...parsed.marking, raw: words, span: { start: restStart, end: restEnd } } : null,
          highestPossible: true,
          ...(parsed.ok ? {} : { message: parsed.message }),
        });
        continue;
      }
      // The level is on the next line (at most one blank line between).
      let j = i + 1;
      while (j < lines.length && j <= i + 2 && lines[j]!.blank) j++;
      const next = j < lines.length ? bannerWords(source, lines[j]!) : null;
      if (next) {
        out.set(i, { lines: [i, j], start: next.start, end: next.end, marking: next.marking, highestPossible: true });
        i = j;
      } else {
        out.set(i, {
          lines: [i],
          start: restEnd,
          end: restEnd,
          marking: null,
          highestPossible: true,
          message: 'DYNAMIC PAGE banner without a classification after it: the highest possible level is unknown',
        });
      }
      continue;
    }
    const words = bannerWords(source, line);
    const above = joinable(out, i);
    if (!words) {
      // Control words on the line right under a banner (`UNCLASSIFIED` over `LAW ENFORCEMENT
      // SENSITIVE`, `SECRET` over `NOFORN`): that banner's caveats, as a cable's are. Read as a
      // line of text, the banner lost them: the LES document's unmarked text was released as
      // unclassified text.
      const controls = above ? caveatLine(line) : null;
      if (above && controls) out.set(i - 1, { ...above, lines: [i - 1, i], marking: addControls(above.marking, controls, `caveat line ${line.text} read as ${controls.join(', ')}`) });
      continue;
    }
    if (afterLeadIn(lines, i)) continue;
    if (LABEL.test(u.text)) {
      const labelled = withCaveatsBelow(source, lines, i, words);
      if (labelled) {
        out.set(i, labelled);
        i++;
        continue;
      }
    }
    if (above && HANDLING_BANNER.test(u.text)) {
      // A handling banner stacked under a banner (`UNCLASSIFIED` over `FOR OFFICIAL USE ONLY`) is
      // part of it: read apart, the first was the document's and the second's control lost, and
      // the FOUO document's unmarked text was released as unclassified text. (Two banners with a
      // level each, a page's bottom one over the next page's top one, stay two.)
      out.set(i - 1, { ...above, lines: [i - 1, i], marking: { ...rollUp([above.marking, words.marking]), raw: above.marking.raw, span: above.marking.span } });
    } else out.set(i, { lines: [i], start: words.start, end: words.end, marking: words.marking, highestPossible: false });
  }
  return out;
}

/** The banner on the line right above `i` that a further line can join (one line, not a DYNAMIC PAGE banner, understood), or null. */
function joinable(out: ReadonlyMap<number, BannerHit>, i: number): (BannerHit & { readonly marking: Marking }) | null {
  const above = out.get(i - 1);
  return above && above.lines.length === 1 && !above.highestPossible && above.marking ? { ...above, marking: above.marking } : null;
}

/** The controls of a line of control words in capitals (`NOFORN`, `LAW ENFORCEMENT SENSITIVE`), or null (any other line, `SIPDIS` alone). */
function caveatLine(line: DocLine): string[] | null {
  // A full stop may end the line or its statement (`SENSITIVE BUT UNCLASSIFIED. PLEASE HANDLE
  // ACCORDINGLY.`): refused, State's SBU statement under a memo's banner was a line of text and
  // the memo's unmarked text was released as unclassified text.
  const text = undecorated(line.text).text.replace(/\.+$/, '');
  if (!/^[A-Z][A-Z ,;/.-]*$/.test(text)) return null;
  const controls = parseCaveat(text);
  return controls && controls.length > 0 ? controls : null;
}

/** `Caveats: FOUO` (any case), as DoD's e-mail marking tool writes it under `Classification: …`. */
const CAVEATS = /^Caveats\s*:\s*(.*)$/i;

/**
 * The caveats line right under a `Classification:` line (DoD's e-mail marking: `Classification:
 * UNCLASSIFIED` over `Caveats: FOUO`): part of that banner, its controls the banner's. `words`
 * null for `NONE` (or nothing). Read apart, the caveat was a line of text and the banner plain
 * UNCLASSIFIED: a FOUO e-mail's unmarked text was released as unclassified text.
 */
function caveatsBelow(lines: readonly DocLine[], i: number): { raw: string; words: string | null } | null {
  const next = lines[i + 1];
  if (!next || next.blank) return null;
  const m = CAVEATS.exec(undecorated(next.text).text);
  if (!m) return null;
  const value = m[1]!.trim().toUpperCase();
  if (value === '' || value === 'NONE' || value === 'N/A') return { raw: next.text, words: null };
  // Controls listed with commas (`FOUO, NOFORN`) are the banner's controls joined by `/`; a REL TO list keeps its commas.
  return { raw: next.text, words: /\bREL\s+TO\b/.test(value) ? value : value.replace(/\s*[,;]\s*/g, '/') };
}

/** The banner of `Classification:` line `i` and the caveats line under it (two lines), or null when no caveats line follows. */
function withCaveatsBelow(source: string, lines: readonly DocLine[], i: number, words: { start: number; end: number; marking: Marking }): BannerHit | null {
  const caveats = caveatsBelow(lines, i);
  if (!caveats) return null;
  const read = caveats.words === null ? null : readBannerWords(`${source.slice(words.start, words.end).toUpperCase()}//${caveats.words}`);
  const marking = read === null ? words.marking : read.ok ? { ...read.marking, raw: words.marking.raw, span: words.marking.span } : null;
  return {
    lines: [i, i + 1],
    start: words.start,
    end: words.end,
    marking,
    highestPossible: false,
    ...(read && !read.ok ? { message: `The caveats under the classification line (${caveats.raw}) were not understood: ${read.message}` } : {}),
  };
}

/**
 * True when the line right above (no blank line between) ends with a colon, other than a
 * `Classification:` label alone: `(C) The overall classification of the briefings is:` over
 * `TOP SECRET//COMINT//…`. The classification words are then text of that paragraph, not a banner
 * (as a banner line they were released whatever the paragraph's mark). So is a `>`-quoted
 * `Classification:` line right under `On … wrote:`: it is not taken as the quoted message's top
 * line, so that message is never read as unclassified (taken so, an unquoted inline reply between
 * its lines and deeper-quoted `>>` text were released as its unclassified text: probe 67d).
 */
function afterLeadIn(lines: readonly DocLine[], i: number): boolean {
  const above = lines[i - 1];
  if (!above || above.blank) return false;
  const text = undecorated(above.text).text.trimEnd();
  return text.endsWith(':') && !LABEL_ALONE.test(text);
}
