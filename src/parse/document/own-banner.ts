/**
 * Parts of a document whose own banner lines say UNCLASSIFIED although the document is classified:
 * an enclosure page bannered UNCLASSIFIED at its top and bottom in a SECRET file, or the newest
 * message of an e-mail printout under `Classification: UNCLASSIFIED` above a quoted SECRET message.
 * Their unmarked text is not known to be unclassified (the lines may be wrong, the part may be
 * classified by compilation), so it is not released; but the part itself says UNCLASSIFIED, so
 * withholding it under B1 was a claim no reviewer could defend: it is held pending review.
 *
 * Only a part whose own lines are all plain `UNCLASSIFIED`, understood, at least two of them, and
 * with no portion in it marked above U or not understood (a contradiction: its lines are not
 * trusted, and its text stays the document's). Quoted messages marked so are decided by
 * ./messages.ts; this adds pages of several and the newest message of a printout.
 */
import type { Portion, Span } from '../../types.js';
import type { BannerHit } from './banners.js';
import type { LineRole } from './header.js';
import type { DocLine } from './lines.js';
import { holdsAboveU, isPlainUnclassified, printoutBottomBanner, separatorLines } from './messages.js';

/** How near the page's first and last non-blank lines its banners must be (a label such as `TAB A` or `Page 3 of 3` may stand beyond them). */
const EDGE_LINES = 3;

/** The spans of the parts of the text whose own banner lines all say plain UNCLASSIFIED (see above). */
export function unclassifiedOwnBannerSpans(
  lines: readonly DocLine[],
  roles: readonly LineRole[],
  banners: ReadonlyMap<number, BannerHit>,
  portions: readonly Portion[],
): Span[] {
  const out = [...unclassifiedPages(lines, banners), ...newestMessage(lines, roles, banners)];
  return out.filter((span) => !holdsAboveU(span, portions));
}

/**
 * Pages (of several) bannered plain UNCLASSIFIED at their top and bottom and nowhere higher. A page
 * ends at a form feed, or where a plain UNCLASSIFIED banner line follows another banner's (or the
 * reverse) with at most a few short lines between (a page's bottom banner, `Page 1 of 2`, the next
 * page's top one): without form
 * feeds an enclosure bannered UNCLASSIFIED took its SECRET cover's page, and its unmarked text was
 * withheld under B1. Either way that text is withheld: this only changes why.
 */
function unclassifiedPages(lines: readonly DocLine[], banners: ReadonlyMap<number, BannerHit>): Span[] {
  // Built in one pass each (a page of 150,000 banner lines took minutes when each page's lines and
  // banners were gathered afresh).
  const pageOf = readPages(lines, banners);
  const pages = new Map<number, DocLine[]>();
  const position = new Map<number, number>();
  for (const l of lines) {
    if (l.blank) continue;
    const page = pages.get(pageOf.get(l.index)!) ?? [];
    if (page.length === 0) pages.set(pageOf.get(l.index)!, page);
    position.set(l.index, page.length);
    page.push(l);
  }
  if (pages.size < 2) return [];
  const bannersOf = new Map<number, BannerHit[]>();
  for (const b of banners.values()) {
    for (const p of new Set(b.lines.map((i) => pageOf.get(i)!))) {
      const own = bannersOf.get(p) ?? [];
      if (own.length === 0) bannersOf.set(p, own);
      own.push(b);
    }
  }
  const out: Span[] = [];
  for (const [number, page] of pages) {
    const own = bannersOf.get(number) ?? [];
    if (own.length < 2 || !own.every(plainU)) continue;
    const at = (b: BannerHit): number => (pageOf.get(b.lines[0]!) === number ? (position.get(b.lines[0]!) ?? -1) : -1);
    const positions = own.map(at).sort((a, b) => a - b);
    if (positions[0]! >= EDGE_LINES || positions[positions.length - 1]! < page.length - EDGE_LINES) continue;
    out.push({ start: page[0]!.start, end: page[page.length - 1]!.end });
  }
  return out;
}

/** Lines, at most, between a page's bottom banner and the next page's top one (`Page 1 of 2`, `Enclosure 1`). */
const BETWEEN_LINES = 2;
/** How long such a line is, at most. */
const BETWEEN_WIDTH = 40;

/**
 * The page number of each non-blank line: a new page at each form feed, and at a banner line a
 * few short lines under another banner's when one says plain UNCLASSIFIED and the other does not
 * (those lines go with the new page: a label or a page number; held with it, they are withheld
 * either way). Two banners alike may be one short page's top and bottom: no break between them.
 */
function readPages(lines: readonly DocLine[], banners: ReadonlyMap<number, BannerHit>): Map<number, number> {
  const hitOf = new Map<number, BannerHit>();
  for (const b of banners.values()) if (!b.highestPossible) for (const i of b.lines) hitOf.set(i, b);
  const pageOf = new Map<number, number>();
  let page = 0;
  let previous: DocLine | null = null;
  let lastHit: BannerHit | undefined;
  let between: DocLine[] = [];
  for (const l of lines) {
    if (l.blank) continue;
    const hit = hitOf.get(l.index);
    if (previous && l.page !== previous.page) [page, lastHit, between] = [page + 1, undefined, []];
    else if (hit && lastHit && plainU(hit) !== plainU(lastHit) && between.length <= BETWEEN_LINES && between.every((b) => b.text.length <= BETWEEN_WIDTH)) {
      page++;
      for (const b of between) pageOf.set(b.index, page);
    }
    pageOf.set(l.index, page);
    if (hit) [lastHit, between] = [hit, []];
    else if (lastHit) between.push(l);
    previous = l;
  }
  return pageOf;
}

/**
 * The newest message of an e-mail printout (the text above its first separator) when the printout's
 * banner, at its top and repeated at its foot, is plain UNCLASSIFIED: that banner is the newest
 * message's own, whatever the quoted messages under it say.
 */
function newestMessage(lines: readonly DocLine[], roles: readonly LineRole[], banners: ReadonlyMap<number, BannerHit>): Span[] {
  const first = separatorLines(lines, roles)[0];
  const top = [...banners.keys()].sort((a, b) => a - b)[0];
  if (first === undefined || top === undefined || top >= first || printoutBottomBanner(lines, banners) < 0) return [];
  const above = [...banners.entries()].filter(([i]) => i < first).map(([, b]) => b);
  if (!above.every(plainU)) return [];
  return [{ start: lines[0]!.start, end: lines[first - 1]!.end }];
}

function plainU(b: BannerHit): boolean {
  return !b.highestPossible && b.marking !== null && isPlainUnclassified(b.marking);
}
