/**
 * Dissemination and handling controls: register order, aliases and portion abbreviations.
 *
 * Every control is stored under its banner abbreviation (see `Marking.controls` in types.ts).
 * The order is the register order of CAPCO §G Table 4 (domain.md §1.2 item 5), preceded by the
 * two non-US/foreign categories, which come before dissemination controls in a marking
 * (category order: classification → SCI → … → Atomic Energy Act → FGI → IC dissem → non-IC dissem).
 */

/**
 * Category of a control: 1.5 = special access (SAR, between SCI and the next), 2 = Atomic Energy Act
 * (RD, FRD, TFNI, UCNI), 3 = foreign (NATO, FGI), 4 = IC dissemination, 5 = non-IC dissemination.
 * (0 is the level and 1 SCI, used by the parser's separator checks.)
 */
export type ControlCategory = 1.5 | 2 | 3 | 4 | 5;

interface ControlInfo {
  readonly category: ControlCategory;
  /** The portion-mark abbreviation (`NOFORN` → `NF`). */
  readonly portion: string;
  /** The banner's words when they are not the control's name (`DISPLAYONLY` → `DISPLAY ONLY`). */
  readonly banner?: string;
}

/**
 * The known controls in register order. `LOU` (Limited Official Use) is not in the register: it is
 * the State Department caption SBU replaced in 1995 (domain.md §1.7); it sorts after `SSI`, and
 * `CUI` after it.
 */
const CONTROL_TABLE: ReadonlyArray<readonly [string, ControlInfo]> = [
  // Special access programs (CAPCO's category between SCI and Atomic Energy Act information): one
  // control, `SAR`, whatever the program; see readSapPrograms in parse-marking.ts.
  ['SAR', { category: 1.5, portion: 'SAR' }],
  // Atomic Energy Act information (CAPCO's category after SCI and SAP): Restricted Data with its
  // sub-markings CNWDI (portion `RD-N`) and SIGMA (`RD-SG`), Formerly Restricted Data,
  // Transclassified Foreign Nuclear Information, and unclassified controlled nuclear information of
  // DoD (`DCNI`, banner `DOD UCNI`) and DOE (`UCNI`, banner `DOE UCNI`). See formatAea in format.ts.
  ['RD', { category: 2, portion: 'RD' }],
  ['CNWDI', { category: 2, portion: 'N' }],
  ['FRD', { category: 2, portion: 'FRD' }],
  ['SIGMA', { category: 2, portion: 'SG' }],
  ['TFNI', { category: 2, portion: 'TFNI' }],
  ['DCNI', { category: 2, portion: 'DCNI' }],
  ['UCNI', { category: 2, portion: 'UCNI' }],
  ['NATO', { category: 3, portion: 'NATO' }],
  ['FGI', { category: 3, portion: 'FGI' }],
  ['RSEN', { category: 4, portion: 'RS' }],
  ['FOUO', { category: 4, portion: 'FOUO' }],
  ['ORCON', { category: 4, portion: 'OC' }],
  ['ORCON-USGOV', { category: 4, portion: 'OC-USGOV' }],
  ['IMCON', { category: 4, portion: 'IMC' }],
  ['NOFORN', { category: 4, portion: 'NF' }],
  ['PROPIN', { category: 4, portion: 'PR' }],
  // REL TO sits here in the register; it is kept in Marking.relTo, not in controls.
  ['RELIDO', { category: 4, portion: 'RELIDO' }],
  ['DISPLAYONLY', { category: 4, portion: 'DISPLAYONLY', banner: 'DISPLAY ONLY' }],
  ['DSEN', { category: 4, portion: 'DSEN' }],
  ['FISA', { category: 4, portion: 'FISA' }],
  ['LIMDIS', { category: 5, portion: 'DS' }],
  ['EXDIS', { category: 5, portion: 'XD' }],
  ['NODIS', { category: 5, portion: 'ND' }],
  ['SBU', { category: 5, portion: 'SBU' }],
  ['LES', { category: 5, portion: 'LES' }],
  ['SSI', { category: 5, portion: 'SSI' }],
  ['LOU', { category: 5, portion: 'LOU' }],
  // Controlled Unclassified Information (32 CFR part 2002), not in the register either: the CUI
  // program's own marking, read where a document carries it alone (`(CUI)`, a `CUI` banner).
  ['CUI', { category: 5, portion: 'CUI' }],
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

/** Category of a known control (1.5 special access, 2 Atomic Energy Act, 3 foreign, 4 IC dissem, 5 non-IC dissem). */
export function controlCategory(name: string): ControlCategory {
  return CONTROL_INFO.get(name)?.category ?? 5;
}

/**
 * Atomic Energy Act information that is classified by the act, not by an executive order: RD and
 * its CNWDI and SIGMA sub-markings, FRD, TFNI. No declassification date of the document lifts it
 * (32 CFR 2001.24(h)(2), (i)(3)); it cannot be marked UNCLASSIFIED.
 */
export const AEA_CLASSIFIED: ReadonlySet<string> = new Set(['RD', 'CNWDI', 'FRD', 'SIGMA', 'TFNI']);

/** Portion abbreviation of a control (`NOFORN` → `NF`, `EXDIS` → `XD`); unknown names unchanged. */
export function portionAbbreviation(name: string): string {
  return CONTROL_INFO.get(name)?.portion ?? name;
}

/** Banner words of a control (`DISPLAYONLY` → `DISPLAY ONLY`); its name for every other one. */
export function bannerName(name: string): string {
  return CONTROL_INFO.get(name)?.banner ?? name;
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
  return control !== 'FOUO' && !FDR_CONTROLS.has(control) && controlCategory(control) >= 4;
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
