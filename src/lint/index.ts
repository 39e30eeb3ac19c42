/**
 * What a reviewer must fix before a cable or document can be released: marking problems found in
 * a parsed {@link Document}, one check per module in ./checks/ (listed in {@link LINT_CHECKS}),
 * each applying to the documents of the readers it names (cables, modern documents, or both).
 * Pure: no clock (the as-of date is an input) and no I/O.
 *
 * Codes (stable; tests assert them): each check lists its own in `codes`. A DECL date more than
 * 25 years after origination without an exemption is the assessment's `decl-over-25-years`
 * warning (see src/declass/assess.ts).
 */
import { documentLevel } from '../declass/index.js';
import type { Diagnostic, Document } from '../types.js';
import { requireAsOf } from '../options.js';
import { LINT_CHECKS } from './checks/index.js';
import type { LintContext } from './types.js';

export { LINT_CHECKS } from './checks/index.js';
export type { LintCheck, LintContext } from './types.js';

/** Severity order for sorting: errors first. */
const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Lints one document as of `asOf` (`YYYY-MM-DD`, used for the declassification assessment).
 * Returns errors and warnings (never infos), sorted by position, errors first at a tie.
 */
export function lintDocument(doc: Document, asOf: string): Diagnostic[] {
  requireAsOf(asOf);
  const ctx = lintContext(doc, asOf);
  const format = doc.format ?? 'cable';
  const out = LINT_CHECKS.filter((c) => c.formats.includes(format)).flatMap((c) => c.check(ctx));
  out.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1) || RANK[a.severity] - RANK[b.severity]);
  return out;
}

/**
 * The lint's banner roll-up findings alone, for the release's audit record and console: a banner
 * lower than its portions' roll-up (`banner-below-portions`: a marking error, a possible spill;
 * `release` recorded nothing of it while the document was classified, probe 64c F5), and a banner
 * that lacks controls its portions carry (`banner-missing-controls`: `SECRET//REL TO USA, FVEY`
 * over an `(S//NF)` paragraph, the banner a bare `(S//REL)` takes its list from; only lint said
 * it, probe 67b F6). The same checks as `lintDocument`'s, so both say the same; the latter is a
 * warning in the release whatever the lint's severity (the decisions go by the portions' own marks).
 */
export function bannerBelowPortions(doc: Document, asOf: string): Diagnostic[] {
  const ctx = lintContext(doc, asOf);
  const format = doc.format ?? 'cable';
  const codes = ['banner-below-portions', 'banner-missing-controls'];
  return LINT_CHECKS.filter((c) => c.formats.includes(format) && c.codes.some((code) => codes.includes(code)))
    .flatMap((c) => c.check(ctx))
    .filter((d) => codes.includes(d.code))
    .map((d) => (d.code === 'banner-missing-controls' ? { ...d, severity: 'warning' as const } : d));
}

/** What every check sees of `doc` as of `asOf`. */
export function lintContext(doc: Document, asOf: string): LintContext {
  const level = documentLevel(doc);
  // In a modern document a mark that was not understood may hide any level (cables: as before).
  const unknownMark = doc.format === 'document' && doc.portions.some((p) => p.markingSource === 'unknown');
  return {
    doc,
    asOf,
    level,
    // Unknown level (nothing understood) counts as classified: fail closed.
    classified: level === null || level !== 'U' || unknownMark,
    // A document whose only banners are DYNAMIC PAGE lines points at the first of them.
    bannerSpan: doc.banner?.span ?? doc.pageBanners?.[0]?.span ?? { start: 0, end: Math.min(1, doc.source.length) },
  };
}

/** Counts of errors and warnings in a list of diagnostics. */
export function countSeverities(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}
