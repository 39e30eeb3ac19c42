import { parseDecl } from '../../declass/index.js';
import type { Diagnostic } from '../../types.js';
import type { LintCheck } from '../types.js';

/**
 * `Declassify On: 25X#` needs a date (`25X1, 20591231`): the Panel approves an exemption until a
 * date (32 CFR 2001.26(a)(2)); without one a derivative classifier must compute a 50-year date
 * (CAPCO §E.6), and the reader does so, fail closed. Also `50X#` and `75X#` other than 50X1-HUM
 * and 50X2-WMD, which take no date.
 */
export const exemptionWithoutDate: LintCheck = {
  id: 'exemption-without-date',
  description: 'A 25X (or 50X/75X) exemption on a document\'s Declassify On line has no date.',
  codes: ['exemption-without-date'],
  formats: ['document'],
  check: ({ doc }) => {
    const out: Diagnostic[] = [];
    for (const f of doc.authority?.declassifyOn ?? []) {
      const decl = parseDecl(f.raw);
      const undated = decl.kind === 'exemption' && decl.date === null ? decl.codes.filter((c) => /^(?:25|50|75)X\d$/.test(c)) : [];
      if (undated.length === 0) continue;
      out.push({
        severity: 'error',
        code: 'exemption-without-date',
        message: `Declassify On ${JSON.stringify(f.value)} names ${undated.join(', ')} without a date; expected e.g. "${undated[0]}, 20591231" (32 CFR 2001.26(a)(2)); read as classified until the computed 50-year date (CAPCO §E.6).`,
        span: f.span,
      });
    }
    return out;
  },
};
