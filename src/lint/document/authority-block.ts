import { assessAuthorityBlock } from '../../declass/index.js';
import type { Diagnostic } from '../../types.js';
import { documentSpan, type DocumentCheck } from './types.js';

/**
 * A classified document carries a classification authority block (32 CFR 2001.21(a) original,
 * 2001.22 derivative): none is an error (`authority-missing`); one without `Declassify On`, without
 * either `Classified By` or `Derived From`, or an original classification (Classified By, no
 * Derived From) without `Reason`, is an error (`authority-incomplete`); a derivative one without
 * `Classified By` (the derivative classifier) a warning. The assessment's own findings on the
 * `Declassify On` value follow (`decl-unrecognised`, `decl-over-25-years`, …).
 */
export const authorityBlock: DocumentCheck = {
  id: 'authority-block',
  codes: ['authority-missing', 'authority-incomplete', 'decl-missing', 'decl-unrecognised', 'decl-over-25-years', 'decl-before-origin', 'decl-on-unclassified', 'decl-truncated'],
  description: 'A classified document has no classification authority block, or an incomplete one.',
  check(doc, ctx) {
    const out: Diagnostic[] = [];
    const block = doc.authority ?? null;
    if (ctx.classified) {
      if (!block) {
        out.push({
          severity: 'error',
          code: 'authority-missing',
          message: 'Classified document without a classification authority block; expected Classified By, Derived From or Reason, and Declassify On (32 CFR 2001.21–2001.22).',
          span: documentSpan(doc),
        });
      } else {
        const missing: string[] = [];
        if (block.declassifyOn.length === 0) missing.push('Declassify On');
        if (!block.classifiedBy && !block.derivedFrom) missing.push('Classified By or Derived From');
        if (block.classifiedBy && !block.derivedFrom && !block.reason) missing.push('Reason (an original classification states it)');
        if (missing.length > 0) {
          out.push({ severity: 'error', code: 'authority-incomplete', message: `The classification authority block lacks ${missing.join(', ')}.`, span: block.span });
        } else if (!block.classifiedBy) {
          out.push({
            severity: 'warning',
            code: 'authority-incomplete',
            message: 'The classification authority block has Derived From but no Classified By; a derivative classifier is identified by name or personal identifier (32 CFR 2001.22(b)).',
            span: block.span,
          });
        }
      }
    }
    if (ctx.classified || block) {
      const a = assessAuthorityBlock(doc, ctx.asOf);
      for (const d of a.diagnostics) {
        if (d.severity === 'info') continue;
        // A missing instruction is already `authority-missing` / `authority-incomplete`.
        if (d.code === 'decl-missing' && out.length > 0) continue;
        out.push(d);
      }
    }
    return out;
  },
};
