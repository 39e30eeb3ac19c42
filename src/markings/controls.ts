/**
 * Dissemination and handling controls: register order, aliases and portion abbreviations.
 *
 * Every control is stored under its banner abbreviation (see `Marking.controls` in types.ts).
 * The order is the register order of CAPCO §G Table 4 (domain.md §1.2 item 5), preceded by the
 * two non-US/foreign categories, which come before dissemination controls in a marking
 * (category order: classification → SCI → … → FGI → IC dissem → non-IC dissem).
 */

/**
 * Category of a control: 2 = foreign (NATO, FGI), 3 = IC dissemination, 4 = non-IC
 * dissemination. (0 is the level and 1 SCI, used by the parser's separator checks.)
 */
export type ControlCategory = 2 | 3 | 4;

interface ControlInfo {
  readonly category: ControlCategory;
  /** The portion-mark abbreviation (`NOFORN` → `NF`). */
  readonly portion: string;
}

/**
 * The known controls in register order. `LOU` (Limited Official Use) is not in the register: it is
 * the State Department caption SBU replaced in 1995 (domain.md §1.7); it sorts after `SSI`, and
 * `CUI` after it.
 */
const CONTROL_TABLE: ReadonlyArray<readonly [string, ControlInfo]> = [
  ['NATO', { category: 2, portion: 'NATO' }],
  ['FGI', { category: 2, portion: 'FGI' }],
  ['RSEN', { category: 3, portion: 'RS' }],
  ['FOUO', { category: 3, portion: 'FOUO' }],
  ['ORCON', { category: 3, portion: 'OC' }],
  ['ORCON-USGOV', { category: 3, portion: 'OC-USGOV' }],
  ['IMCON', { category: 3, portion: 'IMC' }],
  ['NOFORN', { category: 3, portion: 'NF' }],
  ['PROPIN', { category: 3, portion: 'PR' }],
  // REL TO sits here in the register; it is kept in Marking.relTo, not in controls.
  ['RELIDO', { category: 3, portion: 'RELIDO' }],
  ['DSEN', { category: 3, portion: 'DSEN' }],
  ['FISA', { category: 3, portion: 'FISA' }],
  ['LIMDIS', { category: 4, portion: 'DS' }],
  ['EXDIS', { category: 4, portion: 'XD' }],
  ['NODIS', { category: 4, portion: 'ND' }],
  ['SBU', { category: 4, portion: 'SBU' }],
  ['LES', { category: 4, portion: 'LES' }],
  ['SSI', { category: 4, portion: 'SSI' }],
  ['LOU', { category: 4, portion: 'LOU' }],
  // Controlled Unclassified Information (32 CFR part 2002), not in the register either: the CUI
  // program's own marking, read where a document carries it alone (`(CUI)`, a `CUI` banner).
  ['CUI', { category: 4, portion: 'CUI' }],
];

const CONTROL_INFO = new Map(CONTROL_TABLE);

/** The control names in register order. */
export const CONTROL_ORDER: readonly string[] = CONTROL_TABLE.map(([name]) => name);

/** Index of REL TO in the register: after PROPIN, before RELIDO (used when formatting). */
export const REL_TO_POSITION = CONTROL_ORDER.indexOf('RELIDO');

/** True if `name` is a known normalised control. */
export function isControl(name: string): boolean {
  return CONTROL_INFO.has(name);
}

/** Category of a known control (2 foreign, 3 IC dissem, 4 non-IC dissem). */
export function controlCategory(name: string): ControlCategory {
  return CONTROL_INFO.get(name)?.category ?? 4;
}

/** Portion abbreviation of a control (`NOFORN` → `NF`, `EXDIS` → `XD`); unknown names unchanged. */
export function portionAbbreviation(name: string): string {
  return CONTROL_INFO.get(name)?.portion ?? name;
}

/** Deduplicate and sort controls into register order; unknown names go last, alphabetically. */
export function sortControls(controls: Iterable<string>): string[] {
  const rank = (c: string): number => {
    const i = CONTROL_ORDER.indexOf(c);
    return i < 0 ? CONTROL_ORDER.length : i;
  };
  return [...new Set(controls)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Foreign-disclosure-and-release controls (REL TO is separate, in `relTo`). */
export const FDR_CONTROLS: ReadonlySet<string> = new Set(['NOFORN', 'RELIDO']);

/**
 * Controls that make FOUO redundant in an unclassified banner: any other non-FD&R dissemination
 * control (CAPCO p134: FOUO appears only if no other non-FD&R control is present).
 */
export function beatsFouo(control: string): boolean {
  return control !== 'FOUO' && !FDR_CONTROLS.has(control) && control !== 'NATO' && control !== 'FGI';
}

/**
 * Controls that are dropped from a classified banner: FOUO (CAPCO p134), SBU and its predecessor LOU
 * (p176), and CUI, which, like them, marks unclassified information that classification covers.
 */
export const UNCLASSIFIED_ONLY_CONTROLS: ReadonlySet<string> = new Set(['FOUO', 'SBU', 'LOU', 'CUI']);

/**
 * State distribution captions from least to most restrictive. A stronger caption replaces a
 * weaker one (NODIS beats EXDIS, CAPCO pp170–175); LIMDIS is treated the same way.
 */
export const DISTRIBUTION_CAPTIONS: readonly string[] = ['LIMDIS', 'EXDIS', 'NODIS'];

/** SCI control systems accepted in markings (CAPCO 2016 register), plus `SCI` for an unspecified system (`TS/SCI`). */
export const SCI_SYSTEMS: ReadonlySet<string> = new Set(['HCS', 'KDK', 'RSV', 'SI', 'TK', 'BUR', 'SCI']);
