/**
 * What a reviewer must fix before a cable can be released: marking problems found in a parsed
 * {@link Document}. Pure: no clock (the as-of date is an input) and no I/O.
 *
 * Codes (stable; tests assert them):
 * - from the parser: `unmarked-portion`, `unknown-marking`, `banner-unknown`, `unmarked-subject`,
 *   `unmarked-heading`, `no-banner`, `not-a-cable`, `no-portions`, `no-eo-line`;
 * - `banner-missing` (error): no banner although portions are classified;
 * - `banner-below-portions` (error): the banner's level is lower than the highest portion's;
 * - `banner-missing-controls` (error): the banner lacks controls the portions require (roll-up);
 * - `decl-invalid` (error): a classified document without a usable E.O./DECL line
 *   (the declassification assessment's status `invalid`), plus the assessment's own diagnostics;
 * - `no-classification-reasons` (error, or warning for cables under orders before E.O. 12958):
 *   a classified document without `Classified By` reasons.
 */
import { assessDocument, documentLevel } from '../declass/index.js';
import { compareLevels, dominates, formatBanner, rollUp } from '../markings/index.js';
import type { Diagnostic, Document, Marking } from '../types.js';

/** Severity order for sorting: errors first. */
const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Lints one document as of `asOf` (`YYYY-MM-DD`, used for the declassification assessment).
 * Returns errors and warnings (never infos), sorted by position, errors first at a tie.
 */
export function lintDocument(doc: Document, asOf: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of doc.diagnostics) if (d.severity !== 'info') out.push(d);

  const level = documentLevel(doc);
  // Unknown level (nothing understood) counts as classified: fail closed.
  const classified = level === null || level !== 'U';
  const bannerSpan = doc.banner?.span ?? { start: 0, end: Math.min(1, doc.source.length) };

  // --- Banner against the portions (roll-up, CAPCO §D.2).
  const marked: Marking[] = [];
  for (const p of doc.portions) {
    if (p.marking && p.markingSource !== 'unknown' && p.markingSource !== 'unmarked') marked.push(p.marking);
  }
  if (marked.length > 0) {
    const expected = rollUp(marked);
    const banner = doc.banner?.marking ?? null;
    if (!doc.banner) {
      if (expected.level !== 'U') {
        out.push({
          severity: 'error',
          code: 'banner-missing',
          message: `No banner, but the portions require ${formatBanner(expected)}.`,
          span: bannerSpan,
        });
      }
    } else if (banner && compareLevels(banner.level, expected.level) < 0) {
      out.push({
        severity: 'error',
        code: 'banner-below-portions',
        message: `Banner ${JSON.stringify(doc.banner.raw)} (${formatBanner(banner)}) is lower than the highest portion; the portions require ${formatBanner(expected)}.`,
        span: doc.banner.span,
      });
    } else if (banner && !dominates(banner, expected)) {
      const missing = missingControls(banner, expected);
      out.push({
        severity: 'error',
        code: 'banner-missing-controls',
        message: `Banner ${JSON.stringify(doc.banner.raw)} (${formatBanner(banner)}) lacks ${missing || 'controls'} that the portions require; expected ${formatBanner(expected)}.`,
        span: doc.banner.span,
      });
    }
  }

  // --- Declassification instruction and classification authority.
  if (classified) {
    const assessment = assessDocument(doc, asOf);
    if (assessment.status === 'invalid') {
      out.push({
        severity: 'error',
        code: 'decl-invalid',
        message: `Classified document without a usable E.O./DECL line: ${assessment.reason}`,
        span: doc.eo?.span ?? bannerSpan,
      });
    }
    for (const d of assessment.diagnostics) {
      // When the line is unusable, `decl-invalid` already says why; its errors would repeat it.
      if (d.severity === 'info' || (assessment.status === 'invalid' && d.severity === 'error')) continue;
      if (!out.some((o) => o.code === d.code)) out.push(d);
    }
    if (!doc.classifiedBy || doc.classifiedBy.reasons.length === 0) {
      // E.O. 12958 (1995) made the reason part of every classification; older cables (E.O. 12356,
      // 11652, "ENTIRE TEXT" era) often carry none, so there it is a warning.
      const order = doc.eo?.order ?? null;
      const modern = order !== null ? !/^(?:12356|11652|12065)$/.test(order) : (doc.originated ?? '') >= '1995-10-14';
      out.push({
        severity: modern ? 'error' : 'warning',
        code: 'no-classification-reasons',
        message: doc.classifiedBy
          ? `"Classified By" line gives no reasons; expected e.g. "REASON: 1.4 (B) AND (D)".`
          : `Classified document without a "Classified By" line and reasons; expected e.g. "Classified By: … REASONS: 1.4 (B) AND (D)".`,
        span: doc.classifiedBy?.span ?? doc.eo?.span ?? bannerSpan,
      });
    }
  }

  out.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1) || RANK[a.severity] - RANK[b.severity]);
  return out;
}

/** Controls (and REL TO/NOFORN) in `expected` that `banner` does not carry, as text. */
function missingControls(banner: Marking, expected: Marking): string {
  const missing = expected.controls.filter((c) => !banner.controls.includes(c));
  if (expected.relTo.length > 0 && banner.relTo.length === 0 && !banner.controls.includes('NOFORN')) {
    missing.push(`REL TO ${expected.relTo.join(', ')}`);
  }
  if (expected.sci.some((s) => !banner.sci.includes(s))) missing.push(...expected.sci.filter((s) => !banner.sci.includes(s)));
  return missing.join(', ');
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
