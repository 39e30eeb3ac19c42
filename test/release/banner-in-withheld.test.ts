/**
 * A document whose only banner line is read inside a withheld portion: a typed memo with no
 * banner at its top and one printed mid-paragraph at a page break, or a PDF whose page banner was
 * printed over the body text. The banner ends the portion above it (text follows it on the same
 * page), the text under it is unmarked text of the classified memo; the release banner and stamp
 * open the release text, as for a document without a banner. (It had failed the whole
 * document with an internal error, "overlapping edits": the banner's replacement inside the
 * portion's placeholder.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';

const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');

const MEMO = [
  'MEMORANDUM FOR THE RECORD',
  '',
  '(S) The secret paragraph starts on this line and goes on',
  'SECRET//NOFORN',
  'to end here with the word KITEWING.',
  '',
  '(U) A released paragraph.',
  '',
  'Classified By: A. B., Director',
  'Reason: 1.4(c)',
  'Declassify On: 20400101',
  '',
].join('\n');

describe('a banner read inside a withheld portion', () => {
  it('ends the portion above it: the release opens with the release banner and stamp, the paragraph withheld, the (U) one released', async () => {
    const { doc } = readDocument(MEMO);
    const banner = doc.banner!;
    // A banner line with text above and below it ends the portion (it may be a message's
    // classification line): the text under it is unmarked text of its own, withheld too.
    const portion = doc.portions.find((p) => p.marking?.level === 'S')!;
    const after = doc.portions.find((p) => MEMO.slice(p.span.start, p.span.end).includes('KITEWING'))!;
    expect(banner.span.start).toBeGreaterThan(portion.span.end);
    expect(after.markingSource).toBe('unmarked');
    const result = await releaseDocument({ doc, profile, asOf: '2026-12-01', stem: 'memo', input: { path: 'memo.txt', sha256: 'a'.repeat(64) }, formats: new Set(['text', 'diff', 'pdf', 'review']) });
    const text = new TextDecoder().decode(result.files.find((f) => f.kind === 'text')!.bytes);
    expect(text.split('\n').slice(0, 2)).toEqual(['UNCLASSIFIED', result.plan.stamp]);
    expect(text).not.toContain('KITEWING');
    expect(text).not.toContain('SECRET');
    expect(text).toContain('(U) A released paragraph.');
    expect(text).toContain('[WITHHELD: B1, 1.4(C)]');
  });
});
