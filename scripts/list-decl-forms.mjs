#!/usr/bin/env node
// Lists every distinct shape of declassification instruction (the value of the E.O. line, and of
// any "Declassify On:" line) in a folder of cables, with counts. Read-only: it never writes.
//
// Usage: node scripts/list-decl-forms.mjs [DIR] [--examples]
//   DIR defaults to ../shared/corpus/cables (relative to the repository root).
//   --examples prints up to three file names per shape.
//
// A "shape" is the value with every digit replaced by 9 and runs of spaces squeezed, so
// `DECL: 02/13/2018` and `DECL: 11/30/2019` count together as `DECL: 99/99/9999`.
//
// The extractor is deliberately small and independent of src/parse (so that it can check it):
// - the E.O. line is the first line, before paragraph 1, where `E.O. 12958` (also `EO`,
//   `E.o.`, `E.0.`, `E.O.12356`) starts the line or follows a header collapsed onto one line
//   (`... SIPDIS E.O. 12958: DECL: ... TAGS: ...`), is followed by `:`, `DECL` or `N/A` (or by
//   nothing, when TAGS follows on the next line), and is not in a "Classified By ... reason" line;
// - the value is the rest of the line, cut before `TAGS:`, with the trailing `\` of leaked
//   database rows removed; when the line holds nothing after the order number and the next line
//   is not TAGS/SUBJECT, the next line is joined (a wrapped value).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const showExamples = args.includes('--examples');
const dir = args.find((a) => !a.startsWith('--')) ?? path.resolve(here, '../../shared/corpus/cables');

const EO = /(^|[\s"',\\]|SIPDIS)(E\s?\.?\s?[O0]\s?\.?|EO)\s*(\d{4,5})\b(.*)$/i;

/** Returns `{ order, value }` for the cable's E.O. line, or null when it has none. */
export function findEoValue(text) {
  const lines = text.split('\n').map((l) => l.replace(/\\\s*$/, ''));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = EO.exec(line);
    if (m) {
      const before = line.slice(0, m.index);
      const atStart = /^[\s"',\\]*$/.test(before);
      const collapsed = /SIPDIS|\bUNCLAS|C O N F|S E C R E T|\bDEPT\b|\bFOR\b/.test(before);
      const inReason = /classified\s+by|reason/i.test(before);
      let rest = m[4];
      const next = lines[i + 1] ?? '';
      const looksLikeInstruction =
        /^\s*(:|DECL|N\/?A\b)/i.test(rest) || (/^\s*$/.test(rest) && /^\s*TAGS?\b/i.test(next));
      if ((atStart || collapsed) && !inReason && looksLikeInstruction) {
        rest = rest.replace(/\s+TAGS?\s*:.*$/i, '');
        if (/^\s*:?\s*$/.test(rest)) {
          if (next.trim() && !/^\s*(TAGS?|SUBJECT|SUBJ)\b/i.test(next)) rest = `${rest} ${next}`;
        }
        return { order: m[3], value: rest.replace(/^\s*:/, '').replace(/^\s+/, '').trimEnd(), line: i + 1 };
      }
    }
    // The E.O. line comes before the first numbered paragraph; later mentions are prose.
    if (/^\s*¶?\s*1\s*\.\s/.test(line)) break;
  }
  return null;
}

/** `Declassify On: 20351010` / `Declassify on: Source marked 25X1-human, ...` lines. */
export function findDeclassifyOnValues(text) {
  const out = [];
  for (const m of text.matchAll(/^\s*Declassify\s+on\s*:?\s*(.*)$/gim)) out.push(m[1].replace(/\\\s*$/, '').trimEnd());
  return out;
}

function shape(value) {
  return value.replace(/\d/g, '9').replace(/ {2,}/g, ' ');
}

function main() {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const eoShapes = new Map();
  const declassifyOn = new Map();
  const orders = new Map();
  const bump = (map, key, file) => {
    const entry = map.get(key) ?? { count: 0, files: [] };
    entry.count++;
    if (entry.files.length < 3) entry.files.push(file);
    map.set(key, entry);
  };
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const eo = findEoValue(text);
    bump(eoShapes, eo ? shape(eo.value) : '(no E.O. line)', file);
    bump(orders, eo ? eo.order : '(none)', file);
    for (const v of findDeclassifyOnValues(text)) bump(declassifyOn, shape(v), file);
  }
  const print = (title, map) => {
    console.log(`\n## ${title}\n`);
    for (const [key, { count, files: fs }] of [...map].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))) {
      console.log(`${String(count).padStart(5)}  ${JSON.stringify(key)}${showExamples ? `  ${fs.join(' ')}` : ''}`);
    }
  };
  console.log(`${files.length} cables in ${dir}`);
  print('E.O. line values (after the order number and its colon)', eoShapes);
  print('Order numbers as written', orders);
  print('"Declassify on" lines', declassifyOn);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
