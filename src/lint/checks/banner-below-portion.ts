import { compareLevels, dominates, formatBanner, rollUp } from '../../markings/index.js';
import type { Diagnostic, Marking } from '../../types.js';
import type { LintCheck } from '../types.js';

/**
 * Every banner line of a modern document against the roll-up of its portions (CAPCO §D.2): a
 * banner lower than a portion is an error (`banner-below-portions`), one that lacks controls the
 * portions carry a warning (`banner-missing-controls`). A DYNAMIC PAGE banner states the most a
 * page could hold: a portion above it is an error too. Cables: `banner-roll-up`.
 */
export const bannerBelowPortion: LintCheck = {
  id: 'banner-below-portion',
  description: 'A banner line of a document is lower than a portion, or lacks controls the portions carry.',
  codes: ['banner-below-portions', 'banner-missing-controls'],
  formats: ['document'],
  check: ({ doc }) => {
    const marked: Marking[] = [];
    for (const p of doc.portions) if (p.markingSource === 'marked' && p.marking) marked.push(p.marking);
    if (marked.length === 0) return [];
    const expected = rollUp(marked);
    const out: Diagnostic[] = [];
    // A quoted message's own classification lines speak for that message, not for the printout.
    const quoted = doc.unclassifiedMessages ?? [];
    for (const b of doc.pageBanners ?? []) {
      if (!b.marking || quoted.some((m) => m.start <= b.span.start && b.span.end <= m.end)) continue;
      const what = b.highestPossible ? `The DYNAMIC PAGE banner (highest possible ${formatBanner(b.marking)})` : `Banner ${JSON.stringify(b.raw)} (${formatBanner(b.marking)})`;
      if (compareLevels(b.marking.level, expected.level) < 0) {
        out.push({ severity: 'error', code: 'banner-below-portions', message: `${what} on page ${b.page} is lower than the highest portion; the portions require ${formatBanner(expected)}.`, span: b.span });
      } else if (!b.highestPossible && !dominates(b.marking, expected)) {
        out.push({ severity: 'warning', code: 'banner-missing-controls', message: `${what} on page ${b.page} lacks controls the portions carry; expected ${formatBanner(expected)}.`, span: b.span });
      }
    }
    return out;
  },
};
