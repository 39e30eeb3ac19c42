/** `declass parse`, run in-process: JSON Lines, the summary, folders, bad files, exit codes. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { cable } from '../parse/helpers.js';

// Until the lead wires registerParse/registerLint into src/cli/commands/index.ts, add them here;
// once wired, this adds nothing (each command is registered once either way).

let tmp = '';
const file = (name: string) => path.join(tmp, name);
const BODY = '¶1. (C) First.\n\n¶2. (S/NF) Second\nparagraph.\n\n¶3. (U) Third.\nTIMKEN JR';

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'declass-parse-'));
  writeFileSync(file('berlin.txt'), cable(BODY));
  mkdirSync(file('folder/sub'), { recursive: true });
  writeFileSync(file('folder/b.txt'), cable('¶1. (S) Folder cable.'));
  writeFileSync(file('folder/sub/a.txt'), cable('¶1. (U) Nested cable.', { banner: 'UNCLAS BERLIN 000173', eo: 'E.O. 12958: N/A' }));
  writeFileSync(file('folder/notes.md'), '(U) Notes that are not a cable, marked unclassified.\n');
  writeFileSync(file('empty.txt'), '');
  writeFileSync(file('binary.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
  writeFileSync(file('crlf.txt'), `\uFEFF${cable(BODY)}`.replace(/\n/g, '\r\n'));
  writeFileSync(file('latin1.txt'), Uint8Array.from(cable('\u00B61. (C) Caf\u00E9.'), (c) => c.charCodeAt(0)));
  writeFileSync(file('prose.txt'), 'Dear colleagues,\nthe meeting moved.\n');
  writeFileSync(file('marked-prose.txt'), 'Dear colleagues,\n\n(C) the meeting moved.\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function jsonLines(stdout: string): Record<string, any>[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);
}

describe('declass parse --json', () => {
  it('prints one JSON object per file with the documented fields', async () => {
    const r = await runCli(['parse', file('berlin.txt'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const [rec] = jsonLines(r.stdout);
    expect(rec).toMatchObject({
      file: file('berlin.txt'),
      ref: '08BERLIN173',
      originated: '2008-02-13',
      banner: { raw: 'C O N F I D E N T I A L', level: 'C', controls: [] },
      decl: { raw: '02/13/2018' },
      classifiedBy: { reasons: ['1.4(b)', '1.4(d)'] },
    });
    expect(rec!['classifiedBy'].raw).toMatch(/^Classified By: POLITICAL/);
    expect(rec!['portions'].map((p: any) => [p.id, p.kind, p.number, p.marking?.level ?? null])).toEqual([
      ['subject', 'subject', null, null],
      ['p1', 'paragraph', '1', 'C'],
      ['p2', 'paragraph', '2', 'S'],
      ['p3', 'paragraph', '3', 'U'],
      ['signature', 'signature', null, null],
    ]);
    const p2 = rec!['portions'][2];
    expect(p2.marking).toEqual({ raw: '(S/NF)', level: 'S', controls: ['NOFORN'], relTo: [] });
    expect(p2.text).toBe('¶2. (S/NF) Second\nparagraph.');
    // The header takes 23 lines; ¶1 is line 24, ¶2 starts on line 26 and ends on line 27.
    expect(p2.start).toEqual({ line: 26, column: 1 });
    expect(p2.end).toEqual({ line: 27, column: 10 });
    for (const d of rec!['diagnostics']) expect(Object.keys(d)).toEqual(expect.arrayContaining(['severity', 'code', 'message', 'line']));
    expect(rec!['diagnostics'].map((d: any) => d.code)).toContain('unmarked-subject');
  });

  it('walks a folder for *.txt and *.md files, sorted, recursively; each read by the reader its content calls for', async () => {
    const r = await runCli(['parse', file('folder'), '--json']);
    expect(r.code).toBe(0);
    const recs = jsonLines(r.stdout);
    expect(recs.map((x) => path.relative(tmp, x['file']))).toEqual([path.join('folder', 'b.txt'), path.join('folder', 'notes.md'), path.join('folder', 'sub', 'a.txt')]);
    expect(recs.map((x) => x['format'] ?? 'cable')).toEqual(['cable', 'document', 'cable']);
  });

  it('CRLF with a BOM, and Latin-1: parsed, with the decoding diagnostics in the record', async () => {
    const r = await runCli(['parse', file('crlf.txt'), file('latin1.txt'), '--json']);
    expect(r.code).toBe(0);
    const [crlf, latin1] = jsonLines(r.stdout);
    expect(crlf!['diagnostics'].map((d: any) => d.code)).toContain('line-ends-normalised');
    expect(crlf!['portions'][2].text).toBe('¶2. (S/NF) Second\nparagraph.');
    expect(latin1!['diagnostics'].map((d: any) => d.code)).toContain('encoding-latin1');
    expect(latin1!['portions'][1].text).toBe('\u00B61. (C) Caf\u00E9.');
  });

  it('text that is not a cable is read by the document reader; an unmarked line in a document without banner is withheld-level unmarked', async () => {
    const r = await runCli(['parse', file('marked-prose.txt'), '--json']);
    expect(r.code).toBe(0);
    const [rec] = jsonLines(r.stdout);
    expect(rec!['format']).toBe('document');
    expect(rec!['authority']).toBeNull();
    expect(rec!['portions'].map((p: any) => p.markingSource)).toEqual(['unmarked', 'marked']);
    expect(rec!['diagnostics'].map((d: any) => d.code)).toEqual(expect.arrayContaining(['no-banner', 'unmarked-portion']));
  });

  it('text without any marking (no banner, portion mark, E.O. line or authority block) is refused in one line, whatever the reader', async () => {
    for (const format of ['auto', 'cable', 'document']) {
      const r = await runCli(['parse', file('prose.txt'), '--json', '--input-format', format]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`declass: ${file('prose.txt')}: not a marked document (no banner, portion mark, E.O. line or classification authority block)\n`);
    }
  });

  it('--input-format cable reads text that is not a cable with the cable parser (not-a-cable diagnostic)', async () => {
    const r = await runCli(['parse', file('marked-prose.txt'), '--json', '--input-format', 'cable']);
    expect(r.code).toBe(0);
    const [rec] = jsonLines(r.stdout);
    expect(rec!['ref']).toBeNull();
    expect(rec!['originated']).toBeNull();
    expect(rec!['decl']).toBeNull();
    expect(rec!['diagnostics'].map((d: any) => d.code)).toContain('not-a-cable');
  });
});

describe('declass parse: bad files and exit codes', () => {
  it('an empty or binary file gets one line on stderr; the others are still parsed; exit 1', async () => {
    const r = await runCli(['parse', file('empty.txt'), file('berlin.txt'), file('binary.txt'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `declass: ${file('empty.txt')}: empty file`,
      `declass: ${file('binary.txt')}: binary data (NUL bytes), not a text document`,
    ]);
    expect(jsonLines(r.stdout)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat \w+ \(/); // no stack trace
  });

  it('a missing path among others: reported, the rest parsed, exit 1', async () => {
    const r = await runCli(['parse', file('nope.txt'), file('berlin.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`declass: ${file('nope.txt')}: no such file or folder\n`);
    expect(r.stdout).toContain('08BERLIN173');
  });

  it('only missing paths: exit 66', async () => {
    const r = await runCli(['parse', file('nope.txt'), file('gone')]);
    expect(r.code).toBe(66);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('--help documents the exit codes', async () => {
    const r = await runCli(['parse', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit codes/);
    expect(r.stdout).toMatch(/66/);
  });
});

describe('declass parse (summary)', () => {
  it('prints a readable summary: ref, banner, DECL, reasons, one row per portion', async () => {
    const r = await runCli(['parse', file('berlin.txt')]);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain(file('berlin.txt'));
    expect(out).toContain('ref 08BERLIN173  originated 2008-02-13  banner C O N F I D E N T I A L (C)');
    expect(out).toContain('DECL "02/13/2018"');
    expect(out).toContain('1.4(b), 1.4(d)');
    expect(out).toMatch(/^ {4}p2 +26:1-27:10 +marked +S\/\/NOFORN +\(S\/NF\)$/m);
    expect(out).toMatch(/^ {4}signature +\d+:1-\d+:9 +unmarked/m);
    expect(out).toMatch(/warning .*unmarked-subject$/m);
  });
});
