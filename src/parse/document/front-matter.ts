/**
 * A Markdown file's front matter: YAML between `---` lines (closed by `---` or `...`) or TOML
 * between `+++` lines, at the very top. Its values render as nothing or as a title page, and carry
 * no portion marks: each line is unmarked text (withheld in a classified document). A key that
 * names a classification (`classification:`, `security:`, `level:`, `marking:`, `banner:`,
 * `caveats:`) whose value is not UNCLASSIFIED contradicts an UNCLASSIFIED banner under it: the
 * memo may be classified, so its unmarked text (the front matter's title too) is withheld pending
 * review. Read as text under the body's `# UNCLASSIFIED`, `level: SECRET` left the title released.
 */
import type { ClassifiedSign } from '../../types.js';
import type { DocLine } from './lines.js';

const OPEN = /^(?:---|\+\+\+)$/;
/** Lines read for a front matter's end, at most: a longer one is no front matter. */
const MAX_LINES = 200;
/** A key naming a classification, and its value (YAML `key: value`, TOML `key = value`, a list item's `- key: value`). */
const CLASSIFICATION_KEY = /^(?:-[ \t]+)?["']?([\w-]*classif[\w-]*|security[\w-]*|[\w-]*level|markings?|banner|caveats?|dissem[\w-]*|releasab[\w-]*)["']?[ \t]*[:=][ \t]*(.*)$/i;
/** A value that says UNCLASSIFIED (perhaps with controls: `UNCLASSIFIED//FOUO`). */
const UNCLASSIFIED_VALUE = /^(?:U|UNCLAS(?:SIFIED)?)(?:[ \t]*\/\/.*)?$/i;

/** The lines of the front matter at the top of `lines`, its fences included, or null when there is none. */
export function frontMatterLines(lines: readonly DocLine[]): { readonly open: number; readonly close: number } | null {
  const open = lines.findIndex((l) => !l.blank);
  if (open !== 0 || !OPEN.test(lines[0]!.text)) return null;
  const fence = lines[0]!.text;
  for (let k = 1; k < Math.min(lines.length, MAX_LINES); k++) {
    const t = lines[k]!.text;
    if (t === fence || (fence === '---' && t === '...')) return k > 1 ? { open: 0, close: k } : null;
  }
  return null;
}

/** A sign (see ../classified-signs.ts) for each classification key of the front matter whose value is not UNCLASSIFIED (at most `max`). */
export function frontMatterSigns(lines: readonly DocLine[], max: number): ClassifiedSign[] {
  const fm = frontMatterLines(lines);
  if (!fm) return [];
  const signs: ClassifiedSign[] = [];
  for (let k = fm.open + 1; k < fm.close && signs.length < max; k++) {
    const l = lines[k]!;
    const m = CLASSIFICATION_KEY.exec(l.text);
    if (!m) continue;
    const value = m[2]!.replace(/^[\s"'[{(]+|[\s"'\]})]+$/g, '').trim();
    // A key with its value on the lines under it (`classification:` / `  level: SECRET`): those lines are read in turn.
    if (value === '' || UNCLASSIFIED_VALUE.test(value)) continue;
    signs.push({ what: `its front matter reads ${JSON.stringify(l.text.slice(0, 60))}`, span: { start: l.first, end: l.last } });
  }
  return signs;
}
