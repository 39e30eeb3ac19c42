import type { ConditionKind, PortionFacts } from '../types.js';
import { bannerControlsBeyondPortions, bannerRelToNarrower } from './banner-beyond.js';
import { controlsAny, controlsNone, hasSci, natoInformation } from './controls.js';
import { bannerAbovePortions, captionControlsAny, declStatus, documentClassified, documentControlsAny, documentControlsOnly, documentHasControls, documentHoldsAny, documentLevelAtLeast, documentLevelAtMost, originatedBefore, originatedOnOrAfter, ownBannerUnclassified, unclassifiedMessage } from './document.js';
import { kind } from './kind.js';
import { level, levelAtLeast, levelAtMost } from './level.js';
import { marking } from './marking.js';
import { hasRelTo, relToAll, relToAny } from './rel-to.js';

/**
 * Every condition a rule's `when:` block may use, by key (kept sorted). A rule matches a portion when
 * all of its conditions hold (logical AND); an empty `when:` matches every portion.
 */
export const CONDITIONS: ReadonlyMap<string, ConditionKind<never>> = new Map(
  (
    [
      bannerAbovePortions,
      bannerControlsBeyondPortions,
      bannerRelToNarrower,
      captionControlsAny,
      controlsAny,
      controlsNone,
      declStatus,
      documentClassified,
      documentControlsAny,
      documentControlsOnly,
      documentHasControls,
      documentHoldsAny,
      documentLevelAtLeast,
      documentLevelAtMost,
      hasRelTo,
      hasSci,
      kind,
      level,
      levelAtLeast,
      levelAtMost,
      marking,
      natoInformation,
      originatedBefore,
      originatedOnOrAfter,
      ownBannerUnclassified,
      relToAll,
      relToAny,
      unclassifiedMessage,
    ] as ConditionKind<never>[]
  ).map((c) => [c.key, c]),
);

/** True when every condition of a rule's `when:` holds for the portion (`facts`). */
export function conditionsHold(conditions: readonly (readonly [string, unknown])[], facts: PortionFacts): boolean {
  for (const [key, value] of conditions) {
    const kind = CONDITIONS.get(key);
    // Unknown keys cannot reach here (the schema refuses them); fail closed if one ever does.
    if (!kind || !kind.test(value as never, facts)) return false;
  }
  return true;
}
