/**
 * The parts of a cable before its body: the leaked database record, the routing header, the
 * banner with its caveats, and the header fields (E.O., TAGS, SUBJECT, REF, Classified By). Every
 * line before the body gets a role; lines that are not understood become content (fail closed:
 * text that is not known to be header is treated as text to review).
 */
import type {
  ClassifiedBy,
  DatabaseRecord,
  DateTimeGroup,
  Diagnostic,
  ExecutiveOrderLine,
  Field,
  RoutingHeader,
  Span,
} from '../types.js';
import type { Line } from './lines.js';
import {
  CAB_LINE,
  CLASSIFIED_BY_LINE,
  CSV_ROW,
  CSV_SEAM,
  ENTIRE_TEXT,
  EXTRACT_NOTICE,
  PRECEDENCE_LINE,
  REF_LINE,
  SUBJECT_LINE,
  TAGS_LINE,
  findDtg,
  isBareClassificationLine,
  isFurnitureLine,
  isRoutingLine,
  matchBanner,
  matchCaveatLine,
  matchEoLine,
  normaliseReasons,
  type BannerMatch,
} from './patterns.js';

/**
 * What a line is, for the parser:
 * - `blank`, `furniture` (page headers, never content);
 * - `boilerplate`: header and other frame lines that are neither content nor furniture;
 * - `subject`: the SUBJECT field (a portion of its own);
 * - `content`: text to be covered by portions;
 * - `signature`: the signer line(s) at the end.
 */
export type Role = 'blank' | 'furniture' | 'boilerplate' | 'subject' | 'content' | 'signature';

/** The banner line as found, before its marking is read. */
export interface BannerFound {
  readonly line: Line;
  readonly match: BannerMatch;
  readonly caveats: Field[];
}

/** What the header pass found. */
export interface HeaderResult {
  record: DatabaseRecord | null;
  routing: RoutingHeader;
  /** DE line cable number (`#0173`), for deriving the reference id without a banner. */
  deNumber: string | null;
  banner: BannerFound | null;
  eo: ExecutiveOrderLine | null;
  tags: Field | null;
  subject: Field | null;
  /** Offset where the subject text (after `SUBJECT:` and blanks) starts. */
  subjectTextStart: number;
  /** Every SUBJECT field in the header zone (extracts may repeat the header), in order. */
  subjects: { field: Field; textStart: number }[];
  refs: Field[];
  classifiedBy: ClassifiedBy | null;
  /** An ENTIRE TEXT statement found in the header zone (the words are read later). */
  entireText: Field | null;
  /** Index of the first line of the body (numbered paragraphs, text); `lines.length` if none. */
  bodyStart: number;
  /** True when any routing, record, banner or header field was found. */
  structured: boolean;
}

const RECORD_KEY = /^([a-z_]+):\s?(.*)$/;
/**
 * The start of a bare database record: an id (or a `>` / `null` seam) and a date, then a
 * reference id, blank lines allowed between them.
 */
function isBareRecordStart(lines: readonly Line[], i: number): boolean {
  const next = (k: number): number => skipBlank(lines, k + 1);
  if (i >= lines.length || !/^(?:\d{1,7}|>|null)$/i.test(lines[i]!.text)) return false;
  let d = next(i);
  if (d < lines.length && /^\d{1,7}$/.test(lines[d]!.text) && !/^\d{1,7}$/.test(lines[i]!.text)) d = next(d);
  const r = next(d);
  return (
    d < lines.length &&
    r < lines.length &&
    /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.test(lines[d]!.text) &&
    /^\d{2}[A-Z]+\d+$/.test(lines[r]!.text)
  );
}

/** `C O R R E C T E D C O P Y` notices above the banner. */
const CORRECTED_COPY = /^\(?\s*(?:C O R R E C T E D|CORRECTED COPY)/i;

/**
 * A line of a leaked database record in one of its loose forms: an id, a date, a reference id
 * (or a `|`-separated list of them), an originating office, a classification, a tab-separated
 * row, `ID: 190648` / `ORIGIN: …` keys, and the `>` / `null` seams.
 */
function isRecordLikeLine(t: string): boolean {
  return (
    /^(?:\d{1,7}|>|null)$/i.test(t) ||
    /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/.test(t) ||
    /^\d{1,2}[./]\d{1,2}[./]\d{4}(?: \d{1,2}:\d{2}(?::\d{2})?(?: [AP]M)?)?$/.test(t) ||
    /^\d{2}[A-Z]+\d+(?:\|\d{2}[A-Z]+\d+)*$/.test(t) ||
    /^(?:Embassy|Consulate|Consulate General|Mission|US Mission|USUN|Secretary of State|American Institute|US Office|US Interests Section|REO|UNVIE|USNATO|USEU)\b[A-Za-z ,.'-]{0,40}$/.test(t) ||
    isBareClassificationLine(t) ||
    (/\t/.test(t) && /\b\d{2}[A-Z]+\d+\b/.test(t)) ||
    /^(?:id|date|refid|origin|source|classification|destination|header|reference|references)\s*:/i.test(t) ||
    // An e-mail wrapper around a cable (`From: …`, `Sent: …`) and the cable list entry in it.
    /^(?:From|Sent|To|Cc|Subject):\s/.test(t) ||
    /^[A-Z][A-Z ]+ \d{8} [A-Z]{1,2} [A-Z]{2} \d{2}-[A-Z]{3}-\d{2}\b/.test(t)
  );
}

/** A date-time group on a line of its own (`061428Z Jun 03`, in partial extracts). */
const BARE_DTG_LINE = /^()\d{6}Z\s+[A-Za-z]{3}\s+\d{2,4}$/;
/** The rest of a CSV row whose quoted origin was broken over two lines: `Hague",CONFIDENTIAL,,"VZCZC…`. */
const CSV_TAIL = /^[A-Za-z .'-]{0,40}",(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED)[A-Z/ ]*,/;
/**
 * More of a leaked CSV row: fields without blanks that end where the routing header begins
 * (`SECRET,,"VZCZCXRO6602`, `9|10THEHAGUE97,"VZCZCXRO2029`) or a list of reference ids.
 */
const CSV_FIELDS = /^[^\s"]*,"VZCZC[A-Z0-9]*$|^[A-Z/]*,(?:\d{2}[A-Z]+\d+)?(?:\|\d{2}[A-Z]+\d+)+,?"?$/;
const ID_RECORD = /^(?:\.\.\.)?id:\s*\d+\b/;
const HEADER_ENDS = /^-{3,}\s*header ends\s*-{3,}$/i;
const PARAGRAPH_START = /^(?:¶\s*)?\d{1,3}\s?(?:[.)](?![0-9])|(?=\s{0,3}\())/;
/** A numbered paragraph written with a dot or `¶` (`¶1.`, `1.`), not a bare digit (`4(B/D)`). */
const NUMBERED_PARAGRAPH = /^(?:¶\s*\d{1,3}|\d{1,3}\s?[.)](?![0-9]))/;
const PAREN_START = /^\(([^()\n]{1,48})\)/;
/** A line made only of classification reasons: `1.4 (B) AND (D).`, `(c)and(d)`, `) .`. */
const REASON_ONLY = /^(?:\s|[(),.;&/-]|1\.[456]|AND(?![A-Za-z])|and(?![A-Za-z])|OR(?![A-Za-z])|or(?![A-Za-z])|[A-Ha-h](?![A-Za-z]))+$/;
/** A line that goes on with the reason list: `and (d).`, `& d`, `, (d)`, `)`. */
const REASON_CONTINUES = /^\s*(?:(?:and|or)\s*\(?\s*[a-h]\s*\)|&\s*\(?\s*[a-h]\b|,\s*\(?\s*[a-h]\s*\)|\))/i;
const REASON_IN_LINE = /\bREASONS?\s*[:;]?\s*1\s?\.\s?[456]\b/i;
const TAG_CONTINUATION = /^(?:[A-Z][A-Z0-9]{1,5},?\s+){1,20}[A-Z][A-Z0-9]{1,5},?$/;

/**
 * Reads the record, routing header, banner and header fields, assigning a role to each line up to
 * the start of the body. `isMarkAt(offset)` tells whether a portion mark starts at an offset (so
 * that `(C) text` opens the body).
 */
export function readHeader(
  source: string,
  lines: readonly Line[],
  roles: Role[],
  diagnostics: Diagnostic[],
  isMarkAt: (offset: number) => boolean,
  from = 0,
): HeaderResult {
  const res: HeaderResult = {
    record: null,
    routing: { precedence: null, dtg: null, from: null, to: [], info: [] },
    deNumber: null,
    banner: null,
    eo: null,
    tags: null,
    subject: null,
    subjectTextStart: -1,
    subjects: [],
    refs: [],
    classifiedBy: null,
    entireText: null,
    bodyStart: lines.length,
    structured: false,
  };
  const routing = {
    precedence: null as string | null,
    dtg: null as DateTimeGroup | null,
    from: null as Field | null,
    to: [] as Field[],
    info: [] as Field[],
  };
  const n = lines.length;
  const set = (i: number, role: Role): void => {
    roles[i] = lines[i]!.blank ? 'blank' : role;
  };
  const field = (start: number, end: number): Field => ({ raw: source.slice(start, end), span: { start, end } });

  let addressList: Field[] | null = null;
  const readRouting = (j: number, target: typeof routing = routing): boolean => {
    const routing = target;
    const l = lines[j]!;
    const t = l.text;
    const pre = PRECEDENCE_LINE.exec(t) ?? BARE_DTG_LINE.exec(t);
    if (pre) {
      if (pre[1]) routing.precedence = pre[1];
      const d = findDtg(t);
      if (d && !routing.dtg) {
        const start = l.first + d.index;
        routing.dtg = { raw: d.raw, span: { start, end: start + d.raw.length }, date: d.date };
      }
      addressList = null;
      return true;
    }
    const de = /^DE\s+[A-Z]+\s+#(\d+)/.exec(t);
    if (de) {
      res.deNumber ??= de[1]!;
      addressList = null;
      return true;
    }
    const fm = /^FM\s+(.+)$/.exec(t);
    if (fm) {
      routing.from = field(l.first + 3 + (t.length - 3 - fm[1]!.length), l.last);
      addressList = null;
      return true;
    }
    const to = /^(TO|INFO|XMT|CC)\s+(.+)$/.exec(t);
    if (to) {
      const start = l.last - to[2]!.length;
      addressList = to[1] === 'TO' ? routing.to : to[1] === 'INFO' ? routing.info : null;
      addressList?.push(field(start, l.last));
      if (to[1] === 'XMT' || to[1] === 'CC') addressList = null;
      return true;
    }
    if (addressList && !l.blank && !/^(?:VZCZC|ZN[YR]\s|BT$|NNNN$)/.test(t) && !opensPortion(l)) {
      addressList.push(field(l.first, l.last));
      return true;
    }
    return isRoutingLine(t);
  };

  // --- 1. A leaked database record at the very top (and, in some extracts, again further down).
  let recordSeen = false;
  /** Reads an `id:` … `header ends` record block from line `at`; returns the index after it. */
  const readIdRecord = (at: number): number => {
    const fields: Record<string, string> = {};
    const start = lines[at]!.first;
    let end = lines[at]!.last;
    let key = '';
    let j = at;
    // Without its `header ends` line (a cut or damaged extract) the record may not swallow the
    // rest of the file as boilerplate, which is released as is: it then takes only lines that are
    // clearly its own (blank, `key: value`, routing under `header:`), and the body starts at the
    // first other line (fail closed: a paragraph there is read, and decided, as a paragraph).
    let terminated = false;
    for (let k = at; k < n && !terminated; k++) terminated = HEADER_ENDS.test(lines[k]!.text);
    for (; j < n; j++) {
      const l = lines[j]!;
      if (HEADER_ENDS.test(l.text)) {
        set(j, 'boilerplate');
        end = l.last;
        j++;
        break;
      }
      const kv = key === 'header' ? null : RECORD_KEY.exec(l.text);
      const routing = !kv && key === 'header' && !l.blank && readRouting(j);
      if (!terminated && !l.blank && !kv && !routing) break;
      if (!l.blank && !kv && !routing && !EXTRACT_NOTICE.test(l.text)) {
        // Neither a field, nor routing in the record's header block (no record in the corpus
        // has such a line): left unassigned, so it is read as content and decided like any
        // paragraph. Boilerplate would be released as is.
        addressList = null;
        continue;
      }
      set(j, 'boilerplate');
      if (kv) {
        key = kv[1]!.toLowerCase();
        fields[key] = kv[2]!.trim();
      } else if (key === 'header' && (l.blank || !routing)) addressList = null;
      if (!l.blank) end = l.last;
    }
    addressList = null;
    if (!recordSeen) {
      res.record = { span: { start, end }, fields };
      recordSeen = true;
    }
    res.structured = true;
    return j;
  };
  let i = skipBlank(lines, from);
  if (i < n && ID_RECORD.test(lines[i]!.text)) {
    i = readIdRecord(i);
  } else if (isBareRecordStart(lines, i)) {
    // The bare variant: id, date, refid, origin, classification, destination, one per line
    // (sometimes with blank lines between; the destination may be empty).
    const keys = ['id', 'date', 'refid', 'origin', 'classification', 'destination'];
    const fields: Record<string, string> = {};
    const start = lines[i]!.first;
    let end = start;
    let k = 0;
    let j = i;
    for (; k < keys.length && j < n; j++) {
      const l = lines[j]!;
      if (l.blank) {
        set(j, 'blank');
        continue;
      }
      if (opensPortion(l)) break;
      if (k >= 3) {
        const b = matchBanner(l.text);
        if (isRoutingLine(l.text) || (b && (b.post !== null || b.section !== null))) break;
        if (k === 5 && !/^\d{2}[A-Z]+\d+/.test(l.text)) break;
      }
      fields[keys[k]!] = l.text;
      set(j, 'boilerplate');
      end = l.last;
      k++;
    }
    i = j;
    res.record = { span: { start, end }, fields };
    recordSeen = true;
    res.structured = true;
  }

  // --- 2. Before the anchor (banner or first header field): routing, notices, CSV seams.
  const anchor = findAnchor(lines, i, isMarkAt);
  addressList = null;
  const csvRecord = (l: Line): void => {
    const m = CSV_ROW.exec(l.text);
    if (m && !res.record) {
      res.record = {
        span: { start: l.first, end: l.last },
        fields: {
          id: m[1]!,
          date: `${m[2]}/${m[3]}/${m[4]} ${m[5]}:${m[6]}`,
          refid: m[7]!,
          ...(m[8] !== undefined ? { origin: m[8] } : {}),
          ...(m[9] !== undefined ? { classification: m[9] } : {}),
        },
      };
      res.structured = true;
    }
  };
  const anchorIsField = anchor >= 0 && (matchEoLine(lines[anchor]!.text) !== null || TAGS_LINE.test(lines[anchor]!.text) || SUBJECT_LINE.test(lines[anchor]!.text));
  /** Collects refid, date and classification from loose record lines (`201836` / `2009-04-10` / `09BERLIN431` …). */
  const looseFields: Record<string, string> = {};
  let looseStart = -1;
  let looseEnd = -1;
  const looseRecord = (l: Line): void => {
    if (recordSeen) return;
    const t = l.text;
    let hit = false;
    const ref = /(?:^|\t)(\d{2}[A-Z]+\d+)(?:\t|$)/.exec(t) ?? /^(\d{2}[A-Z]+\d+)$/.exec(t);
    if (ref && !looseFields['refid']) (looseFields['refid'] = ref[1]!), (hit = true);
    const date = /(?:^|\t)(\d{4}-\d{2}-\d{2}(?:[ T][\d:]+)?|\d{1,2}\/\d{1,2}\/\d{4}(?: [\d:]+)?)(?:\t|$)/.exec(t);
    if (date && !looseFields['date']) (looseFields['date'] = date[1]!), (hit = true);
    if (isBareClassificationLine(t) && !looseFields['classification']) (looseFields['classification'] = t), (hit = true);
    const cls = /\t((?:UNCLASSIFIED|CONFIDENTIAL|SECRET)[A-Z/ ]*)(?:\t|$)/.exec(t);
    if (cls && !looseFields['classification']) (looseFields['classification'] = cls[1]!), (hit = true);
    if (hit) {
      if (looseStart < 0) looseStart = l.first;
      looseEnd = l.last;
    }
  };
  const stop = anchor < 0 ? n : anchor;
  for (let j = i; j < stop; j++) {
    const l = lines[j]!;
    if (l.blank) {
      set(j, 'blank');
      addressList = null;
      continue;
    }
    if (opensPortion(l)) {
      // A paragraph before the banner or the first header field: content, never a pass line.
      addressList = null;
      if (anchor < 0) {
        res.bodyStart = j;
        return finish(res, routing);
      }
      set(j, 'content');
      continue;
    }
    if (readRouting(j)) {
      set(j, 'boilerplate');
      res.structured = true;
      continue;
    }
    if (EXTRACT_NOTICE.test(l.text) || CSV_SEAM.test(l.text) || CSV_TAIL.test(l.text) || CSV_FIELDS.test(l.text)) {
      set(j, 'boilerplate');
      continue;
    }
    if (CSV_ROW.test(l.text)) {
      csvRecord(l);
      set(j, 'boilerplate');
      continue;
    }
    if (isRecordLikeLine(l.text) || /^SIPDIS\b/i.test(l.text) || matchCaveatLine(l.text) || CORRECTED_COPY.test(l.text)) {
      looseRecord(l);
      set(j, 'boilerplate');
      continue;
    }
    if (anchor < 0) {
      // No header at all: the body starts here.
      res.bodyStart = j;
      return finish(res, routing);
    }
    // A stray line before the banner: content, to be reviewed; before a header field that is
    // not a banner it is a pass line (`STATE FOR P -- U/S BURNS`), as under a banner.
    set(j, anchorIsField && l.text.length <= 100 ? 'boilerplate' : 'content');
  }
  if (!res.record && looseFields['refid']) {
    res.record = { span: { start: looseStart, end: looseEnd }, fields: looseFields };
    res.structured = true;
  }
  if (anchor < 0) {
    res.bodyStart = n;
    return finish(res, routing);
  }

  // --- 3. The header zone: banner, caveats, pass lines, E.O., TAGS, SUBJECT, REF, Classified By.
  let seenSubject = false;
  let seenTags = false;
  let pending: number[] = []; // unknown lines before SUBJECT/TAGS: pass lines if a field follows
  let inRouting = false;
  /** Routing read again inside the header goes here, so the first routing header is kept. */
  const scratchRouting = { precedence: null as string | null, dtg: null as DateTimeGroup | null, from: null as Field | null, to: [] as Field[], info: [] as Field[] };
  let j = anchor;
  const nextSignificant = (from: number): number => {
    let k = from;
    while (k < n && (lines[k]!.blank || isFurnitureLine(lines[k]!.text) || matchCaveatLine(lines[k]!.text))) k++;
    return k;
  };
  const resolvePendingAsBoilerplate = (): void => {
    for (const p of pending) roles[p] = 'boilerplate';
    pending = [];
  };
  for (; j < n; j++) {
    const l = lines[j]!;
    const t = l.text;
    if (l.blank) {
      set(j, 'blank');
      inRouting = false;
      addressList = null;
      continue;
    }
    if (isFurnitureLine(t)) {
      set(j, 'furniture');
      continue;
    }
    if (CLASSIFIED_BY_LINE.test(t)) {
      resolvePendingAsBoilerplate();
      j = readClassifiedBy(j);
      continue;
    }
    if (opensPortion(l)) break;
    const b = matchBanner(t);
    if (b && (b.post !== null || b.section !== null || b.end >= t.length - 0 || b.wordsEnd === t.length)) {
      if (!res.banner && (!seenSubject || b.post !== null)) {
        res.banner = { line: l, match: b, caveats: [] };
        resolvePendingAsBoilerplate();
      }
      // A banner with its post starts a header block (WikiLeaks may repeat TAGS/SUBJECT above it,
      // and extracts repeat the whole header): pass lines may follow it again.
      if (b.post !== null) {
        seenSubject = false;
        seenTags = false;
      }
      res.structured = true;
      set(j, 'boilerplate');
      continue;
    }
    const cav = matchCaveatLine(t);
    if (cav) {
      if (cav.start >= 0 && res.banner && !seenSubject) {
        res.banner.caveats.push(field(l.first + cav.start, l.first + cav.end));
      } else if (cav.start >= 0 && res.banner && seenSubject) {
        // NOFORN after SUBJECT (02BOGOTA3281) still belongs to the banner.
        res.banner.caveats.push(field(l.first + cav.start, l.first + cav.end));
      }
      set(j, 'boilerplate');
      continue;
    }
    const eo = matchEoLine(t);
    if (eo) {
      resolvePendingAsBoilerplate();
      let end = l.last;
      let declStart = l.first + eo.declStart;
      // `E.O. 12958` alone, the DECL on the next line.
      if (declStart >= l.last && j + 1 < n && /^DECL/i.test(lines[j + 1]!.text)) {
        const next = lines[j + 1]!;
        const k = /^DECL[A-Za-z]*(?:\s+ON)?\s*[:;]?\s*/i.exec(next.text)!;
        declStart = next.first + k[0].length;
        end = next.last;
        set(j + 1, 'boilerplate');
        set(j, 'boilerplate');
        j++;
      } else {
        set(j, 'boilerplate');
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
      continue;
    }
    if (TAGS_LINE.test(t)) {
      resolvePendingAsBoilerplate();
      let end = l.last;
      // TAGS wrap onto lines of bare tags (`CU, DR, EC, ES`).
      while (
        j + 1 < n &&
        (TAG_CONTINUATION.test(lines[j + 1]!.text) ||
          (/,$/.test(lines[j]!.text) && /^[A-Za-z0-9, ]{1,60}$/.test(lines[j + 1]!.text) && !isHeaderFieldStart(lines[j + 1]!.text)))
      ) {
        set(j + 1, 'boilerplate');
        j++;
        end = lines[j]!.last;
      }
      const tagsField = field(l.first, end);
      if (!res.tags || (res.banner && res.tags.span.start < res.banner.line.first)) res.tags = tagsField;
      set(l.index, 'boilerplate');
      seenTags = true;
      res.structured = true;
      continue;
    }
    const subj = SUBJECT_LINE.exec(t);
    if (subj) {
      // A second SUBJECT (extracts hold the cable twice) is a subject portion of its own.
      resolvePendingAsBoilerplate();
      let end = l.last;
      set(j, 'subject');
      let k = j + 1;
      for (; k < n; k++) {
        const c = lines[k]!;
        if (c.blank || isHeaderFieldStart(c.text) || opensPortion(c)) break;
        if (isFurnitureLine(c.text)) {
          set(k, 'furniture');
          continue;
        }
        set(k, 'subject');
        end = c.last;
      }
      res.subjects.push({ field: field(l.first, end), textStart: l.first + subj[0].length });
      if (!res.subject) {
        res.subject = field(l.first, end);
        res.subjectTextStart = l.first + subj[0].length;
      }
      seenSubject = true;
      res.structured = true;
      j = k - 1;
      continue;
    }
    if (REF_LINE.test(t)) {
      resolvePendingAsBoilerplate();
      j = readRef(j);
      continue;
    }
    if (CAB_LINE.test(t)) {
      set(j, 'boilerplate');
      let k = j + 1;
      while (k < n && !lines[k]!.blank && !isHeaderFieldStart(lines[k]!.text) && !opensPortion(lines[k]!)) {
        set(k, 'boilerplate');
        k++;
      }
      j = k - 1;
      continue;
    }
    if (ENTIRE_TEXT.test(t) && t.length < 120) {
      const start = l.first;
      let end = l.last;
      set(j, 'boilerplate');
      let k = j + 1;
      while (k < n && !lines[k]!.blank && !isHeaderFieldStart(lines[k]!.text) && !opensPortion(lines[k]!)) {
        set(k, 'boilerplate');
        end = lines[k]!.last;
        k++;
      }
      if (!res.entireText) res.entireText = field(start, end);
      j = k - 1;
      continue;
    }
    if (EXTRACT_NOTICE.test(t) || CSV_SEAM.test(t) || CSV_TAIL.test(t) || CSV_FIELDS.test(t) || /^SIPDIS\b/i.test(t)) {
      set(j, 'boilerplate');
      continue;
    }
    if (CSV_ROW.test(t)) {
      csvRecord(l);
      set(j, 'boilerplate');
      continue;
    }
    if (ID_RECORD.test(t)) {
      j = readIdRecord(j) - 1;
      continue;
    }
    // A routing block repeated inside the header (after a leaked CSV row or record): its lines,
    // and the address lines after TO/INFO up to the next blank line, are header.
    if (inRouting || /^VZCZC/.test(t) || PRECEDENCE_LINE.test(t) || (isRoutingLine(t) && !/^(?:TO|CC|FM|INFO)\s/.test(t))) {
      if (readRouting(j, scratchRouting)) {
        inRouting = true;
        set(j, 'boilerplate');
        continue;
      }
      inRouting = false;
    }
    // The last line of a partial extract, cut off (`Classifie...`), before the full record.
    if (/\.\.\.$/.test(t) && t.length < 100) {
      const k = nextSignificant(j + 1);
      if (k >= n || ID_RECORD.test(lines[k]!.text) || CSV_ROW.test(lines[k]!.text) || CSV_SEAM.test(lines[k]!.text) || EXTRACT_NOTICE.test(lines[k]!.text) || matchBanner(lines[k]!.text)?.post) {
        set(j, 'boilerplate');
        continue;
      }
    }
    // A classification authority line that lost its `Classified By:` label (`Chris Stevens, CDA,
    // … REASON: 1.4 (b), (d)`), after the SUBJECT.
    if (seenSubject && !res.classifiedBy && REASON_IN_LINE.test(t) && t.length < 200) {
      j = readClassifiedBy(j);
      continue;
    }
    // Not a header line.
    if (!seenSubject && !seenTags) {
      // A pass line (`DEPT FOR EUR/WE`) is header when a field follows; decided later.
      pending.push(j);
      set(j, 'content');
      continue;
    }
    // Content after the header fields. A short line right before a late header field (a
    // truncated page header, a `SUMMARY` title before `Classified By:`) does not end the header.
    set(j, 'content');
    const k = nextSignificant(j + 1);
    if (t.length <= 80 && k < n && isLateHeaderField(lines[k]!.text) && !PARAGRAPH_START.test(lines[k]!.text)) continue;
    break;
  }
  // Unresolved pass lines stay content (fail closed).
  res.bodyStart = Math.min(j, n);
  return finish(res, routing);

  // --- helpers that need the closure

  function readClassifiedBy(at: number): number {
    const l = lines[at]!;
    const start = l.first + (/^\([Uu]\)\s*/.exec(l.text)?.[0].length ?? 0);
    let end = l.last;
    set(at, 'boilerplate');
    let k = at + 1;
    // The field runs on while its reasons have not come yet, also across a blank line or a page
    // break (`REASONS` … `PAGE 02 …` … `1.4 (B) AND (D).`). Once the reasons are there, only a
    // directly following line made of reason tokens (`(D).`, `AND (D)`) still belongs to it:
    // the next block may be a paragraph that begins with a mark such as `(C)`.
    for (let taken = 0; taken < 6; taken++) {
      const text = source.slice(start, end);
      let m = k;
      let crossed = false;
      while (m < n && (lines[m]!.blank || isFurnitureLine(lines[m]!.text))) {
        if (!lines[m]!.blank) crossed = true;
        m++;
      }
      if (m >= n) break;
      const c = lines[m]!;
      const adjacent = m === k;
      const reasonOnly = REASON_ONLY.test(c.text);
      if (isHeaderFieldStart(c.text) && !/^REASONS?\s*:/i.test(c.text)) break;
      // A cut-off extract (`1.b an...`) ends here; a record or CSV row that follows is not text.
      if (/\.\.\.$/.test(text) || ID_RECORD.test(c.text) || CSV_ROW.test(c.text) || isBareRecordStart(lines, m)) break;
      // A word broken over the line end (`… 1.4 (b) a` / `nd (d)`) continues the field.
      const wordGoesOn = adjacent && /^[a-z]/.test(c.text) && /[a-z]$/i.test(text);
      if (wordGoesOn) {
        // taken below
      } else if (normaliseReasons(text).length > 0) {
        // After the reasons only their tail: `(D).`, or `and (d).  This message was …`.
        if (!(adjacent && (reasonOnly || REASON_CONTINUES.test(c.text)))) break;
      } else if (adjacent) {
        if (!reasonOnly && (NUMBERED_PARAGRAPH.test(c.text) || startsWithMark(c))) break;
      } else if (!reasonOnly) {
        if (!(crossed || /^(?:1\.[456]|REASON)/i.test(c.text))) break;
        if (!/(?:REASONS?|1\.[456]|BY|FOR|,)\s*:?\s*$/i.test(text)) break;
      }
      for (let q = k; q < m; q++) set(q, lines[q]!.blank ? 'blank' : 'furniture');
      set(m, 'boilerplate');
      end = c.last;
      k = m + 1;
    }
    if (!res.classifiedBy) {
      const raw = source.slice(start, end);
      res.classifiedBy = { raw, span: { start, end }, reasons: normaliseReasons(raw.replace(/([A-Za-z])[ \t]*\n[ \t]*([a-z])/g, '$1$2')) };
    }
    res.structured = true;
    return k - 1;
  }

  function readRef(at: number): number {
    const l = lines[at]!;
    let end = l.last;
    set(at, 'boilerplate');
    let k = at + 1;
    let lastLetter = lastRefLetter(l.text);
    for (;;) {
      let m = k;
      while (m < n && (lines[m]!.blank || isFurnitureLine(lines[m]!.text))) m++;
      if (m >= n) break;
      const c = lines[m]!;
      if (isHeaderFieldStart(c.text) || CLASSIFIED_BY_LINE.test(c.text)) break;
      if (opensPortion(c)) break;
      const item = /^(?:¶\s*)?\(?([A-Za-z])[.)]/.exec(c.text);
      const adjacent = m === k;
      if (!adjacent) {
        // After a blank line only the next lettered item continues the list (`¶B. MEXICO 765`).
        if (!item || !lastLetter || item[1]!.toUpperCase().charCodeAt(0) !== lastLetter.charCodeAt(0) + 1) break;
      } else {
        // A directly following line continues the REF when it looks like one: an item, an
        // indented line, a short line with a cable number, or after a line that ends open.
        const prev = source.slice(l.first, end);
        const refLike =
          item !== null ||
          c.first > c.start ||
          (c.text.length <= 80 && /\b\d{2,6}\b|NOTAL/.test(c.text)) ||
          /[,;&-]$|\bAND$/i.test(prev) ||
          // An open parenthesis or quote goes on: `A. HAVANA 683 ("SPAIN ON THE LOOKOUT FOR` / `CHANGE")`.
          count(prev, '(') > count(prev, ')') ||
          count(prev, '"') % 2 === 1;
        if (!refLike) break;
      }
      for (let q = k; q < m; q++) set(q, lines[q]!.blank ? 'blank' : 'furniture');
      set(m, 'boilerplate');
      end = c.last;
      lastLetter = lastRefLetter(c.text) ?? lastLetter;
      k = m + 1;
    }
    res.refs.push(field(l.first, end));
    res.structured = true;
    return k - 1;
  }

  function startsWithMark(l: Line): boolean {
    if (!PAREN_START.test(l.text) && !/^(?:-{1,2}|\*|o|•)\s*\(/.test(l.text)) return false;
    const at = l.text.startsWith('(') ? l.first : l.first + l.text.indexOf('(');
    return isMarkAt(at);
  }

  /**
   * The line opens a portion: a paragraph number, or a mark at its start, after a bullet or after
   * a letter label (`A. (S) …`). Header lines are released as they are, so no header reader may
   * take such a line as its own (a continuation of an address list, SUBJECT or REF, a pass line):
   * it ends the header, or is content (fail closed).
   */
  function opensPortion(l: Line): boolean {
    if (l.blank) return false;
    if (PARAGRAPH_START.test(l.text) || startsWithMark(l)) return true;
    const lettered = /^(?:¶\s*)?([A-Za-z])[.)]\s*(?=\()/.exec(l.text);
    if (lettered === null) return false;
    // `C. (C) PARIS 7527`: a REF list that repeats its letter in parentheses, not a mark.
    if (l.text.slice(lettered[0].length).startsWith(`(${lettered[1]})`)) return false;
    return isMarkAt(l.first + lettered[0].length);
  }
}

function count(text: string, ch: string): number {
  let k = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) k++;
  return k;
}

function finish(res: HeaderResult, routing: RoutingHeader): HeaderResult {
  res.routing = routing;
  return res;
}

function skipBlank(lines: readonly Line[], i: number): number {
  while (i < lines.length && lines[i]!.blank) i++;
  return i;
}

/** Letter of the last lettered item in a REF line (`REF: A. STATE 1 B. STATE 2` → `B`). */
function lastRefLetter(text: string): string | null {
  let last: string | null = null;
  const re = /(?:^|[\s:,;])(?:¶\s*)?\(?([A-Za-z])[.)]\s/g;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m[1]!.toUpperCase();
  return last;
}

/** A line that starts a header field (E.O., TAGS, SUBJECT, REF, Classified By, a second CAB). */
export function isHeaderFieldStart(text: string): boolean {
  return (
    matchEoLine(text) !== null ||
    TAGS_LINE.test(text) ||
    SUBJECT_LINE.test(text) ||
    REF_LINE.test(text) ||
    CLASSIFIED_BY_LINE.test(text) ||
    CAB_LINE.test(text)
  );
}

/** Fields that may come after a title line or a truncated line and still belong to the header. */
function isLateHeaderField(text: string): boolean {
  return (
    SUBJECT_LINE.test(text) ||
    TAGS_LINE.test(text) ||
    CLASSIFIED_BY_LINE.test(text) ||
    REF_LINE.test(text) ||
    CAB_LINE.test(text) ||
    (ENTIRE_TEXT.test(text) && text.length < 120) ||
    matchEoLine(text) !== null
  );
}

/**
 * The first line of the header proper: a banner (classification words with a post and number, a
 * SECTION, or alone), or the first E.O./TAGS/SUBJECT line, or a numbered or marked paragraph when
 * the header is missing. -1 when there is none.
 */
function findAnchor(lines: readonly Line[], from: number, isMarkAt: (offset: number) => boolean): number {
  for (let j = from; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.blank) continue;
    const t = l.text;
    const b = matchBanner(t);
    if (b && (b.post !== null || b.section !== null || b.wordsEnd === t.length)) return j;
    if (matchEoLine(t) || TAGS_LINE.test(t) || SUBJECT_LINE.test(t) || CLASSIFIED_BY_LINE.test(t)) {
      // An e-mail wrapper has its own `Subject:`; the cable's routing header comes after it.
      if (routingFollows(lines, j)) continue;
      return j;
    }
    if (isRoutingLine(t) || EXTRACT_NOTICE.test(t) || CSV_SEAM.test(t) || CSV_ROW.test(t)) continue;
    if (PARAGRAPH_START.test(t) && /^(?:¶\s*)?\d{1,3}\s?[.)]?\s*\(/.test(t)) {
      const at = l.first + t.indexOf('(');
      if (isMarkAt(at)) return j;
    }
    if (PAREN_START.test(t) && isMarkAt(l.first)) return j;
  }
  return -1;
}

/**
 * Where the cable starts again inside what was read as its body: an extract that is cut off
 * (`1...`) and followed by the full database record (`id:` … `header ends`) or a leaked CSV row.
 * Returns the index of that line, or -1.
 */
export function findRestart(lines: readonly Line[], roles: readonly Role[], from: number): number {
  for (let j = from; j < lines.length; j++) {
    if (roles[j] !== 'content') continue;
    const t = lines[j]!.text;
    if (ID_RECORD.test(t)) {
      const k = skipBlank(lines, j + 1);
      if (k < lines.length && /^date:/.test(lines[k]!.text)) return j;
    }
    if (CSV_ROW.test(t)) return j;
    if (isBareRecordStart(lines, j)) return j;
  }
  return -1;
}

/**
 * Merges the header read at a restart into the first one: what the first one lacks is taken from
 * the second (an extract's first copy is cut off); SUBJECT and REF fields are added.
 */
export function mergeHeaders(a: HeaderResult, b: HeaderResult): HeaderResult {
  return {
    record: a.record ?? b.record,
    routing: {
      precedence: a.routing.precedence ?? b.routing.precedence,
      dtg: a.routing.dtg ?? b.routing.dtg,
      from: a.routing.from ?? b.routing.from,
      to: a.routing.to.length > 0 ? a.routing.to : b.routing.to,
      info: a.routing.info.length > 0 ? a.routing.info : b.routing.info,
    },
    deNumber: a.deNumber ?? b.deNumber,
    banner: a.banner ?? b.banner,
    eo: a.eo && a.eo.decl !== null ? a.eo : (b.eo ?? a.eo),
    tags: a.tags ?? b.tags,
    subject: a.subject ?? b.subject,
    subjectTextStart: a.subject ? a.subjectTextStart : b.subjectTextStart,
    subjects: [...a.subjects, ...b.subjects],
    refs: [...a.refs, ...b.refs],
    classifiedBy: a.classifiedBy ?? b.classifiedBy,
    entireText: a.entireText ?? b.entireText,
    bodyStart: b.bodyStart,
    structured: a.structured || b.structured,
  };
}

/** A routing header (`VZCZC…`, precedence line) starts within the next few lines. */
function routingFollows(lines: readonly Line[], j: number): boolean {
  for (let k = j + 1; k < lines.length && k <= j + 12; k++) {
    const t = lines[k]!.text;
    if (/^VZCZC/.test(t) || PRECEDENCE_LINE.test(t)) return true;
    if (matchBanner(t)?.post) return false;
  }
  return false;
}

/** Re-exported for the body pass. */
export { PARAGRAPH_START };

/** A span's text. */
export function spanText(source: string, span: Span): string {
  return source.slice(span.start, span.end);
}
