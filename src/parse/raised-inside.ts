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

/**
 * The warning for a portion holding a mark of a lower level inside its text (`(S//NF) Left box
 * (U) Right box`: two slide text boxes on one baseline, read as one line): the portion is decided
 * at its own mark's level, its (U) words withheld with it, and that was silent, where the mirror
 * case warns (mark-raised-inside; probe 66b, F3). Null when no inner mark is lower.
 */
export function loweredInsideDiagnostic(p: Portion, inner: readonly { readonly raw: string; readonly marking: Marking | null; readonly lookalike?: boolean }[]): Diagnostic | null {
  if (!p.marking || p.markingSource !== 'marked') return null;
  const lower = inner.find((m) => !m.lookalike && m.marking && compareLevels(m.marking.level, p.marking!.level) < 0);
  if (!lower) return null;
  return {
    severity: 'warning',
    code: 'mark-lowered-inside',
    message: `${portionLabel(p)} is marked ${p.mark?.raw ?? LEVEL_WORDS[p.marking.level]} but holds the lower mark ${lower.raw} inside its text: the whole portion is read as ${LEVEL_WORDS[p.marking.level]}, the text after ${lower.raw} withheld with it, as the text was read as one portion; mark it as a portion of its own (set apart: its own paragraph or cell).`,
    span: p.mark?.span ?? { start: p.span.start, end: Math.min(p.span.end, p.span.start + 1) },
  };
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
