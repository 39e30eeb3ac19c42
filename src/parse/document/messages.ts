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
const WORDED_SEPARATOR = /^(?:-{2,}\s*Forwarded\s+by\s.{1,120}?\s*-{2,}|On\s.{5,120}\bwrote\s*:)$/i;

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
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if ((roles[i] === 'rule' && FIXED_SEPARATOR.test(text)) || (roles[i] === 'content' && WORDED_SEPARATOR.test(text))) starts.push(i);
  }
  const out: Span[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]! + 1;
    const to = k + 1 < starts.length ? starts[k + 1]! : lines.length;
    if (from >= to) continue;
    const own: Marking[] = [];
    let contradicted = false;
    let closing = -1;
    for (let i = from; i < to; i++) {
      const b = banners.get(i);
      if (!b) continue;
      if (b.highestPossible || !b.marking) contradicted = true;
      else own.push(b.marking);
      closing = Math.max(closing, ...b.lines);
    }
    // Its lines above and below it: the message ends at the last one (what follows it, a reply
    // written under the quote, is the printout's text).
    if (own.length < 2 || contradicted || !own.every(isPlainUnclassified)) continue;
    const span = { start: lines[from]!.start, end: lines[closing]!.end };
    const inside = (p: Portion) => p.span.start >= span.start && p.span.end <= span.end;
    if (portions.some((p) => inside(p) && (p.markingSource === 'unknown' || (p.marking !== null && p.marking.level !== 'U')))) continue;
    out.push(span);
  }
  return out;
}

function isPlainUnclassified(m: Marking): boolean {
  return m.level === 'U' && m.controls.length === 0 && m.relTo.length === 0 && m.sci.length === 0 && m.fgi.length === 0;
}
