import { relToFormProblems } from '../../markings/index.js';
import { portionLabel } from '../../parse/portion-label.js';
import type { Diagnostic, Marking, Span } from '../../types.js';
import type { LintCheck } from '../types.js';

/**
 * A REL TO list written otherwise than CAPCO spells it (§H.8): USA first, then trigraphs
 * alphabetically, then tetragraphs, comma-separated (`REL TO FVEY`, `REL TO USA GBR AUS CAN NZL`,
 * `REL TO USA, NZL, GBR`). The grammar reads the same countries either way and says so only in
 * the marking's notes: lint was silent. Warnings: no release decision depends on the form, only
 * on the countries. Every banner (a document's banner lines) and portion mark.
 */
export const relToForm: LintCheck = {
  id: 'rel-to-form',
  description: 'A REL TO list that does not name USA first, is out of CAPCO order (USA, trigraphs, tetragraphs) or is not comma-separated (warning).',
  codes: ['rel-to-usa-first', 'rel-to-order', 'rel-to-separators'],
  formats: ['cable', 'document'],
  check: ({ doc }) => {
    const out: Diagnostic[] = [];
    const look = (m: Marking | null | undefined, span: Span, where: string): void => {
      if (!m) return;
      const expected = `REL TO ${m.relTo.join(', ')}`;
      for (const p of relToFormProblems(m)) {
        out.push({ severity: 'warning', code: p.code, message: `${where} ${JSON.stringify(m.raw)}: ${p.problem}; expected "${expected}" (USA first, then trigraphs, then tetragraphs, each alphabetically, comma-separated).`, span });
      }
    };
    if (doc.pageBanners && doc.pageBanners.length > 0) for (const b of doc.pageBanners) look(b.marking, b.span, `Banner on page ${b.page}`);
    else if (doc.banner) look(doc.banner.marking, doc.banner.span, 'The banner');
    for (const p of doc.portions) if (p.markingSource === 'marked' && p.mark) look(p.marking, p.mark.span, `${portionLabel(p)} has the mark`);
    return out;
  },
};
