import type { ConditionKind } from '../types.js';

/** `controlsAny: [NOFORN, ORCON]` — the portion carries at least one of these controls. */
export const controlsAny: ConditionKind<readonly string[]> = {
  key: 'controlsAny',
  description: 'The portion carries at least one of these dissemination or handling controls (NOFORN, ORCON, SBU, FOUO, LOU, NATO, FGI, …).',
  test: (value, facts) => facts.marking !== null && facts.marking.controls.some((c) => value.includes(c)),
  explain: (value) => `portion carries ${value.join(' or ')}`,
};

/** `controlsNone: [SBU]` — the portion carries none of these controls (and has an understood marking). */
export const controlsNone: ConditionKind<readonly string[]> = {
  key: 'controlsNone',
  description: 'The portion has an understood marking that carries none of these controls.',
  test: (value, facts) => facts.marking !== null && !facts.marking.controls.some((c) => value.includes(c)),
  explain: (value) => `portion carries none of ${value.join(', ')}`,
};

/** `hasSci: true` — the portion carries SCI controls. */
export const hasSci: ConditionKind<boolean> = {
  key: 'hasSci',
  description: 'The portion carries (true) or does not carry (false) SCI control systems.',
  test: (value, facts) => facts.marking !== null && facts.marking.sci.length > 0 === value,
  explain: (value) => (value ? 'portion carries SCI controls' : 'portion carries no SCI controls'),
};
