/**
 * FOIA notices: a line stamped on a document to say that its text is privileged or protected by
 * a law other than the classification system (`PRE-DECISIONAL // DELIBERATIVE`, `ATTORNEY-CLIENT
 * PRIVILEGED`, `PRIVACY ACT PROTECTED`, `CONFIDENTIAL BUSINESS INFORMATION`). No marking system
 * defines them and no release rule reads them: the document is decided by its marks as before.
 * Each is reported as a warning, so that a release never passes one over in silence: whether
 * exemption (b)(4), (b)(5) or (b)(6) applies is a reviewer's decision (an overrides file). Pure.
 */
import type { Diagnostic } from '../types.js';

/** A notice's phrases, and the exemption it points to. */
const NOTICES: readonly (readonly [RegExp, string])[] = [
  [/^(?:PRE-?DECISIONAL|DELIBERATIVE(?: PROCESS)?(?: (?:MATERIAL|DOCUMENT|PRIVILEGED?))?)$/, '(b)(5) (the deliberative process privilege)'],
  [/^(?:ATTORNEY[- ]CLIENT(?: PRIVILEGED?)?(?: COMMUNICATION)?|ATTORNEY WORK[- ]PRODUCT|PRIVILEGED(?: AND CONFIDENTIAL)?)$/, '(b)(5) (the attorney-client or work-product privilege)'],
  [/^(?:PRIVACY ACT(?: (?:PROTECTED|DATA|INFORMATION|SENSITIVE|MATERIAL))?|CONTAINS PII)$/, '(b)(6) (personal privacy)'],
  [/^(?:CONFIDENTIAL BUSINESS INFORMATION|BUSINESS SENSITIVE|COMPANY CONFIDENTIAL)$/, '(b)(4) (confidential business information)'],
];

/** Words that may stand beside a notice on its line without being one (`PRE-DECISIONAL DRAFT - DO NOT RELEASE`). */
const BESIDE = /^(?:DRAFT|DO NOT (?:RELEASE|DISTRIBUTE)|NOT FOR (?:PUBLIC )?RELEASE|FOR INTERNAL USE ONLY)$/;

/** Between a line's phrases: CAPCO's separators, a dash, a comma, AND. */
const SEPARATOR = /\s*(?:\/\/|\/|[-–—]{1,2}(?=\s)|,|;|\bAND\b)\s*/;

/** The exemptions a line's notices point to, in the order written; null when the line is not a notice line. */
function noticeLine(text: string): string[] | null {
  const t = text.trim().replace(/^[*_#>\s]+|[*_\s.]+$/g, '');
  if (t.length < 7 || t.length > 100 || /[a-z]/.test(t)) return null;
  const found: string[] = [];
  for (const part of t.split(SEPARATOR)) {
    // `PREDECISIONAL DRAFT`: the draft is the notice's.
    const p = part.trim().replace(/\s+DRAFT$/, '');
    if (p === '') continue;
    const hit = NOTICES.find(([re]) => re.test(p));
    if (hit) {
      if (!found.includes(hit[1])) found.push(hit[1]);
    } else if (!BESIDE.test(p)) return null;
  }
  return found.length > 0 ? found : null;
}

/** A word every notice holds: only the lines with one are read (most documents have none). */
const KEYWORD = /DECISIONAL|DELIBERATIVE|ATTORNEY|PRIVILEGED|PRIVACY ACT|CONTAINS PII|BUSINESS|COMPANY CONFIDENTIAL/g;

/** A `foia-notice` warning for each notice line of `source`, in order. Linear in its length. */
export function foiaNoticeDiagnostics(source: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  let after = 0;
  for (const hit of source.matchAll(KEYWORD)) {
    if (hit.index < after) continue;
    const start = source.lastIndexOf('\n', hit.index) + 1;
    const nl = source.indexOf('\n', hit.index);
    const end = nl < 0 ? source.length : nl;
    after = end;
    const line = source.slice(start, end);
    const exemptions = noticeLine(line);
    if (!exemptions) continue;
    const raw = line.trim();
    const at = start + line.indexOf(raw);
    out.push({
      severity: 'warning',
      code: 'foia-notice',
      message: `FOIA notice ${JSON.stringify(raw)}: exemption ${exemptions.join(' or ')} may apply; declass decides by classification markings only, so a reviewer decides it (an overrides file).`,
      span: { start: at, end: at + raw.length },
    });
  }
  return out;
}
