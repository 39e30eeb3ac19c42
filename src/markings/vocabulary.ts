/**
 * The words of the marking grammar: level phrases and control phrases, with their aliases.
 *
 * Phrases are matched on upper-case words joined by a space or a hyphen, longest first.
 */
import type { Level } from '../types.js';

/** A level phrase: the level it means, whether it is a NATO level, and a note when it is not a normal form. */
export interface LevelWord {
  readonly level: Level;
  readonly nato: boolean;
  /** `banner` for spelled-out words, `portion` for abbreviations, `none` for typos and NATO forms. */
  readonly form: 'banner' | 'portion' | 'none';
  readonly note?: string;
}

/** A NATO level: the equivalent US level, with `NATO` kept as a control. */
const nato = (level: Level, note: string): LevelWord => ({ level, nato: true, form: 'none', note });
const NR_NOTE = 'has no US level: protected as CONFIDENTIAL (fail closed), with NATO';

/**
 * Level phrases. NATO levels keep a `NATO` control and map to the equivalent US level.
 * NATO RESTRICTED has no US equivalent. As far as we know the US protects foreign RESTRICTED
 * information like CONFIDENTIAL ("CONFIDENTIAL – Modified Handling"; not verified against a stored
 * source), and mapping `NR` to `U` could understate it, so `NR` maps to `C`: fail closed, never
 * lower than the truth. NATO UNCLASSIFIED maps to `U` with `NATO` kept.
 */
export const LEVEL_WORDS: ReadonlyMap<string, LevelWord> = new Map<string, LevelWord>([
  ['TOP SECRET', { level: 'TS', nato: false, form: 'banner' }],
  ['SECRET', { level: 'S', nato: false, form: 'banner' }],
  ['CONFIDENTIAL', { level: 'C', nato: false, form: 'banner' }],
  ['UNCLASSIFIED', { level: 'U', nato: false, form: 'banner' }],
  ['UNCLAS', { level: 'U', nato: false, form: 'none', note: 'UNCLAS (cable abbreviation) read as UNCLASSIFIED' }],
  ['TS', { level: 'TS', nato: false, form: 'portion' }],
  ['S', { level: 'S', nato: false, form: 'portion' }],
  ['C', { level: 'C', nato: false, form: 'portion' }],
  ['U', { level: 'U', nato: false, form: 'portion' }],
  ['SE', { level: 'S', nato: false, form: 'none', note: 'SE read as S (SECRET): typo' }],
  ['COSMIC TOP SECRET', nato('TS', 'COSMIC TOP SECRET read as TOP SECRET with NATO')],
  ['NATO SECRET', nato('S', 'NATO SECRET read as SECRET with NATO')],
  ['NATO CONFIDENTIAL', nato('C', 'NATO CONFIDENTIAL read as CONFIDENTIAL with NATO')],
  ['NATO RESTRICTED', nato('C', `NATO RESTRICTED ${NR_NOTE}`)],
  ['NATO UNCLASSIFIED', nato('U', 'NATO UNCLASSIFIED read as UNCLASSIFIED with NATO')],
  ['CTS', nato('TS', 'CTS (COSMIC TOP SECRET) read as TOP SECRET with NATO')],
  ['NS', nato('S', 'NS (NATO SECRET) read as SECRET with NATO')],
  ['NC', nato('C', 'NC (NATO CONFIDENTIAL) read as CONFIDENTIAL with NATO')],
  ['NR', nato('C', `NR (NATO RESTRICTED) ${NR_NOTE}`)],
  ['NU', nato('U', 'NU (NATO UNCLASSIFIED) read as UNCLASSIFIED with NATO')],
]);

/** What a control phrase adds to a marking. */
export interface ControlWord {
  /** Normalised controls added. */
  readonly controls: readonly string[];
  /** `banner` for spelled-out names, `portion` for portion abbreviations, `both` when the same, `none` for aliases. */
  readonly form: 'banner' | 'portion' | 'both' | 'none';
  readonly note?: string;
  /** True if the phrase can stand without a level (an unclassified control: `(SBU)`, `(FOUO)`). */
  readonly unclassified?: boolean;
}

const c = (controls: string[], form: ControlWord['form'], extra: Partial<ControlWord> = {}): ControlWord => ({
  controls,
  form,
  ...extra,
});

/**
 * Control phrases and aliases. `SBU-NF` / `SBU NOFORN` / `LES-NF` are read as two elements (SBU,
 * then NOFORN) joined by a hyphen or space; the parser accepts that joiner.
 */
export const CONTROL_WORDS: ReadonlyMap<string, ControlWord> = new Map<string, ControlWord>([
  ['RISK SENSITIVE', c(['RSEN'], 'banner')],
  ['RSEN', c(['RSEN'], 'banner')],
  ['RS', c(['RSEN'], 'portion')],
  ['FOR OFFICIAL USE ONLY', c(['FOUO'], 'banner', { unclassified: true })],
  ['FOUO', c(['FOUO'], 'both', { unclassified: true })],
  ['ORCON USGOV', c(['ORCON-USGOV'], 'banner')],
  ['OC USGOV', c(['ORCON-USGOV'], 'portion')],
  ['ORCON', c(['ORCON'], 'banner')],
  ['OC', c(['ORCON'], 'portion')],
  ['IMCON', c(['IMCON'], 'banner')],
  ['IMC', c(['IMCON'], 'portion')],
  ['NOFORN', c(['NOFORN'], 'banner')],
  ['NF', c(['NOFORN'], 'portion')],
  ['N', c(['NOFORN'], 'none', { note: 'N read as NF (NOFORN)' })],
  ['PROPIN', c(['PROPIN'], 'banner')],
  ['PR', c(['PROPIN'], 'portion')],
  ['PROPRIETARY', c(['PROPIN'], 'none', { note: 'PROPRIETARY read as PROPIN (proprietary information involved)' })],
  ['RELIDO', c(['RELIDO'], 'both')],
  ['DSEN', c(['DSEN'], 'both')],
  ['DEA SENSITIVE', c(['DSEN'], 'banner')],
  ['FISA', c(['FISA'], 'both')],
  ['LIMDIS', c(['LIMDIS'], 'banner')],
  // Spelled out, as State's caption and DoD's (NGA's) control both read.
  ['LIMITED DISTRIBUTION', c(['LIMDIS'], 'banner')],
  ['DS', c(['LIMDIS'], 'portion')],
  ['EXDIS', c(['EXDIS'], 'banner')],
  ['XD', c(['EXDIS'], 'portion')],
  ['NODIS', c(['NODIS'], 'banner')],
  // State's other distribution captions, read as the nearest of the three (fail closed: each
  // limits who reads the telegram as much, and a reader's profile withholds them alike).
  ['STADIS', c(['EXDIS'], 'none', { note: 'STADIS (State distribution only) read as EXDIS' })],
  ['CHEROKEE', c(['NODIS'], 'none', { note: "CHEROKEE (the Secretary's NODIS channel) read as NODIS" })],
  ['ROGER CHANNEL', c(['NODIS'], 'none', { note: 'ROGER CHANNEL (an intelligence channel) read as NODIS' })],
  ['ND', c(['NODIS'], 'portion')],
  ['SENSITIVE BUT UNCLASSIFIED', c(['SBU'], 'banner', { unclassified: true })],
  ['SBU', c(['SBU'], 'both', { unclassified: true })],
  ['SENSITIVE', c(['SBU'], 'none', { unclassified: true, note: 'SENSITIVE read as SBU' })],
  ['LAW ENFORCEMENT SENSITIVE', c(['LES'], 'banner', { unclassified: true })],
  ['LES', c(['LES'], 'both', { unclassified: true })],
  ['SSI', c(['SSI'], 'both', { unclassified: true })],
  ['SENSITIVE SECURITY INFORMATION', c(['SSI'], 'banner', { unclassified: true })],
  [
    'LIMITED OFFICIAL USE',
    c(['LOU'], 'none', {
      unclassified: true,
      note: 'LIMITED OFFICIAL USE (State caption before 1995) read as UNCLASSIFIED with LOU',
    }),
  ],
  ['LOU', c(['LOU'], 'both', { unclassified: true })],
  // CUI's categories (`CUI//SP-PRVCY`) and limited dissemination controls (`FEDCON`, `DL ONLY`) are
  // noted and not kept (parse-marking.ts, withoutCuiCategories): the rules go by CUI.
  ['CUI', c(['CUI'], 'both', { unclassified: true })],
  ['CONTROLLED UNCLASSIFIED INFORMATION', c(['CUI'], 'banner', { unclassified: true })],
  ['NATO', c(['NATO'], 'both')],
  // DISPLAY ONLY (CAPCO's IC dissemination control: the information may be shown to, not given to,
  // the countries listed after it, which the parser reads and notes; see readDisplayOnly).
  ['DISPLAY ONLY', c(['DISPLAYONLY'], 'banner')],
  ['DISPLAYONLY', c(['DISPLAYONLY'], 'portion')],
  // Special access programs (CAPCO's category after SCI): `SPECIAL ACCESS REQUIRED-MEDIAN BELL` in a
  // banner, `SAR-MB` in a portion mark. The program identifiers after the hyphen are read by the
  // parser (readSapPrograms) and noted, not kept: the rules go by SAR.
  ['SPECIAL ACCESS REQUIRED', c(['SAR'], 'banner')],
  ['SAR', c(['SAR'], 'portion')],
  // Atomic Energy Act markings (CAPCO register); their sub-markings (`RD-N`, `RD-SG 14`) are read
  // by the parser after RD or FRD.
  ['RESTRICTED DATA', c(['RD'], 'banner')],
  ['RD', c(['RD'], 'both')],
  ['FORMERLY RESTRICTED DATA', c(['FRD'], 'banner')],
  ['FRD', c(['FRD'], 'both')],
  ['CNWDI', c(['RD', 'CNWDI'], 'none', { note: 'CNWDI written without RD read as RD-CNWDI (it is a sub-marking of Restricted Data)' })],
  ['TRANSCLASSIFIED FOREIGN NUCLEAR INFORMATION', c(['TFNI'], 'banner')],
  ['TFNI', c(['TFNI'], 'both')],
  ['DOD UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION', c(['DCNI'], 'banner', { unclassified: true })],
  ['DOD UCNI', c(['DCNI'], 'banner', { unclassified: true })],
  ['DCNI', c(['DCNI'], 'portion', { unclassified: true })],
  ['DOE UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION', c(['UCNI'], 'banner', { unclassified: true })],
  ['DOE UCNI', c(['UCNI'], 'banner', { unclassified: true })],
  ['UCNI', c(['UCNI'], 'portion', { unclassified: true })],
  [
    'EFTO',
    c(['SBU'], 'none', {
      unclassified: true,
      note: 'EFTO (encrypt for transmission only) read as SBU: sensitive unclassified traffic (fail closed)',
    }),
  ],
]);

/** Longest phrase length in words, for greedy matching. */
export const MAX_PHRASE_WORDS = 5;

/**
 * Words that end a marking: ignored with a note (`(S-ENTIRE TEXT)`), or, `//MR` in a banner, kept as
 * the banner's declassification instruction (parse-marking.ts).
 */
export const TRAILERS: ReadonlyMap<string, string> = new Map([
  ['ENTIRE TEXT', 'ENTIRE TEXT ignored: it only repeats that the mark covers the whole text'],
  ['ENTIRE PARAGRAPH', 'ENTIRE PARAGRAPH ignored: it only repeats that the mark covers the paragraph'],
  ['MR', 'MR (manual review), a declassification instruction'],
]);

/**
 * The one-word level and control words (`secret`, `noforn`, `fouo`), lower case: words of a mark,
 * which say how text is handled, not what it says (a file name may repeat them).
 */
export const MARKING_TOKENS: ReadonlySet<string> = new Set(
  [...LEVEL_WORDS.keys(), ...CONTROL_WORDS.keys()].filter((k) => !k.includes(' ')).map((k) => k.toLowerCase()),
);
