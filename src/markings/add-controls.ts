/**
 * Adding caveat-line controls to a banner marking.
 */
import type { Marking } from '../types.js';
import { makeMarking } from './marking.js';

/**
 * Return `m` with `controls` added (e.g. the result of `parseCaveat("NOFORN")` added to the banner
 * `S E C R E T`), re-normalised: register order, NOFORN over REL TO, NODIS over EXDIS. `raw` is
 * kept (the caller may set it to the banner plus caveat text) and `span` is dropped. When
 * `note` is given it is appended to `normalisations`, e.g. `caveat line "NOFORN" added`.
 */
export function addControls(m: Marking, controls: readonly string[], note?: string): Marking {
  return makeMarking({
    raw: m.raw,
    level: m.level,
    sci: m.sci,
    controls: [...m.controls, ...controls],
    relTo: m.relTo,
    fgi: m.fgi,
    normalisations: note === undefined ? m.normalisations : [...m.normalisations, note],
  });
}
