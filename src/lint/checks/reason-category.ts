import { CATEGORIES_RENUMBERED as AMENDED_12958 } from '../../declass/orders.js';
import type { Diagnostic, Document } from '../../types.js';
import type { LintCheck } from '../types.js';

/** Start of E.O. 12958, the first order with reasons as categories of §1.5(a)–(g). */
const EO_12958 = '1995-10-14';

/** The Classified By reasons (a memo's Reason line) are classification categories of the order the document falls under. */
export const reasonCategory: LintCheck = {
  id: 'reason-category',
  description: 'Each Classified By reason is a classification category: 1.4(a)–(h) from 2003-03-25 (E.O. 12958 as amended, E.O. 13526), 1.5(a)–(g) from 1995-10-14 to 2003-03-24; a valid category cited under the other order\'s section is a warning.',
  codes: ['reason-invalid', 'reason-section'],
  formats: ['cable', 'document'],
  check: ({ doc }) => reasonDiagnostics(doc),
};

/** `reason-invalid` and `reason-section` for the Classified By reasons (none before E.O. 12958). */
function reasonDiagnostics(doc: Document): Diagnostic[] {
  const cb = doc.classifiedBy;
  if (!cb) return [];
  // The parser reads letters a–h only; the raw line is scanned too, so `1.4 (K)` is not just ignored.
  const reasons = new Set(cb.reasons);
  // Each letter of a list (`1.4 (Z) and (Q)`, `1.4(a), (c)`) is a reason of the section before it.
  for (const m of cb.raw.matchAll(/(?<![0-9.])1\s*\.\s*(\d)\s*((?:\(\s*[A-Za-z]\s*\)(?:\s*(?:,|and|&)\s*|\s+)?)+)/gi)) {
    for (const l of m[2]!.matchAll(/\(\s*([A-Za-z])\s*\)/g)) reasons.add(`1.${m[1]}(${l[1]!.toLowerCase()})`);
  }
  // A memo's `Reason: 1.4` names no category: the withholding would cite B1 alone (a cable's
  // Classified By line without reasons is `no-classification-reasons`).
  const reasonLine = doc.authority?.reason ?? null;
  if (reasons.size === 0 && reasonLine) {
    return [{ severity: 'error', code: 'reason-invalid', message: `Classification reason "${reasonLine.value}" names no classification category; expected one such as 1.4(c).`, span: reasonLine.span }];
  }
  if (reasons.size === 0) return [];
  const originated = doc.originated;
  if (originated !== null && originated < EO_12958) return []; // earlier orders cite other sections (1.3(a)(1)…)
  const out: Diagnostic[] = [];
  const expectedSection = originated === null ? null : originated >= AMENDED_12958 ? '4' : '5';
  for (const reason of reasons) {
    const m = /^1\.(\d)\(([a-z])\)$/.exec(reason);
    const section = m?.[1] ?? '';
    const letter = m?.[2] ?? '';
    const valid = (section === '4' && letter >= 'a' && letter <= 'h') || (section === '5' && letter >= 'a' && letter <= 'g');
    const shown = reason.toUpperCase().replace(/\(([A-Z])\)/, '($1)');
    if (!valid) {
      const range = expectedSection === '5' ? '1.5(a)–(g)' : expectedSection === '4' ? '1.4(a)–(h)' : '1.4(a)–(h) or 1.5(a)–(g)';
      out.push({ severity: 'error', code: 'reason-invalid', message: `Classification reason ${shown} is not a classification category; expected one of ${range}.`, span: cb.span });
    } else if (expectedSection !== null && section !== expectedSection) {
      const order = expectedSection === '4' ? `E.O. 12958 as amended (from ${AMENDED_12958}) and E.O. 13526` : 'E.O. 12958 before its amendment in 2003';
      const equivalent = expectedSection === '4' ? `1.4(${letter})` : letter <= 'g' ? `1.5(${letter})` : null;
      out.push({
        severity: 'warning',
        code: 'reason-section',
        message: `Classification reason ${shown} cites §1.${section}, but a ${doc.format === 'document' ? 'document' : 'cable'} of ${originated} falls under ${order}, whose categories are §1.${expectedSection}${equivalent ? `; expected ${equivalent.toUpperCase()}` : ''}.`,
        span: cb.span,
      });
    }
  }
  return out;
}
