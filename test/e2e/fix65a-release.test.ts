/**
 * Stop 65's text-reader gaps (fix65a), released through the CLI (release text, and the release PDF
 * by pdf.js): no `ZQ…` word handed out or pending, every `UQ…` word the case releases there.
 * - Probe 64d F9 (cable-labels.ts): loose labels of a close later letter under `2.A. (U) … .` are
 *   labels (an unmarked portion, withheld), never the (U) paragraph's text; prose that looks like
 *   one stays text.
 * - Look-alike scripts (classification-lines.ts, unread-script.ts): a banner word with no ASCII
 *   letter, all look-alikes (`ꓢꓰꓚꓣꓰꓔ`, `🆂🅴🅲🆁🅴🆃`), on a later page of an UNCLASSIFIED memo is a
 *   classification line not understood; a cable paragraph ending `(ꓢ)` is a mark not understood.
 * - Probe 64c F6 (control-level.ts): `(C//FOUO)` is named in the release's audit record.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { probeCable } from '../helpers/probe-cable.js';
import { expectReleasedOrPending } from '../helpers/released-texts.js';

const sub = (line: string): string =>
  probeCable('(C)', `2. (U) UQP2 points follow.\n2.A. (U) UQA text that is long enough to fill the line of the cable.\n${line}\n\n3. (U) UQTHREE end.`);

const LABELS = ['2.d- ZQX', '2 .C. ZQX', '2.C- ZQX', '2-C. ZQX', '2.C; ZQX', '2.C.1. ZQX', '2. C. ZQX', '2C. ZQX', '2.C.ZQX', '2.b- ZQX', '2 .B. ZQX', '2.B ZQX'];
const TEXTS = ['2.5 percent UQX', '2.B.C. UQX', '2.US UQX', '2.Id UQX', '2.am UQX', '2.OK UQX', '2.vs UQX', '2.i UQX', '2.x UQX release notes', '2.Q: UQX'];

const attachment = (banner: string): string =>
  `UNCLASSIFIED\n\nMEMORANDUM FOR: Director\nFROM: Chief, Division\nSUBJECT: Transmittal UQS\nDATE: 15 March 2012\n\nPlease find the attached report UQA.\n\nUNCLASSIFIED\n\f\n${banner}\n\nThe source ZQ1 reported the plan in detail.\n\n${banner}\n`;
const unclassifiedCable = (item: string): string =>
  `UNCLASSIFIED\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: MEETING\n\n1. (U) Public paragraph UQA here.\n\n${item}\n\n3. (U) Public closing UQB.\n`;

const CASES: [name: string, input: string, released: string[], fileName?: string][] = [
  // Probe 64d F9: leaked at eed14e5 (but 2.B, held).
  ...LABELS.map((l): [string, string, string[]] => [`${JSON.stringify(l)} under 2.A. … . is a label`, sub(`${l} text.`), ['UQA', 'UQTHREE']]),
  // Probe 64d F8 and the held cases: (U) text.
  ...TEXTS.map((l): [string, string, string[]] => [`${JSON.stringify(l)} under 2.A. … . is text`, sub(`${l} text.`), ['UQA', 'UQX', 'UQTHREE']]),
  // Look-alike scripts: released at eed14e5.
  ['ꓢꓰꓚꓣꓰꓔ on a later page', attachment('\ua4e2\ua4f0\ua4da\ua4e3\ua4f0\ua4d4'), ['UQA']],
  ['🆂🅴🅲🆁🅴🆃 on a later page', attachment('\u{1f182}\u{1f174}\u{1f172}\u{1f181}\u{1f174}\u{1f183}'), ['UQA']],
  ['ТОР ЅЕСRЕТ (all-Cyrillic TOP) on a later page', attachment('\u0422\u041e\u0420 \u0405\u0415\u0421R\u0415\u0422'), ['UQA']],
  ['a cable paragraph ending (ꓢ)', unclassifiedCable('2. The source ZQ1 reported the plan in detail (\ua4e2).'), ['UQA', 'UQB']],
  ['a cable paragraph ending (Ⲥ) on its first line', unclassifiedCable('2. The source ZQ1 reported the plan (\u2ca4)\nin detail to the embassy.'), ['UQA', 'UQB']],
];

describe('fix65a: released through the CLI', () => {
  it.each(CASES)('%s', async (_name, input, released, fileName) => expectReleasedOrPending(input, released, fileName));
});

describe('probe 64c F6: a control for unclassified information with a classified level', () => {
  it('(C//FOUO) is a warning in the audit record; the portion is withheld as C', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-fix65a-in-'));
    const out = mkdtempSync(path.join(tmpdir(), 'declass-fix65a-out-'));
    writeFileSync(path.join(dir, 'doc.txt'), 'CONFIDENTIAL\n\nSUBJECT: (U) Notes UQS\n\n(U) The notes UQA follow.\n\n(C//FOUO) The plan ZQ1 is set.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20400101\n\nCONFIDENTIAL\n');
    const run = await runCli(['release', dir, '--profile', 'public', '--out', out, '--as-of', '2026-12-01', '--quiet', '--formats', 'text']);
    expect(run.code, run.stderr).toBe(0);
    const record = JSON.parse(readFileSync(path.join(out, 'review', 'doc.audit.json'), 'utf8')) as { diagnostics: { code: string; severity: string }[] };
    expect(record.diagnostics).toContainEqual(expect.objectContaining({ code: 'control-with-classified-level', severity: 'warning' }));
    const text = readFileSync(path.join(out, 'release', 'doc.txt'), 'utf8');
    expect(text).not.toContain('ZQ1');
    expect(text).toContain('UQA');
  });
});

describe('probe 65e F5: the console says what the record says', () => {
  const FOUO = 'CONFIDENTIAL\n\nSUBJECT: (U) Notes UQS\n\n(U) The notes UQA follow.\n\n(C//FOUO) The plan ZQ1 is set.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20400101\n\nCONFIDENTIAL\n';
  // A CONFIDENTIAL banner over a (S) portion: banner-below-portions, an error in the record.
  const BELOW = 'CONFIDENTIAL\n\nSUBJECT: (U) Notes UQS\n\n(U) The notes UQA follow.\n\n(S) The plan ZQ1 is set.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20400101\n\nCONFIDENTIAL\n';
  it.each([
    ['(C//FOUO)', FOUO, /warning: The marking "\(C\/\/FOUO\)".*\[control-with-classified-level\]/],
    ['a banner below its portions', BELOW, /(?:warning|error): Banner "CONFIDENTIAL".*lower than the highest portion.*\[banner-below-portions\]/],
  ])('%s: on stderr in release and check', async (_name, input, expected) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-fix65h-'));
    writeFileSync(path.join(dir, 'doc.txt'), input);
    const release = await runCli(['release', path.join(dir, 'doc.txt'), '--profile', 'public', '--out', path.join(dir, 'out'), '--as-of', '2026-12-01', '--formats', 'text']);
    expect(release.stderr).toMatch(expected);
    expect(readFileSync(path.join(dir, 'out', 'release', 'doc.txt'), 'utf8')).not.toContain('ZQ1');
    const check = await runCli(['check', path.join(dir, 'doc.txt'), '--as-of', '2026-12-01']);
    expect(check.stderr).toMatch(expected);
  });
});
