/**
 * Readers of the header zone's fields: the banner and its caveat lines, E.O. (with its DECL),
 * TAGS, SUBJECT, a second CAB and ENTIRE TEXT. Each reads the field starting at line `j` and
 * returns the index of its last line.
 */
import type { Line } from '../lines.js';
import { isFurnitureLine, matchCaptionLine, matchCaveatLine, matchEoLine, type BannerMatch } from '../patterns.js';
import { isHeaderFieldStart, opensPortion, TAG_CONTINUATION } from './classify.js';
import { readsAsSentence } from './pass-line.js';
import { endsSubject } from '../subject-end.js';
import { field, setRole, type HeaderInput, type HeaderState } from './types.js';
import { resolvePendingAsBoilerplate, type ZoneState } from './zone-state.js';

/** The banner line `j` (its match `b`): the first one is the banner; a banner with its post starts a header block. */
export function readBanner(input: HeaderInput, state: HeaderState, zone: ZoneState, j: number, b: BannerMatch): number {
  const { res } = state;
  const l = input.lines[j]!;
  if (!res.banner && (!zone.seenSubject || b.post !== null)) {
    res.banner = { line: l, match: b, caveats: [] };
    resolvePendingAsBoilerplate(input, zone);
  } else if (res.banner && res.banner.line !== l) {
    // The banner again (an extract followed by its full record, a header printed twice).
    res.repeatedBanners.push({ line: l, match: b, caveats: [] });
  }
  // A banner with its post starts a header block (WikiLeaks may repeat TAGS/SUBJECT above it,
  // and extracts repeat the whole header): pass lines may follow it again.
  if (b.post !== null) {
    zone.seenSubject = false;
    zone.seenTags = false;
  }
  res.structured = true;
  // Caption words after the post and number (`S E C R E T STATE 012345 NODIS`) are the banner's,
  // as on a caveat line of their own: read as nothing, the NODIS telegram's paragraphs went to a
  // reader cleared to SECRET alone.
  const after = l.text.slice(b.end);
  const cav = after.trim() === '' ? null : (matchCaveatLine(after.trim()) ?? matchCaptionLine(after.trim()));
  if (cav && cav.start >= 0 && res.banner?.line === l) {
    const lead = b.end + (after.length - after.trimStart().length);
    res.banner.caveats.push(field(input, l.first + lead + cav.start, l.first + lead + cav.end));
  }
  // The banner line is released as the release's banner with what follows its words (post and
  // number): a sentence after them (`C O N F I D E N T I A L BERLIN 000173 THE MINISTER SAID …`)
  // makes the line content (fail closed); its classification is still the document's banner.
  setRole(input, j, readsAsSentence(l.text.slice(b.end)) ? 'content' : 'boilerplate');
  return j;
}

/** A caveat line under the banner (`NOFORN`, `SENSITIVE`): its controls belong to the banner. */
export function readCaveat(input: HeaderInput, state: HeaderState, j: number, cav: NonNullable<ReturnType<typeof matchCaveatLine>>): number {
  const { res } = state;
  const l = input.lines[j]!;
  // Also after SUBJECT: NOFORN there (02BOGOTA3281) still belongs to the banner.
  if (cav.start >= 0 && res.banner) res.banner.caveats.push(field(input, l.first + cav.start, l.first + cav.end));
  setRole(input, j, 'boilerplate');
  return j;
}

/** The E.O. line, with its DECL value (on the next line when `E.O. 12958` stands alone). */
export function readEo(input: HeaderInput, state: HeaderState, zone: ZoneState, j: number, eo: NonNullable<ReturnType<typeof matchEoLine>>): number {
  const { lines, source } = input;
  const { res } = state;
  resolvePendingAsBoilerplate(input, zone);
  const l = lines[j]!;
  let end = l.last;
  let declStart = l.first + eo.declStart;
  if (declStart >= l.last && j + 1 < lines.length && /^DECL/i.test(lines[j + 1]!.text)) {
    const next = lines[j + 1]!;
    const k = /^DECL[A-Za-z]*(?:\s+ON)?\s*[:;]?\s*/i.exec(next.text)!;
    declStart = next.first + k[0].length;
    end = next.last;
    setRole(input, j + 1, 'boilerplate');
    setRole(input, j, 'boilerplate');
    j++;
  } else {
    setRole(input, j, 'boilerplate');
  }
  if (!res.eo) {
    const decl = declStart < end ? source.slice(declStart, end) : null;
    res.eo = {
      raw: source.slice(l.first, end),
      span: { start: l.first, end },
      order: eo.order,
      decl,
      declSpan: decl === null ? null : { start: declStart, end },
    };
  }
  res.structured = true;
  return j;
}

/** TAGS, wrapped onto lines of bare tags (`CU, DR, EC, ES`). */
export function readTags(input: HeaderInput, state: HeaderState, zone: ZoneState, j: number): number {
  const { lines } = input;
  const { res } = state;
  resolvePendingAsBoilerplate(input, zone);
  const l = lines[j]!;
  let end = l.last;
  while (
    j + 1 < lines.length &&
    (TAG_CONTINUATION.test(lines[j + 1]!.text) ||
      (/,$/.test(lines[j]!.text) && /^[A-Za-z0-9, ]{1,60}$/.test(lines[j + 1]!.text) && !isHeaderFieldStart(lines[j + 1]!.text))) &&
    // Tags are codes (`QA, AE`); a sentence in capitals (`AHMED KARZAI IS OUR SOURCE IN KABUL`)
    // has the same shape and was released as more tags.
    !readsAsSentence(lines[j + 1]!.text, { lowerCaseCodes: true })
  ) {
    setRole(input, j + 1, 'boilerplate');
    j++;
    end = lines[j]!.last;
  }
  const tagsField = field(input, l.first, end);
  if (!res.tags || (res.banner && res.tags.span.start < res.banner.line.first)) res.tags = tagsField;
  setRole(input, l.index, 'boilerplate');
  zone.seenTags = true;
  res.structured = true;
  return j;
}

/**
 * A cable's subject wraps at 60-70 characters; a line under one shorter than this with the next
 * line's first word is no wrap (over the corpus, every continuation that reads as a sentence or
 * opens with a label came after a line of 44 characters or more: `SUBJECT: REQUEST FOR
 * INFORMATION ON SECURITY` / `DIALOGUES: CHISINAU RESPONSE`).
 */
const CABLE_SUBJECT_WRAP = 48;

/**
 * SUBJECT and its continuation lines (page furniture between them is furniture). A second
 * SUBJECT (extracts hold the cable twice) is a subject portion of its own.
 *
 * @param labelLength Length of `SUBJECT:` and the blanks after it on line `j`.
 */
export function readSubject(input: HeaderInput, state: HeaderState, zone: ZoneState, j: number, labelLength: number): number {
  const { lines } = input;
  const { res } = state;
  resolvePendingAsBoilerplate(input, zone);
  const l = lines[j]!;
  let end = l.last;
  setRole(input, j, 'subject');
  let last = l;
  let k = j + 1;
  for (; k < lines.length; k++) {
    const c = lines[k]!;
    if (c.blank || isHeaderFieldStart(c.text) || opensPortion(input, c)) break;
    if (isFurnitureLine(c.text)) {
      setRole(input, k, 'furniture');
      continue;
    }
    if (endsSubject(last.text, c.text, CABLE_SUBJECT_WRAP)) break;
    setRole(input, k, 'subject');
    last = c;
    end = c.last;
  }
  res.subjects.push({ field: field(input, l.first, end), textStart: l.first + labelLength });
  if (!res.subject) {
    res.subject = field(input, l.first, end);
    res.subjectTextStart = l.first + labelLength;
  }
  zone.seenSubject = true;
  res.structured = true;
  return k - 1;
}

/** A second CAB line and the lines of its block: boilerplate. */
export function readCab(input: HeaderInput, j: number): number {
  const { lines } = input;
  setRole(input, j, 'boilerplate');
  let k = j + 1;
  while (k < lines.length && !lines[k]!.blank && !isHeaderFieldStart(lines[k]!.text) && !opensPortion(input, lines[k]!)) {
    setRole(input, k, 'boilerplate');
    k++;
  }
  return k - 1;
}

/** An ENTIRE TEXT statement in the header and the lines of its block (the words are read later). */
export function readEntireText(input: HeaderInput, state: HeaderState, j: number): number {
  const { lines } = input;
  const l: Line = lines[j]!;
  const start = l.first;
  let end = l.last;
  setRole(input, j, 'boilerplate');
  let k = j + 1;
  while (k < lines.length && !lines[k]!.blank && !isHeaderFieldStart(lines[k]!.text) && !opensPortion(input, lines[k]!)) {
    setRole(input, k, 'boilerplate');
    end = lines[k]!.last;
    k++;
  }
  if (!state.res.entireText) state.res.entireText = field(input, start, end);
  return k - 1;
}
