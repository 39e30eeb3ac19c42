import { requiresReasons } from '../../engine/authority.js';
import type { LintCheck } from '../types.js';

/** A classified document states why it is classified (`Classified By: … REASONS: 1.4 (B)`). */
export const classificationReasons: LintCheck = {
  id: 'classification-reasons',
  description: 'A classified document has a Classified By line with reasons; an error from E.O. 12958 (1995) on, which made the reason part of every classification, a warning before it.',
  codes: ['no-classification-reasons'],
  formats: ['cable'],
  check: ({ doc, classified, bannerSpan }) => {
    if (!classified || (doc.classifiedBy && doc.classifiedBy.reasons.length > 0)) return [];
    // Older cables (E.O. 12356, 11652, "ENTIRE TEXT" era) often carry no reason.
    const modern = requiresReasons(doc);
    return [
      {
        severity: modern ? 'error' : 'warning',
        code: 'no-classification-reasons',
        message: doc.classifiedBy
          ? `"Classified By" line gives no reasons; expected e.g. "REASON: 1.4 (B) AND (D)".`
          : `Classified document without a "Classified By" line and reasons; expected e.g. "Classified By: … REASONS: 1.4 (B) AND (D)".`,
        span: doc.classifiedBy?.span ?? doc.eo?.span ?? bannerSpan,
      },
    ];
  },
};
