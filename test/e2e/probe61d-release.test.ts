/**
 * Text-reader leftovers of the adversarial probes (fix61d), released through the CLI and read back
 * (release text, and the release PDF by pdfjs): no `ZQ…` word (withheld) in release/, every `UQ…`
 * word the case releases there.
 * - Cable subparagraphs with letter labels and no stop (`-- (a) (S) …` / `-- (b) (U) …`, `(a) (U)
 *   …` / `(b) unmarked …`): each its own portion; an unmarked item whose siblings carry marks under
 *   a (U) paragraph has no known level (it was released as (U)).
 * - Memo text: an indented block under a line that ended a sentence or lead-in, and an escaped
 *   quote line (`\> …`), are blocks of their own (they were released as the (U) paragraph's text).
 * - Memo and e-mail routing lines (`MEMORANDUM FOR`, `FROM`, `TO`, `CC`…) of a classified document
 *   are header portions: unmarked, they are withheld (B1 under public, the header rule's (b)(3)
 *   under foia-intel), wherever they stand and whatever their values (probe 61c F1-F5 released
 *   them when they were kept as written); `Sent:` and the other lines kept as written are shown by
 *   explain at their lines.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { releaseOneText } from '../helpers/released-texts.js';
import { probeCable, probeCableHead } from '../helpers/probe-cable.js';

const CABLE_HEAD = probeCableHead('(C)');
const cable = (body: string): string => probeCable('(C)', body);

const memo = (body: string, header = 'MEMORANDUM FOR: Director\nFROM: J. Smith\nSUBJECT: (U) Plan UQSUBJ\nDATE: 15 March 2011'): string =>
  `SECRET//NOFORN\n\n${header}\n\n${body}\n\n(S) Secret body ZQTAIL.\n\nClassified By: J. Smith, Chief\nReason: 1.4(c)\nDeclassify On: 20401231\n\nSECRET//NOFORN\n`;

const release = (text: string, profile = 'public'): Promise<Map<string, string>> => releaseOneText(text, { profile });

/** The words withheld (`ZQ…`) and released (`UQ…`) in `text`. */
const words = (text: string, prefix: string): string[] => [...new Set(text.match(new RegExp(`\\b${prefix}[A-Z0-9]+\\b`, 'g')) ?? [])];

const CASES: [name: string, input: string, released: string[]][] = [
  // Cable subparagraphs with letter labels, no stop after them.
  ['dashed labels, each with its mark', cable('2. (U) Points:\n-- (a) (S) ZQA text here.\n-- (b) (U) UQB text here.'), ['UQB']],
  ['dashed labels, the second unmarked under a (U) one', cable('2. (U) Points:\n-- (a) (U) UQA text here.\n-- (b) ZQB unmarked text.'), ['UQA']],
  ['bare labels, the second unmarked under a (U) one', cable('2. (U) Points:\n(a) (U) UQA text here.\n(b) ZQB unmarked text here.'), ['UQA']],
  ['bare labels under a (U) first paragraph', `${CABLE_HEAD.replace('1. (C) ZQONE summary text.', '1. (U) UQONE summary:')}(a) (U) UQA text here.\n(b) ZQB unmarked text here.\n\nSMITH\n`, ['UQONE', 'UQA']],
  ['dashed lettered labels with a stop', cable('2. (U) Points:\n-- A. (U) UQA text here.\n-- B. (C) ZQB text here.'), ['UQA']],
  ['bare labels, each with its mark', cable('2. (U) Points:\n(a) (U) UQA text here.\n(b) (C) ZQB text here.'), ['UQA']],
  // Memo text: blocks under a (U) paragraph.
  ['an indented block under a lead-in', memo('(U) List UQSIX:\n    ZQINDENT indented code block'), ['UQSUBJ', 'UQSIX']],
  ['an indented block after a blank line', memo('(U) List UQSIX:\n\n    ZQINDENT indented code block'), ['UQSUBJ', 'UQSIX']],
  ['an escaped quote line', memo('(U) Quote UQSIX:\n\\> ZQESC escaped quote line'), ['UQSUBJ', 'UQSIX']],
  ['a lazy list continuation', memo('(U) Items UQSIX:\n- UQITEM first item\nZQLAZY lazy continuation'), ['UQSUBJ', 'UQSIX']],
  ['a bold title over an unmarked line', memo('**(U) Bold Title UQSIX**\nZQBOLD unmarked text'), ['UQSUBJ', 'UQSIX']],
  ['a closing HTML tag under a (U) line', memo('(U) Text UQSIX here.\n</div>ZQDIV unmarked'), ['UQSUBJ', 'UQSIX']],
  ['the indented wrap of a sentence that goes on', memo('(U) Wrapped UQSIX paragraph\n    UQWRAP continues here.'), ['UQSUBJ', 'UQSIX', 'UQWRAP']],
  // Routing lines: unmarked header portions of a classified document, withheld (probe 61c F1-F5).
  ['routing lines with short values', memo('(U) Body UQBODY text.', 'MEMORANDUM FOR: Director, Office of ZQREGIONAL Analysis\nFROM: Chief, ZQDESK Desk\nSUBJECT: (U) Plan UQSUBJ\nDATE: 15 March 2011'), ['UQSUBJ', 'UQBODY']],
  ['a routing line holding a mark-like word', memo('(U) Body UQBODY text.', 'MEMORANDUM FOR: Director\nFROM: ZQNOFORN NOFORN desk\nSUBJECT: (U) Plan UQSUBJ'), ['UQSUBJ', 'UQBODY']],
  ['a routing line holding a sentence', memo('(U) Body UQBODY text.', 'MEMORANDUM FOR: Director\nFROM: Chief desk. ZQSENT the source met him\nSUBJECT: (U) Plan UQSUBJ'), ['UQSUBJ', 'UQBODY']],
  ['a routing line wrapped to the next line', memo('(U) Body UQBODY text.', 'MEMORANDUM FOR: Director, Office of\n    ZQWRAPPED Regional Analysis\nSUBJECT: (U) Plan UQSUBJ'), ['UQSUBJ', 'UQBODY']],
  ['routing lines after a marked first paragraph (61c F1)', memo('(S//NF) ZQFIRST secret paragraph.\n\nTO: ZQ THE ASSET WILL DEFECT ON MONDAY\nFROM: ZQFROM the program restarts in June\n\n(U) Body UQBODY text.', 'SUBJECT: (U) Plan UQSUBJ'), ['UQSUBJ', 'UQBODY']],
  ['routing lines under a (U) title (61c F1)', memo('(U) Body UQBODY text.', '(U) Title UQTITLE\nFOR: ZQFOR station chief\nFROM: ZQFROM handler'), ['UQTITLE', 'UQBODY']],
  ['a forwarded message\'s headers (61c F2)', memo('-----Original Message-----\nFrom: ZQNESTFROM at ZQSTATION Base\nTo: ZQNESTTO asset handler\nCc: ZQNESTCC desk\nSubject: (U) Old plan UQOLD\n\n(U) Nested UQNEST body.', 'From: ZQTOPFROM Analyst\nTo: ZQTOPTO Desk\nSubject: (U) Plan UQSUBJ'), ['UQSUBJ', 'UQOLD', 'UQNEST']],
  ['an address in angle brackets (61c F5)', memo('(U) Body UQBODY text.', 'From: Officer Bravo <ZQ.the.asset.will.defect@covert.gov>\nTo: Analyst <ZQNUKE-SITE-FOUR@x.gov>\nSubject: (U) Plan UQSUBJ'), ['UQSUBJ', 'UQBODY']],
];

describe('probe 61d: released through the CLI', () => {
  it.each(CASES)('%s', async (_name, input, released) => {
    const files = await release(input);
    expect(files.size).toBeGreaterThanOrEqual(2);
    const withheld = words(input, 'ZQ');
    for (const [file, text] of files) {
      for (const w of withheld) expect(text, `${file}: ${w}`).not.toContain(w);
      if (!file.startsWith('release/')) continue;
      for (const w of released) expect(text, `${file}: ${w}`).toContain(w);
      // Every UQ word not named as released is withheld (no over-release claim either way).
      for (const w of words(input, 'UQ').filter((x) => !released.includes(x))) expect(text, `${file}: ${w}`).not.toContain(w);
    }
  });

  it.each(['nato', 'fvey', 'public-pii'])('a NOFORN memo\'s routing lines are withheld under %s (61c F3)', async (profile) => {
    const input = memo('(U) Body UQBODY text.', 'MEMORANDUM FOR: Chief of Station ZQCOVERT Kabul\nFrom: ZQASSET handler <zqmail@example.gov>\nCc: 703-555-0147\nSubject: (U) Plan UQSUBJ');
    const files = await release(input, profile);
    expect(files.get('release/doc.txt')).toContain('UQBODY');
    for (const [file, text] of files) for (const w of ['ZQCOVERT', 'ZQASSET', 'zqmail', '555-0147', 'ZQTAIL']) expect(text, file).not.toContain(w);
  });

  it('under foia-intel the routing lines are header portions withheld under (b)(3), labels and all', async () => {
    const input = memo('(U) Body UQBODY text.', 'MEMORANDUM FOR: Director, Office of ZQOFFICE Analysis\nFROM: ZQCHIEF Chief, Regional Desk\nSUBJECT: (U) Plan UQSUBJ');
    const files = await release(input, 'foia-intel');
    const txt = files.get('release/doc.txt')!;
    expect(txt).not.toContain('MEMORANDUM FOR');
    expect(txt.match(/\[WITHHELD: B3 - 50 USC 3605\]/g)).toHaveLength(2);
    for (const [file, text] of files) for (const w of ['ZQOFFICE', 'ZQCHIEF', 'ZQTAIL']) expect(text, file).not.toContain(w);
  });

  it('explain shows the date and Sent: lines kept as written at their lines, and the routing lines as withheld header portions', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-p61d-ex-'));
    const file = path.join(dir, 'mail.txt');
    writeFileSync(file, memo('(U) Body UQBODY text.', 'From: Jane Analyst\nTo: Desk Officer\nSent: Tuesday, March 3, 2015 10:12 AM\nSubject: (U) Plan UQSUBJ'));
    const run = await runCli(['explain', file, '--profile', 'public', '--as-of', '2026-12-01']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^3:1 +header +\(unmarked\) +WITHHELD B1/m);
    expect(run.stdout).toMatch(/^4:1 +header-2 +\(unmarked\) +WITHHELD B1/m);
    expect(run.stdout).toMatch(/^5:1 +info: .*date line \(2015-03-03\).*\(date-line\)$/m);
    expect(run.stdout).not.toContain('routing-line');
  });
});
