/**
 * A memo's or letter's signature block: the signer's name and title under the last paragraph,
 * set to the right (`                    John Q. Public` / `                    Deputy Under
 * Secretary`) or under a closing (`Sincerely,`): a portion of its own (`signature`), as a cable's
 * signer is (src/parse/roles.ts), never glued to the paragraph above it. 32 CFR 2001.21(c) marks a
 * signature block only when it is classified, so an unmarked one is no reader error; the rules
 * decide it as unmarked text (issue 12: withheld in a document that is still classified, released
 * with it once declassified).
 *
 * Only a block that is certainly a signature is taken: no mark in it and no marked portion after
 * it, one to five short lines, the first a name, set right or under a closing. Anything else stays
 * an unmarked paragraph (withheld in a classified document: fail closed).
 */
import type { Draft } from './group.js';
import type { LineRole } from './header.js';
import type { DocLine } from './lines.js';

const MAX_LINES = 5;
const MAX_WIDTH = 60;
const MAX_WORDS = 8;
/** A signature block set to the right starts at least this many columns in. */
const MIN_INDENT = 10;
/** A closing alone on its line; also a form line (header.ts), so it is no portion itself. */
export const CLOSING = /^(?:(?:Very\s+)?[Rr]espectfully(?:\s+submitted)?|Sincerely(?:\s+yours)?|(?:Best\s+|Kind\s+|Warm\s+)?[Rr]egards|V\/R|v\/r|VR|Cordially|Thanks|Thank\s+you|Best|All\s+the\s+best|Cheers),?$/;
/** A word of a name: capitalised (`Public`, `O'Neil`, `McDonald`, `JONES`), an initial (`Q.`), a particle, a suffix. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*\.?|van|von|de|da|del|der|la|le|du|di|bin|al|el)$/u;

/**
 * Whether draft `d` is a signature block (see the module comment). Where it stands is the caller's
 * to check: after the document's last marked portion.
 */
export function isSignatureBlock(lines: readonly DocLine[], roles: readonly LineRole[], d: Draft): boolean {
  if (d.lead || d.raises.length > 0 || d.structure !== null || d.readAsText.length > 0) return false;
  const own = [...new Set(d.pieces.map((p) => p.line))];
  if (own.length > MAX_LINES) return false;
  const texts = own.map((i) => lines[i]!.text);
  if (texts.some((t) => t.length > MAX_WIDTH || t.split(/\s+/).length > MAX_WORDS || /[!?:;]$/.test(t))) return false;
  // Under a closing a first name alone signs (`Thanks,` / `John`, an e-mail's).
  const closing = closingAbove(lines, roles, own[0]!);
  if (!isName(texts[0]!, closing ? 1 : 2)) return false;
  return closing || own.every((i) => lines[i]!.first - lines[i]!.start >= MIN_INDENT);
}

/** A name: `least` to six words (`John Q. Public`, `MICHAEL S. ROGERS`, `Lt. Gen. Jane Doe, USAF`), each capitalised. */
function isName(text: string, least: number): boolean {
  const words = text.split(/\s+/).map((w) => w.replace(/,$/, ''));
  return words.length >= least && words.length <= 6 && words.every((w) => NAME_WORD.test(w));
}

/** The line above the block, blank lines passed over, is a closing (`Sincerely,`). */
function closingAbove(lines: readonly DocLine[], roles: readonly LineRole[], first: number): boolean {
  let i = first - 1;
  while (i >= 0 && roles[i] === 'blank') i--;
  return i >= 0 && CLOSING.test(lines[i]!.text);
}
