/**
 * The parser's diagnostics: each portion's marking (unknown, normalised, double, missing) and the
 * document's (not a cable, no banner, no E.O. line, no date of origin, no portions). Messages name portions, never
 * their text: diagnostics go into audit records.
 */
import { compareLevels, normalisedNote } from '../markings/index.js';
import type { Banner, Diagnostic, Level, Portion } from '../types.js';
import type { DraftPortion } from './body.js';
import type { HeaderResult } from './header/index.js';
import type { LookalikeMark } from './lookalike.js';
import type { MarkRead } from './marks.js';
import { originatedOf } from './reference.js';
import { EXTRACT_NOTICE } from './patterns.js';
import { portionLabel } from './portion-label.js';
import { raisedInsideDiagnostic } from './raised-inside.js';

/** The highest level among the portions' markings, or null when none has one. */
export function maxPortionLevel(portions: readonly Portion[]): Level | null {
  let level: Level | null = null;
  for (const p of portions) {
    if (p.marking && (level === null || compareLevels(p.marking.level, level) > 0)) level = p.marking.level;
  }
  return level;
}

/** Diagnostics of one portion's marking, added to `diagnostics`; `lookalike`: the look-alike mark inside it that made it a mark not understood. */
export function portionDiagnostics(
  p: Portion,
  d: DraftPortion | null,
  classified: boolean,
  diagnostics: Diagnostic[],
  lookalike: LookalikeMark | null = null,
): void {
  const mark: MarkRead | null = d?.mark ?? null;
  const where = p.mark?.span ?? { start: p.span.start, end: Math.min(p.span.end, p.span.start + 1) };
  if (lookalike) {
    diagnostics.push({ severity: 'error', code: 'unknown-marking', message: `${lookalike.message} The portion is withheld pending review.`, span: { start: lookalike.start, end: lookalike.end } });
    return;
  }
  if (p.markingSource === 'unknown' && p.mark) {
    diagnostics.push({
      severity: 'error',
      code: 'unknown-marking',
      message: mark?.message ?? `The mark ${JSON.stringify(p.mark.raw)} was not understood; expected a mark such as (C) or (S//NF).`,
      span: p.mark.span,
    });
    return;
  }
  if (p.markingSource === 'marked' && p.marking) {
    if (mark?.double) {
      diagnostics.push({ severity: 'info', code: 'double-mark', message: `${portionLabel(p)}: ${mark.message ?? 'two marks in a row'}`, span: where });
    }
    if (p.marking.normalisations.length > 0) {
      diagnostics.push({
        ...normalisedNote(p.marking.normalisations),
        message: `The mark ${JSON.stringify(p.mark?.raw ?? '')} was read as ${p.marking.level}${p.marking.controls.length ? `//${p.marking.controls.join('/')}` : ''}: ${p.marking.normalisations.join('; ')}.`,
        span: where,
      });
    }
  }
  const raised = raisedInsideDiagnostic(p);
  if (raised) diagnostics.push(raised);
  if (p.markingSource !== 'unmarked' || p.kind === 'signature') return;
  // Titles (the subject line, headings) are often unmarked in cables of this era: a warning, so
  // the reviewer decides; unmarked paragraphs in a classified cable are errors.
  const heading = d?.heading ?? false;
  const title = heading || p.kind === 'subject';
  // The message names the portion, never its text: diagnostics go into audit records, and an
  // unmarked portion is withheld by default.
  const label = p.kind === 'subject' ? 'The subject line' : heading ? 'This heading' : portionLabel(p);
  diagnostics.push({
    severity: title ? (classified ? 'warning' : 'info') : classified ? 'error' : 'info',
    code: p.kind === 'subject' ? 'unmarked-subject' : heading ? 'unmarked-heading' : 'unmarked-portion',
    message: `${label} has no portion mark; expected a mark such as (U) or (C) before it.`,
    span: where,
  });
}

/** Diagnostics of the document as a whole. */
export function documentDiagnostics(source: string, h: HeaderResult, banner: Banner | null, portions: readonly Portion[], classified: boolean): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const structured = h.structured || banner !== null;
  if (!structured) {
    diagnostics.push({
      severity: 'warning',
      code: 'not-a-cable',
      message: 'No routing header, banner or header fields were found; the text was read as unmarked portions.',
      span: { start: 0, end: Math.min(source.length, 1) },
    });
  } else {
    if (!banner) {
      diagnostics.push({
        severity: 'warning',
        code: 'no-banner',
        message: 'No banner line (classification words such as C O N F I D E N T I A L) was found; expected one under the routing header.',
        span: { start: 0, end: Math.min(source.length, 1) },
      });
    }
    if (originatedOf(h) === null) diagnostics.push(originUnknown(source));
    if (!h.eo) {
      diagnostics.push({
        severity: classified ? 'warning' : 'info',
        code: 'no-eo-line',
        message: 'No E.O. line (E.O. 12958: DECL: …) was found.',
        ...(banner ? { span: banner.span } : {}),
      });
    }
  }
  if (portions.length === 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'no-portions',
      message: 'No body text was found after the header.',
    });
  }

  return diagnostics;
}

/**
 * A cable that shows no date of origin (probe 64a F7: WikiLeaks' partial extracts without their
 * date-time group). None is invented: a reference's year is in the file name at best, which the
 * reader never sees and which could set the 25-year date earlier than the truth; so no automatic
 * declassification date is computed and the DECL instruction alone decides (fail closed).
 */
function originUnknown(source: string): Diagnostic {
  const extract = EXTRACT_NOTICE.test(source) ? ' (this copy is a partial extract)' : '';
  return {
    severity: 'info',
    code: 'origin-unknown',
    message: `The cable shows no date of origin: no date-time group and no record date${extract}. None is assumed: no 25-year automatic declassification date is computed and the governing order is not known; the DECL instruction decides.`,
    span: { start: 0, end: Math.min(source.length, 1) },
  };
}
