/**
 * A caption set right under a paragraph with no blank line between (found by a probe, in a
 * Chromium PDF; the same in a text memo): `Figure 1. …` after a sentence's end opens a portion of
 * its own. Read on as the (U) paragraph's last line, an unmarked caption that repeated a withheld
 * sentence was released.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/parse/read.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';

const PUBLIC = loadProfile(readFileSync(new URL('../../rules/public.yaml', import.meta.url), 'utf8'), 'rules/public.yaml');

const memo = (caption: string) =>
  [
    'SECRET//NOFORN',
    '',
    '(S//NF) The asset GROUSEHILL photographed the new missile launcher at the northern base last week.',
    '',
    '(U) The figure below shows a generic launcher of the kind widely reported in the open press.',
    caption,
    '',
    'Classified By: Jane Roe',
    'Derived From: Multiple Sources',
    'Declassify On: 20451231',
    '',
    'SECRET//NOFORN',
    '',
  ].join('\n');

const release = (text: string) => planRelease(readDocument(text, { format: 'document' }).doc, PUBLIC, { asOf: '2026-12-01', stem: 'T' }).releaseText;

describe('a caption right under a paragraph', () => {
  it.each(['Figure 1. The asset GROUSEHILL photographed the new missile launcher at the northern base.', 'Photo: The asset GROUSEHILL photographed the new missile launcher at the northern base.', 'Table 2: GROUSEHILL sightings'])(
    '%s: a portion of its own, unmarked in a classified memo, withheld',
    (caption) => {
      const out = release(memo(caption));
      expect(out).not.toContain('GROUSEHILL');
      expect(out).toContain('widely reported in the open press.');
    },
  );

  it('a line that goes on with the sentence is no caption', () => {
    const out = release(memo('Figure 1 of the annex shows the same launcher from the side.').replace('open press.', 'open press, and'));
    expect(out).toContain('Figure 1 of the annex');
  });
});
