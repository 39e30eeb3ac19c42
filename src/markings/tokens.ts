/**
 * Tokenizer for marking text: words and separators, with sloppy spacing absorbed.
 */

/** A separator as written between two words (after absorbing spaces next to other separators). */
export type Separator = '//' | '/' | '-' | '--' | ',' | ' ';

/** A word and the separator written before it (`null` for the first word). */
export interface Item {
  readonly sep: Separator | null;
  /** Upper case. */
  readonly word: string;
}

/** Result of tokenizing: the items, whether spaces were absorbed, and a leading `//` if any. */
export type Tokenized =
  | {
      readonly ok: true;
      readonly items: readonly Item[];
      readonly spacesAbsorbed: boolean;
      readonly leadingSlashes: boolean;
    }
  | { readonly ok: false; readonly problem: string };

/**
 * Split upper-case marking text into words (`[A-Z0-9']+`) and separators. A space next to another
 * separator is absorbed (`SECRET //NOFORN` → `SECRET`, `//`, `NOFORN`), but two separators are
 * never merged: `U/ /NF` stays `U`, `/`, `/`, `NF` and is rejected, because guessing what a
 * broken mark meant is not safe.
 */
export function tokenize(text: string): Tokenized {
  type Tok = { kind: 'word'; text: string } | { kind: 'sep'; text: Separator };
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    let j = i + 1;
    if (/[A-Z0-9']/.test(ch)) {
      while (j < text.length && /[A-Z0-9']/.test(text[j] as string)) j++;
      toks.push({ kind: 'word', text: text.slice(i, j) });
    } else if (ch === '/') {
      while (j < text.length && text[j] === '/') j++;
      if (j - i > 2) return { ok: false, problem: `"${text.slice(i, j)}" (more than two slashes)` };
      toks.push({ kind: 'sep', text: j - i === 2 ? '//' : '/' });
    } else if (ch === '-') {
      while (j < text.length && text[j] === '-') j++;
      toks.push({ kind: 'sep', text: j - i === 1 ? '-' : '--' });
    } else if (ch === ',') {
      toks.push({ kind: 'sep', text: ',' });
    } else if (/\s/.test(ch)) {
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      toks.push({ kind: 'sep', text: ' ' });
    } else {
      return { ok: false, problem: `the character "${ch}"` };
    }
    i = j;
  }
  // Absorb spaces that touch another separator.
  let spacesAbsorbed = false;
  const merged: Tok[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Tok;
    if (t.kind === 'sep' && t.text === ' ') {
      const prev = merged[merged.length - 1];
      const next = toks[k + 1];
      const touches = (prev?.kind === 'sep') || (next?.kind === 'sep' && next.text !== ' ');
      if (touches && prev !== undefined && next !== undefined) {
        // ", " is the canonical REL TO separator: absorbing it is not worth a note.
        if (!(prev.kind === 'sep' && prev.text === ',')) spacesAbsorbed = true;
        continue;
      }
    }
    merged.push(t);
  }
  let leadingSlashes = false;
  if (merged[0]?.kind === 'sep') {
    if (merged[0].text === '//') {
      leadingSlashes = true;
      merged.shift();
    } else {
      return { ok: false, problem: `a leading "${merged[0].text === ' ' ? 'space' : merged[0].text}"` };
    }
  }
  const items: Item[] = [];
  let pending: Separator | null = null;
  for (const t of merged) {
    if (t.kind === 'sep') {
      if (pending !== null) return { ok: false, problem: `an empty category between "${pending}" and "${t.text}"` };
      pending = t.text;
    } else {
      items.push({ sep: items.length === 0 ? null : pending, word: t.text });
      pending = null;
    }
  }
  if (items.length === 0) return { ok: false, problem: 'no marking words' };
  if (pending !== null) return { ok: false, problem: `a trailing "${pending === ' ' ? 'space' : pending}"` };
  return { ok: true, items, spacesAbsorbed, leadingSlashes };
}

/** Level words a banner starts with, written without spaces (`TOPSECRET` is the joined `T O P S E C R E T`). */
const BANNER_LEVEL_WORDS = ['TOPSECRET', 'SECRET', 'CONFIDENTIAL', 'UNCLASSIFIED', 'UNCLAS'];

/** A joined word as the banner ends up with it: `TOPSECRET` is split into TOP SECRET below (probe 64d F10). */
function finalWords(joined: string): string {
  return /^TOPSECRET$/i.test(joined) ? 'TOP SECRET' : joined;
}

/**
 * Repair the teletype damage seen in cable banners, returning the repaired text and a note per
 * repair. Only repairs that end in a level word are made, so nothing is guessed:
 * - letter-spaced words are joined: `C O N F I D E N T I A L`, `S e c r e t`, `UNCLAS E F T O`
 *   (three or more single letters), also when one gap is missing (`SE C R E T`, `CO N F I D …`);
 * - a doubled first letter is dropped: `SS E C R E T`, `CC O N F I D E N T I A L`, `UUNCLAS`;
 * - leading dots and quotes are dropped (`.C O N F I D E N T I A L`).
 * Truncated or garbled words (`E C R E T`, `CSE C R E T`) are left for the parser to reject.
 */
export function repairBanner(text: string): { text: string; notes: string[] } {
  const notes: string[] = [];
  let out = text;
  const lead = /^[."'`]+/.exec(out);
  if (lead) {
    out = out.slice(lead[0].length);
    notes.push(`leading "${lead[0]}" ignored`);
  }
  // A run of 1–3 letter tokens at the start that joins into a level word (`SE C R E T`).
  const run = /^(?:[A-Za-z]{1,3} )+[A-Za-z]{1,3}(?=$|[\s/])/.exec(out);
  // The note names the banner's own words (`C O N F I D E N T I A L → CONFIDENTIAL`), not an example.
  const joins: string[] = [];
  if (run && run[0].split(' ').filter((t) => t.length === 1).length >= 3) {
    const word = run[0].replace(/ /g, '').toUpperCase();
    const undoubled = word[0] === word[1] ? word.slice(1) : word;
    if (BANNER_LEVEL_WORDS.includes(word) || BANNER_LEVEL_WORDS.includes(undoubled)) {
      out = run[0].replace(/ /g, '') + out.slice(run[0].length);
      joins.push(`${run[0]} → ${finalWords(run[0].replace(/ /g, ''))}`);
    }
  }
  out = out.replace(/(?<![A-Za-z])[A-Za-z](?: [A-Za-z](?![A-Za-z])){2,}/g, (m) => {
    joins.push(`${m} → ${finalWords(m.replace(/ /g, ''))}`);
    return m.replace(/ /g, '');
  });
  if (joins.length > 0) notes.push(`letter-spaced banner words joined (${joins.join('; ')})`);
  const first = /^[A-Za-z]+/.exec(out)?.[0].toUpperCase() ?? '';
  const doubled = first.length > 2 && first[0] === first[1];
  if (doubled && !BANNER_LEVEL_WORDS.includes(first) && BANNER_LEVEL_WORDS.includes(first.slice(1))) {
    out = out.slice(1);
    notes.push(`doubled first letter ignored (${first} → ${first.slice(1)})`);
  }
  if (/^TOPSECRET(?![A-Za-z])/i.test(out)) out = `TOP SECRET${out.slice(9)}`;
  return { text: out, notes };
}
