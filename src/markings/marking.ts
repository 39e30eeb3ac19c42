/**
 * Building a normalised {@link Marking} from parts, applying the consistency rules once.
 */
import type { Level, Marking } from '../types.js';
import { DISTRIBUTION_CAPTIONS, sortControls } from './controls.js';
import { REL_TO_NOTES, sortRelTo } from './rel-to.js';

/** The parts of a marking before normalisation. */
export interface MarkingDraft {
  readonly raw: string;
  readonly level: Level;
  readonly sci?: Iterable<string>;
  readonly controls?: Iterable<string>;
  readonly relTo?: Iterable<string>;
  readonly fgi?: Iterable<string>;
  readonly normalisations?: Iterable<string>;
  /** A banner's trailing declassification instruction, as written (see {@link Marking}). */
  readonly declassifyOn?: string;
}

/** The note of a mark that contradicts itself, NOFORN with REL TO (CAPCO §H.8). */
export const NOFORN_REL_TO_NOTE = 'NOFORN and REL TO together are contradictory: NOFORN kept, REL TO dropped (fail closed)';

/**
 * How a reader reports the notes of a mark it normalised: a `rel-to-with-noforn` warning when the
 * mark as written contradicts itself (NOFORN with REL TO: `declass lint` calls it an error under
 * that code, and the console shows it), else a `marking-normalised` info note for a mere repair
 * of its form (`//` for `/`, an order, USA added).
 */
export function normalisedNote(notes: readonly string[]): { readonly severity: 'info' | 'warning'; readonly code: string } {
  return notes.includes(NOFORN_REL_TO_NOTE) ? { severity: 'warning', code: 'rel-to-with-noforn' } : { severity: 'info', code: 'marking-normalised' };
}

/**
 * Make a normalised marking: SCI, controls, REL TO and FGI deduplicated and in register order,
 * and these rules applied, each leaving a note in `normalisations`:
 * - REL TO without `USA` gets `USA` added (CAPCO §H.8: USA always first).
 * - `REL TO USA` alone is not authorised and releases to nobody: it becomes NOFORN.
 * - NOFORN together with REL TO is contradictory (CAPCO §H.8); NOFORN wins (fail closed).
 * - Of LIMDIS, EXDIS and NODIS only the strongest is kept (NODIS beats EXDIS, CAPCO pp170–175).
 * - EXDIS and NODIS require NOFORN (CAPCO pp172–175): NOFORN is added.
 * - FGI source countries imply the FGI control.
 * `span` is left undefined; the caller sets it.
 */
export function makeMarking(draft: MarkingDraft): Marking {
  const notes = [...(draft.normalisations ?? [])];
  const controls = new Set(draft.controls ?? []);
  let relTo = [...new Set(draft.relTo ?? [])];
  const fgi = [...new Set(draft.fgi ?? [])].sort();
  if (fgi.length > 0) controls.add('FGI');

  // Before the REL TO checks: the NOFORN that EXDIS/NODIS imply also beats REL TO.
  if ((controls.has('EXDIS') || controls.has('NODIS')) && !controls.has('NOFORN')) {
    controls.add('NOFORN');
    notes.push('EXDIS and NODIS always carry NOFORN: NOFORN added');
  }
  if (relTo.length > 0 && !relTo.includes('USA')) {
    relTo.push('USA');
    notes.push(REL_TO_NOTES.usaAdded);
  }
  if (relTo.length === 1) {
    relTo = [];
    controls.add('NOFORN');
    notes.push('REL TO USA with no other country releases to nobody: read as NOFORN');
  }
  if (relTo.length > 0 && controls.has('NOFORN')) {
    relTo = [];
    notes.push(NOFORN_REL_TO_NOTE);
  }
  const captions = DISTRIBUTION_CAPTIONS.filter((c) => controls.has(c));
  if (captions.length > 1) {
    const strongest = captions[captions.length - 1] as string;
    for (const c of captions) if (c !== strongest) controls.delete(c);
    notes.push(`${captions.join(' and ')} together: only ${strongest}, the most restrictive, kept`);
  }
  return {
    raw: draft.raw,
    level: draft.level,
    sci: sortSci(draft.sci ?? []),
    controls: sortControls(controls),
    relTo: sortRelTo(relTo),
    fgi,
    normalisations: [...new Set(notes)],
    ...(draft.declassifyOn ? { declassifyOn: draft.declassifyOn } : {}),
  };
}

/** SCI values sort numbers first, then letters (CAPCO §A.6); duplicates removed. */
export function sortSci(sci: Iterable<string>): string[] {
  return [...new Set(sci)].sort((a, b) => {
    const na = /^[0-9]/.test(a);
    const nb = /^[0-9]/.test(b);
    if (na !== nb) return na ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
