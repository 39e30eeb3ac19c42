/**
 * Text no reader of the page sees (probe 67a, F2): drawn invisible (render mode 3 or 7), white or
 * transparent, under 1 pt, or clipped away. It is still read: decided as its portion is, withheld
 * with an unmarked piece of its own, or released, the release text showing words the page does
 * not, and nothing said (text under a drawn box had its `pdf-covered-text` warning; this had none).
 * One warning per page and cause, naming where (never the text): a reviewer looking at the page
 * would not see what is approved or withheld there.
 */
import { union, type Rect } from '../geometry.js';
import type { GlyphEvent, PageContent } from '../content/interpret.js';
import { MIN_SEEN_SIZE } from '../content/interpret.js';

/** Why `g` is not seen, or null when it is, is blank, or is covered (`pdf-covered-text` says that). */
function cause(g: GlyphEvent): string | null {
  if (!g.unseen || g.covered || (g.unicode ?? 'x').trim() === '') return null;
  const mode = g.renderMode;
  if (mode === 3 || mode === 7) return `drawn invisible, render mode ${mode}`;
  if (g.size < MIN_SEEN_SIZE) return `drawn under ${MIN_SEEN_SIZE} pt high`;
  if (g.clipped) return 'clipped away';
  return 'drawn white, transparent or in a layer switched off';
}

/** The warnings for `pages` (one a page and cause). */
export function unseenTextWarnings(pages: readonly PageContent[]): string[] {
  const out: string[] = [];
  pages.forEach((page, i) => {
    const found = new Map<string, { n: number; box: Rect }>();
    for (const g of page.glyphs) {
      const why = cause(g);
      if (why === null) continue;
      const f = found.get(why);
      if (f) {
        f.n++;
        f.box = union(f.box, g.full);
      } else found.set(why, { n: 1, box: g.full });
    }
    for (const [why, f] of found) {
      const at = f.box.map((v) => Math.round(v)).join(' ');
      out.push(`page ${i + 1}: ${f.n} glyph(s) of text at [${at}] are not visible on the page (${why}): they are read and decided as their portion is, so the release text may show, or the record withhold, words a reviewer of the page does not see; review them in the release text`);
    }
  });
  return out;
}
