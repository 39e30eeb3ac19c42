import type { ConditionKind } from '../types.js';

export const SOURCES = ['marked', 'unknown', 'unmarked', 'entire-text', 'inherited'] as const;

/** `marking: [unmarked]` — how the portion's marking was established. */
export const marking: ConditionKind<readonly (typeof SOURCES)[number][]> = {
  key: 'marking',
  description:
    'How the portion got its marking: marked (its own mark), unknown (a mark that was not understood), unmarked, entire-text, inherited (from its parent paragraph).',
  test: (value, facts) => value.includes(facts.portion.markingSource),
  explain: (value) => `portion marking is ${value.join(' or ')}`,
};
