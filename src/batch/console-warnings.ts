/**
 * Which of a document's diagnostics the console shows besides the audit record: `release` (each
 * as a warning line) and `check` (as read) print the same codes.
 */
import type { Diagnostic } from '../types.js';

/**
 * The warnings the console shows besides the audit record: an output named otherwise than its
 * input, a PDF redaction's own warning, a mark read without the invisible or look-alike
 * characters it held (the text was read otherwise than written), a FOIA notice the rules do
 * not read (../parse/notices.ts), images or outlined text a PDF release keeps unread, what a PDF
 * holds beyond its pages (an attached file, bookmarks) that no release carries, an as-of
 * date before the document was written, and the claims and readings below.
 */
export const CONSOLE_WARNINGS: ReadonlySet<string> = new Set([
  'output-renamed',
  'pdf-redaction',
  'pdf-unread',
  'pdf-covered-text',
  'pdf-unseen-text',
  'pdf-content-unread',
  'mark-characters-read',
  'foia-notice',
  'as-of-before-origin',
  // A reviewer's decision or a profile's rule that claims what the document does not bear out
  // (../engine/evaluate.ts), and an input read as Windows-1252 (the README promises a warning).
  'override-after-as-of',
  'override-b1-not-classified',
  'override-reasons-differ',
  'override-portion-changed',
  'released-while-classified',
  'encoding-latin1',
  // A caveat line under the banner whose words are not understood (../parse/banner.ts): read as
  // SBU under UNCLAS, where it was dropped and the text released in full without a word.
  'caveat-unknown',
  // A mark that says NOFORN and REL TO at once (../markings/marking.ts): read as NOFORN, and the
  // writer meant one of them (probe 65b F5).
  'rel-to-with-noforn',
  // A control for unclassified information with a classified level, `(C//FOUO)` (../parse/control-level.ts),
  // and a banner lower than its portions (../lint: a marking error, a possible spill; an error in
  // the record, the portions decided by their own marks): in the record only, the console kept
  // quiet about them (probe 65e F5).
  'control-with-classified-level',
  'banner-below-portions',
  // A banner that lacks controls its portions carry (../lint): a partner's release went out
  // under it without a word, only lint said so (probe 67b F6).
  'banner-missing-controls',
  // What the declassification instruction leaves in doubt (../declass/assess.ts): two DECL values
  // that disagree (the most protective is applied: the other would have released the text), none
  // at all, a date past 25 years, a date before the document. `check` printed them; `release`,
  // whose decision they change, kept them in the record only (probe 68c F5).
  'decl-conflict',
  'decl-missing',
  'decl-over-25-years',
  'decl-before-origin',
  // B1 cited with no category where the order required reasons (../engine/authority.ts).
  'b1-without-reasons',
  // A header field under a later section line that the cable's first header does not hold,
  // removed as that header's copy (../parse/section-header.ts): text taken out unread (probe 68e F1).
  'section-header-unmatched',
  // A document bannered UNCLASSIFIED that something says may be classified (../parse/classified-signs.ts):
  // a classified mark at a line's end went pending without a word on the console (probe 69a F1).
  'unclassified-banner-contradicted',
]);

/** The console's warnings among a document's diagnostics, each once. */
export function consoleWarnings(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.filter((d) => CONSOLE_WARNINGS.has(d.code)).map((d) => `${d.message} [${d.code}]`))];
}
