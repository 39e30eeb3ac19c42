/**
 * fast-check generators of cable-shaped documents for the property tests in this folder: a routing
 * header, a banner (valid, unknown or malformed), an E.O./DECL line, and paragraphs whose marks
 * are valid, not understood (near misses such as `(C0)`), or missing, with junk lines, page
 * furniture and edits (duplicated or deleted lines, CR / CRLF line ends, a BOM).
 *
 * Every content word is a token `zq<paragraph>x<k>w` that occurs nowhere else, so whether a
 * paragraph's text survived a release is a plain search, independent of the library's own leak
 * check.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadProfile, type Profile } from '../../src/rules/load.js';

/** The bundled profiles, loaded once. */
export const PROFILES: readonly Profile[] = ['public', 'nato', 'us-secret', 'public-pii'].map((p) =>
  loadProfile(readFileSync(new URL(`../../rules/${p}.yaml`, import.meta.url), 'utf8'), `rules/${p}.yaml`),
);

/** Before most DECL dates, around them, today-ish, and after all of them. */
export const AS_OF = ['1995-01-01', '2005-01-01', '2010-12-01', '2026-11-26', '2060-01-01'] as const;

export const VALID_MARKS = ['(U)', '(C)', '(S)', '(TS)', '(SBU)', '(S//NF)', '(S/NF)', '(C//REL TO USA, NATO)', '(U//FOUO)', '(C/NF)', '(S//REL NATO)', '(U) (SBU)'];
/** Marks one keystroke from a valid one; the parser must call each "not understood". */
export const UNKNOWN_MARKS = ['(C0)', '(S//N F)', '(U/ /NF)', '(S/NFF)', '(CC)', '(S//NOFRN)', '(SS)', '(TS//S1)', '(C/ /REL USA)', '(U//F0UO)', '(S-)', '(C//)', '(S//NF//)', '(SECRT)', '(CONFIDENTAL)', '(X//Q)', '(FOO//BAR)', '(SI/TK)', '(RD)', '(SAR-BP)', '(CUI//123)'];
const VALID_BANNERS = ['UNCLASSIFIED', 'UNCLAS', 'C O N F I D E N T I A L', 'S E C R E T', 'SECRET//NOFORN', 'UNCLAS SENSITIVE', 'CONFIDENTIAL//REL TO USA, NATO', 'TOP SECRET//SI//NOFORN'];
const BAD_BANNERS = ['C0NFIDENTIAL', 'S E C R E', 'UNCLASS1FIED', 'SECRET//N F', ''];
const DECLS = ['DECL: 02/13/2018', 'DECL: 1.6X1', 'N/A', 'DECL: OADR', 'DECL: TWENTY YEARS', '', 'DECL: 13/45/2010', 'DECL: 01/01/1999'];
const JUNK = ['\t\t  ', '¶', '((((((((', '))))', '(C', 'C)', '////', '\u000c', 'NNNN', 'PAGE 02 OF 03', '\u001b[31m', '\u00ad\u200b', 'II.', '(U) (C) (S)', '¶¶¶ 1. 2. 3.', 'SUBJECT:', 'E.O. 12958: DECL:', '-- (S)'];
const FURNITURE = 'BERLIN 00000173  002 OF 002';

/** One generated paragraph, before it is written out. */
export interface ParagraphSpec {
  readonly mark: string;
  readonly unknown: boolean;
  readonly words: number;
  readonly pilcrow: boolean;
  /** Index of the wrapped line before which page furniture goes (past the end: none). */
  readonly breakAt: number;
  /** A junk line written after the paragraph (and its blank line), or null. */
  readonly junkAfter: string | null;
}

export interface CableSpec {
  readonly banner: string;
  readonly decl: string;
  readonly paragraphs: readonly ParagraphSpec[];
}

/** A line edit applied after writing: duplicate or delete line `at` (modulo the line count). */
export interface Edit {
  readonly kind: 'duplicate' | 'delete' | 'junk';
  readonly at: number;
  readonly junk: string;
}

export interface GeneratedCable {
  readonly text: string;
  /** Per paragraph in order: its tokens, its mark, and whether that mark is not understood. */
  readonly paragraphs: readonly { readonly tokens: readonly string[]; readonly mark: string; readonly unknown: boolean }[];
}

const markArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VALID_MARKS).map((mark) => ({ mark, unknown: false })) },
  { weight: 2, arbitrary: fc.constantFrom(...UNKNOWN_MARKS).map((mark) => ({ mark, unknown: true })) },
  { weight: 1, arbitrary: fc.constant({ mark: '', unknown: false }) },
);

const paragraphArb: fc.Arbitrary<ParagraphSpec> = fc
  .record({
    m: markArb,
    words: fc.integer({ min: 1, max: 40 }),
    pilcrow: fc.boolean(),
    breakAt: fc.integer({ min: 0, max: 12 }),
    junkAfter: fc.option(fc.constantFrom(...JUNK), { freq: 4 }),
  })
  .map(({ m, ...rest }) => ({ ...rest, mark: m.mark, unknown: m.unknown }));

/** Cables whose structure is intact (junk only between paragraphs). */
export const cableSpecArb: fc.Arbitrary<CableSpec> = fc.record({
  banner: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VALID_BANNERS) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_BANNERS) }),
  decl: fc.constantFrom(...DECLS),
  paragraphs: fc.array(paragraphArb, { minLength: 1, maxLength: 7 }),
});

/** A token unique to paragraph `p`. */
const token = (p: number, k: number): string => `zq${p}x${k}w`;

/** Writes a cable spec out as LF text. */
export function writeCable(spec: CableSpec): GeneratedCable {
  const lines = [
    'VZCZCXYZ0016',
    'O 131627Z FEB 08',
    'FM AMEMBASSY BERLIN',
    'TO RUEHC/SECSTATE WASHDC IMMEDIATE 0424',
    '',
    `${spec.banner} BERLIN 000173`.trim(),
    '',
    'SIPDIS',
    '',
    `E.O. 12958: ${spec.decl}`.trimEnd(),
    'TAGS: PREL PGOV',
    'SUBJECT: GENERATED CABLE',
    '',
    'Classified By: Officer. Reasons 1.4 (b) and (d).',
    '',
  ];
  const paragraphs: { tokens: string[]; mark: string; unknown: boolean }[] = [];
  spec.paragraphs.forEach((p, i) => {
    const tokens = Array.from({ length: p.words }, (_, k) => token(i, k));
    const body: string[] = [];
    for (let k = 0; k < tokens.length; k += 8) body.push(tokens.slice(k, k + 8).join(' '));
    if (p.breakAt > 0 && p.breakAt < body.length) body.splice(p.breakAt, 0, FURNITURE);
    const head = [`${p.pilcrow ? '¶' : ''}${i + 1}.`, p.mark, body[0]].filter((s) => s !== '').join(' ');
    lines.push(head, ...body.slice(1), '');
    if (p.junkAfter !== null) lines.push(p.junkAfter, '');
    paragraphs.push({ tokens, mark: p.mark, unknown: p.unknown });
  });
  lines.push('TIMKEN', '');
  return { text: lines.join('\n'), paragraphs };
}

/** Applies line edits (duplicate, delete, insert junk) to text. */
export function applyLineEdits(text: string, edits: readonly Edit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    const at = e.at % Math.max(1, lines.length);
    if (e.kind === 'duplicate') lines.splice(at, 0, lines[at] ?? '');
    else if (e.kind === 'delete') lines.splice(at, 1);
    else lines.splice(at, 0, e.junk);
  }
  return lines.join('\n');
}

export const editsArb: fc.Arbitrary<Edit[]> = fc.array(
  fc.record({ kind: fc.constantFrom('duplicate' as const, 'delete' as const, 'junk' as const), at: fc.nat({ max: 200 }), junk: fc.constantFrom(...JUNK) }),
  { maxLength: 4 },
);

/** How a file's line ends were written (decodeInput reads them all as LF). */
export const lineEndArb = fc.constantFrom('lf', 'crlf', 'cr', 'mixed');

/** Encodes text with the given line ends and an optional UTF-8 BOM, as a file would hold it. */
export function encodeFile(text: string, lineEnd: string, bom: boolean): Uint8Array {
  let i = 0;
  const ended = text.replace(/\n/g, () => (lineEnd === 'crlf' ? '\r\n' : lineEnd === 'cr' ? '\r' : lineEnd === 'mixed' ? ['\n', '\r\n', '\r'][i++ % 3]! : '\n'));
  const bytes = new TextEncoder().encode(ended);
  return bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
}

/** A cable with edits applied, as text (LF), with what was generated. */
export const editedCableArb = fc.tuple(cableSpecArb, editsArb).map(([spec, edits]) => {
  const cable = writeCable(spec);
  return { ...cable, text: applyLineEdits(cable.text, edits), edits };
});

/** The generated tokens found in `text`. */
export function tokensIn(text: string): Set<string> {
  return new Set(text.match(/zq\d+x\d+w/g) ?? []);
}
