/**
 * Marked-content tags as released. A tag is a name (`/ZQBODY1 BMC`, `/Note#20on#20the#20source
 * MP`) and a name can spell any words: a probe wrote the withheld paragraph's words as the tags of
 * its own lines and found them in the release PDF's page stream. No viewer draws a tag, and the
 * structure tree that gave tags a meaning is dropped from every release, so a tag that is not
 * one of PDF's own is written as `/Span`. PDF's own: the standard structure types (ISO 32000-1
 * table 333, ISO 32000-2), `Artifact`, `OC` (optional content, which decides what shows),
 * `Tx` (a form field's text) and `ReversedChars`.
 */
import { PdfName } from '../objects/model.js';

const STANDARD_TAGS: ReadonlySet<string> = new Set(
  (
    'Document DocumentFragment Part Art Sect Div Aside BlockQuote Caption TOC TOCI Index NonStruct Private ' +
    'P H H1 H2 H3 H4 H5 H6 Title FENote Sub L LI Lbl LBody Table TR TH TD THead TBody TFoot ' +
    'Span Quote Note Reference BibEntry Code Link Annot Em Strong Ruby RB RT RP Warichu WT WP ' +
    'Figure Formula Form Artifact OC Tx ReversedChars'
  ).split(' '),
);

/** The neutral tag a marked-content tag that is not PDF's own is written as. */
export const NEUTRAL_TAG = PdfName.of('Span');

/** `tag` as released: itself when it is one of PDF's own, else {@link NEUTRAL_TAG}. */
export function releasedTag(tag: PdfName): PdfName {
  return STANDARD_TAGS.has(tag.name) ? tag : NEUTRAL_TAG;
}

/**
 * The keys a marked-content property list keeps, and the values each may have: /MCID a number,
 * an artifact's /Type and /Subtype one of PDF's names for them (ISO 32000-1 14.8.2.2). Every
 * other key (a name can spell words) and every other value goes.
 */
const KEPT_NAMES: Readonly<Record<string, ReadonlySet<string> | 'number'>> = {
  MCID: 'number',
  Type: new Set(['Pagination', 'Layout', 'Page', 'Background']),
  Subtype: new Set(['Header', 'Footer', 'Watermark', 'PageNum', 'LineNum', 'Redaction', 'Bates']),
};

/** True when a property list keeps `value` under `key` (see {@link KEPT_NAMES}). */
export function keptProperty(key: string, value: unknown): boolean {
  const kept = KEPT_NAMES[key];
  if (kept === undefined) return false;
  if (kept === 'number') return typeof value === 'number';
  return value instanceof PdfName && kept.has(value.name);
}
