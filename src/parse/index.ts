/**
 * The cable parser: text in, {@link Document} out. Pure (no I/O), linear in the input, never throws.
 *
 * Conventions for the engine and renderer:
 * - `Document.source` is the input verbatim; every span is half-open `[start, end)` into it.
 * - Every non-blank character belongs to exactly one of: a portion segment, a furniture span
 *   (`Document.furniture`, page headers such as `ROME 00001021  002 OF 005`), or a boilerplate span
 *   (`Document.boilerplate`: routing, database record, banner and caveats, SIPDIS, pass lines,
 *   E.O., TAGS, REF, Classified By, WikiLeaks notices, `NNNN`). So text outside the portions is
 *   header or furniture, never content.
 * - Portions are in document order and never overlap. `span` runs from the number (`¶3.`), mark or
 *   first character to the last content character; `segments` are the same text with page
 *   furniture cut out (a segment before a page break ends after its newline, so joining the
 *   segments gives the portion as one text).
 * - Ids: `subject` (and `subject-2` when an extract repeats its header); `p3` for a numbered
 *   paragraph (`pA` for a lettered one with no numbered paragraphs around); `p3.a`, `p3.1`,
 *   `p3.a.1` for subparagraphs; `p3.m1` for a marked block inside p3 without a number (`-- (S)
 *   …`); `text1`, `text2` for unnumbered text outside paragraphs (intro text, headings between
 *   paragraphs, marked blocks in cables without numbers); `signature`. A repeated id gets `-2`.
 * - Effective marking (`markingSource`): `marked` (own mark understood), `unknown` (a mark that
 *   was not understood: `marking` is null), `inherited` (a subparagraph without its own mark takes
 *   its parent's), `entire-text` (under `CONFIDENTIAL - ENTIRE TEXT`, subject and signature
 *   included), `unmarked` (nothing: withhold unless a rule says otherwise).
 *
 * Diagnostic codes: `unmarked-portion` (error in a classified or unknown-level cable, info in an
 * unclassified one), `unmarked-subject` and `unmarked-heading` (warning/info), `unknown-marking`
 * (error), `marking-normalised` and `double-mark` (info), `no-banner` (warning), `banner-unknown`
 * (error), `not-a-cable` (warning), `no-eo-line` (warning/info), `no-portions` (warning).
 */
import { cableYear, isoDate } from '../dates.js';
import { addControls, compareLevels, parseCaveat, parseMarking } from '../markings/index.js';
import type {
  Banner,
  Diagnostic,
  Document,
  Field,
  Level,
  Marking,
  MarkingSource,
  Portion,
  Span,
} from '../types.js';
import { groupBody, segmentsOf, type DraftPortion } from './body.js';
import { findRestart, mergeHeaders, readHeader, type HeaderResult, type Role } from './header/index.js';
import { splitLines, type Line } from './lines.js';
import { readEntireTextWords, readMarkAt, type MarkRead } from './marks.js';
import {
  CLASSIFIED_BY_LINE,
  TRAILER_LINE,
  isBareClassificationLine,
  isFurnitureLine,
  normaliseReasons,
} from './patterns.js';
import { splitLongLine } from './reflow.js';

export { decodeInput } from './decode.js';
export type { DecodeResult } from './decode.js';

/**
 * Parses cable text (already decoded, LF line ends: see {@link decodeInput}) into a
 * {@link Document}. Never throws on any string: text that is not a cable is still returned as
 * portions (with a `not-a-cable` diagnostic), so nothing escapes review. See the module comment
 * for ids, spans and diagnostic codes.
 */
export function parseCable(source: string): Document {
  const lines = buildLines(source);
  const roles: Role[] = new Array<Role>(lines.length).fill('blank');
  const diagnostics: Diagnostic[] = [];
  const isMarkAt = (offset: number): boolean => readMarkAt(source, offset) !== null;

  let h = readHeader(source, lines, roles, isMarkAt);
  fillUnassigned(lines, roles, 0, h.bodyStart);
  assignBodyRoles(lines, roles, h.bodyStart);
  // An extract cut off and followed by the full record: read the header again from there.
  for (let guard = 0; guard < 8; guard++) {
    const r = findRestart(lines, roles, h.bodyStart);
    if (r < 0) break;
    let t = r - 1;
    while (t >= h.bodyStart && lines[t]!.blank) t--;
    if (t >= h.bodyStart && roles[t] === 'content' && /\.\.\.$/.test(lines[t]!.text)) roles[t] = 'boilerplate';
    const again = readHeader(source, lines, roles, isMarkAt, r);
    fillUnassigned(lines, roles, r, again.bodyStart);
    h = mergeHeaders(h, again);
    assignBodyRoles(lines, roles, h.bodyStart);
  }
  // A signature is only looked for in a cable (not in any text that ends with a short line).
  if (h.structured) assignSignature(lines, roles, h.bodyStart);

  const furniture: Span[] = [];
  const boilerplate: Span[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (roles[i] === 'furniture') furniture.push({ start: l.first, end: l.last });
    else if (roles[i] === 'boilerplate') boilerplate.push({ start: l.first, end: l.last });
  }

  const { portions: drafts } = groupBody(source, lines, roles);
  const after = (l: Line): number => (source.charCodeAt(l.end) === 10 ? l.end + 1 : l.end);

  // --- Classified By and ENTIRE TEXT written inside the first paragraph.
  let classifiedBy = h.classifiedBy;
  let entireText = h.entireText;
  let entireMarking: Marking | null = entireText ? readEntireStatement(entireText.raw) : null;
  const firstPara = drafts.find((d) => d.kind === 'paragraph') ?? drafts.find((d) => d.kind === 'text');
  if (firstPara) {
    const contentStart = firstPara.mark ? firstPara.mark.end : paragraphTextStart(source, firstPara);
    const firstLine = firstPara.lines[0]!;
    const rest = source.slice(contentStart, firstLine.last);
    const lead = rest.length - rest.trimStart().length;
    if (!classifiedBy && CLASSIFIED_BY_LINE.test(rest.trimStart())) {
      // The statement runs to the end of its block.
      let end = firstLine.last;
      for (let k = 1; k < firstPara.lines.length && !firstPara.gapBefore[k]; k++) end = firstPara.lines[k]!.last;
      const start = contentStart + lead;
      const raw = source.slice(start, end);
      classifiedBy = { raw, span: { start, end }, reasons: normaliseReasons(joinBrokenWords(raw)) };
    }
    if (firstPara.mark?.entireText && !entireText) {
      entireText = { raw: source.slice(firstPara.mark.start, firstPara.mark.end), span: { start: firstPara.mark.start, end: firstPara.mark.end } };
      entireMarking = firstPara.mark.marking;
    } else if (!firstPara.mark && !entireText) {
      const m = /^\s*((?:[A-Za-z]+ ){0,3}[A-Za-z]+)\s*-+\s*ENTIRE\s+TEXT\b\.?/i.exec(rest);
      if (m) {
        const start = contentStart + lead;
        const end = contentStart + m[0].length;
        entireText = { raw: source.slice(start, end), span: { start, end } };
        entireMarking = readEntireTextWords(m[1]!);
      }
    }
  }
  if (entireText && entireMarking) entireMarking = { ...entireMarking, span: entireText.span, raw: entireText.raw };

  // --- Banner.
  const banner = buildBanner(source, h, diagnostics);
  const recordClassification = h.record?.fields['classification'] ?? null;
  const recordMarking = recordClassification ? parseMarking(recordClassification.toUpperCase(), 'banner') : null;

  // --- Subject portion(s): `subject`, and `subject-2` when an extract repeats the header.
  const portions: Portion[] = [];
  const subjectPortions: Portion[] = [];
  const subjectDrafts = new Map<Portion, DraftPortion>();
  h.subjects.forEach((subj, k) => {
    const subjLines: Line[] = [];
    const breaks: boolean[] = [];
    let sawFurniture = false;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.start >= subj.field.span.end) break;
      if (l.last <= subj.field.span.start && !l.blank) continue;
      if (roles[i] === 'subject') {
        breaks.push(subjLines.length > 0 && sawFurniture);
        subjLines.push(l);
        sawFurniture = false;
      } else if (roles[i] === 'furniture' && subjLines.length > 0) {
        sawFurniture = true;
      }
    }
    let at = subj.textStart;
    while (at < subj.field.span.end && (source[at] === ' ' || source[at] === '\t')) at++;
    const mark = at < subj.field.span.end ? readMarkAt(source, at) : null;
    const d: DraftPortion = {
      kind: 'subject',
      number: null,
      suffix: '',
      parent: null,
      start: subj.field.span.start,
      mark,
      topic: false,
      lines: subjLines,
      breakBefore: breaks,
      gapBefore: breaks,
      heading: false,
      childMarks: 0,
      lastChildNumber: 0,
      lastChildLetter: null,
    };
    const p = settle(d, k === 0 ? 'subject' : `subject-${k + 1}`, null);
    subjectDrafts.set(p, d);
    subjectPortions.push(p);
  });

  // --- Body portions: ids, then effective markings.
  const ids = assignIds(drafts);
  const settled = new Map<DraftPortion, Portion>();
  const bodyPortions: Portion[] = [];
  for (const d of drafts) {
    const parent = d.parent ? (settled.get(d.parent) ?? null) : null;
    const p = settle(d, ids.get(d)!, parent);
    settled.set(d, p);
    bodyPortions.push(p);
  }
  // Document order: the subject comes where it is written (usually before the body).
  const all = [...subjectPortions, ...bodyPortions];
  all.sort((a, b) => a.span.start - b.span.start);
  portions.push(...all);

  // --- Document-level classification, for diagnostic severities.
  const docLevel: Level | null =
    banner?.marking?.level ??
    (recordMarking && recordMarking.ok ? recordMarking.marking.level : null) ??
    entireMarking?.level ??
    maxPortionLevel(portions);
  const classified = docLevel === null ? true : docLevel !== 'U';

  const draftOf = new Map<Portion, DraftPortion>();
  for (const [d, p] of settled) draftOf.set(p, d);
  for (const [p, d] of subjectDrafts) draftOf.set(p, d);
  for (const p of portions) portionDiagnostics(p, draftOf.get(p) ?? null, classified, diagnostics);

  // --- Document-level diagnostics.
  const structured = h.structured || banner !== null;
  if (!structured) {
    diagnostics.push({
      severity: 'warning',
      code: 'not-a-cable',
      message: 'No routing header, banner or header fields were found; the text was read as unmarked portions.',
      span: { start: 0, end: Math.min(source.length, 1) },
    });
  } else {
    if (!banner) {
      diagnostics.push({
        severity: 'warning',
        code: 'no-banner',
        message: 'No banner line (classification words such as C O N F I D E N T I A L) was found; expected one under the routing header.',
        span: { start: 0, end: Math.min(source.length, 1) },
      });
    }
    if (!h.eo) {
      diagnostics.push({
        severity: classified ? 'warning' : 'info',
        code: 'no-eo-line',
        message: 'No E.O. line (E.O. 12958: DECL: …) was found.',
        ...(banner ? { span: banner.span } : {}),
      });
    }
  }
  if (portions.length === 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'no-portions',
      message: 'No body text was found after the header.',
    });
  }

  // --- Reference id and origination date.
  const dtg = h.routing.dtg;
  const recordRef = h.record?.fields['refid']?.trim() || null;
  let ref: string | null = recordRef && /^\d{2}[A-Z]+\d+$/.test(recordRef) ? recordRef : null;
  const yearOf = (): number | null => {
    if (dtg) return Number(dtg.date.slice(0, 4));
    const d = recordDate(h.record?.fields['date']);
    return d ? Number(d.slice(0, 4)) : null;
  };
  if (!ref) {
    const year = yearOf();
    const post = h.banner?.match.post ?? fromPost(h.routing.from?.raw ?? null);
    const num = h.banner?.match.number ?? h.deNumber;
    if (year !== null && post && num && /\d/.test(num)) {
      ref = `${String(year % 100).padStart(2, '0')}${post.replace(/[^A-Z]/g, '')}${String(Number(num))}`;
    }
  }
  const originated = dtg?.date ?? recordDate(h.record?.fields['date']) ?? null;

  diagnostics.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));

  const doc: Document = {
    source,
    ref,
    originated,
    record: h.record,
    routing: h.routing,
    banner,
    eo: h.eo,
    tags: h.tags,
    subject: h.subject,
    refs: h.refs,
    classifiedBy,
    entireText,
    portions,
    furniture,
    diagnostics,
    boilerplate,
  };
  return doc;

  // --- helpers that need the closure

  function settle(d: DraftPortion, id: string, parent: Portion | null): Portion {
    const last = d.lines[d.lines.length - 1];
    const end = last ? last.last : d.start;
    const span: Span = { start: d.start, end: Math.max(end, d.start) };
    const segments = segmentsOf(d, span.end, after);
    const mark: Field | null = d.mark ? { raw: source.slice(d.mark.start, d.mark.end), span: { start: d.mark.start, end: d.mark.end } } : null;
    let marking: Marking | null = null;
    let markingSource: MarkingSource;
    if (d.mark && d.mark.status === 'marked') {
      marking = d.mark.marking;
      markingSource = d.mark.entireText ? 'entire-text' : 'marked';
    } else if (d.mark) {
      markingSource = 'unknown';
    } else if (d.kind === 'subparagraph' && parent && parent.marking && (parent.markingSource === 'marked' || parent.markingSource === 'inherited' || parent.markingSource === 'entire-text')) {
      marking = parent.marking;
      markingSource = parent.markingSource === 'entire-text' ? 'entire-text' : 'inherited';
    } else if (d.kind === 'subparagraph' && parent && parent.markingSource === 'unknown') {
      markingSource = 'unknown';
    } else if (entireMarking) {
      // `CONFIDENTIAL - ENTIRE TEXT` covers every unmarked portion, the subject included.
      marking = entireMarking;
      markingSource = 'entire-text';
    } else {
      markingSource = 'unmarked';
    }
    return {
      id,
      kind: d.kind,
      number: d.number,
      parent: parent?.id ?? null,
      marking,
      markingSource,
      mark,
      span,
      segments,
    };
  }
}

/** Split into lines, cutting re-flowed long lines into pieces. */
function buildLines(source: string): Line[] {
  const out: Line[] = [];
  for (const l of splitLines(source)) {
    for (const p of splitLongLine(source, l)) out.push({ ...p, index: out.length });
  }
  return out;
}

/** Lines the header pass left without a role are content (fail closed). */
function fillUnassigned(lines: readonly Line[], roles: Role[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if (!lines[i]!.blank && roles[i] === 'blank') roles[i] = 'content';
  }
}

/** Roles of body lines: page furniture or content. */
function assignBodyRoles(lines: readonly Line[], roles: Role[], from: number): void {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.blank) roles[i] = 'blank';
    else if (isFurnitureLine(l.text) || isBareClassificationLine(l.text)) roles[i] = 'furniture';
    else roles[i] = 'content';
  }
}

/** Trailer lines at the very end (`NNNN`, `End Cable Text`) and the signature. */
function assignSignature(lines: readonly Line[], roles: Role[], from: number): void {  // Trailer lines after the signature (`NNNN`, `End Cable Text`, a stray quote).
  let last = lines.length - 1;
  for (; last >= from; last--) {
    if (roles[last] === 'blank' || roles[last] === 'furniture') continue;
    if (roles[last] === 'content' && TRAILER_LINE.test(lines[last]!.text)) {
      roles[last] = 'boilerplate';
      continue;
    }
    break;
  }
  if (last < from || roles[last] !== 'content') return;
  const sig = lines[last]!;
  if (!isSignatureLine(sig.text)) return;
  // The line before must end a sentence (or be separated by a blank line).
  let prev = last - 1;
  let gap = false;
  while (prev >= from && (roles[prev] === 'blank' || roles[prev] === 'furniture')) {
    gap = true;
    prev--;
  }
  if (prev < from || roles[prev] !== 'content') {
    if (prev >= 0 && roles[prev] !== 'content') roles[last] = 'signature';
    return;
  }
  const before = lines[prev]!.text;
  if (/^MINIMIZE CONSIDERED$/i.test(before)) {
    roles[last] = 'signature';
    roles[prev] = 'signature';
    return;
  }
  if (gap || /[.!?:;"')\]]$/.test(before) || /--$/.test(before)) roles[last] = 'signature';
}

/** A signer's name: one to four words, letters only, short. */
function isSignatureLine(text: string): boolean {
  if (text.length > 40) return false;
  if (!/^[A-Za-z][A-Za-z'.,-]*(?: [A-Za-z][A-Za-z'.,-]*){0,3}$/.test(text)) return false;
  if (!/[A-Z]/.test(text)) return false;
  if (/^[A-Za-z][.)]\s/.test(text)) return false;
  if (/^(?:END|BEGIN|SUMMARY|COMMENT|NOTE|QUOTE|UNQUOTE)\b/i.test(text)) return false;
  // Every word of a name is capitalised, but for particles (`van Voorst`, `de la Torre`).
  return text.split(' ').every((w) => /^[A-Z]/.test(w) || /^(?:van|von|de|da|del|der|den|la|le|du|di|dos|das|bin|al|el|y)$/.test(w));
}

function readEntireStatement(raw: string): Marking | null {
  const m = /^(.*?)ENTIRE\s+TEXT\b(.*)$/is.exec(raw);
  if (!m) return null;
  const before = m[1]!.replace(/^[\s(¶\d.]*/, '').replace(/[\s\-–:]+$/, '').replace(/^THE\s*$/i, '').trim();
  if (before) {
    const r = readEntireTextWords(before);
    if (r) return r;
  }
  const rest = m[2]!
    .replace(/^\s*(?:OF\s+THIS\s+\w+\s+)?IS\s+/i, '')
    .replace(/^[\s\-–:.]+/, '');
  const words = rest.split(/--|\(|\.|,|;/)[0]!.trim();
  return words ? readEntireTextWords(words) : null;
}

function buildBanner(source: string, h: HeaderResult, diagnostics: Diagnostic[]): Banner | null {
  if (!h.banner) return null;
  const { line, match, caveats } = h.banner;
  const start = line.first + match.wordsStart;
  const end = line.first + match.wordsEnd;
  const raw = source.slice(start, end);
  let parsed = parseMarking(raw, 'banner');
  if (!parsed.ok) {
    // Typed banners: `CC O N F I D E N T I A L`, `SE C R E T`, `UUNCLAS`. Join the letters and
    // drop a doubled first letter; what is left must still be a banner the grammar knows.
    const head = /^[A-Z](?: ?[A-Z])+(?![A-Z])/.exec(raw)?.[0] ?? '';
    const word = head.replace(/ /g, '').replace(/^([CSU])\1/, '$1');
    if (/^(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS|TOPSECRET)$/.test(word)) {
      const repaired = parseMarking(`${word === 'TOPSECRET' ? 'TOP SECRET' : word}${raw.slice(head.length)}`, 'banner');
      if (repaired.ok) {
        parsed = { ok: true, marking: { ...repaired.marking, normalisations: [...repaired.marking.normalisations, `typed banner ${JSON.stringify(head)} read as ${word}`] } };
      }
    }
  }
  let marking: Marking | null = null;
  if (parsed.ok) {
    marking = parsed.marking;
    for (const c of caveats) {
      const controls = parseCaveat(c.raw);
      if (controls && controls.length > 0) {
        // SBU is an unclassified caveat: it does not apply to a classified banner.
        const apply = marking.level === 'U' ? controls : controls.filter((x) => x !== 'SBU' && x !== 'FOUO');
        if (apply.length > 0) marking = addControls(marking, apply, `caveat line ${JSON.stringify(c.raw)} added`);
      }
    }
    marking = { ...marking, raw, span: { start, end } };
    if (parsed.marking.normalisations.length > 0) {
      diagnostics.push({
        severity: 'info',
        code: 'marking-normalised',
        message: `Banner ${JSON.stringify(raw)} read as ${marking.level}: ${parsed.marking.normalisations.join('; ')}.`,
        span: { start, end },
      });
    }
  } else {
    diagnostics.push({ severity: 'error', code: 'banner-unknown', message: parsed.message, span: { start, end } });
  }
  const section = match.section
    ? { raw: source.slice(line.first + match.section.start, line.first + match.section.end), span: { start: line.first + match.section.start, end: line.first + match.section.end } }
    : null;
  return { raw, span: { start, end }, marking, caveats, section };
}

/** Where the text of a paragraph starts, after its `¶`, number and dot. */
function paragraphTextStart(source: string, d: DraftPortion): number {
  let i = d.start;
  const lineEnd = d.lines[0]?.last ?? d.start;
  const m = /^(?:¶\s*)?(?:\d{1,3}|[A-Za-z])?[.)]?\s*/.exec(source.slice(i, lineEnd));
  if (d.number !== null && m) i += m[0].length;
  return i;
}

/** Ids: `p3`, `p3.a`, `p3.1`, `p3.m1` (marked block inside p3), `text1`, `signature`; repeats get `-2`. */
function assignIds(drafts: readonly DraftPortion[]): Map<DraftPortion, string> {
  const ids = new Map<DraftPortion, string>();
  const used = new Set<string>(['subject']);
  const unique = (base: string): string => {
    if (!used.has(base)) {
      used.add(base);
      return base;
    }
    for (let k = 2; ; k++) {
      const c = `${base}-${k}`;
      if (!used.has(c)) {
        used.add(c);
        return c;
      }
    }
  };
  let text = 0;
  const marked = new Map<DraftPortion, number>();
  for (const d of drafts) {
    let base: string;
    if (d.kind === 'signature') base = 'signature';
    else if (d.kind === 'text') base = `text${++text}`;
    else if (d.kind === 'paragraph') base = `p${(d.number ?? '').replace(/[^A-Za-z0-9]/g, '') || '0'}`;
    else {
      const parentId = d.parent ? ids.get(d.parent)! : 'p0';
      if (d.number !== null) base = `${parentId}.${d.number.toLowerCase()}`;
      else {
        const k = (marked.get(d.parent!) ?? 0) + 1;
        marked.set(d.parent!, k);
        base = `${parentId}.m${k}`;
      }
    }
    ids.set(d, unique(base));
  }
  return ids;
}

function maxPortionLevel(portions: readonly Portion[]): Level | null {
  let level: Level | null = null;
  for (const p of portions) {
    if (p.marking && (level === null || compareLevels(p.marking.level, level) > 0)) level = p.marking.level;
  }
  return level;
}

function portionDiagnostics(
  p: Portion,
  d: DraftPortion | null,
  classified: boolean,
  diagnostics: Diagnostic[],
): void {
  const mark: MarkRead | null = d?.mark ?? null;
  const where = p.mark?.span ?? { start: p.span.start, end: Math.min(p.span.end, p.span.start + 1) };
  if (p.markingSource === 'unknown' && p.mark) {
    diagnostics.push({
      severity: 'error',
      code: 'unknown-marking',
      message: mark?.message ?? `Mark ${JSON.stringify(p.mark.raw)} of ${p.id} was not understood; expected a mark such as (C) or (S//NF).`,
      span: p.mark.span,
    });
    return;
  }
  if (p.markingSource === 'marked' && p.marking) {
    if (mark?.double) {
      diagnostics.push({ severity: 'info', code: 'double-mark', message: `${p.id}: ${mark.message ?? 'two marks in a row'}`, span: where });
    }
    if (p.marking.normalisations.length > 0) {
      diagnostics.push({
        severity: 'info',
        code: 'marking-normalised',
        message: `${p.id}: mark ${JSON.stringify(p.mark?.raw ?? '')} read as ${p.marking.level}${p.marking.controls.length ? `//${p.marking.controls.join('/')}` : ''}: ${p.marking.normalisations.join('; ')}.`,
        span: where,
      });
    }
    return;
  }
  if (p.markingSource !== 'unmarked' || p.kind === 'signature') return;
  // Titles (the subject line, headings) are often unmarked in cables of this era: a warning, so
  // the reviewer decides; unmarked paragraphs in a classified cable are errors.
  const heading = d?.heading ?? false;
  const title = heading || p.kind === 'subject';
  // The message names the portion, never its text: diagnostics go into audit records, and an
  // unmarked portion is withheld by default.
  const label = p.kind === 'subject' ? 'The subject line' : heading ? `Heading ${p.id}` : `Portion ${p.id}`;
  diagnostics.push({
    severity: title ? (classified ? 'warning' : 'info') : classified ? 'error' : 'info',
    code: p.kind === 'subject' ? 'unmarked-subject' : heading ? 'unmarked-heading' : 'unmarked-portion',
    message: `${label} has no portion mark; expected a mark such as (U) or (C) before it.`,
    span: where,
  });
}

/** `a\nnd` → `and`: words broken over a line end, so reasons are not read from their pieces. */
export function joinBrokenWords(text: string): string {
  return text.replace(/([A-Za-z])[ \t]*\n[ \t]*([a-z])/g, '$1$2');
}

function recordDate(raw: string | undefined): string | null {
  if (!raw) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim());
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})/.exec(raw.trim());
  if (m) return isoDate(cableYear(m[3]!), Number(m[1]), Number(m[2]));
  return null;
}

/** Post name from the FM line: `AMEMBASSY BERLIN` → `BERLIN`, `SECSTATE WASHDC` → `STATE`. */
function fromPost(fm: string | null): string | null {
  if (!fm) return null;
  const t = fm.trim().toUpperCase();
  if (/^SECSTATE\b/.test(t)) return 'STATE';
  const m = /^(?:AMEMBASSY|AMCONSUL|USMISSION|USDEL|AMEMB|USINT)\s+([A-Z][A-Z ]*?)\s*$/.exec(t);
  return m ? m[1]! : null;
}
