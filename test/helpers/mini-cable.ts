import type { Document, Marking, MarkingSource, Portion, Span } from '../../src/types.js';
import { doc, mk } from './facts.js';

/**
 * Builds a Document by hand from lines, for engine tests that must not depend on the parser.
 * Each body entry is `[id, mark-or-null, text]`; the mark (e.g. `(C)`) is written after `¶N. `.
 */
export function miniCable(options: {
  banner: Marking | null;
  decl?: string | null;
  /** The document's date; null for a document whose date is not known. */
  originated?: string | null;
  reasons?: string[];
  body: [id: string, mark: Marking | 'unknown' | null, text: string][];
  furnitureAfter?: string;
}): Document {
  let source = '';
  const bannerRaw = options.banner ? options.banner.raw : null;
  let bannerSpan: Span | null = null;
  if (bannerRaw) {
    bannerSpan = { start: 0, end: bannerRaw.length };
    source += `${bannerRaw} BERLIN 000173\n\n`;
  }
  const eoStart = source.length;
  const eoRaw = `E.O. 12958: ${options.decl ?? 'DECL: 02/13/2018'}`;
  source += `${eoRaw}\n`;
  const cbStart = source.length;
  const cbRaw = `Classified By: Jeff Rathke. REASONS: 1.4 (B) AND (D).`;
  source += `${cbRaw}\n\n`;
  const portions: Portion[] = [];
  const furniture: Span[] = [];
  options.body.forEach(([id, mark, text], i) => {
    const start = source.length;
    const number = String(i + 1);
    source += `¶${number}. `;
    let markField: Portion['mark'] = null;
    let marking: Marking | null = null;
    let markingSource: MarkingSource = 'unmarked';
    if (mark === 'unknown') {
      const raw = '(C0)';
      markField = { raw, span: { start: source.length, end: source.length + raw.length } };
      source += `${raw} `;
      markingSource = 'unknown';
    } else if (mark) {
      markField = { raw: mark.raw, span: { start: source.length, end: source.length + mark.raw.length } };
      source += `${mark.raw} `;
      marking = mark;
      markingSource = 'marked';
    }
    source += text;
    const end = source.length;
    const segments: Span[] = [{ start, end }];
    if (options.furnitureAfter === id) {
      // A page header in the middle of the next line of this paragraph.
      source += '\n';
      const f = { start: source.length, end: source.length + 'BERLIN 00000173  002 OF 002'.length };
      source += 'BERLIN 00000173  002 OF 002\n';
      furniture.push(f);
      const s2 = source.length;
      source += 'continued text of the paragraph.';
      segments.push({ start: s2, end: source.length });
    }
    portions.push({ id, kind: 'paragraph', number, parent: null, marking, markingSource, mark: markField, span: { start, end: source.length }, segments });
    source += '\n\n';
  });
  source += 'TIMKEN\n';
  return doc({
    source,
    originated: options.originated === undefined ? '2008-02-13' : options.originated,
    banner: options.banner && bannerSpan ? { raw: bannerRaw!, span: bannerSpan, marking: options.banner, caveats: [], section: null } : null,
    eo: { raw: eoRaw, span: { start: eoStart, end: eoStart + eoRaw.length }, order: '12958', decl: options.decl ?? 'DECL: 02/13/2018', declSpan: null },
    classifiedBy: { raw: cbRaw, span: { start: cbStart, end: cbStart + cbRaw.length }, reasons: options.reasons ?? ['1.4(b)', '1.4(d)'] },
    portions,
    furniture,
  });
}

export const CONFIDENTIAL: Marking = mk('C', { raw: 'CONFIDENTIAL' });
export const UNCLASSIFIED: Marking = mk('U', { raw: 'UNCLASSIFIED' });
