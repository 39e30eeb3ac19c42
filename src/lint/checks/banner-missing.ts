import { pageIndex } from '../../source/page-index.js';
import type { Diagnostic } from '../../types.js';
import type { LintCheck } from '../types.js';

/**
 * A classified modern document carries its banner at the top and bottom of every page (32 CFR
 * 2001.21(b), 2001.24(j)): none at all, or none at the top of the first page or the bottom of the
 * last page, is an error; a missing one on another page a warning. Cables: `banner-roll-up` and
 * the parser's `no-banner`.
 */
export const bannerMissing: LintCheck = {
  id: 'banner-missing',
  description: 'A classified document has no banner, or none at the top or the bottom of a page.',
  codes: ['no-banner', 'banner-missing-top', 'banner-missing-bottom'],
  formats: ['document'],
  check: ({ doc, classified, bannerSpan }) => {
    if (!classified) return [];
    const banners = doc.pageBanners ?? [];
    if (banners.length === 0) {
      return [{ severity: 'error', code: 'no-banner', message: 'Classified document without a banner; expected one (e.g. SECRET//NOFORN) at the top and bottom of every page.', span: bannerSpan }];
    }
    // Pages that hold a portion.
    const pageAt = pageIndex(doc.source);
    const pages = [...new Set(doc.portions.map((p) => pageAt(p.span.start)))].sort((a, b) => a - b);
    if (pages.length === 0) return [];
    const first = pages[0]!;
    const last = pages[pages.length - 1]!;
    const out: Diagnostic[] = [];
    for (const page of pages) {
      const on = banners.filter((b) => b.page === page);
      for (const where of ['top', 'bottom'] as const) {
        if (on.some((b) => b.position === where)) continue;
        const end = (where === 'top' && page === first) || (where === 'bottom' && page === last);
        out.push({
          severity: end ? 'error' : 'warning',
          code: `banner-missing-${where}`,
          message: `No banner at the ${where} of page ${page}; expected the document's classification there.`,
          span: bannerSpan,
        });
      }
    }
    return out;
  },
};
