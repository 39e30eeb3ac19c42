import { compareLevels, dominates, formatBanner, rollUp } from '../../markings/index.js';
import type { Diagnostic, Marking } from '../../types.js';
import type { LintCheck } from '../types.js';

/** The banner against the roll-up of the portions' markings (CAPCO §D.2). */
export const bannerRollUp: LintCheck = {
  id: 'banner-roll-up',
  description: 'The banner carries at least the level and controls the marked portions require (their roll-up, CAPCO §D.2).',
  codes: ['banner-missing', 'banner-below-portions', 'banner-missing-controls'],
  formats: ['cable'],
  check: ({ doc, bannerSpan }) => {
    const marked: Marking[] = [];
    for (const p of doc.portions) {
      if (p.marking && p.markingSource !== 'unknown' && p.markingSource !== 'unmarked') marked.push(p.marking);
    }
    if (marked.length === 0) return [];
    const expected = rollUp(marked);
    const banner = doc.banner?.marking ?? null;
    const out: Diagnostic[] = [];
    if (!doc.banner) {
      if (expected.level !== 'U') {
        out.push({ severity: 'error', code: 'banner-missing', message: `No banner, but the portions require ${formatBanner(expected)}.`, span: bannerSpan });
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
    return out;
  },
};

/** Controls (and REL TO/NOFORN) in `expected` that `banner` does not carry, as text. */
function missingControls(banner: Marking, expected: Marking): string {
  const missing = expected.controls.filter((c) => !banner.controls.includes(c));
  if (expected.relTo.length > 0 && banner.relTo.length === 0 && !banner.controls.includes('NOFORN')) {
    missing.push(`REL TO ${expected.relTo.join(', ')}`);
  }
  if (expected.sci.some((s) => !banner.sci.includes(s))) missing.push(...expected.sci.filter((s) => !banner.sci.includes(s)));
  return missing.join(', ');
}
