import type { LintCheck } from '../types.js';
import { portionLabel } from '../../parse/portion-label.js';

/**
 * Every portion of a modern document needs a mark (32 CFR 2001.21(c)): an unmarked paragraph,
 * bullet or row in a classified document is an error (it is withheld until someone marks it); an
 * unmarked title, heading, subject or header line a warning. In an unclassified document nothing
 * is reported (CAPCO §C.1: a wholly unclassified document needs no portion marks), nor an unmarked
 * signature block (marked only when classified, 32 CFR 2001.21(c)). Cables: the
 * parser reports their unmarked portions (`parser-diagnostics`).
 */
export const unmarkedPortion: LintCheck = {
  id: 'unmarked-portion',
  description: 'A portion of a classified document has no portion mark.',
  codes: ['unmarked-portion', 'unmarked-heading', 'unmarked-header'],
  formats: ['document'],
  check: ({ doc, classified }) => {
    if (!classified) return [];
    return doc.portions
      // Nor the text of a quoted message marked UNCLASSIFIED by its own lines.
      .filter((p) => p.markingSource === 'unmarked' && p.kind !== 'signature' && !p.inUnclassifiedMessage)
      .map((p) => {
        const titleLike = p.kind === 'title' || p.kind === 'heading' || p.kind === 'subject';
        const code = p.kind === 'header' ? 'unmarked-header' : titleLike ? 'unmarked-heading' : 'unmarked-portion';
        return {
          severity: code === 'unmarked-portion' ? ('error' as const) : ('warning' as const),
          code,
          message: p.listItemUnderMark
            ? `${portionLabel(p)} is an unmarked list item set right under a marked paragraph: each list item is a portion and carries its own mark (the lead-in's does not cover the list); expected a mark such as (U) or (S//SI) before it.`
            : `${portionLabel(p)} has no portion mark; expected a mark such as (U) or (S//SI) before it.`,
          span: { start: p.span.start, end: Math.min(p.span.end, p.span.start + 1) },
        };
      });
  },
};
