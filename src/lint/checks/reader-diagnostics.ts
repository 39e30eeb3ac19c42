import type { LintCheck } from '../types.js';
import { atomicEnergyActDecl } from './atomic-energy-act-decl.js';
import { authorityBlock } from './authority-block.js';
import { bannerAbovePortions } from './banner-above-portions.js';
import { bannerControlsBeyondPortions } from './banner-controls-beyond-portions.js';
import { bannerBelowPortion } from './banner-below-portion.js';
import { bannerMissing } from './banner-missing.js';
import { exemptionWithoutDate } from './exemption-without-date.js';
import { reasonCategory } from './reason-category.js';
import { relToForm } from './rel-to-form.js';
import { relToWithNoforn } from './rel-to-with-noforn.js';
import { unmarkedPortion } from './unmarked-portion.js';

/**
 * Codes the document reader reports that another document check reports in its own words (an
 * unmarked portion, a missing banner): left to that check, so none is listed twice. Every other
 * code of the reader is passed on, including any it gains later (nothing silent).
 */
export const REPORTED_BY_OTHER_CHECKS: ReadonlySet<string> = new Set(
  [unmarkedPortion, bannerBelowPortion, bannerMissing, authorityBlock, relToWithNoforn, exemptionWithoutDate, atomicEnergyActDecl, bannerAbovePortions, bannerControlsBeyondPortions, reasonCategory, relToForm].flatMap((c) => c.codes),
);

/** What the document reader already found, less what the other document checks report. */
export const readerDiagnostics: LintCheck = {
  id: 'reader-diagnostics',
  description: 'The errors and warnings of the document reader that no other check reports: a banner or portion mark not understood, an UNCLASSIFIED banner contradicted, a trailing mark it could not place, a portion raised by a mark inside its text or holding a lower one, a paragraph marked sentence by sentence, no text, a reader failure, a control for unclassified information with a classified level.',
  codes: ['banner-unknown', 'unclassified-banner-contradicted', 'unknown-marking', 'trailing-mark-unplaced', 'mark-raised-inside', 'mark-lowered-inside', 'sentence-marks-joined', 'parenthetical-read-as-text', 'no-portions', 'reader-error', 'control-with-classified-level'],
  formats: ['document'],
  check: ({ doc }) => doc.diagnostics.filter((d) => d.severity !== 'info' && !REPORTED_BY_OTHER_CHECKS.has(d.code)),
};
