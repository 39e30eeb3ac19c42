#!/usr/bin/env node
/**
 * List every distinct marking form in the cable corpus, with counts (read-only; plain Node, no deps).
 *
 * Usage: node scripts/list-marking-forms.mjs [cablesDir] [--json]
 *   cablesDir defaults to /work/shared/corpus/cables. Files are only read, never written.
 *
 * It reports three tables:
 *  - portion: the first parenthesised token at the start of a paragraph or sub-paragraph
 *    (`¶1. (C)`, `1. (S/NF)`, `1.(C)`, `A. (U)`, `(C) text` at line start, `SUBJECT: (C) ...`,
 *    bullets `- (C)`), keyed by the text between the parentheses exactly as written;
 *  - double: two marks in a row (`(U) (SBU)`), keyed by both inners;
 *  - banner: the classification words of each banner line (a line near the top of the body
 *    that starts with classification words), with `SECTION nn OF nn`, the post and the
 *    number stripped;
 *  - caveat: lines between the banner and the E.O. line made only of caveat words
 *    (`NOFORN`, `SENSITIVE`, `SBU`, `FOR OFFICIAL USE ONLY`, `NODIS`, `SIPDIS` …).
 * The heuristics are deliberately wide: a false candidate costs one table row in the test,
 * a missed form costs an untested marking.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const dir = args.find((a) => !a.startsWith('--')) ?? '/work/shared/corpus/cables';

// Paragraph label: optional ¶, a number / letter / roman numeral, then "." or ")" (either may be
// missing, as in "1 (C)" or "(C) text"); also "SUBJECT:" and bullet dashes.
const PORTION_START =
  /^[ \t"]*(?:SUBJECT:|SUBJ:)?[ \t]*(?:[-*o]+[ \t]+)?(?:¶[ \t]*)?(?:(?:[0-9]{1,3}|[A-Za-z]{1,2}|[ivxIVX]{1,4})(?:[.)]|(?=[ \t]))[ \t]*)?\(([^()\n]{0,40})\)/;
const DOUBLE = /^\(([^()\n]{0,40})\)[ \t]*\(([^()\n]{0,40})\)/;

// Banner words: spaced letters (S E C R E T) or known marking words, possibly joined by / or //.
const BANNER_START =
  /^[ \t"]*(?:UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET(?!ARY)|TOP SECRET|LIMITED OFFICIAL USE|C O N|S E C|T O P|SS E C|U N C|L I M)/;
const MARKING_WORDS = new Set(
  ('UNCLAS UNCLASSIFIED CONFIDENTIAL SECRET TOP LIMITED OFFICIAL USE ONLY FOR NOFORN NF SBU ' +
    'SENSITIVE BUT FOUO EFTO REL TO USA NATO FGI MR ORCON EXDIS NODIS LIMDIS SI TK HCS G ' +
    'PROPIN RELIDO LES SSI').split(' '),
);
const CAVEAT_WORDS = new Set(
  ('NOFORN SENSITIVE SIPDIS SBU BUT UNCLASSIFIED FOR OFFICIAL USE ONLY FOUO NODIS EXDIS LIMDIS ' +
    'ORCON PROPIN NF STADIS').split(' '),
);

/** Classification words at the start of a banner line, or null. */
function bannerWords(line) {
  const text = line.replace(/\\\s*$/, '').replace(/^[ \t"]+/, '').trimEnd();
  const tokens = text.split(/\s+/);
  const out = [];
  for (const tok of tokens) {
    if (/^SECTION$/i.test(tok)) break;
    const parts = tok.split(/\/+|,|-/).filter(Boolean);
    const isLetter = /^[A-Z]$/.test(tok);
    const known = parts.length > 0 && parts.every((p) => MARKING_WORDS.has(p.toUpperCase()));
    if (isLetter || known || tok === '//' || tok === '/') out.push(tok);
    else break;
  }
  return out.length ? out.join(' ') : null;
}

/** A line made only of caveat words (commas, dashes and slashes allowed between them). */
function caveatLine(line) {
  const text = line.replace(/\\\s*$/, '').trim();
  if (!text) return null;
  const parts = text.split(/[\s,;/-]+/).filter(Boolean);
  if (!parts.length || !parts.every((p) => CAVEAT_WORDS.has(p.toUpperCase()))) return null;
  if (parts.every((p) => p.toUpperCase() === 'SIPDIS')) return null;
  return text;
}

const count = (map, key, file) => {
  const e = map.get(key) ?? { count: 0, files: new Set() };
  e.count++;
  e.files.add(file);
  map.set(key, e);
};

const portions = new Map();
const doubles = new Map();
const banners = new Map();
const caveats = new Map();
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

for (const file of files) {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  let bannerAt = -1;
  let eoSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*E\.\s*[O0]\.|^\s*TAGS:|^\s*SUBJECT:/i.test(line)) eoSeen = true;
    if (!eoSeen && BANNER_START.test(line)) {
      const words = bannerWords(line);
      if (words) {
        count(banners, words, file);
        bannerAt = i;
        continue;
      }
    }
    if (!eoSeen && bannerAt >= 0) {
      const cav = caveatLine(line);
      if (cav) count(caveats, cav, file);
    }
    const m = PORTION_START.exec(line);
    if (m) {
      count(portions, m[1], file);
      const rest = line.slice(line.indexOf('(', m.index));
      const d = DOUBLE.exec(rest);
      if (d) count(doubles, `(${d[1]}) (${d[2]})`, file);
    }
  }
}

const table = (map) =>
  [...map.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .map(([form, e]) => ({ form, count: e.count, files: e.files.size, example: [...e.files][0] }));

const result = {
  files: files.length,
  portion: table(portions),
  double: table(doubles),
  banner: table(banners),
  caveat: table(caveats),
};
if (asJson) {
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
} else {
  console.log(`files scanned: ${result.files}`);
  for (const key of ['portion', 'double', 'banner', 'caveat']) {
    console.log(`\n## ${key}: ${result[key].length} distinct forms`);
    for (const r of result[key]) console.log(`${String(r.count).padStart(6)}  ${JSON.stringify(r.form)}  (${r.files} files, e.g. ${r.example})`);
  }
}
