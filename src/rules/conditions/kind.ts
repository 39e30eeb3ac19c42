import type { ConditionKind } from '../types.js';

/** Every portion kind (types.ts PortionKind): cable kinds first, then those of modern documents. */
export const PORTION_KINDS = ['subject', 'paragraph', 'subparagraph', 'text', 'signature', 'title', 'heading', 'bullet', 'item', 'table-row', 'header'] as const;

/** `kind: [signature]` — the portion is one of these kinds. */
export const kind: ConditionKind<readonly (typeof PORTION_KINDS)[number][]> = {
  key: 'kind',
  description: `The portion is one of these kinds: ${PORTION_KINDS.join(', ')}.`,
  test: (value, facts) => value.includes(facts.portion.kind),
  explain: (value) => `portion is a ${value.join(' or ')}`,
};
