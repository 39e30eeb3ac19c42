/**
 * Every lint check, in the order they run (and so the order of diagnostics at the same position).
 * A new check is one module in this folder, added here, documented in the README's table of lint
 * checks, with a failing and a passing case in test/lint/checks.test.ts (a test checks all three).
 * Each names the readers whose documents it applies to: the first six cables, the next eight modern
 * documents (read by src/parse/document), the last both.
 */
import type { LintCheck } from '../types.js';
import { atomicEnergyActDecl } from './atomic-energy-act-decl.js';
import { authorityBlock } from './authority-block.js';
import { bannerAbovePortions } from './banner-above-portions.js';
import { bannerControlsBeyondPortions } from './banner-controls-beyond-portions.js';
import { bannerBelowPortion } from './banner-below-portion.js';
import { bannerMissing } from './banner-missing.js';
import { bannerRollUp } from './banner-roll-up.js';
import { classificationReasons } from './classification-reasons.js';
import { declassification } from './declassification.js';
import { exemptionWithoutDate } from './exemption-without-date.js';
import { markingConflicts } from './marking-conflicts.js';
import { parserDiagnostics } from './parser-diagnostics.js';
import { readerDiagnostics } from './reader-diagnostics.js';
import { reasonCategory } from './reason-category.js';
import { relToForm } from './rel-to-form.js';
import { relToWithNoforn } from './rel-to-with-noforn.js';
import { unmarkedPortion } from './unmarked-portion.js';

/** The checks in running order. */
export const LINT_CHECKS: readonly LintCheck[] = [
  // Cables.
  parserDiagnostics,
  bannerRollUp,
  declassification,
  classificationReasons,
  reasonCategory,
  markingConflicts,
  // Modern documents.
  readerDiagnostics,
  unmarkedPortion,
  bannerBelowPortion,
  bannerMissing,
  authorityBlock,
  relToWithNoforn,
  exemptionWithoutDate,
  atomicEnergyActDecl,
  // Both.
  bannerAbovePortions,
  bannerControlsBeyondPortions,
  relToForm,
];
