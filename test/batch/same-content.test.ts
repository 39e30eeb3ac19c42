/**
 * Copies of one document under names that repeat its withheld words get one neutral output name
 * (from the content's hash): the batch says so for each later copy, rather than folding them into
 * one release silently (5 inputs, 3 records, nothing said).
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
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
    expect(summary).toMatchObject({ documents: 3, failed: 0 });
    expect(readdirSync(path.join(out, 'release')).filter((f) => f.endsWith('.txt'))).toEqual([expect.stringMatching(/^doc-[0-9a-f]{12}\.txt$/)]);
    expect(warnings.filter((w) => w.endsWith('[same-content]'))).toEqual([
      expect.stringMatching(/^the same content as .*blueheron-a\.md: released once, as doc-[0-9a-f]{12} \[same-content\]$/),
      expect.stringMatching(/^the same content as .*blueheron-a\.md: released once/),
    ]);
  });
});
