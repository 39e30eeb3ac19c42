import type { DeclStatus, Document, Level, Marking, Portion } from '../types.js';

/**
 * What a condition sees: one portion, the facts the engine derived about it and its document.
 * Plain data, computed once per portion.
 */
export interface PortionFacts {
  readonly portion: Portion;
  readonly document: Document;
  /** The portion's effective marking, or null (unmarked or unknown). */
  readonly marking: Marking | null;
  /** The document's overall marking: the banner when understood, else null. */
  readonly documentMarking: Marking | null;
  /** True when the document is (or may be) classified: banner above U, or any portion above U, or no banner. */
  readonly documentClassified: boolean;
  /** Declassification status of the document as of the release date. */
  readonly declStatus: DeclStatus;
  /** The banner is classified and above every portion's level, all of them marked (see engine/facts.ts isBannerAbovePortions). */
  readonly bannerAbovePortions: boolean;
}

/**
 * A condition kind: one key of a rule's `when:` block. One small module each (ESLint's meta +
 * create), with a description that is also printed by `declass rules list --conditions`.
 */
export interface ConditionKind<T> {
  /** The key as written in a profile, e.g. `levelAtLeast`. */
  readonly key: string;
  /** One sentence, for docs and `rules check`. */
  readonly description: string;
  /** True when the portion satisfies the condition. */
  test(value: T, facts: PortionFacts): boolean;
  /** Plain words for reasons: "level is at least C". */
  explain(value: T): string;
}

/** Levels in order, for comparisons inside conditions. */
export const LEVEL_RANK: Readonly<Record<Level, number>> = { U: 0, C: 1, S: 2, TS: 3 };
