/**
 * FOIA notices (src/parse/notices.ts): a line that says the text is privileged or protected by a
 * law other than classification is a warning, never a decision. Before, `PRE-DECISIONAL //
 * DELIBERATIVE` under an UNCLASSIFIED banner was a line of text and the document was released in
 * full without a word about it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foiaNoticeDiagnostics } from '../../src/parse/notices.js';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { lines, runBin, tmp } from '../helpers/bin.js';

/** What the warnings on `line` say may apply. */
const exemptionsOf = (line: string): string[] => foiaNoticeDiagnostics(`${line}\n`).map((d) => /exemption (.*) may apply/.exec(d.message)![1]!);

describe('foiaNoticeDiagnostics', () => {
  it.each([
    ['PRE-DECISIONAL // DELIBERATIVE', ['(b)(5) (the deliberative process privilege)']],
    ['PREDECISIONAL DRAFT - DO NOT RELEASE', ['(b)(5) (the deliberative process privilege)']],
    ['DELIBERATIVE PROCESS PRIVILEGED', ['(b)(5) (the deliberative process privilege)']],
    ['ATTORNEY-CLIENT PRIVILEGED', ['(b)(5) (the attorney-client or work-product privilege)']],
    ['ATTORNEY WORK PRODUCT', ['(b)(5) (the attorney-client or work-product privilege)']],
    ['PRIVACY ACT PROTECTED', ['(b)(6) (personal privacy)']],
    ['**CONTAINS PII**', ['(b)(6) (personal privacy)']],
    ['CONFIDENTIAL BUSINESS INFORMATION', ['(b)(4) (confidential business information)']],
    ['PRE-DECISIONAL AND PRIVACY ACT PROTECTED', ['(b)(5) (the deliberative process privilege) or (b)(6) (personal privacy)']],
  ])('%j → %j', (line, expected) => {
    expect(exemptionsOf(line)).toEqual(expected);
  });

  it.each([
    'Pre-decisional discussions continued.',
    'The Privacy Act protects this.',
    'DRAFT',
    'UNCLASSIFIED',
    'CONFIDENTIAL',
    'PRE-DECISIONAL TALKS ON TRADE',
    'DEPARTMENT OF DEFENSE',
    '1. (U) PRE-DECISIONAL',
  ])('%j is no notice', (line) => {
    expect(foiaNoticeDiagnostics(`${line}\n`)).toEqual([]);
  });

  it('spans the notice as written, each line once', () => {
    const text = 'UNCLASSIFIED\n  PRE-DECISIONAL // DELIBERATIVE  \n\nText.\n\nPRIVACY ACT PROTECTED\n';
    const found = foiaNoticeDiagnostics(text);
    expect(found.map((d) => text.slice(d.span!.start, d.span!.end))).toEqual(['PRE-DECISIONAL // DELIBERATIVE', 'PRIVACY ACT PROTECTED']);
    expect(found.every((d) => d.severity === 'warning' && d.code === 'foia-notice')).toBe(true);
  });
});

describe('a FOIA notice in a document', () => {
  const text = 'UNCLASSIFIED\nPRE-DECISIONAL // DELIBERATIVE\n\nSubject: Range\n\nThe range is closed on Thursday.\n\nUNCLASSIFIED\nPRE-DECISIONAL // DELIBERATIVE\n';

  it('decides nothing: the same decisions as without it, with the warning in the plan', async () => {
    const profile = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');
    const release = (t: string) => releaseDocument({ doc: readDocument(t).doc, profile, asOf: '2026-12-05', stem: 'DOC', input: { path: 'DOC.txt', sha256: '0'.repeat(64) }, formats: ['text'] });
    const withNotice = await release(text);
    const without = await release(text.replaceAll('PRE-DECISIONAL // DELIBERATIVE\n', ''));
    expect(withNotice.plan.decisions.map((d) => `${d.action} ${d.ruleId}`)).toContain('release public/unmarked-in-unclassified');
    expect(withNotice.plan.disposition.stamp).toBe(without.plan.disposition.stamp);
    expect(withNotice.plan.document.diagnostics.filter((d) => d.code === 'foia-notice')).toHaveLength(2);
  });

  it('explain says it where it stands', () => {
    const file = path.join(tmp('notice-explain'), 'MEMO.txt');
    writeFileSync(file, text);
    const r = runBin(['explain', file, '-p', 'public', '--as-of', '2026-12-05']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).filter((l) => l.includes('(foia-notice)')).map((l) => l.split(' ')[0])).toEqual(['2:1', '9:1']);
  });

  it('release says it on the console, once', () => {
    const file = path.join(tmp('notice'), 'MEMO.txt');
    writeFileSync(file, text);
    const r = runBin(['release', file, '-p', 'public', '-o', path.join(tmp('notice-out'), 'out'), '--as-of', '2026-12-05', '--formats', 'text', '--quiet']);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([
      `declass: ${file}: warning: FOIA notice "PRE-DECISIONAL // DELIBERATIVE": exemption (b)(5) (the deliberative process privilege) may apply; declass decides by classification markings only, so a reviewer decides it (an overrides file). [foia-notice]`,
    ]);
  });
});
