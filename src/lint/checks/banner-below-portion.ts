import { compareLevels, dominates, formatBanner, rollUp } from '../../markings/index.js';
import { pageIndex } from '../../source/page-index.js';
import type { Diagnostic, Marking, PageBanner } from '../../types.js';
import type { LintCheck } from '../types.js';

/**
 * Every banner line of a modern document against the roll-up of its portions (CAPCO §D.2): a
 * banner lower than a portion is an error (`banner-below-portions`), one that lacks controls the
 * portions carry a warning (`banner-missing-controls`). The first page's banners carry the whole
 * document's roll-up; a later page's may carry its own page's instead (32 CFR 2001.21(b)(2):
 * interior pages are marked with the highest level on the page or the overall one), so an
 * UNCLASSIFIED banner over a page of (U) portions is no error. A DYNAMIC PAGE banner states the
 * most a page could hold: a portion above it is an error too. Cables: `banner-roll-up`.
 */
export const bannerBelowPortion: LintCheck = {
  id: 'banner-below-portion',
  description: 'A banner line of a document is lower than a portion, or lacks controls the portions carry.',
  codes: ['banner-below-portions', 'banner-missing-controls'],
  formats: ['document'],
  check: ({ doc }) => {
    const marked: Marking[] = [];
    // The marked portions of each page (pages are separated by form feeds, as the readers take them).
    const byPage = new Map<number, Marking[]>();
    const pageAt = pageIndex(doc.source);
    for (const p of doc.portions) {
      if (p.markingSource !== 'marked' || !p.marking) continue;
      marked.push(p.marking);
      const page = pageAt(p.span.start);
      const onPage = byPage.get(page);
      if (onPage) onPage.push(p.marking);
      else byPage.set(page, [p.marking]);
    }
    if (marked.length === 0) return [];
    const overall = rollUp(marked);
    const out: Diagnostic[] = [];
    // A quoted message's own classification lines speak for that message, not for the printout.
    const quoted = doc.unclassifiedMessages ?? [];
    const inner = innerBanners(doc.pageBanners ?? []);
    for (const b of doc.pageBanners ?? []) {
      if (!b.marking || inner.has(b) || quoted.some((m) => m.start <= b.span.start && b.span.end <= m.end)) continue;
      const onPage = byPage.get(b.page);
      // A later page's banner may say its own page's highest level; an empty page's, nothing less than U.
      const expected = b.page === 1 || b.highestPossible ? overall : onPage ? rollUp(onPage) : null;
      if (!expected) continue;
      const what = b.highestPossible ? `The DYNAMIC PAGE banner (highest possible ${formatBanner(b.marking)})` : `Banner ${JSON.stringify(b.raw)} (${formatBanner(b.marking)})`;
      if (compareLevels(b.marking.level, expected.level) < 0) {
        out.push({ severity: 'error', code: 'banner-below-portions', message: `${what} on page ${b.page} is lower than the highest portion${expected === overall ? '' : ' on its page'}; the portions require ${formatBanner(expected)}.`, span: b.span });
      } else if (!b.highestPossible && !dominates(b.marking, expected)) {
        out.push({ severity: 'warning', code: 'banner-missing-controls', message: `${what} on page ${b.page} lacks controls the portions carry; expected ${formatBanner(expected)}.`, span: b.span });
      }
    }
    return out;
  },
};

/**
 * The banner lines set inside a page between its own, in a text of more than one page: lines
 * between the page's first and last banner lines when those two say the same. A speaker-notes page
 * shows its slide as a thumbnail, the slide's banners with it: the thumbnail's `UNCLASSIFIED` over
 * a page bannered SECRET//NOFORN was blamed as the page's banner, lower than its portions (probe
 * 66b, F6). The page's own banners are its edges; they are checked.
 */
function innerBanners(banners: readonly PageBanner[]): Set<PageBanner> {
  const out = new Set<PageBanner>();
  if (!banners.some((b) => b.page > 1)) return out;
  const pages = new Map<number, PageBanner[]>();
  for (const b of banners) pages.set(b.page, [...(pages.get(b.page) ?? []), b]);
  for (const on of pages.values()) {
    const first = on[0]!;
    const last = on[on.length - 1]!;
    if (on.length < 3 || !first.marking || !last.marking || formatBanner(first.marking) !== formatBanner(last.marking)) continue;
    for (const b of on.slice(1, -1)) out.add(b);
  }
  return out;
}
