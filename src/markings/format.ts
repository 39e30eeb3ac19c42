/**
 * Writing a marking in canonical form: banner (`SECRET//NOFORN`) or portion mark (`(S//NF)`).
 */
import type { Marking } from '../types.js';
import { REL_TO_POSITION, CONTROL_ORDER, bannerName, controlCategory, portionAbbreviation } from './controls.js';
import { LEVEL_BANNER } from './levels.js';

/**
 * Format a marking as `banner` words or as a `portion` mark (without parentheses).
 * Categories are joined by `//` and values inside a category by `/` (CAPCO §A.6), in the order
 * level, SCI, special access (without the program, which is not kept), Atomic Energy Act, NATO, FGI, IC dissemination controls (REL TO in its register place, after PROPIN),
 * non-IC dissemination controls. On an unclassified marking, NOFORN with SBU or LES is written as
 * the single marking SBU NOFORN / LES NOFORN (portion `SBU-NF`, `LES-NF`).
 */
export function format(m: Marking, style: 'banner' | 'portion'): string {
  const banner = style === 'banner';
  const name = (c: string) => (banner ? bannerName(c) : portionAbbreviation(c));
  const absorbNoforn =
    m.level === 'U' && m.controls.includes('NOFORN') && (m.controls.includes('SBU') || m.controls.includes('LES'));
  const categories: string[] = [banner ? LEVEL_BANNER[m.level] : m.level];
  if (m.sci.length > 0) categories.push(m.sci.join('/'));
  if (m.controls.includes('SAR')) categories.push(banner ? 'SPECIAL ACCESS REQUIRED' : 'SAR');
  const aea = formatAea(m.controls, banner);
  if (aea !== '') categories.push(aea);
  if (m.controls.includes('NATO')) categories.push('NATO');
  if (m.controls.includes('FGI')) categories.push(['FGI', ...m.fgi].join(' '));
  const ic: string[] = [];
  const nonIc: string[] = [];
  const rel = m.relTo.length > 0 ? `REL TO ${m.relTo.join(', ')}` : null;
  let relDone = false;
  for (const c of m.controls) {
    if (controlCategory(c) < 4) continue;
    if (rel && !relDone && CONTROL_ORDER.indexOf(c) >= REL_TO_POSITION) {
      ic.push(rel);
      relDone = true;
    }
    if (c === 'NOFORN' && absorbNoforn) continue;
    const written = (c === 'SBU' || c === 'LES') && absorbNoforn ? `${name(c)}${banner ? ' NOFORN' : '-NF'}` : name(c);
    (controlCategory(c) === 4 ? ic : nonIc).push(written);
  }
  if (rel && !relDone) ic.push(rel);
  if (ic.length > 0) categories.push(ic.join('/'));
  if (nonIc.length > 0) categories.push(nonIc.join('/'));
  return categories.join('//');
}

/**
 * The Atomic Energy Act category: `RD-CNWDI-SIGMA`/`FRD-SIGMA`/`TFNI`/`DOD UCNI`/`DOE UCNI` in a
 * banner, `RD-N-SG`/`FRD-SG`/`TFNI`/`DCNI`/`UCNI` in a portion mark; SIGMA goes with RD when
 * both RD and FRD are present. Empty when the marking has none.
 */
function formatAea(controls: readonly string[], banner: boolean): string {
  const has = (c: string) => controls.includes(c);
  const sigma = has('SIGMA') ? (banner ? '-SIGMA' : '-SG') : '';
  const parts: string[] = [];
  if (has('RD')) parts.push(`RD${has('CNWDI') ? (banner ? '-CNWDI' : '-N') : ''}${sigma}`);
  if (has('FRD')) parts.push(`FRD${has('RD') ? '' : sigma}`);
  if (has('TFNI')) parts.push('TFNI');
  if (has('DCNI')) parts.push(banner ? 'DOD UCNI' : 'DCNI');
  if (has('UCNI')) parts.push(banner ? 'DOE UCNI' : 'UCNI');
  return parts.join('/');
}

/**
 * Canonical banner for a marking: level spelled out, controls by their banner abbreviations,
 * e.g. `SECRET//NOFORN`, `CONFIDENTIAL//REL TO USA, GBR, NATO`, `UNCLASSIFIED//SBU`,
 * `TOP SECRET//SI//NOFORN`, `UNCLASSIFIED//SBU NOFORN`. A marking with NATO is written
 * `SECRET//NATO//…` (NATO as its own category) so that it reads back to the same marking.
 */
export function formatBanner(m: Marking): string {
  return format(m, 'banner');
}

/**
 * Canonical portion mark, with parentheses: `(S//NF)`, `(U//SBU)`, `(C//REL TO USA, NATO)`,
 * `(U//SBU-NF)`, `(TS//SI//NF)`. `parseMarking(formatPortion(m), 'portion')` gives back `m`'s
 * level, SCI, controls, REL TO and FGI.
 */
export function formatPortion(m: Marking): string {
  return `(${format(m, 'portion')})`;
}
