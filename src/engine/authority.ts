import type { ForeignInformation } from '../markings/index.js';

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
