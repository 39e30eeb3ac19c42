/**
 * Compiles a redact rule's `match:` block into one regular expression, refusing patterns that could
 * backtrack catastrophically (a redaction run must finish on hostile input).
 */
import { UNSEEN_CHARACTERS } from '../leak/words.js';

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

/** Compiles patterns and terms. Throws an Error with a one-line message on an invalid or unsafe pattern. */
export function compileMatcher(match: { patterns?: readonly string[]; terms?: readonly string[]; ignoreCase?: boolean }): SpanMatcher {
  const parts: string[] = [];
  for (const p of match.patterns ?? []) {
    const unsafe = unsafePatternReason(p);
    if (unsafe) throw new Error(`pattern /${p}/ refused: ${unsafe}`);
    try {
      new RegExp(p, 'u');
    } catch (error) {
      throw new Error(`pattern /${p}/ is not a valid regular expression: ${(error as Error).message}`);
    }
    parts.push(`(?:${p})`);
  }
  for (const t of match.terms ?? []) parts.push(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}])`);
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
      // Also in the text as it reads: without invisible characters, with look-alike hyphens as
      // `-` and a word broken at a line end joined (`Du\u200Bcoffre`, `202\u2011647\u20114000`,
      // `jane.doe@exam-⏎ple.gov` were not redacted, and a PDF shows them plainly).
      const folded = foldForMatching(text);
      if (folded === null) return out;
      const seen = new Set(out.map((r) => `${r.start}:${r.end}`));
      for (const r of matches(folded.text)) {
        const span = { start: folded.origin[r.start]!, end: folded.origin[r.end - 1]! + 1 };
        if (!seen.has(`${span.start}:${span.end}`)) out.push(span);
      }
      return out.sort((a, b) => a.start - b.start || a.end - b.end);
    },
  };
}

/** Characters that show nothing (zero-width ones, soft hyphen, controls): those the leak check and the PDF renderer drop. */
const INVISIBLE = new RegExp(UNSEEN_CHARACTERS.source);
/** Hyphens and dashes that read as `-` in a name, number or address. */
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2212]/;

/**
 * `text` as a reader sees it, for matching: invisible characters left out, look-alike hyphens as
 * `-`, a hyphen at a line end joined to the next line's word; with the offset in `text` of each
 * character kept. Null when nothing changes.
 */
function foldForMatching(text: string): { text: string; origin: number[] } | null {
  if (!INVISIBLE.test(text) && !HYPHENS.test(text) && !/-[ \t]*\r?\n[ \t]*\S/.test(text)) return null;
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (INVISIBLE.test(ch)) continue;
    if (ch === '-' || HYPHENS.test(ch)) {
      const m = /^[ \t]*\r?\n[ \t]*(?=[\p{L}\p{N}])/u.exec(text.slice(i + 1, i + 12));
      if (m && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) {
        i += m[0].length;
        continue;
      }
      out += '-';
      origin.push(i);
      continue;
    }
    out += ch;
    origin.push(i);
  }
  return { text: out, origin };
}
