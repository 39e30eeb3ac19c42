import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CONDITIONS } from '../../src/rules/conditions/index.js';
import { CONDITION_SCHEMAS } from '../../src/rules/conditions/schemas.js';
import { facts, mk, portion } from '../helpers/facts.js';
import type { PortionFacts } from '../../src/rules/types.js';
import type { Marking } from '../../src/types.js';

/** A cable's banner: its words, the controls read from them and its caveat lines, and those lines. */

/** Facts of a portion marked `portion` in a document bannered `banner` that holds it. */
function holding(portion: Marking, banner: Marking): PortionFacts {
  const f = facts({ marking: portion, documentMarking: banner });
  return { ...f, document: { ...f.document, portions: [f.portion] } };
}

/**
 * Facts of an unmarked portion of a document bannered `banner` whose other portions are marked
 * `others` (null: a mark that was not understood, read as SECRET).
 */
function amid(banner: Marking, others: (Marking | null)[]): PortionFacts {
  const f = facts({ documentMarking: banner });
  const marked = others.map((m, i) => portion({ id: `p${i + 2}`, marking: m ?? mk('S'), markingSource: m ? 'marked' : 'unknown' }));
  return { ...f, document: { ...f.document, portions: [f.portion, ...marked] } };
}

const NATO_SECRET = mk('S', { controls: ['NATO'] });

/** Facts of the first of `portions`, all of them marked, in a memo bannered `raw` (read as `banner`). */
function under(raw: string, banner: Marking, portions: (Marking | 'unmarked')[]): PortionFacts {
  const f = facts({ documentMarking: banner, banner: { raw, span: { start: 0, end: raw.length }, marking: banner, caveats: [], section: null }, format: 'document' });
  const all = portions.map((m, i) => portion({ id: `p${i + 1}`, marking: m === 'unmarked' ? null : m, markingSource: m === 'unmarked' ? 'unmarked' : 'marked' }));
  return { ...f, portion: all[0]!, marking: all[0]!.marking, document: { ...f.document, portions: all } };
}
const FVEY = ['USA', 'FVEY'];
const BEYOND = ['NOFORN', 'ORCON', 'SCI', 'SAR', 'NATO', 'RD'];

const cableBanner = (raw: string, controls: string[], caveats: string[]) => ({
  raw,
  span: { start: 0, end: raw.length },
  marking: mk(raw.startsWith('TOP') ? 'TS' : 'S', { controls }),
  caveats: caveats.map((c) => ({ raw: c, span: { start: 0, end: c.length } })),
  section: null,
});
type Case = [description: string, key: string, value: unknown, facts: PortionFacts, expected: boolean];

// Each condition: cases that match and cases that do not (ESLint RuleTester style).
const cases: Case[] = [
  ['kind matches', 'kind', ['signature'], facts({ kind: 'signature' }), true],
  ['kind differs', 'kind', ['signature'], facts({ kind: 'paragraph' }), false],
  ['marking unmarked', 'marking', ['unmarked'], facts(), true],
  ['marking unknown', 'marking', ['unknown'], facts({ markingSource: 'unknown' }), true],
  ['marking marked is not unmarked', 'marking', ['unmarked'], facts({ marking: mk('C') }), false],
  ['level in list', 'level', ['U'], facts({ marking: mk('U') }), true],
  ['level not in list', 'level', ['U'], facts({ marking: mk('C') }), false],
  ['level: unmarked never matches', 'level', ['U'], facts(), false],
  ['levelAtLeast C on S', 'levelAtLeast', 'C', facts({ marking: mk('S') }), true],
  ['levelAtLeast C on U', 'levelAtLeast', 'C', facts({ marking: mk('U') }), false],
  ['levelAtLeast: unmarked never matches', 'levelAtLeast', 'U', facts(), false],
  ['levelAtMost S on S', 'levelAtMost', 'S', facts({ marking: mk('S') }), true],
  ['levelAtMost S on TS', 'levelAtMost', 'S', facts({ marking: mk('TS') }), false],
  ['controlsAny NOFORN', 'controlsAny', ['NOFORN'], facts({ marking: mk('S', { controls: ['NOFORN'] }) }), true],
  ['controlsAny none present', 'controlsAny', ['NOFORN'], facts({ marking: mk('S') }), false],
  ['controlsNone with none present', 'controlsNone', ['SBU'], facts({ marking: mk('U') }), true],
  ['controlsNone with SBU present', 'controlsNone', ['SBU'], facts({ marking: mk('U', { controls: ['SBU'] }) }), false],
  ['controlsNone: unmarked never matches', 'controlsNone', ['SBU'], facts(), false],
  // Probe 65e (4): NATO information however it is marked, //NS or, in a US portion, FGI NATO.
  ['natoInformation on //NS', 'natoInformation', true, facts({ marking: mk('S', { controls: ['NATO'] }) }), true],
  ['natoInformation on FGI NATO', 'natoInformation', true, facts({ marking: mk('S', { controls: ['FGI'], fgi: ['NATO'] }) }), true],
  ['natoInformation on FGI DEU', 'natoInformation', true, facts({ marking: mk('S', { controls: ['FGI'], fgi: ['DEU'] }) }), false],
  ['natoInformation on REL TO USA, NATO', 'natoInformation', true, facts({ marking: mk('S', { relTo: ['USA', 'NATO'] }) }), false],
  ['natoInformation false on US (S)', 'natoInformation', false, facts({ marking: mk('S') }), true],
  ['natoInformation: unmarked never matches', 'natoInformation', true, facts(), false],
  ['hasSci true', 'hasSci', true, facts({ marking: mk('TS', { sci: ['SI'] }) }), true],
  ['hasSci false on SCI', 'hasSci', false, facts({ marking: mk('TS', { sci: ['SI'] }) }), false],
  ['relToAny NATO', 'relToAny', ['NATO'], facts({ marking: mk('S', { relTo: ['USA', 'NATO'] }) }), true],
  ['relToAny other list', 'relToAny', ['NATO'], facts({ marking: mk('S', { relTo: ['USA', 'GBR'] }) }), false],
  ['relToAll with FVEY written out', 'relToAll', ['AUS', 'CAN', 'GBR', 'NZL'], facts({ marking: mk('TS', { relTo: ['USA', 'AUS', 'CAN', 'GBR', 'NZL'] }) }), true],
  ['relToAll with FVEY as a tetragraph', 'relToAll', ['AUS', 'CAN', 'GBR', 'NZL'], facts({ marking: mk('S', { relTo: ['USA', 'FVEY'] }) }), true],
  ['relToAll FVEY asked, list written out', 'relToAll', ['FVEY'], facts({ marking: mk('S', { relTo: ['USA', 'AUS', 'CAN', 'GBR', 'NZL'] }) }), true],
  ['relToAll with one partner missing', 'relToAll', ['AUS', 'CAN', 'GBR', 'NZL'], facts({ marking: mk('S', { relTo: ['USA', 'AUS', 'GBR'] }) }), false],
  ['relToAll: no REL TO list never matches', 'relToAll', ['GBR'], facts({ marking: mk('S') }), false],
  ['kind table-row (document reader)', 'kind', ['table-row', 'bullet'], facts({ kind: 'table-row' }), true],
  ['hasRelTo false on bare', 'hasRelTo', false, facts({ marking: mk('C') }), true],
  ['hasRelTo true on bare', 'hasRelTo', true, facts({ marking: mk('C') }), false],
  ['declStatus declassified', 'declStatus', ['declassified'], facts({ declStatus: 'declassified' }), true],
  ['declStatus review', 'declStatus', ['declassified'], facts({ declStatus: 'review' }), false],
  ['documentClassified true', 'documentClassified', true, facts({ documentClassified: true }), true],
  ['documentClassified false', 'documentClassified', true, facts({ documentClassified: false }), false],
  ['documentControlsAny SBU', 'documentControlsAny', ['SBU'], facts({ documentMarking: mk('U', { controls: ['SBU'] }) }), true],
  ['documentControlsAny no banner', 'documentControlsAny', ['SBU'], facts({ documentMarking: null }), false],
  ['captionControlsAny: a NODIS caption line under a cable banner', 'captionControlsAny', ['NODIS'], facts({ banner: cableBanner('S E C R E T', ['NOFORN', 'NODIS'], ['NODIS']) }), true],
  ['captionControlsAny: caption words on a spelled banner line', 'captionControlsAny', ['EXDIS'], facts({ banner: cableBanner('S E C R E T EXDIS', ['NOFORN', 'EXDIS'], []) }), true],
  ['captionControlsAny: a CAPCO banner rolls portions up, no caption', 'captionControlsAny', ['NOFORN'], facts({ banner: cableBanner('TOP SECRET//SI//NOFORN', ['NOFORN'], []) }), false],
  ["captionControlsAny: a memo's banner is no caption", 'captionControlsAny', ['NODIS'], facts({ banner: cableBanner('SECRET', ['NOFORN', 'NODIS'], ['NODIS']), format: 'document' }), false],
  ['captionControlsAny: no banner', 'captionControlsAny', ['NODIS'], facts(), false],
  ['documentControlsOnly NATO on NATO SECRET', 'documentControlsOnly', ['NATO'], facts({ documentMarking: mk('S', { controls: ['NATO'] }) }), true],
  ['documentControlsOnly NATO with NOFORN too', 'documentControlsOnly', ['NATO'], facts({ documentMarking: mk('S', { controls: ['NATO', 'NOFORN'] }) }), false],
  ['documentControlsOnly NATO with SCI', 'documentControlsOnly', ['NATO'], facts({ documentMarking: mk('S', { controls: ['NATO'], sci: ['SI'] }) }), false],
  ['documentControlsOnly: no banner never matches', 'documentControlsOnly', ['NATO'], facts({ documentMarking: null }), false],
  // The portions roll up into the document: a NATO SECRET banner over a portion that is not NATO's.
  ['documentControlsOnly NATO: NATO SECRET over (NS), (S//REL TO USA, NATO) and (U)', 'documentControlsOnly', ['NATO'], amid(NATO_SECRET, [mk('S', { controls: ['NATO'] }), mk('S', { relTo: ['USA', 'NATO'] }), mk('U')]), true],
  ['documentControlsOnly NATO: NATO SECRET over (S//NF)', 'documentControlsOnly', ['NATO'], amid(NATO_SECRET, [mk('S', { controls: ['NOFORN'] })]), false],
  ['documentControlsOnly NATO: NATO SECRET over (C//NF)', 'documentControlsOnly', ['NATO'], amid(NATO_SECRET, [mk('C', { controls: ['NOFORN'] })]), false],
  ['documentControlsOnly NATO: NATO SECRET over (S//OC/NF)', 'documentControlsOnly', ['NATO'], amid(NATO_SECRET, [mk('S', { controls: ['ORCON', 'NOFORN'] })]), false],
  ['documentControlsOnly NATO: NATO SECRET over (TS//SI)', 'documentControlsOnly', ['NATO'], amid(NATO_SECRET, [mk('TS', { sci: ['SI'] })]), false],
  ['documentControlsOnly NATO: NATO SECRET over (//DEU S)', 'documentControlsOnly', ['NATO'], amid(NATO_SECRET, [mk('S', { controls: ['FGI'], fgi: ['DEU'] })]), false],
  ['documentControlsOnly NATO: NATO SECRET over (S//REL TO USA, GBR)', 'documentControlsOnly', ['NATO'], amid(NATO_SECRET, [mk('S', { relTo: ['USA', 'GBR'] })]), false],
  ['documentControlsOnly NATO: NATO SECRET over a bare (S) (NOFORN or RELIDO)', 'documentControlsOnly', ['NATO'], amid(NATO_SECRET, [mk('S')]), false],
  ['documentControlsOnly NATO: NATO SECRET over (U//FOUO)', 'documentControlsOnly', ['NATO'], amid(NATO_SECRET, [mk('U', { controls: ['FOUO'] })]), false],
  ['documentControlsOnly NATO: NATO SECRET over a mark not understood', 'documentControlsOnly', ['NATO'], amid(NATO_SECRET, [null]), false],
  ['documentLevelAtMost S: NATO SECRET over (NC) and (U)', 'documentLevelAtMost', 'S', amid(NATO_SECRET, [mk('C', { controls: ['NATO'] }), mk('U')]), true],
  ['documentLevelAtMost S: NATO SECRET over (TS//SI)', 'documentLevelAtMost', 'S', amid(NATO_SECRET, [mk('TS', { sci: ['SI'] })]), false],
  ['documentLevelAtMost S: NATO SECRET over (CTS)', 'documentLevelAtMost', 'S', amid(NATO_SECRET, [mk('TS', { controls: ['NATO'] })]), false],
  ['documentLevelAtMost TS: a mark not understood never matches', 'documentLevelAtMost', 'TS', amid(NATO_SECRET, [null]), false],
  ['documentHoldsAny NATO by the banner', 'documentHoldsAny', ['NATO', 'FGI'], facts({ documentMarking: mk('S', { controls: ['NATO'] }) }), true],
  ['documentHoldsAny FGI by a portion under a US banner', 'documentHoldsAny', ['NATO', 'FGI'], holding(mk('S', { controls: ['FGI'] }), mk('S', { controls: ['NOFORN'] })), true],
  ['documentHoldsAny: neither banner nor portions', 'documentHoldsAny', ['NATO', 'FGI'], holding(mk('S', { controls: ['NOFORN'] }), mk('S', { controls: ['NOFORN'] })), false],
  ['documentLevelAtMost S on a SECRET banner', 'documentLevelAtMost', 'S', facts({ documentMarking: mk('S') }), true],
  ['documentLevelAtMost S on a TS banner', 'documentLevelAtMost', 'S', facts({ documentMarking: mk('TS') }), false],
  ['documentLevelAtMost: no banner never matches', 'documentLevelAtMost', 'TS', facts({ documentMarking: null }), false],
  ['documentHasControls on UNCLASSIFIED//NOFORN', 'documentHasControls', true, facts({ documentMarking: mk('U', { controls: ['NOFORN'] }) }), true],
  ['documentHasControls true asked, plain UNCLASSIFIED', 'documentHasControls', true, facts({ documentMarking: mk('U') }), false],
  ['documentHasControls false on plain UNCLASSIFIED', 'documentHasControls', false, facts({ documentMarking: mk('U') }), true],
  ['documentHasControls: a REL TO list alone is no control', 'documentHasControls', false, facts({ documentMarking: mk('U', { relTo: ['USA', 'GBR'] }) }), true],
  ['documentHasControls: no banner matches neither', 'documentHasControls', false, facts({ documentMarking: null }), false],
  ['documentLevelAtLeast TS on a TS banner', 'documentLevelAtLeast', 'TS', facts({ documentMarking: mk('TS') }), true],
  ['documentLevelAtLeast TS on a SECRET banner', 'documentLevelAtLeast', 'TS', facts({ documentMarking: mk('S') }), false],
  ['documentLevelAtLeast: no banner never matches', 'documentLevelAtLeast', 'U', facts({ documentMarking: null }), false],
  ['bannerAbovePortions true', 'bannerAbovePortions', true, facts({ bannerAbovePortions: true }), true],
  ['bannerAbovePortions true asked, not above', 'bannerAbovePortions', true, facts({ bannerAbovePortions: false }), false],
  ['originatedBefore earlier', 'originatedBefore', '2010-06-28', facts({ originated: '2008-02-13' }), true],
  ['originatedBefore later', 'originatedBefore', '2010-06-28', facts({ originated: '2010-06-28' }), false],
  ['originatedBefore unknown', 'originatedBefore', '2010-06-28', facts({ originated: null }), false],
  ['originatedOnOrAfter same day', 'originatedOnOrAfter', '2010-06-28', facts({ originated: '2010-06-28' }), true],
  ['originatedOnOrAfter unknown', 'originatedOnOrAfter', '2010-06-28', facts({ originated: null }), false],
  ['unclassifiedMessage in a quoted UNCLASSIFIED message', 'unclassifiedMessage', true, facts({ inUnclassifiedMessage: true }), true],
  ['unclassifiedMessage elsewhere', 'unclassifiedMessage', true, facts(), false],
  ['ownBannerUnclassified on a page or newest message its own lines call UNCLASSIFIED', 'ownBannerUnclassified', true, facts({ underUnclassifiedBanner: true }), true],
  ['ownBannerUnclassified elsewhere', 'ownBannerUnclassified', true, facts(), false],
  ['ownBannerUnclassified false elsewhere', 'ownBannerUnclassified', false, facts(), true],
  // A banner carrying what no portion carries, all of them marked: a compilation or a portion marked too permissively.
  ['bannerControlsBeyondPortions: SECRET//NOFORN over (U) and (S//REL TO USA, FVEY)', 'bannerControlsBeyondPortions', BEYOND, under('SECRET//NOFORN', mk('S', { controls: ['NOFORN'] }), [mk('U'), mk('S', { relTo: FVEY })]), true],
  ['bannerControlsBeyondPortions: SECRET//ORCON//REL TO USA, FVEY over (S//REL TO USA, FVEY)', 'bannerControlsBeyondPortions', BEYOND, under('SECRET//ORCON//REL TO USA, FVEY', mk('S', { controls: ['ORCON'], relTo: FVEY }), [mk('S', { relTo: FVEY })]), true],
  ['bannerControlsBeyondPortions: SECRET//SI//NOFORN over (U), (S), (C)', 'bannerControlsBeyondPortions', ['SCI'], under('SECRET//SI//NOFORN', mk('S', { sci: ['SI'], controls: ['NOFORN'] }), [mk('U'), mk('S'), mk('C')]), true],
  ['bannerControlsBeyondPortions: SECRET//SI over (S//SI-G): the compartment carries the system', 'bannerControlsBeyondPortions', ['SCI'], under('SECRET//SI', mk('S', { sci: ['SI'] }), [mk('S', { sci: ['SI-G'] })]), false],
  ['bannerControlsBeyondPortions: SECRET//SI over (S//SI)', 'bannerControlsBeyondPortions', ['SCI'], under('SECRET//SI', mk('S', { sci: ['SI'] }), [mk('U'), mk('S', { sci: ['SI'] })]), false],
  ['bannerControlsBeyondPortions: //NATO SECRET over (U), (S)', 'bannerControlsBeyondPortions', ['NATO'], under('//NATO SECRET', mk('S', { controls: ['NATO'] }), [mk('U'), mk('S')]), true],
  ['bannerControlsBeyondPortions: SECRET//RD over (S)', 'bannerControlsBeyondPortions', ['RD'], under('SECRET//RD', mk('S', { controls: ['RD'] }), [mk('S')]), true],
  ['bannerControlsBeyondPortions: SECRET//NOFORN over (U) and (S): no foreign release marking is NOFORN', 'bannerControlsBeyondPortions', BEYOND, under('SECRET//NOFORN', mk('S', { controls: ['NOFORN'] }), [mk('U'), mk('S')]), false],
  ['bannerControlsBeyondPortions: SECRET//NOFORN over (S//NF)', 'bannerControlsBeyondPortions', BEYOND, under('SECRET//NOFORN', mk('S', { controls: ['NOFORN'] }), [mk('S', { controls: ['NOFORN'] })]), false],
  ['bannerControlsBeyondPortions: unmarked text may hold the NOFORN information', 'bannerControlsBeyondPortions', BEYOND, under('SECRET//NOFORN', mk('S', { controls: ['NOFORN'] }), [mk('S', { relTo: FVEY }), 'unmarked']), false],
  ['bannerControlsBeyondPortions: a control not listed', 'bannerControlsBeyondPortions', ['ORCON'], under('SECRET//NOFORN', mk('S', { controls: ['NOFORN'] }), [mk('S', { relTo: FVEY })]), false],
  ['bannerRelToNarrower: REL TO USA, GBR over REL TO USA, FVEY leaves out AUS', 'bannerRelToNarrower', ['AUS', 'CAN', 'GBR', 'NZL'], under('SECRET//REL TO USA, GBR', mk('S', { relTo: ['USA', 'GBR'] }), [mk('U'), mk('S', { relTo: FVEY }), mk('C', { relTo: FVEY })]), true],
  ['bannerRelToNarrower: REL TO USA, FVEY over REL TO USA, FVEY, DEU names the partners', 'bannerRelToNarrower', ['AUS', 'CAN', 'GBR', 'NZL'], under('SECRET//REL TO USA, FVEY', mk('S', { relTo: FVEY }), [mk('S', { relTo: ['USA', 'DEU', 'FVEY'] })]), false],
  ['bannerRelToNarrower: REL TO USA, FVEY over REL TO USA, NATO leaves out NATO', 'bannerRelToNarrower', ['NATO'], under('SECRET//REL TO USA, FVEY', mk('S', { relTo: FVEY }), [mk('S', { relTo: ['USA', 'NATO'] })]), true],
  ['bannerRelToNarrower: a NOFORN banner has no REL TO list (bannerControlsBeyondPortions says NOFORN)', 'bannerRelToNarrower', ['NATO'], under('SECRET//NOFORN', mk('S', { controls: ['NOFORN'] }), [mk('S', { relTo: ['USA', 'NATO'] })]), false],
];

describe('condition kinds', () => {
  it.each(cases)('%s', (_d, key, value, f, expected) => {
    const kind = CONDITIONS.get(key);
    expect(kind, key).toBeDefined();
    expect(CONDITION_SCHEMAS[key]!.safeParse(value).success).toBe(true);
    expect(kind!.test(value as never, f)).toBe(expected);
    expect(kind!.explain(value as never)).toMatch(/\w/);
  });

  it('every condition has a schema, and every schema a condition', () => {
    expect(Object.keys(CONDITION_SCHEMAS).sort()).toEqual([...CONDITIONS.keys()].sort());
  });

  it('every condition has match and no-match cases, and is documented in rules/README.md', () => {
    const readme = readFileSync(new URL('../../rules/README.md', import.meta.url), 'utf8');
    for (const key of CONDITIONS.keys()) {
      const mine = cases.filter((c) => c[1] === key);
      expect(mine.some((c) => c[4]), `${key} has a matching case`).toBe(true);
      expect(mine.some((c) => !c[4]), `${key} has a non-matching case`).toBe(true);
      expect(readme, `rules/README.md documents ${key}`).toContain(`\`${key}\``);
    }
  });
});
