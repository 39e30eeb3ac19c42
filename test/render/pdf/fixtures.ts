/**
 * Hand-made render models for the PDF tests, built from a real cable (08BERLIN173, copied from the
 * shared seed corpus so the tests do not depend on it). The views are what the engine would build;
 * the tests also know the withheld texts, which the views never receive.
 */
import type { ReleaseBlock, ReleaseRun, ReleaseView, ReviewLine, ReviewRun, ReviewView } from '../../../src/types.js';

/** 08BERLIN173 verbatim (paragraphs are single long lines, as in the seed corpus). */
export const SEED_SOURCE = `

VZCZCXYZ0016
OO RUEHWEB

DE RUEHRL #0173 0441627
ZNY CCCCC ZZH
O 131627Z FEB 08 ZDK
FM AMEMBASSY BERLIN
TO RUEHC/SECSTATE WASHDC IMMEDIATE 0424
INFO RUEHXP/ALL NATO POST COLLECTIVE PRIORITY
RUEHNO/USMISSION USNATO PRIORITY 9992
RUEKJCS/JOINT STAFF WASHINGTON DC PRIORITY
RUEKJCS/SECDEF WASHINGTON DC PRIORITY
RUEHRL/USDAO BERLIN GE PRIORITY

C O N F I D E N T I A L BERLIN 000173

SIPDIS

SIPDIS

E.O. 12958: DECL: 02/13/2018
TAGS: [MOPS](#) [PARM](#) [PREL](#) [NATO](#) [GM](#)
SUBJECT: GERMANY AGREES THAT OSLO PROCESS TEXT ON CLUSTER
MUNITIONS SHOULD NOT HINDER INTEROPERABILITY

REF: STATE 13607

Classified By: POLITICAL MINISTER COUNSELOR JEFF RATHKE. REASONS: 1.4 (B) AND (D).

¶1. (C) Pol-mil chief delivered reftel talking points to MFA conventional arms control desk officer Burkhard Ducoffre February 13, stressing U.S. concerns that several provisions in the draft Oslo Process text that will be considered at the Feb. 18-22 meeting in Wellington could have a severe impact on military cooperation between countries that adopt these requirements and those who do not. Ducoffre was well aware of the interoperability issue, referring to an Australian paper that outlines a variety of scenarios where the current draft text could cause problems. He stressed that Germany did not favor doing anything that could limit military cooperation with non-state parties, whether it be in the context of a UN Chapter VII mission or a NATO operation, and said Germany favored adding an explicit exception to this effect in Article 1(c) of the draft text.

¶2. (C) Pol-mil chief also emphasized that the U.S. continued to favor dealing with this issue within the framework of the Convention on Conventional Weapons (CCW), pointing out that the Oslo Process, unlike the CCW, does not include many of the major users and producers of cluster munitions (CM). Ducoffre countered that a critical mass of both users and producers had already joined the Oslo Process -- nine of the 12 users (all except the U.S., Russia and Israel) and 54 of the 76 producers. He thought that in any case, the outcome of the Oslo Process would be a treaty text, since Norway was ready to push forward with as few as 20 signatories. The only question was how many signatories above this minimum there would be. He thought this would depend on how far the U.S. was willing to go at the next round of CCW negotiations in April. If the U.S. insisted on nothing more than best practices in the production and deployment of CM, many countries would opt for an Oslo Process treaty text.

¶3. (C) Ducoffre reviewed Germany's proposed three-stage approach for dealing with CM, the first stage being an immediate ban on the most dangerous CM (those with a failure rate of more than 1%), followed by a transition period of several years during which guided munitions with a reliability rate of more 99% would be allowed. The third and final stage would be a total ban on all CM and the destruction of all stockpiles. Ducoffre went on to argue that Sensor Fused Area Munitions (SEFAM) and kinetic-energy rods would be a more effective way of engaging the whole range of targets that CM have traditionally been used against, without the negative humanitarian impact. He confirmed that it remains Germany's view that SEFAM should not be considered a CM and therefore not subject to prohibition.

under the Oslo Process text.
TIMKEN JR`;

export const SEED_REF = '08BERLIN173';
export const SEED_TITLE = 'GERMANY AGREES THAT OSLO PROCESS TEXT ON CLUSTER MUNITIONS SHOULD NOT HINDER INTEROPERABILITY';
export const AUTHORITY = 'B1, 1.4(B), 1.4(D)';
export const STAMP = 'RELEASE IN PART B1, 1.4(B), 1.4(D), B6';
export const BANNER = 'UNCLASSIFIED';
/** A name redacted inline (B6) in ¶1. */
export const REDACTED_NAME = 'Burkhard Ducoffre';

const SOURCE_LINES = SEED_SOURCE.split('\n');
const P1 = SOURCE_LINES.findIndex((l) => l.startsWith('¶1.'));
const P2 = SOURCE_LINES.findIndex((l) => l.startsWith('¶2.'));
const P3 = SOURCE_LINES.findIndex((l) => l.startsWith('¶3.'));
const SIGNATURE = SOURCE_LINES.length - 1;

/** Lines a withheld text would have taken in a cable wrapped at 70 columns. */
export function heightOf(text: string, width = 70): number {
  return Math.max(1, Math.ceil(text.length / width));
}

/** A release view with what the test must find in it, and what it must not. */
export interface ReleaseCase {
  readonly view: ReleaseView;
  /** Texts withheld or redacted (the view never sees them). */
  readonly withheld: string[];
  /** Released stretches of text, in order. */
  readonly released: string[];
}

function splitLabel(line: string): [string, string] {
  const m = /^(¶\d+\.)\s*/.exec(line);
  return m ? [m[1]!, line.slice(m[0].length)] : ['', line];
}

/**
 * 08BERLIN173 for a public release: ¶2 and ¶3 withheld under B1, 1.4(B), 1.4(D); the desk
 * officer's name in ¶1 redacted under B6; everything else released.
 */
export function seedRelease(): ReleaseCase {
  const lines = SOURCE_LINES;
  const blocks: ReleaseBlock[] = [];
  let current: ReleaseRun[][] = [];
  const withheld: string[] = [];
  const released: string[] = [];
  const flush = (): void => {
    if (current.length > 0) blocks.push({ kind: 'lines', lines: current });
    current = [];
  };
  lines.forEach((line, i) => {
    if (i === P2 || i === P3) {
      flush();
      const [label, text] = splitLabel(line);
      withheld.push(text);
      blocks.push({ kind: 'withheld', portionId: `p${i === P2 ? 2 : 3}`, label, authority: AUTHORITY, heightLines: heightOf(line) });
      return;
    }
    if (i === P1) {
      const at = line.indexOf(REDACTED_NAME);
      const before = line.slice(0, at);
      const after = line.slice(at + REDACTED_NAME.length);
      current.push([
        { kind: 'text', text: before },
        { kind: 'redacted', authority: 'B6', width: REDACTED_NAME.length },
        { kind: 'text', text: after },
      ]);
      withheld.push(REDACTED_NAME);
      released.push(before, after);
      return;
    }
    current.push(line === '' ? [] : [{ kind: 'text', text: line }]);
    if (line.trim() !== '') released.push(line);
  });
  flush();
  return { view: { banner: BANNER, stamp: STAMP, ref: SEED_REF, title: SEED_TITLE, blocks }, withheld, released };
}

export const SEED_SUMMARY: readonly (readonly [string, string])[] = [
  ['Reference', SEED_REF],
  ['Originated', '2008-02-13'],
  ['Banner', 'C O N F I D E N T I A L'],
  ['Classified By reasons', '1.4(b), 1.4(d)'],
  ['DECL as written', '02/13/2018'],
  ['DECL status', 'declassified (lapses 2018-02-13) as of 2024-06-01'],
  ['Why', 'The DECL date 02/13/2018 has passed; classification lapsed by operation of E.O. 12958 (release still needs FOIA review).'],
  ['Profile', 'public: FOIA release to the public'],
  ['Release banner', BANNER],
  ['Release stamp', STAMP],
  ['Portions', '5: 3 released (1 declassified), 2 withheld'],
  ['Withheld under B1, 1.4(B), 1.4(D)', '2'],
  ['Redacted spans', '1'],
];

/**
 * The review view of the same decisions: header lines, ¶1 declassified with the name redacted,
 * ¶2 and ¶3 withheld, the signature released. Notes in the engine's form.
 */
export function seedReview(): ReviewView {
  const lines = SOURCE_LINES;
  const out: ReviewLine[] = lines.map((line, i): ReviewLine => {
    if (line === '') return { runs: [], state: 'header' };
    if (i === P1) {
      const at = line.indexOf(REDACTED_NAME);
      const runs: ReviewRun[] = [
        { text: line.slice(0, at), state: 'declassified' },
        { text: REDACTED_NAME, state: 'redacted' },
        { text: line.slice(at + REDACTED_NAME.length), state: 'declassified' },
      ];
      return { runs, state: 'declassified', note: 'p1: RELEASED (DECLASSIFIED) [public/decl-passed]' };
    }
    if (i === P2 || i === P3) {
      return { runs: [{ text: line, state: 'withheld' }], state: 'withheld', note: `p${i === P2 ? 2 : 3}: WITHHELD ${AUTHORITY} [public/classified]` };
    }
    if (i > P3) {
      const note = i === SIGNATURE ? 'signature: RELEASED [public/signature]' : 'text1: RELEASED [public/unclassified-text]';
      return { runs: [{ text: line, state: 'released' }], state: 'released', note };
    }
    return { runs: [{ text: line, state: 'header' }], state: 'header' };
  });
  return { classification: 'CONFIDENTIAL', ref: SEED_REF, title: `${SEED_REF} - public review`, summary: SEED_SUMMARY, lines: out };
}

/** Wrap text at spaces to `width` columns, as cables are (for fixtures in the corpus form). */
export function wrapAt(text: string, width = 69): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}

/** A cable as lines, with the portion each line belongs to and which lines are page furniture. */
export interface CableLines {
  readonly lines: readonly string[];
  /** Portion id per line (`p1`, `p2`, `p3`), or null outside portions. */
  readonly portion: readonly (string | null)[];
  readonly furniture: ReadonlySet<number>;
}

/** The page header that interrupts ¶2 in {@link wrappedCable}. */
export const PAGE_HEADER = 'BERLIN 00000173  002 OF 002';

/**
 * 08BERLIN173 in the corpus form (paragraphs wrapped at 69 columns) with a page break inside the
 * withheld ¶2: the page header {@link PAGE_HEADER} interrupts the portion.
 */
export function wrappedCable(): CableLines {
  const lines: string[] = [];
  const portion: (string | null)[] = [];
  const furniture = new Set<number>();
  const push = (line: string, id: string | null): void => {
    lines.push(line);
    portion.push(id);
  };
  SOURCE_LINES.forEach((line, i) => {
    if (i !== P1 && i !== P2 && i !== P3) {
      push(line, null);
      return;
    }
    const id = i === P1 ? 'p1' : i === P2 ? 'p2' : 'p3';
    const wrapped = wrapAt(line);
    if (i === P2) {
      const half = Math.floor(wrapped.length / 2);
      for (const w of wrapped.slice(0, half)) push(w, id);
      push('', id);
      furniture.add(lines.length);
      push(PAGE_HEADER, null);
      push('', id);
      push('', id);
      for (const w of wrapped.slice(half)) push(w, id);
    } else for (const w of wrapped) push(w, id);
  });
  return { lines, portion, furniture };
}

/** Release view of {@link wrappedCable}: as {@link seedRelease}, the page header left out. */
export function wrappedRelease(): ReleaseCase {
  const { lines, portion, furniture } = wrappedCable();
  const blocks: ReleaseBlock[] = [];
  const withheld: string[] = [];
  const released: string[] = [];
  let current: ReleaseRun[][] = [];
  const flush = (): void => {
    if (current.length > 0) blocks.push({ kind: 'lines', lines: current });
    current = [];
  };
  let i = 0;
  while (i < lines.length) {
    const id = portion[i];
    if (id === 'p2' || id === 'p3') {
      flush();
      const content: string[] = [];
      while (i < lines.length && (portion[i] === id || furniture.has(i))) {
        if (!furniture.has(i) && lines[i] !== '') content.push(lines[i]!);
        i++;
      }
      const [label, first] = splitLabel(content[0]!);
      withheld.push([first, ...content.slice(1)].join('\n'));
      blocks.push({ kind: 'withheld', portionId: id, label, authority: AUTHORITY, heightLines: content.length });
      continue;
    }
    const line = lines[i]!;
    const at = id === 'p1' ? line.indexOf(REDACTED_NAME) : -1;
    if (at >= 0) {
      const before = line.slice(0, at);
      const after = line.slice(at + REDACTED_NAME.length);
      current.push([
        { kind: 'text', text: before },
        { kind: 'redacted', authority: 'B6', width: REDACTED_NAME.length },
        { kind: 'text', text: after },
      ]);
      withheld.push(REDACTED_NAME);
      released.push(before, after);
    } else {
      current.push(line === '' ? [] : [{ kind: 'text', text: line }]);
      if (line.trim() !== '') released.push(line);
    }
    i++;
  }
  flush();
  return { view: { banner: BANNER, stamp: STAMP, ref: SEED_REF, title: SEED_TITLE, blocks }, withheld, released };
}

/** Review view of {@link wrappedCable}: portions span several lines; the page header is furniture. */
export function wrappedReview(): ReviewView {
  const { lines, portion, furniture } = wrappedCable();
  const out: ReviewLine[] = lines.map((line, i): ReviewLine => {
    if (furniture.has(i)) return { runs: [{ text: line, state: 'furniture' }], state: 'furniture' };
    // Blank lines carry no state of their own (as the engine's view builds them).
    if (line === '') return { runs: [], state: 'header' };
    const id = portion[i];
    if (id === null || id === undefined) return { runs: [{ text: line, state: 'header' }], state: 'header' };
    const state = id === 'p1' ? 'declassified' : 'withheld';
    const first = portion[i - 1] !== id;
    const note = !first
      ? undefined
      : state === 'withheld'
        ? `${id}: WITHHELD ${AUTHORITY} [public/classified]`
        : `${id}: RELEASED (DECLASSIFIED) [public/decl-passed]`;
    const at = line.indexOf(REDACTED_NAME);
    const runs: ReviewRun[] =
      id === 'p1' && at >= 0
        ? [
            { text: line.slice(0, at), state },
            { text: REDACTED_NAME, state: 'redacted' },
            { text: line.slice(at + REDACTED_NAME.length), state },
          ]
        : [{ text: line, state }];
    return note ? { runs, state, note } : { runs, state };
  });
  return { classification: 'CONFIDENTIAL', ref: SEED_REF, title: `${SEED_REF} - public review`, summary: SEED_SUMMARY, lines: out };
}

/** A release view of about `copies` × 1.4 pages: the seed release repeated (for speed checks). */
export function repeatedRelease(copies: number): ReleaseView {
  const { view } = seedRelease();
  const blocks: ReleaseBlock[] = [];
  for (let i = 0; i < copies; i++) blocks.push(...view.blocks);
  return { ...view, blocks };
}
