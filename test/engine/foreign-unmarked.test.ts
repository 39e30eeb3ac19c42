/**
 * Unmarked text of a document whose banner says it holds NATO or foreign government information
 * (probe 12, F4): once the US declassification date passed it was released as "unmarked in a
 * declassified document" in every profile, while a portion marked (//NS) or (//GBR S) in the same
 * document is held (the US date does not declassify NATO or FGI information). Unmarked, it may be
 * such information: held too, by the profile's authority.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

const memo = (banner: string) =>
  `${banner}\n\nSUBJECT: (U) Review\nDATE: 12 March 2004\n\n(U) Cover para.\n\nFOREIGNLEAK The source reported from the capital yesterday morning.\n\nClassified By: J. Smith, Chief\nDerived From: Multiple Sources\nDeclassify On: 20101231\n\n${banner}\n`;

const AUTHORITY: Record<string, string> = {
  public: 'FGI - PENDING REVIEW',
  'public-pii': 'FGI - PENDING REVIEW',
  'foia-intel': 'FGI - PENDING REVIEW',
  'us-secret': 'FGI - PENDING REVIEW',
  fvey: 'NOFORN',
  nato: 'NOFORN',
};

describe('unmarked text of a NATO or foreign government document after the US date', () => {
  const cases = ['NATO SECRET', '//GBR SECRET', 'SECRET//FGI GBR', '//JOINT SECRET CAN USA'].flatMap((banner) => Object.keys(AUTHORITY).map((id) => [banner, id] as const));
  it.each(cases)('%s under %s: withheld by unmarked-in-foreign-document', (banner, id) => {
    const doc = readDocument(memo(banner), { format: 'document' }).doc;
    const plan = planRelease(doc, profile(id), { asOf: '2026-12-01', stem: 'M' });
    const unmarked = doc.portions.find((p) => p.markingSource === 'unmarked' && doc.source.slice(p.span.start, p.span.end).includes('FOREIGNLEAK'))!;
    const d = plan.plan.decisions.find((x) => x.portionId === unmarked.id)!;
    expect(`${d.action} ${d.authority.join(', ')} [${d.ruleId}]`).toBe(`withhold ${AUTHORITY[id]} [${id}/unmarked-in-foreign-document]`);
    expect(plan.releaseText).not.toContain('FOREIGNLEAK');
  });

  // Foreign information only in a portion of a US-bannered memo, or under a banner not understood
  // (probe 13a, F5, F6): the document holds it all the same.
  const portionCases = [
    ['SECRET//NOFORN', '(//GBR S) The partner said so.'],
    ['SECRET//NOFORN', '(//NS) The committee said so.'],
    ['SECRET//NOFORN', '(S//FGI GBR) The partner said so.'],
    ['//DEU GEHEIM', '(//DEU S) The partner said so.'],
    ['//NS', '(//NS) The committee said so.'],
  ].flatMap(([banner, portion]) => ['us-secret', 'fvey', 'nato'].map((id) => [banner!, portion!, id] as const));
  it.each(portionCases)('%s with %s under %s: the unmarked text is held', (banner, portion, id) => {
    const text = memo(banner).replace('(U) Cover para.', `(U) Cover para.\n\n${portion}`);
    const plan = planRelease(readDocument(text, { format: 'document' }).doc, profile(id), { asOf: '2026-12-01', stem: 'M' });
    expect(plan.releaseText).not.toContain('FOREIGNLEAK');
  });

  it('a US document declassified by its date still releases its unmarked text', () => {
    const doc = readDocument(memo('SECRET//NOFORN'), { format: 'document' }).doc;
    const plan = planRelease(doc, profile('public'), { asOf: '2026-12-01', stem: 'M' });
    expect(plan.releaseText).toContain('FOREIGNLEAK');
  });
});
