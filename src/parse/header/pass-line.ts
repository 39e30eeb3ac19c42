/**
 * Whether a line of the header zone before SUBJECT and TAGS is a pass line: the addressing of a
 * cable's distribution (`DEPT FOR EUR/WE`, `STATE PASS TO USTR FOR RVARGO`, `NSC FOR HOVENIER`,
 * `AMALITO`), which is released with the header. Any line there that a header field follows was
 * taken as one: a sentence (`The informant … confirmed the arrests.`) between the banner and the
 * E.O. line was released as written, even from a cable denied in full. A pass line names offices
 * and people: an addressing word or an office symbol, or a few capitalised words, never a
 * sentence; what does not read so stays content (fail closed). Over the 1,588 corpus cables and
 * 200 more, 2,207 lines were taken as pass lines: all but a handful of notes (`ZFR CANCEL TELEGRAM
 * - WILL BE RESENT …`, `Original Telegram was Confidential but has since been`) read so. Pure.
 */

/** An addressing word, a correction notice, a `CXABC:` channel or an office symbol (`EUR/WE`, `a/s`). */
const ADDRESSING = /\b(?:FOR|PASS|PLS|ALSO|FROM|INFO|ACTION|ATTN|ATTENTION|DISSEMINATION|DISTRIBUTION|CHARGE|PERISHABLE)\b|C\s?O\s?R\s?R\s?E\s?C\s?T\s?E\s?D|^CX[A-Z]+:|[A-Za-z]{1,6}\/[A-Za-z0-9]/i;

/** Words that make a sentence of a line (a verb, an article, a pronoun); an address list has at most one. */
const SENTENCE_WORDS = new Set('A AN IS ARE WAS WERE WILL WOULD HAS HAVE HAD THAT THIS WITH BY OUR HIS HER THEIR HE SHE THEY WE IT NOT BE BEEN SAID TOLD IN ON WHO WHICH CAN COULD SHOULD MAY MUST'.split(' '));

/** Lower-case words an address list writes (`Dept for af/e`, `also for`). */
const ADDRESS_LOWER = new Set(['for', 'and', 'to', 'also', 'pass', 'pls', 'please', 'of', 'from', 'the', 'at']);

/** The longest of {@link SENTENCE_WORDS}: a longer word is none of them. */
const LONGEST_SENTENCE_WORD = 6;

/** A character that separates the tokens of a line: a blank, `,`, `;`, `:`, `(`, `)`, `"`, `+`. */
function separates(c: number): boolean {
  if (c === 0x20 || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x22 || c === 0x2b || (c >= 0x09 && c <= 0x0d)) return true;
  return c > 0x7f && /\s/.test(String.fromCharCode(c));
}

/**
 * The line's words (tokens between separators, less a trailing `.`, `!` or `?` run, made of ASCII
 * letters and apostrophes only), how many make a sentence, and how many are lower-case words of
 * two letters or more other than addressing ones (a single letter is a list's: `l. Mtcr poc …`).
 * A character loop: every header line is read so, routing lines too.
 */
export function wordsOf(text: string): { n: number; sentence: number; lower: number } {
  let n = 0;
  let sentence = 0;
  let lower = 0;
  for (let i = 0; i < text.length; ) {
    while (i < text.length && separates(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && !separates(text.charCodeAt(i))) i++;
    let end = i;
    while (end > start && (text.charCodeAt(end - 1) === 0x2e || text.charCodeAt(end - 1) === 0x21 || text.charCodeAt(end - 1) === 0x3f)) end--;
    if (end === start) continue;
    let letters = true;
    let allLower = true;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      const isLower = (c >= 0x61 && c <= 0x7a) || c === 0x27;
      if (!isLower && !(c >= 0x41 && c <= 0x5a)) {
        letters = false;
        break;
      }
      if (!isLower) allLower = false;
    }
    if (!letters) continue;
    n++;
    const w = text.slice(start, end);
    if (end - start <= LONGEST_SENTENCE_WORD && SENTENCE_WORDS.has(w.toUpperCase())) sentence++;
    if (allLower && end - start >= 2 && !ADDRESS_LOWER.has(w)) lower++;
  }
  return { n, sentence, lower };
}

/** A classified mark (`(S)`, `(TS//SI)`, `(SECRET)`) and the text up to the next parenthesis or `;`. */
const MARK_AND_TEXT = /\(\s*(?:TS|S|C|TOP SECRET|SECRET|CONFIDENTIAL)\s*(?:\/\/?[^)]*)?\)([^(;]*)/gi;

/**
 * True when `text` holds a classified mark followed by three words (`1.1 (TS//SI) … SOURCE MET`,
 * `[1] (S) … SOURCE MET`, `A.1 (S) CONTACT: … AL-RASHID, MFA`): a portion's mark and its text, not
 * a header line (a prefix before the mark hid it from the reading of a line's start; short, it
 * read as a pass line, an address or a REF item and was released as written). A referenced
 * message's classification after its number (`B. BERLIN 678 (C)`, `(S) STATE 12345`) is no such
 * text.
 */
export function holdsMarkedText(text: string): boolean {
  if (!text.includes('(')) return false;
  for (const m of text.matchAll(MARK_AND_TEXT)) if ((m[1]!.match(/[A-Za-z]{2,}/g)?.length ?? 0) >= 3) return true;
  return false;
}

/**
 * True when `text` reads as a pass line. `continues`: the line right before it was one (an address
 * list wrapped over lines: `(ZARATE), TASK FORCE ON TERRORIST FINANCING, OFAC DIRECTOR`); `next`:
 * the line after it. A verb makes it content, even after an addressing word.
 */
export function isPassLine(text: string, continues: boolean, next = ''): boolean {
  const { n, sentence, lower } = wordsOf(text);
  if (sentence >= 2 || holdsMarkedText(text) || holdsRoutingVerb(text, next)) return false;
  if (ADDRESSING.test(text)) return true;
  if (continues) return lower === 0 || sentence === 0;
  return n <= 5 && sentence === 0 && lower === 0;
}

/**
 * A verb that an address list does not hold: a routing phrase with a sentence after it (`PLEASE
 * PASS TO SECDEF. THE CHANCELLOR IS GRAVELY ILL.`, `STATE FOR NEA - SHAH HAS CANCER`, `CORRECTED
 * COPY (SHAH IS ILL)`) has one, and the addressing word alone made it a pass line, released as
 * written. Not `can`, `who`, `which`, `may`: offices and addressees (`WHA/CAN`, `OFSO/WHO`).
 */
const ROUTING_VERB = /\b(?:is|are|was|were|will|would|has|have|had|said|says|told|could|should|must)\b/i;

/** An office symbol with its parts (`WHA/CAN`, `IO/WHO`): its letters are no words of a sentence. */
const OFFICE_SYMBOL = /[A-Za-z0-9-]*\/[A-Za-z0-9/-]*/g;

/**
 * The passive of a repeat notice (`FOLLOWING STATE 127892 … SENT ACTION RIGA, / TALLINN, … IS BEING
 * / REPEATED FOR YOUR ACTION.`, 09STATE127892), wrapped over lines: routing, not a sentence.
 */
const REPEAT_PASSIVE = /\b(?:is|are|was|were|has been|have been)\s+(?:being\s+)?(?:repeated|sent|passed)\b/gi;

/**
 * True when `text`, less its office symbols and a repeat notice's passive, holds a
 * {@link ROUTING_VERB}; `next` is the line after it (the passive may wrap onto it).
 */
function holdsRoutingVerb(text: string, next: string): boolean {
  const wrapped = /^(?:REPEATED|SENT|PASSED)\b/i.exec(next)?.[0] ?? '';
  return ROUTING_VERB.test(`${text} ${wrapped}`.replace(OFFICE_SYMBOL, ' ').replace(REPEAT_PASSIVE, ' '));
}

/**
 * A verb or relative pronoun that a name, a title, an office or a source's title does not hold
 * (`… minister will resign next week`, `… Chief, who met the source`); not `May`, a month in a
 * date. Authority fields (a cable's Classified By, a memo's Classified By and Derived From) that
 * hold one are text, not the field.
 */
export const PROSE_VERB = /\b(?:is|are|was|were|will|would|has|have|had|said|says|told|can|could|should|must|who|which)\b/i;

/**
 * True when `text` reads as a sentence rather than a list of references or addresses: two words
 * that make a sentence (`… told … would …`), or three lower-case words other than addressing ones
 * (`Summary: the informant … confirmed the arrests.`), or a classified mark and its text
 * ({@link holdsMarkedText}). A REF item or an address line that reads so is content, not header
 * (fail closed). `lowerCaseCodes`: the line may be codes in lower case
 * (`etra, mnuc, marr, ch, jp`, TAGS), so only the words that make a sentence count.
 */
export function readsAsSentence(text: string, options: { readonly lowerCaseCodes?: boolean } = {}): boolean {
  const { sentence, lower } = wordsOf(text);
  return sentence >= 2 || (!options.lowerCaseCodes && lower >= 3) || holdsMarkedText(text);
}
