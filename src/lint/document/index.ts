/**
 * Lint checks for modern documents (read by the document reader), one check per module
 * (markdownlint's shape: id, codes, description, check). {@link lintMarkedDocument} runs them all
 * and adds the reader's own diagnostics that no check reports.
 */
import { documentLevel } from '../../declass/index.js';
import type { Diagnostic, Document } from '../../types.js';
import { authorityBlock } from './authority-block.js';
import { bannerBelowPortion } from './banner-below-portion.js';
import { bannerMissing } from './banner-missing.js';
import { exemptionWithoutDate } from './exemption-without-date.js';
import { relToWithNoforn } from './rel-to-with-noforn.js';
import type { CheckContext, DocumentCheck } from './types.js';
import { unmarkedPortion } from './unmarked-portion.js';

export type { CheckContext, DocumentCheck } from './types.js';

/** Every check for documents, in the order their findings are listed at a tie. */
export const DOCUMENT_CHECKS: readonly DocumentCheck[] = [unmarkedPortion, bannerBelowPortion, bannerMissing, authorityBlock, relToWithNoforn, exemptionWithoutDate];

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Lints a document read by the document reader as of `asOf` (`YYYY-MM-DD`). Returns errors and
 * warnings (never infos), sorted by position, errors first at a tie.
 */
export function lintMarkedDocument(doc: Document, asOf: string): Diagnostic[] {
  const level = documentLevel(doc);
  const ctx: CheckContext = { asOf, classified: level === null || level !== 'U' || doc.portions.some((p) => p.markingSource === 'unknown') };
  const owned = new Set(DOCUMENT_CHECKS.flatMap((c) => c.codes));
  const out: Diagnostic[] = doc.diagnostics.filter((d) => d.severity !== 'info' && !owned.has(d.code));
  for (const c of DOCUMENT_CHECKS) out.push(...c.check(doc, ctx));
  out.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1) || RANK[a.severity] - RANK[b.severity]);
  return out;
}
