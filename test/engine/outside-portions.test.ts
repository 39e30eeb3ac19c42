/**
 * Redact rules apply to all the text a release shows, not only inside portions: a cable's routing
 * lines, TAGS, the banner line's other words, a memo's authority block, a PDF's lines outside the
 * portions (stop 57: public-pii released `ATTN BURKHARD DUCOFFRE 202-647-4000` on a routing line
 * and `Ducoffre` on the TAGS line verbatim, with no record entry). Each span is recorded under
 * OUTSIDE_PORTIONS_ID, listed by the Vaughn index and checked by the audit's re-run.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfile, runReleaseBatch } from '../../src/index.js';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument } from '../../src/release/index.js';
import { loadProfile, type Profile } from '../../src/rules/load.js';
import { OUTSIDE_PORTIONS_ID } from '../../src/types.js';
import { indexRowsOf } from '../../src/vaughn/index.js';
import { PRODUCERS } from '../helpers/producers.js';
import { hasPdftotext, pdftotext } from '../helpers/pdf-text.js';
import { releasedTexts } from '../helpers/released-texts.js';

const PII_YAML = readFileSync(new URL('../../rules/public-pii.yaml', import.meta.url), 'utf8');
const pii = loadProfile(PII_YAML, 'rules/public-pii.yaml');
/** public-pii with one more redact rule, `extra` (YAML lines of a rule, indented as in the list). */
const withRule = (extra: string): Profile => loadProfile(`${PII_YAML.replace(/^id: public-pii$/m, 'id: pii-plus')}${extra}`, 'pii-plus.yaml');
const city = withRule("  - id: city\n    action: redact\n    match:\n      patterns: ['\\bBERLIN\\b']\n    authority: [B6]\n");
const cityInParagraphs = withRule("  - id: city\n    action: redact\n    when: { kind: [paragraph] }\n    match:\n      patterns: ['\\bBERLIN\\b']\n    authority: [B6]\n");

const CABLE = [
  'VZCZCXYZ0016',
  'OO RUEHWEB',
  '',
  'DE RUEHRL #0173 0441627',
  'ZNY CCCCC ZZH',
  'O 131627Z FEB 08 ZDK',
  'FM AMEMBASSY BERLIN',
  'TO RUEHC/SECSTATE WASHDC IMMEDIATE 0424',
  'INFO RUEHRL/USDAO BERLIN GE PRIORITY ATTN BURKHARD DUCOFFRE 202-647-4000',
  '',
  'C O N F I D E N T I A L BERLIN 000173',
  '',
  'SIPDIS',
  '',
  'E.O. 12958: DECL: 02/13/2018',
  'TAGS: MOPS, PARM, PREL, GM, Ducoffre',
  'SUBJECT: GERMANY AGREES ON CLUSTER MUNITIONS',
  '',
  'REF: STATE 13607',
  '',
  'Classified By: POLITICAL MINISTER COUNSELOR JEFF RATHKE. REASONS: 1.4 (B) AND (D).',
  '',
  '1. (C) Pol-mil chief delivered reftel talking points to the desk officer on February 13 in Berlin.',
  '',
  '2. (U) He agreed to call back on Tuesday.',
  '',
  'TIMKEN',
  '',
].join('\n');

const MEMO = [
  'UNCLASSIFIED',
  '',
  'MEMORANDUM FOR THE RECORD',
  '',
  'Classified By: Burkhard Ducoffre, 202-647-4000',
  'Declassify On: 20201231',
  '',
  'SUBJECT: (U) Meeting at the ministry',
  '',
  '1. (U) We met the desk officer on Tuesday.',
  '',
  '2. (U) He agreed to call back.',
  '',
  'UNCLASSIFIED',
  '',
].join('\n');

const made = (text: string, profile: Profile, format: 'cable' | 'document') =>
  releaseDocument({ doc: readDocument(text, { format }).doc, profile, asOf: '2026-12-01', stem: 'DOC', input: { path: 'DOC.txt', sha256: '0'.repeat(64) }, formats: ['text', 'pdf'] });

async function release(text: string, profile: Profile, format: 'cable' | 'document') {
  const result = await made(text, profile, format);
  return { result, ...(await releasedTexts(result)) };
}

describe('redact rules outside the portions', () => {
  it.each([
    ['a cable: a routing line and the TAGS line (public-pii)', CABLE, 'cable', pii, ['BURKHARD DUCOFFRE', '202-647-4000', 'Ducoffre'], /DUCOFFRE|647-4000/i, ['RUEHRL/USDAO BERLIN GE PRIORITY ATTN [REDACTED: B6] [REDACTED: B6]', 'TAGS: MOPS, PARM, PREL, GM, [REDACTED: B6]']],
    ['a cable: a custom pattern on FM, the routing and the banner line', CABLE, 'cable', city, ['BERLIN', 'BERLIN', 'BURKHARD DUCOFFRE', '202-647-4000', 'BERLIN', 'Ducoffre'], /\bBERLIN\b|DUCOFFRE/i, ['FM AMEMBASSY [REDACTED: B6]', ' [REDACTED: B6] 000173']],
    ["a memo's authority block (public-pii)", MEMO, 'document', pii, ['Burkhard Ducoffre', '202-647-4000'], /Ducoffre|647-4000/i, ['Classified By: [REDACTED: B6], [REDACTED: B6]']],
  ] as const)('%s', async (_what, text, format, profile, outside, leak, shown) => {
    const { result, text: released, pdf } = await release(text, profile, format);
    const source = result.plan.document.source;
    const found = result.plan.redactions.filter((r) => r.portionId === OUTSIDE_PORTIONS_ID);
    expect(found.map((r) => source.slice(r.span.start, r.span.end))).toEqual(outside);
    expect(found.every((r) => r.authority.join() === 'B6' && r.reason.length > 0)).toBe(true);
    expect(released).not.toMatch(leak);
    expect(pdf).not.toMatch(leak);
    for (const s of shown) expect(released).toContain(s);
    expect(result.plan.stamp).toBe('RELEASE IN PART B6');
  });

  it("a rule whose conditions the header's pseudo-portion does not meet (kind: [paragraph]) leaves the header lines", async () => {
    // Not releasedTexts: the leak check rightly sees `Berlin`, redacted in ¶1, on the FM line.
    const result = await made(CABLE, cityInParagraphs, 'cable');
    expect(result.plan.redactions.filter((r) => r.ruleId.endsWith('/city')).map((r) => r.portionId)).toEqual(['p1']);
    expect(result.releaseText).toContain('FM AMEMBASSY BERLIN');
  });

  it('the Vaughn index lists each span outside the portions as in the header lines', async () => {
    const { result, text } = await release(CABLE, pii, 'cable');
    const record = JSON.parse(new TextDecoder().decode(result.files.find((f) => f.kind === 'audit')!.bytes));
    const rows = indexRowsOf({ stem: 'DOC', record, releaseText: text }, 1);
    expect(rows.map((r) => [r.portion, r.location.paragraph, r.rule])).toEqual([
      [OUTSIDE_PORTIONS_ID, 'header lines', 'public-pii/names'],
      [OUTSIDE_PORTIONS_ID, 'header lines', 'public-pii/telephone'],
      [OUTSIDE_PORTIONS_ID, 'header lines', 'public-pii/names'],
    ]);
    expect(rows[0]!.justification).toMatch(/^A span of header lines is redacted under \(b\)\(6\)/);
    expect(rows[0]!.segregability).toContain('3 span(s) of the header lines outside the portions are redacted');
  });

  it.skipIf(!hasPdftotext())('a PDF input: the line outside the portions is removed from the release PDF', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-outside-'));
    const file = path.join(dir, 'memo.pdf');
    writeFileSync(file, await PRODUCERS[0]!.make(MEMO));
    const out = path.join(dir, 'out');
    const { summary } = await runReleaseBatch({
      files: [file], out, profile: await resolveProfile('public-pii'), profileRef: 'public-pii', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
      force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(),
    });
    expect(summary.failed).toBe(0);
    const text = readFileSync(path.join(out, 'release', 'memo.txt'), 'utf8');
    const pdf = pdftotext(readFileSync(path.join(out, 'release', 'memo.pdf')))!;
    expect(text).toContain('Classified By: [REDACTED: B6], [REDACTED: B6]');
    for (const t of [text, pdf]) expect(t).not.toMatch(/Ducoffre|647-4000/i);
    expect(pdf).toContain('Classified By:');
  });
});
