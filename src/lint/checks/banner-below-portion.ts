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
 * most a page could hold: a portion above it is an error too. A quoted message's own classification
 * line (an e-mail printout's) is held to its message's portions, and named as such. Cables:
 * `banner-roll-up`.
 */
export const bannerBelowPortion: LintCheck = {
  id: 'banner-below-portion',
  description: 'A banner line of a document is lower than a portion, or lacks controls the portions carry.',
  codes: ['banner-below-portions', 'banner-missing-controls'],
  formats: ['document'],
  check: ({ doc }) => {
    const marked = doc.portions.filter((p) => p.markingSource === 'marked' && p.marking !== null);
    if (marked.length === 0) return [];
    const overall = rollUp(marked.map((p) => p.marking!));
    // The marked portions of each page (pages are separated by form feeds, as the readers take them).
    const pageAt = pageIndex(doc.source);
    const byPage = new Map<number, Marking[]>();
    for (const p of marked) {
      const page = pageAt(p.span.start);
      const onPage = byPage.get(page);
      if (onPage) onPage.push(p.marking!);
      else byPage.set(page, [p.marking!]);
    }
    const out: Diagnostic[] = [];
    const inner = innerBanners(doc.pageBanners ?? []);
    for (const b of doc.pageBanners ?? []) {
      if (!b.marking || inner.has(b)) continue;
      // A quoted message's own classification lines speak for that message, not for the printout.
      const message = (doc.quotedMessages ?? []).find((m) => m.start <= b.span.start && b.span.end <= m.end);
      const inMessage = message ? marked.filter((p) => message.start <= p.span.start && p.span.end <= message.end).map((p) => p.marking!) : [];
      const onPage = byPage.get(b.page);
      // A later page's banner may say its own page's highest level; an empty page's, nothing less than U.
      const expected = message ? (inMessage.length > 0 ? rollUp(inMessage) : null) : b.page === 1 || b.highestPossible ? overall : onPage ? rollUp(onPage) : null;
      if (!expected) continue;
      const what = message ? `The quoted message's classification line ${JSON.stringify(b.raw)} (${formatBanner(b.marking)})` : b.highestPossible ? `The DYNAMIC PAGE banner (highest possible ${formatBanner(b.marking)})` : `Banner ${JSON.stringify(b.raw)} (${formatBanner(b.marking)})`;
      const where = message ? 'in its message' : `on page ${b.page}`;
      const scope = message ? ' of its message' : expected === overall ? '' : ' on its page';
      if (compareLevels(b.marking.level, expected.level) < 0) {
        out.push({ severity: 'error', code: 'banner-below-portions', message: `${what} ${where} is lower than the highest portion${scope}; the portions require ${formatBanner(expected)}.`, span: b.span });
      } else if (!b.highestPossible && !dominates(b.marking, expected)) {
        out.push({ severity: 'warning', code: 'banner-missing-controls', message: `${what} ${where} lacks controls the portions${scope} carry; expected ${formatBanner(expected)}.`, span: b.span });
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
  for (const b of banners) {
    const on = pages.get(b.page);
    if (on) on.push(b);
    else pages.set(b.page, [b]);
  }
  for (const on of pages.values()) {
    const first = on[0]!;
    const last = on[on.length - 1]!;
    if (on.length < 3 || !first.marking || !last.marking || formatBanner(first.marking) !== formatBanner(last.marking)) continue;
    for (const b of on.slice(1, -1)) out.add(b);
  }
  return out;
}
