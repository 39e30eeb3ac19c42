import type { DeclStatus, Document, Level, Marking } from '../../types.js';
import { parseCaveat } from '../../markings/index.js';
import { LEVEL_RANK, type ConditionKind } from '../types.js';
import { perDocument } from './per-document.js';

export const STATUSES = ['unclassified', 'classified', 'declassified', 'review', 'invalid'] as const;

/** `declStatus: [declassified]` — the document's declassification status as of the release date. */
export const declStatus: ConditionKind<readonly DeclStatus[]> = {
  key: 'declStatus',
  description: "The document's declassification status as of the release date: unclassified, classified, declassified, review, invalid.",
  test: (value, facts) => value.includes(facts.declStatus),
  explain: (value) => `document status is ${value.join(' or ')}`,
};

/** `documentClassified: true` — the document is (or may be) classified. */
export const documentClassified: ConditionKind<boolean> = {
  key: 'documentClassified',
  description:
    'The document is classified (true) or not (false). A document with no understood banner counts as classified: fail closed.',
  test: (value, facts) => facts.documentClassified === value,
  explain: (value) => (value ? 'document is classified' : 'document is unclassified'),
};

/** `documentControlsAny: [SBU]` — the document's banner carries one of these controls. */
export const documentControlsAny: ConditionKind<readonly string[]> = {
  key: 'documentControlsAny',
  description: "The document's banner carries at least one of these controls (e.g. SBU, NOFORN).",
  test: (value, facts) => facts.documentMarking !== null && facts.documentMarking.controls.some((c) => value.includes(c)),
  explain: (value) => `document banner carries ${value.join(' or ')}`,
};

/**
 * `documentHoldsAny: [NATO, FGI]` — the document's banner or one of its portions carries one of
 * these controls: what the document holds, not only what its banner says. A US-bannered memo with
 * a `(//GBR S)` or `(//NS)` portion holds foreign government or NATO information that its banner
 * (`SECRET//NOFORN`) does not name; a banner the reader did not understand (`//DEU GEHEIM`) names
 * nothing, its foreign portions still do.
 */
export const documentHoldsAny: ConditionKind<readonly string[]> = {
  key: 'documentHoldsAny',
  description: "The document's banner or at least one of its portions carries one of these controls (e.g. NATO, FGI): what the document holds, whatever its banner says.",
  test: (value, facts) => facts.documentMarking?.controls.some((c) => value.includes(c)) === true || portionControls(facts.document).some((c) => value.includes(c)),
  explain: (value) => `document holds ${value.join(' or ')}`,
};

/** The controls of every portion's marking, once per document. */
const portionControls = perDocument((doc): readonly string[] => {
  const all = new Set<string>();
  for (const p of doc.portions) for (const c of p.marking?.controls ?? []) all.add(c);
  return [...all];
});

/**
 * `captionControlsAny: [NODIS, EXDIS]` — the document is a cable whose caption carries one of
 * these controls. A cable's caption (`NODIS` on a line under `S E C R E T STATE 012345`, or on
 * the banner line: `S E C R E T EXDIS STATE 012345`) is a handling instruction for the whole
 * telegram, every paragraph whatever its own mark says. Banner words in CAPCO's form
 * (`TOP SECRET//SI//NOFORN`) roll the portions up as a memo's banner does (a portion marked REL TO
 * under them is releasable), so only the caveat lines count there; a memo never matches.
 */
export const captionControlsAny: ConditionKind<readonly string[]> = {
  key: 'captionControlsAny',
  description: "The document is a cable whose caption (caveat lines under the banner, or caption words on a banner line not written in CAPCO's // form) carries at least one of these controls: a cable's caption covers every paragraph of the telegram. Never matches a memo or report, whose banner rolls its portions up.",
  test: (value, facts) => captionControls(facts.document).some((c) => value.includes(c)),
  explain: (value) => `cable caption carries ${value.join(' or ')}`,
};

/** The controls of a cable's caption (see captionControlsAny), once per document. */
export const captionControls = perDocument((doc): readonly string[] => {
  const banner = doc.banner;
  if (doc.format === 'document' || !banner?.marking) return [];
  return banner.raw.includes('/') ? banner.caveats.flatMap((c) => parseCaveat(c.raw) ?? []) : banner.marking.controls;
});

/**
 * `documentHasControls: true` — the document's banner carries a control or a foreign marking
 * (`UNCLASSIFIED//NOFORN`, `NATO UNCLASSIFIED`, `//DEU UNCLASSIFIED`): a REL TO list alone is not
 * one. A document whose banner was not understood never matches (other rules take it).
 */
export const documentHasControls: ConditionKind<boolean> = {
  key: 'documentHasControls',
  description: "The document's banner carries at least one control or foreign marking (true; a REL TO list alone is not one), or none (false). A banner not understood matches neither.",
  test: (value, facts) => facts.documentMarking !== null && (facts.documentMarking.controls.length > 0) === value,
  explain: (value) => (value ? 'document banner carries a control' : 'document banner carries no control'),
};

/**
 * `documentControlsOnly: [NATO]` — the document's banner carries no control but these, and no SCI
 * control system (with `documentControlsAny`, a banner that is NATO's own: `NATO SECRET`), and
 * neither does any of its portions: the portions roll up into the document (CAPCO §D.2), so a
 * NATO SECRET memo with a `(S//NF)`, `(TS//SI)` or `(//DEU S)` paragraph is not NATO's own
 * document. A portion fails it with a control or SCI system outside the list, a foreign
 * government's marking (unless FGI is listed), a REL TO list that names none of them, or a
 * classified level with neither one of them nor such a REL TO list (information with no
 * foreign-release marking is NOFORN or RELIDO, CAPCO §B.3 Table 2); a mark not understood (it may
 * say anything) fails it, as does a banner not understood.
 */
export const documentControlsOnly: ConditionKind<readonly string[]> = {
  key: 'documentControlsOnly',
  description:
    "The document's banner and every portion carry no control other than these and no SCI control system; a portion's foreign government marking, a REL TO list naming none of these, a classified portion with neither one of these nor such a list (NOFORN or RELIDO, CAPCO §B.3 Table 2) or a mark not understood fails it. A document whose banner was not understood never matches.",
  test: (value, facts) => {
    const banner = facts.documentMarking;
    if (banner === null || banner.sci.length > 0 || !banner.controls.every((c) => value.includes(c))) return false;
    const portions = portionMarkings(facts.document);
    return portions !== null && portions.every((m) => portionControlsOnly(m, value));
  },
  explain: (value) => `document banner and portions carry no control but ${value.join(', ')}`,
};

/** One portion's part of documentControlsOnly (see there). */
function portionControlsOnly(m: Marking, value: readonly string[]): boolean {
  if (m.sci.length > 0 || !m.controls.every((c) => value.includes(c))) return false;
  if (m.fgi.length > 0 && !value.includes('FGI')) return false;
  if (m.relTo.length > 0) return m.relTo.some((c) => value.includes(c));
  return m.level === 'U' || m.controls.some((c) => value.includes(c));
}

/**
 * The markings of the document's marked portions, once per document; null when a portion's mark
 * was not understood (what it says is not known: fail closed). Unmarked portions add nothing.
 */
const portionMarkings = perDocument((doc): readonly Marking[] | null =>
  doc.portions.some((p) => p.markingSource === 'unknown') ? null : doc.portions.flatMap((p) => (p.marking ? [p.marking] : [])),
);

/** `originatedBefore: 2010-06-28` — the document originated before this date (unknown origin never matches). */
export const originatedBefore: ConditionKind<string> = {
  key: 'originatedBefore',
  description: 'The document originated before this date (YYYY-MM-DD). A document of unknown date never matches.',
  test: (value, facts) => facts.document.originated !== null && facts.document.originated < value,
  explain: (value) => `document originated before ${value}`,
};

/** `originatedOnOrAfter: 2010-06-28` — the document originated on or after this date. */
export const originatedOnOrAfter: ConditionKind<string> = {
  key: 'originatedOnOrAfter',
  description: 'The document originated on or after this date (YYYY-MM-DD). A document of unknown date never matches.',
  test: (value, facts) => facts.document.originated !== null && facts.document.originated >= value,
  explain: (value) => `document originated on or after ${value}`,
};

/** `bannerAbovePortions: true` — the banner is classified and above every portion's level, all of them marked. */
export const bannerAbovePortions: ConditionKind<boolean> = {
  key: 'bannerAbovePortions',
  description:
    "The document's banner is classified and above the level of every portion, all of them marked apart from a memo header and the signature (true), or not (false): its classification comes from the compilation of the portions (32 CFR 2001.24(g)) or from a portion marked too low.",
  test: (value, facts) => facts.bannerAbovePortions === value,
  explain: (value) => (value ? "document's banner is above every portion, all of them marked" : "document's banner is not above every portion"),
};

/** `documentLevelAtLeast: TS` — the document's banner is at least this level. */
export const documentLevelAtLeast: ConditionKind<Level> = {
  key: 'documentLevelAtLeast',
  description: "The document's banner is at least this level (U, C, S, TS). A document whose banner was not understood never matches.",
  test: (value, facts) => facts.documentMarking !== null && LEVEL_RANK[facts.documentMarking.level] >= LEVEL_RANK[value],
  explain: (value) => `document banner is at least ${value}`,
};

/**
 * `documentLevelAtMost: S` — the document's banner is at most this level, and so is every portion:
 * the portions roll up into the document (CAPCO §D.2), so a SECRET banner over a `(TS//SI)`
 * paragraph is a TOP SECRET document. A mark not understood (its level is not known) or a banner
 * not understood never matches.
 */
export const documentLevelAtMost: ConditionKind<Level> = {
  key: 'documentLevelAtMost',
  description:
    "The document's banner and every portion are at most this level (U, C, S, TS): the portions roll up into the document. A document whose banner or a portion's mark was not understood never matches.",
  test: (value, facts) => {
    const portions = portionMarkings(facts.document);
    const atMost = (m: Marking) => LEVEL_RANK[m.level] <= LEVEL_RANK[value];
    return facts.documentMarking !== null && atMost(facts.documentMarking) && portions !== null && portions.every(atMost);
  },
  explain: (value) => `document banner and portions are at most ${value}`,
};

/**
 * `unclassifiedMessage: true` — the portion is in a quoted message of an e-mail printout whose own
 * classification lines say UNCLASSIFIED (only unmarked portions of such a message; see
 * parse/document/messages.ts for when a message is taken as one).
 */
export const unclassifiedMessage: ConditionKind<boolean> = {
  key: 'unclassifiedMessage',
  description:
    "The portion is unmarked text of a quoted message of an e-mail printout whose own classification lines say UNCLASSIFIED, with nothing in it marked higher (true), or not (false).",
  test: (value, facts) => (facts.portion.inUnclassifiedMessage === true) === value,
  explain: (value) => (value ? 'portion is in a quoted message marked UNCLASSIFIED' : 'portion is not in a quoted message marked UNCLASSIFIED'),
};

/**
 * `ownBannerUnclassified: true` — the portion is unmarked text of a page (of several) or of the
 * newest message of an e-mail printout whose own banner lines all say UNCLASSIFIED, in a document
 * that may be classified (see parse/document/own-banner.ts).
 */
export const ownBannerUnclassified: ConditionKind<boolean> = {
  key: 'ownBannerUnclassified',
  description:
    "The portion is unmarked text of a page (of several) or of an e-mail printout's newest message whose own banner lines, at its top and bottom, all say plain UNCLASSIFIED, with nothing in it marked higher (true), or not (false).",
  test: (value, facts) => (facts.portion.underUnclassifiedBanner === true) === value,
  explain: (value) => (value ? "portion is under its own page's or message's UNCLASSIFIED banner" : "portion is not under its own page's or message's UNCLASSIFIED banner"),
};
