/**
 * Where each withholding of a document ended up in what is handed out: the page of the release
 * PDF and the line of the release text, recorded in the audit record (`placement`) so that the
 * Vaughn index can say where text was removed without reading the original. Pure.
 */
import type { Plan } from '../types.js';
import type { Placement } from './folder.js';

const PLACEHOLDER = /\[(?:WITHHELD|REDACTED): ?[^\]\n]*\]/g;

/**
 * The placement of every withheld portion and redacted span, in document order (the order of
 * their placeholders in the release text and of their boxes in the PDF).
 *
 * @param releaseText The release text as written.
 * @param pdf The release PDF's page count and the page of each box in order, or null when no PDF was made.
 * @param denied True when the release is the one page of a document denied in full: every
 *   withholding is on that page, on the line of the `[DENIED IN FULL: …]` marker.
 */
export function placementOf(plan: Pick<Plan, 'decisions' | 'redactions'>, releaseText: string, pdf: { pages: number; regionPages: readonly number[] } | null, denied: boolean): Placement {
  const regions = [
    ...plan.decisions.filter((d) => d.action === 'withhold').map((d) => ({ id: d.portionId, start: d.span.start })),
    ...plan.redactions.map((r) => ({ id: r.portionId, start: r.span.start })),
  ].sort((a, b) => a.start - b.start);
  const lines = denied ? [] : linesAt(releaseText, [...releaseText.matchAll(PLACEHOLDER)].map((m) => m.index));
  const markerLine = denied ? lineAt(releaseText, Math.max(0, releaseText.indexOf('[DENIED IN FULL:'))) : null;
  return {
    pages: pdf ? pdf.pages : null,
    regions: regions.map((r, i) => ({
      id: r.id,
      page: pdf ? (denied ? 1 : (pdf.regionPages[i] ?? null)) : null,
      line: denied ? markerLine : (lines[i] ?? null),
    })),
  };
}

/** The 1-based line of an offset. */
function lineAt(text: string, offset: number): number {
  return linesAt(text, [offset])[0]!;
}

/**
 * The 1-based line of each of `offsets` (ascending), in one pass over the text: a document of
 * 10,000 withheld portions took seconds when each placeholder's line was counted from the start
 * (probe 63a F8).
 */
function linesAt(text: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let line = 1;
  let i = text.indexOf('\n');
  for (const offset of offsets) {
    for (; i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    out.push(line);
  }
  return out;
}
