/**
 * A portion whose own mark is below a mark inside its text (`(U) The officer (S) said so.`): read
 * at the inner mark's level and withheld whole (fail closed: the marking does not show which of
 * its words the inner mark covers), and said so, by both readers: a warning, and the portion's
 * `raisedFrom` for its decision and the index (which said "portion-marked SECRET").
 */
import { compareLevels, LEVEL_BANNER } from '../markings/index.js';
import type { Diagnostic, Level, Marking, Portion, RaisedFrom } from '../types.js';
import { portionLabel } from './portion-label.js';

const LEVEL_WORDS: Readonly<Record<Level, string>> = LEVEL_BANNER;

/** What raised `own` to `raised` in level, when a mark inside (`inner`, as written) did; null when the level stayed. */
export function raisedFromOf(own: Marking, raised: Marking, inner: string): RaisedFrom | null {
  return compareLevels(raised.level, own.level) > 0 ? { level: own.level, by: inner } : null;
}

/** The warning for a portion raised in level by a mark inside it; null when it was not. */
export function raisedInsideDiagnostic(p: Portion): Diagnostic | null {
  if (!p.raisedFrom || !p.marking) return null;
  const own = p.markingSource === 'inherited' ? `takes the mark ${LEVEL_WORDS[p.raisedFrom.level]} of its paragraph` : `is marked ${p.mark?.raw ?? LEVEL_WORDS[p.raisedFrom.level]}`;
  return {
    severity: 'warning',
    code: 'mark-raised-inside',
    message: `${portionLabel(p)} ${own} but holds the mark ${p.raisedFrom.by} inside its text: the whole portion is read as ${LEVEL_WORDS[p.marking.level]}, as its marking does not show which of its words the inner mark covers; mark the inner text as a portion of its own.`,
    span: p.mark?.span ?? { start: p.span.start, end: Math.min(p.span.end, p.span.start + 1) },
  };
}
