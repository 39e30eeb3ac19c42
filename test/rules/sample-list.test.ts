/**
 * public-pii redacts names only from the sample list it ships (`Burkhard Ducoffre`), and said
 * nothing of it: names of people not on the list were released without a word (probe 67b F7).
 * A rule whose terms are marked `sample: true` is said once per run on the console and in every
 * record, as a warning; it never claims more than the rule does.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/rules/load.js';
import { sampleListNotes } from '../../src/rules/sample-lists.js';
import { runCli } from '../helpers/memory-io.js';

const yaml = (id: string) => readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8');
const memo = (name: string) => ['UNCLASSIFIED', '', 'SUBJECT: (U) Visit', '', `(U) ${name} met Burkhard Ducoffre UQPII1 on Tuesday.`, '', 'UNCLASSIFIED', ''].join('\n');

describe('a sample list of names is said, not taken for a search of all names (probe 67b F7)', () => {
  it.each<[string, number]>([
    ['public-pii', 1],
    ['public', 0],
    ['foia-intel', 0],
    ['nato', 0],
  ])('%s: %i sample-list note(s)', (id, n) => {
    const notes = sampleListNotes(loadProfile(yaml(id), `rules/${id}.yaml`));
    expect(notes).toHaveLength(n);
    for (const d of notes) expect(d).toMatchObject({ severity: 'warning', code: 'span-rule-sample-list', message: expect.stringMatching(/only the 2 term\(s\).*"Burkhard Ducoffre", "Ducoffre".*not looked for/) });
  });

  it('a profile of its own without `sample` says nothing', () => {
    const own = yaml('public-pii').replace(/\n\s+sample: true/, '');
    expect(sampleListNotes(loadProfile(own, 'own.yaml'))).toEqual([]);
  });

  it('the release command: once on the console for a run of two, in each record; the listed name redacted, the other released', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-sample-'));
    const input = path.join(dir, 'in');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(input);
    writeFileSync(path.join(input, 'a.txt'), memo('Alan Q. Pemberton'));
    writeFileSync(path.join(input, 'b.txt'), memo('Maria Gonzalvez'));
    const out = path.join(dir, 'out');
    const r = await runCli(['release', input, '--profile', 'public-pii', '--out', out, '--as-of', '2026-12-01', '--formats', 'text'], { now: '2026-12-01T12:00:00Z' });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/\[span-rule-sample-list\]/g)).toHaveLength(1);
    for (const stem of ['a', 'b']) {
      const record = JSON.parse(readFileSync(path.join(out, 'review', `${stem}.audit.json`), 'utf8')) as { diagnostics: { severity: string; code: string }[] };
      expect(record.diagnostics.filter((d) => d.code === 'span-rule-sample-list').map((d) => d.severity)).toEqual(['warning']);
      const text = readFileSync(path.join(out, 'release', `${stem}.txt`), 'utf8');
      expect(text).not.toContain('Ducoffre');
    }
    expect(readFileSync(path.join(out, 'release', 'a.txt'), 'utf8')).toContain('Alan Q. Pemberton');
  });
});
