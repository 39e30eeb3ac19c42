import { z } from 'zod';
import { CONDITIONS } from './conditions/index.js';
import { CONDITION_SCHEMAS } from './conditions/schemas.js';
import { SHARED_PATTERN_NAMES } from './shared-patterns.js';

const KebabId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case id such as "classified" or "noforn"');
const LevelSchema = z.enum(['U', 'C', 'S', 'TS']);

/** The `when:` block: every key is a condition kind (src/rules/conditions), all optional, AND-ed. */
const WhenSchema = z
  .object(Object.fromEntries([...CONDITIONS.keys()].map((key) => [key, CONDITION_SCHEMAS[key]!.optional()])))
  .strict();

const MatchSchema = z
  .object({
    /** Regular expressions (JavaScript syntax, no flags inside); matched per line segment. */
    patterns: z.array(z.string().min(1)).optional(),
    /** Literal terms, matched as whole words. */
    terms: z.array(z.string().min(1)).optional(),
    /** Shared patterns by name (src/rules/shared-patterns.ts): `email`, `telephone`. */
    use: z.array(z.enum(SHARED_PATTERN_NAMES)).optional(),
    /** Case-insensitive matching (default true). */
    ignoreCase: z.boolean().optional(),
    /**
     * The terms are a sample shipped with the profile, not a review's list: every release with it
     * says so (console once, each record), so that no one takes it for a search of all names.
     */
    sample: z.boolean().optional(),
  })
  .strict();

export const RuleSchema = z
  .object({
    id: KebabId,
    description: z.string().optional(),
    when: WhenSchema.optional(),
    action: z.enum(['release', 'withhold', 'redact']),
    /** Printed where text was removed; `{reasons}` expands to the document's 1.4 reasons, e.g. `1.4(B)`. */
    authority: z.array(z.string().min(1)).min(1).optional(),
    /** On a release of a classified portion: show it as declassified. */
    declassify: z.boolean().optional(),
    match: MatchSchema.optional(),
    /** One sentence for the audit record; a default is built from the conditions. */
    reason: z.string().optional(),
  })
  .strict();

export const ProfileSchema = z
  .object({
    id: KebabId,
    description: z.string().min(1),
    audience: z
      .object({
        id: z.string().min(1),
        description: z.string().optional(),
        /** Countries or organisations the audience belongs to (trigraphs, tetragraphs). */
        countries: z.array(z.string().regex(/^[A-Z]{3,4}$/)).optional(),
        /** Highest level the audience is cleared to read. */
        clearance: LevelSchema.optional(),
      })
      .strict(),
    /** How the release banner is made: `foia` (UNCLASSIFIED + RELEASE IN PART/FULL) or `rollup` of what remains. */
    banner: z.enum(['foia', 'rollup']),
    /** Authority for portions withheld by the engine itself (unknown markings). Default `[B1, "{reasons}"]`. */
    failClosedAuthority: z.array(z.string().min(1)).min(1).optional(),
    /** Authority for portions no rule released. Default `[B1, "{reasons}"]`. */
    defaultAuthority: z.array(z.string().min(1)).min(1).optional(),
    rules: z.array(RuleSchema).min(1),
  })
  .strict();

export type ProfileRule = z.infer<typeof RuleSchema>;
export type ProfileData = z.infer<typeof ProfileSchema>;
