/**
 * Choosing among a document's several declassification instructions (two Declassify On values, a
 * second E.O. line in a cable's text, a banner ending in `//X1` or `//20320108`): the most
 * protective applies (fail closed), and when they disagree a `decl-conflict` warning names them
 * all and the one applied, so the choice is never silent.
 */
import type { DeclAssessment, DeclStatus, DeclValue, Diagnostic, Document } from '../types.js';
import { LineIndex } from '../source/line-index.js';

/** One instruction of a document, assessed, and where it was written in words (`the banner`). */
export interface Instruction {
  readonly assessment: DeclAssessment;
  readonly where: string;
}

/** How protective a status is, for choosing among several instructions: review and worse first. */
const STATUS_RANK: Readonly<Record<DeclStatus, number>> = { unclassified: 0, declassified: 1, classified: 2, review: 3, invalid: 4 };

/** Whether `a` protects more than `b`: the worse status, then the later date (none: the latest). */
export function moreProtective(a: DeclAssessment, b: DeclAssessment): boolean {
  const d = STATUS_RANK[a.status] - STATUS_RANK[b.status];
  return d > 0 || (d === 0 && (a.declassifyOn ?? '9999-12-31') > (b.declassifyOn ?? '9999-12-31'));
}

/**
 * The most protective of `all` (the first when they tie), with a `decl-conflict` warning among
 * its diagnostics when the instructions say different things. An absent instruction (a cable
 * without an E.O. line beside one in its text) is not an instruction that disagrees.
 */
export function chooseInstruction(doc: Document, all: readonly Instruction[]): DeclAssessment {
  let best = all[0] as Instruction;
  for (const c of all.slice(1)) if (moreProtective(c.assessment, best.assessment)) best = c;
  const written = all.filter((c) => c.assessment.decl.kind !== 'none');
  const distinct = written.filter((c, i) => written.findIndex((o) => sameValue(o.assessment.decl, c.assessment.decl)) === i);
  if (distinct.length < 2) return best.assessment;
  const index = new LineIndex(doc.source);
  const name = (c: Instruction) => {
    const span = c.assessment.span;
    return `"${(c.assessment.decl.raw ?? '').replace(/\s+/g, ' ').trim()}" (${c.where}${span ? `, line ${index.pointAt(span.start).line}` : ''})`;
  };
  const conflict: Diagnostic = {
    severity: 'warning',
    code: 'decl-conflict',
    message: `The document's declassification instructions disagree: ${distinct.map(name).join(', ')}; ${appliedPhrase(best, name(best))}.`,
    ...(best.assessment.span ? { span: best.assessment.span } : {}),
  };
  return { ...best.assessment, diagnostics: [...best.assessment.diagnostics, conflict] };
}

/**
 * What the choice of `best` (named `named`) does, said as it is. An instruction that cannot be
 * applied as written (status `review` or `invalid`: a date before origination, a form not
 * understood) is chosen because it stops the choice, not because it protects more: a pre-origin
 * `20100101` beside `25X1` was called "the most protective" and "applied".
 */
function appliedPhrase(best: Instruction, named: string): string {
  const status = best.assessment.status;
  if (status === 'review' || status === 'invalid') return `${named} cannot be applied as written (${status}), so a reviewer decides the document's declassification and none of them is applied until then`;
  return `the most protective, ${named}, is applied (${status})`;
}

/** Whether two instructions say the same (`20210315` and `15 March 2021` do). */
function sameValue(a: DeclValue, b: DeclValue): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'unrecognised' || a.kind === 'none') return (a.raw ?? '').trim() === (b.raw ?? '').trim();
  return a.date === b.date && a.codes.join() === b.codes.join() && a.years === b.years && a.event === b.event;
}
