/**
 * An independent check of a release text against its profile's redact rules: the engine decides
 * where they apply (inside portions, across their breaks, the header lines outside them), and a
 * place it forgets leaks without a word, since the re-run and the self-leak check follow the same
 * engine (stop 57: routing lines and TAGS were never matched, and `audit --originals` passed). Here
 * every rule without conditions is matched on each line of the text as released, its placeholders
 * cut out: what it still finds was shown. A rule with conditions applies to some portions only,
 * which the text does not say: it is not checked here.
 */
import type { Profile } from '../rules/load.js';

/** The tool's placeholders: a redacted span's, a withheld portion's, a denied document's statement. */
const PLACEHOLDER = /\[(?:REDACTED|WITHHELD|DENIED IN FULL): [^\]\n]*\]/g;

/**
 * One finding per rule that still matches `text`: the rule, how many spans, the first line; never
 * the text matched. `toolLines` are the tool's own lines (the release banner, the stamp: `RELEASE IN
 * PART B1` holds an office symbol's shape), skipped.
 */
export function redactRuleMatches(profile: Profile, text: string, toolLines: readonly string[]): string[] {
  const tool = new Set(toolLines.map((l) => l.trim()));
  // Each line in the pieces between its placeholders.
  const lines = text.split('\n').map((line) => (tool.has(line.trim()) ? [] : line.split(PLACEHOLDER)));
  const out: string[] = [];
  for (const rule of profile.spanRules) {
    if (rule.conditions.length > 0) continue;
    let count = 0;
    let first = -1;
    lines.forEach((line, i) => {
      const n = line.reduce((sum, piece) => sum + rule.matcher.find(piece).length, 0);
      if (n > 0 && first < 0) first = i;
      count += n;
    });
    if (count > 0) out.push(`${count} span(s) that redact rule ${rule.fullId} matches appear here, the first near line ${first + 1}: the release shows text its profile redacts`);
  }
  return out;
}
