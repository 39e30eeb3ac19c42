/**
 * The audit's independent check of a release text against its profile's redact rules
 * (src/audit/rule-matches.ts): stop 57's release showed a name and a telephone number on a routing
 * line, and `audit --originals` passed, its re-run following the same engine.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactRuleMatches } from '../../src/audit/rule-matches.js';
import { loadProfile } from '../../src/rules/load.js';

const profile = (id: string) => loadProfile(readFileSync(new URL(`../../rules/${id}.yaml`, import.meta.url), 'utf8'), `rules/${id}.yaml`);
const pii = profile('public-pii');
const intel = profile('foia-intel');
const TOOL = ['UNCLASSIFIED', 'RELEASE IN PART B1, B6'];

describe('redact rules that still match a release text', () => {
  it.each([
    ['a name and a number on a routing line', pii, 'UNCLASSIFIED\nRELEASE IN PART B1, B6\nRUEHRL/USDAO BERLIN GE PRIORITY ATTN BURKHARD DUCOFFRE 202-647-4000\n', [/^1 span\(s\) that redact rule public-pii\/telephone matches/, /redact rule public-pii\/names matches appear here, the first near line 3/]],
    ['an e-mail address on a TAGS line', pii, 'TAGS: PREL, MUSSERCC@STATE.GOV\n', [/1 span\(s\) that redact rule public-pii\/email matches appear here, the first near line 1:/]],
    ['nothing left: the placeholders and the stamp', intel, 'UNCLASSIFIED\nRELEASE IN PART B1, B6\nFM AMEMBASSY BERLIN\nATTN [REDACTED: B6] [REDACTED: B6]\n¶2. [WITHHELD: B1, 1.4(B)]\n[DENIED IN FULL: 4 portion(s) withheld under B1, 1.4(B)]\n', []],
  ] as const)('%s', (_what, p, text, expected) => {
    const found = redactRuleMatches(p, text, TOOL);
    expect(found).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(found[i]).toMatch(re));
    // A finding never quotes what it found.
    for (const f of found) expect(f).not.toMatch(/DUCOFFRE|647|MUSSERCC/i);
  });

  it('the stamp is skipped as the tool wrote it only: the same words in a line of the text are checked', () => {
    expect(redactRuleMatches(intel, 'RELEASE IN PART B1, B6\n', TOOL)).toEqual([]);
    expect(redactRuleMatches(intel, 'RELEASE IN PART B1, B6\n', [])).toHaveLength(1);
  });
});
