/**
 * What a profile may write for each condition of a rule's `when:` block (zod schemas), apart
 * from the conditions themselves (./index.ts): evaluating rules needs no zod, and a release with
 * a bundled profile validated at build time loads none (see node/profiles.ts).
 */
import { z } from 'zod';
import { isIsoDate } from '../../dates.js';
import { CONTROL_ORDER } from '../../markings/controls.js';
import { STATUSES } from './document.js';
import { PORTION_KINDS } from './kind.js';
import { SOURCES } from './marking.js';
import type { CONDITIONS } from './index.js';

const KNOWN_CONTROLS: ReadonlySet<string> = new Set(CONTROL_ORDER);
/**
 * A control the marking reader gives (CONTROL_ORDER): a name it never gives (`NOFORNN`) made its
 * rule never fire, and the profile loaded without a word.
 */
const Control = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]*$/, 'expected an upper-case control such as NOFORN or SBU')
  .refine((c) => KNOWN_CONTROLS.has(c), { message: `not a control the marking reader gives (known: ${CONTROL_ORDER.join(', ')})` });
const ControlList = z.array(Control).min(1);
/** Controls, plus `SCI` (any SCI control system): bannerControlsBeyondPortions. */
const BeyondList = z.array(z.union([z.literal('SCI'), Control])).min(1);
/** A calendar date (`2010-13-01` was compared as text, as a date after 2010-12-31). */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((d) => isIsoDate(d), { message: 'not a calendar date' });
const LevelSchema = z.enum(['U', 'C', 'S', 'TS']);

/** The schema of each condition, by key (every key of {@link CONDITIONS}; a test checks both lists agree). */
export const CONDITION_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  bannerAbovePortions: z.boolean(),
  bannerControlsBeyondPortions: BeyondList,
  bannerRelToNarrower: z.array(z.string().regex(/^[A-Z]{3,4}$/, 'expected a trigraph or tetragraph such as GBR or NATO')).min(1),
  captionControlsAny: ControlList,
  controlsAny: ControlList,
  controlsNone: ControlList,
  declStatus: z.array(z.enum(STATUSES)).min(1),
  documentClassified: z.boolean(),
  documentControlsAny: ControlList,
  documentControlsOnly: ControlList,
  documentHasControls: z.boolean(),
  documentHoldsAny: ControlList,
  documentLevelAtLeast: LevelSchema,
  documentLevelAtMost: LevelSchema,
  hasRelTo: z.boolean(),
  hasSci: z.boolean(),
  kind: z.array(z.enum(PORTION_KINDS)).min(1),
  level: z.array(LevelSchema).min(1),
  levelAtLeast: LevelSchema,
  levelAtMost: LevelSchema,
  marking: z.array(z.enum(SOURCES)).min(1),
  natoInformation: z.boolean(),
  originatedBefore: IsoDate,
  originatedOnOrAfter: IsoDate,
  ownBannerUnclassified: z.boolean(),
  relToAll: z.array(z.string().regex(/^[A-Z]{3,4}$/, 'expected a trigraph or tetragraph such as GBR or FVEY')).min(1),
  relToAny: z.array(z.string().regex(/^[A-Z]{3,4}$/, 'expected a trigraph or tetragraph such as DEU or NATO')).min(1),
  unclassifiedMessage: z.boolean(),
};
