/**
 * Comparing and combining markings: dominance and the most restrictive of two marks.
 */
import type { Marking } from '../types.js';
import { DISTRIBUTION_CAPTIONS, UNCLASSIFIED_ONLY_CONTROLS, beatsFouo } from './controls.js';
import { compareLevels, isClassified, maxLevel } from './levels.js';
import { makeMarking } from './marking.js';
import { intersectRelTo, relToSubset } from './rel-to.js';

/** True if the marking carries the FGI control with no source list (sources concealed). */
export function hasBareFgi(m: Marking): boolean {
  return m.controls.includes('FGI') && m.fgi.length === 0;
}

/** True if `a` handles `control` of another marking at least as strictly. */
function covers(a: Marking, control: string): boolean {
  if (a.controls.includes(control)) return true;
  // FOUO, SBU and LOU are dropped from classified markings (CAPCO pp134, 176): classification covers them.
  if (UNCLASSIFIED_ONLY_CONTROLS.has(control) && isClassified(a.level)) return true;
  // FOUO gives way to any other non-FD&R dissemination control (CAPCO p134).
  if (control === 'FOUO' && a.controls.some(beatsFouo)) return true;
  // A stronger distribution caption covers a weaker one (NODIS beats EXDIS).
  const rank = DISTRIBUTION_CAPTIONS.indexOf(control);
  if (rank >= 0 && DISTRIBUTION_CAPTIONS.slice(rank + 1).some((c) => a.controls.includes(c))) return true;
  // RELIDO permits release by a disclosure official: it loosens, so lacking it is stricter.
  if (control === 'RELIDO') return true;
  return false;
}

/**
 * True if `a` is at least as restrictive as `b`:
 * - level: `a.level >= b.level`;
 * - SCI: `a.sci ⊇ b.sci`;
 * - FGI: if `b` has FGI, `a` has FGI, bare (sources concealed, covers any list) or with a
 *   source list that contains `b`'s;
 * - controls: every control of `b` is in `a`, or is covered by it: FOUO/SBU/LOU by a classified
 *   level, FOUO by another non-FD&R control, EXDIS by NODIS, LIMDIS by EXDIS or NODIS; RELIDO
 *   needs nothing (it permits release by a disclosure official, so lacking it is stricter);
 * - foreign release: if `b` is NOFORN, `a` is NOFORN; if `b` is REL TO a list, `a` is NOFORN or
 *   REL TO a list that is a subset of it (FVEY, ACGU, TEYE expanded). A marking with no FD&R
 *   marking at all puts no constraint on `a` (comparison is structural; the pre-2010 "unmarked
 *   classified means NOFORN" default is applied by `rollUp`, not here).
 */
export function dominates(a: Marking, b: Marking): boolean {
  if (compareLevels(a.level, b.level) < 0) return false;
  if (!b.sci.every((s) => a.sci.includes(s))) return false;
  if (b.controls.includes('FGI')) {
    if (!a.controls.includes('FGI')) return false;
    if (!hasBareFgi(a) && (hasBareFgi(b) || !b.fgi.every((c) => a.fgi.includes(c)))) return false;
  }
  for (const control of b.controls) {
    if (control === 'FGI') continue;
    if (!covers(a, control)) return false;
  }
  if (b.relTo.length > 0 && !a.controls.includes('NOFORN')) {
    if (a.relTo.length === 0 || !relToSubset(a.relTo, b.relTo)) return false;
  }
  return true;
}

/** Merge FGI: bare FGI anywhere wins (a concealed source stays concealed); otherwise the union of sources. */
export function mergeFgi(ms: readonly Marking[]): { fgi: string[]; bare: boolean; any: boolean } {
  const any = ms.some((m) => m.controls.includes('FGI'));
  const bare = ms.some(hasBareFgi);
  return { any, bare, fgi: bare ? [] : [...new Set(ms.flatMap((m) => m.fgi))] };
}

/**
 * The most restrictive combination of two markings on the same portion, as in a double mark
 * `(U) (SBU)` → `U//SBU` or `(C) (NF)`: the higher level and the union of SCI, FGI and controls.
 * Foreign release: NOFORN on either side wins; two REL TO lists intersect (nothing in common →
 * NOFORN); REL TO on one side and a classified mark with no FD&R marking on the other → NOFORN
 * (classified information with no FD&R marking is NOFORN by default, CAPCO §B.3 Table 2);
 * RELIDO is kept only if both carry it.
 * Unlike `rollUp`, nothing is dropped (a classified double mark keeps SBU): this is one portion,
 * not a banner. The result dominates both inputs. `raw` is `a.raw + " " + b.raw` and `span` is
 * undefined: the caller sets both from the source.
 */
export function mostRestrictive(a: Marking, b: Marking): Marking {
  const notes = [...new Set([...a.normalisations, ...b.normalisations])];
  notes.push('two marks on one portion combined: the most restrictive of each part kept');
  const controls = new Set([...a.controls, ...b.controls]);
  // RELIDO loosens release: it survives only if both marks carry it.
  if (!(a.controls.includes('RELIDO') && b.controls.includes('RELIDO'))) controls.delete('RELIDO');
  const fgi = mergeFgi([a, b]);
  let relTo: string[] = [];
  const fdr = (m: Marking) => m.relTo.length > 0 || m.controls.includes('NOFORN') || m.controls.includes('RELIDO');
  if (!controls.has('NOFORN')) {
    if (a.relTo.length > 0 && b.relTo.length > 0) {
      relTo = intersectRelTo([a.relTo, b.relTo]);
      if (relTo.length <= 1) {
        relTo = [];
        controls.add('NOFORN');
        notes.push('REL TO lists have no country in common: NOFORN');
      }
    } else if (a.relTo.length > 0 || b.relTo.length > 0) {
      const other = a.relTo.length > 0 ? b : a;
      if (isClassified(other.level) && !fdr(other)) {
        controls.add('NOFORN');
        notes.push('REL TO with a classified mark that has no FD&R marking: NOFORN (fail closed)');
      } else {
        relTo = [...(a.relTo.length > 0 ? a.relTo : b.relTo)];
      }
    }
  }
  return makeMarking({
    raw: `${a.raw} ${b.raw}`,
    level: maxLevel(a.level, b.level),
    sci: [...a.sci, ...b.sci],
    controls,
    relTo,
    fgi: fgi.fgi,
    normalisations: notes,
  });
}

/**
 * `outer`, the marking of a portion, raised by a mark written inside it: the most restrictive
 * combination when it says more than `outer`, else null. Not `dominates(outer, inner)`: a REL TO
 * portion holding a classified mark with no FD&R marking (`(S//REL TO USA, NATO) … (S) …`)
 * dominates it structurally, yet the words under the inner mark are NOFORN by default.
 */
export function raisedByMark(outer: Marking, inner: Marking): Marking | null {
  const both = mostRestrictive(outer, inner);
  return dominates(outer, both) ? null : both;
}

/** True for a marking above plain (U): a level above U, or any control (`(U//FOUO)`, `(SBU)`). */
export function abovePlainU(m: Marking): boolean {
  return m.level !== 'U' || m.controls.length > 0;
}
