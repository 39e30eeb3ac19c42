import { assessDocument } from '../../declass/index.js';
import type { Diagnostic } from '../../types.js';
import type { LintCheck } from '../types.js';

/** A classified document's declassification instruction, as the assessment as of the date reads it. */
export const declassification: LintCheck = {
  id: 'declassification',
  description: 'A classified document has a usable E.O./DECL line (32 CFR 2001.21), and the assessment of it as of the date raises no warning (a DECL date before origination or more than 25 years after it, an exemption date past the 50- or 75-year limit of its code, a cut-off line, two instructions that disagree).',
  codes: ['decl-invalid', 'decl-missing', 'decl-nato-document', 'decl-truncated', 'decl-before-origin', 'decl-over-25-years', 'decl-over-50-years', 'decl-over-75-years', 'decl-on-unclassified', 'decl-conflict', 'decl-banner-only', 'as-of-before-origin'],
  formats: ['cable'],
  check: ({ doc, asOf, classified, bannerSpan }) => {
    if (!classified) return [];
    const assessment = assessDocument(doc, asOf);
    const out: Diagnostic[] = [];
    if (assessment.status === 'invalid') {
      out.push({
        severity: 'error',
        code: 'decl-invalid',
        message: `Classified document without a usable E.O./DECL line: ${assessment.reason}`,
        span: doc.eo?.span ?? bannerSpan,
      });
    }
    for (const d of assessment.diagnostics) {
      // When the line is unusable, `decl-invalid` already says why; its errors would repeat it.
      if (d.severity === 'info' || (assessment.status === 'invalid' && d.severity === 'error')) continue;
      if (!out.some((o) => o.code === d.code)) out.push(d);
    }
    return out;
  },
};
