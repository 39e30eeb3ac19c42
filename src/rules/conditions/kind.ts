import { z } from 'zod';
import type { ConditionKind } from '../types.js';

const PORTION_KINDS = ['subject', 'paragraph', 'subparagraph', 'text', 'signature'] as const;

/** `kind: [signature]` — the portion is one of these kinds. */
export const kind: ConditionKind<readonly (typeof PORTION_KINDS)[number][]> = {
  key: 'kind',
  description: 'The portion is one of these kinds: subject, paragraph, subparagraph, text, signature.',
  schema: z.array(z.enum(PORTION_KINDS)).min(1),
  test: (value, facts) => value.includes(facts.portion.kind),
  explain: (value) => `portion is a ${value.join(' or ')}`,
};
