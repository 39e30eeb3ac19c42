/**
 * Foreign government information in a portion mark (E.O. 13526 §1.4(b); domain.md §1.2, §1.4):
 * NATO information (`(//NS)`, `(NC)`, `(//COSMIC TOP SECRET)`), a foreign government's own
 * classification (`(//GBR S//REL TO USA, GBR)`, `(//DEU C)`), or a US classification over
 * information that holds FGI (`(S//FGI DEU//NF)`, `(C//FGI)`). Pure.
 */
import type { Marking } from '../types.js';

/**
 * - `nato`: classified by NATO, not by the document's classifier;
 * - `foreign`: classified by the foreign government that provided it (its mark opens with `//`);
 * - `us-with-fgi`: a US classification of a portion that holds foreign government information.
 */
export type ForeignInformation = 'nato' | 'foreign' | 'us-with-fgi';

/** What foreign government information the marking shows; null when it shows none. */
export function foreignInformation(m: Pick<Marking, 'raw' | 'controls'>): ForeignInformation | null {
  if (m.controls.includes('NATO')) return 'nato';
  if (!m.controls.includes('FGI')) return null;
  // A foreign classification is written first, after `//` (CAPCO: non-US markings open with `//`).
  return /^\(?\s*\/\//.test(m.raw) ? 'foreign' : 'us-with-fgi';
}
