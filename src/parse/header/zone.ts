/**
 * Phase 3 of the header pass: the header zone from the anchor on (banner, caveats, pass lines,
 * E.O., TAGS, SUBJECT, REF, Classified By), up to the first line of the body.
 */
import {
  CAB_LINE,
  captionsOnlyAfter,
  CLASSIFIED_BY_LINE,
  CSV_ROW,
  CSV_SEAM,
  ENTIRE_TEXT,
  EXTRACT_NOTICE,
  isFurnitureLine,
  isRoutingLine,
  matchBanner,
  matchCaptionLine,
  matchCaveatLine,
  matchEoLine,
  PRECEDENCE_LINE,
  REF_LINE,
  SUBJECT_LINE,
  TAGS_LINE,
} from '../patterns.js';
import { readClassifiedBy } from './classified-by.js';
import { CSV_FIELDS, CSV_TAIL, ID_RECORD, isLateHeaderField, isSipdisLine, opensPortion, PARAGRAPH_START, REASON_IN_LINE } from './classify.js';
import { readBanner, readCab, readCaveat, readEntireText, readEo, readSubject, readTags } from './fields.js';
import { readCsvRecord, readIdRecord } from './record.js';
import { readRef } from './ref.js';
import { holdsMarkedText, PROSE_VERB, readsAsSentence } from './pass-line.js';
import { readRouting } from './routing.js';
import { field, setRole, type HeaderInput, type HeaderState } from './types.js';
import { initialZone, nextSignificant, resolvePendingAsBoilerplate, type ZoneState } from './zone-state.js';

/** The header ends before the line at hand: it is the first line of the body. */
const ENDS = -1;

/**
 * Reads the header zone from line `anchor`; sets `state.res.bodyStart` to the first line of the
 * body. Unresolved pass lines stay content (fail closed).
 */
export function readZone(input: HeaderInput, state: HeaderState, anchor: number): void {
  const n = input.lines.length;
  const zone = initialZone();
  let j = anchor;
  for (; j < n; j++) {
    const next = readFieldLine(input, state, zone, j) ?? readOtherLine(input, state, zone, j);
    if (next === ENDS) break;
    j = next;
  }
  state.res.bodyStart = Math.min(j, n);
}

/**
 * Line `j` as a blank line, page furniture or the start of a header field: returns the index of
 * the field's last line, {@link ENDS} when a portion opens here, or null for any other line.
 */
function readFieldLine(input: HeaderInput, state: HeaderState, zone: ZoneState, j: number): number | null {
  const l = input.lines[j]!;
  const t = l.text;
  if (l.blank) {
    setRole(input, j, 'blank');
    zone.inRouting = false;
    state.addressList = null;
    return j;
  }
  if (isFurnitureLine(t)) {
    setRole(input, j, 'furniture');
    return j;
  }
  if (CLASSIFIED_BY_LINE.test(t)) {
    resolvePendingAsBoilerplate(input, zone);
    return readClassifiedBy(input, state, j);
  }
  if (opensPortion(input, l)) return markedRefItems(input, state, j) ?? ENDS;
  const b = matchBanner(t);
  if (b && (b.post !== null || b.section !== null || b.end >= t.length || b.wordsEnd === t.length || captionsOnlyAfter(b, t))) return readBanner(input, state, zone, j, b);
  const cav = matchCaveatLine(t);
  if (cav) return readCaveat(input, state, j, cav);
  const eo = matchEoLine(t);
  if (eo) return readEo(input, state, zone, j, eo);
  // A TAGS line whose value reads as a sentence (`TAGS: PREL GM - The informant … confirmed the
  // arrests`) is content: header lines are released as written. Tags are codes of six letters at
  // most (`pgov, prel, epet`, in either case): three longer words, or two words that make a
  // sentence, are no tags.
  if (TAGS_LINE.test(t) && longWordsOrSentence(t.replace(TAGS_LINE, ''))) return null;
  if (TAGS_LINE.test(t)) return readTags(input, state, zone, j);
  const subj = SUBJECT_LINE.exec(t);
  if (subj) return readSubject(input, state, zone, j, subj[0].length);
  // A REF line whose value holds a mark and its text, or reads as a sentence (`REF: (C) … IS OUR
  // SOURCE`, `REF: STATE 13607 (S//NF) … IS OUR SOURCE`), is content too: it was released as
  // written from a cable denied in full. References are cable numbers, dates and titles.
  if (REF_LINE.test(t) && refReadsAsProse(t.replace(REF_LINE, ''))) return null;
  if (REF_LINE.test(t)) {
    resolvePendingAsBoilerplate(input, zone);
    return readRef(input, state, j);
  }
  if (CAB_LINE.test(t)) return readCab(input, j);
  if (DECLASSIFIED_STAMP.test(t)) return readDeclassifiedStamp(input, state, j);
  if (ENTIRE_TEXT.test(t) && t.length < 120) return readEntireText(input, state, j);
  // A caption with words after it (`NODIS EYES ONLY FOR THE SECRETARY`) in the caption area, after
  // every field reader: a REF or SUBJECT naming NODIS is that field.
  const cap = zone.seenSubject || zone.seenTags ? null : matchCaptionLine(t);
  if (cap) return readCaveat(input, state, j, cap);
  return null;
}

/**
 * Line `j`, which starts no header field: notices, CSV seams and rows, a record, a repeated
 * routing block, a cut-off extract line, a label-less Classified By, a pass line, or content.
 * Returns the index of the last line taken, or {@link ENDS} when the body starts here.
 */
function readOtherLine(input: HeaderInput, state: HeaderState, zone: ZoneState, j: number): number {
  const { lines } = input;
  const l = lines[j]!;
  const t = l.text;
  if (EXTRACT_NOTICE.test(t) || CSV_SEAM.test(t) || CSV_TAIL.test(t) || CSV_FIELDS.test(t) || isSipdisLine(t)) {
    setRole(input, j, 'boilerplate');
    return j;
  }
  if (CSV_ROW.test(t)) {
    readCsvRecord(state, l);
    setRole(input, j, 'boilerplate');
    return j;
  }
  if (ID_RECORD.test(t)) {
    // A record that takes not even its first line (`...id: 1` without `header ends`) leaves it
    // to be read as text below (reading it again would never end).
    const after = readIdRecord(input, state, j);
    if (after > j) return after - 1;
  }
  // A routing block repeated inside the header (after a leaked CSV row or record): its lines,
  // and the address lines after TO/INFO up to the next blank line, are header.
  if (zone.inRouting || /^VZCZC/.test(t) || PRECEDENCE_LINE.test(t) || (isRoutingLine(t) && !/^(?:TO|CC|FM|INFO)\s/.test(t))) {
    if (readRouting(input, state, j, zone.scratchRouting)) {
      // The only date-time group of a forwarded copy (banner first, routing after it) is still the
      // cable's: OADR and other computed dates count from it (issue 12).
      state.routing.dtg ??= zone.scratchRouting.dtg;
      zone.inRouting = true;
      setRole(input, j, 'boilerplate');
      return j;
    }
    zone.inRouting = false;
  }
  // The last line of a partial extract, cut off (`Classifie...`), before the full record.
  if (/\.\.\.$/.test(t) && t.length < 100) {
    const k = nextSignificant(input, j + 1);
    if (k >= lines.length || ID_RECORD.test(lines[k]!.text) || CSV_ROW.test(lines[k]!.text) || CSV_SEAM.test(lines[k]!.text) || EXTRACT_NOTICE.test(lines[k]!.text) || matchBanner(lines[k]!.text)?.post) {
      setRole(input, j, 'boilerplate');
      return j;
    }
  }
  // A classification authority line that lost its `Classified By:` label (`Chris Stevens, CDA,
  // … REASON: 1.4 (b), (d)`), after the SUBJECT.
  if (zone.seenSubject && !state.res.classifiedBy && REASON_IN_LINE.test(t) && t.length < 200) return readClassifiedBy(input, state, j);
  return readTextLine(input, zone, j);
}

/**
 * REF items right after the REF field that open portions (`REF: A.` / `(C) STATE 13607 ON THE
 * SOURCE'S REPORT` / `B. (S) BERLIN 123 …`), when a header field (`Classified By:`, E.O., TAGS)
 * comes after their block: they are content, and the header goes on. Taken for the body's first
 * portion, the last item ran on over the blank line and the `Classified By:` line, so B1 was
 * cited with no 1.4 reasons. Returns the block's last line, or null when the body starts at `j`.
 */
function markedRefItems(input: HeaderInput, state: HeaderState, j: number): number | null {
  const { lines } = input;
  const ref = state.res.refs[state.res.refs.length - 1];
  let prev = j - 1;
  while (prev >= 0 && lines[prev]!.blank) prev--;
  // A numbered paragraph (`¶1. (U) …`) is the body's, whatever follows it.
  if (!ref || prev < 0 || ref.span.end !== lines[prev]!.last || PARAGRAPH_START.test(lines[j]!.text)) return null;
  let end = j;
  while (end + 1 < lines.length && !lines[end + 1]!.blank && !isFurnitureLine(lines[end + 1]!.text) && !isLateHeaderField(lines[end + 1]!.text)) end++;
  const k = nextSignificant(input, end + 1);
  if (k >= lines.length || !isLateHeaderField(lines[k]!.text) || PARAGRAPH_START.test(lines[k]!.text)) return null;
  for (let q = j; q <= end; q++) setRole(input, q, 'content');
  return end;
}

/**
 * State's systematic review stamp (`Declassified/Released US Department of State EO` over
 * `Systematic Review 05 JUL 2006`, 75TEHRAN2069): read as pass lines, it was released as header
 * and the cable went to review by its E.O. line (GDS) with no word of it. Its two lines, or null.
 */
const DECLASSIFIED_STAMP = /^Declassified\/Released\s+US\s+Department\s+of\s+State\b.{0,20}$/i;

function readDeclassifiedStamp(input: HeaderInput, state: HeaderState, j: number): number | null {
  const next = input.lines[j + 1];
  // Without its date the stamp records nothing: the line is left to the pass lines.
  if (next === undefined || !/^Systematic\s+Review\b.{0,30}\d{4}$/i.test(next.text)) return null;
  setRole(input, j, 'boilerplate');
  setRole(input, j + 1, 'boilerplate');
  state.res.declassifiedStamp ??= field(input, input.lines[j]!.first, next.last);
  return j + 1;
}

/** A line that is no header line: a pass line while no field has come, else content. */
function readTextLine(input: HeaderInput, zone: ZoneState, j: number): number {
  const { lines } = input;
  const t = lines[j]!.text;
  if (!zone.seenSubject && !zone.seenTags) {
    // A pass line (`DEPT FOR EUR/WE`) is header when a field follows; decided later.
    zone.pending.push(j);
    setRole(input, j, 'content');
    return j;
  }
  // Content after the header fields. A short line right before a late header field (a
  // truncated page header, a `SUMMARY` title before `Classified By:`) does not end the header.
  setRole(input, j, 'content');
  const k = nextSignificant(input, j + 1);
  if (t.length <= 80 && k < lines.length && isLateHeaderField(lines[k]!.text) && !PARAGRAPH_START.test(lines[k]!.text)) return j;
  return ENDS;
}

/** Three words of seven letters or more with lower case, or a sentence by its words (`pass-line.ts`). */
/**
 * A REF value that holds a mark and its text, or a verb outside quotes and parentheses (a quoted
 * title may hold one: `("WHAT IS NEXT FOR IRAQ")`; item letters `A.`, `A)` are no article).
 */
function refReadsAsProse(value: string): boolean {
  return holdsMarkedText(value) || PROSE_VERB.test(value.replace(/"[^"\n]*"|“[^”\n]*”|\([^()\n]*\)/g, ' '));
}

function longWordsOrSentence(value: string): boolean {
  // In lower case: State also tagged in capitals with words (`ELECTIONS GOI INTERNAL`, 06TELAVIV145).
  return (value.match(/\p{L}*\p{Ll}\p{L}*/gu)?.filter((w) => w.length >= 7).length ?? 0) >= 3 || readsAsSentence(value, { lowerCaseCodes: true });
}
