import type { Level } from '../../types.js';
import { LEVEL_RANK, type ConditionKind } from '../types.js';

/** `level: [U]` — the portion's level is one of these. Unmarked and unknown portions have no level and never match. */
export const level: ConditionKind<readonly Level[]> = {
  key: 'level',
  description: 'The portion has one of these levels (U, C, S, TS). A portion without an understood marking never matches.',
  test: (value, facts) => facts.marking !== null && value.includes(facts.marking.level),
  explain: (value) => `portion level is ${value.join(' or ')}`,
};

/** `levelAtLeast: C` — the portion's level is at or above this one. */
export const levelAtLeast: ConditionKind<Level> = {
  key: 'levelAtLeast',
  description: 'The portion has an understood marking at or above this level.',
  test: (value, facts) => facts.marking !== null && LEVEL_RANK[facts.marking.level] >= LEVEL_RANK[value],
  explain: (value) => `portion level is ${value} or higher`,
};

/** `levelAtMost: S` — the portion's level is at or below this one. */
export const levelAtMost: ConditionKind<Level> = {
  key: 'levelAtMost',
  description: 'The portion has an understood marking at or below this level.',
  test: (value, facts) => facts.marking !== null && LEVEL_RANK[facts.marking.level] <= LEVEL_RANK[value],
  explain: (value) => `portion level is ${value} or lower`,
};
