import { bannerExcess, describeExcess } from '../../rules/conditions/banner-beyond.js';
import type { LintCheck } from '../types.js';

/**
 * A banner carrying a control, SCI system or REL TO restriction that no portion carries, all of
 * them marked (`SECRET//NOFORN` over `(U)` and `(S//REL TO USA, FVEY)` paragraphs; see
 * rules/conditions/banner-beyond.ts bannerExcess): information not portion marked, a compilation
 * (32 CFR 2001.24(g)) or a portion marked too permissively. Released portion by portion, the
 * document would go out under a banner without it: nato, fvey and us-secret hold it for review.
 */
export const bannerControlsBeyondPortions: LintCheck = {
  id: 'banner-controls-beyond-portions',
  description: 'The banner carries a control, SCI system or REL TO restriction that no portion carries, all of them marked: a compilation, or a portion marked too permissively.',
  codes: ['banner-controls-beyond-portions'],
  formats: ['cable', 'document'],
  check: ({ doc }) => {
    const excess = bannerExcess(doc);
    if (excess === null || !doc.banner) return [];
    return [
      {
        severity: 'warning',
        code: 'banner-controls-beyond-portions',
        message: `Banner ${JSON.stringify(doc.banner.raw)} carries what no portion does, all of them marked: ${describeExcess(excess)}. Information in a compilation (32 CFR 2001.24(g)) or in a portion marked too permissively; the partner and cleared-reader profiles hold the document for review.`,
        span: doc.banner.span,
      },
    ];
  },
};
