/**
 * Probe 69a F1, F2: a mark at the end of a line that the reader cannot tie to a portion (the line
 * before it ends a sentence, so the text it marks may start above: `ZQ01 … one.` / `ZQ02 … (S//NF)`).
 * It was dropped: under an UNCLASSIFIED banner both lines were released as unmarked unclassified
 * text, `(S//NF)` and all (F1); in a SECRET memo the (U) lines got B1, DENIED IN FULL (F2). A mark
 * that was seen is never dropped: the lines it may mark (its line and the lines right above it in
 * the same block) are held pending review, and a classified one contradicts an UNCLASSIFIED banner.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/engine/evaluate.js';
import { readDocument } from '../../../src/parse/read.js';
import { loadProfile } from '../../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');
const DECL = 'Classified By: S0121\nDerived From: NSA/CSSM 1-52\nDeclassify On: 20320108\n\n';
const TWO = 'QW01 First sentence here on line one.\nQW02 second line of the paragraph. MARK';

/** Every token's decision: `action markingSource authority…`. */
function decide(text: string, tokens: readonly string[]) {
  const { doc } = readDocument(text, { format: 'document' });
  const plan = evaluate(doc, PUBLIC, { asOf: '2026-12-01', overrides: null, fallbackRef: 'X' });
  const of = (token: string) => {
    const at = text.indexOf(token);
    const d = plan.decisions.find((x) => x.span.start <= at && at < x.span.end)!;
    return { action: d.action, source: d.markingSource, authority: d.authority.join(' '), reason: d.reason };
  };
  return { tokens: Object.fromEntries(tokens.map((t) => [t, of(t)])), codes: doc.diagnostics.map((d) => d.code), doc };
}

describe('a mark ending a line it cannot be tied to is never dropped', () => {
  it.each([
    ['UNCLASSIFIED banner, (S//NF)', `UNCLASSIFIED\n\n${TWO}\n\nUQ03 Public text. (U)\n\nUNCLASSIFIED\n`, '(S//NF)', 'ZQ', true],
    ['e-mail Classification: UNCLASSIFIED, (S//NF)', `From: a@b.gov\nTo: c@d.gov\nSubject: (U) UQ00 Lunch\nClassification: UNCLASSIFIED\n\nUQ03 See below. (U)\n\n${TWO}\n`, '(S//NF)', 'ZQ', true],
    ['UNCLASSIFIED banner, (TS//SI) after three lines', `UNCLASSIFIED\n\nQW00 A line.\n${TWO}\n\nUQ03 Public text. (U)\n\nUNCLASSIFIED\n`, '(TS//SI)', 'ZQ', true],
    ['SECRET memo, (U) (F2)', `SECRET\n\n${TWO}\n\n(S) ZQ09 Secret text.\n\n${DECL}SECRET\n`, '(U)', 'UQ', false],
    ['SECRET memo, (S)', `SECRET\n\n${TWO}\n\n(U) UQ03 Public text.\n\n${DECL}SECRET\n`, '(S)', 'ZQ', false],
  ])('%s: its lines are held pending review, not released, not B1', (_name, template, mark, token, contradicts) => {
    const text = template.replace(/QW/g, token).replace('MARK', mark);
    const { tokens, codes } = decide(text, [`${token}01`, `${token}02`]);
    for (const d of Object.values(tokens)) {
      expect(d.action).toBe('withhold');
      expect(d.source).toBe('unknown');
      expect(d.authority).not.toContain('B1');
      expect(d.reason).toContain('trailing-mark-unplaced');
    }
    expect(codes).toContain('trailing-mark-unplaced');
    if (contradicts) expect(codes).toContain('unclassified-banner-contradicted');
  });

  it('an unclassified document: a (U) there says nothing above U, and the text stays released', () => {
    const text = `UNCLASSIFIED\n\n${TWO.replace(/QW/g, 'UQ').replace('MARK', '(U)')}\n\nUQ03 Public text. (U)\n\nUNCLASSIFIED\n`;
    const { tokens, codes } = decide(text, ['UQ01', 'UQ02', 'UQ03']);
    for (const d of Object.values(tokens)) expect(d.action).toBe('release');
    expect(codes).not.toContain('unclassified-banner-contradicted');
  });

  it('a paragraph above, after a blank line, is not drawn in', () => {
    const text = `SECRET\n\n(U) UQ00 Public paragraph.\n\n${TWO.replace(/QW/g, 'UQ').replace('MARK', '(U)')}\n\n${DECL}SECRET\n`;
    const { tokens } = decide(text, ['UQ00', 'UQ01']);
    expect(tokens.UQ00!.action).toBe('release');
    expect(tokens.UQ01!.source).toBe('unknown');
  });

  it('a classified mark inside unmarked text also contradicts an UNCLASSIFIED banner', () => {
    const text = 'UNCLASSIFIED\n\nZQ01 The plan (S//NF) goes on here.\n\nUQ03 Public text. (U)\n\nUNCLASSIFIED\n';
    const { tokens, codes } = decide(text, ['ZQ01']);
    expect(tokens.ZQ01!.action).toBe('withhold');
    expect(codes).toContain('unclassified-banner-contradicted');
  });
});
