/**
 * Marks the reader saw but could not tie to a portion of their own (probe 69a F1, F2): a mark ending
 * a line whose text may start on a line above (`ZQ01 … one.` / `ZQ02 … (S//NF)`: group.ts
 * applyTrailing's `strayTrailing`), or a mark inside unmarked text. Such a mark is never dropped:
 * dropped, the two lines were released under an UNCLASSIFIED banner as unmarked unclassified
 * text, `(S//NF)` and all, and a (U) there left the lines B1 in a SECRET memo.
 */
import { abovePlainU } from '../../markings/index.js';
import type { ClassifiedSign, Diagnostic, Level } from '../../types.js';
import { MAX_SIGNS } from '../classified-signs.js';
import type { Draft } from './group.js';
import type { DocLine } from './lines.js';
import type { MarkHit } from './marks.js';

/**
 * True when the stray mark ending `d` holds its text for review: any mark above plain (U) or not
 * understood, and a (U) in a document not bannered UNCLASSIFIED (where its text would otherwise be
 * unmarked text of a classified document). A (U) in an UNCLASSIFIED document says what its text is.
 */
export function strayHolds(d: Draft, docLevel: Level | null): boolean {
  const t = d.strayTrailing;
  return t !== null && d.lead === null && (docLevel !== 'U' || !plainU(t));
}

function plainU(m: MarkHit): boolean {
  return m.status === 'marked' && m.marking !== null && !abovePlainU(m.marking);
}

/**
 * The indices of the drafts a held stray mark may mark beside its own: the unmarked drafts right
 * above it in the same block (no blank line, page break or furniture between), which is where the
 * reader split the text the mark ends.
 */
export function heldAboveStrays(lines: readonly DocLine[], drafts: readonly Draft[], docLevel: Level | null): Set<number> {
  const held = new Set<number>();
  for (let k = 0; k < drafts.length; k++) {
    if (!strayHolds(drafts[k]!, docLevel)) continue;
    for (let j = k - 1; j >= 0 && adjoins(lines, drafts[j]!, drafts[j + 1]!); j--) {
      const d = drafts[j]!;
      if (d.lead || d.structure === 'header' || d.structure === 'subject') break;
      held.add(j);
    }
  }
  return held;
}

function adjoins(lines: readonly DocLine[], above: Draft, below: Draft): boolean {
  const last = above.pieces[above.pieces.length - 1]!;
  const first = below.pieces[0]!;
  return !first.breakBefore && first.line === last.line + 1 && lines[first.line]!.page === lines[last.line]!.page;
}

/**
 * Signs that a document bannered UNCLASSIFIED may be classified (see classified-signs.ts): a mark
 * above U that no portion opens with, at a line's end or inside unmarked text.
 */
export function placelessMarkSigns(drafts: readonly Draft[]): ClassifiedSign[] {
  const signs: ClassifiedSign[] = [];
  for (const d of drafts) {
    if (d.lead) continue;
    for (const m of d.strayTrailing ? [d.strayTrailing, ...d.raises] : d.raises) {
      if (signs.length >= MAX_SIGNS) return signs;
      if (!m.marking || m.marking.level === 'U') continue;
      signs.push({ what: `the text holds the mark ${JSON.stringify(m.raw)} where no portion opens with it`, span: { start: m.start, end: m.end } });
    }
  }
  return signs;
}

/** The warning on a stray mark ending a line: what became of the lines it may mark. */
export function strayDiagnostic(t: MarkHit, held: boolean): Diagnostic {
  const what = held
    ? 'which lines it marks is not known, so this line and the unmarked lines right above it are held for review; put the mark at the start of the paragraph it marks'
    : 'the portion was read as unmarked';
  return {
    severity: 'warning',
    code: 'trailing-mark-unplaced',
    message: `The mark ${t.raw} ends a line but the text before it may belong to another paragraph: ${what}.`,
    span: { start: t.start, end: t.end },
  };
}
