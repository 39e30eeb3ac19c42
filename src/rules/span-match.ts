/**
 * Compiles a redact rule's `match:` block into one regular expression, refusing patterns that could
 * backtrack catastrophically (a redaction run must finish on hostile input).
 */
import { foldForMatching, NUMBER_AT_LINE_END, type LineEndReading } from './fold-for-matching.js';
import { SHARED_PATTERNS, type SharedPatternName } from './shared-patterns.js';

/** Escapes a literal term for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Returns a reason when `pattern` has a shape known to backtrack exponentially (a quantified group
 * that itself contains a quantifier, such as `(a+)+` or `(\w*\s?)*`, or a back-reference), else null.
 * Deliberately conservative: it may refuse a safe pattern, never accept such a shape.
 */
export function unsafePatternReason(pattern: string): string | null {
  if (/\\[1-9]/.test(pattern)) return 'back-references are not allowed';
  // Walk groups: if a group containing a quantifier is itself quantified, refuse.
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') stack.push(false);
    else if (ch === ')') {
      const hadQuantifier = stack.pop() ?? false;
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '{' || next === '?';
      if (hadQuantifier && quantified && next !== '?') return 'a quantified group contains a quantifier (nested repetition can backtrack catastrophically)';
      if (stack.length > 0 && (hadQuantifier || quantified)) stack[stack.length - 1] = true;
    } else if ((ch === '*' || ch === '+' || ch === '{') && stack.length > 0) {
      stack[stack.length - 1] = true;
    }
  }
  return null;
}

/** A compiled matcher: finds every match in a string as half-open offsets. */
export interface SpanMatcher {
  find(text: string): { start: number; end: number }[];
}

/** A `match:` block: patterns, shared patterns by name, terms. */
export interface MatchSpec {
  patterns?: readonly string[];
  use?: readonly SharedPatternName[];
  terms?: readonly string[];
  ignoreCase?: boolean;
}

/** Compiles patterns and terms. Throws an Error with a one-line message on an invalid or unsafe pattern. */
export function compileMatcher(match: MatchSpec): SpanMatcher {
  const parts: string[] = [];
  for (const p of [...(match.use ?? []).flatMap((name) => SHARED_PATTERNS[name]), ...(match.patterns ?? [])]) {
    const unsafe = unsafePatternReason(p);
    if (unsafe) throw new Error(`pattern /${p}/ refused: ${unsafe}`);
    try {
      new RegExp(p, 'u');
    } catch (error) {
      throw new Error(`pattern /${p}/ is not a valid regular expression: ${(error as Error).message}`);
    }
    parts.push(`(?:${p})`);
  }
  for (const t of match.terms ?? []) parts.push(termPattern(t));
  const flags = match.ignoreCase === false ? 'gu' : 'giu';
  const re = new RegExp(parts.join('|'), flags);
  const matches = (text: string): { start: number; end: number }[] => {
    const out: { start: number; end: number }[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length });
    }
    return out;
  };
  return {
    find(text) {
      const out = matches(text);
      const seen = new Set(out.map((r) => `${r.start}:${r.end}`));
      // Also in the text as it reads (see fold-for-matching.ts): `Du\u200Bcoffre`, `Ducоffre`,
      // `Ｄｕｃｏｆｆｒｅ`, `202\u2011647\u20114000`, `202-647-⏎4000`, `jane.doe@exam-⏎ple.gov` were
      // not redacted, and a PDF or a reader shows them plainly.
      for (const reading of readingsOf(text)) {
        const folded = foldForMatching(text, reading);
        if (folded === null) continue;
        for (const r of matches(folded.text)) {
          const span = { start: folded.origin[r.start]!, end: folded.origin[r.end - 1]! + 1 };
          const key = `${span.start}:${span.end}`;
          if (!seen.has(key)) out.push(span);
          seen.add(key);
        }
      }
      return withoutContained(out);
    },
  };
}

/**
 * The spans in order, without those inside another: a number wrapped after its area code matches
 * whole in the joined reading (`(503) ⏎2339-9282`) and in part as written (`2339-9282`).
 */
function withoutContained(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  return spans.filter((r) => {
    if (r.end <= reach) return false;
    reach = r.end;
    return true;
  });
}

/** The line-end readings to match: both only when a line end follows a hyphen, a digit or `)` before a digit. */
function readingsOf(text: string): LineEndReading[] {
  return NUMBER_AT_LINE_END.test(text) ? ['dehyphenate', 'join'] : ['dehyphenate'];
}

/** Blanks between the words of a name: any run of them, with at most one line end (`Burkhard⏎Ducoffre`, a tab, two spaces). */
const WORD_GAP = '(?:[^\\S\\r\\n]+|[^\\S\\r\\n]*\\r?\\n[^\\S\\r\\n]*)';
/** One blank or dot between spaced-out letters (`D u c o f f r e`, as a PDF set with character spacing reads; `D.U.C.O.F.F.R.E`). */
const LETTER_GAP = '[ .\\u00a0]';
/** Between the words of a name spelled out letter by letter: a wider gap, or a line end. */
const SPACED_WORD_GAP = '(?:[ \\u00a0]{1,4}|[ \\u00a0]*\\r?\\n[ \\u00a0]*)';

/**
 * A listed name as a whole word, its words apart by any blanks (with at most one line end), or
 * spelled out one letter at a time. The spaced form matches only that name's letters in order with
 * one blank between each, which ordinary text never is (a name of four letters or more: a list of
 * labels `a b c` or initials spell no such name); so it withholds the name and nothing else.
 */
function termPattern(term: string): string {
  const words = term.trim().split(/\s+/);
  const plain = words.map(escapeRegExp).join(WORD_GAP);
  const letters = words.join('').length;
  const spaced = words.map((w) => [...w].map(escapeRegExp).join(LETTER_GAP)).join(SPACED_WORD_GAP);
  const body = letters >= 4 ? `(?:${plain}|${spaced})` : plain;
  return `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
}
