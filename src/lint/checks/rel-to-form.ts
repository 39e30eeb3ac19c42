import { relToFormProblems } from '../../markings/index.js';
import { isKnownRelToCode } from '../../markings/countries.js';
import { portionLabel } from '../../parse/portion-label.js';
import type { Diagnostic, Marking, Span } from '../../types.js';
import type { LintCheck } from '../types.js';

/**
 * A REL TO list written otherwise than CAPCO spells it (§H.8): USA first, then trigraphs
 * alphabetically, then tetragraphs, comma-separated (`REL TO FVEY`, `REL TO USA GBR AUS CAN NZL`,
 * `REL TO USA, NZL, GBR`). The grammar reads the same countries either way and says so only in
 * the marking's notes: lint was silent. Warnings: no release decision depends on the form, only
 * on the countries. Every banner (a document's banner lines) and portion mark. A code that is
 * neither an ISO 3166-1 trigraph nor a known tetragraph (`REL TO USA, XYZ`, `ROK` for `KOR`) is
 * warned of too (probe 61c F12): the grammar kept it with a note only, and no partner matches it.
 */
export const relToForm: LintCheck = {
  id: 'rel-to-form',
  description: 'A REL TO list that does not name USA first, is out of CAPCO order (USA, trigraphs, tetragraphs), is not comma-separated or names a code that is no ISO 3166-1 trigraph nor known tetragraph (warning).',
  codes: ['rel-to-usa-first', 'rel-to-order', 'rel-to-separators', 'rel-to-unknown-code'],
  formats: ['cable', 'document'],
  check: ({ doc }) => {
    const out: Diagnostic[] = [];
    const look = (m: Marking | null | undefined, span: Span, where: string): void => {
      if (!m) return;
      const expected = `REL TO ${m.relTo.join(', ')}`;
      for (const p of relToFormProblems(m)) {
        out.push({ severity: 'warning', code: p.code, message: `${where} ${JSON.stringify(m.raw)}: ${p.problem}; expected "${expected}" (USA first, then trigraphs, then tetragraphs, each alphabetically, comma-separated).`, span });
      }
      for (const code of m.relTo.filter((c) => !isKnownRelToCode(c))) {
        out.push({ severity: 'warning', code: 'rel-to-unknown-code', message: `${where} ${JSON.stringify(m.raw)}: the REL TO list names "${code}", which is neither an ISO 3166-1 alpha-3 country code nor a known tetragraph (FVEY, ACGU, TEYE, NATO, …); expected a code such as GBR, KOR or FVEY.`, span });
      }
    };
    if (doc.pageBanners && doc.pageBanners.length > 0) for (const b of doc.pageBanners) look(b.marking, b.span, `Banner on page ${b.page}`);
    else if (doc.banner) look(doc.banner.marking, doc.banner.span, 'The banner');
    for (const p of doc.portions) if (p.markingSource === 'marked' && p.mark) look(p.marking, p.mark.span, `${portionLabel(p)} has the mark`);
    return out;
  },
};
