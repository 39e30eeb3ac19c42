/**
 * A banner that carries a control, SCI system or REL TO restriction that no portion carries, all of
 * them marked (probe 56h): `SECRET//NOFORN` over (U) and `(S//REL TO USA, FVEY)` paragraphs was
 * released in full by fvey under `SECRET//REL TO USA, FVEY`, `SECRET//SI//NOFORN` over (U), (S) and
 * (C) ones by us-secret under `SECRET`. The banner is the roll-up of the portions and of what is not
 * portion marked: the document holds the information somewhere (a compilation, or a portion marked
 * too permissively), and a reviewer decides (`COMPILATION - PENDING REVIEW`). And us-secret claimed
 * B1 on unmarked text of a document whose declassification instruction needs review.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { releaseDocument } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { releasedTexts } from '../helpers/released-texts.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);

/** `text` read as a document and released for profile `id` as of 2026-12-01, text and PDF. */
const release = (text: string, id: string) =>
  releaseDocument({ doc: readDocument(text, { format: 'document' }).doc, profile: profile(id), asOf: '2026-12-01', stem: 'DOC', input: { path: 'DOC.txt', sha256: '0'.repeat(64) }, formats: ['text', 'pdf'] });

/** A memo bannered `banner` with the paragraphs `body` and an authority block declassifying on `decl`. */
const memo = (banner: string, body: string, decl = '20351201') =>
  `${banner}\n\nMEMORANDUM FOR THE RECORD\n\nSUBJECT: (U) Test memo\n\n${body}\n\nClassified By: John Doe, Director\nDerived From: Multiple Sources\nDeclassify On: ${decl}\n\n${banner}\n`;

/** `action ruleId authority` of the decision on the portion of `text` that holds `marker`. */
const decisionOn = (result: Awaited<ReturnType<typeof release>>, text: string, marker: string): string => {
  const d = result.plan.decisions.find((x) => text.slice(x.span.start, x.span.end).includes(marker))!;
  return `${d.action} ${d.ruleId} ${d.authority.join(', ')}`.trim();
};


const FV = '(S//REL TO USA, FVEY) ZQRELFVEY paragraph.';
const NA = '(S//REL TO USA, NATO) ZQRELNATO paragraph.';
const USB = '(U) ZQUNCLASS opening paragraph.\n\n(S) ZQSECRET paragraph.\n\n(C) ZQCONF paragraph.';

/** A case: profile, banner, paragraphs, and the rule holding each marker's portion for review. */
type Held = [id: string, banner: string, body: string, rules: Record<string, string>];
const US_HELD = { ZQUNCLASS: 'us-secret/banner-controls-beyond-portions', ZQSECRET: 'us-secret/banner-controls-beyond-portions', ZQCONF: 'us-secret/banner-controls-beyond-portions' };

describe('a banner carrying what no portion carries: every portion the profile would release is held for review', () => {
  it.each<Held>([
    ['fvey', 'SECRET//NOFORN', `(U) ZQUNCLASS opening paragraph.\n\n${FV}`, { ZQUNCLASS: 'fvey/unclassified-under-banner-controls', ZQRELFVEY: 'fvey/banner-controls-beyond-portions' }],
    ['fvey', 'SECRET//ORCON//REL TO USA, FVEY', `(U) ZQUNCLASS opening paragraph.\n\n${FV}`, { ZQUNCLASS: 'fvey/unclassified-under-banner-controls', ZQRELFVEY: 'fvey/banner-controls-beyond-portions' }],
    ['fvey', 'SECRET//REL TO USA, GBR', `(U) ZQUNCLASS opening paragraph.\n\n${FV}\n\n(C//REL TO USA, FVEY) ZQCONFFVEY paragraph.`, { ZQUNCLASS: 'fvey/unclassified-under-narrower-banner', ZQRELFVEY: 'fvey/banner-rel-to-narrower', ZQCONFFVEY: 'fvey/banner-rel-to-narrower' }],
    ['fvey', '//NATO SECRET', `(U) ZQUNCLASS opening paragraph.\n\n${FV}`, { ZQUNCLASS: 'fvey/unclassified-under-banner-controls', ZQRELFVEY: 'fvey/banner-controls-beyond-portions' }],
    ['nato', 'SECRET//NOFORN', `(U) ZQUNCLASS opening paragraph.\n\n${NA}`, { ZQUNCLASS: 'nato/unclassified-banner-controls-beyond-portions', ZQRELNATO: 'nato/rel-to-nato-banner-controls-beyond-portions' }],
    ['nato', 'SECRET//NOFORN', `(U) ZQUNCLASS opening paragraph.\n\n(//NS) ZQNATOINFO paragraph.`, { ZQUNCLASS: 'nato/unclassified-banner-controls-beyond-portions', ZQNATOINFO: 'nato/nato-information-banner-controls-beyond-portions' }],
    ['nato', 'SECRET//REL TO USA, FVEY', `(U) ZQUNCLASS opening paragraph.\n\n${NA}`, { ZQUNCLASS: 'nato/unclassified-banner-rel-to-narrower', ZQRELNATO: 'nato/rel-to-nato-banner-rel-to-narrower' }],
    ['nato', 'SECRET//SI//REL TO USA, NATO', `(U) ZQUNCLASS opening paragraph.\n\n${NA}`, { ZQUNCLASS: 'nato/unclassified-banner-controls-beyond-portions', ZQRELNATO: 'nato/rel-to-nato-banner-controls-beyond-portions' }],
    ...['SECRET//SI//NOFORN', 'SECRET//HCS-P//NOFORN', 'SECRET//TK//NOFORN', 'SECRET//SAR-BP//NOFORN', 'SECRET//ORCON//NOFORN', '//NATO SECRET', 'SECRET//RD', 'SECRET//NOFORN//EXDIS'].map(
      (banner): Held => ['us-secret', banner, USB, US_HELD],
    ),
  ])('%s, %j: held for review, in neither release', async (id, banner, body, expected) => {
    const text = memo(banner, body);
    const result = await release(text, id);
    for (const [marker, rule] of Object.entries(expected)) expect(decisionOn(result, text, marker)).toBe(`withhold ${rule} COMPILATION - PENDING REVIEW`);
    expect(result.plan.disposition.kind).toBe('pending-review');
    const { text: released, pdf } = await releasedTexts(result);
    for (const marker of Object.keys(expected)) {
      expect(released).not.toContain(marker);
      expect(pdf).not.toContain(marker);
    }
  });
});

describe('a banner that is the roll-up of its portions: released as before', () => {
  it.each<[id: string, banner: string, body: string, markers: string[], releaseBanner: string]>([
    ['fvey', 'SECRET//REL TO USA, FVEY', `(U) ZQUNCLASS opening paragraph.\n\n${FV}`, ['ZQUNCLASS', 'ZQRELFVEY'], 'SECRET//REL TO USA, FVEY'],
    // A classified portion without a foreign release marking is NOFORN (CAPCO §B.3 Table 2).
    ['fvey', 'SECRET//NOFORN', `(U) ZQUNCLASS opening paragraph.\n\n(S) ZQSECRET paragraph.`, ['ZQUNCLASS'], 'UNCLASSIFIED'],
    // A banner narrower than its portions only by a country outside the audience.
    ['fvey', 'SECRET//REL TO USA, FVEY', `(U) ZQUNCLASS opening paragraph.\n\n(S//REL TO USA, FVEY, DEU) ZQRELFVEY paragraph.`, ['ZQUNCLASS', 'ZQRELFVEY'], 'SECRET//REL TO USA, DEU, FVEY'],
    ['nato', 'SECRET//REL TO USA, NATO', `(U) ZQUNCLASS opening paragraph.\n\n${NA}`, ['ZQUNCLASS', 'ZQRELNATO'], 'SECRET//REL TO USA, NATO'],
    // NOFORN and REL TO do not limit a U.S. reader.
    ['us-secret', 'SECRET//NOFORN', `(U) ZQUNCLASS opening paragraph.\n\n${FV}`, ['ZQUNCLASS', 'ZQRELFVEY'], 'SECRET//REL TO USA, FVEY'],
    ['us-secret', 'SECRET//SI//NOFORN', `(U) ZQUNCLASS opening paragraph.\n\n(S//SI//NF) ZQSISECRET paragraph.`, ['ZQUNCLASS'], 'UNCLASSIFIED'],
  ])('%s, %j: released', async (id, banner, body, markers, releaseBanner) => {
    const text = memo(banner, body);
    const result = await release(text, id);
    expect(result.plan.disposition.kind).not.toBe('pending-review');
    expect(result.plan.releaseBanner).toBe(releaseBanner);
    const { text: released, pdf } = await releasedTexts(result);
    for (const marker of markers) {
      expect(released).toContain(marker);
      expect(pdf).toContain(marker);
    }
  });

  // The FOIA profiles withhold every classified portion under B1 while the document is classified.
  it('public: SECRET//SI//NOFORN over (U), (S), (C) releases the (U) paragraph, B1 on the others, as before', async () => {
    const text = memo('SECRET//SI//NOFORN', USB);
    const result = await release(text, 'public');
    expect(decisionOn(result, text, 'ZQUNCLASS')).toBe('release public/unclassified');
    expect(decisionOn(result, text, 'ZQSECRET')).toMatch(/^withhold public\/classified B1/);
    const { text: released, pdf } = await releasedTexts(result);
    expect(released).toContain('ZQUNCLASS');
    expect(pdf).not.toContain('ZQSECRET');
  });
});

describe('us-secret: unmarked text of a document whose declassification instruction needs review is not claimed B1', () => {
  it.each([
    ['TOP SECRET', 'OADR', 'OADR'],
    ['TOP SECRET', 'no instruction read', 'a date it cannot read'],
    ['SECRET', 'OADR', 'OADR'],
    ['SECRET', 'no instruction read', 'a date it cannot read'],
  ])('%s banner, Declassify On: %s: PENDING DECLASSIFICATION REVIEW, and no B1 in either release', async (banner, _d, decl) => {
    const text = memo(banner, '(U) ZQUNCLASS opening paragraph.\n\n(S) ZQSECRET paragraph.\n\nZQUNMARKED unmarked text here.', decl);
    const result = await release(text, 'us-secret');
    expect(decisionOn(result, text, 'ZQUNMARKED')).toBe('withhold us-secret/unmarked-pending-review PENDING DECLASSIFICATION REVIEW');
    expect(result.plan.disposition.kind).toBe('pending-review');
    const { text: released, pdf } = await releasedTexts(result);
    for (const out of [released, pdf]) {
      expect(out).not.toContain('ZQUNMARKED');
      expect(out).not.toMatch(/\bB1\b/);
    }
  });
});

// An unmarked portion of a classified document is withheld and reported whatever the banner (fail
// closed: the banner cannot vouch for a portion left unmarked), and never under (b)(1), a FOIA
// exemption this reader does not ask under.
describe('us-secret: unmarked text of a classified document is withheld as UNMARKED - LEVEL UNKNOWN, with no FOIA exemption', () => {
  it.each<[banner: string, others: string]>([
    ['SECRET//NOFORN', '(S//NF) ZQSECRET paragraph.'],
    ['CONFIDENTIAL', '(C) ZQSECRET paragraph.'],
    ['SECRET//ORCON//NOFORN', '(S//OC/NF) ZQSECRET paragraph.'],
    ['SECRET//SI//NOFORN', '(S//SI//NF) ZQSECRET paragraph.'],
    ['TOP SECRET', '(S) ZQSECRET paragraph.'],
    ['SECRET', '(TS) ZQSECRET paragraph.'],
    ['SECRET//NOFORN', '(S//NATO) ZQSECRET paragraph.'],
  ])('%s over %s', async (banner, others) => {
    const text = memo(banner, `(U) ZQUNCLASS opening paragraph.\n\n${others}\n\nZQUNMARKED unmarked text here.`);
    const result = await release(text, 'us-secret');
    expect(decisionOn(result, text, 'ZQUNMARKED')).toBe('withhold us-secret/unmarked-in-classified UNMARKED - LEVEL UNKNOWN');
    const { text: released, pdf } = await releasedTexts(result);
    for (const out of [released, pdf]) {
      expect(out).not.toContain('ZQUNMARKED');
      expect(out).not.toMatch(/\bB1\b/);
    }
  });
});

describe('an UNCLASSIFIED banner over a declassification instruction: the reason says they disagree, not "a classified document"', () => {
  it.each(['public', 'public-pii', 'foia-intel', 'us-secret'])('%s', async (id) => {
    const text = memo('UNCLASSIFIED', '(U) ZQUNCLASS opening paragraph.\n\nZQUNMARKED unmarked text here.', '20320108');
    const result = await release(text, id);
    expect(decisionOn(result, text, 'ZQUNMARKED')).toBe(`withhold ${id}/unmarked-pending-review-unclassified-banner PENDING DECLASSIFICATION REVIEW`);
    const decision = result.plan.decisions.find((d) => d.ruleId.endsWith('unmarked-pending-review-unclassified-banner'))!;
    expect(decision.reason).toMatch(/banner says UNCLASSIFIED but which carries a declassification instruction/);
    expect(decision.reason).not.toMatch(/classified document/);
    const { text: released, pdf } = await releasedTexts(result);
    for (const out of [released, pdf]) {
      expect(out).not.toContain('ZQUNMARKED');
      expect(out).not.toMatch(/\bB1\b/);
    }
  });
});

describe("past the document's date, a banner's NATO, FGI or Atomic Energy Act control that no portion carries holds its classified portions", () => {
  // The probe's left case: the passed date declassified the (S) paragraphs of a `SECRET//FGI
  // DEU//NOFORN` or `SECRET//RD` memo in every profile, though that date does not declassify FGI,
  // NATO or RD information, and the banner says the document holds some.
  it.each<[id: string, banner: string, held: boolean]>([
    ['public', 'SECRET//FGI DEU//NOFORN', true],
    ['public', 'SECRET//RD', true],
    ['public', '//NATO SECRET', true],
    ['public-pii', 'SECRET//FGI DEU//NOFORN', true],
    ['foia-intel', 'SECRET//RD', true],
    ['fvey', 'SECRET//FGI DEU//NOFORN', true],
    ['nato', 'SECRET//FGI DEU//NOFORN', true],
    // NATO's own information is the nato audience's, FGI a cleared US reader's: declassified as before.
    ['nato', '//NATO SECRET', false],
    ['us-secret', 'SECRET//FGI DEU//NOFORN', false],
    ['us-secret', 'SECRET//RD', true],
    // A banner that is the roll-up of its portions: declassified as before.
    ['public', 'SECRET//NOFORN', false],
  ])('%s, %s', async (id, banner, held) => {
    const text = memo(banner, '(S//NF) The liaison ZQPASTDATE office closes.\n\n(U) Open text.', '20210315');
    const result = await release(text, id);
    expect(decisionOn(result, text, 'ZQPASTDATE')).toBe(held ? `withhold ${id}/banner-foreign-or-aea-pending-review PENDING DECLASSIFICATION REVIEW` : `release ${id}/declassified`);
    const { text: out, pdf } = await releasedTexts(result);
    for (const t of [out, pdf]) expect(t.includes('ZQPASTDATE')).toBe(!held);
    expect(out).toContain('Open text.');
  });
});
