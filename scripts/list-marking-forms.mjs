#!/usr/bin/env node
/**
 * List every distinct marking form in the cable corpus, with counts (read-only; plain Node, no deps).
 *
 * Usage: node scripts/list-marking-forms.mjs [cablesDir] [--json]
 *   cablesDir defaults to /work/shared/corpus/cables. Files are only read, never written.
 *
 * It reports four tables (and the files where no banner line was found):
 *  - portion: the first parenthesised token at the start of a paragraph or sub-paragraph
 *    (`¶1. (C)`, `1. (S/NF)`, `1.(C)`, `A. (U)`, `SUBJECT: (C) ...`, bullets `- (C)`, and
 *    `(C) text` at the start of a line after a blank line), keyed by the text between the parentheses exactly as written;
 *  - double: two marks in a row (`(U) (SBU)`), keyed by both inners;
 *  - banner: the classification words of each banner line (a line before the E.O. line that
 *    starts with classification words, letter-spaced or not, also at the start of the last
 *    field of a database row; or a `SECRET//…` line before the first paragraph), with
 *    `SECTION nn OF nn`, the post and the number stripped;
 *  - caveat: lines between the banner and the E.O. line made only of caveat words
 *    (`NOFORN`, `SENSITIVE`, `SBU`, `FOR OFFICIAL USE ONLY`, `NODIS`, `SIPDIS` …).
 * The heuristics are deliberately wide: a false candidate costs one table row in the test,
 * a missed form costs an untested marking.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// A paragraph start: `¶1. (C)`, `1. (S/NF)`, `1.(C)`, `A. (U)`, `a) (C)`, `¶3 (C)`, `6 (C)`, `SUBJECT: (C)`,
// bullets `- (C)`, or `(C) text` at the start of a line that follows a blank line (a parenthesis
// at the start of any other line is usually prose wrapped onto a new line).
const LABELLED =
  /^[ \t"]*(?:(?:SUBJECT|SUBJ):[ \t]*|(?:¶[ \t]*[0-9A-Za-z]{1,3}[.)]?|[0-9]{1,3}(?:[.)]|(?=[ \t]))|[A-Za-z][.)]|[ivxIVX]{1,4}[.)]|[-*o]{1,2})[ \t]*)\(([^()\n]{0,40})\)/;
const UNLABELLED = /^[ \t"]*\(([^()\n]{0,40})\)/;
const DOUBLE = /^\(([^()\n]{0,40})\)[ \t]*\(([^()\n]{0,40})\)/;

// Upper-case words, or letter-spaced words in any case (`S E C R E T`, `S e c r e t`), allowing the
// doubled first letter of teletype banners (`SS E C R E T`, `CC O N F I D E N T I A L`, `UUNCLAS`)
// and other garbled first words (`CSE C R E T`).
const BANNER_START =
  /^(?:UU?NCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET(?![A-Z])|TOP SECRET|LIMITED OFFICIAL USE|(?:[A-Z]{1,3} )?(?:[A-Za-z] ){3,}[A-Za-z](?![A-Za-z]))/;

/**
 * The text of a line where a banner could start: leading spaces, quotes and dots removed; for a
 * database row (tab- or CSV-separated) the last field, where the cable body begins; and a
 * `CLASSIFICATION:` / `Class:` label removed.
 */
function bannerCandidate(line) {
  let text = line;
  if (text.includes('\t')) text = text.slice(text.lastIndexOf('\t') + 1);
  if (text.includes('","')) text = text.slice(text.lastIndexOf('","') + 3);
  text = text.replace(/^[\s".]+/, '').replace(/^(?:CLASSIFICATION|CLASS):\s*/i, '');
  return text;
}
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
  const text = line.replace(/\\\s*$/, '').trimEnd();
  const tokens = text.split(/\s+/);
  const out = [];
  for (const tok of tokens) {
    if (/^SECTION$/i.test(tok)) break;
    const parts = tok.split(/\/+|,|-/).filter(Boolean);
    const isLetter = /^[A-Za-z]$/.test(tok) || (out.length === 0 && /^[A-Z]{1,3}$/.test(tok));
    const afterRel = /REL(?: TO)?,?$/.test(out.join(' ')) || /,$/.test(out[out.length - 1] ?? '');
    if (afterRel && /^[A-Z]{3,4},?$/.test(tok)) {
      out.push(tok);
      continue;
    }
    const known =
      parts.length > 0 &&
      parts.every((p, k) => MARKING_WORDS.has(p) || (out.length === 0 && k === 0 && /^([A-Z])\1/.test(p) && MARKING_WORDS.has(p.slice(1))));
    if (isLetter || known || tok === '//' || tok === '/') out.push(tok);
    else break;
  }
  if (!out.length) return null;
  // "C O R R E C T E D  C O P Y" is a caption that some cables put above the banner.
  if (/^CORRECTED/.test(out.join('').toUpperCase())) return null;
  return out.join(' ');
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

/**
 * Scan a folder of cables and return the distinct forms with counts (see the file comment).
 * @param {string} dir folder of `*.txt` cables (only read)
 */
export function scanCorpus(dir) {
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

  const noBanner = [];
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    let bannerAt = -1;
    let eoSeen = false;
    let portionSeen = false;
    let found = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (/^\s*E\.\s*[O0]\.|^\s*TAGS:|^\s*SUBJECT:/.test(line)) eoSeen = true;
      // Banner lines come before the E.O. line; CAPCO-style classification lines (with "//") may
      // also follow "Classified By", before the first paragraph.
      const bannerZone = !eoSeen || (!portionSeen && line.includes('//'));
      const candidate = bannerCandidate(line);
      if (bannerZone && BANNER_START.test(candidate)) {
        const words = bannerWords(candidate);
        if (words) {
          count(banners, words, file);
          found = true;
          bannerAt = i;
          continue;
        }
      }
      if (!eoSeen && bannerAt >= 0) {
        const cav = caveatLine(line);
        if (cav) count(caveats, cav, file);
      }
      const prevBlank = i === 0 || /^[\s\\]*$/.test(lines[i - 1]);
      const m = LABELLED.exec(line) ?? (prevBlank ? UNLABELLED.exec(line) : null);
      if (m) {
        portionSeen = true;
        count(portions, m[1], file);
        const rest = line.slice(line.indexOf('(', m.index));
        const d = DOUBLE.exec(rest);
        if (d) count(doubles, `(${d[1]}) (${d[2]})`, file);
      }
    }
    if (!found) noBanner.push(file);
  }

  const table = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
      .map(([form, e]) => ({ form, count: e.count, files: e.files.size, example: [...e.files][0] }));

  return {
    files: files.length,
    noBanner: noBanner.length,
    noBannerFiles: noBanner,
    portion: table(portions),
    double: table(doubles),
    banner: table(banners),
    caveat: table(caveats),
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const args = process.argv.slice(2);
  const asJson = args.includes('--json');
  const dir = args.find((a) => !a.startsWith('--')) ?? '/work/shared/corpus/cables';
  const result = scanCorpus(dir);
  print(result, asJson);
}

/** Print the result as a readable report, or as JSON. */
function print(result, asJson) {
  if (asJson) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  console.log(`files scanned: ${result.files}; files with no banner line found: ${result.noBanner}`);
  for (const key of ['portion', 'double', 'banner', 'caveat']) {
    console.log(`\n## ${key}: ${result[key].length} distinct forms`);
    for (const r of result[key]) {
      console.log(`${String(r.count).padStart(6)}  ${JSON.stringify(r.form)}  (${r.files} files, e.g. ${r.example})`);
    }
  }
}
