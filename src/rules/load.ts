import { LineCounter, parseDocument, isNode, type Document as YamlDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigurationError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import type { Level } from '../types.js';
import { CONDITIONS } from './conditions/index.js';
import { ProfileSchema, type ProfileData } from './schema.js';
import { compileMatcher, type SpanMatcher } from './span-match.js';

/** A portion rule (release or withhold), ready to evaluate. */
export interface CompiledRule {
  /** Id within the profile, e.g. `classified`. */
  readonly id: string;
  /** Full id `<profile>/<rule>`, as recorded in decisions. */
  readonly fullId: string;
  readonly action: 'release' | 'withhold';
  /** Authority templates as written (`{reasons}` expands per document). */
  readonly authority: readonly string[];
  readonly declassify: boolean;
  /** The `when:` conditions in file order. */
  readonly conditions: readonly (readonly [string, unknown])[];
  readonly reason: string | undefined;
  /** 1-based line of the rule in the profile file (for lint messages). */
  readonly line: number;
}

/** A redact rule: removes matching spans inside released portions. */
export interface CompiledSpanRule {
  readonly id: string;
  readonly fullId: string;
  readonly authority: readonly string[];
  readonly conditions: readonly (readonly [string, unknown])[];
  readonly matcher: SpanMatcher;
  readonly reason: string | undefined;
}

/** A validated release profile. */
export interface Profile {
  readonly id: string;
  readonly description: string;
  readonly audience: { readonly id: string; readonly description?: string; readonly countries: readonly string[]; readonly clearance?: Level };
  readonly banner: 'foia' | 'rollup';
  readonly failClosedAuthority: readonly string[];
  readonly defaultAuthority: readonly string[];
  /** Release/withhold rules in precedence order (first match wins). */
  readonly rules: readonly CompiledRule[];
  readonly spanRules: readonly CompiledSpanRule[];
  /** Where it came from and the sha256 of its bytes, for the audit record. */
  readonly source: { readonly file: string; readonly sha256: string };
}

const DEFAULT_AUTHORITY = ['B1', '{reasons}'];

/**
 * Parses and validates a profile written in YAML (or JSON, which is YAML). Every problem becomes a
 * ConfigurationError whose message names the file, the line and the path inside it, and what was
 * expected, e.g. `rules/x.yaml:14: rules[2].action: Invalid option: expected one of "release"|…`.
 */
export function loadProfile(text: string, file: string): Profile {
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
  const data: unknown = doc.toJS();
  const parsed = ProfileSchema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigurationError(describeIssue(parsed.error.issues[0]!, doc, lineCounter, file));
  }
  const profile = parsed.data;
  checkSemantics(profile, doc, lineCounter, file);
  const lines = profile.rules.map((_, i) => lineOf(doc, lineCounter, ['rules', i]));
  return compile(profile, file, sha256Hex(text), lines);
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
  profile.rules.forEach((rule, i) => {
    if (rule.id === 'default-deny' || rule.id === 'unknown-marking')
      fail(['rules', i, 'id'], `"${rule.id}" is reserved for the engine's own rule`);
    if (seen.has(rule.id)) fail(['rules', i, 'id'], `duplicate rule id "${rule.id}"`);
    seen.add(rule.id);
    if (rule.action !== 'release' && !rule.authority)
      fail(['rules', i], `a ${rule.action} rule needs an authority (e.g. [B1, "{reasons}"] or [B6])`);
    if (rule.action === 'redact') {
      if (!rule.match || ((rule.match.patterns?.length ?? 0) === 0 && (rule.match.terms?.length ?? 0) === 0))
        fail(['rules', i], 'a redact rule needs match.patterns or match.terms');
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

function compile(profile: ProfileData, file: string, hash: string, lines: readonly number[]): Profile {
  const conditionsOf = (when: Record<string, unknown> | undefined) =>
    Object.entries(when ?? {}).filter(([, v]) => v !== undefined) as [string, unknown][];
  const rules: CompiledRule[] = [];
  const spanRules: CompiledSpanRule[] = [];
  for (const [i, rule] of profile.rules.entries()) {
    const fullId = `${profile.id}/${rule.id}`;
    if (rule.action === 'redact') {
      spanRules.push({
        id: rule.id,
        fullId,
        authority: rule.authority!,
        conditions: conditionsOf(rule.when),
        matcher: compileMatcher(rule.match!),
        reason: rule.reason,
      });
    } else {
      rules.push({
        id: rule.id,
        fullId,
        action: rule.action,
        authority: rule.authority ?? [],
        declassify: rule.declassify ?? false,
        conditions: conditionsOf(rule.when),
        reason: rule.reason,
        line: lines[i] ?? 1,
      });
    }
  }
  return {
    id: profile.id,
    description: profile.description,
    audience: { ...profile.audience, countries: profile.audience.countries ?? [] },
    banner: profile.banner,
    failClosedAuthority: profile.failClosedAuthority ?? DEFAULT_AUTHORITY,
    defaultAuthority: profile.defaultAuthority ?? DEFAULT_AUTHORITY,
    rules,
    spanRules,
    source: { file, sha256: hash },
  };
}
