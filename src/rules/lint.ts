/**
 * Profile lint (issue 12): orderings a profile may express but that make a release claim what is
 * not true. Warnings, not errors: the profile loads and runs; `declass rules check` prints them.
 */
import type { DeclStatus, Diagnostic } from '../types.js';
import type { CompiledRule, Profile } from './load.js';

/**
 * Handling caveats that are not classification: a rule limited to them may precede
 * declassification. (DEA Sensitive is unclassified only; the use of FISA-derived information is
 * restricted by statute, 50 U.S.C. 1806, whatever its classification.)
 */
const HANDLING: readonly string[] = ['SBU', 'FOUO', 'LOU', 'LES', 'SSI', 'DSEN', 'FISA', 'CUI'];

/** A lint finding on a profile, with the 1-based line of the rule it is about. */
export interface ProfileWarning extends Diagnostic {
  readonly line: number;
  readonly ruleId: string;
}

function conditionOf<T>(rule: CompiledRule, key: string): T | undefined {
  return rule.conditions.find(([k]) => k === key)?.[1] as T | undefined;
}

/** True for a release rule that decides portions of declassified documents. */
function isDeclassifiedRule(rule: CompiledRule): boolean {
  const status = conditionOf<DeclStatus[]>(rule, 'declStatus');
  return rule.action === 'release' && status !== undefined && status.includes('declassified');
}

/** What a withhold rule is about when it is about unmarked or NOFORN portions, else null. */
function aboutUnmarkedOrNoforn(rule: CompiledRule): string | null {
  if (rule.action !== 'withhold') return null;
  const status = conditionOf<DeclStatus[]>(rule, 'declStatus');
  if (status !== undefined && !status.includes('declassified')) return null;
  const documentControls = conditionOf<string[]>(rule, 'documentControlsAny');
  if (documentControls !== undefined && documentControls.every((c) => HANDLING.includes(c))) return null;
  if (conditionOf<string[]>(rule, 'marking')?.includes('unmarked')) return 'unmarked portions';
  if (conditionOf<string[]>(rule, 'controlsAny')?.includes('NOFORN')) return 'NOFORN portions';
  return null;
}

/**
 * Warns (`rule-before-declassified`) for every withhold rule for unmarked or NOFORN portions that
 * comes before the first rule releasing declassified documents' portions and does not exclude
 * declassified documents (`declStatus`): in a declassified document it would withhold text whose
 * classification has lapsed (32 CFR 2001.12(b)), and NOFORN cannot outlive the classification it
 * qualifies. Rules limited to SBU-type handling caveats are not classification and may come first.
 */
export function lintProfile(profile: Profile): ProfileWarning[] {
  return [...unreachableRules(profile), ...rulesBeforeDeclassified(profile)];
}

/**
 * Warns (`rule-unreachable`) for every rule after one without conditions: the first rule whose
 * conditions hold decides, so no rule after it ever fires (a catch-all release placed first
 * decided everything, and the profile loaded without a word).
 */
function unreachableRules(profile: Profile): ProfileWarning[] {
  const at = profile.rules.findIndex((r) => r.conditions.length === 0);
  if (at < 0) return [];
  const all = profile.rules[at]!;
  return profile.rules.slice(at + 1).map((rule) => ({
    severity: 'warning' as const,
    code: 'rule-unreachable',
    line: rule.line,
    ruleId: rule.id,
    message: `rule "${rule.id}" never fires: rule "${all.id}" (line ${all.line}) has no conditions and decides every portion that reaches it`,
  }));
}

function rulesBeforeDeclassified(profile: Profile): ProfileWarning[] {
  const at = profile.rules.findIndex(isDeclassifiedRule);
  if (at < 0) return [];
  const declassified = profile.rules[at]!;
  const warnings: ProfileWarning[] = [];
  for (const rule of profile.rules.slice(0, at)) {
    const what = aboutUnmarkedOrNoforn(rule);
    if (what === null) continue;
    warnings.push({
      severity: 'warning',
      code: 'rule-before-declassified',
      line: rule.line,
      ruleId: rule.id,
      message: `rule "${rule.id}" (${what}) comes before rule "${declassified.id}" (line ${declassified.line}), so it withholds such portions of declassified documents too; put "${declassified.id}" first, or limit "${rule.id}" with declStatus`,
    });
  }
  return warnings;
}
