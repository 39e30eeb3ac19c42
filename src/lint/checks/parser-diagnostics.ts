import type { LintCheck } from '../types.js';
import { markingConflicts } from './marking-conflicts.js';

/** Codes the parser reports that `marking-conflicts` reports in its own words (NOFORN with REL TO). */
const REPORTED_BY_MARKING_CONFLICTS: ReadonlySet<string> = new Set(markingConflicts.codes);

/** What the parser already found: unmarked portions, unknown marks, an unknown banner, no banner… */
export const parserDiagnostics: LintCheck = {
  id: 'parser-diagnostics',
  description: 'The errors and warnings of the cable parser: unmarked or unknown portion marks, a banner that is missing, not understood or contradicted, text that is not a cable, no E.O. line, no body, a caveat line not understood, a control for unclassified information with a classified level.',
  codes: ['unmarked-portion', 'unknown-marking', 'banner-unknown', 'unclassified-banner-contradicted', 'unmarked-subject', 'unmarked-heading', 'no-banner', 'not-a-cable', 'no-portions', 'no-eo-line', 'eo-forwarded', 'caveat-unknown', 'control-with-classified-level'],
  formats: ['cable'],
  check: ({ doc }) => doc.diagnostics.filter((d) => d.severity !== 'info' && !REPORTED_BY_MARKING_CONFLICTS.has(d.code)),
};
