/**
 * The design brief's cable, 08BERLIN173, as handed over: it went through a Markdown conversion
 * (TAGS read `[MOPS](#) …`, each paragraph is one long line) and its last paragraph is cut off.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/parse/decode.js';
import { parseCable } from '../../src/parse/index.js';
import { invariantProblems, portion, spanFromTo, spanOf } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const decoded = decodeInput(readFileSync(path.resolve(here, '../../samples/08BERLIN173.txt')));
if (!decoded.ok) throw new Error(decoded.message);
const src = decoded.text;
const doc = parseCable(src);

describe('08BERLIN173 (the seed cable)', () => {
  it('header: ref, date, banner, E.O., TAGS, SUBJECT, REF, Classified By', () => {
    expect(doc.ref).toBe('08BERLIN173');
    expect(doc.originated).toBe('2008-02-13');
    expect(doc.routing.dtg?.raw).toBe('131627Z FEB 08');
    expect(doc.banner?.raw).toBe('C O N F I D E N T I A L');
    expect(doc.banner?.span).toEqual(spanOf(src, 'C O N F I D E N T I A L'));
    expect(doc.banner?.marking?.level).toBe('C');
    expect(doc.eo).toMatchObject({ order: '12958', decl: '02/13/2018' });
    expect(doc.tags?.raw).toBe('TAGS: [MOPS](#) [PARM](#) [PREL](#) [NATO](#) [GM](#)');
    expect(doc.subject?.span).toEqual(spanFromTo(src, 'SUBJECT: GERMANY', 'HINDER INTEROPERABILITY'));
    expect(doc.refs.map((r) => r.raw)).toEqual(['REF: STATE 13607']);
    expect(doc.classifiedBy?.reasons).toEqual(['1.4(b)', '1.4(d)']);
  });

  it('portions: subject, three (C) paragraphs, the stray tail of the cut-off last one, the signature', () => {
    expect(doc.portions.map((p) => [p.id, p.kind, p.number, p.markingSource, p.marking?.level ?? null])).toEqual([
      ['subject', 'subject', null, 'unmarked', null],
      ['p1', 'paragraph', '1', 'marked', 'C'],
      ['p2', 'paragraph', '2', 'marked', 'C'],
      ['p3', 'paragraph', '3', 'marked', 'C'],
      ['text1', 'text', null, 'unmarked', null],
      ['signature', 'signature', null, 'unmarked', null],
    ]);
    // The stray last line, after a blank line and a finished sentence, carries no mark: it is
    // unmarked text of its own, not part of the (C) paragraph before it (the cut removed its start).
    expect(portion(doc, 'p3').span).toEqual(spanFromTo(src, '¶3. (C) Ducoffre', 'not subject to prohibition.'));
    expect(portion(doc, 'text1').span).toEqual(spanOf(src, 'under the Oslo Process text.'));
    expect(portion(doc, 'p1').mark?.span).toEqual(spanOf(src, '(C)'));
    expect(portion(doc, 'signature').span).toEqual(spanOf(src, 'TIMKEN JR'));
    expect(invariantProblems(doc)).toEqual([]);
  });

  it('diagnostics: the unmarked subject (a warning) and the unmarked stray line (an error)', () => {
    expect(doc.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['marking-normalised', 'info'],
      ['unmarked-subject', 'warning'],
      ['unmarked-portion', 'error'],
    ]);
  });
});
