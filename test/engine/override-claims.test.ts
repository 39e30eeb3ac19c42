/**
 * Found by a probe: a reviewer's decision or a profile's rule claimed what the document does not
 * bear out, and the release, its stamp and the Vaughn index printed it without a word. An
 * exemption that does not exist (`B99`), a 1.4 category alone as if it were one, are refused when
 * the overrides file is read; B1 on a portion marked UNCLASSIFIED, 1.4 reasons the document does
 * not give, a decision dated after the as-of date, and a rule that releases text still classified
 * to the public are warned about on the console and in the audit record. The index says what the
 * portion's mark is: it called a paragraph marked (U) one that "carries no portion mark".
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { readDocument } from '../../src/parse/read.js';
import { loadProfile } from '../../src/rules/load.js';
import { loadOverrides, unknownAuthorityError } from '../../src/rules/overrides.js';
import { runCli } from '../helpers/memory-io.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');
const CABLE = readFileSync(new URL('../../samples/08BERLIN173.txt', import.meta.url), 'utf8');
/** The cable with its first paragraph marked (U) rather than (C). */
const CABLE_U = CABLE.replace(/^(\S*1\.\s*)\(C\)/m, '$1(U)');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'declass-override-claims-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const overrides = (decisions: string) => loadOverrides(`overrides:\n${decisions}`, 'o.yaml');
const codes = (decisions: string, asOf = '2010-12-01', cable = CABLE) =>
  evaluate(readDocument(cable).doc, PUBLIC, { asOf, overrides: overrides(decisions), fallbackRef: '08BERLIN173' })
    .diagnostics.filter((d) => d.severity === 'warning')
    .map((d) => d.code);

describe('an overrides file: authorities that are no exemption are refused', () => {
  it.each([
    ['[B99]', /"B99" is no FOIA exemption/],
    ['[B0]', /"B0" is no FOIA exemption/],
    ['["1.4(G)"]', /"1\.4\(G\)" explains a B1 withholding and is no exemption of its own: write \[B1, "1\.4\(G\)"\]/],
    ['[B1, "1.4(K)"]', /"1\.4\(K\)" is no classification category/],
    ['[25X1]', /explains a B1 withholding/],
    // Probe 65a F2: another spelling of an exemption went on the stamp as written.
    ['["(b)(6)"]', /^o\.yaml:2: overrides\[0\]\.authority: "\(b\)\(6\)": write B6, the form the stamp and the Vaughn index use/],
    ['[b6]', /"b6": write B6/],
    ['["B 6"]', /"B 6": write B6/],
    ['["(b)(7)(C)"]', /"\(b\)\(7\)\(C\)": write B7\(C\)/],
    ['["(b)(1)", "1.4(B)"]', /"\(b\)\(1\)": write B1/],
  ])('%s', (authority, message) => {
    expect(() => overrides(`  - { ref: 08BERLIN173, portion: p2, action: withhold, authority: ${authority}, reviewer: A, date: 2010-01-01 }\n`)).toThrow(message);
  });

  it.each(['[B1, "1.4(B)"]', '[B6]', '[B7(C)]', '["B3 - 50 USC 3024(i)"]', '[B3, "50 U.S.C. 3024(i)"]', '[PENDING REVIEW]', '[B1, 25X1]'])('%s is read', (authority) => {
    expect(overrides(`  - { ref: 08BERLIN173, portion: p2, action: withhold, authority: ${authority}, reviewer: A, date: 2010-01-01 }\n`).overrides).toHaveLength(1);
  });
});

describe('an overrides file: B3 with its statute, B1 with its reasons, in the forms reviewers cite them (probe 65e, 6)', () => {
  const withhold = (authority: string) => `  - { ref: 08BERLIN173, portion: p2, action: withhold, authority: ${authority}, reviewer: A, date: 2010-01-01 }\n`;
  /** The refusal of the file (as read, then as checked against the profile's labels), or null. */
  const refusal = (authority: string): string | null => {
    try {
      return unknownAuthorityError(overrides(withhold(authority)), PUBLIC)?.message ?? null;
    } catch (e) {
      return (e as Error).message;
    }
  };

  // The statute as a second item is accepted in every form the one-string "B3 - …" is.
  it.each([
    '[B3, "P.L. 86-36"]',
    '["B3 - P.L. 86-36"]',
    '[B3, "Pub. L. 86-36"]',
    '[B3, "Public Law 86-36"]',
    '[B3, "Fed. R. Crim. P. 6(e)"]',
    '["B3 - Fed. R. Crim. P. 6(e)"]',
    '[B3, "FRCrP 6(e)"]',
    '[B3, "Rule 6(e)"]',
    '[B3, "50 U.S.C. 3024(i)"]',
    '["B3 - 50 USC 3024(i)"]',
    '[B3, "26 U.S.C. 6103"]',
    '[B3, "IRC 6103"]',
    '[B3, "Section 6, NSA Act of 1959"]',
    '[B3, "P.L. 86-36", B6]',
    '[B1, "Sec. 1.4(c)"]',
    '[B1, "§1.4(c)"]',
    '[B1, "§ 1.4(C)"]',
    '[B1, "section 1.4(c)"]',
    '[B1, "E.O. 13526, sec. 1.4(c)"]',
    '[B1, "1.4(c)"]',
  ])('%s is accepted as written', (authority) => {
    expect(refusal(authority)).toBeNull();
  });

  // A B3 that names no statute names nothing a court can check; a 1.4 reason alone is no exemption.
  it.each([
    ['[B3]', /^o\.yaml:2: overrides\[0\]\.authority: "B3" withholds under a statute and names none: write it with the statute/],
    ['[B3, B6]', /"B3" withholds under a statute and names none/],
    ['[B3, ZQ91]', /"B3" withholds under a statute and names none/],
    ['["B3 - ZQ91"]', /"B3 - ZQ91" is no FOIA exemption/],
    ['["Sec. 1.4(c)"]', /"Sec\. 1\.4\(c\)" explains a B1 withholding and is no exemption of its own/],
    ['[B1, "Sec. 1.4(k)"]', /"Sec\. 1\.4\(k\)" is no classification category/],
  ])('%s is refused', (authority, message) => {
    expect(refusal(authority)).toMatch(message);
  });

  it('"Sec. 1.4(d)" is the reason the Classified By line gives (no override-reasons-differ)', () => {
    expect(codes('  - { ref: 08BERLIN173, portion: p2, action: withhold, authority: [B1, "Sec. 1.4(d)"], reviewer: A, date: 2010-01-01 }\n')).toEqual([]);
    expect(codes('  - { ref: 08BERLIN173, portion: p2, action: withhold, authority: [B1, "§1.4(c)"], reviewer: A, date: 2010-01-01 }\n')).toEqual(['override-reasons-differ']);
  });
});

describe('an overrides file: a release decision claims no exemption', () => {
  // A release that carried [B1] was recorded as released under B1 (exit 0): a claim on text handed out.
  it.each(['[B1]', '["(b)(6)"]', '[B6, MDR]', '["1.4(C)"]', '[25X1]', '["B3 - 50 USC 3024(i)"]'])('%s is refused, naming the line', (authority) => {
    expect(() => overrides(`  - ref: 08BERLIN173\n    portion: p2\n    action: release\n    authority: ${authority}\n    reviewer: A\n    date: 2010-01-01\n`)).toThrow(
      /^o\.yaml:5: overrides\[0\]\.authority: a release decision withholds nothing, so it takes no exemption \(".+"\); name the review that released it/,
    );
  });

  it('a YAML merge key is refused by name, not as a missing field', () => {
    expect(() => loadOverrides('base: &b\n  reviewer: A\noverrides:\n  - ref: 08BERLIN173\n    portion: p2\n    action: release\n    <<: *b\n    date: 2010-01-01\n', 'o.yaml')).toThrow(
      /^o\.yaml:7: YAML merge keys \(<<\) are not supported/,
    );
  });

  it.each(['[MDR]', '["MDR case M-2026-0042"]', '[BRIEFING]'])('%s (a review) is read', (authority) => {
    expect(overrides(`  - { ref: 08BERLIN173, portion: p2, action: release, authority: ${authority}, reviewer: A, date: 2010-01-01 }\n`).overrides).toHaveLength(1);
  });
});

describe('a reviewer decision that claims what the document does not bear out is warned about', () => {
  it('B1 on a portion marked (U)', () => {
    expect(readDocument(CABLE_U).doc.portions.find((p) => p.id === 'p1')?.marking?.level).toBe('U');
    expect(codes('  - { ref: 08BERLIN173, portion: p1, action: withhold, authority: [B1], reviewer: A, date: 2010-01-01 }\n', '2010-12-01', CABLE_U)).toContain('override-b1-not-classified');
  });

  it('B1 in a document declassified as of the date', () => {
    expect(codes('  - { ref: 08BERLIN173, portion: p2, action: withhold, authority: [B1], reviewer: A, date: 2020-01-01 }\n', '2026-12-01')).toContain('override-b1-not-classified');
  });

  it('1.4 reasons the Classified By line does not give (it gives 1.4(B) and (D))', () => {
    expect(codes('  - { ref: 08BERLIN173, portion: p2, action: withhold, authority: [B1, "1.4(C)"], reviewer: A, date: 2010-01-01 }\n')).toEqual(['override-reasons-differ']);
    expect(codes('  - { ref: 08BERLIN173, portion: p2, action: withhold, authority: [B1, "1.4(D)"], reviewer: A, date: 2010-01-01 }\n')).toEqual([]);
  });

  it('a decision dated after the as-of date', () => {
    expect(codes('  - { ref: 08BERLIN173, portion: p2, action: release, reviewer: A, date: 2031-05-05 }\n')).toEqual(['override-after-as-of']);
  });
});

describe('a rule that releases text still classified to the public', () => {
  it('is warned about: the release shows it as declassified', () => {
    const all = loadProfile('id: t\ndescription: d\naudience: { id: x }\nbanner: foia\nrules:\n  - { id: all, action: release }\n', 't.yaml');
    const plan = evaluate(readDocument(CABLE).doc, all, { asOf: '2010-12-01', overrides: null, fallbackRef: '08BERLIN173' });
    expect(plan.diagnostics.filter((d) => d.code === 'released-while-classified').length).toBeGreaterThan(0);
    expect(evaluate(readDocument(CABLE).doc, PUBLIC, { asOf: '2026-12-01', overrides: null, fallbackRef: '08BERLIN173' }).diagnostics.map((d) => d.code)).not.toContain('released-while-classified');
  });
});

describe('on the console and in the Vaughn index', () => {
  it('the warning is printed, and the index says the portion is marked UNCLASSIFIED', async () => {
    const input = path.join(tmp, '08BERLIN173.txt');
    writeFileSync(input, CABLE_U);
    const file = path.join(tmp, 'o.yaml');
    writeFileSync(file, 'overrides:\n  - { ref: 08BERLIN173, portion: p1, action: withhold, authority: [B1], reviewer: A, date: 2010-01-01 }\n');
    const out = path.join(tmp, 'out');
    const r = await runCli(['release', input, '--profile', 'public', '--as-of', '2010-12-01', '--out', out, '--overrides', file, '--formats', 'text']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/withholds under B1 a portion marked UNCLASSIFIED\. \[override-b1-not-classified\]/);
    const rows = JSON.parse(readFileSync(path.join(out, 'release', 'index.json'), 'utf8')).rows as { portion: string; justification: string }[];
    const row = rows.find((x) => x.portion === 'p1')!;
    expect(row.justification).toMatch(/is portion-marked UNCLASSIFIED; it is withheld under B1 by a reviewer's decision, not by its marking/);
    expect(row.justification).not.toMatch(/carries no portion mark/);
  });
});
