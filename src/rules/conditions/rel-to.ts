import { relToSubset } from '../../markings/index.js';
import type { ConditionKind } from '../types.js';

/** `relToAny: [NATO, DEU]` — the portion's REL TO list names at least one of these. */
export const relToAny: ConditionKind<readonly string[]> = {
  key: 'relToAny',
  description: 'The portion is marked REL TO at least one of these country trigraphs or tetragraphs (e.g. NATO, DEU).',
  test: (value, facts) => facts.marking !== null && facts.marking.relTo.some((c) => value.includes(c)),
  explain: (value) => `portion is releasable to ${value.join(' or ')}`,
};

/** `hasRelTo: false` — the portion has (or lacks) a REL TO list. */
export const hasRelTo: ConditionKind<boolean> = {
  key: 'hasRelTo',
  description: 'The portion has an understood marking with (true) or without (false) a REL TO list.',
  test: (value, facts) => facts.marking !== null && facts.marking.relTo.length > 0 === value,
  explain: (value) => (value ? 'portion has a REL TO list' : 'portion has no REL TO list'),
};

/**
 * `relToAll: [AUS, CAN, GBR, NZL]` — the portion is releasable to every one of these: its REL TO
 * list names them all, with FVEY, ACGU and TEYE counted as their members (so `REL TO USA, FVEY`
 * and `REL TO USA, AUS, CAN, GBR, NZL` both hold for the FVEY partners). Never holds for a portion
 * without a REL TO list.
 */
export const relToAll: ConditionKind<readonly string[]> = {
  key: 'relToAll',
  description:
    'The portion is marked REL TO every one of these trigraphs or tetragraphs; FVEY, ACGU and TEYE count as their members (REL TO USA, FVEY holds for [AUS, CAN, GBR, NZL]).',
  test: (value, facts) => facts.marking !== null && facts.marking.relTo.length > 0 && relToSubset(value, facts.marking.relTo),
  explain: (value) => `portion is releasable to all of ${value.join(', ')}`,
};
