/**
 * What a profile may write for each condition of a rule's `when:` block (zod schemas), apart
 * from the conditions themselves (./index.ts): evaluating rules needs no zod, and a release with
 * a bundled profile validated at build time loads none (see node/profiles.ts).
 */
import { z } from 'zod';
import { STATUSES } from './document.js';
import { PORTION_KINDS } from './kind.js';
import { SOURCES } from './marking.js';
import type { CONDITIONS } from './index.js';

const ControlList = z.array(z.string().regex(/^[A-Z][A-Z0-9-]*$/, 'expected an upper-case control such as NOFORN or SBU')).min(1);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const LevelSchema = z.enum(['U', 'C', 'S', 'TS']);

/** The schema of each condition, by key (every key of {@link CONDITIONS}; a test checks both lists agree). */
export const CONDITION_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  bannerAbovePortions: z.boolean(),
  controlsAny: ControlList,
  controlsNone: ControlList,
  declStatus: z.array(z.enum(STATUSES)).min(1),
  documentClassified: z.boolean(),
  documentControlsAny: z.array(z.string().regex(/^[A-Z][A-Z0-9-]*$/)).min(1),
  documentControlsOnly: ControlList,
  documentHasControls: z.boolean(),
  documentLevelAtLeast: LevelSchema,
  documentLevelAtMost: LevelSchema,
  hasRelTo: z.boolean(),
  hasSci: z.boolean(),
  kind: z.array(z.enum(PORTION_KINDS)).min(1),
  level: z.array(LevelSchema).min(1),
  levelAtLeast: LevelSchema,
  levelAtMost: LevelSchema,
  marking: z.array(z.enum(SOURCES)).min(1),
  originatedBefore: IsoDate,
  originatedOnOrAfter: IsoDate,
  relToAll: z.array(z.string().regex(/^[A-Z]{3,4}$/, 'expected a trigraph or tetragraph such as GBR or FVEY')).min(1),
  relToAny: z.array(z.string().regex(/^[A-Z]{3,4}$/, 'expected a trigraph or tetragraph such as DEU or NATO')).min(1),
  unclassifiedMessage: z.boolean(),
};
