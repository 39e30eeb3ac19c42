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

/**
 * `natoInformation: true` — the portion holds NATO classified information: marked as NATO's (`//NS`,
 * `//CTS`) or, in a US portion, as foreign government information from NATO (`(S//FGI NATO)`). The
 * rules on NATO information (its briefing, NATO's consent to release it beyond NATO) go with the
 * information, not with the way it is marked.
 */
export const natoInformation: ConditionKind<boolean> = {
  key: 'natoInformation',
  description: 'The portion holds (true) or does not hold (false) NATO information: a NATO marking (NC, NS, CTS) or FGI NATO.',
  test: (value, facts) => facts.marking !== null && (facts.marking.controls.includes('NATO') || facts.marking.fgi.includes('NATO')) === value,
  explain: (value) => (value ? 'portion holds NATO information (NATO marking or FGI NATO)' : 'portion holds no NATO information'),
};

/** `hasSci: true` — the portion carries SCI controls. */
export const hasSci: ConditionKind<boolean> = {
  key: 'hasSci',
  description: 'The portion carries (true) or does not carry (false) SCI control systems.',
  test: (value, facts) => facts.marking !== null && facts.marking.sci.length > 0 === value,
  explain: (value) => (value ? 'portion carries SCI controls' : 'portion carries no SCI controls'),
};
