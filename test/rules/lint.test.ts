/**
 * Profile lint (issue 12): a withhold rule for unmarked or NOFORN portions before the rule that
 * releases declassified documents' portions is warned about, with its line; rules limited to SBU
 * handling, or to documents that are not declassified, are not. The bundled profiles are clean.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/rules/load.js';
import { lintProfile } from '../../src/rules/lint.js';
import { runCli } from '../helpers/memory-io.js';

const head = 'id: t\ndescription: test\naudience: { id: x }\nbanner: foia\nrules:\n';
const DECLASSIFIED = '  - { id: declassified, action: release, declassify: true, when: { levelAtLeast: C, declStatus: [declassified] } }\n';
const lint = (rules: string) => lintProfile(loadProfile(head + rules, 't.yaml')).map((w) => [w.line, w.ruleId, w.code]);

describe('lintProfile', () => {
  it.each([
    ['unmarked before declassified', `  - { id: u, action: withhold, authority: [B1], when: { marking: [unmarked], documentClassified: true } }\n${DECLASSIFIED}`, [[6, 'u', 'rule-before-declassified']]],
    ['NOFORN before declassified', `  - { id: nf, action: withhold, authority: [NOFORN], when: { controlsAny: [NOFORN, ORCON] } }\n${DECLASSIFIED}`, [[6, 'nf', 'rule-before-declassified']]],
    ['both, on their lines', `  - { id: u, action: withhold, authority: [B1], when: { marking: [unmarked] } }\n  - { id: nf, action: withhold, authority: [NOFORN], when: { controlsAny: [NOFORN] } }\n${DECLASSIFIED}`, [[6, 'u', 'rule-before-declassified'], [7, 'nf', 'rule-before-declassified']]],
    ['declassified first', `${DECLASSIFIED}  - { id: u, action: withhold, authority: [B1], when: { marking: [unmarked] } }\n`, []],
    ['limited to documents not declassified', `  - { id: u, action: withhold, authority: [B1], when: { marking: [unmarked], declStatus: [classified] } }\n${DECLASSIFIED}`, []],
    ['limited to SBU documents', `  - { id: u, action: withhold, authority: [SBU], when: { marking: [unmarked], documentControlsAny: [SBU, FOUO] } }\n${DECLASSIFIED}`, []],
    ['a release rule for unmarked text', `  - { id: u, action: release, when: { marking: [unmarked], documentClassified: false } }\n${DECLASSIFIED}`, []],
    ['no declassified rule at all', `  - { id: u, action: withhold, authority: [B1], when: { marking: [unmarked] } }\n`, []],
    // A rule without conditions decides everything that reaches it: the rules after it never fire.
    ['rules after a catch-all', `  - { id: all, action: release }\n  - { id: u, action: withhold, authority: [B1], when: { marking: [unmarked] } }\n  - { id: c, action: withhold, authority: [B1], when: { levelAtLeast: C } }\n`, [[7, 'u', 'rule-unreachable'], [8, 'c', 'rule-unreachable']]],
    ['a catch-all last', `  - { id: u, action: withhold, authority: [B1], when: { marking: [unmarked] } }\n  - { id: all, action: release }\n`, []],
  ])('%s', (_name, rules, expected) => {
    expect(lint(rules)).toEqual(expected);
  });

  it('finds nothing to say about the bundled profiles', () => {
    for (const f of readdirSync('rules').filter((x) => x.endsWith('.yaml'))) {
      expect(lintProfile(loadProfile(readFileSync(path.join('rules', f), 'utf8'), f)), f).toEqual([]);
    }
  });
});

describe('declass rules check', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'declass-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints each warning on stderr with file and line, and still exits 0', async () => {
    const file = path.join(dir, 'old.yaml');
    writeFileSync(file, `${head}  - { id: unmarked-in-classified, action: withhold, authority: [B1], when: { marking: [unmarked], documentClassified: true } }\n${DECLASSIFIED}`);
    const run = await runCli(['rules', 'check', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${file}: ok (profile t: 2 portion rules, 0 span rules, 1 warning(s))\n`);
    expect(run.stderr).toMatch(new RegExp(`^declass: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:6: warning: rule "unmarked-in-classified" \\(unmarked portions\\) comes before rule "declassified" \\(line 7\\).*\\[rule-before-declassified\\]\\n$`));
  });
});
