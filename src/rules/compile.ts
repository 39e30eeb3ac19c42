/**
 * A validated profile made ready to evaluate: rules in precedence order, redact rules with their
 * matchers. Apart from the validating loader (./load.ts) so that a profile already validated (a
 * bundled one, at build time) is compiled without loading yaml or zod.
 */
import type { Level } from '../types.js';
import type { ProfileData } from './schema.js';
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
  /** The literal terms when the profile marks them a sample (`match.sample`), else absent. */
  readonly sampleTerms?: readonly string[];
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

/** A profile's data as validated, with the 1-based line of each rule and the sha256 of the file's text. */
export interface ValidatedProfile {
  readonly data: ProfileData;
  readonly lines: readonly number[];
  readonly sha256: string;
}

/** The profile of validated data; `file` is recorded as its source. */
export function compileProfile({ data: profile, lines, sha256: hash }: ValidatedProfile, file: string): Profile {
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
        ...(rule.match!.sample ? { sampleTerms: rule.match!.terms ?? [] } : {}),
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
