/**
 * Statements about the whole cable written in its text: `Classified By:` and `ENTIRE TEXT`, in
 * the header or inside the first paragraph.
 */
import type { ClassifiedBy, Field, Marking } from '../types.js';
import type { DraftPortion } from './body.js';
import type { HeaderResult } from './header/index.js';
import { readEntireTextWords } from './marks.js';
import { CLASSIFIED_BY_LINE, joinBrokenWords, normaliseReasons } from './patterns.js';

export { joinBrokenWords } from './patterns.js';

/** The Classified By field and the ENTIRE TEXT statement with the marking it gives every unmarked portion. */
export interface Statements {
  readonly classifiedBy: ClassifiedBy | null;
  readonly entireText: Field | null;
  readonly entireMarking: Marking | null;
}

/**
 * The statements of the header, completed from the first paragraph (or text) when the header
 * has none: a `Classified By:` line written inside it, or `(C) ENTIRE TEXT` / `CONFIDENTIAL -
 * ENTIRE TEXT` at its start.
 */
export function readStatements(source: string, h: HeaderResult, drafts: readonly DraftPortion[]): Statements {
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
  classifiedBy ??= labelBeforeMarks(source, drafts);
  if (entireText && entireMarking) entireMarking = { ...entireMarking, span: entireText.span, raw: entireText.raw };
  return { classifiedBy, entireText, entireMarking };
}

/** A `Classified By:` label, with its colon (a sentence may say `classified by the ministry`). */
const CLASSIFIED_BY_LABEL = /CLASSIFIED[ \t]+BY[ \t]*:/i;

/**
 * A portion mark after the reasons on a flattened line (`… for reason 1.4(d) (C) We delivered …`,
 * `… (d) 1.(S) Summary`): a mark followed by a capitalised word, not after `and`, `or`, `&` or a
 * comma (`1.4 (B), (C) THE …` lists C). Read as a letter, it cited 1.4(c).
 */
const INLINE_MARK = /(?<!(?:\band|\bor|[,&])[ \t]*)[ \t]+(?:\d{1,2}\.[ \t]*)?\((?:U|C|S|TS|SBU)(?:\/\/?[A-Z]+)*\)[ \t]+[A-Z][A-Za-z]/;

/**
 * A `Classified By:` field the header did not read, before the first marked portion: inside a
 * flattened header line (`REF: STATE 24355 CLASSIFIED BY: Gene Cretz, Ambassador. REASON: 1.4 (b),
 * (d)`, `SUBJECT: … Classified By: … for reasons 1.4 (B) & (D).`) or after a continuation header
 * that ended the header (06GENEVA2030). Its text runs to its line's end or the first portion mark,
 * whichever comes first. Unread, B1 cited no category for 7 corpus cables that give theirs. Only
 * its reasons are taken: the text stays in whatever portion holds it.
 */
function labelBeforeMarks(source: string, drafts: readonly DraftPortion[]): ClassifiedBy | null {
  const marked = drafts.find((d) => d.mark !== null);
  if (!marked) return null;
  const region = source.slice(0, marked.mark!.start);
  const m = CLASSIFIED_BY_LABEL.exec(region);
  if (!m) return null;
  const lineEnd = region.indexOf('\n', m.index);
  const end = lineEnd < 0 ? region.length : lineEnd;
  const line = region.slice(m.index, end);
  const raw = line.slice(0, INLINE_MARK.exec(line)?.index ?? line.length).trimEnd();
  const reasons = normaliseReasons(joinBrokenWords(raw));
  return reasons.length > 0 ? { raw, span: { start: m.index, end: m.index + raw.length }, reasons } : null;
}

/** The marking an ENTIRE TEXT statement gives (`CONFIDENTIAL - ENTIRE TEXT`, `ENTIRE TEXT IS UNCLASSIFIED`). */
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

/** Where the text of a paragraph starts, after its `¶`, number and dot. */
function paragraphTextStart(source: string, d: DraftPortion): number {
  let i = d.start;
  const lineEnd = d.lines[0]?.last ?? d.start;
  const m = /^(?:¶\s*)?(?:\d{1,3}|[A-Za-z])?[.)]?\s*/.exec(source.slice(i, lineEnd));
  if (d.number !== null && m) i += m[0].length;
  return i;
}

