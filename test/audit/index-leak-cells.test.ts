/**
 * The audit's look for short withheld pieces in the Vaughn index (probe 68c): it reads the cells
 * of a document's rows that carry the document's own words (name, subject, from/to), not the
 * tool's wording. Read in full, a one-word withheld heading (`Security`) was found in `national
 * security information` and a paragraph that is only its mark (`(S-ENTIRE TEXT)`) in `the cable's
 * entire-text classification statement`: the audit failed a correct release of corpus cables.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFolder, rerunRelease, resolveProfile, runReleaseBatch, type AuditOptions } from '../../src/index.js';
import { expectNoLeaksInFolder } from '../helpers/release-folder.js';

const AS_OF = '2010-12-01';
// Shaped as 09STATE37566 and 90BAGHDAD4397: an entire-text mark alone on ¶1, a one-word heading.
const CABLE = `R 161845Z APR 09
FM SECSTATE WASHDC
TO AMEMBASSY BAMAKO 0000

S E C R E T STATE 037566

E.O. 12958: DECL: 04/16/2034
TAGS: PREL ML
SUBJECT: TRAINING PLAN FOR THE REGION

Classified By: DAS Jane Doe, Reasons 1.4 (c)

¶1. (S-ENTIRE TEXT)

¶2. The embassy should consider the following points when it
meets the ministry next week about the training plan.

¶A.  Security

¶B.  Logistics and the schedule of the courses for next year.

¶3. Posts should report on the results by the end of May.
`;

let root = '';
let input = '';
let out = '';
let options: AuditOptions;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'declass-index-cells-'));
  mkdirSync(path.join(root, 'in'));
  input = path.join(root, 'in', '09TESTCABLE1.txt');
  writeFileSync(input, CABLE);
  out = path.join(root, 'out');
  const profile = await resolveProfile('public');
  await runReleaseBatch({ files: [input], out, profile, profileRef: 'public', overrides: null, overridesFile: null, asOf: AS_OF, formats: ['text', 'pdf'], pageSize: 'letter', force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd() });
  expect(await expectNoLeaksInFolder(out, new Map([['09TESTCABLE1', input]]), profile, AS_OF)).toBe(2);
  options = { cwd: process.cwd(), originals: [input], crossCheckLimit: 2000, rerun: rerunRelease };
});

describe('audit: short withheld pieces in the Vaughn index', () => {
  it('a withheld one-word heading and a mark-only paragraph, as the index words them, pass', async () => {
    const json = readFileSync(path.join(out, 'release', 'index.json'), 'utf8');
    // The index's own wording holds both pieces, and the release is correct.
    expect(json).toMatch(/national security information/);
    expect(json).toMatch(/entire-text classification statement/);
    expect(json).not.toMatch(/Logistics|ministry/);
    const report = await auditFolder(out, options);
    expect(report.failures).toEqual([]);
  });

  it('the withheld heading put into a subject cell is a leak of the index', async () => {
    const file = path.join(out, 'release', 'index.json');
    const index = JSON.parse(readFileSync(file, 'utf8')) as { rows: { subject: string | null }[] };
    index.rows[0]!.subject = 'Security';
    writeFileSync(file, `${JSON.stringify(index, null, 2)}\n`);
    const report = await auditFolder(out, options);
    const leaks = report.failures.filter((f) => f.check === 'leak' && f.file === 'release/index.json');
    expect(leaks.map((f) => f.message)).toEqual([expect.stringMatching(/withheld words \(p2\.a\) of 09TESTCABLE1 appear in its rows/)]);
  });
});
