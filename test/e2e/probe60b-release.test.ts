/**
 * Probe 60b's findings, released through the CLI: what is withheld is in no file of release/ or
 * pending/ (text, PDF read back by pdfjs), and what is now released is there.
 * - F4: us-secret withholds every unmarked portion of a CONFIDENTIAL or SECRET cable from its
 *   SECRET-cleared reader. Kept, as a decision (stop 60, as a85bcab in stop 58): the mission
 *   names an unmarked paragraph in a classified document among what is withheld and reported;
 *   a banner bounds the document's level, not which of its paragraphs were left unmarked by
 *   mistake or hold another agency's information. The released marked text is there.
 * - F7: public-pii left `mobile 05321234567` (figures run together after a telephone word).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { extractPdfText } from '../helpers/pdf-text.js';
import { handedOutText } from '../helpers/released-texts.js';

/** A cable bannered `banner` (with caveat lines `caption`) whose subject, summary and signature are unmarked. */
function cable(banner: string, caption: string[], paragraphs: string[]): string {
  return [
    'VZCZCXYZ0000',
    'PP RUEHWEB',
    '',
    'DE RUEHAK #9950 0011200',
    'ZNY CCCCC ZZH',
    'P 011200Z JUN 06',
    'FM AMEMBASSY ANKARA',
    'TO RUEHC/SECSTATE WASHDC PRIORITY 6115',
    '',
    `${banner} ANKARA 009950`,
    '',
    ...caption,
    'SIPDIS',
    '',
    'E.O. 12958: DECL: 06/01/2031',
    'TAGS: PREL PGOV TU',
    'SUBJECT: ZQSUBJECT UNMARKED SUBJECT LINE',
    '',
    'Classified By: Ambassador X per 1.4 (b) and (d)',
    '',
    'ZQSUMMARY the summary carries no mark of its own.',
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    'ZQSIGNER',
    '',
  ].join('\n');
}

const releaseText = handedOutText;

async function release(text: string, profile: string, asOf: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-p60b-in-'));
  writeFileSync(path.join(dir, 'cable.txt'), text);
  const out = mkdtempSync(path.join(tmpdir(), 'declass-p60b-out-'));
  const run = await runCli(['release', dir, '--profile', profile, '--out', out, '--as-of', asOf, '--formats', 'text,pdf', '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  return releaseText(out);
}

const UNMARKED = ['ZQSUBJECT', 'ZQSUMMARY', 'ZQSIGNER'];

describe('probe 60b F4: us-secret and the unmarked text of a classified cable', () => {
  it.each([
    ['SECRET, NOFORN caption, (S) and (C) paragraphs', 'S E C R E T', ['NOFORN'], ['1. (S) ZQSECRETP secret paragraph.', '2. (C) ZQCONFP confidential paragraph.']],
    ['CONFIDENTIAL, SENSITIVE caption, (C) and (U) paragraphs', 'C O N F I D E N T I A L', ['SENSITIVE'], ['1. (C) ZQCONFP confidential paragraph.', '2. (U) ZQUNCLP unclassified paragraph.']],
  ])('%s: the marked paragraphs are released, the unmarked subject, summary and signature withheld and said to be', async (_name, banner, caption, paragraphs) => {
    const released = await release(cable(banner, caption, paragraphs), 'us-secret', '2008-06-01');
    expect(released).toContain('ZQCONFP');
    for (const w of UNMARKED) expect(released).not.toContain(w);
    expect(released).toContain('UNMARKED - LEVEL UNKNOWN');
  });

  it.each([
    ['a NODIS caption', 'S E C R E T', ['NODIS'], ['1. (S) ZQHELD secret paragraph.']],
    ['a TOP SECRET banner', 'T O P S E C R E T', [], ['1. (S) ZQSECRETP secret paragraph.']],
    ['a portion above the banner', 'C O N F I D E N T I A L', [], ['1. (S) ZQSECRETP secret paragraph, released: the reader is cleared to SECRET.', '2. (C) ZQCONFP confidential paragraph.']],
    ['an UNCLASSIFIED banner over a classified paragraph', 'UNCLAS', [], ['1. (S) ZQSECRETP secret paragraph.', '2. (U) ZQUNCLP unclassified paragraph.']],
    ['a portion whose mark is not understood', 'S E C R E T', [], ['1. (S/ /NF) ZQHELD odd mark.', '2. (C) ZQCONFP confidential paragraph.']],
    ['an ORCON portion under a banner without ORCON', 'S E C R E T', [], ['1. (S//OC) ZQHELD originator controlled.', '2. (C) ZQCONFP confidential paragraph.']],
  ])('%s: the unmarked text stays withheld', async (_name, banner, caption, paragraphs) => {
    const released = await release(cable(banner, caption, paragraphs), 'us-secret', '2008-06-01');
    for (const w of [...UNMARKED, 'ZQHELD']) expect(released).not.toContain(w);
  });

  it.each(['nato', 'fvey', 'public'])('%s: the unmarked text of a SECRET cable stays withheld', async (profile) => {
    const released = await release(cable('S E C R E T', ['NOFORN'], ['1. (S) ZQSECRETP secret paragraph.', '2. (U) ZQUNCLP unclassified paragraph.']), profile, '2008-06-01');
    for (const w of [...UNMARKED, 'ZQSECRETP']) expect(released).not.toContain(w);
  });
});

describe('probe 60b F7: public-pii and figures run together after a telephone word', () => {
  it('mobile 05321234567 is redacted in the release text and PDF; a cable reference is not', async () => {
    const text = cable('UNCLAS', [], ['1. (U) ZQKEPT Tel: 90-312-455-5557; mobile 05321234567; fax no. 903124555558; see REF 04ANKARA9941.']).replace('DECL: 06/01/2031', 'N/A');
    const released = await release(text, 'public-pii', '2026-12-01');
    expect(released).toContain('ZQKEPT');
    expect(released).toContain('04ANKARA9941');
    for (const w of ['05321234567', '903124555558', '455-5557']) expect(released).not.toContain(w);
  });
});

describe('probe 60b F6: the review PDF is marked at the roll-up of what it shows', () => {
  it('an UNCLAS cable printing an (S//NF) paragraph: SECRET//NOFORN on the review copy, never UNCLASSIFIED', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'declass-p60b-in-'));
    const text = cable('UNCLAS', [], ['1. (U) ZQKEPT open paragraph.', '2. (S//NF) ZQSECRETP secret paragraph.']).replace('DECL: 06/01/2031', 'N/A');
    writeFileSync(path.join(dir, 'cable.txt'), text);
    const out = mkdtempSync(path.join(tmpdir(), 'declass-p60b-out-'));
    const run = await runCli(['release', dir, '--profile', 'public', '--out', out, '--as-of', '2026-12-01', '--formats', 'text,pdf,review', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const review = readdirSync(path.join(out, 'review')).find((f) => f.endsWith('.pdf'))!;
    const shown = (await extractPdfText(readFileSync(path.join(out, 'review', review)))).text;
    expect(shown).toContain('ZQSECRETP');
    expect(shown).toContain('SECRET//NOFORN \u2014 REVIEW COPY - NOT FOR RELEASE');
    expect(shown).not.toContain('UNCLASSIFIED \u2014 REVIEW COPY');
    // The release itself holds none of the (S//NF) text.
    expect(await releaseText(out)).not.toContain('ZQSECRETP');
  });
});
