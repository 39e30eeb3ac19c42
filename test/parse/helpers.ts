/** Small inline cables for parser tests, and span helpers that compute exact offsets. */
import type { Document, Portion, Span } from '../../src/types.js';
import { isSpace } from '../../src/parse/lines.js';

/** A routing header and banner block; `banner` replaces the banner line. */
export function header(options: { banner?: string; caveats?: string[]; eo?: string; subject?: string; ref?: string; classifiedBy?: string } = {}): string {
  const lines = [
    'VZCZCXYZ0016',
    'OO RUEHWEB',
    '',
    'DE RUEHRL #0173 0441627',
    'ZNY CCCCC ZZH',
    'O 131627Z FEB 08',
    'FM AMEMBASSY BERLIN',
    'TO RUEHC/SECSTATE WASHDC IMMEDIATE 0424',
    'INFO RUEHXP/ALL NATO POST COLLECTIVE PRIORITY',
    'RUEHNO/USMISSION USNATO PRIORITY 9992',
    '',
    options.banner ?? 'C O N F I D E N T I A L BERLIN 000173',
    '',
    ...(options.caveats ?? []),
    'SIPDIS',
    '',
    options.eo ?? 'E.O. 12958: DECL: 02/13/2018',
    'TAGS: MOPS PARM PREL NATO GM',
    options.subject ?? 'SUBJECT: GERMANY AGREES THAT OSLO PROCESS TEXT ON CLUSTER',
    '',
    options.ref ?? 'REF: STATE 13607',
    '',
    options.classifiedBy ?? 'Classified By: POLITICAL MINISTER COUNSELOR JEFF RATHKE. REASONS: 1.4 (B) AND (D).',
    '',
  ];
  return `${lines.join('\n')}\n`;
}

/** A whole cable: the standard header, then `body` (and a trailing newline). */
export function cable(body: string, options: Parameters<typeof header>[0] = {}): string {
  return `${header(options)}${body}\n`;
}

/** The span of the `nth` (0-based) occurrence of `text` in `source`; throws when absent. */
export function spanOf(source: string, text: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = source.indexOf(text, at + 1);
    if (at < 0) throw new Error(`not found: ${JSON.stringify(text)}`);
  }
  return { start: at, end: at + text.length };
}

/** The span from the start of `from` to the end of `to` (first occurrences, `to` after `from`). */
export function spanFromTo(source: string, from: string, to: string): Span {
  const start = source.indexOf(from);
  if (start < 0) throw new Error(`not found: ${JSON.stringify(from)}`);
  const t = source.indexOf(to, start);
  if (t < 0) throw new Error(`not found: ${JSON.stringify(to)}`);
  return { start, end: t + to.length };
}

/** The portion with this id; throws when absent (with the ids there are). */
export function portion(doc: Document, id: string): Portion {
  const p = doc.portions.find((x) => x.id === id);
  if (!p) throw new Error(`no portion ${id}; have ${doc.portions.map((x) => x.id).join(', ')}`);
  return p;
}

/** Diagnostic codes of a document (optionally only those at a severity). */
export function codes(doc: Document, severity?: 'error' | 'warning' | 'info'): string[] {
  return doc.diagnostics.filter((d) => !severity || d.severity === severity).map((d) => d.code);
}

/** Text of a span. */
export function text(doc: Document, span: Span): string {
  return doc.source.slice(span.start, span.end);
}

/**
 * Checks the invariants every parse must keep: portions in order, not overlapping, inside the
 * source; segments inside their portion and in order; every non-blank character covered exactly
 * once by a portion segment, a furniture span or a boilerplate span. Returns the problems found.
 */
export function invariantProblems(doc: Document): string[] {
  const problems: string[] = [];
  const src = doc.source;
  let prevEnd = 0;
  const cover = new Uint8Array(src.length);
  const add = (s: Span): void => {
    for (let i = s.start; i < s.end; i++) cover[i] = (cover[i] ?? 0) + 1;
  };
  for (const p of doc.portions) {
    if (p.span.start < prevEnd) problems.push(`${p.id} overlaps the portion before it`);
    if (p.span.start < 0 || p.span.end > src.length || p.span.end < p.span.start) problems.push(`${p.id} span out of the source`);
    prevEnd = Math.max(prevEnd, p.span.end);
    let segEnd = p.span.start;
    for (const s of p.segments) {
      if (s.start < segEnd || s.end > p.span.end || s.end < s.start) problems.push(`${p.id} segment ${s.start}-${s.end} out of order or outside its span`);
      segEnd = s.end;
      add(s);
    }
    if (p.mark && (p.mark.span.start < p.span.start || p.mark.span.end > p.span.end)) problems.push(`${p.id} mark outside its span`);
  }
  for (const f of doc.furniture) add(f);
  for (const b of doc.boilerplate ?? []) add(b);
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || c === 92 || isSpace(c)) continue;
    if (cover[i] !== 1) {
      const ls = src.lastIndexOf('\n', i) + 1;
      const le = src.indexOf('\n', i);
      problems.push(`character ${i} covered ${cover[i]} times, line ${JSON.stringify(src.slice(ls, le < 0 ? undefined : le).slice(0, 80))}`);
      break;
    }
  }
  return problems;
}
