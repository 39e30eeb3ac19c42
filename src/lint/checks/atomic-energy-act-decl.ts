import { parseDecl } from '../../declass/index.js';
import { AEA_CLASSIFIED } from '../../markings/controls.js';
import type { Diagnostic } from '../../types.js';
import type { LintCheck } from '../types.js';

/**
 * A document that holds Restricted Data, Formerly Restricted Data or TFNI (a portion or banner with
 * RD, FRD, CNWDI, SIGMA or TFNI) whose `Declassify On` line gives anything but the N/A form: no
 * date declassifies such information (32 CFR 2001.24(h)(2)), and the line must read `N/A to
 * RD/FRD/TFNI portions. See source list for NSI portions.` (2001.24(h)(3)). The release rules
 * withhold those portions whatever the line says; this tells the classifier the line is wrong.
 */
export const atomicEnergyActDecl: LintCheck = {
  id: 'atomic-energy-act-decl',
  description: 'A document with RD, FRD or TFNI portions whose Declassify On line is not the N/A form.',
  codes: ['atomic-energy-act-decl'],
  formats: ['document'],
  check: ({ doc }) => {
    const marks = [doc.banner?.marking, ...doc.portions.map((p) => p.marking)];
    const held = [...new Set(marks.flatMap((m) => m?.controls.filter((c) => AEA_CLASSIFIED.has(c)) ?? []))];
    if (held.length === 0) return [];
    const out: Diagnostic[] = [];
    for (const f of doc.authority?.declassifyOn ?? []) {
      if (parseDecl(f.raw).kind === 'source-list') continue;
      out.push({
        severity: 'warning',
        code: 'atomic-energy-act-decl',
        message: `Declassify On ${JSON.stringify(f.value)} in a document with ${held.join(', ')} portions, which no date declassifies; expected "N/A to RD/FRD/TFNI portions. See source list for NSI portions." (32 CFR 2001.24(h)(3)). Those portions are withheld whatever the date.`,
        span: f.span,
      });
    }
    return out;
  },
};
