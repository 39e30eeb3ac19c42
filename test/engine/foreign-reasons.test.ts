/**
 * Foreign government information is E.O. 13526 §1.4(b) (probe 60a F5): a portion classified by a
 * foreign government (`(//GBR S//REL TO USA, GBR)`, `(//DEU C)`) or by NATO (`(//NS)`, `(NC)`)
 * is withheld citing 1.4(b), not the US classifier's Reason line (it cited 1.4(c)); a US portion
 * that holds FGI (`(S//FGI DEU//NF)`) cites 1.4(b) beside the document's reasons. And a document
 * given to NATO is not bannered NOFORN for its NATO portions (probe 60a F4).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { portionReasons } from '../../src/engine/authority.js';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { releasedTexts } from '../helpers/released-texts.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

const release = (text: string, id: string) =>
  releaseDocument({ doc: readDocument(text, { format: 'document' }).doc, profile: profile(id), asOf: '2026-12-01', stem: 'DOC', input: { path: 'DOC.txt', sha256: '0'.repeat(64) }, formats: ['text', 'pdf'] });

const memo = (banner: string, body: string, reason = '1.4(c)') =>
  `${banner}\n\nSUBJECT: (U) Partner Reporting UQsubj\n\n${body}\n\nClassified By: Analyst 7\nReason: ${reason}\nDeclassify On: 20350101\n\n${banner}\n`;

describe('portionReasons', () => {
  it.each<[string[], ReturnType<typeof import('../../src/markings/index.js').foreignInformation>, string[]]>([
    [['1.4(c)'], null, ['1.4(c)']],
    [['1.4(c)'], 'nato', ['1.4(b)']],
    [['1.4(c)'], 'foreign', ['1.4(b)']],
    [['1.4(c)', '1.4(d)'], 'us-with-fgi', ['1.4(b)', '1.4(c)', '1.4(d)']],
    [['1.4(b)'], 'us-with-fgi', ['1.4(b)']],
    [[], 'foreign', ['1.4(b)']],
    [[], 'us-with-fgi', ['1.4(b)']],
    [['1.5(d)'], 'nato', ['1.5(b)']],
    [['1.5(d)'], 'us-with-fgi', ['1.5(b)', '1.5(d)']],
    // Past 25 years the document's §3.3 exemption is what is cited.
    [['25X6'], 'foreign', ['25X6']],
  ])('%j with %s → %j', (reasons, foreign, expected) => {
    expect(portionReasons(reasons, foreign)).toEqual(expected);
  });
});

describe('a public release of FGI and NATO portions cites 1.4(b)', () => {
  it.each([
    ['(//GBR S//REL TO USA, GBR) British reporting ZQfgigbr indicates movement.', ['B1', '1.4(B)']],
    ['(//DEU C) German reporting ZQfgideu here.', ['B1', '1.4(B)']],
    ['(//NS) NATO text ZQfgins here.', ['B1', '1.4(B)']],
    ['(NC) NATO text ZQfginc here.', ['B1', '1.4(B)']],
    ['(S//FGI DEU//NF) Shared text ZQfgius here.', ['B1', '1.4(B)', '1.4(C)']],
    ['(S//NF) US text ZQus here.', ['B1', '1.4(C)']],
  ])('%s → %j', async (portion, authority) => {
    const text = memo('SECRET//FGI DEU GBR//NOFORN', `1. (U) Intro UQintro here.\n\n2. ${portion}`);
    const result = await release(text, 'public');
    const d = result.plan.decisions.find((x) => x.portionId === 'p2')!;
    expect(d.authority).toEqual(authority);
    const { text: released, pdf } = await releasedTexts(result);
    const marker = /ZQ\w+/.exec(portion)![0];
    expect(released).not.toContain(marker);
    expect(pdf).not.toContain(marker);
    // The stamp and the placeholder carry the portion's reasons.
    expect(released).toContain(authority.slice(1).join(', '));
    expect(pdf.replace(/\s+/g, ' ')).toContain(authority.slice(1).join(', '));
  });
});

describe('a document released to NATO is not bannered NOFORN for its NATO portions', () => {
  it('(S//REL TO USA, NATO) and (//NS) → SECRET//NATO//REL TO USA, NATO, text and PDF', async () => {
    const text = memo('SECRET//REL TO USA, NATO', '1. (S//REL TO USA, NATO) Force ZQa.\n\n2. (//NS) NATO text ZQb.\n\n3. (S//NF) US only ZQnf.', '1.4(a)');
    const result = await release(text, 'nato');
    expect(result.plan.releaseBanner).toBe('SECRET//NATO//REL TO USA, NATO');
    const { text: released, pdf } = await releasedTexts(result);
    expect(released).toContain('ZQa');
    expect(released).toContain('ZQb');
    expect(released).not.toContain('ZQnf');
    // NOFORN is said only as the authority of the withheld (S//NF) portion, never in a banner.
    expect(released.split('\n').filter((l) => /^SECRET\/\//.test(l.trim()) && /NOFORN/.test(l))).toEqual([]);
    expect(released.split('\n').filter((l) => l.trim() === 'SECRET//NATO//REL TO USA, NATO')).toHaveLength(2);
    expect(pdf).toContain('SECRET//NATO//REL TO USA, NATO');
    expect(pdf).not.toContain('SECRET//NATO//NOFORN');
  });
});
