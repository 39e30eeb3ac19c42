/** The review view names every decision: portions opened mid-line get their margin note too. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { parseCable } from '../../src/parse/index.js';
import { toReviewView } from '../../src/render/view.js';
import { loadProfile } from '../../src/rules/load.js';
import { cable } from '../parse/helpers.js';

const profile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

describe('review view notes', () => {
  it('a line that opens two portions carries both notes, in order', () => {
    const doc = parseCable(cable('¶1. (U) We met the minister. (S) He said more.\n'));
    const view = toReviewView(evaluate(doc, profile, { asOf: '2010-12-01' }), 'TEST');
    const line = view.lines.find((l) => l.runs.some((r) => r.text.includes('We met')))!;
    const ids = doc.portions.filter((p) => p.id !== 'subject').map((p) => p.id);
    expect(ids).toHaveLength(2);
    expect(line.note).toBe(`${ids[0]}: RELEASED [public/unclassified]; ${ids[1]}: WITHHELD B1, 1.4(B), 1.4(D) [public/classified]`);
  });

  it('every decision appears in exactly one note', () => {
    const doc = parseCable(readFileSync(new URL('../../samples/08STATE116943.txt', import.meta.url), 'utf8'));
    const plan = evaluate(doc, profile, { asOf: '2010-12-01' });
    const notes = toReviewView(plan, 'X').lines.flatMap((l) => (l.note ? l.note.split('; ') : []));
    expect(notes.map((n) => n.split(':')[0]).sort()).toEqual(plan.decisions.map((d) => d.portionId).sort());
  });
});

/**
 * Probe 60b F6: the review copy is marked at the highest level and every control of what it shows,
 * the roll-up of the banner, a cable's caveat lines and every portion's mark; what is not
 * understood is said, not left out.
 */
describe('review view classification', () => {
  it.each([
    ['an UNCLAS cable printing an (S) paragraph', { banner: 'UNCLAS BERLIN 000173' }, '¶1. (U) Open.\n\n¶2. (S) Secret text.\n', 'SECRET'],
    ['a SECRET cable printing (S//NF) and (C//NF) paragraphs', { banner: 'S E C R E T BERLIN 000173' }, '¶1. (S//NF) One.\n\n¶2. (C//NF) Two.\n', 'SECRET//NOFORN'],
    ['a CONFIDENTIAL cable with a NODIS caveat line (NODIS requires NOFORN: CAPCO)', { caveats: ['NODIS'] }, '¶1. (C) One.\n', 'CONFIDENTIAL//NOFORN//NODIS'],
    ['a CONFIDENTIAL cable whose portions stay within it: the banner as before', {}, '¶1. (C) One.\n\n¶2. (U) Two.\n', 'CONFIDENTIAL'],
    ['a mark not understood', { banner: 'S E C R E T BERLIN 000173' }, '¶1. (S) One.\n\n¶2. (S/ /NF) Two.\n', 'AT LEAST SECRET (A MARKING NOT UNDERSTOOD)'],
  ])('%s', (_what, options, body, expected) => {
    const doc = parseCable(cable(body, options));
    const view = toReviewView(evaluate(doc, profile, { asOf: '2010-12-01' }), 'TEST');
    expect(view.classification).toBe(expected);
  });
});

/**
 * Probe 65b/65a: warnings reached the console and the record but not the review copy, where the
 * reviewer reads the decisions. The summary page names the error and warning codes with counts.
 */
describe('review view summary findings', () => {
  const rows = (body: string, options = {}) => {
    const plan = evaluate(parseCable(cable(body, options)), profile, { asOf: '2010-12-01' });
    return { rows: new Map(toReviewView(plan, 'TEST').summary), plan };
  };

  it('names each error and warning code, with a count when it repeats', () => {
    const { rows: summary } = rows('¶1. (S) One.\n\n¶2. Unmarked one.\n\n¶3. Unmarked two.\n');
    expect(summary.get('Errors')).toBe('unmarked-portion (2)');
    expect(summary.get('Warnings')).toBe('unmarked-subject');
  });

  it('has no Errors or Warnings row when there are none', () => {
    const { rows: summary, plan } = rows('¶1. (U) One.\n\n¶2. (C) Two.\n', { subject: 'SUBJECT: (U) TEST' });
    expect([...plan.document.diagnostics, ...plan.diagnostics].filter((d) => d.severity !== 'info')).toEqual([]);
    expect(summary.has('Errors')).toBe(false);
    expect(summary.has('Warnings')).toBe(false);
  });
});
