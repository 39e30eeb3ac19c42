/**
 * The index entries a batch hands the index: with the rows made while releasing (batches of up
 * to 2,000 documents), with only what the release text shows (larger batches: the record is read
 * back, the text not), or with neither (records of earlier runs: both read back). All three must
 * give the same rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/release/folder.js';
import { indexEntryOf, indexRowsOf } from '../../src/vaughn/index.js';
import { REPO, runBin, tmp } from '../helpers/bin.js';

describe('index entries', () => {
  it('give the same rows made at release, from the facts of the text, and read back', () => {
    const out = path.join(tmp('entry'), 'out');
    const run = runBin(['release', path.join(REPO, 'samples'), '--profile', 'public', '--as-of', '2010-12-01', '--out', out, '--quiet']);
    expect(run.code).toBe(0);
    let rows = 0;
    let withFacts = 0;
    for (const name of readdirSync(path.join(out, 'review')).filter((n) => n.endsWith('.audit.json'))) {
      const stem = name.slice(0, -'.audit.json'.length);
      const record = JSON.parse(readFileSync(path.join(out, 'review', name), 'utf8')) as AuditRecord;
      const textOutput = record.outputs.find((o) => o.kind === 'text');
      const text = textOutput ? readFileSync(path.join(out, textOutput.path), 'utf8') : null;
      const readBack = indexRowsOf({ stem, record, releaseText: text }, 1);
      const made = indexEntryOf(stem, record, { text, rows: true });
      const known = indexEntryOf(stem, record, { text, rows: false });
      expect(made.made).toEqual(readBack);
      expect(known.made).toBeUndefined();
      expect(indexRowsOf({ stem, record, releaseText: null, facts: known.facts! }, 1)).toEqual(readBack);
      expect(known.rows).toBe(readBack.length);
      rows += readBack.length;
      if (known.facts?.subject || known.facts?.fromTo) withFacts++;
    }
    // The samples hold withholdings, and subjects or senders the release shows.
    expect(rows).toBeGreaterThan(100);
    expect(withFacts).toBeGreaterThan(2);
  });
});
