/**
 * A mark that ends a paragraph of several sentences. SIDtoday marks its lead paragraphs so, whole
 * (`… -- The editor (U)`, `… their new facility!) (S//SI)`); a crafted memo hid an unmarked
 * sentence before one (`The raid on … will begin at dawn. The press covered the statement (U).`)
 * and it was released as (U) in a SECRET memo. A classified mark there still marks the whole
 * paragraph (it withholds it); a (U) there, in a document not bannered UNCLASSIFIED, is a mark whose
 * reach is not known: held for review, with a warning.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/engine/evaluate.js';
import { readDocument } from '../../../src/parse/read.js';
import { loadProfile } from '../../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const MEMO = (banner: string, para: string) =>
  `${banner}\n\nSUBJECT: (U) Plan\n\n${para}\n\n(U) This memorandum summarizes the plan approved last week in the office.\n\n(S) The plan closes offices.\n\nClassified By: J. Smith, Chief\nReason: 1.4(c)\nDeclassify On: 20350315\n\n${banner}\n`;

function read(text: string, word: string) {
  const { doc } = readDocument(text, { format: 'document' });
  const at = text.indexOf(word);
  const plan = evaluate(doc, PUBLIC, { asOf: '2010-12-01', overrides: null, fallbackRef: 'X' });
  const d = plan.decisions.find((x) => x.span.start <= at && at < x.span.end)!;
  return { decision: `${d.action} ${d.ruleId}`, reason: d.reason, portion: doc.portions.find((p) => p.id === d.portionId)!, diagnostics: doc.diagnostics };
}

describe('a mark at the end of a paragraph of several sentences', () => {
  it.each([
    ['on one line', 'The raid on KILLER compound will begin at dawn with two teams. The press covered the ministry statement (U).'],
    ['over two lines', 'The raid on KILLER compound will begin at dawn with two teams.\nThe press covered the ministry statement (U).'],
  ])('(U) after an unmarked sentence in a SECRET memo (%s): held for review, not released', (_how, para) => {
    const { decision, portion, diagnostics } = read(MEMO('SECRET//NOFORN', para), 'KILLER');
    expect(portion.markingSource).toBe('unknown');
    expect(decision).toMatch(/^withhold /);
    expect(diagnostics.map((d) => d.code)).toContain('trailing-mark-unplaced');
  });

  it('the reason says where the mark stands, not that it was not understood (it was: (U))', () => {
    const { portion, reason } = read(MEMO('SECRET//NOFORN', 'More tales from our KILLER work force. Enjoy the holiday! (U)'), 'KILLER');
    expect(portion.markUnplaced).toBe(true);
    expect(reason).toContain('ends a paragraph of several sentences');
    expect(reason).not.toContain('not understood');
    // A mark that was not understood is still said to be so.
    const other = read(MEMO('SECRET//NOFORN', '(X//Q) The KILLER plan.'), 'KILLER');
    expect(other.portion.markUnplaced).toBeUndefined();
    expect(other.reason).toContain('was not understood');
  });

  it('a classified mark there marks the whole paragraph (SIDtoday lead paragraphs)', () => {
    const { decision, portion } = read(MEMO('SECRET//NOFORN', 'The KILLER liaison has spent a year in a "tin can." (It is better than it sounds!) (S//SI)'), 'KILLER');
    expect(portion.marking?.level).toBe('S');
    expect(decision).toBe('withhold public/classified');
  });

  it('one sentence and its trailing (U), or a (U) paragraph in an UNCLASSIFIED memo, stay (U)', () => {
    expect(read(MEMO('SECRET//NOFORN', 'The press covered the KILLER statement on Monday (U).'), 'KILLER').decision).toBe('release public/unclassified');
    const unclassified = MEMO('UNCLASSIFIED', 'The press covered it. The KILLER statement was public (U).').replace(/\(S\) The plan closes offices\.\n\n|Classified By[^]*?20350315\n\n/g, '');
    expect(read(unclassified, 'KILLER').decision).toBe('release public/unclassified');
  });
});
