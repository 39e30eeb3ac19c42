/**
 * A redact rule whose terms are a sample shipped with the profile (`match.sample: true`, the names
 * of public-pii): it finds those terms and no others, and said nothing of it, so a release looked
 * like a search for every name (probe 67b F7). Said as a warning, never more than the rule does.
 */
import type { Diagnostic } from '../types.js';
import type { Profile } from './compile.js';

/** One warning per sample-list rule of `profile`; none when it has none. */
export function sampleListNotes(profile: Profile): Diagnostic[] {
  return profile.spanRules.flatMap((r) => {
    if (!r.sampleTerms) return [];
    const terms = r.sampleTerms.map((t) => `"${t}"`).join(', ');
    return [
      {
        severity: 'warning' as const,
        code: 'span-rule-sample-list',
        message: `Rule ${r.fullId} redacts only the ${r.sampleTerms.length} term(s) of the profile's bundled sample list (${terms}); other names are not looked for and are released: give the review's own list in a profile of its own.`,
      },
    ];
  });
}
