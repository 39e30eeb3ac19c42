/**
 * Page numbers: `Page 2 of 5`, `PAGE 2`, `- 2 -`, `2 of 5`, a browser's `2/5`, or a bare `2`, and a
 * browser's print stamp (`12/5/26, 12:15 PM`), alone on a line at the
 * top or the bottom of a page (only banners and blank lines between it and the page's edge). They
 * are boilerplate kept as written and, like a banner, a page gap a paragraph continues across:
 * read as an unmarked paragraph, a page number was withheld under B1 in a classified document and
 * cut the paragraph that runs on to the next page off its mark.
 *
 * A bare number is taken only in a text of more than one page and only when it is that page's
 * number or one less (a cover page left unnumbered), or one of a run of slide numbers (see
 * runningNumbers): anywhere else, or of another value, a number
 * alone stays text (a table's figure, a list's count), to be decided as such. No form is taken
 * right next to a line of text (no blank line between): it may be that paragraph's last or first
 * line (`(S) The sources number` / `2`), kept as written it would be released whatever its mark.
 */
import type { LineRole } from './header.js';
import type { DocLine } from './lines.js';

/** A page number in words or dashes (any value). */
const WORDED = /^(?:(?:page|pg\.?)\s+\d{1,4}(?:\s+of\s+\d{1,4})?|-\s*\d{1,4}\s*-|\d{1,4}\s+of\s+\d{1,4})$/i;
const BARE = /^\d{1,4}$/;
/** A browser's page count (`1/2`): taken only when it counts this page (a fraction or a date otherwise). */
const SLASHED = /^(\d{1,4})\s*\/\s*(\d{1,4})$/;
/**
 * A browser's print stamp at a page's top (`12/5/26, 12:15 PM`, as Chromium prints it): a date and
 * a time, nothing else.
 */
const PRINT_STAMP = /^\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?$/i;

/** Lines that hold text: a page number is never right next to one. */
const TEXT_ROLES: ReadonlySet<LineRole> = new Set(['content', 'header', 'subject']);

/** Lines between a page number and the page's edge. */
const EDGE: ReadonlySet<LineRole> = new Set(['blank', 'banner', 'furniture']);

/** Indices of the page-number lines (role `content` so far) of `lines`, in order (pages in order, top before bottom). */
export function folioLines(lines: readonly DocLine[], roles: readonly LineRole[]): number[] {
  const pages = lines.length > 0 ? lines[lines.length - 1]!.page : 0;
  const out: number[] = [];
  // Bare numbers at a page's top or bottom of another value than the page's (see runningNumbers).
  const loose: number[] = [];
  // A line of text right above or below it: the number may end or start that paragraph (`… the
  // sources numbered` / `2`), so it is text, decided with it.
  const glued = (k: number, page: number) => k >= 0 && k < lines.length && lines[k]!.page === page && TEXT_ROLES.has(roles[k]!);
  // `at`: the pages the line may number (by form feeds, its own; between banners, see bannerPages).
  const take = (i: number, at?: readonly number[]) => {
    const line = lines[i]!;
    if (roles[i] !== 'content' || out.includes(i) || glued(i - 1, line.page) || glued(i + 1, line.page)) return;
    const slashed = SLASHED.exec(line.text);
    const ok =
      WORDED.test(line.text) ||
      PRINT_STAMP.test(line.text) ||
      (slashed !== null && (at ?? [line.page]).some((p) => Number(slashed[1]) === p && Number(slashed[2]) >= p)) ||
      ((pages > 1 || at !== undefined) && BARE.test(line.text) && (at ?? [line.page, line.page - 1]).includes(Number(line.text)));
    if (ok) out.push(i);
    else if (at === undefined && pages > 1 && BARE.test(line.text)) loose.push(i);
  };
  // Between two pages joined without a form feed: only banners and blank lines between it and a
  // banner above and below (`SECRET` / `Page 1 of 2` / `SECRET`), as between a page's bottom
  // banner and the next page's top one (probe 66c F5: withheld under B1 as an unmarked paragraph).
  let above = 0;
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] === 'banner') above++;
    else if (betweenBanners(lines, roles, i)) take(i, bannerPages(above));
  }
  const spots: { top: number[]; bottom: number[] } = { top: [], bottom: [] };
  for (let i = 0; i < lines.length; ) {
    const page = lines[i]!.page;
    let end = i;
    while (end < lines.length && lines[end]!.page === page) end++;
    // The first and the last line of the page that is not blank, a banner or furniture.
    let top = i;
    while (top < end && EDGE.has(roles[top]!)) top++;
    let bottom = end - 1;
    while (bottom >= top && EDGE.has(roles[bottom]!)) bottom--;
    if (top < end) take(top);
    if (bottom > top) take(bottom);
    if (top < end) spots.top.push(top);
    if (bottom > top) spots.bottom.push(bottom);
    i = end;
  }
  for (const at of [spots.top, spots.bottom]) out.push(...runningNumbers(lines, at.filter((k) => BARE.test(lines[k]!.text) && (out.includes(k) || loose.includes(k))), loose, pages));
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * The bare numbers of `loose` among `numbers` (bare numbers alone at the same spot, the top or the
 * bottom, of their pages, in page order) when those stand on at least three pages and on half the
 * pages or more, rise from page to page and are never below their page's own number less one: a deck's
 * slide numbers where slides were left out (an excerpt, an unnumbered title slide: `1`, `3`, `5`
 * on pages 1 to 3). Taken by its value alone, page 3's `5` was withheld under B1 as an unmarked
 * portion (probe 66b, F5). A table's figure alone at a page's foot on one page stays text.
 */
function runningNumbers(lines: readonly DocLine[], numbers: readonly number[], loose: readonly number[], pages: number): number[] {
  if (numbers.length < 3 || 2 * numbers.length < pages) return [];
  for (let k = 0; k < numbers.length; k++) {
    const v = Number(lines[numbers[k]!]!.text);
    if (v < lines[numbers[k]!]!.page - 1 || (k > 0 && v <= Number(lines[numbers[k - 1]!]!.text))) return [];
  }
  return numbers.filter((k) => loose.includes(k));
}

/**
 * True when line `i` has a banner above it and, below it, a banner or the page's end, with only
 * blank lines (or banners) between.
 */
function betweenBanners(lines: readonly DocLine[], roles: readonly LineRole[], i: number): boolean {
  const reaches = (step: 1 | -1) => {
    let k = i + step;
    for (; k >= 0 && k < lines.length && lines[k]!.page === lines[i]!.page; k += step) {
      if (roles[k] === 'banner') return true;
      if (roles[k] !== 'blank') return false;
    }
    return step === 1;
  };
  return roles[i] === 'content' && reaches(-1) && reaches(1);
}

/**
 * The pages a number between banners may number, counting pages by banners (a top and a bottom one
 * each; `above` banner lines before it): after page n's bottom banner, n or n + 1 (numbered at
 * the bottom or the top). A bare number of any other value (a table's figure) stays text.
 */
function bannerPages(above: number): readonly number[] {
  const n = Math.ceil(above / 2);
  return [n, n + 1];
}
