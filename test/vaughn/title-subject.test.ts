/**
 * Probe 64a F6 (fix65b): a document without a SUBJECT line (a SIDtoday PDF, a titled memo) gives
 * the index its title as Subject, only when the title is released in full in this release; a
 * withheld title reads `[title withheld]` and its words are nowhere in release/ (index.csv,
 * index.json, pdftotext of index.pdf, the release texts and PDFs). Made through the CLI from PDFs
 * pdf-lib wrote (test/helpers/producers.ts) and from the same texts as .txt documents.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBin, tmp } from '../helpers/bin.js';
import { pdftotext } from '../helpers/pdf-text.js';
import { PRODUCERS } from '../helpers/producers.js';

const memo = (title: string) =>
  `SECRET//NOFORN\n\n${title}\n\nFROM: Chief, Division\nRun Date: 07/23/2003\n\n(S) The source ZQ1 reported the plan in detail.\n\n(U) Public paragraph UQA here.\n\nDECLASSIFY ON: 20320108\nSECRET//NOFORN\n`;
const RELEASED = '(U) Quarterly UQT1 Report on Gardens';
const INPUTS: Record<string, string> = {
  released: memo(RELEASED),
  withheld: memo('(S) Secret ZQT2 Project Name Here'),
  pending: memo('(U//FOUO) Internal ZQT3 Staffing Notes'),
};

interface Row {
  readonly stem: string;
  readonly subject: string | null;
}

describe('probe 64a F6: the title as the index Subject (public, 2026-12-01)', () => {
  const outs: Record<string, string> = {};
  beforeAll(async () => {
    const pdfLib = PRODUCERS.find((p) => p.name.startsWith('pdf-lib'))!;
    for (const kind of ['pdf', 'txt'] as const) {
      const dir = tmp(`title-${kind}`);
      const input = path.join(dir, 'in');
      mkdirSync(input);
      for (const [name, text] of Object.entries(INPUTS)) writeFileSync(path.join(input, `${name}.${kind}`), kind === 'pdf' ? await pdfLib.make(text) : text);
      outs[kind] = path.join(dir, 'out');
      const r = runBin(['release', input, '-p', 'public', '-o', outs[kind]!, '--as-of', '2026-12-01', '-q']);
      expect(r.code, r.stderr).toBe(0);
    }
  });

  it.each(['pdf', 'txt'])('%s: the released title is the Subject, a withheld one is not', (kind) => {
    const out = path.join(outs[kind]!, 'release');
    const rows = (JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')) as { rows: Row[] }).rows;
    const subjects = new Map(rows.map((r) => [r.stem, r.subject]));
    expect(subjects.get('released')).toBe(RELEASED);
    expect(subjects.get('withheld')).toBe('[title withheld]');
    expect(subjects.get('pending')).toBe('[title withheld]');
    expect(readFileSync(path.join(out, 'index.csv'), 'utf8')).toContain(`,${RELEASED},`);
    expect(pdftotext(readFileSync(path.join(out, 'index.pdf')))?.replace(/\s+/g, ' ')).toMatch(/UQT1/);
  });

  it.each(['pdf', 'txt'])('%s: no withheld title word anywhere in release/', (kind) => {
    const out = path.join(outs[kind]!, 'release');
    for (const name of readdirSync(out)) {
      const bytes = readFileSync(path.join(out, name));
      const text = name.endsWith('.pdf') ? pdftotext(bytes) ?? '' : bytes.toString('utf8');
      expect(text, name).not.toMatch(/ZQ/);
    }
  });
});
