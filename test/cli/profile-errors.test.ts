/**
 * Invalid release profiles through the CLI: `declass rules check FILE` and `declass release …
 * --profile FILE` each stop with exit code 78 and one line on stderr naming the file and the
 * line (and column for syntax errors), with no stack trace. Nothing is written by release.
 * (test/rules/load.test.ts covers the messages of loadProfile itself in more cases.)
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'declass-profile-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CABLE = 'samples/08BERLIN173.txt';

const head = 'id: t\ndescription: test\naudience: { id: x }\nbanner: foia\nrules:\n';
const JSON_OK = { id: 't', description: 'test', audience: { id: 'x' }, banner: 'foia', rules: [{ id: 'a', action: 'release', when: { level: ['U'] } }] };

/** [name, file name, contents, expected message after `declass: FILE:`]. */
const CASES: [string, string, string, RegExp][] = [
  ['invalid YAML (unclosed flow sequence)', 'unclosed.yaml', `${head}  - { id: a, action: release, when: { level: [U } }\n`, /^6:\d+: invalid YAML: /],
  ['invalid YAML (tab indentation)', 'tab.yaml', 'id: t\n\tdescription: d\n', /^2:1: invalid YAML: Tabs/],
  ['invalid YAML (duplicate key)', 'dup.yaml', `${head}  - { id: a, action: release }\nid: u\n`, /^7:1: invalid YAML: Map keys must be unique/],
  ['invalid JSON (missing comma)', 'nocomma.json', '{\n  "id": "t"\n  "description": "d"\n}\n', /^3:3: invalid JSON: /],
  ['invalid JSON (trailing comma, which YAML would accept)', 'trailing.json', `${JSON.stringify(JSON_OK, null, 2).replace(/\n}$/, ',\n}')}\n`, /^\d+:\d+: invalid JSON: /],
  ['invalid JSON (truncated)', 'cut.json', JSON.stringify(JSON_OK, null, 2).slice(0, 60), /^\d+:\d+: invalid JSON: /],
  ['unknown top-level field', 'field.yaml', `${head}  - { id: a, action: release }\nreviewer: me\n`, /^7: unknown field "reviewer"/],
  ['unknown field in a rule', 'rulefield.yaml', `${head}  - id: a\n    action: release\n    priority: 1\n`, /^8: unknown field "priority" in rules\[0\]/],
  ['unknown field in JSON', 'field.json', JSON.stringify({ ...JSON_OK, extra: true }, null, 2), /^\d+: unknown field "extra"/],
  ['unknown condition key', 'cond.yaml', `${head}  - id: a\n    action: release\n    when: { levle: [U] }\n`, /^8: unknown field "levle" in rules\[0\]\.when \(known conditions: /],
  ['catastrophic-backtracking regex', 'redos.yaml', `${head}  - id: a\n    action: redact\n    authority: [B6]\n    match: { patterns: ['(a+)+$'] }\n`, /^9: rules\[0\]\.match: pattern \/\(a\+\)\+\$\/ refused: .*backtrack/],
  ['invalid regex', 'regex.yaml', `${head}  - id: a\n    action: redact\n    authority: [B6]\n    match: { patterns: ['(unclosed'] }\n`, /^9: rules\[0\]\.match: pattern .* is not a valid regular expression/],
  ['a rule that would release unknown markings', 'unknown.yaml', `${head}  - id: a\n    action: release\n    when: { marking: [unknown] }\n`, /^8: rules\[0\]\.when\.marking: a profile may not release portions whose marking was not understood/],
  ['a wrong type', 'type.yaml', `${head}  - { id: a, action: release, declassify: "yes" }\n`, /^6: rules\[0\]\.declassify: /],
  ['an empty file', 'empty.yaml', '', /^1: \(top level\): /],
  // yaml reads YAML 1.2, which has no merge keys: `<<` was a key, and `rules[0].action: Invalid option` the message.
  ['a YAML merge key', 'merge.yaml', 'id: t\ndescription: test\naudience: { id: x }\nbanner: foia\nbase: &b\n  action: release\nrules:\n  - id: r\n    <<: *b\n', /^9: YAML merge keys \(<<\) are not supported: write the fields out in each entry/],
];

function expectOneLineError(run: { code: number; stdout: string; stderr: string }, file: string, message: RegExp): void {
  expect(run.code).toBe(78);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  const prefix = `declass: ${file}:`;
  expect(lines[0]!.startsWith(prefix), lines[0]).toBe(true);
  expect(lines[0]!.slice(prefix.length)).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|node_modules/);
}

describe.each(CASES)('%s', (_name, name, contents, message) => {
  const file = path.join(dir, name);
  writeFileSync(file, contents);

  it('declass rules check FILE: exit 78, one line naming the file and the line', async () => {
    expectOneLineError(await runCli(['rules', 'check', file]), file, message);
  });

  it('declass release --profile FILE: the same, and nothing written', async () => {
    const out = path.join(dir, `out-${name}`);
    const run = await runCli(['release', CABLE, '--profile', file, '--out', out, '--as-of', '2010-12-01']);
    expectOneLineError(run, file, message);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

it('a profile file that cannot be read: exit 66 like every missing input, one line', async () => {
  const missing = path.join(dir, 'missing.yaml');
  const run = await runCli(['rules', 'check', missing]);
  expect(run.code).toBe(66);
  expect(run.stderr).toBe(`declass: ${missing}: no such file or folder\n`);
});

it('rules check goes on after a bad file and still reports the good ones', async () => {
  const bad = path.join(dir, 'unknown.yaml');
  const run = await runCli(['rules', 'check', bad, 'rules/public.yaml']);
  expect(run.code).toBe(78);
  expect(run.stdout).toContain('rules/public.yaml: ok');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
});
