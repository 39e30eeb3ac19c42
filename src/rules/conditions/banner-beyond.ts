import type { Document, Marking } from '../../types.js';
import { relToSubset, rollUp } from '../../markings/index.js';
import type { ConditionKind } from '../types.js';
import { captionControls } from './document.js';
import { perDocument } from './per-document.js';

/**
 * What a document's banner carries that none of its portions does: controls (`NOFORN`, `ORCON`,
 * `SAR`, `NATO`, `RD`, …), SCI control systems (`SI`, `HCS-P`), and a REL TO list narrower than
 * its portions' common one (`SECRET//REL TO USA, GBR` over `(S//REL TO USA, FVEY)` portions).
 */
export interface BannerExcess {
  readonly controls: readonly string[];
  readonly sci: readonly string[];
  /** The portions' common REL TO list when it names a country the banner's REL TO list leaves out; else empty. */
  readonly relTo: readonly string[];
  /** The banner's REL TO list (empty when it has none). */
  readonly bannerRelTo: readonly string[];
}

/**
 * The banner's excess over the roll-up of its portions (CAPCO §D.2: the banner is the roll-up of
 * the portions and of what is not portion marked), once per document; null when there is none to
 * find: no banner understood, an unmarked portion other than a memo header or the signature (it may
 * hold what the banner says and is withheld at its level), a mark not understood, or no portion.
 * Text of a quoted message marked UNCLASSIFIED by its own lines counts as a (U) portion. A
 * classified US portion with no foreign release marking counts as NOFORN (CAPCO §B.3 Table 2:
 * NOFORN or RELIDO, neither releasable), and a cable's caption controls (a caveat line, `S E C R E T
 * EXDIS`) cover every paragraph, so neither is an excess. A banner control, SCI system or REL TO
 * restriction in no portion means information not portion marked, a compilation (32 CFR
 * 2001.24(g)) or a portion marked too permissively: releasing the portions would drop it.
 */
export const bannerExcess: (doc: Document) => BannerExcess | null = perDocument((doc) => computeExcess(doc));

const PLAIN_U: Marking = { raw: '(U)', level: 'U', sci: [], controls: [], relTo: [], fgi: [], normalisations: [] };

/** The markings bannerExcess compares the banner with, or null (see there). */
function excessPortions(doc: Document): Marking[] | null {
  const out: Marking[] = [];
  for (const p of doc.portions) {
    if (p.inUnclassifiedMessage) out.push(PLAIN_U);
    else if (p.markingSource !== 'unknown' && p.markingSource !== 'unmarked' && p.marking !== null) out.push(p.marking);
    else if (p.kind !== 'header' && p.kind !== 'signature') return null;
  }
  return out.length > 0 ? out : null;
}

/** True for a classified US portion with no foreign release marking: NOFORN or RELIDO by default. */
function noFdr(m: Marking): boolean {
  if (m.level === 'U' || m.relTo.length > 0 || m.fgi.length > 0) return false;
  return !m.controls.some((c) => c === 'NOFORN' || c === 'RELIDO' || c === 'NATO' || c === 'FGI');
}

function computeExcess(doc: Document): BannerExcess | null {
  const banner = doc.banner?.marking ?? null;
  const portions = excessPortions(doc);
  if (banner === null || portions === null) return null;
  const rolled = rollUp(portions);
  const byDefault = portions.some(noFdr) ? ['NOFORN', 'RELIDO'] : [];
  const caption = captionControls(doc);
  const controls = banner.controls.filter((c) => !rolled.controls.includes(c) && !byDefault.includes(c) && !caption.includes(c));
  const sci = banner.sci.filter((s) => !rolled.sci.some((r) => r === s || r.startsWith(`${s}-`) || r.startsWith(`${s} `)));
  const relTo = banner.relTo.length > 0 && rolled.relTo.length > 0 && !relToSubset(rolled.relTo, banner.relTo) ? rolled.relTo : [];
  return controls.length + sci.length + relTo.length > 0 ? { controls, sci, relTo, bannerRelTo: banner.relTo } : null;
}

/** Words for a BannerExcess: `NOFORN; SCI SI; REL TO USA, GBR (the portions: USA, FVEY)`. */
export function describeExcess(e: BannerExcess): string {
  const parts = [...e.controls, ...e.sci.map((s) => `SCI ${s}`)];
  if (e.relTo.length > 0) parts.push(`REL TO ${e.bannerRelTo.join(', ')} (the portions: ${e.relTo.join(', ')})`);
  return parts.join('; ');
}

/**
 * `bannerControlsBeyondPortions: [NOFORN, ORCON, SCI]` — the document's banner carries one of these
 * controls that no portion carries (see bannerExcess); `SCI` stands for any SCI control system.
 */
export const bannerControlsBeyondPortions: ConditionKind<readonly string[]> = {
  key: 'bannerControlsBeyondPortions',
  description:
    "The document's banner carries one of these controls that no portion carries, all of them marked (a memo header and the signature aside; SCI stands for any SCI control system): information not portion marked, a compilation or a portion marked too permissively. A classified portion without a foreign release marking counts as NOFORN; a cable's caption covers every paragraph.",
  test: (value, facts) => {
    const e = bannerExcess(facts.document);
    return e !== null && (e.controls.some((c) => value.includes(c)) || (e.sci.length > 0 && value.includes('SCI')));
  },
  explain: (value) => `document banner carries ${value.join(' or ')} beyond its portions`,
};

/**
 * `bannerRelToNarrower: [AUS, CAN, GBR, NZL]` — the document's portions, all of them marked, are
 * REL TO one of these (their common REL TO list names it; FVEY counts as its members) and the
 * banner's REL TO list is not (`SECRET//REL TO USA, GBR` over `(S//REL TO USA, FVEY)` portions).
 */
export const bannerRelToNarrower: ConditionKind<readonly string[]> = {
  key: 'bannerRelToNarrower',
  description:
    "The document's portions, all of them marked (a memo header and the signature aside), are REL TO one of these (their common REL TO list names it; FVEY, ACGU and TEYE count as their members) and the banner's REL TO list does not name it: the banner is narrower than its portions.",
  test: (value, facts) => {
    const e = bannerExcess(facts.document);
    return e !== null && e.relTo.length > 0 && value.some((c) => relToSubset([c], e.relTo) && !relToSubset([c], e.bannerRelTo));
  },
  explain: (value) => `document banner's REL TO list leaves out ${value.join(' or ')}, which its portions name`,
};
