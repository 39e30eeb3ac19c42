// STUB: replaced by the markings implementation. Signatures are the contract.
import type { Level, Marking } from '../types.js';

/** Result of parsing one marking. */
export type MarkingParse =
  | { readonly ok: true; readonly marking: Marking }
  | { readonly ok: false; readonly reason: 'unknown' | 'malformed'; readonly message: string };

/** Where a marking was written: a portion mark `(S//NF)` (with parentheses) or a banner line. */
export type MarkingContext = 'portion' | 'banner';

export declare function parseMarking(raw: string, context: MarkingContext): MarkingParse;
export declare function classifyParenthetical(inner: string): 'marking' | 'malformed' | 'not-a-marking';
export declare function compareLevels(a: Level, b: Level): number;
export declare function dominates(a: Marking, b: Marking): boolean;
export declare function mostRestrictive(a: Marking, b: Marking): Marking;
export declare function rollUp(markings: readonly Marking[]): Marking;
export declare function formatBanner(m: Marking): string;
export declare function formatPortion(m: Marking): string;
