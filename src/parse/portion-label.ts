/**
 * How a message names a portion for a person: by what they see in the document (`Paragraph 3`,
 * `The subject line`, `This heading`), never by an internal id such as `text1` or `p3.m1`. The
 * message's line and column say where it is.
 */
import type { Portion, PortionKind } from '../types.js';

const NOUNS: Readonly<Record<PortionKind, string>> = {
  subject: 'subject line',
  paragraph: 'paragraph',
  subparagraph: 'subparagraph',
  text: 'text',
  signature: 'signature',
  title: 'title',
  heading: 'heading',
  bullet: 'bullet',
  item: 'item',
  'table-row': 'table row',
  header: 'header line',
};

/**
 * `Paragraph 3`, `Subparagraph A`, `Item 2` for a numbered portion; `The subject line`, `The
 * title`, `The signature`; otherwise `This heading`, `This bullet`, `This text` (the diagnostic's
 * position shows which). Starts with a capital letter.
 */
export function portionLabel(p: Pick<Portion, 'kind' | 'number'>): string {
  const noun = NOUNS[p.kind];
  if (p.number !== null && p.number !== '') return `${noun[0]!.toUpperCase()}${noun.slice(1)} ${p.number}`;
  if (p.kind === 'subject' || p.kind === 'title' || p.kind === 'signature') return `The ${noun}`;
  return `This ${noun}`;
}
