import { caseNumberProblem } from '../release/case.js';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { dateOptionProblem, nameListProblem, oneOfProblem, sha256Problem, wholeNumberProblem } from '../options.js';

/** commander option parser for `YYYY-MM-DD` dates: a real calendar date, else a usage error naming what is wrong. */
export function parseIsoDateOption(value: string): string {
  return valid(value, dateOptionProblem(value));
}

/** commander option parser for a whole number of at least `min` (and at most `max`, when given), else a usage error. */
export function positiveInteger(min: number, max?: number): (value: string) => number {
  return (value: string): number => valid(Number(value), wholeNumberProblem(value, min, max));
}

/**
 * A comma-separated list of names out of `known` (`text,pdf`), as given (`fold`: each compared
 * in lower case). Usage errors (../../options.ts, as the library's): an unknown name; an empty
 * item (`text,`, `text,,pdf`: a name was left out, or a separator typed twice); a name given twice
 * (`text,text`: a slip that says something else was meant). `what` names an item in the message
 * ("format", "finding").
 */
export function parseNameList<T extends string>(value: string, known: readonly T[], what: string, fold = false): T[] {
  const list = value.split(',').map((s) => (fold ? s.trim().toLowerCase() : s.trim()));
  return valid(list as T[], nameListProblem(list, known, what, value));
}

/** commander option parser for a sha256 written as 64 hexadecimal digits (returned in lower case). */
export function parseSha256Option(value: string): string {
  return valid(value.toLowerCase(), sha256Problem(value));
}

/**
 * A parser for one of `choices`, in any case (`A4`, `a4`); the value is returned as listed.
 * commander's own `choices()` is case-sensitive.
 */
export function oneOf<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value: string): T => {
    const found = choices.find((c) => c.toLowerCase() === value.toLowerCase());
    return valid(found as T, found === undefined ? oneOfProblem(value, choices) : null);
  };
}

/** `value`, or commander's usage error for `problem` (one of ../../options.ts, shared with the library). */
function valid<T>(value: T, problem: string | null): T {
  if (problem !== null) throw new InvalidArgumentError(problem);
  return value;
}

/** Options meant to be given several times (`audit --against DIR`...): see {@link refuseRepeatedOptions}. */
const REPEATABLE = new WeakSet<Option>();

/** An option that may be given several times, each value kept (its parser collects them). */
export function repeatableOption(flags: string, description: string): Option {
  const option = new Option(flags, description);
  REPEATABLE.add(option);
  return option;
}

/**
 * Makes a second occurrence of a single-value option (`-p public -p us-secret`, `-o A -o B`,
 * `--as-of` twice) a usage error (exit 64): commander keeps the last, so a wrapper script's
 * `-p public` was silently overridden by a later `-p us-secret`, another audience.
 */
export function refuseRepeatedOptions(command: Command): void {
  for (const option of command.options) {
    if (!(option.required || option.optional) || option.variadic || REPEATABLE.has(option)) continue;
    const given: string[] = [];
    command.on(`option:${option.name()}`, (value: unknown) => {
      given.push(String(value));
      if (given.length === 2)
        command.error(`error: option '${option.flags}' given more than once ('${given[0]}', then '${given[1]}'); give it once`, { code: 'commander.repeatedOption', exitCode: 64 });
    });
  }
}

/** Options declared with {@link requiredOption}: checked by {@link checkRequiredOptions}. */
const REQUIRED = new WeakSet<Option>();

/**
 * An option the command cannot run without. commander's own `requiredOption` is checked before
 * unknown options, so `--profil public` would be reported as a missing `--profile` instead of a
 * typo; these are checked by {@link checkRequiredOptions} in a `preAction` hook, after commander
 * has reported unknown options and bad arguments.
 */
export function requiredOption(flags: string, description: string): Option {
  const option = new Option(flags, `${description} (required)`);
  REQUIRED.add(option);
  return option;
}

/** Reports the first {@link requiredOption} of `command` that was not given, as commander would. */
export function checkRequiredOptions(command: Command): void {
  for (const option of command.options) {
    if (REQUIRED.has(option) && command.getOptionValue(option.attributeName()) === undefined) {
      command.error(`error: required option '${option.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue', exitCode: 64 });
    }
  }
}

/** commander option parser for a FOIA case number (`F-2026-00123`: letters, digits, hyphens). */
export function parseCaseOption(value: string): string {
  const problem = caseNumberProblem(value);
  if (problem) throw new InvalidArgumentError(`${problem}, got ${JSON.stringify(value)}`);
  return value;
}
