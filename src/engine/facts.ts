import type { DeclStatus, Document, Marking, Portion } from '../types.js';
import { LEVEL_RANK, type PortionFacts } from '../rules/types.js';

/**
 * True when the document is, or may be, classified: its banner is above U or was not understood,
 * it has no banner, something contradicts its UNCLASSIFIED banner (another banner above U, a
 * Classified By line, a DECL instruction: `classifiedSigns`), or any portion is marked above U or
 * carries a mark that was not understood. Fail closed: a document we cannot place counts as
 * classified.
 */
export function isDocumentClassified(doc: Document): boolean {
  const banner = doc.banner?.marking ?? null;
  if (banner === null || banner.level !== 'U') return true;
  if ((doc.classifiedSigns?.length ?? 0) > 0) return true;
  return doc.portions.some((p) => p.markingSource === 'unknown' || (p.marking !== null && p.marking.level !== 'U'));
}

/**
 * True when the document's banner is classified and above the level of every portion, all of them
 * marked (a SECRET memo of (U) paragraphs): its classification is in no portion, so it comes from
 * the compilation of them (32 CFR 2001.24(g): unclassified parts can make a classified whole) or
 * from a portion marked too low, and releasing the portions could release what the banner
 * classifies: a reviewer decides. Unmarked text (or a mark not understood) other than the memo
 * header and the signature may hold the banner's level itself, and is withheld as such: then no.
 */
export function isBannerAbovePortions(doc: Document): boolean {
  const banner = doc.banner?.marking ?? null;
  if (banner === null || banner.level === 'U') return false;
  let highest = -1;
  for (const p of doc.portions) {
    // Text of a quoted message marked UNCLASSIFIED by its own lines is unclassified text: a SECRET
    // printout that holds nothing above U besides it is as much a compilation as one of (U) portions.
    if (p.inUnclassifiedMessage) {
      highest = Math.max(highest, LEVEL_RANK.U);
      continue;
    }
    if (p.markingSource === 'unknown' || p.markingSource === 'unmarked' || p.marking === null) {
      if (p.kind === 'header' || p.kind === 'signature') continue;
      return false;
    }
    highest = Math.max(highest, LEVEL_RANK[p.marking.level]);
  }
  return highest >= 0 && highest < LEVEL_RANK[banner.level];
}

/** Computes the facts every condition sees, once per portion. */
export function portionFacts(doc: Document, portion: Portion, documentClassified: boolean, declStatus: DeclStatus, bannerAbovePortions: boolean): PortionFacts {
  const marking: Marking | null = portion.markingSource === 'unknown' ? null : portion.marking;
  return { portion, document: doc, marking, documentMarking: doc.banner?.marking ?? null, documentClassified, declStatus, bannerAbovePortions };
}
