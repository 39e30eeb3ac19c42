import type { DeclStatus, Document, Marking, Portion } from '../types.js';
import type { PortionFacts } from '../rules/types.js';

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

/** Computes the facts every condition sees, once per portion. */
export function portionFacts(doc: Document, portion: Portion, documentClassified: boolean, declStatus: DeclStatus): PortionFacts {
  const marking: Marking | null = portion.markingSource === 'unknown' ? null : portion.marking;
  return { portion, document: doc, marking, documentMarking: doc.banner?.marking ?? null, documentClassified, declStatus };
}
