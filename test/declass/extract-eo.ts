/**
 * A small E.O.-line extractor, independent of src/parse, used to check the corpus (the same
 * heuristic as scripts/list-decl-forms.mjs). Returns the value after the order number and its
 * colon, as written, or null when the cable has no E.O. line.
 */
const EO = /(^|[\s"',\\]|SIPDIS)(E\s?\.?\s?[O0]\s?\.?|EO)\s*(\d{4,5})\b(.*)$/i;

export function extractEoValue(text: string): string | null {
  const lines = text.split('\n').map((l) => l.replace(/\\\s*$/, ''));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = EO.exec(line);
    if (m) {
      const before = line.slice(0, m.index);
      const atStart = /^[\s"',\\]*$/.test(before);
      const collapsed = /SIPDIS|\bUNCLAS|C O N F|S E C R E T|\bDEPT\b|\bFOR\b/.test(before);
      const inReason = /classified\s+by|reason/i.test(before);
      let rest = m[4]!;
      const next = lines[i + 1] ?? '';
      const looksLikeInstruction = /^\s*(:|DECL|N\/?A\b)/i.test(rest) || (/^\s*$/.test(rest) && /^\s*TAGS?\b/i.test(next));
      if ((atStart || collapsed) && !inReason && looksLikeInstruction) {
        rest = rest.replace(/\s+TAGS?\s*:.*$/i, '');
        if (/^\s*:?\s*$/.test(rest) && next.trim() && !/^\s*(TAGS?|SUBJECT|SUBJ)\b/i.test(next)) rest = `${rest} ${next}`;
        return rest.replace(/^\s*:/, '').replace(/^\s+/, '').trimEnd();
      }
    }
    // The E.O. line comes before the first numbered paragraph; later mentions are prose.
    if (/^\s*¶?\s*1\s*\.\s/.test(line)) break;
  }
  return null;
}
