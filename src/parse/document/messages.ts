/**
 * The quoted messages of an e-mail printout. A reply or forward quotes the earlier messages under a
 * separator (`-----Original Message-----`, `---------- Forwarded message ---------`, `Begin
 * forwarded message:`, `On Mon, Mar 2, 2015 at 4:15 PM, Jane Doe wrote:`), and each message carries
 * its own classification lines (`Classification: UNCLASSIFIED` above and below its text). The
 * printout's banner is the newest message's; an earlier message marked UNCLASSIFIED by its own lines
 * holds unclassified text, not unmarked text of a classified document: withheld under B1 it was a
 * claim no reviewer could defend.
 *
 * Only a message that is certainly unclassified is taken: after a separator, between classification
 * lines of its own above and below its text, every one of them plain `UNCLASSIFIED` (no control: a
 * handling caveat such as FOUO is decided as the document's), and no portion in it marked above U
 * or with a mark not understood (a contradiction: its lines are not trusted). The message ends at
 * its last classification line: a reply written under the quote is the printout's text. Anything
 * else is decided as the document's text (fail closed).
 */
import type { Marking, Portion, Span } from '../../types.js';
import type { BannerHit } from './banners.js';
import type { LineRole } from './header.js';
import type { DocLine } from './lines.js';
import { opensWithAuthorityLabel } from './authority.js';

/**
 * A separator of fixed words that starts a quoted message: a form line, kept as written (there is
 * nothing in it to withhold).
 */
export const FIXED_SEPARATOR = /^(?:-{2,}\s*(?:Original\s+Message|Forwarded\s+[Mm]essage)\s*-{2,}|Begin\s+forwarded\s+message\s*:)$/i;
/**
 * A separator with words of its own (`On Mon, Mar 2, 2015 at 4:15 PM, Jane Doe wrote:`, Lotus
 * Notes' `----- Forwarded by Jane Doe/Org on 03/02/2015 -----`): it starts a quoted message but
 * stays text, decided as such (as a form line, a wrapped line of a SECRET paragraph that happened
 * to read `On 3 March the source wrote:` would have been kept as written).
 */
export const WORDED_SEPARATOR = /^(?:-{2,}\s*Forwarded\s+by\s.{1,120}?\s*-{2,}|On\s.{5,120}\bwrote\s*:)$/i;

/**
 * The spans of the quoted messages of the text that are certainly unclassified, from the line
 * after the separator to the message's last classification line. `roles` are the lines' roles
 * (a separator of fixed words is a `rule` line, one with words of its own text), `banners` the banner
 * lines by index, `portions` the portions read.
 */
export function unclassifiedMessages(
  lines: readonly DocLine[],
  roles: readonly LineRole[],
  banners: ReadonlyMap<number, BannerHit>,
  portions: readonly Portion[],
): Span[] {
  const out: Span[] = [];
  for (const { span, own } of quotedMessages(lines, roles, banners)) {
    const contradicted = own.some((b) => b.highestPossible || !b.marking);
    // Its lines above and below it: the message ends at the last one (what follows it, a reply
    // written under the quote, is the printout's text).
    if (own.length < 2 || contradicted || !own.every((b) => isPlainUnclassified(b.marking!))) continue;
    if (!holdsAboveU(span, portions) && !quotesOlderMessage(lines, span) && !mixedQuoting(lines, span, own) && !holdsAuthorityLine(lines, span)) out.push(span);
  }
  return out;
}

/**
 * Whether a message holds a line of a classification authority block (`Classified By:`,
 * `Derived From:`, `Declassify On:`, `CL BY:`, `DECL ON:`, see ./authority.ts): a sign that it holds classified text, whatever its lines say
 * (read as UNCLASSIFIED, the unmarked text beside such a block was released: probe 67d F7).
 */
function holdsAuthorityLine(lines: readonly DocLine[], span: Span): boolean {
  return lines.some((l) => !l.blank && l.start >= span.start && l.end <= span.end && opensWithAuthorityLabel(l.text));
}

/** How deep a line is quoted: the `>` signs it opens with (`> > text` and `>>text` are 2). */
const quoteDepth = (text: string): number => (/^(?:>\s*)*/.exec(text)?.[0].match(/>/g) ?? []).length;

/**
 * Whether a message whose classification lines are quoted (`> Classification: UNCLASSIFIED`) holds a
 * line quoted at another depth: an unquoted reply written between its quoted lines, or text quoted
 * deeper (an older message's). Those lines are not the quoted message's: its classification lines do
 * not speak for them (read as its text, an inline reply of a SECRET printout was released: probe 67d).
 */
function mixedQuoting(lines: readonly DocLine[], span: Span, own: readonly BannerHit[]): boolean {
  const depth = quoteDepth(lines[own[0]!.lines[0]!]!.text);
  if (depth === 0) return false;
  return lines.some((l) => !l.blank && l.start >= span.start && l.end <= span.end && quoteDepth(l.text) !== depth);
}

/**
 * The quoted messages of the text that carry classification lines of their own: each from the
 * line after its separator to its last such line (the printout's own banner repeated at its foot is
 * not one), with those lines.
 */
export function quotedMessages(lines: readonly DocLine[], roles: readonly LineRole[], banners: ReadonlyMap<number, BannerHit>): { span: Span; own: BannerHit[] }[] {
  const starts = separatorLines(lines, roles);
  const bottom = printoutBottomBanner(lines, banners);
  const out: { span: Span; own: BannerHit[] }[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]! + 1;
    const to = k + 1 < starts.length ? starts[k + 1]! : lines.length;
    const own: BannerHit[] = [];
    let closing = -1;
    for (let i = from; i < to; i++) {
      const b = banners.get(i);
      if (!b || i === bottom) continue;
      own.push(b);
      closing = Math.max(closing, ...b.lines);
    }
    if (own.length > 0) out.push({ span: { start: lines[from]!.start, end: lines[closing]!.end }, own });
  }
  return out;
}

/** The indices of the lines that start a quoted message (a separator, fixed or worded). */
export function separatorLines(lines: readonly DocLine[], roles: readonly LineRole[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if ((roles[i] === 'rule' && FIXED_SEPARATOR.test(text)) || (roles[i] === 'content' && WORDED_SEPARATOR.test(text))) starts.push(i);
  }
  return starts;
}

/**
 * Whether `span` quotes an older message of its own (`>> On Sun, Mar 1, 2015, Delta wrote:` inside
 * a `>`-quoted message): that message's text is under no classification line of its own, and the
 * quoting message's lines need not speak for it (read as the quoting message's, its unmarked text
 * was released as unclassified text).
 */
function quotesOlderMessage(lines: readonly DocLine[], span: Span): boolean {
  return lines.some((l) => l.start >= span.start && l.end <= span.end && /^>/.test(l.text) && isSeparatorText(l.text.replace(/^(?:>\s*)+/, '')));
}

/** Whether `text` is a separator's words, fixed or worded. */
export function isSeparatorText(text: string): boolean {
  return FIXED_SEPARATOR.test(text) || WORDED_SEPARATOR.test(text);
}

/** Whether a portion inside `span` is marked above U or with a mark not understood. */
export function holdsAboveU(span: Span, portions: readonly Portion[]): boolean {
  const inside = (p: Portion) => p.span.start >= span.start && p.span.end <= span.end;
  return portions.some((p) => inside(p) && (p.markingSource === 'unknown' || (p.marking !== null && p.marking.level !== 'U')));
}

/**
 * The line of the printout's own banner repeated at its foot (`Classification: SECRET//NOFORN`
 * as the last banner line, the same words as the first), or -1: under the last quoted message it
 * is the printout's, not one of the message's lines (the message's own UNCLASSIFIED lines above
 * and below it were taken as contradicted by it, and its text withheld under B1 as the
 * printout's unmarked text).
 */
export function printoutBottomBanner(lines: readonly DocLine[], banners: ReadonlyMap<number, BannerHit>): number {
  const at = [...banners.keys()].sort((a, b) => a - b);
  if (at.length < 2) return -1;
  const first = banners.get(at[0]!)!;
  const last = banners.get(at[at.length - 1]!)!;
  if (first.lines.length !== 1 || last.lines.length !== 1) return -1;
  const words = (i: number) => lines[i]!.text.trim().replace(/\s+/g, ' ');
  return words(first.lines[0]!) === words(last.lines[0]!) ? last.lines[0]! : -1;
}

export function isPlainUnclassified(m: Marking): boolean {
  return m.level === 'U' && m.controls.length === 0 && m.relTo.length === 0 && m.sci.length === 0 && m.fgi.length === 0;
}
