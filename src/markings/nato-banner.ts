/**
 * A NATO document's own banner (`NATO RESTRICTED`, `//NATO SECRET`, `COSMIC TOP SECRET`): NATO's
 * classification, not a US one. Its marking maps to the nearest US level with a `NATO` control
 * (vocabulary.ts: NATO RESTRICTED to CONFIDENTIAL, fail closed), which is how rules compare it,
 * but written back as `CONFIDENTIAL//NATO` it named a US level the document never had (probe 67b
 * F5), and NATO documents carry no E.O. 13526 declassification instruction.
 */
import type { Level, Marking } from '../types.js';

const NATO_OWN = /^(?:\/\/)?\s*(COSMIC\s+TOP\s+SECRET|NATO\s+(?:SECRET|CONFIDENTIAL|RESTRICTED|UNCLASSIFIED))\s*$/;

/**
 * NATO's classification words (`NATO RESTRICTED`) when `raw` is a banner of NATO's own alone and
 * its marking carries nothing but NATO; null otherwise (`SECRET//NATO`, `//NATO SECRET//REL TO …`).
 */
export function natoOwnBanner(raw: string | undefined, marking: Marking | null | undefined): string | null {
  if (!raw || !marking || marking.sci.length > 0 || marking.relTo.length > 0 || marking.fgi.length > 0) return null;
  if (marking.controls.length !== 1 || marking.controls[0] !== 'NATO') return null;
  const m = NATO_OWN.exec(raw.trim().toUpperCase());
  return m ? m[1]!.replace(/\s+/g, ' ') : null;
}

/**
 * The release banner for released text that rolls up to `rolled`, in a document whose banner is
 * NATO's own `words`: those words (`//NATO RESTRICTED`, CAPCO's form of a non-US marking) when
 * the roll-up is that banner's level with nothing but NATO; null otherwise (the US form stands).
 */
export function natoReleaseBanner(words: string | null, bannerLevel: Level, rolled: Marking): string | null {
  if (words === null || rolled.level !== bannerLevel) return null;
  return natoOwnBanner(`//${words}`, rolled) === null ? null : `//${words}`;
}
