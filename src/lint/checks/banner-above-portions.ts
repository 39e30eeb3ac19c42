import { isBannerAbovePortions } from '../../engine/facts.js';
import { formatBanner, rollUp } from '../../markings/index.js';
import type { Marking } from '../../types.js';
import type { LintCheck } from '../types.js';

/**
 * A classified banner above every portion, all of them marked (a SECRET memo of (U) paragraphs; see
 * engine/facts.ts isBannerAbovePortions): the classification is in no portion, so it comes from the
 * compilation of the portions (32 CFR 2001.24(g)) or from a portion marked too low. The FOIA and
 * partner profiles hold the (U) portions of such a document for review (`compilation-pending-review`).
 */
export const bannerAbovePortions: LintCheck = {
  id: 'banner-above-portions',
  description: 'A classified banner is above every portion, all of them marked: classification by compilation, or a portion marked too low.',
  codes: ['banner-above-portions'],
  formats: ['cable', 'document'],
  check: ({ doc }) => {
    if (!isBannerAbovePortions(doc) || !doc.banner?.marking) return [];
    const marked: Marking[] = [];
    for (const p of doc.portions) if (p.markingSource === 'marked' && p.marking) marked.push(p.marking);
    return [
      {
        severity: 'warning',
        code: 'banner-above-portions',
        message: `Banner ${JSON.stringify(doc.banner.raw)} (${formatBanner(doc.banner.marking)}) is above every portion, all of them marked (their roll-up is ${formatBanner(rollUp(marked))}): classified by compilation (32 CFR 2001.24(g)) or a portion marked too low; a release holds the unclassified portions for review.`,
        span: doc.banner.span,
      },
    ];
  },
};
