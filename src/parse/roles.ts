/**
 * The role of every line of a cable: the header pass (read again where an extract restarts),
 * body lines as content or page furniture, and the trailer and signature at the end.
 */
import { findRestart, mergeHeaders, readHeader, type HeaderResult, type Role } from './header/index.js';
import { splitLines, type Line } from './lines.js';
import { readMarkAt, readUnclosedAt } from './marks.js';
import { isBareClassificationLine, isFurnitureLine, isSectionClassificationLine, TRAILER_LINE, URL_IN_LINE, WEBSITE_LINE } from './patterns.js';
import { splitLongLine } from './reflow.js';
import { markRepeatedHeaders, type UnmatchedHeaderField } from './section-header.js';

/** The lines of a cable, the role of each, and what the header pass read. */
export interface Lines {
  readonly lines: readonly Line[];
  readonly roles: readonly Role[];
  readonly header: HeaderResult;
  /** Header fields under a later section line that the first header does not hold (removed as furniture: warned). */
  readonly unmatchedHeader: readonly UnmatchedHeaderField[];
}

/** Splits `source` into lines and gives each its role. */
export function assignRoles(source: string): Lines {
  const lines = buildLines(source);
  const roles: Role[] = new Array<Role>(lines.length).fill('blank');
  // A mark, or one that lost its `)` before text (`(S//NF The …`): either opens a portion.
  const isMarkAt = (offset: number): boolean => readMarkAt(source, offset) !== null || readUnclosedAt(source, offset) !== null;

  let h = readHeader(source, lines, roles, isMarkAt);
  fillUnassigned(lines, roles, 0, h.bodyStart);
  assignBodyRoles(lines, roles, h.bodyStart);
  // An extract cut off and followed by the full record: read the header again from there.
  for (let guard = 0; guard < 8; guard++) {
    const r = findRestart(lines, roles, h.bodyStart);
    if (r < 0) break;
    let t = r - 1;
    while (t >= h.bodyStart && lines[t]!.blank) t--;
    if (t >= h.bodyStart && roles[t] === 'content' && /\.\.\.$/.test(lines[t]!.text)) roles[t] = 'boilerplate';
    const again = readHeader(source, lines, roles, isMarkAt, r);
    fillUnassigned(lines, roles, r, again.bodyStart);
    h = mergeHeaders(h, again);
    assignBodyRoles(lines, roles, h.bodyStart);
  }
  // The header repeated under a later section's line: furniture, as the line is (./section-header.ts).
  const unmatchedHeader = markRepeatedHeaders(lines, roles, h.bodyStart);
  // A signature is only looked for in a cable (not in any text that ends with a short line).
  if (h.structured) assignSignature(lines, roles, h.bodyStart);
  return { lines, roles, header: h, unmatchedHeader };
}

/** Split into lines, cutting re-flowed long lines into pieces. */
function buildLines(source: string): Line[] {
  const out: Line[] = [];
  for (const l of splitLines(source)) {
    for (const p of splitLongLine(source, l)) out.push({ ...p, index: out.length });
  }
  return out;
}

/** Lines the header pass left without a role are content (fail closed). */
function fillUnassigned(lines: readonly Line[], roles: Role[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if (!lines[i]!.blank && roles[i] === 'blank') roles[i] = 'content';
  }
}

/** Roles of body lines: page furniture or content. */
function assignBodyRoles(lines: readonly Line[], roles: Role[], from: number): void {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.blank) roles[i] = 'blank';
    else if (isFurnitureLine(l.text) || isBareClassificationLine(l.text) || isSectionClassificationLine(l.text)) roles[i] = 'furniture';
    else roles[i] = 'content';
  }
}

/** Trailer lines at the very end (`NNNN`, `End Cable Text`) and the signature. */
function assignSignature(lines: readonly Line[], roles: Role[], from: number): void {
  // Trailer lines after the signature (`NNNN`, `End Cable Text`, a stray quote).
  let last = lines.length - 1;
  for (; last >= from; last--) {
    if (roles[last] === 'blank' || roles[last] === 'furniture') continue;
    if (roles[last] === 'content' && TRAILER_LINE.test(lines[last]!.text)) {
      roles[last] = 'boilerplate';
      continue;
    }
    break;
  }
  if (last < from || roles[last] !== 'content') return;
  const sig = lines[last]!;
  if (!isSignatureLine(sig.text)) return;
  // The line before must end a sentence (or be separated by a blank line).
  let prev = last - 1;
  let gap = false;
  while (prev >= from && (roles[prev] === 'blank' || roles[prev] === 'furniture')) {
    gap = true;
    prev--;
  }
  if (prev < from || roles[prev] !== 'content') {
    if (prev >= 0 && roles[prev] !== 'content') roles[last] = 'signature';
    return;
  }
  const before = lines[prev]!.text;
  if (/^MINIMIZE CONSIDERED$/i.test(before)) {
    roles[last] = 'signature';
    roles[prev] = 'signature';
    return;
  }
  // After a website notice (`Visit … Classified Web Site at` / its address) the signer follows directly.
  if (gap || /[.!?:;"')\]]$/.test(before) || /--$/.test(before) || WEBSITE_LINE.test(before) || URL_IN_LINE.test(before)) roles[last] = 'signature';
}

/** A signer's name: one to four words, letters only, short. */
function isSignatureLine(text: string): boolean {
  if (text.length > 40) return false;
  if (!/^[A-Za-z][A-Za-z'.,-]*(?: [A-Za-z][A-Za-z'.,-]*){0,3}$/.test(text)) return false;
  if (!/[A-Z]/.test(text)) return false;
  if (/^[A-Za-z][.)]\s/.test(text)) return false;
  if (/^(?:END|BEGIN|SUMMARY|COMMENT|NOTE|QUOTE|UNQUOTE)\b/i.test(text)) return false;
  // Every word of a name is capitalised, but for particles (`van Voorst`, `de la Torre`).
  return text.split(' ').every((w) => /^[A-Z]/.test(w) || /^(?:van|von|de|da|del|der|den|la|le|du|di|dos|das|bin|al|el|y)$/.test(w));
}
