/**
 * A cable forwarded inside an e-mail or memo: the document's own header (its banner, `From:`,
 * `Subject:`) ends at its first marked line, so the forwarded cable's E.O. line, further down, was
 * read as body text, and the document was said to have "no E.O. line" though one is there (probe
 * 62a F6). Found at the head of the forwarded cable's header (an E.O. line with TAGS or SUBJECT
 * under it), it is read as the document's E.O. line, with a warning; every other instruction in
 * the text (the document's own `Declassify On:`) is weighed with it (src/parse/index.ts
 * eoInTextOf, src/declass/assess.ts: the most protective applies). Pure.
 */
import type { Diagnostic, ExecutiveOrderLine } from '../types.js';
import type { Role } from './header.js';
import type { Line } from './lines.js';
import { matchEoLine, SUBJECT_LINE, TAGS_LINE } from './patterns.js';

/** How many non-blank lines under the E.O. line its TAGS or SUBJECT line may stand. */
const FIELDS_WITHIN = 3;

/** The first E.O. line of the body with a value that heads a cable header (TAGS or SUBJECT under it), else null. */
export function forwardedEo(source: string, lines: readonly Line[], roles: readonly Role[]): ExecutiveOrderLine | null {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (roles[i] !== 'content') continue;
    const eo = matchEoLine(l.text);
    if (!eo || l.first + eo.declStart >= l.last || !fieldsUnder(lines, i)) continue;
    const declStart = l.first + eo.declStart;
    const decl = source.slice(declStart, l.last).trim();
    return { raw: source.slice(l.first, l.last), span: { start: l.first, end: l.last }, order: eo.order, decl, declSpan: { start: declStart, end: declStart + decl.length } };
  }
  return null;
}

/** A TAGS or SUBJECT line among the few non-blank lines under line `i`. */
function fieldsUnder(lines: readonly Line[], i: number): boolean {
  let seen = 0;
  for (let k = i + 1; k < lines.length && seen < FIELDS_WITHIN; k++) {
    const t = lines[k]!.text;
    if (lines[k]!.blank) continue;
    if (TAGS_LINE.test(t) || SUBJECT_LINE.test(t)) return true;
    seen++;
  }
  return false;
}

/** The warning that says where the E.O. line was found. */
export function forwardedEoDiagnostic(eo: ExecutiveOrderLine): Diagnostic {
  return {
    severity: 'warning',
    code: 'eo-forwarded',
    message: `The document's own header has no E.O. line; the one heading a cable it forwards or quotes (${JSON.stringify(eo.raw.trim())}) is read as its instruction, weighed with any other in the text (the most protective applies).`,
    span: eo.span,
  };
}
