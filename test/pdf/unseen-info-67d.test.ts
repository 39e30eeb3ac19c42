/**
 * Probe 67a, F2–F4. Text no reader of the page sees (render mode 3, white, under 1 pt) is read and
 * decided as its portion is: released or withheld without a word (F2); a warning names the page,
 * where, and why now, in the record and on the console, with `--formats text` too. The document
 * properties (Info: Title, Author, Subject, Keywords) the release drops are named in the
 * `pdf-content-unread` warning, never their values (F3). A release PDF whose self-check fails
 * names the page and the words it lost (F4).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdftotext } from '../helpers/pdf-text.js';
import { consoleWarnings } from '../../src/batch/console-warnings.js';
import { resolveProfile, runReleaseBatch } from '../../src/index.js';
import type { Diagnostic } from '../../src/types.js';
import { TestPdf } from './helpers/make.js';
import { releaseMemoPdf } from './helpers/release-memo.js';

const esc = (s: string): string => s.replace(/[()\\]/g, '\\$&');
const L = (y: number, t: string, f = '/F1 11 Tf'): string => `BT ${f} 72 ${y} Td (${esc(t)}) Tj ET`;
const HEAD = [L(760, 'SECRET//NOFORN'), L(716, 'Classified By: J. Smith, Director'), L(702, 'Reason: 1.4(c)'), L(688, 'Declassify On: 20451231')];
const U = (n: string): string => `(U) UQ${n} This released paragraph stays readable.`;
const S = (n: string): string => `(S//NF) ZQ${n} This withheld paragraph names a source.`;

async function page(lines: string[], info?: Record<string, string>): Promise<Uint8Array> {
  const t = await TestPdf.create();
  t.page([...HEAD, ...lines, L(40, 'SECRET//NOFORN')].join('\n'));
  if (info) t.info(info);
  return t.save();
}

interface Record67 {
  diagnostics: Diagnostic[];
}
const record = (out: string): Record67 => JSON.parse(readFileSync(path.join(out, 'review', 'memo.audit.json'), 'utf8')) as Record67;

const UNSEEN: { name: string; lines: string[]; why: RegExp }[] = [
  { name: 'invisible (U) text over a released line', lines: [L(650, U('07b')), `BT 3 Tr /F1 11 Tf 72 650 Td (${esc('(U) UQ07b ZQ07bi hidden words under the released')}) Tj ET`, L(620, S('07b')), L(590, U('07bb'))], why: /render mode 3/ },
  { name: 'a white (S//NF) paragraph', lines: [L(650, U('10a')), `1 g ${L(620, S('10a'))} 0 g`, L(590, U('10ab'))], why: /white/ },
  { name: 'a 0.1 pt (S//NF) paragraph', lines: [L(650, U('10c')), L(620, S('10c'), '/F1 0.1 Tf'), L(590, U('10cb'))], why: /under 1 pt/ },
];

describe.each(UNSEEN)('$name', (c) => {
  it('is named in a warning (page, place, cause) in the record and on the console; withheld words stay out', async () => {
    const { out, text, pdf } = await releaseMemoPdf(await page(c.lines));
    const warnings = record(out).diagnostics.filter((d) => d.code === 'pdf-unseen-text');
    expect(warnings.map((d) => d.message)).toEqual([expect.stringMatching(/^page 1: \d+ glyph\(s\) of text at \[[-\d ]+\] are not visible on the page \(/)]);
    expect(warnings[0]!.message).toMatch(c.why);
    expect(warnings[0]!.message).not.toMatch(/ZQ|UQ/);
    expect(consoleWarnings(record(out).diagnostics).some((w) => w.endsWith('[pdf-unseen-text]'))).toBe(true);
    if (!c.name.startsWith('invisible (U)')) {
      expect(text).not.toMatch(/ZQ/);
      expect(pdftotext(pdf!) ?? '').not.toMatch(/ZQ/);
    }
  });
});

describe('visible text only', () => {
  it('gets no pdf-unseen-text warning', async () => {
    const { out } = await releaseMemoPdf(await page([L(650, U('1')), L(620, S('1')), L(590, U('2'))]));
    expect(record(out).diagnostics.filter((d) => d.code === 'pdf-unseen-text')).toEqual([]);
  });
});

describe('document properties (Info)', () => {
  it('are named in the pdf-content-unread warning, their values nowhere in release/ or the warning', async () => {
    const { out, pdf, text } = await releaseMemoPdf(await page([L(650, U('27')), L(620, S('27')), L(590, U('27b'))], { Title: 'ZQ27t source name in the title', Subject: '(U) UQ27s subject', Producer: 'pdf-lib' }));
    const unread = record(out).diagnostics.filter((d) => d.code === 'pdf-content-unread').map((d) => d.message);
    expect(unread).toEqual([expect.stringMatching(/^document properties \(Title, Subject\) removed unread/)]);
    expect(unread.join('')).not.toMatch(/ZQ|UQ27s/);
    expect(text).not.toMatch(/ZQ/);
    expect(Buffer.from(pdf!).toString('latin1')).not.toMatch(/ZQ27t|UQ27s/);
  });
});

describe('a 0.1 pt withheld piece among the words of a released line', () => {
  it('fails the self-check naming the page, the lost words and the unseen text as the likely cause (never withheld words)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-67d-'));
    const file = path.join(dir, 'memo.pdf');
    writeFileSync(file, await page([L(650, U('10a')), 'BT /F1 0.1 Tf 300 650 Td (ZQ10ah tiny) Tj ET', L(620, S('10a')), L(590, U('10ab'))]));
    const errors: string[] = [];
    const { summary } = await runReleaseBatch(
      {
        files: [file], out: path.join(dir, 'out'), profile: await resolveProfile('public'), profileRef: 'public', overrides: null, overridesFile: null, asOf: '2026-12-01', formats: ['text', 'pdf'], pageSize: 'letter',
        force: false, jobs: 1, maxInputBytes: 1024 * 1024, crossCheck: true, cwd: process.cwd(),
      },
      { onOutcome: (o) => (o.result.status === 'failed' ? errors.push(o.result.message) : undefined) },
    );
    expect(summary.failed).toBe(1);
    expect(errors).toEqual([expect.stringMatching(/self-check of the release PDF failed: only [\d.]+% of the released words still readable \(page 1 lost \d+ word\(s\): "[a-z]+".* \(likely cause: text no reader sees at \[[-\d ]+\], drawn under 1 pt high/)]);
    expect(errors[0]).not.toMatch(/zq10ah|ZQ/i);
  });
});
