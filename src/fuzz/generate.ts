/**
 * Synthetic marked documents for the fuzzer: memos and cables assembled line by line from the
 * pieces real ones are made of (banners, portion marks valid and not, unmarked lines, authority
 * and DECL lines, headers, page furniture, form feeds, lists, table rows, marks mid-line and at a
 * line's end), in random order and number. Mutating corpus cables keeps their structure; these
 * break it: a banner inside a paragraph, an authority line inside a portion, a portion of one
 * mark alone. Each withheld-worthy sentence holds a made-up word (`Zq12x`), so that a leak is a
 * word the release must not hold. A function of the random stream only: a seed replays it.
 */
import type { Rng } from './mutators.js';

const WORDS = ['the', 'officials', 'said', 'Berlin', 'talks', 'and', 'will', 'meet', 'next', 'week', 'on', 'trade', 'minister', 'agreed'];
const MARKS = ['(U)', '(S)', '(C)', '(TS)', '(S//NF)', '(U//FOUO)', '(C//REL TO USA, GBR)', '(TS//SI//NF)', '(S//NF', '[S]', '(SBU)', '(U//SBU)', '(S//ORCON)', '( S )', '(s)', '(CUI)', '(S//SAR-BP)', '(TS//SAR-BP/GB//NF)', '(S//DISPLAY ONLY AFG)', '(S//REL TO USA, NATO/DISPLAY ONLY AFG)', '(NS)', '(//NS)', '(//GBR S)', '(//JOINT S CAN USA)', '(//JOINT S USA)', '(PII)'];
const BANNERS = ['SECRET//NOFORN', 'TOP SECRET//SI//NOFORN', 'UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'CONFIDENTIAL', 'UNCLASSIFIED', 'SECRET', 'S E C R E T', 'SECRET//REL TO USA, FVEY', 'NATO SECRET', '//NATO CONFIDENTIAL', '//GBR SECRET', '//JOINT SECRET CAN USA', 'LIMITED OFFICIAL USE', 'SBU', 'DEA SENSITIVE', 'Unclassified//For Official Use Only', 'CONTROLLED UNCLASSIFIED INFORMATION'];
const CABLE_LEVELS = ['C O N F I D E N T I A L', 'S E C R E T', 'UNCLAS', 'CONFIDENTIAL', 'SECRET SECTION 01 OF 02', 'UNCLAS SECTION 01 OF 03'];

function words(rng: Rng, n: number, counter: { n: number }): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.next() < 0.15 ? `Zq${counter.n++}x` : rng.pick(WORDS) + (rng.next() < 0.05 ? '.' : ''));
  return out.join(' ') + (rng.next() < 0.7 ? '.' : '');
}

/** One line of a memo, of a kind picked at random. */
function memoLine(rng: Rng, c: { n: number }): string {
  const w = (n: number) => words(rng, n, c);
  const kinds: (() => string)[] = [
    () => rng.pick(BANNERS),
    () => `${rng.pick(MARKS)} ${w(3 + rng.int(12))}`,
    () => w(2 + rng.int(10)),
    () => '',
    () => '',
    () => '\f',
    () => `Classified By: ${w(2)}`,
    () => `Derived From: ${rng.pick(['NSA/CSSM 1-52', 'Multiple Sources'])}`,
    () => `Reason: ${rng.pick(['1.4(c)', '1.4(b), (d)', '1.5(d)', 'x'])}`,
    () => `Declassify On: ${rng.pick(['20400101', '20100101', '25X1', 'OADR', 'MR', '2040-13-45', '20320108'])}`,
    () => `DECL: ${rng.pick(['OADR', '02/13/2018', 'X1'])}`,
    () => `MEMORANDUM FOR: ${w(2)}`,
    () => `SUBJECT: ${rng.pick(MARKS)} ${w(4)}`,
    () => `FROM: ${w(2)}`,
    () => 'Page 2 of 5',
    () => 'DYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS TOP SECRET//SI',
    () => rng.pick(['NOFORN', 'PROPRIETARY', 'LIMITED DISTRIBUTION', 'SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY', 'SENSITIVE BUT UNCLASSIFIED. PLEASE HANDLE ACCORDINGLY.', 'NOFORN.']),
    () => `- ${rng.pick(MARKS)} ${w(5)}`,
    // A footnote numbered in brackets, under a rule or not.
    () => `${rng.next() < 0.3 ? '--------\n' : ''}[${1 + rng.int(9)}] ${rng.pick(MARKS)} ${w(4)}`,
    // A field label before a mark, and a line hanging under it (an FBI form's fields).
    () => `${rng.pick(['Title', 'Case ID #', 'Enclosure(s)', 'Synopsis'])}: ${rng.pick(MARKS)} ${w(3)}`,
    () => `${' '.repeat(rng.pick([2, 4, 7, 11]))}${w(3)}`,
    () => `• ${w(5)}`,
    () => `| ${rng.pick(MARKS)} ${w(2)} | ${rng.pick(MARKS)} ${w(2)} |`,
    () => rng.pick(MARKS),
    () => `${w(4)} ${rng.pick(MARKS)}`,
    () => `1. ${rng.pick(MARKS)} ${w(6)}`,
    () => `a. ${w(6)}`,
    // A lettered list whose third label is spelled like a mark: `(c)` after `(b)`, in either case.
    () => (rng.next() < 0.5 ? ['(a)', '(b)', '(c)'] : ['(A)', '(B)', '(C)']).map((l) => `${l} ${w(4)}`).join(rng.pick(['\n', '\n\n', '; '])),
    () => `${w(3)} ${rng.pick(MARKS)} ${w(3)}`,
    // A memo's letterhead, date, closing, attachment words and a signature set right.
    () => rng.pick(['DEPARTMENT OF DEFENSE', 'OFFICE OF THE DIRECTOR', 'WASHINGTON, DC 20301', 'FORT MEADE, MD 20755-6000', 'APO AE 09014-9351']),
    // An Army memo's office symbol and date; page numbers at a page's edge or anywhere.
    () => rng.pick([`AEIN-ZA${' '.repeat(30)}15 March 2019`, 'AEIN-ZA', '15 March 2019']),
    () => rng.pick(['1', '2', '3', '- 2 -', 'PAGE 3', '2 of 4']),
    // An e-mail printout's quoted message and the classification lines each message carries.
    () => rng.pick(['-----Original Message-----', 'Begin forwarded message:', 'Classification: UNCLASSIFIED', 'Classification: SECRET//NOFORN', 'Classification: UNCLASSIFIED//FOUO']),
    () => rng.pick(['June 3, 2015', 'Sincerely,', 'Attachment:', 'As stated']),
    () => `${' '.repeat(40)}${w(2 + rng.int(3)).replace(/\b[a-z]/g, (x) => x.toUpperCase())}`,
  ];
  return rng.pick(kinds)();
}

function memo(rng: Rng, c: { n: number }): string {
  const lines: string[] = [];
  const count = 3 + rng.int(25);
  for (let i = 0; i < count; i++) lines.push(memoLine(rng, c));
  if (rng.next() < 0.5) lines.unshift(rng.pick(BANNERS));
  if (rng.next() < 0.4) lines.push(rng.pick(BANNERS));
  return `${lines.join('\n')}\n`;
}

function cable(rng: Rng, c: { n: number }): string {
  const w = (n: number) => words(rng, n, c);
  const level = rng.pick(CABLE_LEVELS);
  const head = [
    'VZCZCXRO4242',
    'PP RUEHAG',
    'DE RUEHRL #0173/01 0441537',
    'ZNY CCCCC ZZH',
    'P 131537Z FEB 08',
    'FM AMEMBASSY BERLIN',
    'TO RUEHC/SECSTATE WASHDC PRIORITY 0351',
    'BT',
    `${level} BERLIN 000173`,
    '',
    rng.pick(['SIPDIS', 'NOFORN', 'SENSITIVE', '', 'SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY', 'SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.']),
    '',
    `E.O. 12958: ${rng.pick(['DECL: 02/13/2018', 'DECL: OADR', 'N/A', 'DECL: 1.6X1', 'DECL: 02/13/1999', 'DECL: 13/45/2018'])}`,
    'TAGS: PREL PGOV GM',
    `SUBJECT: ${rng.next() < 0.5 ? `${rng.pick(MARKS)} ` : ''}${w(5)}`,
    '',
    rng.pick(['REF: A. STATE 12345 B. BERLIN 567', '']),
    '',
    rng.pick([`Classified By: ${w(2)} for reasons 1.4 (b) and (d)`, 'Classified By: DCM John Koenig, reasons 1.4(b) and (d).', '']),
    '',
  ];
  const body: string[] = [];
  const count = 2 + rng.int(10);
  for (let i = 0; i < count; i++) {
    const kinds: (() => string)[] = [
      () => `${i + 1}. ${rng.pick(MARKS)} ${w(6 + rng.int(20))}`,
      () => `¶${i + 1}. ${rng.pick(MARKS)} ${w(8)}`,
      () => w(10),
      () => '',
      () => `${rng.pick(['A', 'B', 'C'])}. ${rng.pick(MARKS)} ${w(6)}`,
      () => `${level} BERLIN 000173`,
      () => '\f',
      () => 'END SUMMARY.',
      () => memoLine(rng, c),
    ];
    body.push(rng.pick(kinds)());
  }
  return `${[...head, ...body, rng.pick(['KOENIG', 'TIMKEN JR', '']), level].join('\n')}\n`;
}

/** A synthetic document: a memo (two in three) or a cable, as UTF-8 bytes, and which it is. */
export function generateDocument(rng: Rng): { kind: 'memo' | 'cable'; bytes: Uint8Array } {
  const counter = { n: 0 };
  const kind = rng.next() < 2 / 3 ? 'memo' : 'cable';
  return { kind, bytes: new TextEncoder().encode(kind === 'memo' ? memo(rng, counter) : cable(rng, counter)) };
}
