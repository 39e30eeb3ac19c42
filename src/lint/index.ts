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
 *   a classified document without `Classified By` reasons;
 * - `reason-invalid` (error): a reason that is no classification category: outside 1.4(a)–(h)
 *   (E.O. 12958 as amended, from 2003-03-25; E.O. 13526) or 1.5(a)–(g) (E.O. 12958, 1995-10-14 to
 *   2003-03-24), e.g. `1.4(k)` or `1.6(b)`;
 * - `reason-section` (warning): a valid category cited under the other order's section number
 *   (`1.5(d)` in a 2005 cable, `1.4(b)` in a 2001 one): common in real cables, and the category
 *   is clear, but an auditor should see it;
 * - `rel-to-with-noforn` (error): a banner or portion mark with both REL TO and NOFORN, which
 *   contradict each other (CAPCO §H.8; the parser keeps NOFORN, fail closed);
 * - `dissem-without-noforn` (warning): EXDIS or NODIS written without NOFORN, which both require
 *   (CAPCO pp. 172–175; the parser adds NOFORN, fail closed).
 * A DECL date more than 25 years after origination without an exemption is the assessment's
 * `decl-over-25-years` warning (see src/declass/assess.ts).
 */
import { assessDocument, documentLevel } from '../declass/index.js';
import { compareLevels, dominates, formatBanner, rollUp } from '../markings/index.js';
import type { Diagnostic, Document, Marking, Span } from '../types.js';
import { lintMarkedDocument } from './document/index.js';

/** Severity order for sorting: errors first. */
const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Lints one document as of `asOf` (`YYYY-MM-DD`, used for the declassification assessment).
 * Returns errors and warnings (never infos), sorted by position, errors first at a tie.
 */
export function lintDocument(doc: Document, asOf: string): Diagnostic[] {
  // Modern documents have their own checks (src/lint/document).
  if (doc.format === 'document') return lintMarkedDocument(doc, asOf);
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

  out.push(...reasonDiagnostics(doc), ...markingConflicts(doc));

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

/** Start of the amended E.O. 12958 (E.O. 13292), which renumbered the categories from §1.5 to §1.4(a)–(h). */
const AMENDED_12958 = '2003-03-25';
/** Start of E.O. 12958, the first order with reasons as categories of §1.5(a)–(g). */
const EO_12958 = '1995-10-14';

/** `reason-invalid` and `reason-section` for the Classified By reasons (none before E.O. 12958). */
function reasonDiagnostics(doc: Document): Diagnostic[] {
  const cb = doc.classifiedBy;
  if (!cb) return [];
  // The parser reads letters a–h only; the raw line is scanned too, so `1.4 (K)` is not just ignored.
  const reasons = new Set(cb.reasons);
  for (const m of cb.raw.matchAll(/(?<![0-9.])1\s*\.\s*(\d)\s*\(\s*([A-Za-z])\s*\)/g)) reasons.add(`1.${m[1]}(${m[2]!.toLowerCase()})`);
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
        message: `Classification reason ${shown} cites §1.${section}, but a cable of ${originated} falls under ${order}, whose categories are §1.${expectedSection}${equivalent ? `; expected ${equivalent.toUpperCase()}` : ''}.`,
        span: cb.span,
      });
    }
  }
  return out;
}

/**
 * `rel-to-with-noforn` and `dissem-without-noforn` on the banner and every portion's own mark.
 * The marking parser resolves both (fail closed) and says so in the marking's normalisation notes,
 * which are read here: they are the only record of what was written.
 */
function markingConflicts(doc: Document): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (marking: Marking | null | undefined, span: Span, where: string): void => {
    if (!marking) return;
    if (marking.normalisations.some((n) => /^NOFORN and REL TO together/.test(n))) {
      out.push({ severity: 'error', code: 'rel-to-with-noforn', message: `${where} ${JSON.stringify(marking.raw)} combines REL TO with NOFORN, which contradict each other; expected one of them (read as NOFORN).`, span });
    }
    if (marking.normalisations.some((n) => /^EXDIS and NODIS always carry NOFORN/.test(n))) {
      const which = marking.controls.filter((c) => c === 'EXDIS' || c === 'NODIS').join(' and ');
      out.push({ severity: 'warning', code: 'dissem-without-noforn', message: `${where} ${JSON.stringify(marking.raw)} carries ${which} without NOFORN, which ${which} requires; expected NOFORN with it (read as NOFORN).`, span });
    }
  };
  if (doc.banner) check(doc.banner.marking, doc.banner.span, 'Banner');
  for (const p of doc.portions) if (p.markingSource === 'marked' && p.mark) check(p.marking, p.mark.span, `Portion ${p.id} mark`);
  return out;
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
