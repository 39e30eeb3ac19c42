/**
 * Every lint check, in the order they run (and so the order of diagnostics at the same position).
 * A new check is one module in this folder, added here, documented in the README's table of lint
 * checks, with a failing and a passing case in test/lint/checks.test.ts (a test checks all three).
 */
import type { LintCheck } from '../types.js';
import { bannerRollUp } from './banner-roll-up.js';
import { classificationReasons } from './classification-reasons.js';
import { declassification } from './declassification.js';
import { markingConflicts } from './marking-conflicts.js';
import { parserDiagnostics } from './parser-diagnostics.js';
import { reasonCategory } from './reason-category.js';

/** The checks in running order. */
export const LINT_CHECKS: readonly LintCheck[] = [parserDiagnostics, bannerRollUp, declassification, classificationReasons, reasonCategory, markingConflicts];
