/**
 * The tool's own words in a release are where runs of the document's words break. A release
 * shows `[WITHHELD: NOFORN]` (text) or a box labelled `NOFORN` (PDF) where a portion was; when
 * the withheld portion itself ended `NOFORN` and the release goes on with a line the original
 * repeats after it (a banner line), the label and that line read as a run of withheld words that
 * nobody disclosed: the self-check refused such a document and the audit reported a leak. The
 * leak checks therefore read a release as the pieces between these words. Pure.
 *
 * Cutting never joins words that were apart, so a run found in a piece is in the release as
 * read; what a cut can hide is only a run that goes through the tool's own words, which the
 * document did not write there.
 */

/** A placeholder of a release text: `[WITHHELD: …]`, `[REDACTED: …]`, `[DENIED IN FULL: …]`. */
const PLACEHOLDER = /\[(?:WITHHELD|REDACTED|DENIED IN FULL): ?[^\]\n]*\]/;

/** A release text cut at its placeholders (one piece when it has none). */
export function cutAtPlaceholders(text: string): string[] {
  return text.includes('[') ? text.split(PLACEHOLDER) : [text];
}

/**
 * Text read from a release PDF (one drawn string a line) cut at the lines that are box labels:
 * see {@link cutAtLabels}.
 */
export function cutAtLabelLines(text: string, labels: readonly string[]): string[] {
  return labels.length === 0 ? [text] : cutAtLabels(text.split('\n'), labels);
}

/**
 * Strings read from a release PDF (drawn strings, or pdf.js text items) cut at those that are box
 * labels: a label, or a row of one wrapped at spaces, i.e. words `i..j` of one of `labels` (the
 * authorities of the release's withholdings, as recorded). The strings between two labels are
 * joined with `joinerBefore(i)` before string `i` (what the reader put between them).
 */
export function cutAtLabels(strings: readonly string[], labels: readonly string[], joinerBefore: (i: number) => string = () => '\n'): string[] {
  const rows = labelRows(labels);
  const pieces: string[] = [];
  let piece = '';
  let empty = true;
  strings.forEach((s, i) => {
    if (rows.has(collapse(s))) {
      pieces.push(piece);
      piece = '';
      empty = true;
    } else {
      piece = empty ? s : piece + joinerBefore(i) + s;
      empty = false;
    }
  });
  pieces.push(piece);
  return pieces;
}

/** Every run of consecutive words of every label, spaces collapsed. */
function labelRows(labels: readonly string[]): Set<string> {
  const rows = new Set<string>();
  for (const label of labels) {
    const words = collapse(label).split(' ').filter((w) => w !== '');
    for (let i = 0; i < words.length; i++) for (let j = i + 1; j <= words.length; j++) rows.add(words.slice(i, j).join(' '));
  }
  return rows;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
