/**
 * Probe 67d F8: front matter (YAML `---`, TOML `+++`, JSON `{…}`) whose value names a
 * classification under a key outside the old list (`sensitivity:`, `handling:`, `tags:`, a flow
 * or nested map, TOML, JSON) left an UNCLASSIFIED memo's title and body released. Now any value,
 * whatever its key, that reads as a classification the banner does not cover is a sign
 * (`unclassified-banner-contradicted`, naming the line); front matter the reader cannot read
 * (never closed, a quote or bracket left open, an escape that does not decode) is one too; prose
 * (`Keeping secrets in public life`) is not.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkedDocument } from '../../../src/parse/document/index.js';
import { frontMatterValues } from '../../../src/parse/document/front-matter-values.js';

const memo = (head: string, banner = 'UNCLASSIFIED'): string => `${head}\n\n# ${banner}\n\nZQ1 unmarked body text.\n\n# ${banner}\n`;
const yaml = (line: string): string => `---\ntitle: ZQ2 title\n${line}\n---`;
const signs = (text: string): string[] => (parseMarkedDocument(text).classifiedSigns ?? []).map((s) => s.what);
/** True when the memo is not read as plainly UNCLASSIFIED: a sign contradicts its banner, or a value (a bare `SECRET` line) was read as its banner. */
const held = (text: string): boolean => {
  const doc = parseMarkedDocument(text);
  return doc.banner?.marking?.level !== 'U' || (doc.classifiedSigns ?? []).length > 0;
};

describe('a front matter value naming a classification, whatever its key, contradicts an UNCLASSIFIED banner', () => {
  it.each([
    ['sensitivity', yaml('sensitivity: SECRET')],
    ['protective_marking', yaml('protective_marking: SECRET')],
    ['clearance', yaml('clearance: SECRET')],
    ['class: S', yaml('class: S')],
    ['an abbreviation alone (TS)', yaml('grade: TS')],
    ['an abbreviation alone (C)', yaml('cat: C')],
    ['an abbreviation alone (R)', yaml('cat: R')],
    ['RESTRICTED', yaml('cat: restricted')],
    ['handling: NOFORN', yaml('handling: NOFORN')],
    ['a control in lower case', yaml('handling: orcon')],
    ['REL TO', yaml('release: REL TO USA, FVEY')],
    ['FVEY', yaml('audience: FVEY')],
    ['IMCON, NOCONTRACT, PROPIN', yaml('x: [IMCON, NOCONTRACT, PROPIN]')],
    ['a distribution caption', yaml('distribution: EXDIS')],
    ['a compartment', yaml('channel: SI')],
    ['a compartment list', yaml('channels: [HCS, COMINT]')],
    ['a portion mark', yaml('para: (S//NF)')],
    ['a banner', yaml('header: SECRET//NOFORN')],
    ['TOP SECRET in title case', yaml('rating: Top Secret')],
    ['top-secret as one tag', yaml('tags: [top-secret]')],
    ['a flow list', yaml('tags: [secret, noforn]')],
    ['a block list', yaml('tags:\n  - public\n  - secret')],
    ['a control as a block list item', yaml('tags:\n  - public\n  - noforn')],
    ['a flow map', yaml('meta: {classification: SECRET}')],
    ['a nested map', yaml('meta:\n  review:\n    status: CONFIDENTIAL')],
    ['a flow map over lines', yaml('meta: {\n  marking: SECRET\n}')],
    ['a quoted value', yaml('sensitivity: "SECRET"')],
    ['a single-quoted value', yaml("sensitivity: 'secret'")],
    ['an escaped value', yaml('sensitivity: "\\u0053ECRET"')],
    ['a tagged value', yaml('sensitivity: !!str SECRET')],
    ['an anchored value', yaml('sensitivity: &lvl SECRET')],
    ['a block scalar', yaml('sensitivity: >\n  SECRET')],
    ['a quoted key', yaml('"security": {"level": "SECRET"}')],
    ['a comment', yaml('layout: memo # SECRET')],
    ['look-alike letters', yaml('sensitivity: SЕCRЕT')],
    ['FOUO under a plain UNCLASSIFIED banner', yaml('handling: FOUO')],
    ['FOR OFFICIAL USE ONLY spelled out', yaml('handling: for official use only')],
    ['TOML', '+++\ntitle = "ZQ2 title"\nsensitivity = "SECRET"\n+++'],
    ['TOML table', '+++\ntitle = "ZQ2 title"\n[meta]\nhandling = "NOFORN"\n+++'],
    ['TOML multi-line string', '+++\ntitle = "ZQ2 title"\nnote = """\nSECRET\n"""\n+++'],
    ['JSON inside --- fences', '---\n{"title": "ZQ2", "classification": "SECRET"}\n---'],
    ['JSON on one line', '{"title": "ZQ2", "sensitivity": "SECRET"}'],
    ['JSON over lines', '{\n  "title": "ZQ2",\n  "meta": {"handling": ["NOFORN"]}\n}'],
    ['a ... close', '---\ntitle: ZQ2 title\nsensitivity: SECRET\n...'],
  ])('%s', (_name, head) => {
    expect(held(memo(head))).toBe(true);
  });

  it.each([
    ['a key outside the old list', yaml('sensitivity: SECRET'), 'its front matter reads "sensitivity: SECRET" (line 3)'],
    ['a flow list', yaml('tags: [secret, noforn]'), 'its front matter reads "tags: [secret, noforn]" (line 3)'],
    ['TOML', '+++\nsensitivity = "SECRET"\n+++', 'its front matter reads "sensitivity = \\"SECRET\\"" (line 2)'],
    ['JSON', '{"title": "ZQ2", "sensitivity": "SECRET"}', 'its front matter reads "{\\"title\\": \\"ZQ2\\", \\"sensitivity\\": \\"SECRET\\"}" (line 1)'],
  ])('the sign names the value\'s line (%s)', (_name, head, what) => {
    expect(signs(memo(head))).toContain(what);
  });

  it('the sign names the line of the value', () => {
    expect(signs(memo(yaml('author: ZQ3\nsensitivity: SECRET')))).toContain('its front matter reads "sensitivity: SECRET" (line 4)');
  });
});

describe('a front matter the reader cannot read holds an UNCLASSIFIED memo, naming the line', () => {
  it.each([
    ['a --- block never closed', '---\ntitle: ZQ2 title\nsensitivity: public', /opened on line 1 is never closed/],
    ['a +++ block never closed', '+++\ntitle = "ZQ2 title"', /opened on line 1 is never closed/],
    ['a JSON object never closed', '{"title": "ZQ2 title",', /opened on line 1 is never closed/],
    ['a quote never closed', yaml('summary: "ZQ3 open'), /could not be read at line 3 \(a quoted value is never closed\)/],
    ['a bracket never closed', yaml('tags: [public, memo'), /could not be read at line 3 \(a bracket is never closed\)/],
    ['an escape that does not decode', yaml('summary: "\\q"'), /could not be read at line 3 \(an escape/],
  ])('%s', (_name, head, sign) => {
    expect(signs(memo(head)).join('; ')).toMatch(sign);
  });
});

describe('values that name no classification leave an UNCLASSIFIED memo as it was', () => {
  it.each([
    ['prose with a level word in lower case', yaml('subtitle: Keeping secrets in public life')],
    ['prose with a level word in capitals', yaml('subtitle: The SECRET garden of Kew')],
    ['UNCLASSIFIED', yaml('classification: UNCLASSIFIED')],
    ['U', yaml('classification: U')],
    ['ordinary keys', yaml('author: A. Writer\ndate: 2020-01-02\ntags: [public, memo]\ndraft: false\nurl: https://example.org/si/tk')],
    ['a word holding a level word', yaml('tags: [secretary, confidentiality]')],
    ['TOML', '+++\ntitle = "ZQ2 title"\nauthor = "A. Writer"\n+++'],
    ['JSON', '{"title": "ZQ2 title", "tags": ["public"]}'],
  ])('%s', (_name, head) => {
    expect(signs(memo(head))).toEqual([]);
  });

  it('FOUO under an UNCLASSIFIED//FOUO banner is no sign', () => {
    expect(signs(memo(yaml('handling: FOUO'), 'UNCLASSIFIED//FOUO'))).toEqual([]);
  });
});

describe('frontMatterValues', () => {
  it('reads keys, values, list items, flow items and comments as scalars', () => {
    const { scalars, unread } = frontMatterValues(['a: b', '- c', 'd: [e, "f, g"]', "h: {i: 'j''k'}", 'l = "m" # n o']);
    expect(scalars.map((s) => s.text)).toEqual(['a', 'b', 'c', 'd', 'e', 'f, g', 'h', 'i', "j'k", 'l', 'm', 'n o']);
    expect(unread).toBeNull();
  });

  it('a quoted value over lines is one scalar of the line it opens on', () => {
    expect(frontMatterValues(['a: "b', 'c"']).scalars).toEqual([{ text: 'a', line: 0 }, { text: 'b c', line: 0 }]);
  });
});
