import type { Piece } from '../../engine/edits.js';

/** Placeholder for a withheld portion, e.g. `¶3. [WITHHELD: B1, 1.4(B), 1.4(D)]`. */
export function withheldPlaceholder(label: string, authority: string): string {
  return `${label}[WITHHELD: ${authority}]`;
}

/** Placeholder for a redacted span, e.g. `[REDACTED: B6]`. */
export function redactedPlaceholder(authority: string): string {
  return `[REDACTED: ${authority}]`;
}

/** Renders the release text: verbatim pieces with placeholders where text was removed. */
export function renderReleaseText(pieces: readonly Piece[]): string {
  let out = '';
  for (const p of pieces) {
    if (p.kind === 'text') out += p.text;
    else if (p.kind === 'withheld') out += withheldPlaceholder(p.label, p.authority);
    else out += redactedPlaceholder(p.authority);
  }
  return out;
}
