/**
 * Banner roll-up: the overall marking of a set of portions (domain.md §1.3, CAPCO §D.2).
 */
import type { Level, Marking } from '../types.js';
import { FDR_CONTROLS, UNCLASSIFIED_ONLY_CONTROLS, beatsFouo } from './controls.js';
import { mergeFgi } from './compare.js';
import { format } from './format.js';
import { isClassified, maxLevel } from './levels.js';
import { makeMarking } from './marking.js';
import { intersectRelTo } from './rel-to.js';

/**
 * Compute the banner marking for a set of portion markings:
 * 1. the highest level (empty input → UNCLASSIFIED);
 * 2. the union of SCI systems and of NATO;
 * 3. FGI with the union of source countries, or bare FGI if any portion conceals its source;
 * 4. the union of dissemination controls, then: FOUO dropped from a classified banner and, in an
 *    unclassified one, whenever another non-FD&R control is present (SBU beats FOUO); SBU and LOU
 *    dropped from a classified banner; only the strongest of LIMDIS < EXDIS < NODIS kept;
 * 5. foreign release (CAPCO Table 3), over the classified portions plus any portion that carries an
 *    FD&R marking: any NOFORN → NOFORN; REL TO or RELIDO alongside portions with no FD&R marking →
 *    NOFORN; otherwise REL TO the intersection of the lists (FVEY/ACGU/TEYE expanded; no common
 *    country → NOFORN), and RELIDO only if every such portion is RELIDO (a mix of REL TO and
 *    RELIDO-only portions → NOFORN, fail closed). NATO information with no FD&R marking counts as
 *    REL TO USA, NATO there (it is releasable to NATO); NATO portions alone get no REL TO line.
 *
 * Classification by compilation (2001.24(g)) is not detected: callers must flag it themselves.
 * The result's `raw` is its canonical banner (`formatBanner`), `span` is undefined and
 * `normalisations` explains each roll-up decision that was not a plain union. The result
 * dominates every input (see `dominates`).
 */
export function rollUp(markings: readonly Marking[]): Marking {
  const notes: string[] = [];
  const level = markings.reduce<Level>((l, m) => maxLevel(l, m.level), 'U');
  const controls = new Set<string>();
  for (const m of markings) for (const c of m.controls) if (!FDR_CONTROLS.has(c)) controls.add(c);
  const fgi = mergeFgi(markings);

  // Foreign disclosure and release.
  let relTo: string[] = [];
  const fdr = (m: Marking) => m.relTo.length > 0 || m.controls.includes('RELIDO') || m.controls.includes('NOFORN');
  const considered = markings.filter((m) => isClassified(m.level) || fdr(m));
  if (markings.some((m) => m.controls.includes('NOFORN'))) {
    controls.add('NOFORN');
  } else if (considered.some(fdr)) {
    const unmarked = considered.filter((m) => !fdr(m) && !isNatoInformation(m));
    const rel = considered.filter((m) => relToOf(m).length > 0);
    if (considered.some((m) => !fdr(m) && isNatoInformation(m))) notes.push('NATO information with no FD&R marking counted as REL TO USA, NATO (it is releasable to NATO)');
    if (unmarked.length > 0) {
      controls.add('NOFORN');
      notes.push('REL TO or RELIDO alongside classified portions with no FD&R marking: NOFORN');
    } else if (rel.length === considered.length) {
      relTo = intersectRelTo(rel.map(relToOf));
      if (relTo.length <= 1) {
        relTo = [];
        controls.add('NOFORN');
        notes.push('REL TO lists have no country in common: NOFORN');
      } else if (considered.every((m) => m.controls.includes('RELIDO'))) {
        controls.add('RELIDO');
      }
    } else if (rel.length === 0) {
      controls.add('RELIDO');
    } else {
      controls.add('NOFORN');
      notes.push('REL TO portions alongside RELIDO-only portions: NOFORN (fail closed)');
    }
  }

  if (controls.has('FOUO') && (isClassified(level) || [...controls].some(beatsFouo))) {
    controls.delete('FOUO');
    const why = isClassified(level) ? 'never in a classified banner' : 'another control takes precedence';
    notes.push(`FOUO dropped: ${why}`);
  }
  if (isClassified(level)) {
    for (const c of UNCLASSIFIED_ONLY_CONTROLS) {
      if (c !== 'FOUO' && controls.delete(c)) notes.push(`${c} dropped: not carried in a classified banner`);
    }
  }
  const draft = makeMarking({
    raw: '',
    level,
    sci: markings.flatMap((m) => m.sci),
    controls,
    relTo,
    fgi: fgi.fgi,
    normalisations: notes,
  });
  return { ...draft, raw: format(draft, 'banner') };
}

/**
 * NATO information (`(//NS)`, `(NC)`) carries no FD&R marking of its own and needs none: it is
 * releasable to NATO by what it is, so it is not one of the "portions with no FD&R marking" that
 * make a REL TO banner NOFORN (a `(S//REL TO USA, NATO)` and a `(//NS)` portion rolled up to
 * `SECRET//NATO//NOFORN`, a banner that forbids giving NATO the document made for it).
 */
function isNatoInformation(m: Marking): boolean {
  return m.controls.includes('NATO');
}

/** The REL TO list a portion counts with: its own, or USA, NATO for NATO information without one. */
function relToOf(m: Marking): readonly string[] {
  return m.relTo.length === 0 && isNatoInformation(m) && !m.controls.includes('RELIDO') ? ['USA', 'NATO'] : m.relTo;
}
