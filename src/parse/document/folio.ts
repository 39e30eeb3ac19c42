/**
 * Page numbers: `Page 2 of 5`, `PAGE 2`, `- 2 -`, `2 of 5`, a browser's `2/5`, or a bare `2`, and a
 * browser's print stamp (`12/5/26, 12:15 PM`), alone on a line at the
 * top or the bottom of a page (only banners and blank lines between it and the page's edge). They
 * are boilerplate kept as written and, like a banner, a page gap a paragraph continues across:
 * read as an unmarked paragraph, a page number was withheld under B1 in a classified document and
 * cut the paragraph that runs on to the next page off its mark.
 *
 * A bare number is taken only in a text of more than one page and only when it is that page's
 * number or one less (a cover page left unnumbered): anywhere else, or of another value, a number
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
  // A line of text right above or below it: the number may end or start that paragraph (`… the
  // sources numbered` / `2`), so it is text, decided with it.
  const glued = (k: number, page: number) => k >= 0 && k < lines.length && lines[k]!.page === page && TEXT_ROLES.has(roles[k]!);
  const take = (i: number) => {
    const line = lines[i]!;
    if (roles[i] !== 'content' || out.includes(i) || glued(i - 1, line.page) || glued(i + 1, line.page)) return;
    const slashed = SLASHED.exec(line.text);
    const ok =
      WORDED.test(line.text) ||
      PRINT_STAMP.test(line.text) ||
      (slashed !== null && Number(slashed[1]) === line.page && Number(slashed[2]) >= line.page) ||
      (pages > 1 && BARE.test(line.text) && [line.page, line.page - 1].includes(Number(line.text)));
    if (ok) out.push(i);
  };
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
    i = end;
  }
  return out;
}
