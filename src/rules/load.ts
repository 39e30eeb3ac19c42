import { LineCounter, parseDocument, isNode, type Document as YamlDocument } from 'yaml';
import { refuseMergeKeys } from './merge-keys.js';
import type { z } from 'zod';
import { ConfigurationError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import { CONDITIONS } from './conditions/index.js';
import { ProfileSchema, type ProfileData } from './schema.js';
import { compileMatcher } from './span-match.js';
import { compileProfile, type Profile, type ValidatedProfile } from './compile.js';

export type { CompiledRule, CompiledSpanRule, Profile, ValidatedProfile } from './compile.js';

/**
 * Parses and validates a profile written in YAML (or JSON, which is YAML). Every problem becomes a
 * ConfigurationError whose message names the file, the line and the path inside it, and what was
 * expected, e.g. `rules/x.yaml:14: rules[2].action: Invalid option: expected one of "release"|…`.
 */
export function loadProfile(text: string, file: string): Profile {
  return compileProfile(validateProfile(text, file), file);
}

/**
 * {@link loadProfile} less the compiling: the profile's data as validated, the line of each rule
 * and the sha256 of the text. What the build keeps of each bundled profile (scripts/write-profiles.mjs).
 */
export function validateProfile(text: string, file: string): ValidatedProfile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // JSON is YAML, so one parser serves both; a `.json` file is also held to strict JSON (YAML
  // would accept trailing commas and comments), and its errors say JSON.
  const json = /\.json$/i.test(file);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    // linePos is only filled with prettyErrors, which would make the message span lines.
    const pos = lineCounter.linePos(e.pos[0]);
    throw new ConfigurationError(`${file}:${pos.line}:${pos.col}: invalid ${json ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}`);
  }
  if (json) checkStrictJson(text, file, lineCounter);
  refuseMergeKeys(doc, lineCounter, file);
  const data: unknown = doc.toJS();
  const parsed = ProfileSchema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigurationError(describeIssue(parsed.error.issues[0]!, doc, lineCounter, file));
  }
  const profile = parsed.data;
  checkSemantics(profile, doc, lineCounter, file);
  const lines = profile.rules.map((_, i) => lineOf(doc, lineCounter, ['rules', i]));
  return { data: profile, lines, sha256: sha256Hex(text) };
}

/** Throws a ConfigurationError naming the line and column when `text` is not strict JSON. */
function checkStrictJson(text: string, file: string, lineCounter: LineCounter): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    const pos = at ? lineCounter.linePos(Number(at[1])) : null;
    // V8 quotes the whole input in some messages (`"{…}" is not valid JSON`): keep one short line.
    const what = message.replace(/,\s*"[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position \d+.*$/, '').split('\n')[0];
    throw new ConfigurationError(`${file}:${pos ? `${pos.line}:${pos.col}` : '1'}: invalid JSON: ${what}`);
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out || '(top level)';
}

/** Line (1-based) of the deepest YAML node that exists along `path`. */
function lineOf(doc: YamlDocument, lineCounter: LineCounter, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

function describeIssue(issue: z.core.$ZodIssue, doc: YamlDocument, lineCounter: LineCounter, file: string): string {
  let path = [...issue.path];
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    path = [...path, key];
    const where = formatPath(issue.path);
    const known = where.endsWith('when') ? ` (known conditions: ${[...CONDITIONS.keys()].join(', ')})` : '';
    message = `unknown field "${key}" in ${where}${known}`;
    return `${file}:${lineOf(doc, lineCounter, path)}: ${message}`;
  }
  return `${file}:${lineOf(doc, lineCounter, path)}: ${formatPath(path)}: ${message}`;
}

function checkSemantics(profile: ProfileData, doc: YamlDocument, lc: LineCounter, file: string): void {
  const fail = (path: (string | number)[], message: string): never => {
    throw new ConfigurationError(`${file}:${lineOf(doc, lc, path)}: ${formatPath(path)}: ${message}`);
  };
  const seen = new Set<string>();
  for (const key of ['failClosedAuthority', 'defaultAuthority'] as const) {
    (profile[key] ?? []).forEach((a, k) => {
      if (/[{}]/.test(a) && a !== '{reasons}') fail([key, k], `"${a}": the only placeholder is "{reasons}" (the document's 1.4 reasons), alone as an item`);
    });
  }
  profile.rules.forEach((rule, i) => {
    if (rule.id === 'default-deny' || rule.id === 'unknown-marking')
      fail(['rules', i, 'id'], `"${rule.id}" is reserved for the engine's own rule`);
    if (seen.has(rule.id)) fail(['rules', i, 'id'], `duplicate rule id "${rule.id}"`);
    seen.add(rule.id);
    if (rule.action !== 'release' && !rule.authority)
      fail(['rules', i], `a ${rule.action} rule needs an authority (e.g. [B1, "{reasons}"] or [B6])`);
    if (rule.action === 'release' && rule.authority) fail(['rules', i, 'authority'], 'a release rule withholds nothing, so it takes no authority');
    (rule.authority ?? []).forEach((a, k) => {
      // `{reasons}` is the one placeholder; `{reason}` or `{reasons` was printed as written.
      if (/[{}]/.test(a) && a !== '{reasons}') fail(['rules', i, 'authority', k], `"${a}": the only placeholder is "{reasons}" (the document's 1.4 reasons), alone as an item`);
    });
    if (rule.action === 'redact') {
      if (!rule.match || ((rule.match.patterns?.length ?? 0) === 0 && (rule.match.terms?.length ?? 0) === 0 && (rule.match.use?.length ?? 0) === 0))
        fail(['rules', i], 'a redact rule needs match.patterns, match.use or match.terms');
      try {
        compileMatcher(rule.match!);
      } catch (error) {
        fail(['rules', i, 'match'], (error as Error).message);
      }
    } else if (rule.match) fail(['rules', i, 'match'], `only redact rules take "match"; this rule is a ${rule.action} rule`);
    if (rule.declassify && rule.action !== 'release') fail(['rules', i, 'declassify'], 'only release rules may declassify');
    const sources = (rule.when as { marking?: string[] } | undefined)?.marking;
    if (rule.action === 'release' && sources?.includes('unknown'))
      fail(['rules', i, 'when', 'marking'], 'a profile may not release portions whose marking was not understood (fail closed)');
  });
}
