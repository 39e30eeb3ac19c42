/**
 * The final disposition of a document (issue 12): what its release stamp says happened. A document
 * with any portion still pending a reviewer's decision is not final: it is stamped
 * {@link PENDING_STAMP} and goes to `pending/`, not `release/`.
 */
import type { Decision, Disposition, DispositionKind, PendingReason, Redaction } from '../types.js';
import { sortAuthorities } from './authority.js';

/** The stamp of a document that is not final; every page of its text and PDF carries it. */
export const PENDING_STAMP = 'PENDING REVIEW - NOT FOR RELEASE';

/**
 * The line stamped on every page of a PDF input's release (its own pages, redacted): a document
 * pending review gets {@link PENDING_STAMP}; any other its release banner and disposition
 * (`UNCLASSIFIED - RELEASE IN PART B1, 1.4(C)`), which a release made from text prints at the top
 * of every page. Without it a released SIDtoday page said only what its DYNAMIC PAGE banner says
 * (`HIGHEST POSSIBLE CLASSIFICATION IS TOP SECRET`), and nothing of what was released or why.
 */
export function pdfStampLine(releaseBanner: string, kind: DispositionKind, stamp: string, declassMarking = ''): string {
  if (kind === 'pending-review') return stamp;
  // A PDF input's page has one stamp line: the declassification marking (Plan.declassMarking) ends it.
  return [releaseBanner.trim(), stamp.trim(), declassMarking.trim()].filter((s) => s !== '').join(' - ');
}

/**
 * Why a decision leaves its portion pending, or null when it is final: a withheld portion whose
 * mark was not understood, or whose authority says it is pending (`SBU - PENDING FOIA REVIEW`,
 * `FGI - PENDING REVIEW`, `COMPILATION - PENDING REVIEW`, `PENDING DECLASSIFICATION REVIEW`, `PENDING REVIEW`). A reviewer's
 * override under such a label is pending too, as a rule's is: the label says "not decided yet",
 * and a release stamped `RELEASE IN PART PENDING REVIEW` was handed out as final (probe 67c F2).
 */
export function pendingReason(d: Pick<Decision, 'action' | 'ruleId' | 'authority'>): PendingReason | null {
  if (d.action !== 'withhold') return null;
  if (d.ruleId.endsWith('/unknown-marking')) return 'unknown marking';
  const pending = d.authority.filter((a) => /\bPENDING\b/.test(a));
  if (pending.length === 0) return null;
  if (pending.some((a) => /DECLASSIFICATION/.test(a))) return 'declassification review';
  if (pending.some((a) => /\b(?:SBU|FOUO|LOU|LES|SSI|CUI)\b/.test(a))) return 'SBU/FOUO handling';
  if (pending.some((a) => /\bFGI\b/.test(a))) return 'foreign government information';
  if (pending.some((a) => /\bCOMPILATION\b/.test(a))) return 'classification by compilation';
  if (pending.some((a) => /UNKNOWN MARKING/.test(a))) return 'unknown marking';
  if (pending.some((a) => /\bRELIDO\b/.test(a))) return 'foreign disclosure review';
  if (pending.some((a) => /LEVEL UNCERTAIN/.test(a))) return 'level uncertain';
  if (pending.some((a) => /ATOMIC ENERGY ACT/.test(a))) return 'Atomic Energy Act review';
  // A plain PENDING REVIEW is the default deny's, or a rule's that holds the portion for a reviewer
  // (unmarked text under a banner with a control): only the first is "no rule decided".
  if (d.ruleId === 'override') return 'held by a reviewer';
  return d.ruleId.endsWith('/default-deny') ? 'no rule decided' : 'held for review by its rule';
}

/**
 * The disposition of a document from its decisions and redactions: pending when any portion is;
 * else `RELEASE IN FULL` when nothing is withheld or redacted, `DENIED IN FULL` when no portion is
 * released (only the header is), else `RELEASE IN PART`; the authorities of everything withheld
 * or redacted follow. Never `RELEASE IN PART` when nothing was released.
 */
export function computeDisposition(decisions: readonly Pick<Decision, 'portionId' | 'action' | 'ruleId' | 'authority'>[], redactions: readonly Pick<Redaction, 'authority'>[]): Disposition {
  const authorities = sortAuthorities([...decisions.filter((d) => d.action === 'withhold').flatMap((d) => d.authority), ...redactions.flatMap((r) => r.authority)]);
  const pending = decisions.flatMap((d) => {
    const reason = pendingReason(d);
    return reason ? [{ portionId: d.portionId, reason }] : [];
  });
  if (pending.length > 0) return { kind: 'pending-review', stamp: PENDING_STAMP, authorities, pending };
  const withheld = decisions.some((d) => d.action === 'withhold') || redactions.length > 0;
  if (!withheld) return { kind: 'release-in-full', stamp: 'RELEASE IN FULL', authorities, pending };
  const kind = decisions.some((d) => d.action === 'release') ? 'release-in-part' : 'denied-in-full';
  const words = kind === 'release-in-part' ? 'RELEASE IN PART' : 'DENIED IN FULL';
  return { kind, stamp: `${words} ${authorities.join(', ')}`.trimEnd(), authorities, pending };
}
