/**
 * The release of a document denied in full: one page that shows the document exists, as a FOIA
 * office hands it out. Its header lines as released, the stamp `DENIED IN FULL <authorities>` in
 * place of the release stamp, and a line that counts the portions withheld under each authority.
 * Built from release pieces, so it holds nothing the release would not. Pure.
 */
import type { Piece } from '../../engine/edits.js';
import { redactedPlaceholder } from './index.js';

/** The marker line of a denial, e.g. `[DENIED IN FULL: 7 portion(s) withheld under B1, 1.4(B), 1.4(D)]`. */
export function deniedMarker(counts: ReadonlyMap<string, number>): string {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const entries = [...counts];
  const under = entries.length === 1 ? ` under ${entries[0]![0]}` : `: ${entries.map(([a, n]) => `${n} under ${a}`).join('; ')}`;
  return `[DENIED IN FULL: ${total} portion(s) withheld${under}]`;
}

/** Reads the count back from a denial's marker (the audit's check), or null when there is none. */
export function parseDeniedMarker(text: string): { readonly total: number; readonly marker: string } | null {
  const m = /\[DENIED IN FULL: (\d+) portion\(s\) withheld[^\]\n]*\]/.exec(text);
  return m ? { total: Number(m[1]), marker: m[0] } : null;
}

/**
 * The denial text: the release's lines without its withheld portions (every line that held one
 * is dropped, blank runs collapsed), the line that read `stamp` replaced by `deniedStamp` (or the
 * stamp first when no line read it), then a blank line and the marker.
 *
 * @param pieces The release pieces of the document (without a case footer).
 * @param counts Portions withheld, by authority (as the stamp writes it), in the order to list them.
 */
export function renderDeniedText(pieces: readonly Piece[], stamp: string, deniedStamp: string, counts: ReadonlyMap<string, number>): string {
  let text = '';
  for (const p of pieces) {
    if (p.kind === 'text') text += p.text;
    else if (p.kind === 'withheld') text += '\u0000'; // a line holding a withheld portion is dropped
    else text += redactedPlaceholder(p.authority);
  }
  const kept: string[] = [];
  let stamped = false;
  for (const raw of text.split('\n')) {
    if (raw.includes('\u0000')) continue;
    const line = raw.trimEnd();
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    if (!stamped && stamp !== '' && line.trim() === stamp) {
      kept.push(line.replace(stamp, deniedStamp));
      stamped = true;
    } else kept.push(line);
  }
  if (!stamped) kept.unshift(deniedStamp);
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return `${kept.join('\n')}\n\n${deniedMarker(counts)}\n`;
}
