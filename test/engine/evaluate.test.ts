import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits, buildEdits, sortEdits } from '../../src/engine/edits.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { parseMarkedDocument } from '../../src/parse/document/index.js';
import { InternalError } from '../../src/errors.js';
import { renderReleaseText } from '../../src/render/text/index.js';
import { loadProfile, type Profile } from '../../src/rules/load.js';
import { loadOverrides } from '../../src/rules/overrides.js';
import { readDocument } from '../../src/parse/read.js';
import { mk } from '../helpers/facts.js';
import { CONFIDENTIAL, miniCable, UNCLASSIFIED } from '../helpers/mini-cable.js';

const profile = (name: string): Profile => loadProfile(readFileSync(new URL(`../../rules/${name}.yaml`, import.meta.url), 'utf8'), `rules/${name}.yaml`);
const publicProfile = profile('public');

const cable = miniCable({
  banner: CONFIDENTIAL,
  body: [
    ['p1', mk('C'), 'Pol-mil chief delivered reftel talking points to the desk officer on February 13.'],
    ['p2', mk('U'), 'The meeting in Wellington runs from February 18 to 22.'],
    ['p3', mk('U', { raw: '(SBU)', controls: ['SBU'] }), 'Contact the desk officer at 202-647-4000 or desk@state.gov for details.'],
    ['p4', null, 'Unmarked comment text that might be classified.'],
    ['p5', 'unknown', 'Text under a mark nobody understood.'],
  ],
});

describe('evaluate with the public profile', () => {
  const plan = evaluate(cable, publicProfile, { asOf: '2010-12-01' });
  const byId = Object.fromEntries(plan.decisions.map((d) => [d.portionId, d]));

  it.each([
    ['p1', 'withhold', 'public/classified', ['B1', '1.4(B)', '1.4(D)']],
    ['p2', 'release', 'public/unclassified', []],
    ['p3', 'withhold', 'public/sbu-pending-review', ['SBU - PENDING FOIA REVIEW']],
    ['p4', 'withhold', 'public/unmarked-in-classified', ['B1', '1.4(B)', '1.4(D)']],
    // An unknown mark is pending review, never a B1 claim (issue 12).
    ['p5', 'withhold', 'public/unknown-marking', ['UNKNOWN MARKING - PENDING REVIEW']],
  ])('%s is %s by %s', (id, action, ruleId, authority) => {
    expect(byId[id]).toMatchObject({ action, ruleId, authority });
    expect(byId[id]!.reason).toMatch(/\w+.*\./);
  });

  it('stamps the release with every authority used', () => {
    expect(plan.releaseBanner).toBe('UNCLASSIFIED');
    // p3 (SBU) and p5 (unknown mark) await a reviewer: not final, so stamped pending (issue 12).
    expect(plan.stamp).toBe('PENDING REVIEW - NOT FOR RELEASE');
    expect(plan.disposition).toMatchObject({ kind: 'pending-review', authorities: ['B1', '1.4(B)', '1.4(D)', 'SBU - PENDING FOIA REVIEW', 'UNKNOWN MARKING - PENDING REVIEW'] });
  });

  it('writes placeholders that keep paragraph numbers, and nothing withheld', () => {
    const text = renderReleaseText(applyEdits(cable.source, buildEdits(plan)));
    expect(text).toContain('¶1. [WITHHELD: B1, 1.4(B), 1.4(D)]');
    expect(text).toContain('¶2. (U) The meeting in Wellington runs from February 18 to 22.');
    expect(text).toContain('¶5. [WITHHELD: UNKNOWN MARKING - PENDING REVIEW]');
    expect(text).toMatch(/^UNCLASSIFIED BERLIN 000173\nPENDING REVIEW - NOT FOR RELEASE\n/);
    for (const gone of ['Pol-mil', 'desk@state.gov', 'Unmarked comment', 'nobody understood', '(C0)']) expect(text).not.toContain(gone);
    // Header lines stay.
    expect(text).toContain('E.O. 12958: DECL: 02/13/2018');
    expect(text).toContain('Classified By: Jeff Rathke. REASONS: 1.4 (B) AND (D).');
  });
});

describe('declassification by date', () => {
  it('releases classified portions as declassified once the DECL date has passed', () => {
    const plan = evaluate(cable, publicProfile, { asOf: '2026-11-26' });
    const p1 = plan.decisions.find((d) => d.portionId === 'p1')!;
    expect(p1).toMatchObject({ action: 'release', declassified: true, ruleId: 'public/declassified' });
    // Unmarked text's classification came from the document, and lapsed with it (issue 12); an
    // unknown mark stays withheld, pending review; SBU is not classification and stays pending.
    expect(plan.decisions.find((d) => d.portionId === 'p4')).toMatchObject({ action: 'release', ruleId: 'public/unmarked-in-declassified', authority: [] });
    expect(plan.decisions.find((d) => d.portionId === 'p5')).toMatchObject({ action: 'withhold', authority: ['UNKNOWN MARKING - PENDING REVIEW'] });
    expect(plan.decisions.find((d) => d.portionId === 'p3')).toMatchObject({ action: 'withhold', ruleId: 'public/sbu-pending-review' });
    expect(plan.decisions.flatMap((d) => d.authority)).not.toContain('B1');
    const text = renderReleaseText(applyEdits(cable.source, buildEdits(plan)));
    expect(text).toContain('¶1. (DECLASSIFIED, formerly C) Pol-mil chief');
  });
  it('keeps them withheld while the date is in the future', () => {
    const plan = evaluate(cable, publicProfile, { asOf: '2018-02-12' });
    expect(plan.decisions.find((d) => d.portionId === 'p1')!.action).toBe('withhold');
  });
});

describe('other profiles', () => {
  const natoCable = miniCable({
    banner: mk('S', { raw: 'SECRET', controls: [] }),
    decl: 'DECL: 02/13/2033',
    body: [
      ['p1', mk('S', { raw: '(S//REL NATO)', relTo: ['USA', 'NATO'] }), 'Releasable to NATO partners.'],
      ['p2', mk('S', { raw: '(S//NF)', controls: ['NOFORN'] }), 'Not for foreign nationals.'],
      ['p3', mk('C'), 'Bare confidential before 2010-06-28.'],
      ['p4', mk('TS', { raw: '(TS//SI//NF)', sci: ['SI'], controls: ['NOFORN'] }), 'Top secret signals.'],
      ['p5', mk('U'), 'Unclassified.'],
    ],
  });
  it.each([
    ['nato', ['release', 'withhold', 'withhold', 'withhold', 'release'], ['nato/rel-to-nato', 'nato/noforn', 'nato/pre-2010-uncaveated', 'nato/noforn', 'nato/unclassified']],
    ['us-secret', ['release', 'release', 'release', 'withhold', 'release'], ['us-secret/up-to-secret', 'us-secret/up-to-secret', 'us-secret/up-to-secret', 'us-secret/sci', 'us-secret/up-to-secret']],
  ])('%s', (name, actions, rules) => {
    const plan = evaluate(natoCable, profile(name), { asOf: '2020-01-01' });
    expect(plan.decisions.map((d) => d.action)).toEqual(actions);
    expect(plan.decisions.map((d) => d.ruleId)).toEqual(rules);
  });
  it('rolls the nato banner up from what remains', () => {
    const plan = evaluate(natoCable, profile('nato'), { asOf: '2020-01-01' });
    expect(plan.releaseBanner).toBe('SECRET//REL TO USA, NATO');
  });
});

describe('declassification comes first in every bundled profile (issue 12)', () => {
  const declassifiedCable = miniCable({
    banner: mk('S', { raw: 'SECRET', controls: ['NOFORN'] }),
    decl: 'DECL: 02/13/2018',
    body: [
      ['p1', mk('S', { raw: '(S//NF)', controls: ['NOFORN'] }), 'Not for foreign nationals while classified.'],
      ['p2', mk('C', { raw: '(C//REL TO USA, NATO)', relTo: ['USA', 'NATO'] }), 'Releasable to NATO.'],
      ['p3', null, 'Unmarked text of the cable.'],
      ['p4', mk('U', { raw: '(SBU)', controls: ['SBU'] }), 'Sensitive but unclassified.'],
      ['p5', 'unknown', 'Under a garbled mark.'],
    ],
  });
  it.each(['public', 'public-pii', 'foia-intel', 'nato', 'fvey', 'us-secret'])('%s: classified and unmarked portions are released, NOFORN lapses; SBU and unknown marks stay withheld', (name) => {
    const plan = evaluate(declassifiedCable, profile(name), { asOf: '2026-11-26' });
    const [p1, p2, p3, p4, p5] = plan.decisions;
    expect(p1).toMatchObject({ action: 'release', declassified: true, ruleId: `${name}/declassified` });
    expect(p1!.reason).toMatch(/Its NOFORN marking lapses with the classification it qualifies/);
    expect(p2!.reason).toMatch(/Its REL TO USA, NATO marking lapses/);
    expect(p3).toMatchObject({ action: 'release', ruleId: `${name}/unmarked-in-declassified` });
    if (name !== 'us-secret') expect(p4!.action).toBe('withhold');
    expect(p5!.action).toBe('withhold');
    expect(plan.decisions.flatMap((d) => d.authority)).not.toContain('B1');
  });
  it('public: B1 only while classified; an instruction that needs review leaves portions pending, not B1', () => {
    const oadr = miniCable({ banner: CONFIDENTIAL, decl: 'DECL: OADR', originated: '1989-12-22', body: [['p1', mk('C'), 'Old text.'], ['p2', null, 'Unmarked.']] });
    const plan = evaluate(oadr, publicProfile, { asOf: '2026-11-26' });
    expect(plan.declassification.status).toBe('review');
    expect(plan.decisions.map((d) => [d.ruleId, d.authority])).toEqual([
      ['public/classified-pending-review', ['PENDING DECLASSIFICATION REVIEW']],
      ['public/unmarked-pending-review', ['PENDING DECLASSIFICATION REVIEW']],
    ]);
    const classified = evaluate(oadr, publicProfile, { asOf: '2010-12-01' });
    expect(classified.declassification.status).toBe('classified');
    expect(classified.decisions.map((d) => d.authority)).toEqual([['B1', '1.4(B)', '1.4(D)'], ['B1', '1.4(B)', '1.4(D)']]);
  });
});

describe('Controlled Unclassified Information (CUI)', () => {
  // A CUI memo as 32 CFR 2002.20 marks it: the banner CUI, portions (U) and (CUI), unmarked text.
  const memo = parseMarkedDocument('CUI\n\nSUBJECT: Status of the review\n\n1. (U) Plain text here.\n\n2. (CUI) The controlled text.\n\nUnmarked text.\n\nCUI\n');
  it('is read as an unclassified document under the control CUI', () => {
    expect(memo.banner?.marking).toMatchObject({ level: 'U', controls: ['CUI'] });
    expect(memo.portions.map((p) => p.markingSource)).toEqual(['unmarked', 'marked', 'marked', 'unmarked']);
  });
  it.each([
    ['public', 'CUI - PENDING FOIA REVIEW'],
    ['public-pii', 'CUI - PENDING FOIA REVIEW'],
    ['foia-intel', 'CUI - PENDING FOIA REVIEW'],
    ['nato', 'CUI'],
    ['fvey', 'CUI - PENDING FOREIGN DISCLOSURE REVIEW'],
  ])('%s: the (U) portion released, the CUI portion and the unmarked text withheld under %s, never B1', (name, authority) => {
    const plan = evaluate(memo, profile(name), { asOf: '2026-11-26' });
    expect(plan.decisions.map((d) => [d.action, d.authority.join()])).toEqual([
      ['withhold', authority],
      ['release', ''],
      ['withhold', authority],
      ['withhold', authority],
    ]);
  });
  it('us-secret: a U.S. reader sees it all', () => {
    expect(evaluate(memo, profile('us-secret'), { asOf: '2026-11-26' }).decisions.every((d) => d.action === 'release')).toBe(true);
  });
});

describe('classification by compilation: a classified banner above every marked portion', () => {
  const compiled = (banner: 'SECRET' | 'TOP SECRET', decl = 'DECL: 02/13/2033', second = mk('U')) =>
    miniCable({
      banner: mk(banner === 'SECRET' ? 'S' : 'TS', { raw: banner, controls: [] }),
      decl,
      body: [
        ['p1', mk('U'), 'One unclassified fact.'],
        ['p2', second, 'Another fact.'],
      ],
    });
  it.each(['public', 'public-pii', 'foia-intel', 'nato', 'fvey'])('%s: the (U) portions are held for review while classified, released once declassified', (name) => {
    const plan = evaluate(compiled('SECRET'), profile(name), { asOf: '2026-11-26' });
    expect(plan.decisions.map((d) => [d.action, d.ruleId, d.authority.join()])).toEqual([
      ['withhold', `${name}/compilation-pending-review`, 'COMPILATION - PENDING REVIEW'],
      ['withhold', `${name}/compilation-pending-review`, 'COMPILATION - PENDING REVIEW'],
    ]);
    expect(plan.disposition.pending.map((p) => p.reason)).toEqual(['classification by compilation', 'classification by compilation']);
    // Declassified, the compilation's classification lapses too; a portion at the banner's level explains it.
    expect(evaluate(compiled('SECRET', 'DECL: 02/13/2018'), profile(name), { asOf: '2026-11-26' }).decisions.map((d) => d.ruleId)).toEqual([`${name}/unclassified`, `${name}/unclassified`]);
    expect(evaluate(compiled('SECRET', undefined, mk('S')), profile(name), { asOf: '2026-11-26' }).decisions[0]!.ruleId).toBe(`${name}/unclassified`);
  });
  it('us-secret: a TOP SECRET banner above every portion holds them all; a SECRET one is within the reader\'s clearance', () => {
    const ts = evaluate(compiled('TOP SECRET', undefined, mk('S')), profile('us-secret'), { asOf: '2026-11-26' });
    expect(ts.decisions.map((d) => [d.action, d.ruleId])).toEqual([
      ['withhold', 'us-secret/compilation-pending-review'],
      ['withhold', 'us-secret/compilation-pending-review'],
    ]);
    const s = evaluate(compiled('SECRET'), profile('us-secret'), { asOf: '2026-11-26' });
    expect(s.decisions.map((d) => d.ruleId)).toEqual(['us-secret/up-to-secret', 'us-secret/up-to-secret']);
  });
});

describe('B1 cites the 25X exemption of a record more than 25 years old', () => {
  const old = (decl: string, originated: string) => miniCable({ banner: CONFIDENTIAL, decl, originated, body: [['p1', mk('C'), 'Old classified text.']] });
  it.each([
    // Under 25 years: the Classified By 1.4 reasons; from 31 December of the 25th year, the day §3.3(a)
    // declassifies on and OADR or X1 turn to review (declass/assess.ts): the exemption (probe 68c F6:
    // the 1.4 reasons were cited one day more).
    ['DECL: 25X1, 20401231', '1990-03-12', '2010-12-01', ['B1', '1.4(B)', '1.4(D)']],
    ['DECL: 25X1, 20401231', '1990-03-12', '2015-12-30', ['B1', '1.4(B)', '1.4(D)']],
    ['DECL: 25X1, 20401231', '1990-03-12', '2015-12-31', ['B1', '25X1']],
    ['DECL: 25X1, 20401231', '1990-03-12', '2016-01-01', ['B1', '25X1']],
    ['DECL: 25X1, 25X6, 20401231', '1990-03-12', '2026-11-26', ['B1', '25X1', '25X6']],
    ['DECL: 50X1-HUM', '1980-06-01', '2026-11-26', ['B1', '50X1-HUM']],
  ])('%s, originated %s, as of %s: %j', (decl, originated, asOf, authority) => {
    const plan = evaluate(old(decl, originated), publicProfile, { asOf });
    expect(plan.declassification.status).toBe('classified');
    expect(plan.decisions[0]).toMatchObject({ action: 'withhold', ruleId: 'public/classified', authority });
  });
});

describe('foreign government and NATO information is not declassified by the US date', () => {
  // 07REYKJAVIK298 marks NATO CONFIDENTIAL paragraphs (NC) in a US cable whose DECL date has passed.
  const foreignCable = (decl: string) =>
    miniCable({
      banner: mk('S', { raw: 'SECRET', controls: ['NOFORN'] }),
      decl,
      body: [
        ['p1', mk('C', { raw: '(NC)', controls: ['NATO'] }), 'NATO confidential air policing plan.'],
        ['p2', mk('S', { raw: '(S//FGI DEU)', controls: ['FGI'], fgi: ['DEU'] }), 'What the German service said.'],
        ['p3', mk('U', { raw: '(U//FGI)', controls: ['FGI'] }), 'Unclassified but given in confidence.'],
        ['p4', mk('S', { raw: '(S//NF)', controls: ['NOFORN'] }), 'US text of the cable.'],
      ],
    });
  const decide = (name: string, decl: string, asOf: string) => evaluate(foreignCable(decl), profile(name), { asOf }).decisions.map((d) => [d.action, d.ruleId, d.authority.join(', '), d.declassified]);
  const PENDING = ['withhold', 'FGI - PENDING REVIEW', false] as const;

  it.each(['public', 'public-pii', 'foia-intel'])('%s: pending review once the date has passed (not B1, not declassified); B1 while classified; US text declassified', (name) => {
    expect(decide(name, 'DECL: 02/13/2018', '2026-11-26')).toEqual([
      [PENDING[0], `${name}/foreign-declassified-pending-review`, PENDING[1], false],
      [PENDING[0], `${name}/foreign-declassified-pending-review`, PENDING[1], false],
      [PENDING[0], `${name}/foreign-unclassified-pending-review`, PENDING[1], false],
      ['release', `${name}/declassified`, '', true],
    ]);
    const classified = decide(name, 'DECL: 02/13/2033', '2026-11-26');
    // NATO's (NC) is classified by NATO: 1.4(b) alone, not the cable's 1.4(d) (probe 60a F5); the
    // US-classified (S//FGI DEU) cites 1.4(b) beside the cable's reasons.
    expect(classified.map((d) => d[2])).toEqual(['B1, 1.4(B)', 'B1, 1.4(B), 1.4(D)', 'FGI - PENDING REVIEW', 'B1, 1.4(B), 1.4(D)']);
    const plan = evaluate(foreignCable('DECL: 02/13/2018'), profile(name), { asOf: '2026-11-26' });
    expect(plan.disposition.pending.map((p) => p.reason)).toEqual(['foreign government information', 'foreign government information', 'foreign government information']);
  });

  it.each([
    // NATO's own information is NATO's to read; FGI without REL TO is NOFORN (CAPCO §B.3), by the
    // third-party rule (not-releasable), not by Table 2's pre-2010 reading of US information
    // (probe 65b F7); FGI given unclassified goes to a third country only with its originator's consent.
    ['nato', ['release', 'nato/nato-information'], ['withhold', 'nato/not-releasable'], ['withhold', 'nato/foreign-unclassified-pending-review']],
    // fvey: NATO's (NC) is NATO's, named so (probe 67b F4).
    ['fvey', ['withhold', 'fvey/nato-not-releasable'], ['withhold', 'fvey/not-releasable'], ['withhold', 'fvey/foreign-unclassified-pending-review']],
    // A US reader cleared to SECRET reads NATO classified information only with a NATO briefing.
    ['us-secret', ['withhold', 'us-secret/nato-classified'], ['release', 'us-secret/up-to-secret'], ['release', 'us-secret/up-to-secret']],
  ])('%s: decided as the classified information it still is, before and after the date', (name, nc, fgi, fgiU) => {
    for (const [decl, asOf] of [['DECL: 02/13/2018', '2026-11-26'], ['DECL: 02/13/2033', '2026-11-26']]) {
      const [p1, p2, p3, p4] = decide(name, decl!, asOf!);
      expect([p1![0], p1![1], p1![3]]).toEqual([...nc, false]);
      expect([p2![0], p2![1], p2![3]]).toEqual([...fgi, false]);
      expect([p3![0], p3![1]]).toEqual(fgiU);
      if (decl === 'DECL: 02/13/2018') expect(p4).toEqual(['release', `${name}/declassified`, '', true]);
    }
  });
});

describe('foreign release: each classified portion a partner cannot see says why', () => {
  // CAPCO §B.3 Table 2: no foreign-release marking reads as NOFORN before 2010-06-28 (or when
  // caveated, or on FGI), as RELIDO for uncaveated information from that date. A narrower REL TO
  // list, or RELIDO, is not NOFORN: the label said less than the truth.
  const secret = mk('S', { raw: 'SECRET' });
  const partnerCable = (originated: string | null) =>
    miniCable({
      banner: secret,
      originated,
      decl: 'DECL: 02/13/2033',
      body: [
        ['p1', mk('S', { raw: '(S//REL TO USA, GBR)', relTo: ['USA', 'GBR'] }), 'Shared with the British cell only.'],
        ['p2', mk('S', { raw: '(S//RELIDO)', controls: ['RELIDO'] }), 'A disclosure official decides on this one.'],
        ['p3', mk('S'), 'A bare secret paragraph with no foreign-release marking.'],
        ['p4', mk('S', { raw: '(S//SI)', sci: ['SI'] }), 'Signals reporting with no foreign-release marking.'],
        ['p5', mk('S', { raw: '(S//NF)', controls: ['NOFORN'] }), 'Never to a foreign partner.'],
        ['p6', mk('S', { raw: '(S//FGI DEU)', controls: ['FGI'], fgi: ['DEU'] }), 'What the German service gave in confidence.'],
      ],
    });
  const RELIDO = 'RELIDO - PENDING FOREIGN DISCLOSURE REVIEW';

  it.each([
    ['nato', '2016-05-12', ['NOT REL TO NATO', RELIDO, RELIDO, 'SCI', 'NOFORN', 'NOFORN']],
    ['nato', '2008-02-13', ['NOT REL TO NATO', RELIDO, 'NOFORN', 'SCI', 'NOFORN', 'NOFORN']],
    ['nato', null, ['NOT REL TO NATO', RELIDO, 'NOFORN', 'SCI', 'NOFORN', 'NOFORN']],
    ['fvey', '2016-05-12', ['NOT REL TO FVEY', RELIDO, RELIDO, 'NOFORN', 'NOFORN', 'NOFORN']],
    ['fvey', '2008-02-13', ['NOT REL TO FVEY', RELIDO, 'NOFORN', 'NOFORN', 'NOFORN', 'NOFORN']],
    ['fvey', null, ['NOT REL TO FVEY', RELIDO, 'NOFORN', 'NOFORN', 'NOFORN', 'NOFORN']],
  ])('%s, a document of %s', (name, originated, labels) => {
    const plan = evaluate(partnerCable(originated), profile(name), { asOf: '2026-11-26' });
    expect(plan.decisions.filter((d) => /^p\d$/.test(d.portionId)).map((d) => [d.action, d.authority.join(', ')])).toEqual(labels.map((l) => ['withhold', l]));
    // RELIDO waits for a disclosure official: the document is not final.
    const pending = plan.disposition.pending.map((p) => `${p.portionId} ${p.reason}`);
    expect(pending).toEqual(labels.flatMap((l, i) => (l === RELIDO ? [`p${i + 1} foreign disclosure review`] : [])));
  });
});

describe('handling caveats on classified information', () => {
  // (S//NF//FISA), or a (U//FOUO) paragraph raised to SECRET by an (S//SI) inside it (a SIDtoday
  // article), was SBU - PENDING FOIA REVIEW while classified: the caveat rule came first.
  const caveated = (decl: string) =>
    miniCable({
      banner: mk('S', { raw: 'SECRET', controls: ['NOFORN'] }),
      decl,
      body: [
        ['p1', mk('S', { raw: '(S//NF//FISA)', controls: ['NOFORN', 'FISA'] }), 'What the court order produced.'],
        ['p2', mk('U', { raw: '(U//FOUO)', controls: ['FOUO'] }), 'Office hours.'],
        ['p3', mk('S', { raw: '(S//NF)', controls: ['NOFORN'] }), 'US text of the cable.'],
      ],
    });
  const decide = (name: string, decl: string) => evaluate(caveated(decl), profile(name), { asOf: '2026-11-26' }).decisions.map((d) => [d.ruleId.split('/')[1], d.authority[0]]);

  it.each([
    ['public', 'sbu', 'SBU - PENDING FOIA REVIEW'],
    ['public-pii', 'sbu', 'SBU - PENDING FOIA REVIEW'],
    ['foia-intel', 'fouo', 'FOUO - PENDING FOIA REVIEW'],
  ])('%s: B1 while classified, the caveat once its date has passed; an unclassified one pending either way', (name, rule, pending) => {
    expect(decide(name, 'DECL: 02/13/2033')).toEqual([['classified', 'B1'], [`${rule}-pending-review`, pending], ['classified', 'B1']]);
    expect(decide(name, 'DECL: 02/13/2018')).toEqual([[`${rule}-declassified-pending-review`, pending], [`${rule}-pending-review`, pending], ['declassified', undefined]]);
  });

  it.each([
    ['nato', 'SBU'],
    ['fvey', 'FOUO - PENDING FOREIGN DISCLOSURE REVIEW'],
  ])('%s: NOFORN while classified (it was the caveat), the caveat once its date has passed; a REL TO marking does not lift it', (name, caveat) => {
    expect(decide(name, 'DECL: 02/13/2033')).toEqual([['noforn', 'NOFORN'], ['sensitive', caveat], ['noforn', 'NOFORN']]);
    expect(decide(name, 'DECL: 02/13/2018')).toEqual([['sensitive-declassified', caveat], ['sensitive', caveat], ['declassified', undefined]]);
    const rel = miniCable({
      banner: mk('S', { raw: 'SECRET//REL TO USA, FVEY', relTo: ['USA', 'FVEY'] }),
      decl: 'DECL: 02/13/2033',
      body: [['p1', mk('S', { raw: '(S//REL TO USA, FVEY/FISA)', controls: ['FISA'], relTo: ['USA', 'FVEY'] }), 'What the court order produced.']],
    });
    expect(evaluate(rel, profile(name), { asOf: '2026-11-26' }).decisions.map((d) => [d.action, d.ruleId])).toEqual([['withhold', `${name}/sensitive-classified`]]);
  });
});

describe('span rules and overrides', () => {
  const unclassCable = miniCable({
    banner: UNCLASSIFIED,
    decl: 'N/A',
    body: [['p1', mk('U'), 'Call Burkhard Ducoffre on 202-647-4000 or write to desk@state.gov today.']],
  });
  it('redacts matching spans inside released portions only', () => {
    const plan = evaluate(unclassCable, profile('public-pii'), { asOf: '2010-12-01' });
    expect(plan.decisions[0]!.action).toBe('release');
    expect(plan.redactions.map((r) => r.ruleId)).toEqual(['public-pii/names', 'public-pii/telephone', 'public-pii/email']);
    const text = renderReleaseText(applyEdits(unclassCable.source, buildEdits(plan)));
    expect(text).toContain('¶1. (U) Call [REDACTED: B6] on [REDACTED: B6] or write to [REDACTED: B6] today.');
    expect(plan.stamp).toBe('RELEASE IN PART B6');
  });
  it('applies reviewer overrides first and records them', () => {
    const overrides = loadOverrides(
      'overrides:\n  - { ref: TEST1, portion: p1, action: release, reviewer: J. Smith, date: 2026-11-20, note: MDR case 42, declassify: true }\n  - { ref: TEST1, portion: p9, action: withhold, authority: [B1], reviewer: J. Smith, date: 2026-11-20 }\n',
      'o.yaml',
    );
    const plan = evaluate(cable, publicProfile, { asOf: '2010-12-01', overrides });
    const p1 = plan.decisions[0]!;
    expect(p1).toMatchObject({ action: 'release', ruleId: 'override', declassified: true, override: { reviewer: 'J. Smith', date: '2026-11-20', note: 'MDR case 42' } });
    expect(plan.diagnostics.map((d) => d.code)).toEqual(['override-after-as-of', 'override-unknown-portion']); // decided in 2026, applied as of 2010
  });
  it.each([
    ['MDR case 42', 'Reviewer J. Smith decided on 2026-11-20 to release this portion: MDR case 42.'],
    ['MDR case M-2031.', 'Reviewer J. Smith decided on 2026-11-20 to release this portion: MDR case M-2031.'],
    [null, 'Reviewer J. Smith decided on 2026-11-20 to release this portion.'],
  ])("an override's note %j ends the reason with one full stop", (note, reason) => {
    const overrides = loadOverrides(`overrides:\n  - { ref: TEST1, portion: p1, action: release, reviewer: J. Smith, date: 2026-11-20${note ? `, note: ${note}` : ''} }\n`, 'o.yaml');
    expect(evaluate(cable, publicProfile, { asOf: '2026-12-01', overrides }).decisions[0]!.reason).toBe(reason);
  });
  it('names a document by its reference id, and by its file stem only when it has none', () => {
    // A decision for 08BERLIN173 was applied to another cable saved as `08BERLIN173.txt`.
    const overrides = loadOverrides('overrides:\n  - { ref: OTHER1, portion: p1, action: release, reviewer: J. Smith, date: 2026-11-20 }\n', 'o.yaml');
    expect(cable.ref).not.toBe('OTHER1');
    expect(evaluate(cable, publicProfile, { asOf: '2010-12-01', overrides, fallbackRef: 'OTHER1' }).decisions[0]!.ruleId).not.toBe('override');
    const memo = readDocument('SECRET\n\n(S) The plan closes offices.\n\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20401231\n\nSECRET\n', { format: 'document' }).doc;
    expect(memo.ref).toBeNull();
    expect(evaluate(memo, publicProfile, { asOf: '2010-12-01', overrides, fallbackRef: 'OTHER1' }).decisions[0]!.ruleId).toBe('override');
  });
});

describe('edits', () => {
  it('refuses overlapping edits', () => {
    expect(() =>
      sortEdits([
        { kind: 'delete', span: { start: 0, end: 10 } },
        { kind: 'redact', span: { start: 5, end: 12 }, authority: 'B6' },
      ]),
    ).toThrow(InternalError);
  });
  it('drops page furniture but keeps the paragraph it interrupted', () => {
    const c = miniCable({ banner: UNCLASSIFIED, decl: 'N/A', body: [['p1', mk('U'), 'First line.']], furnitureAfter: 'p1' });
    const text = renderReleaseText(applyEdits(c.source, buildEdits(evaluate(c, publicProfile, { asOf: '2010-12-01' }))));
    expect(text).toContain('¶1. (U) First line.\ncontinued text of the paragraph.');
    expect(text).not.toContain('002 OF 002');
  });
  it('absorbs furniture inside a withheld portion', () => {
    const c = miniCable({ banner: CONFIDENTIAL, body: [['p1', mk('C'), 'Secret line.']], furnitureAfter: 'p1' });
    const text = renderReleaseText(applyEdits(c.source, buildEdits(evaluate(c, publicProfile, { asOf: '2010-12-01' }))));
    expect(text).toContain('¶1. [WITHHELD: B1, 1.4(B), 1.4(D)]\n');
    expect(text).not.toContain('continued text');
  });
});

describe('unclassified portions under a handling control', () => {
  // SSI (49 CFR part 1520), DEA Sensitive and FISA-derived information are unclassified but not
  // for release without review: every bundled profile for readers outside the U.S. government
  // withholds them, as it does SBU and LES (the public profile released them before).
  const controlled = miniCable({
    banner: UNCLASSIFIED,
    decl: 'N/A',
    body: [
      ['p1', mk('U'), 'The meeting in Wellington runs from February 18 to 22.'],
      ['p2', mk('U', { raw: '(U//SSI)', controls: ['SSI'] }), 'The checkpoint screening threshold is set at level four.'],
      ['p3', mk('U', { raw: '(U//DSEN)', controls: ['DSEN'] }), 'The informant is paid monthly.'],
      ['p4', mk('U', { raw: '(U//FISA)', controls: ['FISA'] }), 'The collection began in March.'],
    ],
  });
  it.each(['public', 'public-pii', 'nato', 'foia-intel', 'fvey'])('%s withholds them, without claiming B1, and releases the plain (U) portion', (name) => {
    for (const held of heldWithoutB1(controlled, name, ['p2', 'p3', 'p4'])) expect(held.ruleId).not.toMatch(/default-deny|unknown-marking/);
  });
});

/** Decides `cable` with the bundled profile `name`: p1 released, `ids` withheld without B1; returns their decisions. */
function heldWithoutB1(cable: Parameters<typeof evaluate>[0], name: string, ids: readonly string[]) {
  const byId = new Map(evaluate(cable, profile(name), { asOf: '2026-11-26' }).decisions.map((d) => [d.portionId, d]));
  expect(byId.get('p1')).toMatchObject({ action: 'release' });
  return ids.map((id) => {
    expect(byId.get(id)).toMatchObject({ action: 'withhold' });
    expect(byId.get(id)!.authority).not.toContain('B1');
    return byId.get(id)!;
  });
}

describe('unclassified marks with a control used only with classified information', () => {
  // RISK SENSITIVE and IMCON mark classified information only: `(U//RSEN)`, `(U//IMCON)` were
  // released by the unclassified rule; a reviewer decides them (never B1 by guess).
  const contradictory = miniCable({
    banner: UNCLASSIFIED,
    decl: 'N/A',
    body: [
      ['p1', mk('U'), 'The meeting in Wellington runs from February 18 to 22.'],
      ['p2', mk('U', { raw: '(U//RSEN)', controls: ['RSEN'] }), 'The asset meets the handler in the port.'],
      ['p3', mk('U', { raw: '(U//IMCON)', controls: ['IMCON'] }), 'The image shows the launcher.'],
    ],
  });
  it.each(['public', 'public-pii', 'foia-intel'])('%s withholds them without B1 and releases the plain (U) portion', (name) => {
    expect(heldWithoutB1(contradictory, name, ['p2', 'p3'])).toHaveLength(2);
  });
});
