/**
 * Probe 67d F8, released through the CLI (release text, and the release PDF read by pdf.js): a
 * Markdown memo under `# UNCLASSIFIED` banners whose front matter names a classification under
 * any key (`sensitivity:`, `handling:`, `tags:`, flow and nested maps, TOML, JSON, on LF, CRLF and
 * after a byte order mark) goes to pending/ with no `ZQ…` word handed out; front matter that
 * cannot be read does too; a classified memo's front matter is withheld; an unclassified memo's
 * front matter of prose is released.
 */
import { describe, expect, it } from 'vitest';
import { markerWords, releaseOneText } from '../helpers/released-texts.js';

const memo = (head: string): string => `${head}\n\n# UNCLASSIFIED\n\nZQ1 unmarked body text.\n\n# UNCLASSIFIED\n`;
const yaml = (line: string): string => `---\ntitle: ZQ2 title\n${line}\n---`;
const FORMS: readonly (readonly [string, string])[] = [
  ['sensitivity', yaml('sensitivity: SECRET')],
  ['protective_marking', yaml('protective_marking: SECRET')],
  ['clearance', yaml('clearance: SECRET')],
  ['class: S', yaml('class: S')],
  ['handling: NOFORN', yaml('handling: NOFORN')],
  ['tags', yaml('tags: [secret, noforn]')],
  ['a flow map', yaml('meta: {classification: SECRET}')],
  ['a nested map', yaml('meta:\n  review:\n    handling: ORCON')],
  ['a compartment under a classification key', yaml('caveats: SI')],
  ['a compartment line', yaml('channel: SI//TK')],
  // Probe 68d F1 (fm3/h3, h5, h6, h8, h10): a qualified value was released in full.
  ['h3', yaml('level: Secret - per SCG 12')],
  ['h5', yaml('caveats: NOFORN pending review')],
  ['h6', yaml('security: TOP SECRET until 2030')],
  ['h8', yaml('dissemination: NOFORN only')],
  ['h10', yaml('marking: SECRET (draft)')],
  ['a qualified level under any key', yaml('notes: TOP SECRET until 2030')],
  ['TOML', '+++\ntitle = "ZQ2 title"\nsensitivity = "SECRET"\n+++'],
  ['JSON in fences', '---\n{"title": "ZQ2", "classification": "SECRET"}\n---'],
  ['JSON on one line', '{"title": "ZQ2", "classification": "SECRET"}'],
  ['JSON over lines', '{\n  "title": "ZQ2",\n  "handling": "NOFORN"\n}'],
  ['a block never closed', '---\ntitle: ZQ2 title\nsensitivity: public'],
  ['a quote never closed', yaml('summary: "ZQ3 open')],
];

/** Releases `input` and expects the memo in pending/ only, with no ZQ word in any file. */
async function expectHeld(input: string): Promise<void> {
  const files = await releaseOneText(input, { name: 'doc.md' });
  expect([...files.keys()].some((f) => f.startsWith('release/doc.'))).toBe(false);
  expect([...files.keys()].some((f) => f.startsWith('pending/doc.'))).toBe(true);
  for (const [file, text] of files) for (const w of markerWords(input, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
}

describe('probe 67d F8: front matter naming a classification holds an UNCLASSIFIED memo', () => {
  it.each(FORMS)('%s (LF)', async (_name, head) => {
    await expectHeld(memo(head));
  });

  it.each(FORMS.filter((_, i) => i % 3 === 0))('%s (CRLF, byte order mark)', async (_name, head) => {
    await expectHeld(`\uFEFF${memo(head).replace(/\n/g, '\r\n')}`);
  });
});

describe('front matter of a classified or uncertain memo is withheld; of an unclassified one, released', () => {
  it.each([
    ['YAML, classified', '---\ntitle: ZQ2 title\nauthor: ZQ3 name\nsubject: ZQ4 subject\ntags: [ZQ5, public]\n---\n\n# SECRET\n\n(U) UQ1 intro.\n\n(S) ZQ6 secret.\n\nClassified By: A B, Chief\nDerived From: Multiple Sources\nDeclassify On: 20400101\n\n# SECRET\n'],
    ['JSON, classified', '{"title": "ZQ2 title", "author": "ZQ3"}\n\n# SECRET\n\n(U) UQ1 intro.\n\n(S) ZQ6 secret.\n\nClassified By: A B, Chief\nDerived From: Multiple Sources\nDeclassify On: 20400101\n\n# SECRET\n'],
    ['YAML, no banner', '---\ntitle: ZQ2 title\nauthor: ZQ3 name\n---\n\n(U) UQ1 intro.\n\nZQ6 unmarked.\n'],
  ])('%s', async (_name, input) => {
    const files = await releaseOneText(input, { name: 'doc.md' });
    for (const [file, text] of files) for (const w of markerWords(input, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
  });

  it.each<[string, string]>([
    ['prose with a level word', '---\ntitle: UQ2 Keeping secrets in public life\nauthor: UQ3 name\n---'],
    ['TOML', '+++\ntitle = "UQ2 title"\n+++'],
    ['JSON', '{"title": "UQ2 title", "tags": ["public"]}'],
    // Probe 68d F5 (fm4/k1-k10): abbreviations under ordinary keys held the memo.
    ...['state: NC', 'lang: ts', 'org: NATO', 'tags2: [nato, summit]', 'size: S', 'grade: C', 'topics: [si, units]', 'category: FOIA # not secret', 'layout: post', 'priority: R'].map(
      (line, i): [string, string] => [`k${i + 1} ${line}`, `---\ntitle: UQ2 title\nauthor: UQ3 name\ndate: 2026-03-01\ntags: [budget, travel]\n${line}\n---`],
    ),
  ])('%s: released in an UNCLASSIFIED memo', async (_name, head) => {
    const input = `${head}\n\n# UNCLASSIFIED\n\nUQ1 unmarked body text.\n\n# UNCLASSIFIED\n`;
    const files = await releaseOneText(input, { name: 'doc.md' });
    const released = [...files].filter(([f]) => f.startsWith('release/doc.'));
    expect(released.length).toBeGreaterThan(0);
    for (const [file, text] of released) for (const w of markerWords(input, 'UQ')) expect(text, `${file}: ${w}`).toContain(w);
  });
});
