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
    ['an abbreviation alone under a classification key (TS)', yaml('grade_level: TS')],
    ['an abbreviation alone under a classification key (C)', yaml('security: C')],
    ['an abbreviation alone under a classification key (R)', yaml('marking: R')],
    ['RESTRICTED', yaml('cat: restricted')],
    ['handling: NOFORN', yaml('handling: NOFORN')],
    ['a control in lower case', yaml('handling: orcon')],
    ['REL TO', yaml('release: REL TO USA, FVEY')],
    ['FVEY under a classification key', yaml('dissemination: FVEY')],
    ['IMCON, NOCONTRACT, PROPIN', yaml('x: [IMCON, NOCONTRACT, PROPIN]')],
    ['a distribution caption', yaml('distribution: EXDIS')],
    ['a compartment under a classification key', yaml('caveats: SI')],
    ['a compartment line', yaml('channel: SI//TK')],
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

/**
 * Probe 68d F1: a value naming a classification with a qualifier (`TOP SECRET until 2030`) was
 * read as prose and released. Under a key naming a classification any value but UNCLASSIFIED, U
 * or empty is a sign (nested keys, list items, JSON and TOML tables too); under any key, a level
 * or control word with a qualifier is.
 */
describe('probe 68d F1: a qualified classification value holds an UNCLASSIFIED memo', () => {
  it.each([
    ['h3 level', yaml('level: Secret - per SCG 12')],
    ['h5 caveats', yaml('caveats: NOFORN pending review')],
    ['h6 security', yaml('security: TOP SECRET until 2030')],
    ['h8 dissemination', yaml('dissemination: NOFORN only')],
    ['h10 marking', yaml('marking: SECRET (draft)')],
    ['h1 classification', yaml('classification: SECRET (draft)')],
    ['h2 classification', yaml('classification: SECRET when filled in')],
    ['h4 banner', yaml('banner: SECRET//NOFORN draft')],
    ['h7 classification', yaml('classification: SECRET (when separated, UNCLASSIFIED)')],
    ['h9 classification', yaml('classification: Confidential, internal')],
    ['a key in capitals', yaml('SECURITY: internal')],
    ['a key with _', yaml('security_level: internal')],
    ['a key with -', yaml('protective-marking: OFFICIAL')],
    ['a key with a blank', yaml('"protective marking": OFFICIAL')],
    ['a key in camelCase', yaml('handlingCaveats: internal')],
    ['sensitivity', yaml('sensitivity: high')],
    ['clearance', yaml('clearance_required: Secret clearance')],
    ['a nested key', yaml('meta:\n  classification: internal')],
    ['a value under a nested classification key', yaml('security:\n  owner: ZQ4 name')],
    ['a list item under a classification key', yaml('caveats:\n  - internal')],
    ['a list item at the key\'s indent', yaml('caveats:\n- internal')],
    ['a flow map', yaml('meta: {marking: internal}')],
    ['JSON nested', '{"title": "ZQ2", "security": {"level": "internal"}}'],
    ['TOML table', '+++\ntitle = "ZQ2 title"\n[security]\nnote = "internal"\n+++'],
    ['TOP SECRET until, any key', yaml('notes: TOP SECRET until 2030')],
    ['SECRET (draft), any key', yaml('status: SECRET (draft)')],
    ['Secret - per, any key, at the start', yaml('x: Secret - per SCG 12')],
    ['NOFORN pending, any key', yaml('y: NOFORN pending review')],
    ['NOFORN only, any key', yaml('z: NOFORN only')],
    ['a level in capitals inside a value, with a qualifier', yaml('note: contains TOP SECRET material')],
  ])('%s', (_name, head) => {
    expect(held(memo(head))).toBe(true);
  });

  it('the sign names the value\'s line', () => {
    expect(signs(memo(yaml('security: TOP SECRET until 2030')))).toContain('its front matter reads "security: TOP SECRET until 2030" (line 3)');
  });
});

/**
 * Probe 68d F5: an abbreviation (S, C, R, TS, SI, NC, NATO …) under an ordinary key held an
 * unclassified memo. It is a sign only under a key naming a classification or in a whole
 * classification line; full words (SECRET, NOFORN, ORCON) are under any key.
 */
describe('probe 68d F5: abbreviations under ordinary keys leave an UNCLASSIFIED memo as it was', () => {
  const ordinary = (line: string) => yaml(`author: J. Smith\ndate: 2026-03-01\ntags: [budget, travel]\n${line}`);
  it.each([
    ['k1', ordinary('state: NC')],
    ['k2', ordinary('lang: ts')],
    ['k3', ordinary('org: NATO')],
    ['k4', ordinary('tags2: [nato, summit]')],
    ['k5', ordinary('size: S')],
    ['k6', ordinary('grade: C')],
    ['k7', ordinary('topics: [si, units]')],
    ['k8', ordinary('category: FOIA # not secret')],
    ['k9', ordinary('layout: post')],
    ['k10', ordinary('priority: R')],
    ['tags: [nato, si]', ordinary('tags3: [nato, si]')],
    ['units: SI', ordinary('units: SI')],
    ['grade: TS', ordinary('grade: TS')],
    ['audience: FVEY', ordinary('audience: FVEY')],
    ['UNCLASSIFIED under a classification key', ordinary('level: UNCLASSIFIED')],
    ['a nested UNCLASSIFIED', ordinary('classification:\n  level: UNCLASSIFIED')],
    ['a url with level=', ordinary('url: https://example.org/?level=3')],
  ])('%s', (_name, head) => {
    expect(signs(memo(head))).toEqual([]);
  });

  it.each([
    ['S//NF', yaml('x: S//NF')],
    ['TS//SI//REL TO USA, FVEY', yaml('x: TS//SI//REL TO USA, FVEY')],
    ['SECRET//NOFORN', yaml('x: SECRET//NOFORN')],
    ['TS/SCI', yaml('req: TS/SCI')],
    ['SECRET, any key', yaml('size: SECRET')],
    ['ORCON, any key', yaml('org: orcon')],
    ['an abbreviation under a classification key', yaml('classification: S')],
    ['NATO under a classification key', yaml('releasability: NATO')],
  ])('%s is a sign', (_name, head) => {
    expect(held(memo(head))).toBe(true);
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
    expect(frontMatterValues(['a: "b', 'c"']).scalars).toEqual([{ text: 'a', line: 0, keys: [], isKey: true }, { text: 'b c', line: 0, keys: ['a'], isKey: false }]);
  });

  it('gives each scalar the keys it sits under: block, list item, flow, JSON, TOML table; none for a comment', () => {
    const keysOf = (lines: string[]) => frontMatterValues(lines).scalars.filter((s) => !s.isKey).map((s) => `${s.text}<${s.keys.join('.')}`);
    expect(keysOf(['a:', '  b:', '    - c', '  d: e', 'f: g # h'])).toEqual(['c<a.b', 'e<a.d', 'g<f', 'h<']);
    expect(keysOf(['a:', '- b', 'c: {d: e, f: [g]}'])).toEqual(['b<a', 'e<c.d', 'g<c.f']);
    expect(keysOf(['{"a": {"b": "c"},', ' "d": "e"}'])).toEqual(['c<a.b', 'e<d']);
    expect(keysOf(['[t]', 'a = "b"'])).toEqual(['t<', 'b<t.a']);
  });
});
