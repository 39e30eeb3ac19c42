/**
 * Where a subject line's text ends. A subject wraps onto the lines under it, and those lines take
 * the subject's mark (`SUBJECT: (U) …`); a line under it that is not its wrap is the start of
 * something else: `SUMMARY: THE MINISTER SAID …` under `SUBJECT: (U) GERMANY TALKS` in a
 * CONFIDENTIAL cable, `PURPOSE: … to approve the strike` or `The minister … said the plan is
 * secret.` under a memo's `SUBJECT: (U) Plan` were released as the subject's (U). Such a line is
 * content (unmarked, so withheld in a classified document: fail closed). Pure.
 */
import { readsAsSentence } from './header/pass-line.js';

/** A field that never continues a subject: another heading of a memo, cable or message. */
const FIELD_LABEL =
  /^\W*(?:SUMMARY|PURPOSE|BACKGROUND|ACTION(?: REQUEST| ITEMS?)?|POCS?|DATE|TIME|IMPORTANCE|PRIORITY|SENSITIVITY|COMMENTS?|NOTE|ISSUES?|DISCUSSION|RECOMMENDATIONS?|DECISION|ATTACHMENTS?|ENCLOSURES?|REFERENCES?|KEY POINTS|BOTTOM LINE|PARTICIPANTS|LOCATION|CLASSIFICATION)\s*:/i;

/** True when `line` opens with a field that never continues a subject (`DATE: 15 March 2011`). */
export function opensField(line: string): boolean {
  return FIELD_LABEL.test(line.trim());
}

/** A label of up to three words and a colon (`Place of meeting: …`). */
const LABEL_FORM = /^[\p{L}][\p{L}/&'-]*(?: [\p{L}/&'-]+){0,2}\s?:(?:\s|$)/u;

/**
 * True when `next`, the line right under the subject's last line `prev`, does not go on with the
 * subject. A known field label never does; a line the wrap may have made (the previous line with
 * the next one's first word would reach `wrapWidth`) does; else a line that opens with a label or
 * reads as a sentence does not (a subject's own second line, `TUESDAY, MARCH 22, 2005` under a
 * short `SUBJECT: ANKARA MEDIA REACTION REPORT`, goes on).
 */
export function endsSubject(prev: string, next: string, wrapWidth: number): boolean {
  const text = next.trim();
  if (opensField(text)) return true;
  const firstWord = /^\S*/.exec(text)![0].length;
  if (prev.trim().length + 1 + firstWord >= wrapWidth) return false;
  return LABEL_FORM.test(text) || readsAsSentence(text);
}
