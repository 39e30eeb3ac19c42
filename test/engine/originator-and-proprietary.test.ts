/**
 * Found by a probe. Proprietary information: `(S//PROPIN)` in a memo whose date had passed was
 * released as declassified, while `(U//PROPIN)` was held (by the default rule): exemption (b)(4)
 * may protect it whatever its classification, so it is held for FOIA review in both cases, by a
 * rule that says why. A reader cleared to SECRET: NATO classified (`(//NS)`, `(NC)`) and
 * originator-controlled (`(S//NODIS)`, `(C//EXDIS)`, `(S//ORCON)`, `(S//LIMDIS)`) portions were
 * released by `up-to-secret`; a NATO briefing and the originator's distribution are beyond the
 * clearance.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

const memo = (body: readonly string[], banner = 'SECRET') =>
  [banner, '', 'SUBJECT: (U) Status', 'DATE: 15 March 2005', '', '(U) Opening paragraph.', '', ...body.flatMap((b) => [b, '']), 'Classified By: J. Smith, Chief', 'Reason: 1.4(b)', 'Declassify On: 20100101', '', banner, ''].join('\n');

async function decisions(text: string, id: string, asOf: string) {
  const doc = readDocument(text, { format: 'document' }).doc;
  const result = await releaseDocument({ doc, profile: profile(id), asOf, stem: 'T', input: { path: 'T.txt', sha256: '0'.repeat(64) }, formats: ['text'] });
  const at = (word: string) => result.plan.decisions.find((d) => text.slice(d.span.start, d.span.end).includes(word))!;
  return { result, at };
}

describe('proprietary information is held for FOIA review, classified or not, declassified or not', () => {
  const text = memo(['(S//PROPIN) The ALPHAPROP vendor process uses a catalyst.', '(S//PR) The BRAVOPROP process too.', '(U//PROPIN) The CHARLIEPROP price list.']);
  it.each(['public', 'public-pii', 'foia-intel'])('%s, after the date passed: pending review, not B1, not released', async (id) => {
    const { result, at } = await decisions(text, id, '2012-01-01');
    expect(at('ALPHAPROP').ruleId).toBe(`${id}/proprietary-declassified-pending-review`);
    expect(at('BRAVOPROP').ruleId).toBe(`${id}/proprietary-declassified-pending-review`);
    expect(at('CHARLIEPROP').ruleId).toBe(`${id}/proprietary-pending-review`);
    for (const w of ['ALPHAPROP', 'BRAVOPROP', 'CHARLIEPROP']) expect(at(w).authority).toEqual(['PROPIN - PENDING FOIA REVIEW']);
    expect(result.releaseText).not.toMatch(/ALPHAPROP|BRAVOPROP|CHARLIEPROP/);
    expect(result.releaseText).toContain('Opening paragraph.');
  });

  it('public, while classified: B1 on the classified PROPIN portion', async () => {
    const { at } = await decisions(text.replace('20100101', '20400101'), 'public', '2012-01-01');
    expect(at('ALPHAPROP').authority[0]).toBe('B1');
  });
});

describe('us-secret: NATO classified and originator-controlled portions are withheld', () => {
  const text = memo(['(//NS) The DELTANATO plan.', '(S//NODIS) The ECHONODIS cable.', '(C//EXDIS) The FOXEXDIS note.', '(S//ORCON) The GOLFORCON report.', '(S//LIMDIS) The HOTELLIMDIS list.', '(S) The INDIASECRET item.']);
  it('while classified', async () => {
    const { result, at } = await decisions(text.replace('20100101', '20400101'), 'us-secret', '2012-01-01');
    expect(at('DELTANATO').ruleId).toBe('us-secret/nato-classified');
    for (const w of ['ECHONODIS', 'FOXEXDIS', 'GOLFORCON', 'HOTELLIMDIS']) expect(at(w).ruleId).toBe('us-secret/originator-controlled');
    expect(at('INDIASECRET').ruleId).toBe('us-secret/up-to-secret');
    expect(result.releaseText).not.toMatch(/DELTANATO|ECHONODIS|FOXEXDIS|GOLFORCON|HOTELLIMDIS/);
    expect(result.releaseText).toContain('INDIASECRET');
  });

  it('unmarked text of an EXDIS document is withheld while it is classified', async () => {
    const { at } = await decisions(memo(['The JULIETT text carries no mark.', '(S) The INDIASECRET item.'], 'SECRET//EXDIS').replace('20100101', '20400101'), 'us-secret', '2012-01-01');
    expect(at('JULIETT').ruleId).toBe('us-secret/unmarked-in-classified');
    expect(at('JULIETT').action).toBe('withhold');
  });

  it('once declassified, the dissemination controls lapse with the classification (NATO aside)', async () => {
    const { at } = await decisions(text, 'us-secret', '2012-01-01');
    for (const w of ['ECHONODIS', 'FOXEXDIS', 'GOLFORCON', 'HOTELLIMDIS']) expect(at(w).ruleId).toBe('us-secret/declassified');
    expect(at('DELTANATO').ruleId).toBe('us-secret/nato-classified');
  });
});

describe("a cable's caption covers every paragraph of the telegram (found by a probe)", () => {
  // `NODIS` under the banner is State's caption for the whole telegram: a reader cleared to SECRET
  // was given the (S) paragraph of a NODIS cable (its own mark says (S) alone), and a foreign
  // partner the (S//REL TO …) paragraph of a NOFORN one.
  const cable = (banner: string, caption: string | null, mark = '(S)') =>
    [
      'O 131627Z FEB 08',
      'FM SECSTATE WASHDC',
      'TO AMEMBASSY BERLIN IMMEDIATE 0424',
      '',
      banner,
      '',
      ...(caption === null ? [] : [caption, '']),
      'E.O. 12958: DECL: 02/13/2018',
      'TAGS: PREL GM',
      'SUBJECT: (U) OSLO PROCESS',
      '',
      'Classified By: EUR A/S DAN FRIED. REASONS: 1.4 (B) AND (D).',
      '',
      `1. ${mark} KILOCAPTION secret text for the Ambassador only.`,
      '',
      '2. (U) LIMAOPEN public text.',
      '',
      'RICE',
      '',
    ].join('\n');
  const decide = async (text: string, id: string, asOf = '2010-12-01') => {
    const doc = readDocument(text).doc;
    const result = await releaseDocument({ doc, profile: profile(id), asOf, stem: 'T', input: { path: 'T.txt', sha256: '0'.repeat(64) }, formats: ['text'] });
    return { result, at: (word: string) => result.plan.decisions.find((d) => text.slice(d.span.start, d.span.end).includes(word))! };
  };

  it.each([
    ['S E C R E T STATE 012345', 'NODIS'],
    ['S E C R E T STATE 012345', 'EXDIS'],
    ['S E C R E T STATE 012345', 'LIMDIS'],
    ['S E C R E T STATE 012345', 'NODIS CHEROKEE'],
    ['S E C R E T STATE 012345 NODIS', null],
    ['S E C R E T EXDIS STATE 012345', null],
  ])('us-secret: %s / %s: the (S) paragraph is held for the originator, the (U) one released', async (banner, caption) => {
    const { result, at } = await decide(cable(banner, caption), 'us-secret');
    expect(at('KILOCAPTION').ruleId).toBe('us-secret/originator-controlled-caption');
    expect(result.releaseText).not.toContain('KILOCAPTION');
    expect(at('LIMAOPEN').action).toBe('release');
  });

  it.each(['fvey', 'nato'])('%s: a REL TO paragraph under a NODIS or EXDIS caption is withheld as originator controlled (probe 67b F3); under a NOFORN caption (a roll-up) its mark decides', async (id) => {
    for (const caption of ['NODIS', 'EXDIS']) {
      const { result, at } = await decide(cable('S E C R E T STATE 012345', caption, '(S//REL TO USA, FVEY, NATO)'), id);
      expect(at('KILOCAPTION').ruleId).toBe(`${id}/originator-controlled-caption`);
      expect(at('KILOCAPTION').authority).toEqual(['ORIGINATOR CONTROLLED - PENDING REVIEW']);
      expect(result.releaseText).not.toContain('KILOCAPTION');
    }
    const { at } = await decide(cable('S E C R E T STATE 012345', 'NOFORN', '(S//REL TO USA, FVEY, NATO)'), id);
    expect(at('KILOCAPTION').action).toBe('release');
  });

  it('without a caption the (S) paragraph is within a SECRET clearance; once declassified the caption lapses', async () => {
    expect((await decide(cable('S E C R E T STATE 012345', null), 'us-secret')).at('KILOCAPTION').ruleId).toBe('us-secret/up-to-secret');
    expect((await decide(cable('S E C R E T STATE 012345', 'NODIS'), 'us-secret', '2019-01-01')).at('KILOCAPTION').ruleId).toBe('us-secret/declassified');
  });

  it("a memo's banner only rolls its portions up: an (S) paragraph under SECRET//ORCON is not ORCON", async () => {
    const { at } = await decisions(memo(['(S//OC) The MIKEORCON report.', '(S) The NOVEMBERPLAIN item.'], 'SECRET//ORCON').replace('20100101', '20400101'), 'us-secret', '2012-01-01');
    expect(at('MIKEORCON').ruleId).toBe('us-secret/originator-controlled');
    expect(at('NOVEMBERPLAIN').ruleId).toBe('us-secret/up-to-secret');
  });
});
