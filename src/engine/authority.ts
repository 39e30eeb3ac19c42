import type { ForeignInformation } from '../markings/index.js';
import { LineIndex } from '../source/line-index.js';
import type { AuthorityField, DeclAssessment, Diagnostic, Document } from '../types.js';

/**
 * Expands authority templates: `{reasons}` becomes the document's Classified By reasons with the
 * category letter in capitals as State prints them (`1.4(b)` → `1.4(B)`); when the document gives
 * no reasons the placeholder disappears. Duplicates are dropped, order kept.
 */
export function expandAuthority(templates: readonly string[], reasons: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of templates) {
    if (t === '{reasons}') out.push(...reasons.map(formatReason));
    else out.push(t);
  }
  return [...new Set(out)];
}

/** `1.4(b)` → `1.4(B)`. */
export function formatReason(reason: string): string {
  return reason.replace(/\(([a-h])\)/g, (_, l: string) => `(${l.toUpperCase()})`);
}

/**
 * Orders authority codes as release stamps list them: FOIA exemptions (B1, B2 … B7(C)) first in
 * number order, then E.O. categories (1.4(B), 1.5(D)), then anything else alphabetically.
 */
export function sortAuthorities(codes: Iterable<string>): string[] {
  const rank = (c: string): [number, string] => {
    const b = /^B(\d)(.*)$/.exec(c);
    if (b) return [0, `${b[1]}${b[2]}`];
    if (/^\d\.\d/.test(c)) return [1, c];
    return [2, c];
  };
  return [...new Set(codes)].sort((a, b) => {
    const [ra, ka] = rank(a);
    const [rb, kb] = rank(b);
    return ra - rb || (ka < kb ? -1 : ka > kb ? 1 : 0);
  });
}

/**
 * The reasons a withholding of one portion cites, from the document's (`reasons`) and the portion's
 * marking. Foreign government information is E.O. 13526 §1.4(b) (E.O. 12958 §1.5(b) when the
 * document cites that numbering only): a portion classified by NATO or by a foreign government
 * cites 1.4(b) alone, as the document's Reason line is its US classifier's reason for the US
 * information and says nothing of what another government classified; a US-classified portion
 * that holds FGI cites 1.4(b) beside the document's reasons. Past 25 years the document's §3.3
 * exemptions (`25X6`) are what `reasons` holds, and they are kept as they are.
 */
export function portionReasons(reasons: readonly string[], foreign: ForeignInformation | null): readonly string[] {
  if (foreign === null || reasons.some((r) => /^(?:25|50|75)X/.test(r))) return reasons;
  const b = reasons.length > 0 && reasons.every((r) => r.startsWith('1.5')) ? '1.5(b)' : '1.4(b)';
  if (foreign !== 'us-with-fgi') return [b];
  return [...new Set([...reasons, b])].sort();
}

/**
 * The Classified By reasons B1 cites: those of the authority block whose Declassify On applies
 * when two blocks each carry one (a derivative block without Reason over an older block's
 * `Reason: 1.4(d)`; an e-mail reply over a quoted message): another block's reasons, under an
 * instruction not applied, were cited as this one's (probe 64c F4). A derivative block's none gives
 * a bare B1, as any derivative document's. When the blocks' reasons differ, an
 * `authority-reasons-differ` warning says which block's were cited, and `cited` says it in short
 * for the reason of each withholding that cites B1.
 */
export function governingReasons(doc: Document, declassification: DeclAssessment): { reasons: readonly string[]; note: Diagnostic | null; cited: string | null } {
  const all = doc.classifiedBy?.reasons ?? [];
  const fields = doc.authority?.declassifyOn ?? [];
  const at = declassification.span?.start;
  const chosen = fields.find((f) => f.span.start === at && f.blockReasons !== undefined);
  if (!chosen) return { reasons: all, note: null, cited: null };
  const own = chosen.blockReasons!;
  const others = fields.filter((f) => f.blockReasons !== undefined && f.blockReasons.join() !== own.join());
  if (others.length === 0) return { reasons: own, note: null, cited: null };
  const index = new LineIndex(doc.source);
  const name = (f: AuthorityField) => `"${f.raw.replace(/\s+/g, ' ').trim()}" (line ${index.pointAt(f.span.start).line})`;
  const cites = (r: readonly string[]) => (r.length > 0 ? r.map(formatReason).join(', ') : 'no category');
  const message = `The authority blocks give different reasons: B1 cites ${cites(own)}, those of the block of ${name(chosen)}, whose instruction applies; ${others.map((o) => `the block of ${name(o)} gives ${cites(o.blockReasons!)}`).join('; ')}.`;
  // The short form each B1 withholding's reason carries (fix65b): the audit record and the Vaughn
  // index's justification then say whose reasons they cite without the console.
  const cited = `B1's reasons are those of the authority block at line ${index.pointAt(chosen.span.start).line}, whose Declassify On applies; another block gives ${[...new Set(others.map((o) => cites(o.blockReasons!)))].join(' or ')}.`;
  return { reasons: own, note: { severity: 'warning', code: 'authority-reasons-differ', message, span: chosen.span }, cited };
}

/**
 * True when the order the document falls under required a reason for every classification: E.O.
 * 12958 (1995) and later. Older cables (E.O. 12356, 11652, 12065) often carry none.
 */
export function requiresReasons(doc: Document): boolean {
  const order = doc.eo?.order ?? null;
  return order !== null ? !/^(?:12356|11652|12065)$/.test(order) : (doc.originated ?? '') >= '1995-10-14';
}

/**
 * A warning when B1 is cited with no category although the order required reasons: the Classified
 * By line gives none the reader could read (a field cut off, a cable flattened onto one line, a
 * line ending in `\\`). The stamp read plain `B1` and only `lint` said why (probe 68c F3): the
 * release's record and console say so too, so a reviewer reads the reasons in the cable.
 */
export function unreadReasons(doc: Document, decisions: readonly { authority: readonly string[] }[]): Diagnostic | null {
  if (!requiresReasons(doc) || !decisions.some((d) => d.authority.length === 1 && d.authority[0] === 'B1')) return null;
  const field = doc.classifiedBy;
  // A derivatively classified document (SIDtoday's `Derived From: NSA/CSSM 1-52`) gives no reasons of
  // its own: they are its source's, which is where a reviewer finds them.
  const derived = doc.authority?.derivedFrom ?? null;
  const why = field
    ? `its Classified By line gives no reasons the reader could read ("${field.raw.replace(/\s+/g, ' ').slice(0, 80)}")`
    : derived
      ? `it is derivatively classified ("Derived From: ${derived.value.replace(/\s+/g, ' ').slice(0, 60)}"), whose reasons are its source's`
      : 'no Classified By line with reasons was read';
  return {
    severity: 'warning',
    code: 'b1-without-reasons',
    message: `B1 is cited with no §1.4 category: ${why}; find the reasons in ${!field && derived ? 'its source' : 'the document'} before it is handed out.`,
    ...(field ? { span: field.span } : {}),
  };
}
