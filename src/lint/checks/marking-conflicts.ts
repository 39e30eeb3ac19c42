import type { Diagnostic, Document, Marking, Span } from '../../types.js';
import type { LintCheck } from '../types.js';
import { portionLabel } from '../../parse/portion-label.js';

/** Controls on one mark that contradict each other or lack what they require (CAPCO §H.8, pp. 172–175). */
export const markingConflicts: LintCheck = {
  id: 'marking-conflicts',
  description: 'No banner or portion mark combines REL TO with NOFORN, which contradict each other (read as NOFORN), or carries EXDIS or NODIS without the NOFORN both require (read as NOFORN).',
  codes: ['rel-to-with-noforn', 'dissem-without-noforn'],
  formats: ['cable'],
  check: ({ doc }) => conflicts(doc),
};

/**
 * `rel-to-with-noforn` and `dissem-without-noforn` on the banner and every portion's own mark.
 * The marking parser resolves both (fail closed) and says so in the marking's normalisation notes,
 * which are read here: they are the only record of what was written.
 */
function conflicts(doc: Document): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (marking: Marking | null | undefined, span: Span, where: string): void => {
    if (!marking) return;
    if (marking.normalisations.some((n) => /^NOFORN and REL TO together/.test(n))) {
      out.push({ severity: 'error', code: 'rel-to-with-noforn', message: `${where} ${JSON.stringify(marking.raw)} combines REL TO with NOFORN, which contradict each other; expected one of them (read as NOFORN).`, span });
    }
    if (marking.normalisations.some((n) => /^EXDIS and NODIS always carry NOFORN/.test(n))) {
      const which = marking.controls.filter((c) => c === 'EXDIS' || c === 'NODIS').join(' and ');
      out.push({ severity: 'warning', code: 'dissem-without-noforn', message: `${where} ${JSON.stringify(marking.raw)} carries ${which} without NOFORN, which ${which} requires; expected NOFORN with it (read as NOFORN).`, span });
    }
  };
  if (doc.banner) check(doc.banner.marking, doc.banner.span, 'Banner');
  for (const p of doc.portions) if (p.markingSource === 'marked' && p.mark) check(p.marking, p.mark.span, `${portionLabel(p)} has the mark`);
  return out;
}
