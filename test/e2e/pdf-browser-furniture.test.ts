/**
 * A marked memo printed by headless Chromium with its default header and footer: the print stamp
 * (`12/5/26, 12:15 PM`) and the page title at each page's top, the page's address and its count
 * (`1/2`) at the bottom. The stamp and the count were unmarked paragraphs, withheld under B1 and
 * reader errors; they are page furniture now, kept as written. The title and the address are the
 * producer's words about the document (the address's path, the title, can name anything): they stay
 * unmarked text, withheld in a classified memo. Skipped, with a notice, without Chromium or poppler.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/hash.js';
import { releaseDocument, withheldTexts } from '../../src/release/index.js';
import { readPdfInput } from '../../src/release/pdf.js';
import { loadProfile } from '../../src/rules/load.js';
import { findLeaks } from '../helpers/leak.js';
import { hasPdftotext, pdftotext } from '../helpers/pdf-text.js';

const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0) ?? null;
const poppler = hasPdftotext();
if (!CHROMIUM) console.log('skipped: Chromium is not installed (apt-get install chromium); the browser print furniture test needs it');
if (!poppler) console.log('skipped: pdftotext (poppler-utils) is not installed; the browser print furniture test needs it');

const HTML = `<html><head><title>Falcon Tasking Notes</title></head><body style="font-family:serif">
<p style="text-align:center">SECRET//NOFORN</p>
<p>MEMORANDUM FOR THE RECORD</p>
<p>SUBJECT: (U) Collection Priorities</p>
<p>1. (U) The quarterly review of the program will take place in the main conference room.</p>
<p>2. (S//NF) The test article zulu reached its design altitude during the third flight window.</p>
<div style="page-break-before:always"></div>
<p>3. (S//NF) Range support yankee was provided by the western test wing with two chase aircraft.</p>
<p>Classified By: Jane Doe, Program Security Officer<br>Reason: 1.4(a)<br>Declassify On: 20401231</p>
<p style="text-align:center">SECRET//NOFORN</p>
</body></html>`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'declass-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!CHROMIUM || !poppler)('a memo printed by Chromium with its header and footer', () => {
  it('reads the print stamp and the page count as furniture; the title and address stay withheld text; nothing withheld leaks', async () => {
    writeFileSync(path.join(dir, 'memo.html'), HTML);
    const out = path.join(dir, 'memo.pdf');
    const run = spawnSync(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${out}`, `file://${path.join(dir, 'memo.html')}`], { stdio: 'ignore', timeout: 60_000 });
    expect(run.status).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    const read = await readPdfInput(bytes);
    if (!read.ok) throw new Error(read.message);
    const doc = read.doc;
    const src = doc.source;
    const kept = (doc.boilerplate ?? []).map((s) => src.slice(s.start, s.end));
    expect(kept.filter((k) => /^\d+\/\d+$/.test(k))).toEqual(['1/2', '2/2']);
    expect(kept.filter((k) => /^\d{1,2}\/\d{1,2}\/\d{2,4}, \d{1,2}:\d{2} [AP]M$/.test(k)).length).toBe(2);
    // No portion is a page count or a print stamp.
    for (const p of doc.portions) expect(src.slice(p.span.start, p.span.end)).not.toMatch(/^(?:\d+\/\d+|\d{1,2}\/\d{1,2}\/\d{2,4}, .*[AP]M)$/);
    const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
    const result = await releaseDocument({ doc, reader: read.reader, profile, asOf: '2026-12-05', stem: 'memo', input: { path: 'memo.pdf', sha256: sha256Hex(bytes) }, pdf: { bytes, layout: read.layout } });
    const text = pdftotext(result.files.find((f) => f.kind === 'pdf')!.bytes)!;
    expect(text).toContain('quarterly review');
    expect(text).not.toMatch(/zulu|yankee|Falcon|memo\.html/);
    expect(findLeaks(withheldTexts(result.plan), text)).toEqual([]);
  });
});
