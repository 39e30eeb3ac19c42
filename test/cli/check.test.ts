import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { CORPUS_CABLES, HAS_CORPUS } from '../helpers/corpus.js';

const corpus = (ref: string) => path.join(CORPUS_CABLES, `${ref}.txt`);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], now = new Date('2026-11-26T12:00:00Z')): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    now: () => now,
    cwd: () => tmp,
    isTTY: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A synthetic cable in the usual State layout. */
function cable(decl: string, opts: { banner?: string; mark?: string; dtg?: string; post?: string } = {}): string {
  const post = opts.post ?? 'BERLIN';
  return `O ${opts.dtg ?? '131627Z FEB 08'}
FM AMEMBASSY ${post}
TO SECSTATE WASHDC IMMEDIATE 0001

${opts.banner ?? `C O N F I D E N T I A L ${post} 000173`}

SIPDIS

E.O. 12958: ${decl}
TAGS: PREL GM
SUBJECT: A TEST CABLE

Classified By: Political Counselor for reasons 1.4 (b) and (d)

1. ${opts.mark ?? '(C)'} Some text.

TIMKEN
`;
}

let tmp = '';
const files: Record<string, string> = {};
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'declass-check-'));
  const write = (name: string, text: string) => {
    files[name] = path.join(tmp, name);
    writeFileSync(files[name]!, text);
  };
  write('past.txt', cable('DECL: 02/13/2018'));
  write('future.txt', cable('DECL: 02/13/2030', { post: 'PARIS' }));
  write('oadr.txt', cable('DECL: OADR', { dtg: '121212Z MAY 86', post: 'MADRID' }));
  write('x-codes.txt', cable('DECL: X1, X5', { dtg: '211833Z JUN 02', post: 'ROME' }));
  write('bad.txt', cable('DECL: 13/45/2010', { post: 'ROME' }));
  write('na.txt', cable('N/A', { banner: 'S E C R E T VIENNA 000173', mark: '(S)', post: 'VIENNA' }));
  write('unclass.txt', cable('N/A', { banner: 'UNCLAS OSLO 000173', mark: '(U)', post: 'OSLO' }));
  write('empty.txt', '');
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function jsonLines(stdout: string): Record<string, any>[] {
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);
}

describe('declass check: table', () => {
  it('prints aligned columns, then counts by status', async () => {
    const r = await run(['check', '--as-of', '2026-11-26', files['past.txt']!, files['future.txt']!, files['unclass.txt']!]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^FILE +REF +ORIGINATED +LEVEL +DECL +STATUS +LAPSES ON +WHY$/);
    const statusColumn = lines[0]!.indexOf('STATUS');
    expect(lines[1]!.slice(statusColumn)).toMatch(/^declassified +2018-02-13 +Declassified on 2018-02-13 .*32 CFR 2001\.12\(b\)/);
    expect(lines[2]!.slice(statusColumn)).toMatch(/^classified +2030-02-13 /);
    expect(lines[3]!.slice(statusColumn)).toMatch(/^unclassified +- +Unclassified document/);
    expect(r.stdout).toContain('3 document(s) as of 2026-11-26: 1 unclassified, 1 classified, 1 declassified, 0 review, 0 invalid\n');
    // Its Classified By line contradicts its UNCLASSIFIED banner: the console says so (probe 69a F1), nothing else.
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/unclass\.txt: error: The banner is UNCLASSIFIED but it has a Classified By line: .*\[unclassified-banner-contradicted\]$/)]);
  });

  it('puts diagnostics on stderr, an unrecognised value quoted', async () => {
    const r = await run(['check', '--as-of', '2026-11-26', files['bad.txt']!]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/invalid/);
    expect(r.stderr).toMatch(/bad\.txt: error: Declassification instruction "13\/45\/2010" is not a recognised form.*\[decl-unrecognised\]/);
  });

  it.skipIf(!HAS_CORPUS)('reads corpus cables', async () => {
    const refs = ['86MADRID5480', '09BEIJING2963', '09ROME1048', '07KABUL2004', '10STATE369', '09QUITO103'];
    const r = await run(['check', '--as-of', '2026-11-26', '--json', ...refs.map(corpus)]);
    expect(r.code).toBe(0);
    const got = jsonLines(r.stdout).map((j) => [j['ref'], j['decl'].kind, j['status'], j['declassifyOn']]);
    expect(got).toEqual([
      ['86MADRID5480', 'oadr', 'review', '2011-12-31'],
      ['09BEIJING2963', 'event', 'review', null],
      ['09ROME1048', 'none', 'invalid', null],
      ['07KABUL2004', 'none', 'review', null],
      ['10STATE369', 'exemption', 'classified', '2085-12-31'],
      ['09QUITO103', 'duration', 'classified', '2029-02-10'],
    ]);
  });
});

describe('declass check --json', () => {
  it('writes one record per document with the documented fields', async () => {
    const r = await run(['check', '--as-of', '2026-11-26', '--json', files['past.txt']!, files['oadr.txt']!]);
    expect(r.code).toBe(0);
    const [past, oadr] = jsonLines(r.stdout);
    expect(past).toMatchObject({
      file: files['past.txt'],
      ref: '08BERLIN173',
      originated: '2008-02-13',
      level: 'C',
      order: 'E.O. 12958, as amended',
      decl: { kind: 'date', date: '2018-02-13' },
      status: 'declassified',
      declassifyOn: '2018-02-13',
      automaticOn: '2033-12-31',
      rule: '32cfr2001.12b',
    });
    expect(past!['decl'].raw).toMatch(/02\/13\/2018/);
    expect(past!['reason']).toMatch(/32 CFR 2001\.12\(b\)/);
    expect(oadr).toMatchObject({ ref: '86MADRID173', order: 'E.O. 12356', status: 'review', rule: 'capco-e6', automaticOn: '2011-12-31' });
  });

  it('--as-of defaults to today from the injected clock', async () => {
    const before = await run(['check', '--json', files['future.txt']!], new Date('2030-02-12T23:00:00Z'));
    const on = await run(['check', '--json', files['future.txt']!], new Date('2030-02-13T01:00:00Z'));
    expect(jsonLines(before.stdout)[0]!['status']).toBe('classified');
    expect(jsonLines(on.stdout)[0]!['status']).toBe('declassified');
  });
});

/** Minimal RFC 4180 reader for the test. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('declass check --csv', () => {
  it('writes RFC 4180 CSV with CRLF line ends and quoted fields', async () => {
    const r = await run(['check', '--as-of', '2026-11-26', '--csv', files['x-codes.txt']!, files['past.txt']!]);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = readCsv(r.stdout);
    expect(rows[0]).toEqual([
      'file', 'ref', 'originated', 'level', 'order', 'decl_raw', 'decl_kind', 'decl_date', 'decl_codes',
      'status', 'declassify_on', 'automatic_on', 'rule', 'reason', 'diagnostics',
    ]);
    expect(rows).toHaveLength(3);
    const x = Object.fromEntries(rows[0]!.map((k, i) => [k, rows[1]![i]]));
    expect(x).toMatchObject({ ref: '02ROME173', decl_kind: 'exemption', decl_codes: 'X1 X5', status: 'classified', declassify_on: '2027-12-31' });
    expect(x['decl_raw']).toMatch(/X1, X5/);
    // The raw value has a comma, so it was quoted.
    expect(r.stdout).toMatch(/"[^"]*X1, X5"/);
  });
});

describe('declass check --csv: formulas', () => {
  it('neutralises a value a spreadsheet would run as a formula', async () => {
    const file = path.join(tmp, 'formula.txt');
    writeFileSync(file, cable('=HYPERLINK("http://example.invalid","x")'));
    const r = await run(['check', '--as-of', '2026-11-26', '--csv', file]);
    const rows = readCsv(r.stdout);
    const raw = rows[1]![rows[0]!.indexOf('decl_raw')]!;
    expect(raw.startsWith("'=HYPERLINK")).toBe(true);
    expect(rows[1]![rows[0]!.indexOf('status')]).toBe('invalid');
  });
});

describe('declass check --help', () => {
  it('explains every status', async () => {
    const r = await run(['check', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['unclassified', 'classified', 'declassified', 'review', 'invalid']) expect(r.stdout).toMatch(new RegExp(`^  ${s} `, 'm'));
  });
});

describe('declass check --fail-on', () => {
  it('exits 1 when a document has a listed status', async () => {
    const r = await run(['check', '--as-of', '2026-11-26', '--fail-on', 'review,invalid', files['past.txt']!, files['na.txt']!]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--fail-on matched 1 document\(s\): 0 review, 1 invalid/);
  });

  it('exits 0 when none does', async () => {
    const r = await run(['check', '--as-of', '2026-11-26', '--fail-on', 'review,invalid', files['past.txt']!, files['future.txt']!]);
    expect(r.code).toBe(0);
  });

  it('refuses an unknown status name as a usage error', async () => {
    const r = await run(['check', '--fail-on', 'review,lapsed', files['past.txt']!]);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/unknown status "lapsed"; expected some of unclassified, classified, declassified, review, invalid/);
    expect(r.stdout).toBe('');
  });
});

describe('declass check: usage and input errors', () => {
  it.each([
    ['2026-02-30', /February 2026 has 28 days/],
    ['2010-13-01', /month 13 does not exist/],
    ['2010-00-10', /month 0 does not exist/],
    ['2010-04-00', /day 0 does not exist/],
    ['26-11-2026', /expected a date as YYYY-MM-DD/],
    ['today', /expected a date as YYYY-MM-DD/],
  ])('--as-of %s is a usage error saying what is wrong', async (asOf, message) => {
    const r = await run(['check', '--as-of', asOf, files['past.txt']!]);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--json and --csv together is a usage error', async () => {
    const r = await run(['check', '--json', '--csv', files['past.txt']!]);
    expect(r.code).toBe(64);
  });

  it('reports a file that fails in one line and goes on; exit 1', async () => {
    const missing = path.join(tmp, 'missing.txt');
    const r = await run(['check', '--as-of', '2026-11-26', '--json', missing, files['empty.txt']!, files['past.txt']!]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`declass: ${missing}: no such file or folder\ndeclass: ${files['empty.txt']}: empty file\n`);
    expect(jsonLines(r.stdout)).toHaveLength(1);
  });
});

describe('declass check --ics', () => {
  it('writes the coming dates as all-day events, deterministically', async () => {
    const ics = path.join(tmp, 'out', 'dates.ics');
    const inputs = [files['past.txt']!, files['future.txt']!, files['oadr.txt']!, files['x-codes.txt']!, files['unclass.txt']!];
    const first = await run(['check', '--as-of', '2026-11-26', '--ics', ics, ...inputs]);
    expect(first.code).toBe(0);
    const a = readFileSync(ics, 'utf8');
    const second = await run(['check', '--as-of', '2026-11-26', '--ics', ics, ...inputs], new Date('2031-01-01T00:00:00Z'));
    expect(second.code).toBe(0);
    expect(readFileSync(ics, 'utf8')).toBe(a);

    expect(a.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(a).toContain('PRODID:declass\r\n');
    const events = a.split('BEGIN:VEVENT').slice(1);
    // Past dates (08BERLIN173) and computed dates that have passed (OADR) are not "coming".
    expect(events).toHaveLength(2);
    expect(events[0]).toContain('UID:02ROME173-20271231@declass\r\n');
    expect(events[0]).toContain('SUMMARY:Declassification review due 02ROME173\r\n');
    expect(events[0]).toContain('DTSTART;VALUE=DATE:20271231\r\n');
    expect(events[0]).toContain('DTEND;VALUE=DATE:20280101\r\n');
    expect(events[1]).toContain('UID:08PARIS173-20300213@declass\r\n');
    expect(events[1]).toContain('SUMMARY:Declassify 08PARIS173\r\n');
    expect(events[1]).toContain('DTSTART;VALUE=DATE:20300213\r\n');
    for (const e of events) expect(e).toContain('DTSTAMP:20261126T000000Z\r\n');
    expect(events[1]!.replace(/\r\n\t/g, '')).toContain('DESCRIPTION:CONFIDENTIAL until 2030-02-13');
  });

  it('refuses to write over an input file', async () => {
    const r = await run(['check', '--ics', files['past.txt']!, files['past.txt']!]);
    expect(r.code).toBe(73);
    expect(readFileSync(files['past.txt']!, 'utf8')).toContain('E.O. 12958: DECL: 02/13/2018');
  });
});

describe('declass check at scale: --from-list, streaming CSV, progress', () => {
  it('reads paths from a list and gives the same rows as the paths themselves', async () => {
    const list = path.join(tmp, 'list.lst');
    writeFileSync(list, `# two cables\n${files['past.txt']}\n\n${files['future.txt']}\n`);
    const fromList = await run(['check', '--from-list', list, '--json']);
    const direct = await run(['check', files['past.txt']!, files['future.txt']!, '--json']);
    expect(fromList.code).toBe(0);
    expect(fromList.stdout).toBe(direct.stdout);
    expect(fromList.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('prints the CSV header once, then one line per document', async () => {
    const r = await run(['check', files['past.txt']!, files['future.txt']!, files['oadr.txt']!, '--csv']);
    const lines = r.stdout.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^file,ref,originated,level,/);
    expect(lines.filter((l) => l.startsWith('file,'))).toHaveLength(1);
  });

  it('refuses a file over --max-input-mb in one line and goes on', async () => {
    const big = path.join(tmp, 'big.txt');
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024 + 10, 'A'));
    const r = await run(['check', big, files['past.txt']!, '--max-input-mb', '2', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`declass: ${big}: too large: 2097162 bytes, over the 2097152-byte input limit (raise it with --max-input-mb)\n`);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    rmSync(big);
  });
});
