import { assessAuthorityBlock } from '../../declass/index.js';
import type { AuthorityBlock, Diagnostic, Document } from '../../types.js';
import type { LintCheck } from '../types.js';

/**
 * A classified modern document carries a classification authority block (32 CFR 2001.21(a)
 * original, 2001.22 derivative): none is an error (`authority-missing`); one without `Declassify
 * On`, without either `Classified By` or `Derived From`, or an original classification
 * (Classified By, no Derived From) without `Reason`, is an error (`authority-incomplete`); a
 * derivative one without `Classified By` (the derivative classifier) a warning. The assessment's
 * own findings on the `Declassify On` value follow (`decl-unrecognised`, `decl-over-25-years`, …,
 * `decl-conflict` when it and another value or the banner's instruction disagree).
 * Cables: `declassification` and `classification-reasons`.
 */
export const authorityBlock: LintCheck = {
  id: 'authority-block',
  description: 'A classified document has no classification authority block, or an incomplete one, or a Declassify On value the assessment finds fault with.',
  codes: ['authority-missing', 'authority-incomplete', 'decl-missing', 'decl-nato-document', 'decl-unrecognised', 'decl-over-25-years', 'decl-over-50-years', 'decl-over-75-years', 'decl-before-origin', 'decl-on-unclassified', 'decl-truncated', 'decl-conflict', 'decl-banner-only'],
  formats: ['document'],
  check: ({ doc, asOf, classified, bannerSpan }) => {
    const block = doc.authority ?? null;
    // A NATO document (its banner NATO's own, every marked portion NATO's) is classified under
    // NATO's rules (C-M(2002)49), not E.O. 13526: it carries no US authority block to miss.
    if (!block && isNatoDocument(doc)) return [];
    const out: Diagnostic[] = [];
    if (classified) {
      if (!block) {
        out.push({
          severity: 'error',
          code: 'authority-missing',
          message: 'Classified document without a classification authority block; expected Classified By, Derived From or Reason, and Declassify On (32 CFR 2001.21–2001.22).',
          span: bannerSpan,
        });
      } else {
        out.push(...blockProblems(block));
      }
    }
    if (classified || block) {
      for (const d of assessAuthorityBlock(doc, asOf).diagnostics) {
        if (d.severity === 'info') continue;
        // A missing instruction is already `authority-missing` / `authority-incomplete`.
        if (d.code === 'decl-missing' && out.length > 0) continue;
        out.push(d);
      }
    }
    return out;
  },
};

/** `authority-incomplete` for a block that lacks a field a classification must state. */
function blockProblems(block: AuthorityBlock): Diagnostic[] {
  const missing: string[] = [];
  if (block.declassifyOn.length === 0) missing.push('Declassify On');
  if (!block.classifiedBy && !block.derivedFrom) missing.push('Classified By or Derived From');
  if (block.classifiedBy && !block.derivedFrom && !block.reason) missing.push('Reason (an original classification states it)');
  if (missing.length > 0) return [{ severity: 'error', code: 'authority-incomplete', message: `The classification authority block lacks ${missing.join(', ')}.`, span: block.span }];
  if (block.classifiedBy) return [];
  return [
    {
      severity: 'warning',
      code: 'authority-incomplete',
      message: 'The classification authority block has Derived From but no Classified By; a derivative classifier is identified by name or personal identifier (32 CFR 2001.22(b)).',
      span: block.span,
    },
  ];
}

/** The banner is NATO's own classification (no control but NATO) and every marked portion carries NATO. */
function isNatoDocument(doc: Document): boolean {
  const m = doc.banner?.marking;
  if (!m || m.sci.length > 0 || m.controls.length !== 1 || m.controls[0] !== 'NATO') return false;
  return doc.portions.every((p) => !p.marking || p.marking.controls.includes('NATO'));
}
