/**
 * Test helpers for the marking grammar.
 */
import type { Marking } from '../../src/types.js';
import { parseMarking, type MarkingContext } from '../../src/markings/index.js';

/** Parse a marking that must be understood; throws with the parser's message otherwise. */
export function parsed(raw: string, context: MarkingContext = 'portion'): Marking {
  const r = parseMarking(raw, context);
  if (!r.ok) throw new Error(r.message);
  return r.marking;
}

/** The parts of a marking that carry meaning (everything but raw, span and notes). */
export function meaning(m: Marking): Pick<Marking, 'level' | 'sci' | 'controls' | 'relTo' | 'fgi'> {
  return { level: m.level, sci: m.sci, controls: m.controls, relTo: m.relTo, fgi: m.fgi };
}

/** Shorthand for an expected meaning: level, controls, REL TO, SCI, FGI. */
export function mk(
  level: Marking['level'],
  controls: string[] = [],
  relTo: string[] = [],
  sci: string[] = [],
  fgi: string[] = [],
): Pick<Marking, 'level' | 'sci' | 'controls' | 'relTo' | 'fgi'> {
  return { level, sci, controls, relTo, fgi };
}

/** A computed marking (no source), for roll-up and dominance tests: `m('S', ['NOFORN'])`. */
export function m(level: Marking['level'], controls: string[] = [], relTo: string[] = [], sci: string[] = [], fgi: string[] = []): Marking {
  return { raw: `test:${level}`, level, sci, controls, relTo, fgi, normalisations: [] };
}
