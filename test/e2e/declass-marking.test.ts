/**
 * Probe 68c F7 (fix68h), end to end: a cable released as declassified carries the declassification
 * marking on the line under its stamp, in the release text and in the release PDF (read by
 * pdftotext); a release with nothing declassified and a document pending review carry none; the
 * audit's re-run reproduces the record's field and accepts the line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { hasPdftotext, pdftotext } from '../helpers/pdf-text.js';

const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0) ?? null;
if (!CHROMIUM || !hasPdftotext()) console.log('skipped: the PDF-input declassification marking test needs Chromium and pdftotext');
/** A memo whose Declassify On date has passed; printed to PDF by Chromium. */
const MEMO_HTML = `<html><head><title>Memo</title></head><body style="font-family:serif">
<p style="text-align:center">SECRET//NOFORN</p><p>MEMORANDUM FOR THE RECORD</p><p>SUBJECT: (U) Collection Priorities</p>
<p>1. (U) The quarterly review of the program will take place in the main conference room.</p>
<p>2. (S//NF) The test article reached its design altitude during the third flight window.</p>
<p>Classified By: Jane Doe, Program Security Officer<br>Reason: 1.4(a)<br>Declassify On: 20120101</p>
<p style="text-align:center">SECRET//NOFORN</p></body></html>`;

const SAMPLE = readFileSync(new URL('../../samples/08BERLIN173.txt', import.meta.url), 'utf8');
/** Paragraph 2 carries a token a reviewer withholds under B5. */
const CABLE = SAMPLE.replace(/^(\S*2\.\s*\(C\)\s*)/m, '$1ZQDM1 ');
const LINE = 'DECLASSIFIED ON 2018-02-13 BY ITS DECLASSIFICATION INSTRUCTION (DECL: 02/13/2018); REVIEWED AS OF 2026-12-01';
const OVERRIDES = 'overrides:\n  - { ref: 08BERLIN173, portion: p2, action: withhold, authority: [B5], reviewer: R. Roe, date: 2026-11-30 }\n';

async function release(text: string, asOf: string, overrides = false): Promise<{ out: string; dir: string; code: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-dm-in-'));
  writeFileSync(path.join(dir, '08BERLIN173.txt'), text);
  const o = path.join(dir, 'o.yaml');
  writeFileSync(o, OVERRIDES);
  const out = mkdtempSync(path.join(tmpdir(), 'declass-dm-out-'));
  const run = await runCli(['release', dir, '--profile', 'public', '--out', out, '--as-of', asOf, '--quiet', '--formats', 'text,pdf', ...(overrides ? ['--overrides', o] : [])]);
  return { out, dir, code: run.code };
}
const squeeze = (s: string) => s.replace(/\s+/g, ' ');

describe('the declassification marking in the release text and PDF', () => {
  it('is the line under the stamp of a partly declassified cable, in the text and the PDF; the audit passes', async () => {
    const { out, dir, code } = await release(CABLE, '2026-12-01', true);
    expect(code).toBe(0);
    const text = readFileSync(path.join(out, 'release', '08BERLIN173.txt'), 'utf8');
    expect(text).toContain(`\nRELEASE IN PART B5\n${LINE}\n`);
    const pdf = pdftotext(readFileSync(path.join(out, 'release', '08BERLIN173.pdf')));
    if (pdf !== null) {
      expect(squeeze(pdf)).toContain(squeeze(LINE));
      expect(pdf).not.toContain('ZQDM1');
    }
    expect(text).not.toContain('ZQDM1');
    const record = JSON.parse(readFileSync(path.join(out, 'review', '08BERLIN173.audit.json'), 'utf8'));
    expect(record.declassMarking).toBe(LINE);
    const audit = await runCli(['audit', out, '--originals', dir]);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
  });

  it.each([
    ['nothing declassified yet', CABLE, '2010-12-01', 'release'],
    ['pending review (an unreadable mark)', CABLE.replace(/^(\S*1\.\s*)\(C\)/m, '$1(C0)'), '2026-12-01', 'pending'],
  ])('is absent when %s', async (_name, text, asOf, folder) => {
    const { out, code } = await release(text, asOf);
    expect(code).toBe(0);
    const released = readFileSync(path.join(out, folder, '08BERLIN173.txt'), 'utf8');
    expect(released).not.toMatch(/DECLASSIFIED ON|REVIEWED AS OF/);
    const pdf = pdftotext(readFileSync(path.join(out, folder, '08BERLIN173.pdf')));
    if (pdf !== null) expect(pdf).not.toMatch(/DECLASSIFIED ON|REVIEWED AS OF/);
    const record = JSON.parse(readFileSync(path.join(out, 'review', '08BERLIN173.audit.json'), 'utf8'));
    expect(record.declassMarking).toBeUndefined();
  });

  it.skipIf(!CHROMIUM || !hasPdftotext())('ends the page stamp of a PDF input, and is the line under the stamp of its release text; the audit passes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-dm-pdf-'));
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'memo.html'), MEMO_HTML);
    const print = spawnSync(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${path.join(dir, 'in', 'memo.pdf')}`, `file://${path.join(dir, 'memo.html')}`], { stdio: 'ignore', timeout: 60_000 });
    expect(print.status).toBe(0);
    const out = path.join(dir, 'out');
    const run = await runCli(['release', path.join(dir, 'in'), '--profile', 'public', '--out', out, '--as-of', '2026-12-01', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const line = 'DECLASSIFIED ON 2012-01-01 BY ITS DECLASSIFICATION INSTRUCTION (Declassify On: 20120101); REVIEWED AS OF 2026-12-01';
    expect(readFileSync(path.join(out, 'release', 'memo.txt'), 'utf8')).toContain(`\nRELEASE IN FULL\n${line}\n`);
    expect(squeeze(pdftotext(readFileSync(path.join(out, 'release', 'memo.pdf')))!)).toContain(`UNCLASSIFIED - RELEASE IN FULL - ${line}`);
    const audit = await runCli(['audit', out, '--originals', path.join(dir, 'in')]);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
  });
});
