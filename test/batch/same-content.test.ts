/**
 * Copies of one document under names that repeat its withheld words get one neutral output name
 * (from the content's hash): the batch says so for each later copy, rather than folding them into
 * one release silently (5 inputs, 3 records, nothing said).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfile, runReleaseBatch } from '../../src/index.js';

const MEMO = ['SECRET//NOFORN', '', 'SUBJECT: (U) Quarterly review', '', '(U) The review was held at headquarters.', '', '(S//NF) The agency recruited BLUEHERON in the ministry.', '', 'Classified By: John Smith, Director', 'Derived From: Multiple Sources', 'Declassify On: 20301231', '', 'SECRET//NOFORN', ''].join('\n');

describe('copies of one document whose names repeat withheld words', () => {
  it('are released once, and each later copy says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-same-'));
    const files = ['blueheron-a.md', 'blueheron-b.md', 'BlueHeron2.md'].map((n) => {
      const f = path.join(dir, n);
      writeFileSync(f, MEMO);
      return f;
    });
    const out = path.join(dir, 'out');
    const warnings: string[] = [];
    const { summary } = await runReleaseBatch(
      { files, out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text'], pageSize: 'letter', force: false, jobs: 1, maxInputBytes: 1 << 20, crossCheck: true, cwd: process.cwd() },
      { onOutcome: ({ result }) => { if (result.status !== 'failed') warnings.push(...result.warnings); } },
    );
    expect(summary).toMatchObject({ documents: 1, copies: 2, failed: 0 });
    expect(readdirSync(path.join(out, 'release')).filter((f) => f.endsWith('.txt'))).toEqual([expect.stringMatching(/^doc-[0-9a-f]{12}\.txt$/)]);
    expect(warnings.filter((w) => w.endsWith('[same-content]'))).toEqual([
      expect.stringMatching(/^the same content as .*blueheron-a\.md: released once, as doc-[0-9a-f]{12} \[same-content\]$/),
      expect.stringMatching(/^the same content as .*blueheron-a\.md: released once/),
    ]);
  });

  it('the first copy in input order is the one recorded, whatever --jobs, and the later copies write nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-same-jobs-'));
    const files = ['blueheron-a.md', 'blueheron-b.md', 'blueheron-c.md', 'blueheron-d.md', 'blueheron-e.md', 'blueheron-f.md'].map((n) => {
      const f = path.join(dir, n);
      writeFileSync(f, MEMO);
      return f;
    });
    const heads = new Set<string>();
    for (const jobs of [1, 4, 4, 4]) {
      const out = path.join(dir, `out-${heads.size}-${jobs}-${Math.random()}`);
      const { summary } = await runReleaseBatch({ files, out, profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text'], pageSize: 'letter', force: false, jobs, maxInputBytes: 1 << 20, crossCheck: false, cwd: process.cwd() });
      expect(summary).toMatchObject({ documents: 1, copies: 5, failed: 0 });
      const record = readdirSync(path.join(out, 'review')).find((f) => f.endsWith('.audit.json'))!;
      expect(JSON.parse(readFileSync(path.join(out, 'review', record), 'utf8')).input.path).toMatch(/blueheron-a\.md$/);
      heads.add(summary.manifest!.head);
    }
    expect(heads.size).toBe(1);
  });
});
