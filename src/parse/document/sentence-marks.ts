/**
 * A paragraph marked sentence by sentence (`UQ… public sentence (U). ZQ… secret sentence (S//NF).`,
 * probe62a F7): the last mark marks it, and each mark before a sentence end inside it can only
 * raise it, so the whole paragraph is read at its highest mark and decided so (fail closed: the
 * reader does not split a paragraph at its sentence marks). Said so for either order of the
 * marks, naming it a paragraph, never a heading.
 */
import { LEVEL_BANNER, raisedByMark } from '../../markings/index.js';
import type { Diagnostic, Portion } from '../../types.js';
import { portionLabel } from '../portion-label.js';
import type { Draft } from './group.js';
import type { MarkHit } from './marks.js';

/** Punctuation closing a quote or bracket, then a sentence end, right after the mark. */
const ENDS_SENTENCE = /^["'”’)\]]*[.!?…]/;

/** The marks inside a portion marked by a trailing mark that each end a sentence of it (none otherwise). */
export function sentenceMarks(source: string, d: Draft): MarkHit[] {
  if (!d.trailingLead || !d.lead) return [];
  return d.raises.filter((r) => !r.lookalike && r.status === 'marked' && r.marking && ENDS_SENTENCE.test(source.slice(r.end, r.end + 4)));
}

/**
 * The warning for a paragraph whose sentence marks differ (one says less than the marking the
 * paragraph is read at, so text under it is decided with the rest); null otherwise.
 */
export function sentenceMarksDiagnostic(source: string, p: Portion, d: Draft): Diagnostic | null {
  const inside = sentenceMarks(source, d);
  if (inside.length === 0 || !p.marking || !d.lead?.marking) return null;
  const all = [...inside, d.lead].sort((a, b) => a.start - b.start);
  if (!all.some((m) => m.marking && raisedByMark(m.marking, p.marking!) !== null)) return null;
  return {
    severity: 'warning',
    code: 'sentence-marks-joined',
    message: `${portionLabel(p)} is marked sentence by sentence (${all.map((m) => m.raw).join(' … ')}): a mark inside the text of a paragraph does not start a portion, so the whole paragraph is read as ${LEVEL_BANNER[p.marking.level]}, its highest mark, and decided so, the sentences marked lower with it; mark each part as a paragraph of its own.`,
    span: { start: d.lead.start, end: d.lead.end },
  };
}
