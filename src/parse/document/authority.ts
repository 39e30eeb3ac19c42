/**
 * The classification authority block (32 CFR 2001.21–2001.22) in all its forms:
 *
 *     Classified By: J. Smith, Director, Office of X        Derived From: NSA/CSSM 1-52
 *     Reason: 1.4(c)                                        Dated: 20070108
 *     Declassify On: 20320108                               Declassify On: 25X1, 20591231
 *
 * one field a line, two blocks side by side, in either order, with Markdown decoration, or the
 * single line `DERIVED FROM: NSA/CSSM 1-52, DATED 08 JAN 2007 DECLASSIFY ON: 20320108`, and with
 * the short labels `CL BY:`, `CL REASON:`, `DECL ON:`, `DRV FROM:`.
 *
 * The block is kept in the release as written (like a cable's E.O. line), so a line is only taken
 * for it when it cannot be prose: it starts with a label and a colon, its value has the shape the
 * label calls for (a reason is `1.4(c)`, a date is a date, values are short), and the run of such
 * lines names Classified By, Derived From or Declassify On.
 */
import { DECL_CODE_START } from '../../declass/parse-decl.js';
import { parseDateText } from '../../declass/parse-date.js';
import type { AuthorityBlock, AuthorityField, Span } from '../../types.js';
import { hasWordsAfterReasons } from '../header/classified-by.js';
import { holdsMarkedText, PROSE_VERB, readsAsSentence, wordsOf } from '../header/pass-line.js';
import { normaliseReasons } from '../patterns.js';
import { undecorated, type DocLine } from './lines.js';

type Key = 'classifiedBy' | 'derivedFrom' | 'reason' | 'dated' | 'declassifyOn';

/** The labels' words (see {@link LABELS}). */
const LABEL_WORDS = String.raw`Classified\s+By|Derived\s+From|Declassify\s+On|Declassified\s+On|Declassification\s+Date|Reasons?(?:\s+for\s+Classification)?|Classification\s+Reasons?|Dated|CL\s+BY|CL\s+REASON|DECL\s+ON|DRV\s+(?:FROM|FM)|DERIVED\s+FM`;

/** Labels, anywhere in a line; which need a colon is decided by {@link labelOk}. */
const LABELS = new RegExp(String.raw`\b(${LABEL_WORDS})\b[ \t]*(?:\*{1,2}|_{1,2})?[ \t]*(:?)[ \t]*`, 'gi');

const LABEL_AT_START = new RegExp(String.raw`^(?:>\s*)*(${LABEL_WORDS}|Classification\s+Authority)[ \t]*(?:\*{1,2}|_{1,2})?[ \t]*:`, 'i');

/**
 * Whether `text` (a line, `>`-quoted or not) opens with the label of an authority line that says
 * the text is classified: Classified By, Derived From, Declassify On, in their short forms too
 * (`CL BY:`, `DECL ON:`), or Classification Authority; with its colon.
 */
export function opensWithAuthorityLabel(text: string): boolean {
  const label = LABEL_AT_START.exec(text)?.[1];
  return label !== undefined && (/^classification\s+authority$/i.test(label) || STRONG.has(keyOf(label)));
}

/**
 * The field a label names. The short forms (`CL BY:`, `CL REASON:`, `DECL ON:`, `DRV FROM:`, as
 * NSA's documents write the block) name the same fields as the long ones.
 */
function keyOf(label: string): Key {
  const l = label.toLowerCase().replace(/\s+/g, ' ');
  if (l.startsWith('classified by') || l === 'cl by') return 'classifiedBy';
  if (l.startsWith('derived') || l.startsWith('drv')) return 'derivedFrom';
  if (l.startsWith('decl')) return 'declassifyOn';
  if (l === 'dated') return 'dated';
  return 'reason';
}

const SHORT_LABEL = /^(?:CL|DECL|DRV)\s|^DERIVED\s+FM$/i;

const STRONG: ReadonlySet<Key> = new Set(['classifiedBy', 'derivedFrom', 'declassifyOn']);
const MAX_VALUE: Readonly<Record<Key, number>> = { classifiedBy: 120, derivedFrom: 150, reason: 60, dated: 30, declassifyOn: 80 };
const DATE_START = /^(?:\d|(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\b)/i;

/**
 * A label is one only when it starts with a capital and has a colon, except `DATED 08 JAN 2007`
 * and `DECLASSIFY ON 20320108` inside a line (prose such as "derived from diplomatic
 * communications" must never be taken for an authority line, which is released as written).
 */
function labelOk(key: Key, label: string, colon: boolean, after: string, atStart: boolean): boolean {
  if (!/^[A-Z]/.test(label)) return false;
  // The short labels only in capitals, as written (`Cl by:`, `Decl on:` are not NSA's form).
  if (SHORT_LABEL.test(label) && label !== label.toUpperCase()) return false;
  if (colon) return true;
  if (atStart) return false;
  if (key === 'dated') return DATE_START.test(after);
  if (key === 'declassifyOn') return /^(?:\d|25X|50X|75X|X\d)/i.test(after);
  return false;
}

/** A value has the shape its label calls for. */
function valueOk(key: Key, value: string): boolean {
  const v = value.trim();
  if (v.length === 0 || v.length > MAX_VALUE[key]) return false;
  // Reasons only: words after them (`1.4(c) source PELICANGATE met the handler …`) are a line of
  // text run into the field, which is released as written.
  if (key === 'reason') return /^(?:E\.?O\.?\s*\d+\s*,?\s*)?(?:Sec(?:tion)?\.?\s*)?1\.[45]\b/i.test(v) && !hasWordsAfterReasons(v);
  // A name, a title, an office or a source (`J. Smith, Director, Office of X`, `Multiple Sources; see
  // source list`), never a sentence: `Classified By: John Doe, Chief, who met the source in Kabul`
  // and `Derived From: the minister will resign …` were released as the block, to every profile.
  if ((key === 'classifiedBy' || key === 'derivedFrom') && (PROSE_VERB.test(v) || wordsOf(v).sentence >= 2 || holdsMarkedText(v))) return false;
  if (key === 'dated') return parseDateText(v.replace(/[.,;]+$/, '')) !== null;
  if (key === 'declassifyOn' && /^\d/.test(v)) return DECL_AFTER_DATE.test(v.replace(MONTH_WORD, '')) || DURATION.test(v) || dateOrEvent(v);
  return true;
}

/**
 * `20160101 or completion of operation` (`…, whichever is later`): a date and then an event, as the
 * event-first form (`Completion of the operation or 20160101`) is read already; the line was cut out
 * of the block as an unmarked paragraph (probe 64c F7). The event is held to what a Classified By
 * value is (no sentence, no marked text), so a sentence run into a date stays text of the document.
 */
function dateOrEvent(v: string): boolean {
  const m = /^([^]*?)\s*,?\s+or\s+([^]+)$/i.exec(v);
  if (!m || !DECL_AFTER_DATE.test(m[1]!.replace(MONTH_WORD, ''))) return false;
  // The closing `whichever is later` is the instruction's own words, not a sentence's verb.
  const event = m[2]!.replace(/,?\s*whichever\s+(?:is|comes)\s+(?:later|earlier|first|sooner|last)\.?$/i, '');
  return !PROSE_VERB.test(event) && wordsOf(event).sentence < 2 && !holdsMarkedText(event) && event.length <= 100;
}

/** Month names, taken out of a date before {@link DECL_AFTER_DATE} looks at what is left. */
const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/gi;

/**
 * What a declassification value that opens with a figure holds: dates, exemptions and their
 * short forms (`20320108`, `25X1, 20651231`, `1 January 2032`, `25X1-human`, `25X1+25 Years`),
 * never a sentence. `Declassify On: 20320108 The source said …` is a line of text run into the
 * field, which is released as written. (`25X1+25 Years` was taken for one: the document then had
 * no Declassify On line; now the line is read, and its value reported as a form not known.)
 */
const DECL_AFTER_DATE = /^(?:[\dA-Z\s,/.;:()+-]|human|[Yy]ears?|yrs)*$/;

/**
 * A duration written out (`10 years`, `20 years from date of document`): a value the instruction
 * gives, not a sentence run into the field (the reader of the value says what it means).
 */
const DURATION = /^\d{1,3}\s+(?:years?|yrs?\.?|months?)\b/i;

interface FieldHit {
  readonly key: Key;
  readonly start: number;
  readonly valueStart: number;
  valueEnd: number;
}

/** The fields of one line (offsets into the source), or null when the line is not an authority line. */
function readLine(source: string, line: DocLine): FieldHit[] | null {
  if (line.blank || line.text.length > 260) return null;
  const u = undecorated(line.text);
  const base = line.first + u.lead;
  const text = u.text;
  const hits: { key: Key; at: number; valueAt: number }[] = [];
  LABELS.lastIndex = 0;
  for (let m = LABELS.exec(text); m; m = LABELS.exec(text)) {
    const key = keyOf(m[1]!);
    const valueAt = m.index + m[0].length;
    if (!labelOk(key, m[1]!, m[2] === ':', text.slice(valueAt, valueAt + 4), m.index === 0)) continue;
    // Bold labels (`**Classified By:**`) leave their closing markers at the value's start.
    hits.push({ key, at: m.index, valueAt });
  }
  if (hits.length === 0 || hits[0]!.at !== 0) return null;
  const fields: FieldHit[] = [];
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    const stop = k + 1 < hits.length ? hits[k + 1]!.at : text.length;
    let vs = h.valueAt;
    while (vs < stop && /[\s*_]/.test(text[vs]!)) vs++;
    let ve = stop;
    // A Markdown hard break (` \`) ends the value too: kept, `20210315 \` was no date and the
    // exemption on the line under it was lost.
    while (ve > vs && /[\s,;*_\\]/.test(text[ve - 1]!)) ve--;
    // `Declassify On:` alone on its line: the value is on the line under it (see openValueUnder).
    const open = h.key === 'declassifyOn' && hits.length === 1 && vs === ve;
    if (!open && !valueOk(h.key, text.slice(vs, ve))) return null;
    fields.push({ key: h.key, start: base + h.at, valueStart: base + vs, valueEnd: base + ve });
  }
  return fields;
}

/**
 * A line that opens with a Declassify On label whose value is not read (`Declassify On: 20360315
 * (per guide 2-10)`, `Declassify On: 20320108 The source said …`): the line stays text of the
 * document, but the instruction counts, as one not understood. Dropped, it let another Declassify
 * On line (an example the memo quotes) decide alone, and the memo was released as declassified.
 */
function unreadDeclassifyOn(source: string, line: DocLine): FieldHit | null {
  if (line.blank || line.text.length > 260) return null;
  // A Markdown table row (`| Declassify On: | 20400101 |`): its cells' bars are not the label's.
  const cells = /^\|[\s|]*/.exec(line.text)?.[0].length ?? 0;
  const u0 = undecorated(line.text.slice(cells));
  const u = { text: u0.text, lead: u0.lead + cells };
  LABELS.lastIndex = 0;
  const m = LABELS.exec(u.text);
  if (!m || m.index !== 0 || keyOf(m[1]!) !== 'declassifyOn') return null;
  const valueAt = m[0].length;
  if (!labelOk('declassifyOn', m[1]!, m[2] === ':', u.text.slice(valueAt, valueAt + 4), true)) return null;
  const end = u.text.trimEnd().length;
  if (end <= valueAt) return null;
  const base = line.first + u.lead;
  return { key: 'declassifyOn', start: base, valueStart: base + valueAt, valueEnd: base + end };
}

/** What {@link findAuthority} found: the block, and the indices of every line it takes. */
export interface AuthorityRead {
  readonly block: AuthorityBlock | null;
  readonly lines: ReadonlySet<number>;
}

/**
 * Whether an indented line under Classified By, Derived From or Declassify On may be more of its
 * value (a name's title, an office: `    Office of X`; an exemption under a date: `    25X1-human`,
 * which was dropped, and the document released as declassified by the date above it). A line with a list prefix, a mark or anything shaped
 * like one, or a sentence is not: `    * (TS) … source said …`, `    1. (S) …`, `    S//NF: …` and
 * an unmarked sentence under `Derived From:` were released as the authority block's.
 */
function continuesField(text: string): boolean {
  return !markOrItem(text) && !readsAsSentence(text);
}

/** A line with a list prefix, a mark or anything shaped like one: never more of a field's value. */
function markOrItem(text: string): boolean {
  return /^(?:[*•·>#+–—-]|\d+[.)]|[A-Za-z][.)]\s)/.test(text) || /[([<{]|\/\/|\b(?:TOP SECRET|SECRET|CONFIDENTIAL|TS|S|C|U)\s*(?:\/|:)/i.test(text);
}

/**
 * The rest of a declassification instruction that names an event (`Declassify On: 20210315` /
 * `    or upon completion of the operation`): words that join an event to the value above, read
 * with it (an event: review). It reads as a sentence, so {@link continuesField} refused it, and the
 * document was declassified by the date alone.
 */
const EVENT_CONTINUATION = /^(?:or|and|upon|until|unless|after|when|whichever|following|on\s+(?:the\s+)?(?:completion|conclusion|termination|closure)|(?:the\s+)?(?:completion|conclusion|termination|closure|end)\s+of|once|prior\s+to|before)\b/i;

/** A line under a Markdown hard break (a trailing `\` or two blanks): more of the field above, flush or not. */
function hardBreakAt(source: string, line: DocLine): boolean {
  return line.text.endsWith('\\') || /^[ \t]{2,}\r?$/.test(source.slice(line.last, line.end));
}

/** A line less the emphasis, brackets and quotes around it (`*25X1-human*` → `25X1-human`). */
function undecoratedValue(text: string): string {
  return text.trim().replace(/^[*_"'“”‘’([{]+/u, '').replace(/[*_"'“”‘’)\]}.,;]+$/u, '');
}

/**
 * Finds the authority block(s). A run is a sequence of authority lines (one blank line may separate
 * them) that names a strong field; a line right under a field line, indented further than it and
 * short, continues that field (`Classified By: J. Smith, Director,` / `    Office of X`;
 * `Declassify On: 20100108` / `    25X1-human`, there indented or not: DECL_CODE_START). Several
 * runs (a block repeated on each page) are merged: the first value of each field is kept, and
 * every `Declassify On` is kept. `skip` holds lines already taken (banners).
 */
export function findAuthority(source: string, lines: readonly DocLine[], skip: (i: number) => boolean): AuthorityRead {
  const { runs, unread } = authorityRuns(source, lines, skip);
  return { block: runs.length === 0 ? null : blockOf(source, lines, runs, unread), lines: new Set(runs.flatMap((r) => r.lines)) };
}

interface Run {
  readonly lines: number[];
  readonly fields: FieldHit[];
}

/** The runs of authority lines that name a strong field, and the Declassify On lines whose value is not read (see findAuthority). */
function authorityRuns(source: string, lines: readonly DocLine[], skip: (i: number) => boolean): { runs: Run[]; unread: FieldHit[] } {
  const runs: Run[] = [];
  const unread: FieldHit[] = [];
  let run: Run | null = null;
  let blanks = 0;
  const close = () => {
    if (run && run.fields.some((f) => STRONG.has(f.key))) runs.push(run);
    run = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) {
      blanks++;
      if (blanks > 1) close();
      continue;
    }
    let fields = skip(i) ? null : readLine(source, line);
    const opened = fields ? openValueUnder(source, lines, i, fields, skip) : 0;
    if (opened < 0) fields = null;
    if (!fields && !skip(i)) {
      const u = unreadDeclassifyOn(source, line);
      if (u) unread.push(u);
    }
    if (fields) {
      if (!run) run = { lines: [], fields: [] };
      run.lines.push(i);
      run.fields.push(...fields);
      if (opened > 0) {
        // The value is the line under the label.
        const f = run.fields.pop()!;
        run.fields.push({ ...f, valueStart: lines[i + 1]!.first, valueEnd: lines[i + 1]!.last });
        run.lines.push(++i);
      }
      blanks = 0;
      continue;
    }
    const cur = run as Run | null;
    if (cur && blanks === 0 && !skip(i) && continuesLastField(source, lines[cur.lines[cur.lines.length - 1]!]!, line, cur.fields[cur.fields.length - 1]!)) {
      cur.lines.push(i);
      cur.fields[cur.fields.length - 1]!.valueEnd = line.last;
      continue;
    }
    close();
    blanks = 0;
  }
  close();
  return { runs, unread };
}

/**
 * Whether `line`, directly under `prev` (the run's last line), is more of the run's last field:
 * indented further or after a Markdown hard break, short, not a mark or list item, and no sentence
 * (a name's title, an office, an exemption); under Declassify On also the words that join an event
 * or a duration to it (`or upon completion of the operation`, EVENT_CONTINUATION), flush in lower
 * case too; under Reason, reasons only (`Reason: 1.4(c) and` / `    1.4(d)`).
 */
function continuesLastField(source: string, prev: DocLine, line: DocLine, last: FieldHit): boolean {
  if (line.text.length > 100) return false;
  const text = line.text.trimStart();
  const under = line.first - line.start > prev.first - prev.start || hardBreakAt(source, prev);
  // Flush in lower case: more of an instruction or of reasons, whose shape is known; under a name
  // or a source a line such as `cc: Director` is not (the block is released as written).
  const lower = /^[a-z]/.test(text);
  if (last.key === 'reason') return (under || lower) && valueOk('reason', text);
  if (last.key === 'dated') return false;
  if (last.key === 'declassifyOn') {
    // An exemption or date under Declassify On, flush, or in emphasis, brackets or quotes
    // (`*25X1-human*`, `(25X1-human)`) is more of the value too: dropped, the date above it
    // declassified the document. Read with its decoration, the value may be a form not known.
    if (DECL_CODE_START.test(undecoratedValue(line.text))) return true;
    // A duration or date and the event it counts from (`    25 years after the end of the war`).
    if ((under || lower) && !markOrItem(text) && (EVENT_CONTINUATION.test(text) || (/^\d/.test(text) && valueOk('declassifyOn', text)))) return true;
  }
  return under && continuesField(line.text);
}

/**
 * For a line that is `Declassify On:` alone (`fields`, its one field with no value): 1 when the
 * line under it gives the value (a date, an exemption, an event: read as the field's value, flush
 * or indented), -1 when it does not (the line is then no authority line, as before: an instruction
 * without a value is none), 0 for any other line.
 */
function openValueUnder(source: string, lines: readonly DocLine[], i: number, fields: readonly FieldHit[], skip: (i: number) => boolean): number {
  const f = fields[fields.length - 1]!;
  if (f.key !== 'declassifyOn' || f.valueStart !== f.valueEnd) return 0;
  const next = lines[i + 1];
  if (!next || next.blank || skip(i + 1) || next.text.length > 100) return -1;
  const text = next.text.trim();
  if (readLine(source, next) || markOrItem(text) && !DECL_CODE_START.test(undecoratedValue(text))) return -1;
  return valueOk('declassifyOn', text) && (/^\d/.test(text) || DECL_CODE_START.test(undecoratedValue(text)) || !readsAsSentence(text) || EVENT_CONTINUATION.test(text)) ? 1 : -1;
}

/**
 * A field as written less the emphasis that closes a bold label (`Declassify On:** 20320108`,
 * `Declassify On**: 25X1`): the field is read again from this text (the Declassify On value as a
 * DECL line), where the markers made a form not known.
 */
function withoutLabelEmphasis(raw: string): string {
  return raw.replace(/^([^:*_\n]+?)[ \t]*(?:\*{1,2}|_{1,2})[ \t]*:[ \t]*|^([^:*_\n]+?:)[ \t]*(?:\*{1,2}|_{1,2})[ \t]*/, (_m, before?: string, withColon?: string) => (before !== undefined ? `${before}: ` : `${withColon!} `));
}

/** The block the runs make: the first value of each field, every Declassify On (read or not). */
function blockOf(source: string, lines: readonly DocLine[], runs: readonly Run[], unread: readonly FieldHit[]): AuthorityBlock {
  const field = (f: FieldHit): AuthorityField => ({
    raw: withoutLabelEmphasis(source.slice(f.start, f.valueEnd)),
    span: { start: f.start, end: f.valueEnd },
    value: source.slice(f.valueStart, f.valueEnd),
    valueSpan: { start: f.valueStart, end: f.valueEnd },
  });
  const main = runs.find((r) => r.fields.some((f) => f.key === 'declassifyOn')) ?? runs[0]!;
  // The block taken as the document's own (the one with its Declassify On) gives each field; a
  // quoted block above it (a forwarded message's `Classified By … Reason: 1.4(b) and (d)`) only
  // what it lacks: its reasons were cited for every withholding (probe 62a F6).
  const firstOf = (key: Key): AuthorityField | null => {
    for (const r of [main, ...runs]) for (const f of r.fields) if (f.key === key) return field(f);
    return null;
  };
  const lineSpans: Span[] = runs.flatMap((r) => r.lines.map((i) => ({ start: lines[i]!.first, end: lines[i]!.last })));
  const start = lines[main.lines[0]!]!.first;
  const end = lines[main.lines[main.lines.length - 1]!]!.last;
  const reason = firstOf('reason');
  const dated = firstOf('dated');
  const sourceDate = dated ? (parseDateText(dated.value.replace(/[.,;]+$/, ''))?.date ?? null) : null;
  return {
    raw: source.slice(start, end),
    span: { start, end },
    lines: lineSpans,
    classifiedBy: firstOf('classifiedBy'),
    derivedFrom: firstOf('derivedFrom'),
    reason,
    reasons: reason ? normaliseReasons(reason.value) : [],
    dated,
    sourceDate,
    declassifyOn: declassifyFields(source, runs, unread, field),
  };
}

/**
 * Every Declassify On of the runs and the unread ones, in order. With two runs that each carry
 * one (a derivative block over an original one, a reply's block over a quoted message's), each
 * field gets its own block's reasons ({@link AuthorityField.blockReasons}): the block's Reason
 * had been cited beside B1 when the other block's instruction was the one applied.
 */
function declassifyFields(source: string, runs: readonly Run[], unread: readonly FieldHit[], field: (f: FieldHit) => AuthorityField): AuthorityField[] {
  const withDecl = runs.filter((r) => r.fields.some((f) => f.key === 'declassifyOn'));
  const reasonsOf = (r: Run): string[] | null => {
    const f = r.fields.find((x) => x.key === 'reason');
    return f ? normaliseReasons(source.slice(f.valueStart, f.valueEnd)) : null;
  };
  const orphan = runs.filter((r) => !withDecl.includes(r)).map(reasonsOf).find((x) => x !== null) ?? [];
  const out = runs.flatMap((r) =>
    r.fields
      .filter((f) => f.key === 'declassifyOn')
      .map((f) => ({ start: f.start, value: withDecl.length > 1 ? { ...field(f), blockReasons: reasonsOf(r) ?? orphan } : field(f) })),
  );
  for (const f of unread) out.push({ start: f.start, value: field(f) });
  return out.sort((a, b) => a.start - b.start).map((x) => x.value);
}
