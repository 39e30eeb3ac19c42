import type { Diagnostic, Marking, Span } from '../../types.js';
import type { LintCheck } from '../types.js';
import { portionLabel } from '../../parse/portion-label.js';

/**
 * REL TO and NOFORN contradict each other (CAPCO §H.8); the grammar keeps NOFORN (fail closed) and
 * says so in the marking's notes, the only record of what was written. Every banner line and
 * portion mark of a modern document. Cables: `marking-conflicts`.
 */
export const relToWithNoforn: LintCheck = {
  id: 'rel-to-with-noforn',
  description: 'A banner line or portion mark of a document combines REL TO with NOFORN (read as NOFORN).',
  codes: ['rel-to-with-noforn'],
  formats: ['document'],
  check: ({ doc }) => {
    const out: Diagnostic[] = [];
    const look = (m: Marking | null | undefined, span: Span, where: string): void => {
      if (!m || !m.normalisations.some((n) => /^NOFORN and REL TO together/.test(n))) return;
      out.push({ severity: 'error', code: 'rel-to-with-noforn', message: `${where} ${JSON.stringify(m.raw)} combines REL TO with NOFORN, which contradict each other; expected one of them (read as NOFORN).`, span });
    };
    for (const b of doc.pageBanners ?? []) look(b.marking, b.span, `Banner on page ${b.page}`);
    for (const p of doc.portions) if (p.markingSource === 'marked' && p.mark) look(p.marking, p.mark.span, `${portionLabel(p)} has the mark`);
    return out;
  },
};
